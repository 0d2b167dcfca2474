"""Statements a posting should make well: an accommodation offer needs a way to ask for it."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..kinds.occurrence import formulas, statements
from ..kinds.terms import CompiledTerms, validate_terms
from ..model import Match
from ..rule import Rule
from . import check

ASK_SENTENCES = 2  # sentences either side of the offer where the way to ask may stand
ASK_REACH = 300  # characters either side of the offer, within its paragraph


@check(needs=("sentences",))
def accommodation_without_contact(context: Context, rule: Rule) -> Iterator[Match]:
    """The offer (as JD510 recognises it) names no way to ask: no address, number, link, person or
    "let us know" near it."""
    offer_rule = context.catalog.by_code("JD510")
    if offer_rule is None:
        raise ValueError("JD510 is missing from the catalog")
    # an offer in a formula's words with a way to ask beside it settles it: the offers found by their parts (a
    # longer search) are needed only when none has one
    if _any_asked(context, rule, formulas(context, offer_rule)):
        return
    offers = statements(context, offer_rule)
    if not offers:
        return  # no offer at all: JD510 reports that
    if _any_asked(context, rule, offers):
        return
    start, end = offers[0]
    yield Match.at(start, end, suggestions=("To request an accommodation, contact [name] at [email or phone].",))


def _any_asked(context: Context, rule: Rule, offers: list[tuple[int, int]]) -> bool:
    """Some offer has a way to ask near it."""
    if not offers:
        return False
    ask = context.compiled((rule.code, "ask"), lambda: _compile(rule.options["settings"]["ask"], context))
    asks = context.memo(
        (rule.code, "asks"), lambda: [start for start, _, _ in ask.find(context.doc, context.document.text)]
    )
    for start, end in offers:
        low, high = _ask_window(context, start, end)
        if any(low <= at < high for at in asks):
            return True
    return False


def _compile(spec: dict[str, Any], context: Context) -> CompiledTerms:
    return CompiledTerms(validate_terms(spec, "settings.ask"), context.pipeline)


def _ask_window(context: Context, start: int, end: int) -> tuple[int, int]:
    """A few sentences around the offer, or its paragraph near it, whichever reaches further."""
    starts = context.sentence_starts()
    text_length = len(context.document.text)
    first = max(0, bisect.bisect_right(starts, start) - 1 - ASK_SENTENCES)
    last = bisect.bisect_right(starts, end) + ASK_SENTENCES
    low = starts[first] if starts else 0
    high = starts[last] if last < len(starts) else text_length
    segment = context.window(start, "segment")
    return min(low, max(segment[0], start - ASK_REACH)), max(high, min(segment[1], end + ASK_REACH))
