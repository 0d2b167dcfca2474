"""Fixes: apply non-overlapping edits, re-lint, repeat until nothing more applies (bounded).

Pure functions over Sources; reading and writing files is jdlint.fixing's job.
"""

from __future__ import annotations

import dataclasses
import difflib

from .formats import parse
from .linter import Linter
from .model import Applicability, FileResult, Finding
from .source import Source

MAX_ROUNDS = 10  # a fix that keeps producing new fixes is stopped here


def applicable(finding, unsafe: bool) -> bool:
    return finding.fix is not None and (finding.fix.applicability is Applicability.SAFE or unsafe)


def apply_findings(text: str, findings) -> tuple[str, list]:
    """Apply each finding's edits together, skipping a finding whose edits overlap one already taken."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for finding in sorted(findings, key=lambda f: min(e.start for e in f.fix.edits)):
        edits = finding.fix.edits
        if any(e.start < end and start < e.end or (e.start == e.end == start) for e in edits for start, end in taken):
            continue
        taken.extend((e.start, e.end) for e in edits)
        chosen.append(finding)
    edits = sorted((e for f in chosen for e in f.fix.edits), key=lambda e: e.start)
    parts, position = [], 0
    for edit in edits:
        parts.append(text[position : edit.start])
        parts.append(edit.content)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts), chosen


def fix_source(source: Source, linter: Linter, *, unsafe: bool = False) -> tuple[Source, list[Finding], FileResult]:
    """(fixed Source, findings applied, FileResult of the fixed text)."""
    applied: list[Finding] = []
    current = source
    for _ in range(MAX_ROUNDS):
        result = next(linter.lint([parse(current)], want_metrics=True))
        fixable = [f for f in result.findings if applicable(f, unsafe)]
        if not fixable:
            return current, applied, result
        text, chosen = apply_findings(current.text, fixable)
        if text == current.text:
            return current, applied, result
        applied.extend(chosen)
        current = dataclasses.replace(current, text=text)
    return current, applied, next(linter.lint([parse(current)], want_metrics=True))


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
        )
    )


def encode(source: Source) -> bytes:
    """The fixed text in the file's own encoding, with its byte-order mark if it had one."""
    if source.encoding == "utf-8":
        return (b"\xef\xbb\xbf" if source.bom else b"") + source.text.encode("utf-8")
    if source.encoding in ("utf-16", "utf-32"):
        return source.text.encode(source.encoding)  # these codecs write their BOM
    return source.text.encode(source.encoding)
