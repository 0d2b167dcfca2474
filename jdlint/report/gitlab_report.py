"""GitLab Code Quality (a subset of the Code Climate issue format), for the merge request widget and diff view."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from ..fingerprint import fingerprints
from ..model import FileResult, InputError
from ..printable import shown
from ..source import LineIndex
from . import below_working_folder, printable

NAME: str = "gitlab"
ORDER: int = 54
WANTS_METRICS: bool = False
DEFAULT_OUTPUT: str | None = None

# GitLab's five levels, kept for what they mean there: a wording finding is never a blocker; a file that could
# not be linted is, since the gate did not see it
SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
INPUT_ERROR_SEVERITY = "blocker"
INPUT_ERROR_CHECK = "jdlint/input-error"


def report_path(path: str) -> str:
    """The path as GitLab matches it to the repository: relative with / when below the working folder (so
    `./postings/a.md` is `postings/a.md`), else as given; stdin's `<stdin>`-style names stay as they are."""
    if not path.startswith("<"):
        path = below_working_folder(path) or path
    return shown(path)


def _fingerprint(*parts: str) -> str:
    """Unique in the report and stable across runs: the file and jdlint's own fingerprint (code, matched text,
    occurrence), never a line number, so an edit elsewhere keeps GitLab's 'resolved'/'new' comparison right."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _lines(index: LineIndex, span) -> dict:
    if span is None:  # a whole-posting finding (missing information) goes on the first line
        return {"begin": 1, "end": 1}
    return {"begin": index.position(span.start)[0], "end": index.position(span.end)[0]}


def _issue(check: str, description: str, fingerprint: str, severity: str, path: str, lines: dict) -> dict:
    return {
        "type": "issue",
        "check_name": check,
        "description": description,
        "fingerprint": fingerprint,
        "severity": severity,
        "engine_name": "jdlint",
        "location": {"path": path, "lines": lines},
    }


def issues(results: list[FileResult], errors: list[InputError]) -> list[dict]:
    out = []
    for result in printable(results):  # names and text every output can write
        index = LineIndex(result.text)
        path = report_path(result.path)
        for finding, fingerprint in zip(result.findings, fingerprints(result.findings)):
            description = f"{finding.code} {finding.name}: {finding.message}"
            if finding.suggestions:
                description += " Suggestion: " + " | ".join(finding.suggestions)
            out.append(
                _issue(
                    finding.code,
                    description,
                    _fingerprint(path, finding.code, fingerprint),
                    SEVERITIES[finding.severity.value],
                    path,
                    _lines(index, finding.span),
                )
            )
    for error in errors:
        path = report_path(error.path)
        out.append(
            _issue(
                INPUT_ERROR_CHECK,
                f"not linted: {shown(error.reason)}",
                _fingerprint(path, INPUT_ERROR_CHECK),
                INPUT_ERROR_SEVERITY,
                path,
                {"begin": 1, "end": 1},
            )
        )
    return out


def render(results: list[FileResult], *, errors: list[InputError] | None = None, **_options: Any) -> str:
    return json.dumps(issues(results, list(errors or [])), indent=2, ensure_ascii=False) + "\n"


if TYPE_CHECKING:  # mypy checks this module against the protocol
    from ..protocols import Reporter
    from . import gitlab_report  # noqa: PLW0406 - the module itself, for mypy

    _reporter: Reporter = gitlab_report
