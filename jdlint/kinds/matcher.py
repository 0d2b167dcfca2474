"""matcher: spaCy Matcher token patterns (LOWER, LEMMA; POS and TAG once a trained pipeline is loaded).

`info_patterns` are the doubtful uses of the same idea (a bare "recent graduates" rather than "recent
graduates only"): reported at severity info, and only where no main pattern matched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..model import Match, Severity
from ..rule import Rule
from .base import BaseKind, check_skips, check_suggestions, compiled_terms, only_known, required_terms, skipped
from .terms import validate_terms


class MatcherKind(BaseKind):
    term_options = ("terms", "info_terms")

    def validate(self, options: dict[str, Any]) -> dict[str, Any]:
        options = dict(options)
        spec = {k: options.pop(k) for k in ("patterns", "tagged_patterns") if k in options}
        if not spec.get("patterns"):
            raise ValueError("needs 'patterns' that work without a trained pipeline")
        options["terms"] = validate_terms(spec, "patterns")
        if "info_patterns" in options:
            options["info_terms"] = validate_terms({"patterns": options.pop("info_patterns")}, "info_patterns")
        options["suggestions"] = check_suggestions(options)
        options["skip"] = check_skips(options)
        only_known(options, {"terms", "info_terms", "suggestions", "skip"})
        return options

    def find(self, context: Context, rule: Rule) -> Iterator[Match]:
        text = context.document.text
        found: list[tuple[int, int, Severity | None]] = [
            (s, e, None) for s, e, _ in required_terms(context, rule, "terms").find(context.doc, text)
        ]
        info = compiled_terms(context, rule, "info_terms")
        if info is not None:
            # a sure match wins an overlap: a longer doubtful one must not lower it to info
            found += [
                (s, e, Severity.INFO)
                for s, e, _ in info.find(context.doc, text)
                if not any(s < f_end and f_start < e for f_start, f_end, _ in found)
            ]
        for start, end, severity in sorted(found, key=lambda m: m[0]):
            if not skipped(context, start, end, rule.options["skip"]):
                yield Match.at(start, end, suggestions=rule.options["suggestions"], severity=severity)
