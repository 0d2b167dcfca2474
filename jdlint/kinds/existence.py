"""existence: words or patterns that should not appear."""

from __future__ import annotations

from . import Match
from .base import Kind, check_suggestions, compiled_terms, terms_option


class Existence(Kind):
    term_options = ("terms",)

    @classmethod
    def validate(cls, options):
        options = dict(options)
        options["terms"] = terms_option(options, "terms")
        options["suggestions"] = check_suggestions(options)
        _only_known(options, {"terms", "suggestions"})
        return options

    @classmethod
    def find(cls, context, rule):
        terms = compiled_terms(context, rule, "terms")
        for start, end, _ in terms.find(context.doc, context.document.text):
            yield Match(start, end, suggestions=rule.options["suggestions"])


def _only_known(options: dict, known: set[str]) -> None:
    unknown = set(options) - known
    if unknown:
        raise ValueError(f"unknown option(s) for this kind: {', '.join(sorted(unknown))}")
