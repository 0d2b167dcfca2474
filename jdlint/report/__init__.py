"""Reporters: one module per output format, found by name.

A reporter is a module of this package whose name ends in `_report` (text_report, json_report, ...). It
satisfies jdlint.protocols.Reporter: NAME (what `--format` takes), ORDER (its place in the list),
WANTS_METRICS, DEFAULT_OUTPUT and render(results, **options) -> str, whose first step is printable(results)
(so every output is valid UTF-8 whatever the file names and text). A reporter whose output can be large may also
have render_pieces(results, **options), the same text in pieces, so the CLI writes it without holding it whole.
Adding an output format is adding one such module: reporters() finds it and the CLI offers it. Other modules here
(this one's helpers, audit_formats) are not reporters.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, cast

from ..model import Edit, FileResult, Finding, Fix, Span
from ..printable import has_surrogates, shown, writable, writable_data
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


def render_pieces(reporter: Reporter, results: list[FileResult], **options: Any) -> Iterable[str]:
    """The reporter's output in pieces to write one after another, each ending at a line's or a value's end. A
    reporter whose output can be large (json, text) has render_pieces and gives them as it makes them; any other gives
    its whole render as one piece."""
    pieces = getattr(reporter, "render_pieces", None)
    return pieces(results, **options) if pieces else (reporter.render(results, **options),)


def printable(results: list[FileResult]) -> list[FileResult]:
    """The results as every output shows them (jdlint.printable); each reporter's render starts here. The path
    has each byte that is not UTF-8 as `\\xNN`; every lone surrogate in the text, findings and metrics is U+FFFD
    (one code point for one, so spans still hold). A result with nothing to replace is passed on as it is."""
    return [_printable(result) for result in results]


def _printable(result: FileResult) -> FileResult:
    if (
        not has_surrogates(result.path)
        and not has_surrogates(result.text)
        and not any(map(_unwritable, result.findings))
    ):
        return result
    return replace(
        result,
        path=shown(result.path),
        text=writable(result.text),
        findings=[_writable_finding(f) if _unwritable(f) else f for f in result.findings],
        metrics=None
        if result.metrics is None
        else replace(result.metrics, extra=cast(dict, writable_data(result.metrics.extra))),
        notices=tuple(map(writable, result.notices)),
    )


def _unwritable(finding: Finding) -> bool:
    strings = [finding.message, finding.text or "", *finding.suggestions]
    if finding.fix is not None:
        strings += [edit.content for edit in finding.fix.edits]
    return any(map(has_surrogates, strings))


def _writable_finding(finding: Finding) -> Finding:
    fix = finding.fix
    return replace(
        finding,
        message=writable(finding.message),
        text=None if finding.text is None else writable(finding.text),
        suggestions=tuple(map(writable, finding.suggestions)),
        fix=None
        if fix is None
        else Fix(fix.applicability, tuple(Edit(e.start, e.end, writable(e.content)) for e in fix.edits)),
    )


def below_working_folder(path: str) -> str | None:
    """`path` relative to the working folder, with / separators, when the file is below it; else None (above it, or
    on another drive on Windows). What code-scanning reports match against the repository."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return None
    return None if relative.startswith("..") else Path(relative).as_posix()


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
