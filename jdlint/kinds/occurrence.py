"""occurrence: something every posting should contain (an EEO statement, ...); reported once per document.

A statement is found either by one of its self-contained formulas (`require`: "equal opportunity employer")
or by its structure (`together`): named parts (`parts`, each a term set: a frame such as "regardless of", a
lexicon of protected characteristics) that must all occur in one sentence, or in neighbouring ones, where a
sentence ending in a colon and the short list items after it count as one. A match overlapping an `exclude`
term ("with or without reasonable accommodation", "travel and accommodation") counts for no part.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..model import Match
from ..rule import Rule
from .base import BaseKind, compiled_terms, only_known, required_terms, terms_option
from .terms import CompiledTerms, validate_terms

WITHIN = ("sentence", "adjacent")
LIST_ITEM_WORDS = 10  # a sentence this short after "...:" is an item of the list the colon opens
REACH = 250  # characters from the first part's hit within which the other parts must be


class Occurrence(BaseKind):
    term_options = ("require", "exclude")
    required_options = ("min-words",)

    def validate(self, options: dict[str, Any]) -> dict[str, Any]:
        options = dict(options)
        options["require"] = terms_option(options, "require")
        if "exclude" in options:
            options["exclude"] = terms_option(options, "exclude")
        statement = options.setdefault("statement", "")
        if not isinstance(statement, str):
            raise ValueError("statement must be a string")
        options["parts"] = _validate_parts(options.get("parts", {}))
        options["together"] = _validate_together(options.get("together", []), options["parts"])
        only_known(options, {"require", "exclude", "statement", "parts", "together"})
        return options

    def needs(self, rule: Rule, tagged: bool) -> set[str]:
        features = super().needs(rule, tagged)
        return features | {"sentences"} if rule.options.get("together") else features

    def find(self, context: Context, rule: Rule) -> Iterator[Match]:
        # Too short to be a whole posting (a snippet, a stub): nothing can be said to be missing.
        if context.too_short(rule):
            return
        if _made(context, rule):
            return
        statement = rule.options["statement"]
        yield Match.whole_posting(suggestions=(statement,) if statement else ())


def statements(context: Context, rule: Rule) -> list[tuple[int, int]]:
    """Where the rule's statement is made, in text order: each formula, and each sentence window holding all
    the parts of one `together` entry (the range from its first part to its last)."""
    return context.memo(("statements", rule.code, rule.language), lambda: _statements(context, rule))


def _statements(context: Context, rule: Rule) -> list[tuple[int, int]]:
    found = list(formulas(context, rule))
    parts = _Parts(context, rule)
    for entry in rule.options.get("together") or []:
        if parts.all_hit(entry["all"]):
            found.extend(_together(entry, parts.of(entry["all"])))
    return sorted(set(found))


def _made(context: Context, rule: Rule) -> bool:
    """Whether the statement is made at all: `statements` stopped at the first formula or window found. An entry is
    given up at its first part without a hit, so most parts of a posting that has the statement are never searched;
    what is searched is shared with `statements` (JD511 asks for the offers themselves)."""
    if formulas(context, rule):
        return True
    parts = _Parts(context, rule)
    together = rule.options.get("together") or []
    return any(parts.all_hit(entry["all"]) and _together(entry, parts.of(entry["all"])) for entry in together)


def formulas(context: Context, rule: Rule) -> list[tuple[int, int]]:
    """Where the statement is made in one of its self-contained formulas (the `require` terms), in text order."""
    return context.memo(
        ("statement-formulas", rule.code, rule.language),
        lambda: _unexcluded(
            context, rule, required_terms(context, rule, "require").find(context.doc, context.document.text)
        ),
    )


def _unexcluded(context: Context, rule: Rule, found: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The hits that overlap no `exclude` term (searched only once there is a hit to test)."""
    if not found:
        return []
    excluded = context.memo(("statement-excluded", rule.code, rule.language), lambda: _excluded(context, rule))
    return [(s, e) for s, e, _ in found if not any(s < x_end and x_start < e for x_start, x_end, _ in excluded)]


def _excluded(context: Context, rule: Rule) -> list[tuple[int, int, str]]:
    exclude = compiled_terms(context, rule, "exclude")
    return exclude.find(context.doc, context.document.text) if exclude else []


class _Parts:
    """Each part's hits as (sentence group, start, end), searched when first asked for, once per document. A part's
    raw hits (before the `exclude` terms are applied) come first: an entry one of whose parts has none fails
    without the exclude terms being searched."""

    def __init__(self, context: Context, rule: Rule) -> None:
        self.context = context
        self.rule = rule
        self.raw: dict[str, list[tuple[int, int, str]]] = context.memo(
            ("statement-part-raw", rule.code, rule.language), dict
        )
        self.found: dict[str, list[tuple[int, int, int]]] = context.memo(
            ("statement-parts", rule.code, rule.language), dict
        )

    def __getitem__(self, name: str) -> list[tuple[int, int, int]]:
        if name not in self.found:
            self.found[name] = self._search(name)
        return self.found[name]

    def all_hit(self, names: list[str]) -> bool:
        """Every part has a hit: the parts searched already answer first, then the others in order up to the first
        without one, raw hits before the hits the exclude terms leave."""
        if any(not self.raw[name] for name in names if name in self.raw):
            return False
        if any(not self.found[name] for name in names if name in self.found):
            return False
        return all(self._raw(name) for name in names) and all(self[name] for name in names)

    def of(self, names: list[str]) -> dict[str, list[tuple[int, int, int]]]:
        return {name: self[name] for name in names}

    def _raw(self, name: str) -> list[tuple[int, int, str]]:
        if name not in self.raw:
            context = self.context
            self.raw[name] = _part(context, self.rule, name).find(context.doc, context.document.text)
        return self.raw[name]

    def _search(self, name: str) -> list[tuple[int, int, int]]:
        context = self.context
        found = _unexcluded(context, self.rule, self._raw(name))
        if not found:
            return []
        groups = context.memo("sentence-groups", lambda: _sentence_groups(context))
        starts = context.memo("sentence-group-starts", lambda: [start for start, _ in groups])
        return [(_group_of(groups, starts, s), s, e) for s, e in found]


def _part(context: Context, rule: Rule, name: str) -> CompiledTerms:
    spec = rule.options["parts"][name]
    return context.compiled((rule.code, rule.language, "part", name), lambda: CompiledTerms(spec, context.pipeline))


def _together(entry: dict[str, Any], part_hits: dict[str, list[tuple[int, int, int]]]) -> list[tuple[int, int]]:
    """Each window where every part of the entry has a hit: one sentence group, or two neighbouring ones."""
    names = entry["all"]
    reach = 1 if entry["within"] == "adjacent" else 0
    found = []
    for group, start, end in part_hits[names[0]]:
        for first in range(group - reach, group + 1):
            window = range(first, first + reach + 1)
            # another part's hit is not the very words of the first ("access needs" is not both offer and need),
            # and near it: a run-on "sentence" of menu items is no sentence
            spans = [
                [
                    (s, e)
                    for g, s, e in part_hits[name]
                    if g in window and (s, e) != (start, end) and abs(s - start) <= REACH
                ]
                for name in names[1:]
            ]
            if all(spans):
                chosen = [(start, end)] + [options[0] for options in spans]
                found.append((min(s for s, _ in chosen), max(e for _, e in chosen)))
                break
    return found


def _sentence_groups(context: Context) -> list[tuple[int, int]]:
    """(start, group) for each sentence: its own number, or the number of the sentence ending in a colon whose
    list it is an item of ("We do not discriminate on the basis of:" / "- race" / "- religion")."""
    text = context.document.text
    groups: list[tuple[int, int]] = []
    number = 0  # blank "sentences" (the breaks between blocks) take the number of the sentence before them
    opener = None  # group of the sentence that opened the current list
    append = groups.append
    for _, _, start, end in context.sentences():
        sentence = text[start:end]  # not stripped: isspace, rstrip and split see through the spaces alike
        if not sentence or sentence.isspace():
            append((start, groups[-1][1] if groups else 0))
            continue
        number += 1
        if opener is not None and len(sentence.split()) <= LIST_ITEM_WORDS:
            append((start, opener))
        else:
            append((start, number))
            opener = None
        if sentence.rstrip().endswith(":"):
            opener = groups[-1][1]
    return groups or [(0, 0)]


def _group_of(groups: list[tuple[int, int]], starts: list[int], offset: int) -> int:
    return groups[max(0, bisect.bisect_right(starts, offset) - 1)][1]


def _validate_parts(parts: object) -> dict[str, dict[str, Any]]:
    if not isinstance(parts, dict):
        raise ValueError("parts must be a table of named term sets")
    checked = {}
    for name, spec in parts.items():
        if not isinstance(spec, dict):
            raise ValueError(f"parts.{name} must be a table")
        source = spec.get("source")
        if not isinstance(source, str) or not source.strip():
            raise ValueError(f"parts.{name} needs a source naming where its words come from")
        checked[name] = validate_terms({k: v for k, v in spec.items() if k != "source"}, f"parts.{name}")
    return checked


def _validate_together(together: object, parts: dict[str, Any]) -> list[dict[str, Any]]:
    if not isinstance(together, list):
        raise ValueError("together must be a list of tables")
    checked = []
    for entry in together:
        if not isinstance(entry, dict) or set(entry) - {"all", "within"}:
            raise ValueError("each together entry holds 'all' (part names) and 'within'")
        names = entry.get("all")
        if not isinstance(names, list) or not names or any(name not in parts for name in names):
            raise ValueError(f"together.all must name parts from: {', '.join(sorted(parts))}")
        within = entry.get("within", "sentence")
        if within not in WITHIN:
            raise ValueError(f"together.within must be one of {', '.join(WITHIN)}")
        checked.append({"all": list(names), "within": within})
    return checked
