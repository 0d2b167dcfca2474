"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..catalog import load_catalog
from ..fingerprint import fingerprints
from ..model import FileResult
from ..source import LineIndex
from ..version import __version__
from . import below_working_folder, printable

NAME: str = "sarif"
ORDER: int = 40
WANTS_METRICS: bool = False
DEFAULT_OUTPUT: str | None = None

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/jdlint/jdlint"


def uri(path: str) -> str:
    """A relative URI from the working folder when the file is below it (what code scanning expects); characters
    a URI cannot hold (a space, a backslash, anything not ASCII) are percent-encoded as UTF-8."""
    relative = below_working_folder(path)
    if relative is not None:
        return quote(relative, safe="/")
    return Path(os.path.abspath(path)).as_uri()


def _rule(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.name.replace("-", " ").capitalize()},
        "fullDescription": {"text": rule.why},
        "helpUri": rule.source,
        "help": {"text": f"{rule.why}\n\nSource: {rule.source}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"category": rule.category, "fix": rule.fix},
    }


def driver_rules(rules) -> list[dict]:
    """tool.driver.rules: every catalog rule, in catalog order (results point into it by ruleIndex)."""
    return [_rule(rule) for rule in rules]


def _region(index: LineIndex, span) -> dict:
    if span is None:
        return {"startLine": 1}
    line, column = index.position(span.start)
    end_line, end_column = index.position(span.end)
    return {
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": span.start,
        "charLength": span.end - span.start,
    }


def _result(finding, rule_index: int, path: str, index: LineIndex, fingerprint: str) -> dict:
    result = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity.value],
        "message": {"text": finding.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": uri(path)}, "region": _region(index, finding.span)}}
        ],
        "partialFingerprints": {"jdlint/v1": fingerprint},
        "properties": {"category": finding.category, "suggestions": list(finding.suggestions)},
    }
    if finding.fix is not None:
        action = finding.suggestions[0] if finding.suggestions else "apply"
        result["fixes"] = [
            {
                "description": {"text": f"{finding.fix.applicability.value} fix: {action}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri(path)},
                        "replacements": [
                            {
                                "deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start},
                                "insertedContent": {"text": edit.content},
                            }
                            for edit in finding.fix.edits
                        ],
                    }
                ],
            }
        ]
    return result


def render(results: list[FileResult], **_options: Any) -> str:
    results = printable(results)  # names and text every output can write
    rules = list(load_catalog().rules)
    position = {rule.code: i for i, rule in enumerate(rules)}
    sarif_results = []
    for result in results:
        index = LineIndex(result.text)
        for finding, fingerprint in zip(result.findings, fingerprints(result.findings)):
            sarif_result = _result(finding, position[finding.code], result.path, index, fingerprint)
            sarif_result["properties"]["language"] = result.language  # the posting's, which chose the rule's data
            sarif_results.append(sarif_result)
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "jdlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": driver_rules(rules),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


if TYPE_CHECKING:  # mypy checks this module against the protocol
    from ..protocols import Reporter
    from . import sarif_report  # noqa: PLW0406 - the module itself, for mypy

    _reporter: Reporter = sarif_report
