"""One finding a line: `path:line:col: CODE message [suggestion]`, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
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
    return "".join(render_pieces(results, statistics=statistics))


def render_pieces(results: list[FileResult], *, statistics: bool = False, **_options: Any) -> Iterator[str]:
    """The report a file at a time (each piece whole lines), so a large batch's report is never held whole."""
    results = printable(results)  # names and text every output can write
    severities: Counter[str] = Counter()
    codes: Counter[tuple[str, str]] = Counter()
    files: set[str] = set()  # the paths with findings (a path given twice is one file)
    for result in results:
        if result.findings:
            files.add(result.path)
            severities.update(f.severity.value for f in result.findings)
            if statistics:
                codes.update((f.code, f.name) for f in result.findings)
            else:
                index = LineIndex(result.text)
                yield "".join(_line(result.path, index, f) + "\n" for f in result.findings)
    for (code, name), count in sorted(codes.items(), key=lambda item: (-item[1], item[0])):
        yield f"{count:>6}  {code}  {name}\n"
    found = sum(severities.values())
    if found:
        parts = ", ".join(f"{severities[s]} {s}" for s in ("error", "warning", "info") if severities[s])
        yield f"Found {found} finding{'s' * (found != 1)} ({parts}) in {len(files)} file{'s' * (len(files) != 1)}.\n"
    else:
        yield f"No findings in {len(results)} file{'s' * (len(results) != 1)}.\n"
    languages = Counter(r.language for r in results if r.language)
    if set(languages) - {DEFAULT_LANGUAGE}:  # said only when some posting was not read as English
        yield "Languages: " + ", ".join(f"{language_name(c)} {n}" for c, n in languages.most_common()) + ".\n"


if TYPE_CHECKING:  # mypy checks this module against the protocol
    from ..protocols import Reporter
    from . import text_report  # noqa: PLW0406 - the module itself, for mypy

    _reporter: Reporter = text_report
