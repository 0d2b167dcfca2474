"""GitHub Actions workflow commands: one annotation per finding on the pull request's files."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import FileResult
from ..printable import visible_controls
from ..source import LineIndex
from . import printable

NAME: str = "github"
ORDER: int = 50
WANTS_METRICS: bool = False
DEFAULT_OUTPUT: str | None = None

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], **_options: Any) -> str:
    results = printable(results)  # names and text every output can write
    lines = []
    for result in results:
        index = LineIndex(result.text)
        for finding in result.findings:
            properties = [f"file={escape_property(result.path)}"]
            if finding.span is not None:
                line, column = index.position(finding.span.start)
                end_line, end_column = index.position(finding.span.end)
                properties += [f"line={line}", f"col={column}", f"endLine={end_line}", f"endColumn={end_column}"]
            else:
                properties.append("line=1")
            properties.append(f"title={escape_property(f'{finding.code} {finding.name}')}")
            message = finding.message
            if finding.suggestions:
                message += "\nSuggestion: " + " | ".join(finding.suggestions)
            # a bidi control quoted from a posting must not reorder the log line; `file=` stays exact, as GitHub
            # needs it to place the annotation
            message = visible_controls(message)
            lines.append(f"::{COMMANDS[finding.severity.value]} {','.join(properties)}::{escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


if TYPE_CHECKING:  # mypy checks this module against the protocol
    from ..protocols import Reporter
    from . import github_report  # noqa: PLW0406 - the module itself, for mypy

    _reporter: Reporter = github_report
