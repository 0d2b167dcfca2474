"""Shared pieces of the kinds: term options, suggestions, and case-preserving replacements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..model import Match
from ..rule import Rule
from .terms import CompiledTerms, uses_lemmas, validate_terms


class BaseKind:
    term_options: tuple[str, ...] = ()  # options holding a term set
    required_options: tuple[str, ...] = ()  # user options every rule of this kind declares (read with context.option)

    def validate(self, options: dict[str, Any]) -> dict[str, Any]:
        return options

    def needs(self, rule: Rule, tagged: bool) -> set[str]:
        features: set[str] = set()
        for key in self.term_options:
            spec = rule.options.get(key) or {}
            if uses_lemmas(spec):
                features.add("lemmas")
            if tagged and spec.get("tagged_patterns"):
                features.add("pos")
        return features

    def find(self, context: Context, rule: Rule) -> Iterator[Match]:
        raise NotImplementedError


def only_known(options: dict[str, Any], known: set[str]) -> None:
    unknown = set(options) - known
    if unknown:
        raise ValueError(f"unknown option(s) for this kind: {', '.join(sorted(unknown))}")


def check_suggestions(options: dict[str, Any]) -> tuple[str, ...]:
    suggestions = options.get("suggestions", [])
    if not isinstance(suggestions, list) or not all(isinstance(s, str) for s in suggestions):
        raise ValueError("suggestions must be a list of strings")
    return tuple(suggestions)


def terms_option(options: dict[str, Any], key: str, *, required: bool = True) -> dict[str, Any] | None:
    if key not in options:
        if required:
            raise ValueError(f"needs '{key}' (phrases, patterns or regex)")
        return None
    return validate_terms(options[key], key)


def compiled_terms(context: Context, rule: Rule, key: str) -> CompiledTerms | None:
    """The rule's term set under `key`, compiled once per pipeline; None when the rule has none."""
    spec = rule.options.get(key)
    if spec is None:
        return None
    return context.compiled((rule.code, rule.language, key), lambda: CompiledTerms(spec, context.pipeline))


def required_terms(context: Context, rule: Rule, key: str) -> CompiledTerms:
    """A term set the kind's validation made mandatory."""
    terms = compiled_terms(context, rule, key)
    if terms is None:
        raise ValueError(f"{rule.code}: no '{key}' terms")
    return terms


def match_case(template: str, replacement: str) -> str:
    """Give the replacement the capitalisation of the text it replaces."""
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    if template[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# Contexts in which a matched word is not the posting's own claim, named in a rule's `skip` option.
SKIPS = ("negated", "quoted", "named")
_OPEN_QUOTES, _CLOSE_QUOTES = "‘'\"“", "’'\"”"


def check_skips(options: dict[str, Any]) -> tuple[str, ...]:
    skips = options.get("skip", [])
    if not isinstance(skips, list) or any(s not in SKIPS for s in skips):
        raise ValueError(f"skip must be a list drawn from {', '.join(SKIPS)}")
    return tuple(skips)


def skipped(context: Context, start: int, end: int, skips: tuple[str, ...]) -> bool:
    """True when the match sits in a context the rule's `skip` option excludes:
    negated ("not looking for a rockstar"), quoted ('we don't hire ‘ninjas’'), or naming a person's
    existing title ("Roger Strauch, Chairman of ..."). The phrases come from the posting's Language."""
    if not skips:
        return False
    text, language = context.document.text, context.language
    if "negated" in skips and language.negation.search(text, max(0, start - 60), start):
        return True
    if (
        "quoted" in skips
        and start > 0
        and end < len(text)
        and text[start - 1] in _OPEN_QUOTES
        and text[end] in _CLOSE_QUOTES
    ):
        return True
    return "named" in skips and bool(
        language.name_before.search(text, max(0, start - 60), start) or language.name_after.match(text[end : end + 60])
    )
