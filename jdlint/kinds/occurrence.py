"""occurrence: something every posting should contain (an EEO statement, ...); reported once per document."""

from __future__ import annotations

from ..model import Match
from .base import Kind, compiled_terms, only_known, terms_option


class Occurrence(Kind):
    term_options = ("require",)
    required_options = ("min-words",)

    @classmethod
    def validate(cls, options):
        options = dict(options)
        options["require"] = terms_option(options, "require")
        statement = options.setdefault("statement", "")
        if not isinstance(statement, str):
            raise ValueError("statement must be a string")
        only_known(options, {"require", "statement"})
        return options

    @classmethod
    def find(cls, context, rule):
        # Too short to be a whole posting (a snippet, a stub): nothing can be said to be missing.
        if context.word_count < context.option(rule, "min-words"):
            return
        terms = compiled_terms(context, rule, "require")
        if terms.find(context.doc, context.document.text):
            return
        statement = rule.options["statement"]
        yield Match(suggestions=(statement,) if statement else ())
