"""existence: words or patterns that should not appear."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..model import Match
from ..rule import Rule
from .base import (
    BaseKind,
    check_skips,
    check_suggestions,
    only_known,
    required_terms,
    skipped,
    terms_option,
)
from .terms import CompiledTerms


class Existence(BaseKind):
    term_options = ("terms",)

    def validate(self, options: dict[str, Any]) -> dict[str, Any]:
        options = dict(options)
        options["terms"] = terms_option(options, "terms")
        options["suggestions"] = check_suggestions(options)
        replacement = options.setdefault("replacement", None)
        if replacement is not None and not isinstance(replacement, str):
            raise ValueError("replacement must be a string (regex rules may use \\1 for groups)")
        options["skip"] = check_skips(options)
        only_known(options, {"terms", "suggestions", "replacement", "skip"})
        return options

    def find(self, context: Context, rule: Rule) -> Iterator[Match]:
        terms = required_terms(context, rule, "terms")
        text = context.document.text
        template = rule.options["replacement"]
        for start, end, label in terms.find(context.doc, text):
            if skipped(context, start, end, rule.options["skip"]):
                continue
            replacement = None
            if template is not None:
                replacement = _expand(terms, label, text, start, end, template)
            suggestions = rule.options["suggestions"] or ((replacement,) if replacement else ())
            yield Match.at(
                start, end, suggestions=suggestions, replacement=replacement, params={"suggestion": replacement or ""}
            )


def _expand(terms: CompiledTerms, label: str, text: str, start: int, end: int, template: str) -> str:
    """The replacement for one match: a regex match expands its groups; a phrase takes it as written."""
    for pattern in terms.regex:
        if pattern.pattern == label:
            found = pattern.match(text, start)
            if found and found.end() == end:
                return str(found.expand(template))
    return template
