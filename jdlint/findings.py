"""Match -> Finding: source span, matched text, message, severity and fix, as the catalog and config say."""

from __future__ import annotations

import re

from .config import Config
from .document import Document
from .model import Applicability, Edit, Finding, Fix, Match
from .rule import Rule

UNUSED_DIRECTIVE = "JD902"

# An unsafe fix stays unsafe: a match can lower its rule's fix applicability, never raise it.
_ORDER = {Applicability.UNSAFE: 0, Applicability.SAFE: 1}


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fix_applicability(rule: Rule, match: Match) -> Applicability:
    """The catalog's `fix` is the ceiling; a match may ask for less (unsafe where the rule allows safe)."""
    ceiling = Applicability(rule.fix)
    if match.applicability is None or _ORDER[match.applicability] >= _ORDER[ceiling]:
        return ceiling
    return match.applicability


_LINE_BREAK = re.compile(r"[^\S\r\n]*(?:\r\n|\r|\n)\s*")


def make_finding(rule: Rule, match: Match, document: Document, config: Config) -> Finding:
    span = match.span
    if span is None and match.start is not None and match.end is not None:
        span = document.to_source(match.start, match.end)
    text = document.source.text[span.start : span.end] if span is not None else None
    params = _Defaulting(match.params)
    # a match wrapped over lines is quoted on one line: a message is one line in every output
    params.setdefault("match", _LINE_BREAK.sub(" ", text) if text else "")
    if "suggestion" not in params and match.suggestions:
        params["suggestion"] = match.suggestions[0]
    fix = None
    if rule.fixable:
        edits = match.edits
        # A replacement is only safe to write where the source holds exactly the matched text
        # (no markup or entity inside the span).
        if (
            not edits
            and match.replacement is not None
            and span is not None
            and match.start is not None
            and text == document.text[match.start : match.end]
        ):
            edits = (Edit(span.start, span.end, match.replacement),)
        if edits:
            fix = Fix(fix_applicability(rule, match), tuple(edits))
    return Finding(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=config.severity_for(rule, match.severity),
        message=rule.message.format_map(params),
        span=span,
        text=text,
        suggestions=tuple(match.suggestions),
        fix=fix,
        source=match.source or rule.source,
    )
