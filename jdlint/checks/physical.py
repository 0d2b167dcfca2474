"""Physical requirements stated as a bodily method ("must be able to lift 50 lbs", "stand for 8 hours").

The ADA asks that qualification standards be job-related; the US Department of Labor's ableist-language list
(data/ableist-language.toml, in full) gives an outcome verb for each method ("move boxes of up to 50 lb between
stations"), to be stated with "with or without reasonable accommodation". A body verb is a method only by its
structure: with a measure (weight, duration, distance, how often), a physical object ("heavy boxes",
"ladders"), nothing after it ("able to stand."), or among other body verbs ("stoop, kneel or crawl"); an
idiom with the same verb ("carry on a conversation", "stand out", "walk us through", "see the big picture")
has none of these. Matching runs over the text, so slashes, hyphens, brackets and capitals change nothing.

Severity: a requirement ("must", "ability to", a requirements section, a physical-demands heading) is a
warning; a method named in a duty, or one whose section already offers accommodation, is info; a sentence
that says "with or without reasonable accommodation" is left alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..analyses.scan import Lazy, aligned, finditer_from, places
from ..context import Context
from ..kinds.needles import needles, search, shortest, starts
from ..model import Match, Severity
from ..rule import Rule
from . import check
from .ableist import LETTER, phrase_pattern, table

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|[^\w\s]")
# articles, possessives, sizes and prepositions passed over on the way to a verb's object
_SKIP = frozenset(
    [
        "a",
        "an",
        "the",
        "your",
        "their",
        "one's",
        "ones",
        "his",
        "her",
        "its",
        "heavy",
        "heavier",
        "large",
        "small",
        "light",
        "bulky",
        "awkward",
        "various",
        "multiple",
        "some",
        "all",
        "of",
        "on",
        "at",
        "in",
        "onto",
        "into",
        "from",
        "with",
        "under",
        "around",
        "across",
        "between",
        "both",
        "any",
        "to",
        "low",
        "high",
    ]
)
# physical only when nothing or a measure follows ("bend over." but not "bend over backwards", "see clearly how")
_PARTICLES = frozenset(("over", "down", "up", "clearly"))
_CLAUSE_END = ".;!?)]\u2026"
_UNITS = (
    r"(?:lbs?|pounds?|kgs?|kilos?|kilograms?|hours?|hrs?|minutes?|mins?|miles?|km|kilomet(?:er|re)s?"
    r"|met(?:er|re)s?|yards?|ft|words\s+per\s+minute|wpm)\b"
)
_LEAD = r"[\s(:\u2013-]*"
_AMOUNT = r"\(?\d+(?:[.,]\d+)?\s*(?:\+|(?:-|\u2013|to)\s*\d+)?\s*" + _UNITS
_TIGHT = (
    # "60 wpm", "5 km": a number and a unit right after the verb
    _LEAD
    + _AMOUNT
    # "50% of the time"
    + r"|"
    + _LEAD
    + r"\d+\s*(?:%|percent)\s+of\s+(?:the|a|your)\s+(?:time|shift|day|workday)"
    # "for long periods", "all day", "throughout the shift", "for the duration of"
    r"|" + _LEAD + r"(?:for\s+)?(?:long|extended|prolonged|lengthy|several|many|multiple|sustained|continuous"
    r"|extensive)\s+(?:periods?|hours|stretches|amounts?\s+of\s+time|durations?)"
    r"|" + _LEAD + r"(?:all\s+day|throughout\s+(?:the|a|your)\s+(?:shift|day|workday)"
    r"|(?:for\s+)?(?:the|an?)\s+(?:entire|whole|full)\s+(?:shift|day|workday)"
    r"|for\s+(?:the\s+)?(?:majority|duration|length|bulk)\s+of)"
)
# Verbs of load, posture and place also take a measure a few words on ("objects weighing up to 20 kg",
# "the sales floor for 8 hours") and how often ("frequently"); "hear from you within 48 hours" does not.
_LOOSE = (
    _TIGHT
    + r"|"
    + _LEAD
    + r"(?:[^\W\d_][\w'’/-]*[\s,]+){1,5}?"
    + _AMOUNT
    + r"|[\s,(:\u2013-]*(?:frequently|occasionally|constantly|regularly|continuously|repeatedly|often|periodically"
    r"|intermittently|routinely|daily)\b"
)
_MEASURES = {False: re.compile(_TIGHT, re.I), True: re.compile(_LOOSE, re.I)}
_LOOSE_SETS = ("load", "place", "heights", "posture")
_PLACES = frozenset(table()["complement"]["place"]) - frozenset(("stationary",))
# words that end the search for an object: "carry out", "walk us through", "stand out", "climb the career ladder"
_STOP = frozenset(
    ("out", "through", "off", "forward", "away", "back", "ahead", "corporate", "career", "academic", "social")
)
# a bare verb is a demand only as a verb: after "to", a modal, a list joiner, or opening its sentence
_BEFORE_BARE = frozenset(("to", "must", "can", "cannot", "frequently", "occasionally", "constantly", "regularly"))
# a sentence that calls the demands small ("minimal physical effort such as sitting") states no screen
_LOW_DEMAND = re.compile(
    r"\b(?:minimal|nominal|light|little|limited|low|no(?:\s+(?:specific|unusual|special|particular|or))*)"
    r"\s+(?:physical|manual)\b",
    re.I,
)
_ACCOMMODATION_HERE = re.compile(
    r"with(?:\s+or\s+without)?\s+(?:a\s+)?reasonable\s+(?:accommodations?|adjustments?)"
    r"|with\s+or\s+without\s+(?:an?\s+)?(?:accommodations?|adjustments?|assistance|aids?|assistive)",
    re.I,
)
_ACCOMMODATION_NEAR = re.compile(
    r"reasonable\s+(?:accommodations?|adjustments?)|with\s+or\s+without\s+accommodation", re.I
)
_JOINER = re.compile(r"[\s,;/&]*(?:(?:and\s*/\s*or|and|or|as\s+well\s+as|&)\b)?[\s,;/&]*", re.I)
_LOOKBACK = 1500  # how far back a physical-demands heading or an accommodation offer is looked for


@dataclass(frozen=True)
class Verb:
    name: str
    alternatives: tuple[str, ...]
    fires: str  # physical | list | object
    bare: bool
    complements: frozenset[str]
    objects: frozenset[str]
    loose: bool  # takes a measure a few words on


def verbs() -> dict[str, Verb]:
    """Every verb of the table by name; our added entries take the alternatives of the DOL entry they are like."""
    data = table()
    entries = {e["verb"]: e for e in data["verb"]}
    sets = data["complement"]
    out = {}
    for name, entry in entries.items():
        alternatives = entry.get("alternatives") or entries[entry["like"]]["alternatives"]
        objects = {o for base in entry.get("objects", []) for o in (base, base + "s")}
        if "foot" in objects:
            objects |= {"feet"}
        out[name] = Verb(
            name,
            tuple(alternatives),
            entry["fires"],
            entry["bare"],
            frozenset(w for key in entry["complements"] for w in sets[key]),
            frozenset(objects),
            any(key in _LOOSE_SETS for key in entry["complements"]),
        )
    return out


class _Written(NamedTuple):
    """A pattern's text and flags, read by needles and starts before (or without) compiling it."""

    pattern: str
    flags: int


@dataclass(frozen=True)
class Compiled:
    verbs: dict[str, Verb]
    by_form: dict[str, Verb]
    forms: re.Pattern[str]
    form_starts: frozenset[str]  # the forms that begin with no other form: where each search starts
    phrases: list[tuple[Lazy, Verb, frozenset[str] | None, frozenset[str] | None]]  # with needles, starts
    frame: frozenset[str]
    headings: Lazy
    heading_starts: frozenset[str] | None  # what every heading begins with
    not_before_phrase: frozenset[str]


def _compile() -> Compiled:
    data = table()
    every = verbs()
    by_form = {form: every[e["verb"]] for e in data["verb"] for form in e["forms"]}
    forms = "|".join(sorted(by_form, key=len, reverse=True))
    # a form glued to the next word by a hyphen is a compound ("stand-ups", "walk-in", "hands-on")
    pattern = re.compile(rf"(?<!{LETTER})(?:{forms})(?!{LETTER})(?![-\u2010\u2011]{LETTER})", re.I)
    # the phrases and headings are compiled on first use: most postings hold no phrase's needle, and only a
    # posting with a demand looks for a heading before it
    phrases = []
    for entry in data["verb"]:
        for phrase in entry.get("phrases", []):
            written = _Written(phrase_pattern(phrase), re.I)
            phrases.append((Lazy(*written), every[entry["verb"]], needles(written), starts(written)))
    context = data["context"]
    headings = _Written("|".join(phrase_pattern(h) for h in context["headings"]), re.I)
    return Compiled(
        every,
        by_form,
        pattern,
        shortest(by_form),
        phrases,
        frozenset(context["frame"]),
        Lazy(*headings),
        starts(headings),
        frozenset(context["not_before_phrase"]),
    )


@dataclass
class Hit:
    start: int
    end: int
    verb: Verb
    physical: bool  # has a physical complement of its own (end extended over it), or ends its clause
    bare: bool  # ends its clause with nothing after it
    verb_use: bool  # stands where a verb stands (after "to" or a modal, or opening the sentence)
    gerund: bool  # an -ing form ("sitting, standing, and walking")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _singular(word: str) -> str:
    return word[:-2] if word.endswith(("ches", "shes", "xes")) else word[:-1] if word.endswith("s") else word


def _after_particle(verb: Verb, after: str, end: int) -> int | None:
    """'bend over.', 'stand up for 8 hours': a particle that ends the clause or comes before a measure."""
    rest = after[end:]
    if not rest.strip() or rest.lstrip()[0] in _CLAUSE_END + ",":
        return end
    measure = _MEASURES[verb.loose].match(rest)
    return end + measure.end() if measure else None


def _complement(verb: Verb, after: str) -> int | None:
    """Where the physical complement after a verb ends (0 when it ends its clause), or None."""
    if verb.fires == "physical":
        measure = _MEASURES[verb.loose].match(after)
        if measure:
            return measure.end()
    stripped = after.lstrip()
    if not stripped or stripped[0] in _CLAUSE_END:
        return 0
    wanted = verb.objects if verb.fires == "object" else verb.complements
    tokens = _tokens(after[:120])
    unknown = 0
    for index, (word, _, end) in enumerate(tokens):
        if not word[0].isalnum() or word in _STOP:
            return None
        if word in _PARTICLES:
            reach = _after_particle(verb, after, end) if index == 0 and word in wanted else None
            if reach is not None:
                return reach
            continue
        if word in wanted or _singular(word) in wanted:
            if index == 0 and (word in _PLACES or _singular(word) in _PLACES):
                return None  # a place right after the verb is a compound noun ("standing desk"), not "sit at a desk"
            return end
        if word in _SKIP:
            continue
        unknown += 1
        if unknown > 1 or index > 5:
            return None
    return None


_WORDS_AFTER = 400  # characters after a verb that hold any complement and measure it takes
_SPACES = re.compile(r"\s*")


def _after(text: str, start: int, end: int) -> str:
    """The text after a verb up to its sentence's end, cut _WORDS_AFTER characters on (each verb copying the rest
    of one long sentence of demands was quadratic). A cut inside a run of spaces moves past it, and as far again,
    so what follows the spaces (a measure, the clause's end) is still read."""
    stop = min(end, start + _WORDS_AFTER)
    if stop < end and text[stop - 1].isspace():
        spaces = _SPACES.match(text, stop, end)  # always matches, if only the empty string
        stop = min(end, (spaces.end() if spaces else stop) + _WORDS_AFTER)
    return text[start:stop]


def _hits(context: Context, compiled: Compiled) -> list[Hit]:
    text = context.document.text
    found: list[Hit] = []
    lower = context.lowered_text
    # every match begins with one of the forms (plain lower-case words): tried only where one begins
    forms = compiled.forms
    exact = aligned(text, lower)
    if exact:  # the forms' pattern opens with (?<!LETTER): a match begins a word
        matches = finditer_from(forms, text, lower, compiled.form_starts, word_start=True)
    else:
        matches = forms.finditer(text)
    for match in matches:
        verb = compiled.by_form[match.group().lower()]
        window = context.window(match.start(), "sentence")
        reach = _complement(verb, _after(text, match.end(), window[1]))
        before = _tokens(text[max(window[0], match.start() - 30) : match.start()])
        verb_use = not before or before[-1][0] in _BEFORE_BARE
        bare = reach == 0
        physical = reach is not None and (not bare or verb.bare)
        found.append(
            Hit(
                match.start(),
                match.end() + (reach or 0),
                verb,
                physical,
                bare,
                verb_use,
                match.group().lower().endswith("ing"),
            )
        )
    for pattern, verb, needed, begins in compiled.phrases:
        for match in search(pattern, text, lower, exact, needed, begins):
            words = [t for t, _, _ in _tokens(text[max(0, match.start() - 30) : match.start()])]
            if words and words[-1] in compiled.not_before_phrase:
                continue  # "think on your feet"
            window = context.window(match.start(), "sentence")
            reach = _complement(verb, _after(text, match.end(), window[1]))
            if reach is not None and reach > 0:
                found.append(Hit(match.start(), match.end() + reach, verb, True, False, True, False))
    found.sort(key=lambda h: h.start)
    kept: list[Hit] = []
    for hit in found:
        if not (kept and hit.start < kept[-1].end):  # inside the complement of the verb before ("reach with hands")
            kept.append(hit)
    return kept


def _groups(text: str, hits: list[Hit], context: Context) -> list[list[Hit]]:
    """Runs of body verbs joined only by commas, slashes, 'and', 'or' in one sentence ("stoop, kneel or crawl")."""
    groups: list[list[Hit]] = []
    for hit in hits:
        if groups:
            last = groups[-1][-1]
            between = text[last.end : hit.start]
            same = context.window(last.start, "sentence") == context.window(hit.start, "sentence")
            if same and hit.start >= last.end and _JOINER.fullmatch(between) and between.strip():
                groups[-1].append(hit)
                continue
        groups.append([hit])
    return groups


def _reported(group: list[Hit], requirement: bool) -> bool:
    if len(group) > 1:
        # a list of body verbs, unless none of them has a physical complement and the last has an object that
        # is no body's work ("read and speak English", "see and hear from you"); a list of bare verbs must
        # stand where verbs stand or be a list of activities ("what users see and feel" is neither)
        if any(hit.physical and not hit.bare for hit in group):
            return True
        return group[-1].bare and (group[0].verb_use or all(hit.gerund for hit in group))
    hit = group[0]
    if hit.verb.fires == "list" or not hit.physical:
        return False
    return not hit.bare or (requirement and hit.verb_use)  # "able to stand." but not "where we stand."


_WORDS_BEFORE = 400  # characters that hold the twelve words before a verb in any prose


def _requirement(context: Context, compiled: Compiled, start: int) -> bool:
    text = context.document.text
    sentence = context.window(start, "sentence")
    # the last twelve words only: a bounded stretch before the verb, not the whole sentence (quadratic on one
    # long sentence of demands)
    words = [w for w, _, _ in _tokens(text[max(sentence[0], start - _WORDS_BEFORE) : start])][-12:]
    if compiled.frame & set(words):
        return True
    for section in context.document.sections:
        if section.start <= start < section.end and section.name == "requirements":
            return True
    floor = max(0, start - _LOOKBACK)
    lower = context.lowered_text
    if compiled.heading_starts is None or not aligned(text, lower):
        return compiled.headings.search(text, floor, start) is not None
    # search(text, floor, start) tries a match at each place from floor on, the text cut at start: only the places
    # where a heading's first letters occur can hold one (the posting's are found once)
    heading_at = context.memo(("physical", "heading-places"), lambda: places(lower, compiled.heading_starts or ()))
    index = bisect.bisect_left(heading_at, floor)
    while index < len(heading_at) and heading_at[index] < start:
        if compiled.headings.match(text, heading_at[index], start):
            return True
        index += 1
    return False


def _accommodation_near(context: Context, start: int, end: int, offers: dict[int, bool]) -> bool:
    """`offers` remembers each section's answer: a section of many demands is searched once, not per demand."""
    text = context.document.text
    for section in context.document.sections:
        if section.start <= start < section.end:
            if section.start not in offers:
                offers[section.start] = _ACCOMMODATION_NEAR.search(text, section.start, section.end) is not None
            return offers[section.start]
    return _ACCOMMODATION_NEAR.search(text, max(0, start - _LOOKBACK), min(len(text), end + 300)) is not None


@check(needs=("sentences",))
def physical_method(context: Context, rule: Rule) -> Iterator[Match]:
    settings: dict[str, Any] = rule.options["settings"]
    compiled = context.compiled((rule.code, "physical"), _compile)
    text = context.document.text
    offers: dict[int, bool] = {}
    sentences: dict[tuple[int, int], tuple[bool, bool]] = {}  # (offers accommodation, calls demands low)
    for group in _groups(text, _hits(context, compiled), context):
        start, end = group[0].start, group[-1].end
        requirement = _requirement(context, compiled, start)
        if not _reported(group, requirement):
            continue
        sentence = context.window(start, "sentence")
        if sentence not in sentences:  # a sentence of many demands is read once, not once per demand
            sentences[sentence] = (
                _ACCOMMODATION_HERE.search(text, *sentence) is not None,
                _LOW_DEMAND.search(text, *sentence) is not None,
            )
        accommodated, low = sentences[sentence]
        if accommodated:
            continue
        severity = None
        if not requirement or low or _accommodation_near(context, start, end, offers):
            severity = Severity.INFO
        alternatives: list[str] = []
        for hit in group:
            alternatives += [a for a in hit.verb.alternatives if a not in alternatives]
        yield Match.at(
            start,
            end,
            suggestions=tuple(alternatives) + (settings["accommodation"],),
            params={"alternatives": ", ".join(alternatives[:4])},
            severity=severity,
        )
