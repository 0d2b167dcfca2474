"""substitution: a word or phrase with preferred replacements (one replacement can be a fix)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..analyses.apostrophes import apostrophe_for
from ..context import Context
from ..model import Match
from ..rule import Rule
from .base import BaseKind, check_skips, match_case, only_known, required_terms, skipped
from .terms import validate_terms


class Substitution(BaseKind):
    term_options = ("terms",)

    def validate(self, options: dict[str, Any]) -> dict[str, Any]:
        swap = options.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise ValueError("needs a non-empty 'swap' table (phrase = replacement or [alternatives])")
        table: dict[str, tuple[str, ...]] = {}
        for phrase, replacement in swap.items():
            alternatives = [replacement] if isinstance(replacement, str) else replacement
            if (
                not isinstance(alternatives, list)
                or not alternatives
                or not all(isinstance(a, str) and a for a in alternatives)
            ):
                raise ValueError(f"swap.{phrase} must be a string or a list of strings")
            table[phrase.lower()] = tuple(alternatives)
        apostrophe = options.get("apostrophe", "as-written")
        if apostrophe not in ("as-written", "document"):
            raise ValueError("apostrophe must be 'as-written' or 'document'")
        skip = check_skips(options)
        only_known(options, {"swap", "apostrophe", "skip"})
        return {
            "swap": table,
            "apostrophe": apostrophe,
            "skip": skip,
            "terms": validate_terms({"phrases": list(table)}, "swap"),
        }

    def find(self, context: Context, rule: Rule) -> Iterator[Match]:
        terms = required_terms(context, rule, "terms")
        text = context.document.text
        quote = "'"
        if rule.options["apostrophe"] == "document":  # write "you’ll" in a posting that uses ’
            quote = apostrophe_for(context.document)
        for start, end, label in terms.find(context.doc, text):
            if skipped(context, start, end, rule.options["skip"]):
                continue
            matched = text[start:end]
            alternatives = tuple(
                match_case(matched, a.replace("'", quote)) for a in rule.options["swap"][label.lower()]
            )
            yield Match.at(
                start,
                end,
                suggestions=alternatives,
                replacement=alternatives[0] if len(alternatives) == 1 else None,
                params={"suggestion": " or ".join(f"'{a}'" for a in alternatives).strip("'")},
            )
