"""Reporters: one module per output format. Each exposes render(results, options) -> str."""

from __future__ import annotations

import importlib
from collections import Counter

from ..model import FileResult
from ..source import LineIndex

FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")


def render(fmt: str, results: list[FileResult], **options) -> str:
    module = importlib.import_module(f"{__name__}.{fmt}_report")
    return module.render(results, **options)


def span_location(index: LineIndex, span) -> dict | None:
    if span is None:
        return None
    line, column = index.position(span.start)
    end_line, end_column = index.position(span.end)
    return {"start": span.start, "end": span.end, "line": line, "column": column,
            "end_line": end_line, "end_column": end_column}


def summary(results: list[FileResult]) -> dict:
    findings = [f for r in results for f in r.findings]
    return {
        "files": len(results),
        "findings": len(findings),
        "by_severity": dict(Counter(f.severity.value for f in findings)),
        "by_category": dict(Counter(f.category for f in findings)),
    }
