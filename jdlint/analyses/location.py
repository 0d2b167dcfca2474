"""Where the job is: the places a posting names, each with the words that showed it.

Signals, strongest first:
- fields: a location field of the front matter or export record, a "Location:" / "Office:" / "Based in:" line
  anywhere in the text (a value that only says "Remote" or "Hybrid" names no place);
- phrases anywhere in the text: "based in Denver", "our Chicago office", "Denver, CO", and remote eligibility
  ("Remote (US)", "open to candidates in Colorado", "anywhere in the US");
- the title area (first 500 characters) and headings naming a state or an unambiguous city, when the posting has
  no location field at all.
When a field names a place, only fields and remote-eligibility wording count: an office in another city named
further down ("our teams in Berlin and New York") is the company's, not necessarily the job's.

Country and state codes are matched case-sensitively: "US" is the country, "us" the pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import tomli

from ..document import Document
from ..resources import data_path
from .scan import WORD, Lazy, Letters, aligned, finditer, finditer_words

LEAD = 500  # characters of a posting's start where a title names its place ("Engineer - Denver")


@dataclass(frozen=True)
class Evidence:
    place: str  # the words naming the place: "New York", "Remote (US)"
    quote: str  # where they stand: "Location: New York"
    strength: int  # 3 a field, 2 a phrase, 1 the title area or a heading
    region: str = ""  # reached through a region naming several countries ("DACH"): one of them, not all


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return tomli.loads(data_path("data").joinpath("jurisdictions.toml").read_text(encoding="utf-8"))


def jurisdictions() -> tuple[dict[str, Any], ...]:
    """The pay-transparency table, data/jurisdictions.toml."""
    return tuple(_table()["jurisdiction"])


def regions() -> tuple[dict[str, Any], ...]:
    """Regions of the table naming several of its jurisdictions at once ("Remote (EU)", "DACH")."""
    return tuple(_table().get("region", []))


_FIELD_KEYS = Lazy(r"location|city|state|country|region|office|based|where|workplace", re.I)
_LABEL = Lazy(
    r"^[ \t#*_>-]*(?i:(?:job\s+|work\s+|office\s+|primary\s+)?(?:locations?|based\s+in|offices?|where|work\s*place)"
    r"|place\s+of\s+work|standort|arbeitsort|dienstort|einsatzort|lieu(?:\s+de\s+travail)?|localisation)"
    r"[*_ \t]*(?:[:–|][ \t*_]*|(?<=[\s*_])-[ \t*_]*|-[ \t*_]+|[:]?[ \t*_]*\n[ \t*_]*)"
    r"(?P<value>[^\n]{2,120})",
    re.M,
)
# A field value that names a work mode, not a place
_MODE_WORDS = (
    r"remote|hybrid|on-?site|in[\s-]office|flexible|anywhere|various|multiple|tbd|n/?a|"
    r"home|home[\s-]based|work\s+from\s+home|wfh|global|worldwide|full[\s-]time|part[\s-]time|or|and|"
    r"first|friendly|optional|possible"
)
_MODE_ONLY = Lazy(rf"^(?i:[\s,/()|&-]*(?:{_MODE_WORDS})[\s,/()|&.-]*)+$")
_PLACE = (
    r"(?P<place>[A-Z][\w'’-]*(?:\.(?=\w))?(?:(?:\s+|-)(?:of\s+)?[A-Z][\w'’.-]*){0,3}"
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w]*)?)?)"
)
# Phrases about the job's own place; the company's ("headquartered in", "offices in Paris, New York and Lisbon")
# and negated ones ("if you are not based in Seattle") say nothing about where this job is.
_PHRASE = Lazy(
    r"(?<!not\s)(?<!n't\s)(?<!never\s)"
    r"(?i:\b(?:based|located|situated)\s+(?:out\s+of|in|at)"
    r"|\boffice\s+(?:is\s+)?(?:located\s+)?(?:in|at)"
    r"|\b(?:position|role|job)\s+(?:is\s+|will\s+be\s+)?(?:located\s+|based\s+)?(?:in|at)"
    r"|\bwork(?:ing)?\s+(?:on-?site\s+)?(?:from|out\s+of|at)\s+our"
    r"|\b(?:on-?site|in-?office|in\s+person|hybrid)\s+(?:at\s+our\s+\w+\s+)?(?:in|at|from)"
    r"|\brelocat(?:e|ion)\s+to"
    r"|\b(?:candidates|applicants)\s+(?:who\s+(?:live|reside)\s+|(?:located|based|living|residing)\s+)?(?:in|from)"
    r"|\bresidents\s+of"
    r"|\bopen\s+to\s+(?:candidates\s+|applicants\s+)?(?:located\s+|based\s+)?(?:in|from|across)"
    r"|\bmust\s+(?:live|reside|be\s+located|be\s+based)\s+in"
    r"|\bremote(?:ly)?\s+(?:with)?in|\banywhere\s+in)"
    r"\s+(?:the\s+)?(?:(?i:state|city|province)\s+of\s+)?(?:(?i:our)\s+)?" + _PLACE
)
_OFFICE = Lazy(r"\b(?i:our|the|at\s+our|in\s+our|from\s+our)\s+" + _PLACE + r"(?:\s+|-)(?i:office|hub|studio)\b")
_COUNTRY_US = r"(?:US|USA|U\.S\.A?\.?|United\s+States(?:\s+of\s+America)?|(?i:united\s+states))"
_COUNTRY_CA = r"(?:Canada|CAN)"
# Remote work open across a country: the country right after "remote" ("Remote (US)", "remote within the US"),
# before it ("US-remote", "US Remote"), or eligibility wording ("anywhere in the US", "must be based in the US").
_REMOTE = Lazy(
    rf"(?i:remote|work\s+from\s+home|wfh)(?:\s*[-–—,:/|(]?\s*|\s+(?i:in|within|across|from|anywhere\s+in|only\s+in)"
    rf"\s+(?:the\s+)?)(?P<country>{_COUNTRY_US}|{_COUNTRY_CA})(?![\w])\)?"
    rf"|\b(?P<country2>{_COUNTRY_US}|{_COUNTRY_CA})(?:[\s,(]+|-based\s+|\s*[-–]\s*)(?i:remote)\b"
    rf"|(?:(?i:anywhere|candidates|applicants|residents)|(?i:must\s+(?:be\s+)?(?:based|located|live|reside)))"
    rf"\s+(?i:in|across|within)\s+(?:the\s+)?(?P<country3>{_COUNTRY_US}|{_COUNTRY_CA})(?![\w])"
)


# The words every match of each pattern begins with, case aside, where the text is searched for them first (see
# scan.py; kinds/needles.py reads the same from the patterns, and a test compares): "c" of "Canada" and "CAN" would
# stop at every "c", so "can" stands for both.
_REMOTE_STARTS = (
    "anywhere", "applicants", "can", "candidates", "must", "remote", "residents", "u.s.", "united", "us", "usa", "wfh",
    "work",
)  # fmt: skip
_PHRASE_STARTS = frozenset((
    "anywhere", "applicants", "based", "candidates", "hybrid", "in", "job", "located", "must", "office", "on", "open",
    "position", "relocat", "remote", "residents", "role", "situated", "work",
))  # fmt: skip
_OFFICE_STARTS = frozenset(("at", "from", "in", "our", "the"))


def _country(match: re.Match[str]) -> str:
    words = match.group("country") or match.group("country2") or match.group("country3")
    return "CA" if words in ("Canada", "CAN") else "US"


@dataclass(frozen=True)
class _Patterns:
    # each compiled when first searched (scan.Lazy): a posting names few of the laws' places
    laws: tuple[tuple[dict[str, Any], Lazy | None, re.Pattern[str] | None, Lazy | None], ...]
    spelled: tuple[tuple[str, tuple[int, ...]], ...]  # each name or abbreviation, with the laws (indexes) it names
    pair: Lazy  # "Denver, CO" or "(CO)" anywhere
    pair_tail: Lazy  # what every match of `pair` holds (", CO", "(CO)"): a search for it skips to each "," and "("
    excluded: dict[str, re.Pattern[str]]  # code -> longer names holding a place without meaning it ("Paris Hilton")
    regions: tuple[tuple[dict[str, Any], Lazy, Lazy], ...]  # (region, its names, remote use)
    any_name: Lazy | None  # every law's names at once: a chunk without a match needs no law's search


_NEGATION = Lazy(r"\b(?:not|n't|outside|except|excluding)\b[^.,;:\n]{0,20}$", re.I)


def _negated(text: str, start: int) -> bool:
    """A place named to rule it out: "not based in Seattle", "outside California"."""
    return bool(_NEGATION.search(text, max(0, start - 30), start))


def _alternation(names: list[str]) -> re.Pattern[str] | None:
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])") if names else None


def _any_of(names: list[str]) -> Lazy | None:
    """A pattern that finds a name wherever the alternation of all the names, whole words, does, for telling
    whether a text names any: the names grouped by their first letter, so the engine compares a few first letters
    at each word, not every name (which name it finds first may differ; that it finds one does not)."""
    if not names:
        return None
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(re.escape(name[1:]))
    groups = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())
    return Lazy(rf"\b(?:{groups})(?![\w])")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    laws: list[tuple[dict[str, Any], Lazy | None, re.Pattern[str] | None, Lazy | None]] = []
    every: list[str] = []
    spelled: dict[str, list[int]] = {}
    for law in jurisdictions():
        raw = law.get("names", []) + law.get("cities", [])
        every += raw
        names = Lazy(r"\b(?:" + "|".join(re.escape(n) for n in raw) + r")(?![\w])") if raw else None
        field_only = law.get("location_names", [])
        in_field = (
            re.compile(r"\b(?:" + "|".join(re.escape(n) for n in field_only) + r")(?![\w])") if field_only else None
        )
        code = law.get("abbreviation")
        # in a field: "Denver, CO", "CO" alone, "CO / Remote"; a lone "CO" inside prose is not a state
        abbreviation = Lazy(rf"(?:^|,\s*|\(|\s-\s)\s*{code}(?![\w.])|^\s*{code}\s*$") if code else None
        # every hit of the three spells one of these words: a chunk without them needs none of the searches
        for word in (*raw, *field_only, *([code] if code else [])):
            spelled.setdefault(word, []).append(len(laws))
        laws.append((law, names, in_field, abbreviation))
    codes = "|".join(sorted({re.escape(law["abbreviation"]) for law in jurisdictions() if law.get("abbreviation")}))
    pair = Lazy(rf"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*(?:{codes})(?![\w])(?!\.\w)|\((?:{codes})\)")
    pair_tail = Lazy(rf",\s*(?:{codes})(?![\w])|\((?:{codes})\)")
    excluded = {law["code"]: _alternation(law["exclude"]) for law in jurisdictions() if law.get("exclude")}
    found = []
    for region in regions():
        words = "|".join(re.escape(n) for n in region["names"])
        # a field or "based in" phrase naming only the region (and work modes): "Location: Europe", "EU / remote";
        # "London, UK, Europe" names a place of its own
        names = Lazy(
            rf"[\s,/()|&:.-]*(?:(?:(?i:{_MODE_WORDS}|only|region|countries|time\s*zones?|within|in|the|across)"
            rf"(?![\w-])|(?<![\w.-])(?:{words})(?![\w-]))[\s,/()|&:.-]*)+"
        )
        # beside remote work or eligibility, as for the US and Canada: "Remote (EU)", "DACH-remote"
        remote = Lazy(
            rf"(?i:remote|work\s+from\s+home|wfh)(?:\s*[-–—,:/|(]?\s*|\s+(?i:in|within|across|from|anywhere\s+in)"
            rf"\s+(?:the\s+)?)(?:{words})(?![\w-])\)?"
            rf"|(?<![\w.-])(?:{words})(?:[\s,(]+|-based\s+|\s*[-–]\s*)(?i:remote)\b"
            rf"|(?i:anywhere|candidates|applicants|residents|must\s+(?:be\s+)?(?:based|located|live|reside))"
            rf"\s+(?i:in|across|within)\s+(?:the\s+)?(?:{words})(?![\w-])"
        )
        found.append((region, names, remote))
    return _Patterns(
        tuple(laws),
        tuple((word, tuple(indexes)) for word, indexes in spelled.items()),
        pair,
        pair_tail,
        {k: v for k, v in excluded.items() if v},
        tuple(found),
        _any_of(every),
    )


def _excluded(pattern: re.Pattern[str] | None, chunk: str, hit: re.Match[str]) -> bool:
    """The hit lies inside a longer name that does not mean the place: "Paris Hilton", "Northern Ireland"."""
    return pattern is not None and any(
        m.start() <= hit.start() and hit.end() <= m.end() for m in pattern.finditer(chunk)
    )


_SENTENCE_END = Lazy(r"[.!?;](?=\s)")


def _quote(text: str, start: int, end: int) -> str:
    """The line around a signal, short enough for a message."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    a, b = max(line_start, start - 30), min(line_end, end + 30)
    # within the sentence: "Senior engineer, remote (US)", not the next sentence's start
    stops = [m.end() for m in _SENTENCE_END.finditer(text, a, start)]
    a = stops[-1] if stops else a
    stop = _SENTENCE_END.search(text, end, b)
    b = stop.start() + 1 if stop else b
    return text[a:b].strip(" \t*_#>|-")


def _signals(document: Document, lower: str | None, letters: Letters | None) -> list[tuple[str, str, int, str]]:
    """(text naming a place, quote, strength, kind) for every location signal; kind: field, phrase or lead.
    `lower` and `letters`: the text lower-cased and its Letters when the caller has them already, else made here."""
    text = document.text
    fields: list[tuple[str, str, int, str]] = []
    for key, value in document.metadata.items():
        if not _FIELD_KEYS.search(str(key)) or not isinstance(value, (str, list)):
            continue
        value_text = " ; ".join(map(str, value)) if isinstance(value, list) else value
        fields.append((value_text, f"{key}: {value_text}"[:100], 3, "field"))
    for match in _LABEL.finditer(text):
        value = match.group("value").strip()
        fields.append((value, _quote(text, match.start("value") - 1, match.end("value")), 3, "field"))
    named = [f for f in fields if not _MODE_ONLY.match(f[0])]
    lower = text.lower() if lower is None else lower
    remote = [(m.group(), _quote(text, *m.span()), 2, "remote") for m in finditer(_REMOTE, text, lower, _REMOTE_STARTS)]
    if named:
        return named + [f for f in fields if f not in named] + remote
    phrases: list[tuple[str, str, int, str]] = []
    letters = Letters(text) if letters is None else letters
    for pattern, starts in ((_PHRASE, _PHRASE_STARTS), (_OFFICE, _OFFICE_STARTS)):
        if pattern is _OFFICE and not _any_office(text, lower):
            continue
        # both open at a word (\b and a letter): tried at the words whose first letters begin a start ("in", "on",
        # "at" and "the" begin many places inside words)
        for match in finditer_words(pattern, text, lower, starts, WORD, letters):
            phrases.append((match.group("place"), _quote(text, *match.span()), 2, "phrase"))
    patterns = _patterns()
    if patterns.pair_tail.search(text):
        phrases += [(m.group(), _quote(text, *m.span()), 2, "phrase") for m in patterns.pair.finditer(text)]
    if fields:
        return fields + remote + phrases  # "Location: Remote" said where: a state named in the intro is not it
    lead = [(text[:LEAD], "", 1, "lead")]
    for segment in document.segments:
        if segment.scope == "heading" and segment.start >= LEAD:
            lead.append((text[segment.start : segment.end], "", 1, "lead"))
    return remote + phrases + lead


def _any_office(text: str, lower: str) -> bool:
    """False only when no match of _OFFICE can be in the text: each ends with one of its words."""
    return not aligned(text, lower) or any(word in lower for word in _OFFICE_WORDS)


_OFFICE_WORDS = ("office", "hub", "studio")


def _first_hit(
    pattern: re.Pattern[str] | Lazy | None, chunk: str, excluded: re.Pattern[str] | None, negation: bool = True
) -> re.Match[str] | None:
    """The first match that is neither ruled out ("not based in Seattle") nor part of a longer, other name."""
    if pattern is None:
        return None
    for match in pattern.finditer(chunk):
        if not (negation and _negated(chunk, match.start())) and not _excluded(excluded, chunk, match):
            return match
    return None


def _words_of(region: dict[str, Any]) -> str:
    return r"(?<![\w.-])(?:" + "|".join(re.escape(n) for n in region["names"]) + r")(?![\w-])"


def _regional(chunk: str, quote: str, strength: int, kind: str) -> Iterator[tuple[str, Evidence]]:
    """(code, evidence) for each member of a region the chunk names as the job's place."""
    codes = {law["code"] for law in jurisdictions()}
    for region, names, remote in _patterns().regions:
        if not any(name in chunk for name in region["names"]):
            continue  # both patterns need one of its names, spelt as listed
        alone = kind in ("field", "phrase") and names.fullmatch(chunk.strip()) is not None
        named = next((m for m in re.finditer(_words_of(region), chunk)), None) if alone else None
        hit = named or remote.search(chunk)
        if hit is None:
            continue
        place = chunk.strip()[:60] if named is not None else hit.group()
        shown = (quote or _quote(chunk, *hit.span()))[:100]
        for code in region["members"]:
            if code in codes:
                yield code, Evidence(place, shown, strength, region=region["name"])


def locate(document: Document, lower: str | None = None, letters: Letters | None = None) -> dict[str, Evidence]:
    """Each jurisdiction the posting's location names or reaches (its code), with the strongest evidence. A caller
    that holds the text lower-cased (`lower`) and its `Letters` passes them, so they are not made again."""
    found: dict[str, Evidence] = {}

    def note(code: str, evidence: Evidence) -> None:
        # a place named outright beats a region that only may include it, then the stronger signal wins
        if code not in found or (not evidence.region, evidence.strength) > (
            not found[code].region,
            found[code].strength,
        ):
            found[code] = evidence

    patterns = _patterns()
    for chunk, quote, strength, kind in _signals(document, lower, letters):
        # outside a field or phrase only the laws' names are searched: when none of them occurs, no law is named
        named = kind in ("field", "phrase") or (patterns.any_name is not None and patterns.any_name.search(chunk))
        # only the laws one of whose names or abbreviation the chunk spells: the others' searches cannot hit
        candidates = (
            sorted({i for word, indexes in patterns.spelled if word in chunk for i in indexes}) if named else ()
        )
        for law, names, in_field, abbreviation in (patterns.laws[i] for i in candidates):
            excluded = patterns.excluded.get(law["code"])
            hit = _first_hit(names, chunk, excluded)
            if hit is None and kind in ("field", "phrase"):
                hit = _first_hit(in_field, chunk, excluded, negation=False) or (
                    abbreviation.search(chunk) if abbreviation is not None else None
                )
            if hit is not None:
                place = chunk.strip() if kind != "lead" else hit.group().strip(" ,(")
                place = re.split(r"\.\s", place)[0].rstrip(".")
                shown = quote or _quote(chunk, *hit.span())
                note(law["code"], Evidence(place[:60], shown[:100], strength))
        for match in finditer(_REMOTE, chunk, chunk.lower(), _REMOTE_STARTS):
            country = _country(match)
            for law in jurisdictions():
                if law.get("remote") == "yes" and law["code"].startswith(f"{country}-"):
                    note(law["code"], Evidence(match.group(), quote or match.group(), strength))
        for code, evidence in _regional(chunk, quote, strength, kind):
            note(code, evidence)
    return found
