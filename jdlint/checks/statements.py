"""Statements a posting should make well: an accommodation statement needs someone to contact."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..kinds.terms import CompiledTerms
from ..model import Match
from ..rule import Rule
from . import check

_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.-]+|https?://|www\.|\b(?:tel|phone|call|text|tty|email|e-mail|contact|reach out to|"
    r"let (?:us|your recruiter|the recruiter) know|tell (?:us|your recruiter)|notify|inform (?:us|your recruiter))\b"
    r"|\+?\d[\d\s().-]{7,}\d",
    re.IGNORECASE,
)


def _accommodation_terms(context: Context) -> dict[str, Any]:
    """JD510's own recognisers (whether or not JD510 is selected in this run)."""
    rule = context.catalog.by_code("JD510")
    if rule is None:
        raise ValueError("JD510 is missing from the catalog")
    terms: dict[str, Any] = rule.options["require"]
    return terms


@check(needs=("sentences",))
def accommodation_without_contact(context: Context, rule: Rule) -> Iterator[Match]:
    """The statement (as JD510 recognises it) names no way to ask: no address, number, link or person."""
    statement = _accommodation_terms(context)
    terms = context.compiled((rule.code, "statement"), lambda: CompiledTerms(statement, context.pipeline))
    text = context.document.text
    # "with or without reasonable accommodation" qualifies a physical requirement; it is not the statement
    found = [
        m
        for m in terms.find(context.doc, text)
        if not re.search(r"\bwith(?:\s+or\s+without)?\s+$", text[max(0, m[0] - 20) : m[0]], re.I)
    ]
    if not found:
        return  # no statement at all: JD510 reports that
    for start, _end, _ in found:
        window = context.window(start, "segment")
        nearby = text[max(0, window[0] - 200) : min(len(text), window[1] + 200)]
        if _CONTACT.search(nearby):
            return
    start, end, _ = found[0]
    yield Match.at(start, end, suggestions=("To request an accommodation, contact [name] at [email or phone].",))
