"""Gendered job nouns told by their morphology (JD201 in a language whose nouns inflect for gender: French).

No list of titles is needed: a job title's head noun ("Vendeur", "Chargée de clientèle") is gendered when its ending
is one of the language's gendered suffixes (-eur/-euse, -teur/-trice, -ien/-ienne, -ier/-ière, -é/-ée, ...) and the
other-gender form made by swapping the suffix is a word of the language (wordfreq lists it). "Responsable" or
"Comptable" have no such ending and are epicene; "Senior" or "Manager" have no listed other form. A title passes
when its noun is written in both genders ("vendeur/vendeuse", "chargé·e", "technicien(ne)"); a masculine noun with
"H/F" is the common convention and is told at info; a feminine noun with "H/F" still names one sex.

Titles are the posting's headings, its front matter, its first line and labelled lines ("Poste : ..."), and the
noun after a hiring verb ("nous recrutons un vendeur"). Descriptors of the candidate ("homme de terrain") are
found anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..context import Context
from ..model import Match, Severity
from ..rule import Rule

_WORD = re.compile(r"[^\W\d_]+")
# a feminine ending written beside the noun: "vendeur·se", "vendeur.euse", "chargé(e)", "technicien-ne", "chef·fe"
_INCLUSIVE_TAIL = re.compile(
    r"[·.•‧⋅\-(]\s*(?:e|se|euse|rice|trice|ne|nne|ère|ière|eure|ée|te|ante|ente|le|ale|ve|sse|esse|fe|ffe)(?:[·.•)]?s)?\)?(?!\w)",
    re.IGNORECASE,
)
_JOINED_FORM = re.compile(r"\s*(?:/|\bou\b|\bet\b)\s*([^\W\d_]+)", re.IGNORECASE)
_MIN_ZIPF = 1.0  # the other-gender form must be a word wordfreq lists (its large list's floor)


@dataclass(frozen=True)
class _Noun:
    gender: str  # "m" or "f"
    other: str  # the noun in the other gender, lower case


def _settings(rule: Rule) -> dict[str, Any]:
    settings: dict[str, Any] = rule.options["settings"]
    return settings


def _compiled(settings: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    def alternation(key: str) -> str:
        return "|".join(sorted((re.escape(x) for x in settings[key]), key=len, reverse=True))

    return {
        "marker": re.compile("|".join(settings["marker_patterns"]), re.IGNORECASE),
        "label": re.compile(r"^\s*(?:" + alternation("labels") + r")\s*[:\-–]\s*", re.IGNORECASE),
        "hiring": re.compile(
            r"\b(?:"
            + alternation("hiring_verbs")
            + r")\s+(?:\w+ment\s+|aussi\s+)?(?:"
            + alternation("articles")
            + r")\s+"
            r"(?:(?:" + alternation("before_noun") + r")\s+)?([^\W\d_]+)",
            re.IGNORECASE,
        ),
        "descriptor": re.compile(r"\b(?:" + "|".join(settings["descriptors"]) + r")(?!\w)", re.IGNORECASE),
        "prefix": re.compile(r"^\s*(?:(?:" + alternation("title_prefixes") + r")\b\s*[:\-–/]?\s*)+", re.IGNORECASE),
    }


def gendered_noun(word: str, settings: dict[str, Any], frequency: Any) -> _Noun | None:
    """The gender of a job noun and its other form, when its ending is gendered and the other form is a word."""
    lower = word.lower()
    if lower in settings["epicene"] or lower in settings["not_nouns"] or len(lower) < 4:
        return None
    overrides: dict[str, str] = settings["feminine_of"]
    if lower in overrides:
        return _Noun("m", overrides[lower])
    for masculine, feminine in overrides.items():
        if lower == feminine:
            return _Noun("f", masculine)
    return _by_ending(lower, settings, frequency)


def _swaps(lower: str, pairs: list[list[str]], gender: str) -> list[str]:
    """`lower` with each ending of its gender ("m": the first of each pair) swapped for the other's."""
    ending, other = (0, 1) if gender == "m" else (1, 0)
    return [lower[: len(lower) - len(p[ending])] + p[other] for p in pairs if lower.endswith(p[ending])]


def _by_ending(lower: str, settings: dict[str, Any], frequency: Any) -> _Noun | None:
    for other in _swaps(lower, settings["suffixes"], "f"):
        if frequency(other) >= _MIN_ZIPF:
            return _Noun("f", other)
    found = [(frequency(o), o) for o in _swaps(lower, settings["suffixes"], "m") if frequency(o) >= _MIN_ZIPF]
    if found:
        return _Noun("m", max(found)[1])
    # a rare job's feminine may be missing from the word lists ("magasinière"): the productive endings form it
    # regularly from a masculine that is a word
    regular = _swaps(lower, settings["productive"], "m")
    if regular and frequency(lower) >= _MIN_ZIPF:
        return _Noun("m", regular[0])
    return None


def _both_written(text: str, end: int, noun: _Noun, word: str) -> int | None:
    """Where the noun's double form ends, when the other gender is written beside it."""
    tail = _INCLUSIVE_TAIL.match(text, end)
    if tail:
        return tail.end()
    joined = _JOINED_FORM.match(text, end)
    if joined and joined.group(1).lower()[:3] == noun.other[:3]:
        return joined.end()
    before = re.search(r"([^\W\d_]+)\s*(?:/|\bou\b|\bet\b)\s*$", text[max(0, end - len(word) - 30) : end - len(word)])
    if before and before.group(1).lower()[:3] == noun.other[:3]:
        return end
    return None


def _title_lines(context: Context, patterns: dict[str, re.Pattern[str]]) -> Iterator[tuple[int, int]]:
    """(start, end) of each line that is a title: a heading, the first line, a labelled line (a front matter
    field counts only when its label names a title)."""
    text, document = context.document.text, context.document
    offset, first = 0, True
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            segment = document.segment_at(offset)
            scope = segment.scope if segment else "paragraph"
            short = len(_WORD.findall(body)) <= 12 and not body.rstrip().endswith((".", "!", "?", ";"))
            labelled = patterns["label"].match(body) is not None
            # front matter: only its title field ("title: Vendeur"), not "contract: permanent"
            if short and (labelled or (scope == "heading") or (first and scope != "metadata")):
                yield offset, offset + len(body)
            first = False
        offset += len(line)


def find(context: Context, rule: Rule) -> Iterator[Match]:
    settings = _settings(rule)
    patterns = context.compiled((rule.code, "job-nouns"), lambda: _compiled(settings))
    text, frequency = context.document.text, context.language.frequency
    seen: set[int] = set()
    titles: set[str] = set()  # the head nouns of the title lines, judged there: a sentence repeating one is not
    marked = False  # a title line says "H/F": the posting's masculine nouns are the generic the convention allows
    for start, end in _title_lines(context, patterns):
        line = text[start:end]
        marked = marked or patterns["marker"].search(line) is not None
        head = patterns["label"].match(line)
        at = start + (head.end() if head else 0)
        prefix = patterns["prefix"].match(text, at, end)
        at = prefix.end() if prefix else at
        word = _WORD.match(text, at, end)
        if word is None:
            continue
        titles.add(word.group().lower())
        match = _judge(text, word.start(), word.end(), end, settings, patterns, frequency, in_title=True)
        if match is not None:
            seen.add(word.start())
            yield match
    for hiring in patterns["hiring"].finditer(text):
        if hiring.start(1) in seen or hiring.group(1).lower() in titles:
            continue
        sentence_end = context.window(hiring.start(1), "sentence")[1]
        match = _judge(text, hiring.start(1), hiring.end(1), sentence_end, settings, patterns, frequency, False, marked)
        if match is not None:
            seen.add(hiring.start(1))
            yield match
    negation = context.language.negation
    for descriptor in patterns["descriptor"].finditer(text):
        if negation.search(text, max(0, descriptor.start() - 60), descriptor.start()):
            continue
        written = descriptor.group()
        neutral = re.sub(r"(?i)\b(?:homme|femme)(s?)\b", lambda m: "personne" + m.group(1), written, count=1)
        yield Match.at(
            descriptor.start(),
            descriptor.end(),
            suggestions=(neutral,),
            params={"suggestion": neutral, "problem": "describes the candidate as a man or a woman"},
        )


def _judge(
    text: str,
    start: int,
    end: int,
    line_end: int,
    settings: dict[str, Any],
    patterns: dict[str, re.Pattern[str]],
    frequency: Any,
    in_title: bool,
    posting_marked: bool = False,
) -> Match | None:
    word = text[start:end]
    lower = word.lower()
    if lower in settings["sex_nouns"]:
        return Match.at(
            start,
            end,
            suggestions=("personne",),
            params={"suggestion": "personne' or a job title in both genders", "problem": "names one sex"},
        )
    noun = gendered_noun(word, settings, frequency)
    if noun is None:
        return None
    if _both_written(text, end, noun, word) is not None:
        return None
    other = noun.other if not word[:1].isupper() else noun.other[:1].upper() + noun.other[1:]
    double = f"{word}/{other}" if noun.gender == "m" else f"{other}/{word}"
    nearby = patterns["marker"].search(text, end, line_end if in_title else min(line_end, end + 40))
    marked = posting_marked or nearby is not None
    if marked and noun.gender == "m":
        # the masculine with "H/F" is the common convention; the double form is what the guidance asks for
        return Match.at(
            start,
            end,
            severity=Severity.INFO,
            suggestions=(double,),
            replacement=double if in_title else None,
            params={"suggestion": double, "problem": "is masculine ('H/F' beside it helps; both forms say more)"},
        )
    problem = "is feminine: 'H/F' beside it does not undo that" if marked else "names one gender"
    # in a title line the double form replaces the noun as it stands; in a sentence the article would need changing
    return Match.at(
        start,
        end,
        suggestions=(double,),
        replacement=double if in_title else None,
        params={"suggestion": f"{double} (H/F)", "problem": problem},
    )
