"""Shared pieces of the kinds: term options, suggestions, and case-preserving replacements."""

from __future__ import annotations

from .terms import CompiledTerms, uses_lemmas, validate_terms


class Kind:
    term_options: tuple[str, ...] = ()  # options holding a term set

    @classmethod
    def validate(cls, options: dict) -> dict:
        return options

    @classmethod
    def needs(cls, rule, tagged: bool) -> set[str]:
        features: set[str] = set()
        for key in cls.term_options:
            spec = rule.options.get(key) or {}
            if uses_lemmas(spec):
                features.add("lemmas")
            if tagged and spec.get("tagged_patterns"):
                features.add("pos")
        return features

    @classmethod
    def find(cls, context, rule):
        raise NotImplementedError


def check_suggestions(options: dict) -> tuple[str, ...]:
    suggestions = options.get("suggestions", [])
    if not isinstance(suggestions, list) or not all(isinstance(s, str) for s in suggestions):
        raise ValueError("suggestions must be a list of strings")
    return tuple(suggestions)


def terms_option(options: dict, key: str, *, required: bool = True) -> dict | None:
    if key not in options:
        if required:
            raise ValueError(f"needs '{key}' (phrases, patterns or regex)")
        return None
    return validate_terms(options[key], key)


def compiled_terms(context, rule, key: str) -> CompiledTerms | None:
    spec = rule.options.get(key)
    if spec is None:
        return None
    return context.compiled((rule.code, key), lambda: CompiledTerms(spec, context.pipeline))


def match_case(template: str, replacement: str) -> str:
    """Give the replacement the capitalisation of the text it replaces."""
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    if template[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
