"""matcher: spaCy Matcher token patterns (LOWER, LEMMA; POS and TAG once a trained pipeline is loaded)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..model import Match
from ..rule import Rule
from .base import BaseKind, check_skips, check_suggestions, only_known, required_terms, skipped
from .terms import validate_terms


class MatcherKind(BaseKind):
    term_options = ("terms",)

    def validate(self, options: dict[str, Any]) -> dict[str, Any]:
        options = dict(options)
        spec = {k: options.pop(k) for k in ("patterns", "tagged_patterns") if k in options}
        if not spec.get("patterns"):
            raise ValueError("needs 'patterns' that work without a trained pipeline")
        options["terms"] = validate_terms(spec, "patterns")
        options["suggestions"] = check_suggestions(options)
        options["skip"] = check_skips(options)
        only_known(options, {"terms", "suggestions", "skip"})
        return options

    def find(self, context: Context, rule: Rule) -> Iterator[Match]:
        terms = required_terms(context, rule, "terms")
        text = context.document.text
        for start, end, _ in terms.find(context.doc, text):
            if not skipped(context, start, end, rule.options["skip"]):
                yield Match.at(start, end, suggestions=rule.options["suggestions"])
