"""occurrence: something every posting should contain (an EEO statement, ...); reported once per document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..model import Match
from ..rule import Rule
from .base import BaseKind, only_known, required_terms, terms_option


class Occurrence(BaseKind):
    term_options = ("require",)
    required_options = ("min-words",)

    def validate(self, options: dict[str, Any]) -> dict[str, Any]:
        options = dict(options)
        options["require"] = terms_option(options, "require")
        statement = options.setdefault("statement", "")
        if not isinstance(statement, str):
            raise ValueError("statement must be a string")
        only_known(options, {"require", "statement"})
        return options

    def find(self, context: Context, rule: Rule) -> Iterator[Match]:
        # Too short to be a whole posting (a snippet, a stub): nothing can be said to be missing.
        if context.word_count < context.option(rule, "min-words"):
            return
        terms = required_terms(context, rule, "require")
        if terms.find(context.doc, context.document.text):
            return
        statement = rule.options["statement"]
        yield Match.whole_posting(suggestions=(statement,) if statement else ())
