"""Reporters: one module per output format, found by name.

A reporter is a module of this package whose name ends in `_report` (text_report, json_report, ...). It
satisfies jdlint.protocols.Reporter: NAME (what `--format` takes), ORDER (its place in the list),
WANTS_METRICS, DEFAULT_OUTPUT and render(results, **options) -> str. Adding an output format is adding
one such module: reporters() finds it and the CLI offers it. Other modules here (this one's helpers,
audit_formats) are not reporters.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from functools import cache
from typing import Any, cast

from ..model import FileResult, Span
from ..protocols import Reporter
from ..source import LineIndex

REPORTER_SUFFIX = "_report"


@cache
def reporters() -> dict[str, Reporter]:
    """Every reporter module of this package by NAME, in ORDER (then by name)."""
    found = [
        cast(Reporter, importlib.import_module(f"{__name__}.{module.name}"))
        for module in pkgutil.iter_modules(__path__)
        if module.name.endswith(REPORTER_SUFFIX)
    ]
    return {reporter.NAME: reporter for reporter in sorted(found, key=lambda r: (r.ORDER, r.NAME))}


def get(name: str) -> Reporter:
    try:
        return reporters()[name]
    except KeyError:
        raise ValueError(f"no output format '{name}' (formats: {', '.join(reporters())})") from None


def render(fmt: str, results: list[FileResult], **options: Any) -> str:
    return get(fmt).render(results, **options)


def span_location(index: LineIndex, span: Span | None) -> dict | None:
    if span is None:
        return None
    line, column = index.position(span.start)
    end_line, end_column = index.position(span.end)
    return {
        "start": span.start,
        "end": span.end,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
    }


def summary(results: list[FileResult]) -> dict:
    findings = [f for r in results for f in r.findings]
    return {
        "files": len(results),
        "findings": len(findings),
        "by_severity": dict(Counter(f.severity.value for f in findings)),
        "by_category": dict(Counter(f.category for f in findings)),
    }
