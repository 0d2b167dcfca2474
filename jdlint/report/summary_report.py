"""A summary in Markdown, for a CI job summary (the GitHub Action's) or a review comment: counts per category,
then the first findings in a table.

GitHub renders the summary as Markdown with HTML allowed, and file names, messages and suggestions quote posting
text, which is untrusted: every character that Markdown or HTML reads as syntax is written escaped (`escape`)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..model import FileResult
from ..printable import visible_controls
from ..source import LineIndex
from . import plain_labels, printable

NAME: str = "summary"
ORDER: int = 55
WANTS_METRICS: bool = False
DEFAULT_OUTPUT: str | None = None

FIRST = 20  # findings listed; the rest are counted
MAX_MESSAGE = 240  # characters of a message shown in the table
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# what GitHub's Markdown may read as syntax in a table cell: emphasis, code, links and images, autolinks (www., :),
# mentions and issue references (@, #), maths ($), cell ends (|); every one may be backslash-escaped
_PUNCTUATION = frozenset("!#$()*.:@[\\]_`{|}~")


def escape(text: str) -> str:
    """`text` as literal characters in a Markdown table cell: HTML's specials as entities, the rest of ASCII
    punctuation backslash-escaped (no emphasis, links, autolinks, mentions or cell breaks), breaks as spaces."""
    out = []
    for char in visible_controls(text):
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _PUNCTUATION:
            out.append("\\" + char)
        elif char in "\r\n\t\f\v" or ord(char) < 32 or ord(char) == 127:
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def render(results: list[FileResult], **_options: Any) -> str:
    results = printable(results)  # names and text every output can write
    findings = [(r, f) for r in results for f in r.findings]
    postings = f"{len(results)} posting{'s' * (len(results) != 1)}"
    out = ["## jdlint", ""]
    if not findings:
        return "\n".join([*out, f"No findings in {postings} checked.", ""])
    severities = Counter(f.severity.value for _, f in findings)
    parts = ", ".join(f"{severities[s]} {s}" for s in ("error", "warning", "info") if severities[s])
    files = len({r.path for r, _ in findings})
    plural = "s" * (len(findings) != 1)
    out += [f"**{len(findings)} finding{plural}** ({parts}) in {files} of {postings} checked.", ""]
    out += ["| category | findings |", "|---|---:|"]
    categories = Counter(f.category for _, f in findings)
    for category, count in sorted(categories.items(), key=lambda item: (-item[1], item[0])):
        out.append(f"| {escape(plain_labels.category(category))} | {count} |")
    out += ["", f"### First findings ({min(FIRST, len(findings))} of {len(findings)})", ""]
    out += ["| where | rule | severity | message |", "|---|---|---|---|"]
    indexes: dict[str, LineIndex] = {}
    for result, finding in findings[:FIRST]:
        where = result.path
        if finding.span is not None:
            index = indexes.setdefault(result.path, LineIndex(result.text))
            line, column = index.position(finding.span.start)
            where += f":{line}:{column}"
        rule = f"{finding.code} {finding.name}"
        message = _shorten(finding.message)
        out.append(f"| {escape(where)} | {escape(rule)} | {finding.severity.value} | {escape(message)} |")
    if len(findings) > FIRST:
        out += ["", f"… and {len(findings) - FIRST} more: see the job's annotations or log."]
    return "\n".join(out) + "\n"


if TYPE_CHECKING:  # mypy checks this module against the protocol
    from ..protocols import Reporter
    from . import summary_report  # noqa: PLW0406 - the module itself, for mypy

    _reporter: Reporter = summary_report
