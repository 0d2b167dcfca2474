"""One finding a line: `path:line:col: CODE message [suggestion]`, then a summary."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import click

from ..language import DEFAULT_LANGUAGE
from ..language.detect import language_name
from ..model import FileResult
from ..printable import visible_controls
from ..source import LineIndex
from . import printable

NAME: str = "text"
ORDER: int = 10
WANTS_METRICS: bool = False
DEFAULT_OUTPUT: str | None = None

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
MAX_INLINE_SUGGESTION = 60  # longer suggestions (statements to paste) are for `jdlint rule` and the HTML report


def _line(path: str, index: LineIndex, finding) -> str:
    where = click.style(path, bold=True)
    if finding.span is not None:
        line, column = index.position(finding.span.start)
        where += f":{line}:{column}"
    code = click.style(finding.code, fg=_COLOURS[finding.severity.value], bold=True)
    text = f"{where}: {code} {finding.message}"
    shown = [s for s in finding.suggestions if len(s) <= MAX_INLINE_SUGGESTION]
    if shown and not any(s in finding.message for s in shown):
        text += " [" + " | ".join(shown) + "]"
    return visible_controls(text)  # a bidi control quoted from a posting must not reorder the line


def render(results: list[FileResult], *, statistics: bool = False, **_options: Any) -> str:
    results = printable(results)  # names and text every output can write
    findings = [(r, f) for r in results for f in r.findings]
    out: list[str] = []
    if statistics:
        counts = Counter((f.code, f.name) for _, f in findings)
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            out.append(f"{count:>6}  {code}  {name}")
    else:
        for result in results:
            index = LineIndex(result.text)
            out.extend(_line(result.path, index, f) for f in result.findings)
    severities = Counter(f.severity.value for _, f in findings)
    if findings:
        parts = [f"{severities[s]} {s}" for s in ("error", "warning", "info") if severities[s]]
        files = len({r.path for r, _ in findings})
        out.append(
            f"Found {len(findings)} finding{'s' * (len(findings) != 1)} "
            f"({', '.join(parts)}) in {files} file{'s' * (files != 1)}."
        )
    else:
        out.append(f"No findings in {len(results)} file{'s' * (len(results) != 1)}.")
    languages = Counter(r.language for r in results if r.language)
    if set(languages) - {DEFAULT_LANGUAGE}:  # said only when some posting was not read as English
        out.append("Languages: " + ", ".join(f"{language_name(c)} {n}" for c, n in languages.most_common()) + ".")
    return "\n".join(out) + "\n"


if TYPE_CHECKING:  # mypy checks this module against the protocol
    from ..protocols import Reporter
    from . import text_report  # noqa: PLW0406 - the module itself, for mypy

    _reporter: Reporter = text_report
