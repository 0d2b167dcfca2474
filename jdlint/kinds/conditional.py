"""conditional: when A appears, B must appear near it (a degree needs "or equivalent experience")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..model import Match
from ..rule import Rule
from .base import BaseKind, check_suggestions, compiled_terms, only_known, required_terms, terms_option
from .terms import validate_terms

WINDOWS = ("sentence", "segment", "section", "document")
MAX_JOIN_GAP = 5  # characters between two hits reported as one ("BS, MS or PhD")


class Conditional(BaseKind):
    term_options = ("when", "require", "context")

    def validate(self, options: dict[str, Any]) -> dict[str, Any]:
        options = dict(options)
        options["when"] = terms_option(options, "when")
        options["require"] = terms_option(options, "require")
        within = options.setdefault("within", "segment")
        if within not in WINDOWS:
            raise ValueError(f"within must be one of {', '.join(WINDOWS)}")
        # Where A counts at all: in one of these sections, or with one of these context terms in its window.
        only_in = options.setdefault("only_in", {})
        if not isinstance(only_in, dict) or set(only_in) - {"sections", "terms"}:
            raise ValueError("only_in may hold 'sections' and 'terms'")
        if "terms" in only_in:
            options["context"] = validate_terms(only_in["terms"], "only_in.terms")
        # where the context terms must be: by default the same window as B
        options.setdefault("context_within", options["within"])
        if options["context_within"] not in WINDOWS:
            raise ValueError(f"context_within must be one of {', '.join(WINDOWS)}")
        skip = options.setdefault("skip_sections", [])
        if not isinstance(skip, list):
            raise ValueError("skip_sections must be a list of section names")
        options["suggestions"] = check_suggestions(options)
        only_known(
            options,
            {"when", "require", "within", "only_in", "skip_sections", "context", "suggestions", "context_within"},
        )
        return options

    def find(self, context: Context, rule: Rule) -> Iterator[Match]:
        document = context.document
        when = required_terms(context, rule, "when").find(context.doc, document.text)
        if not when:
            return
        require = required_terms(context, rule, "require").find(context.doc, document.text)
        context_terms = compiled_terms(context, rule, "context")
        cues = context_terms.find(context.doc, document.text) if context_terms else []
        only_sections = rule.options["only_in"].get("sections", [])
        windows: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for start, end, _ in when:
            section = document.section_at(start)
            if section in rule.options["skip_sections"]:
                continue
            window = context.window(start, rule.options["within"])
            if only_sections or context_terms:
                in_section = section in only_sections
                cue_window = context.window(start, rule.options["context_within"])
                cued = any(cue_window[0] <= s and e <= cue_window[1] for s, e, _ in cues)
                if not (in_section or cued):
                    continue
            # B must stand apart from A: "driving licence" does not show a driving duty by itself.
            if any(window[0] <= s and e <= window[1] and (e <= start or s >= end) for s, e, _ in require):
                continue
            windows.setdefault(window, []).append((start, end))
        for hits in windows.values():
            # Hits joined by a short link ("Masters or PhD", "BS/MS") are one finding; others stand alone.
            group_start, group_end = hits[0]
            for start, end in hits[1:]:
                if start - group_end <= MAX_JOIN_GAP:
                    group_end = end
                else:
                    yield Match.at(group_start, group_end, suggestions=rule.options["suggestions"])
                    group_start, group_end = start, end
            yield Match.at(group_start, group_end, suggestions=rule.options["suggestions"])
