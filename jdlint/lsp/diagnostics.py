"""Findings as LSP diagnostics, and the hover that explains a rule.

A finding's span is its range. A finding about the whole posting (no span: a statement or pay range missing) is
placed on the first line, range 0:0-0:0, where editors show it at the top of the file. A posting that cannot be
read is one error diagnostic there too, its message the CLI's one-line error. jdlint's findings carry no related
spans, so no diagnostic has relatedInformation.
"""

from __future__ import annotations

from lsprotocol import types

from ..model import Finding, Severity
from ..rule import Catalog
from ..rulelist import explain
from .positions import Positions

SOURCE = "jdlint"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
TOP = types.Range(types.Position(0, 0), types.Position(0, 0))


def finding_range(finding: Finding, positions: Positions) -> types.Range:
    return positions.range(finding.span.start, finding.span.end) if finding.span is not None else TOP


def diagnostic(finding: Finding, positions: Positions, catalog: Catalog) -> types.Diagnostic:
    rule = catalog.by_code(finding.code)
    link = rule.source if rule is not None else finding.source  # the rule's documentation, as SARIF's helpUri
    return types.Diagnostic(
        range=finding_range(finding, positions),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=link) if link.startswith(("https://", "http://")) else None,
        source=SOURCE,
        data={"finding": key(finding)},
    )


def key(finding: Finding) -> str:
    """What ties a diagnostic back to its finding in a code-action request."""
    span = finding.span
    return f"{finding.code}:{span.start}:{span.end}" if span is not None else f"{finding.code}:posting"


def error(message: str) -> types.Diagnostic:
    return types.Diagnostic(range=TOP, message=message, severity=types.DiagnosticSeverity.Error, source=SOURCE)


def contains(rng: types.Range, position: types.Position) -> bool:
    start, end = (rng.start.line, rng.start.character), (rng.end.line, rng.end.character)
    return start <= (position.line, position.character) <= end


def hover(findings: list[Finding], positions: Positions, position: types.Position, catalog: Catalog):
    """`jdlint rule CODE` for each rule with a finding under the cursor, as Markdown; None when there is none."""
    parts: list[str] = []
    seen: set[str] = set()
    for finding in findings:
        if finding.span is None or finding.code in seen or not contains(finding_range(finding, positions), position):
            continue
        rule = catalog.by_code(finding.code)
        if rule is None:
            continue
        seen.add(finding.code)
        parts.append(f"**{finding.code}** {finding.message}\n\n```text\n{explain(rule)}```")
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))
