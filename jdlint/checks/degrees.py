"""Degree requirements with no other path in (JD401), judged one requirement at a time.

A requirement is a list item, or a sentence of prose. A degree in it is excused only by what is said about
that degree: an experience path ("or equivalent experience", "or 4 years in lieu"), or words that make it a
wish ("preferred", "a plus"). Such words belong to the nearest degree of the requirement, so "a PhD is a
bonus" excuses the PhD, not the Bachelor's required before it. The suggestion repeats the degree as written
(level and subject) and adds the experience path. Where the posting names a licence that the law ties to a
degree (data/licensed-professions.toml), that degree is reported at info with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import tomli

from ..analyses.scan import WORD, Letters, aligned, finditer_words, letters_of
from ..context import Context
from ..document import LABEL_LEVEL
from ..kinds.needles import starts
from ..model import Match, Severity
from ..resources import data_path
from ..rule import Rule
from . import check

# Degree names. Words are matched in any case; abbreviations only as written (BS, not "bs").
_OF = r"of(?:\s+(?-i:[A-Z][a-z]+|and|in)){1,4}"  # "of Science", "of Business Administration"
_WORDS = {
    "associate": r"associate(?:['’]?s)?\s+(?:degree|" + _OF + r")",
    "bachelor": r"bachelor(?:['’]?s['’]?)?(?:\s+degree|\s+" + _OF + r")?|baccalaureate(?:\s+degree)?",
    "master": r"master(?:['’]s|s['’]?)(?:\s+degree)?|master\s+degree|master\s+" + _OF,
    "doctorate": r"doctorate|doctoral\s+degree|ph\.\s?d\.?|doctor\s+of\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?"
    r"|juris\s+doctor",
    # a degree of no stated level: "college degree", "a relevant degree", "degree in Biology"
    "any": r"(?:(?:college|university|undergraduate|post-?graduate|graduate|advanced|academic|tertiary|technical"
    r"|relevant|related|professional|engineering|good|honou?rs|(?:4|four|2|two)[-\s]year)\s+)+degree(?!\s+of\b)"
    r"|degree(?=\s+(?:in|from|within|related\s+to)\b)",
}
_ABBREVIATIONS = {
    "associate": ["A.A.S.", "A.A.", "A.S.", "ADN", "ASN"],
    "bachelor": [
        "BSc",
        "B.Sc.",
        "B.Sc",
        "B.S.",
        "B.A.",
        "BEng",
        "B.Eng.",
        "BTech",
        "B.Tech.",
        "B.Tech",
        "BBA",
        "BFA",
        "BSN",
        "BSW",
        "BSEE",
        "BSCS",
        "BSME",
        "BSCE",
        "BCom",
        "B.Com.",
        "LLB",
        "LL.B.",
        "B.Arch",
        "BArch",
        "BEd",
        "B.Ed.",
    ],
    "master": [
        "MSc",
        "M.Sc.",
        "M.Sc",
        "M.S.",
        "M.A.",
        "MEng",
        "M.Eng.",
        "MBA",
        "M.B.A.",
        "MPH",
        "MSW",
        "MSN",
        "MPA",
        "MPP",
        "MEd",
        "M.Ed.",
        "MLIS",
        "MSCS",
        "MSEE",
        "LL.M.",
        "M.Arch",
        "MArch",
        "MAcc",
    ],
    "doctorate": [
        "PhD",
        "PhDs",
        "Ph.D.",
        "Ph.D",
        "DPhil",
        "D.Phil.",
        "EdD",
        "Ed.D.",
        "PsyD",
        "Psy.D.",
        "PharmD",
        "Pharm.D.",
        "DPT",
        "DNP",
        "DVM",
        "DDS",
        "DMD",
        "AuD",
        "Au.D.",
        "MBBS",
        "OTD",
        "DSW",
        "ScD",
        "VMD",
        "V.M.D.",
    ],
}
# Also other things (Massachusetts, Microsoft, Maryland, "job description", the verb "do"): degrees only next
# to "degree", a capitalised subject ("MS in Physics") or another degree ("BS/MS", "MD or DO").
_AMBIGUOUS = {
    "bachelor": ["BA", "BS", "BE"],
    "master": ["MA", "MS", "LLM", "MFA"],
    # initials too: "J.D. Power", "M.D. Anderson"
    "doctorate": ["MD", "JD", "DO", "J.D.", "M.D.", "D.O."],
    "associate": ["AA", "AS", "AAS"],
}
_LEVELS = ("associate", "bachelor", "master", "doctorate", "any")
# a degree named as an example in brackets belongs to the one before: "advanced degree (e.g., MBA)"
_JOIN = re.compile(
    r"[^\S\n]*\n?[^\S\n]*[,/&()]*[^\S\n]*(?:(?:and/or|or|and|to|oder|und|bzw\.|ou|et|/)[\s,/()]*)?(?:an?\s+|(?:d['’]\s*)?une?\s+)?$"
    r"|\s*\((?:or\s+higher,?\s*)?(?:e\.\s?g\.|i\.\s?e\.|such\s+as|for\s+example|ex\.|like)?,?\s*$",
    re.I,
)
_AMBIGUOUS_OK = re.compile(
    r"\s*(?:degrees?|diploma)\b|\s+(?:in|from)\s+[A-Z]|\s+from\s+(?:an?\s+)?(?:accredited|recogni[sz]ed)"
    r"|\s+(?:is\s+)?(?:required|preferred)\b|\s+or\s+equivalent\b"
)
# "360-degree", "90 degrees", "to a degree", "third-degree", "degree of autonomy", "PhD students"
_NOT_REQUIRED_HERE = re.compile(
    r"\s*(?:students?|candidates?|interns?|internships?|programs?|programmes?|courses?|coursework|level\s+students"
    r"|holders?\s+(?:are|is)\s+welcome|graduates?\b(?!\s+degree)|researchers?|thesis|dissertation|scholarships?)\b",
    re.I,
)
# a student's course, anywhere before the degree in its requirement ("Working towards a BS in ... or related degree")
_STUDENT = re.compile(
    r"\b(?:pursuing|enrol+ed|enrol+ing|working\s+towards?|studying\s+(?:for|towards?)|currently\s+(?:in|attending|"
    r"studying|completing)|completing|graduating|graduated|expected\s+graduation|in\s+progress\s+toward"
    r"|class\s+of|(?:19|20)\d\d\s+(?:under\s*)?grad\w*)\b",
    re.I,
)
# someone else's degree, or one the employer pays for, just before it ("our PhDs", "tuition for an MBA")
_NOT_ASKED_BEFORE = re.compile(
    r"\b(?:during|after|while|without|founded\s+by|team\s+of|our|their|his|her|tuition|sponsor\w*|fund\w*|support\w*"
    r"|earn(?:ing)?\s+your)\b[^.;\n]{0,25}$"
    # "no PhD requirement", "(less with a PhD)", "may be substituted for a Bachelor's degree"
    r"|\b(?:no|(?:less|fewer)\s+(?:years\s+)?(?:with|if|for)|substitut\w*\s+for|in\s+lieu\s+of|in\s+place\s+of"
    r"|instead\s+of)\s+(?:(?:an?|the)\s+)?$",
    re.I,
)
# the same, when it stands for the degrees of its paragraph: "... may be substituted for a Bachelor's degree."
_REPLACES = re.compile(
    r"(?:substitut\w*\s+for|in\s+lieu\s+of|in\s+place\s+of|instead\s+of)\s+(?:(?:an?|the)\s+)?$", re.I
)
# where the degree's subject starts ("in Statistics") and where it ends
_FIELD_START = re.compile(
    r"(?:\s*\([^)]{1,12}\))?,?\s+(?:degree\s+)?(?:in|of|within|related\s+to|focused\s+on)\s+", re.I
)
_FIELD_STOP = re.compile(
    r"\s*(?:[.;:\n(\[]|$|\s-\s|,?\s+(?:(?:or|and/or)\s+(?:an?\s+|the\s+|its\s+)?(?:\d|one\b|two\b|three\b|four\b|"
    r"five\b|six\b|seven\b|eight\b|nine\b|ten\b|several\b|significant|extensive|equivalent|comparable|relevant\s+"
    r"(?:work\s+)?experience|related\s+experience|similar\s+experience)|and\s+(?:\d|at\s+least|a\s+minimum|minimum|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|several|proven|strong|solid|relevant|experience)|with\b|from\b"
    r"|is\b|are\b|required|preferred|plus\b|\+|must\b|who\b|that\b|which\b|including\b|(?:strongly|highly)\s+(?:preferred|desired)|desired"
    r"|a\s+plus|ideally\b|preferably\b|especially\b|particularly\b|at\s+least\b|minimum\b|would\b|will\b|as\s+well\b|along\b|or\s+(?:higher|above|better)|\d))",
    re.I,
)


@dataclass
class Degree:
    start: int  # the degree's words ("Masters or PhD"): the finding's span
    end: int
    level: str  # the highest level named; "any" for "college degree"
    extent: int  # end of the degree with its subject ("... in Statistics")
    excused: bool = False
    markers: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _degree_pattern() -> re.Pattern[str]:
    parts = []
    for level in _LEVELS:
        if level in _WORDS:
            parts.append(rf"(?P<{level}_w>(?i:{_WORDS[level]}))")
    for level, names in _ABBREVIATIONS.items():
        names = sorted(names, key=len, reverse=True)
        parts.append(rf"(?P<{level}_a>" + "|".join(re.escape(n) for n in names) + r")")
    for level, names in _AMBIGUOUS.items():
        parts.append(rf"(?P<{level}_x>" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")")
    return re.compile(r"(?<![\w.\-])(?<!\d\s)(?:" + "|".join(parts) + r")(?![\w\-])(?!\.\w)")


def _named_degrees(names: dict[str, list[str]]) -> re.Pattern[str]:
    """A language's own degree names (level -> regular expressions, any case), from the rule's data."""
    parts = [rf"(?P<{level}_w>(?i:{'|'.join(names[level])}))" for level in _LEVELS if names.get(level)]
    return re.compile(r"(?<![\w.\-])(?:" + "|".join(parts) + r")(?![\w\-])")


# every degree name opens with (?<![\w.\-]): it begins after none of these
_NAME_BEFORE = WORD + ".-"
# the words every match of _degree_pattern() begins with (kinds/needles.py reads the same from its parse, a
# millisecond at first use; a test compares)
_DEGREE_STARTS = frozenset(
    {
        "2", "4", "a.a.", "a.s.", "aa", "academic", "adn", "advanced", "as", "au.d.", "aud", "b", "college", "d.o.",
        "d.phil.", "dds", "degree", "dmd", "dnp", "do", "dphil", "dpt", "dsw", "dvm", "ed.d.", "edd", "engineering",
        "four", "good", "graduate", "hono", "j.d.", "jd", "juris", "ll.b.", "ll.m.", "llb", "llm", "m.a.", "m.arch",
        "m.b.a.", "m.d.", "m.ed.", "m.eng.", "m.s.", "m.sc", "ma", "mba", "mbbs", "md", "med", "meng", "mfa", "mlis",
        "mpa", "mph", "mpp", "ms", "otd", "ph.", "pharm.d.", "pharmd", "phd", "post", "professional", "psy.d.", "psyd",
        "related", "relevant", "scd", "technical", "tertiary", "two", "undergraduate", "university", "v.m.d.", "vmd",
    }
)  # fmt: skip


def degree_mentions(
    text: str, pattern: re.Pattern[str] | None = None, lower: str | None = None, letters: Letters | None = None
) -> list[tuple[int, int, str, bool]]:
    """(start, end, level, ambiguous) of each degree name, before context is judged. Given `lower` and `letters`
    (text.lower() and Letters(text)), the names are tried only where their first letters begin a word."""
    begins = _DEGREE_STARTS if pattern is None else _starts(pattern)
    pattern = pattern or _degree_pattern()
    if lower is None or letters is None or begins is None:
        matches = pattern.finditer(text)
    else:
        matches = finditer_words(pattern, text, lower, begins, _NAME_BEFORE, letters)
    found = []
    for match in matches:
        kind = match.lastgroup or ""
        level, how = kind.rsplit("_", 1)
        start, end = match.span()
        if how == "w" and level == "any":
            before = text[max(0, start - 12) : start].lower()
            if re.search(r"(?:\bhigh|\bsome|\bto\s+a|\bcertain|\bvarying|\d)\s*-?\s*$", before):
                continue
        found.append((start, end, level, how == "x"))
    return found


def _groups(text: str, mentions: list[tuple[int, int, str, bool]]) -> list[Degree]:
    """Degree names joined by a short link ("BS/MS", "Masters or PhD", "Bachelor of Science (BS)") form one."""
    groups: list[Degree] = []
    for start, end, level, _ in _kept(text, mentions):
        last = groups[-1] if groups else None
        if last is not None and start - last.end <= 24 and _JOIN.match(text[last.end : start]):
            last.end = end
            last.level = max(last.level, level, key=_rank)
            continue
        groups.append(Degree(start, end, level, end))
    for group in groups:
        _extend(text, group)
    # "Advanced degree in economics, finance or related degree": a degree inside another's subject is part of it
    kept: list[Degree] = []
    for group in groups:
        if kept and group.start < kept[-1].extent:
            kept[-1].extent = max(kept[-1].extent, group.extent)
            continue
        kept.append(group)
    return kept


def _kept(text: str, mentions: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Mentions that are degrees here: an ambiguous abbreviation needs "degree", a subject or a degree beside it."""
    kept = [m for m in mentions if not m[3] or _AMBIGUOUS_OK.match(text, m[1])]
    for i, mention in enumerate(mentions):
        if mention in kept:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(mentions):
                other = mentions[j]
                gap = text[mention[1] : other[0]] if j > i else text[other[1] : mention[0]]
                if len(gap) <= 24 and _JOIN.match(gap) and (not other[3] or "/" in gap or "or" in gap.lower()):
                    kept.append(mention)
                    break
    return sorted(kept)


def _extend(text: str, group: Degree) -> None:
    """Take in the closing bracket and the word "degree" after the names, and find where the subject ends."""
    if text[group.start : group.end].count("(") > text[group.start : group.end].count(")"):
        group.end += text[group.end : group.end + 1] == ")"
    tail = re.match(r"(?:\s*\([A-Za-z.]{2,8}\))?\s+degrees?\b", text[group.end : group.end + 24])
    if tail and group.level != "any":
        group.end += tail.end()
    group.extent = group.end
    subject = _FIELD_START.match(text, group.end)
    if subject:
        stop = _FIELD_STOP.search(text, subject.end() + 1, min(len(text), subject.end() + 120))
        if stop:
            group.extent = stop.start()


def _rank(level: str) -> int:
    return {"any": 0, "associate": 1, "bachelor": 2, "master": 3, "doctorate": 4}[level]


@dataclass(frozen=True)
class Profession:
    """A licensed profession's terms, each compiled (by _word) when a text first holds its longest word: a posting
    meets few of them, and compiling the table's 350 patterns up front slowed the first lint by a tenth of a second."""

    name: str
    titles: tuple[str, ...]
    credentials: tuple[str, ...]
    degrees: tuple[str, ...]
    fields: tuple[str, ...]
    levels: frozenset[str]
    source: str


@cache
def _word(term: str) -> re.Pattern[str]:
    # a name in capitals ("RN", "CPA") is matched only in capitals
    flags = 0 if term.upper() == term and any(c.isalpha() for c in term) else re.I
    return re.compile(r"(?<![\w\-])" + re.escape(term).replace(r"\ ", r"[\s\-]+") + r"(?![\w\-])", flags)


@cache
def _needle(term: str) -> str:
    """The term's longest word, lower-cased: a credential is searched for only in a text that contains it (a
    hundred patterns over every posting otherwise cost more than the rest of the degree check)."""
    return max(re.split(r"[\s\-]+", term), key=len).lower()


@lru_cache(maxsize=1)
def professions() -> tuple[Profession, ...]:
    table = tomli.loads(data_path("data").joinpath("licensed-professions.toml").read_text(encoding="utf-8"))
    return tuple(
        Profession(
            entry["name"],
            tuple(entry["titles"]),
            tuple(entry["credentials"]),
            tuple(entry["degrees"]),
            tuple(entry["fields"]),
            frozenset(entry["levels"]),
            entry["source"],
        )
        for entry in table["profession"]
    )


def _names(terms: tuple[str, ...], text: str, lower: str | None) -> bool:
    """Whether `text` names one of the terms; given `lower`, text.lower() found `aligned`, a term is searched for
    only if it holds the term's longest word (an ASCII one: others may fold in ways lower-casing does not)."""
    for term in terms:
        needle = _needle(term)
        if lower is not None and needle.isascii() and needle not in lower:
            continue
        if _word(term).search(text):
            return True
    return False


def _aligned_lower(text: str) -> str | None:
    lower = text.lower()
    return lower if aligned(text, lower) else None


def _title(context: Context) -> str:
    document = context.document
    title = " ".join(str(v) for k, v in document.metadata.items() if k in ("title", "position", "role", "job_title"))
    first = next((document.text[s.start : s.end] for s in document.segments if s.scope == "heading"), "")
    opening = document.text[document.segments[0].start : document.segments[0].end] if document.segments else ""
    return f"{title}\n{first}\n{opening[:120]}"


class _Licences:
    """Which licensed professions this job is: by its title, or by a licence it asks for (not one it would like).

    Worked out one profession at a time, and only for a degree that could be that profession's: most postings
    name no licence, and searching every posting for every licence's words cost more than the rest of the check.
    One per posting (the first caller's preference words stand, as when the list was built whole)."""

    def __init__(self, context: Context, preference: re.Pattern[str]) -> None:
        self.context, self.preference = context, preference
        self.held: dict[int, bool] = {}  # index in professions() -> is this job that profession
        self.title: str | None = None
        self.title_lower: str | None = None

    def holds(self, index: int, profession: Profession) -> bool:
        if index not in self.held:
            context = self.context
            text, lower = context.document.text, context.lowered_text
            if self.title is None:
                self.title = _title(context)
                self.title_lower = _aligned_lower(self.title)
            letters = letters_of(context)
            self.held[index] = _names(profession.titles, self.title, self.title_lower) or any(
                self._asked(m)
                for c in profession.credentials
                if _needle(c) in lower
                for m in _term_matches(c, text, lower, letters)
            )
        return self.held[index]

    def _asked(self, match: re.Match[str]) -> bool:
        context = self.context
        if context.document.section_at(match.start()) == "preferred":
            return False
        start, end, _, _ = _units(context, match.start())
        return self.preference.search(context.document.text, start, end) is None


def _term_matches(term: str, text: str, lower: str, letters: Letters) -> Iterator[re.Match[str]]:
    """_word(term).finditer(text), tried only where a word begins the term: a licence's longest word ("rn" of "RN",
    "standing" of "bar in good standing") is in many postings, and the pattern alone is tried at every character."""
    pattern = _word(term)
    begins = _term_starts(term)
    if begins is None:
        return pattern.finditer(text)
    return finditer_words(pattern, text, lower, begins, WORD + "-", letters)  # _word opens with (?<![\w\-])


@cache
def _term_starts(term: str) -> frozenset[str] | None:
    """What kinds/needles.py reads as the start of _word(term), without parsing it: the term up to its first space
    (where _word allows any run of spaces and hyphens) and its first letter beyond ASCII, lower-cased."""
    head = term.split(" ", 1)[0]
    head = next((head[:i] for i, char in enumerate(head) if not char.isascii()), head)
    return frozenset({head.lower()}) if head else None


def _licences(context: Context, preference: re.Pattern[str]) -> _Licences:
    return context.memo("licensed-professions", lambda: _Licences(context, preference))


def _licence_for(degree_text: str, level: str, licences: _Licences) -> Profession | None:
    """The first profession (in the table's order) that the degree could be and this job is."""
    lower = _aligned_lower(degree_text)
    for index, profession in enumerate(professions()):
        could_be = _names(profession.degrees, degree_text, lower) or (
            (level in profession.levels or level == "any")
            and (not profession.fields or _names(profession.fields, degree_text, lower))
        )
        if could_be and licences.holds(index, profession):
            return profession
    return None


def _compiled(settings: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    def alternation(key: str) -> str:
        return "|".join(sorted(settings[key], key=len, reverse=True))

    return {
        # an experience path for the degree beside it
        "alternative": re.compile(r"(?<!\w)(?:" + alternation("alternatives") + r")(?!\w)", re.I),
        # the degree is wished for, or not asked at all
        "preference": re.compile(r"(?<!\w)(?:" + alternation("preferences") + r")(?!\w)", re.I),
        # the requirement is stated as one
        "required": re.compile(r"(?<!\w)(?:" + alternation("required") + r")(?!\w)", re.I),
        "years_path": re.compile(
            r"\b(?:or|and/or)\b(?P<mid>(?:(?!\bor\b)[^.;\n]){0,60}?)\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"
            r"|several|many)\s*\+?\s*(?:\(\d+\)\s*)?(?:\+\s*)?(?:years?|yrs?)\b",
            re.I,
        ),
        "label": re.compile(r"^\W*(?:" + alternation("labels") + r")\b", re.I),
    }


def _units(context: Context, start: int, sentence_only: bool = False) -> tuple[int, int, int, int]:
    """(unit start, unit end, segment start, segment end): the requirement holding `start` is its list item,
    or its sentence within its paragraph (with `sentence_only`, its sentence within the list item too)."""
    segment = context.document.segment_at(start)
    seg = (segment.start, segment.end) if segment else context.window(start, "segment")
    if segment is not None and segment.scope == "list_item" and not sentence_only:
        return (*seg, *seg)
    sentence = context.window(start, "sentence")
    return (max(seg[0], sentence[0]), min(seg[1], sentence[1]), *seg)


def _intro_line(context: Context, start: int, patterns: dict[str, re.Pattern[str]]) -> str | None:
    """The line that introduces the degree's list: its own label ("Education: ..."), or the nearest heading or
    label above it, or a short line above that names a list ("Preferred Qualifications"), over the items (or
    item-like lines) in between."""
    document = context.document
    segment = document.segment_at(start)
    if segment is None:
        return None
    own = document.text[segment.start : segment.end]
    if segment.level == LABEL_LEVEL or re.match(r"[^:\n]{1,40}:", own):
        return own.split(":", 1)[0]
    index = document.segments.index(segment)
    for previous in reversed(document.segments[max(0, index - 25) : index]):
        line = document.text[previous.start : previous.end].strip()
        if previous.scope == "heading" or previous.level == LABEL_LEVEL:
            return line
        names_a_list = line.endswith(":") or any(
            patterns[key].search(line) for key in ("label", "required", "preference")
        )
        # a heading typed as a plain line: a few words ("Preferred Qualifications"), or a line ending in a colon;
        # never an item of the list itself ("SQL experience is a plus")
        if names_a_list and (
            line.endswith(":") or (len(line.split()) <= 4 and not re.search(r"[.;,)]$|\b(?:is|are)\b", line))
        ):
            return line
    return None


def _fragment(context: Context, group: Degree) -> bool:
    """A sentence that is only the degree and its subject ("Bachelor's degree in Physics."): a requirement
    typed as prose, outside the parts of a posting about the company or its offer."""
    if context.document.section_at(group.start) in ("about", "how-to-apply", "responsibilities"):
        return False
    start, _, _, _ = _units(context, group.start, sentence_only=True)
    return re.fullmatch(r"\W*(?:(?:an?|the)\s+)?", context.document.text[start : group.start], re.I) is not None


@check(needs=("sentences",))
def degree_without_alternative(context: Context, rule: Rule) -> Iterator[Match]:
    text = context.document.text
    settings = rule.options["settings"]
    named = (
        context.compiled((rule.code, rule.language, "names"), lambda: _named_degrees(settings["degrees"]))
        if "degrees" in settings
        else None
    )
    lower = context.lowered_text
    letters = letters_of(context)
    mentions = degree_mentions(text, named, lower, letters)
    if not mentions:
        return
    patterns = context.compiled((rule.code, rule.language, "degrees"), lambda: _compiled(settings))
    path = settings.get("other_path", "or equivalent practical experience")
    groups = _groups(text, mentions)
    _excuse(context, groups, patterns)
    licences = _licences(context, patterns["preference"])
    for group in groups:
        if group.excused or not _required(context, group, patterns):
            continue
        degree = text[group.start : group.extent].strip()
        licence = _licence_for(degree, group.level, licences)
        if licence is not None:
            yield Match.at(
                group.start,
                group.end,
                severity=Severity.INFO,
                params={
                    "why_here": f"and the {licence.name} licence this job names requires that degree by law",
                    "advice": f"if so, say so ('{degree}, required for {licence.name} licensure')",
                },
                suggestions=(f"{degree}, as {licence.name} licensure requires",),
                source=licence.source,
            )
            continue
        joiner = ", " if re.search(r"\b(?:or|oder|ou)\b", degree, re.I) else " "
        yield Match.at(
            group.start,
            group.end,
            params={"why_here": "with no other path in", "advice": f"add '{path}'"},
            suggestions=(f"{degree}{joiner}{path}",),
        )


def _excuse(context: Context, groups: list[Degree], patterns: dict[str, re.Pattern[str]]) -> None:
    """Give each alternative or preference to the nearest degree of its sentence (and the degrees chained to
    that one by "or": "an MBA, or a relevant Master's, or a professional qualification"). An alternative in a
    sentence without a degree ("Equivalent experience will be considered.") stands for every degree of its
    list item or paragraph; a preference there is about something else ("A CPA is preferred.")."""
    text = context.document.text
    spans = [(g.start, g.extent) for g in groups]
    by_item: dict[tuple[int, int], list[Degree]] = {}
    by_sentence: dict[tuple[int, int], list[Degree]] = {}
    for group in groups:
        by_item.setdefault(_units(context, group.start)[:2], []).append(group)
        by_sentence.setdefault(_units(context, group.start, sentence_only=True)[:2], []).append(group)
    for degree in (
        g for (u_start, u_end), gs in by_item.items() if _experience_first(text, u_start, u_end, spans) for g in gs
    ):
        degree.excused = True
    for start, end, kind in _markers(text, context.lowered_text, letters_of(context), patterns, spans):
        unit_start, unit_end, seg_start, seg_end = _units(context, start, sentence_only=True)
        end = _clip(text, start, end, unit_end, patterns[kind])
        if end < 0:
            continue
        # "6+ years of experience without a degree" is said of no degree inside it
        owners = [g for g in by_sentence.get((unit_start, unit_end), []) if not (start <= g.start and g.end <= end)]
        if owners:
            if _FORWARD.match(text, start):  # "ideally a PhD": the degree after it
                owners = [g for g in owners if g.start >= end] or owners
            nearest = min(owners, key=lambda g: _distance(g, start, end))
            for owner in _chain(text, owners, nearest):
                owner.excused = True
                owner.markers.append(text[start:end])
        elif kind != "preference" and _ABOUT_EDUCATION.search(text, unit_start, unit_end):
            for other in _within(by_sentence, *_joined(context, seg_start, seg_end)):
                other.excused = True
    _replaced(context, groups, by_sentence)


def _replaced(context: Context, groups: list[Degree], by_sentence: dict[tuple[int, int], list[Degree]]) -> None:
    """A degree that experience "may be substituted for" is no demand, and the offer stands for its paragraph."""
    for group in groups:
        if _REPLACES.search(context.document.text, max(0, group.start - 40), group.start):
            _, _, seg_start, seg_end = _units(context, group.start)
            for other in _within(by_sentence, seg_start, seg_end):
                other.excused = True


def _joined(context: Context, start: int, end: int) -> tuple[int, int]:
    """List items ending in "or" ("... and two years of experience; or") run on into the next one."""
    document = context.document
    segment = document.segment_at(start)
    if segment is None:
        return (start, end)
    index = document.segments.index(segment)
    while index > 0:
        previous = document.segments[index - 1]
        if not re.search(r"\bor\W*$", document.text[previous.start : previous.end], re.I):
            break
        start, index = previous.start, index - 1
    return (start, end)


_FORWARD = re.compile(r"preferably|ideally", re.I)
# an alternative said on its own speaks of the degree it replaces ("Equivalent experience will be considered")
_ABOUT_EDUCATION = re.compile(
    r"\b(?:equivalent|in\s+lieu|substitut\w*|in\s+place\s+of|instead\s+of|degrees?|education|qualifications?)\b", re.I
)


def _within(by_unit: dict[tuple[int, int], list[Degree]], start: int, end: int) -> list[Degree]:
    return [g for (u_start, u_end), owners in by_unit.items() if start <= u_start and u_end <= end for g in owners]


def _clip(text: str, start: int, end: int, unit_end: int, pattern: re.Pattern[str]) -> int:
    """Where a phrase that runs on into the next item or sentence ends within its own; -1 when it says nothing
    there ("or related field" and the next item's "Experience ..." are not "or related experience")."""
    if end <= unit_end:
        return end
    again = pattern.match(text, start, unit_end)
    return again.end() if again else -1


def _markers(
    text: str, lower: str, letters: Letters, patterns: dict[str, re.Pattern[str]], spans: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each alternative and preference in the posting."""
    found = [
        (m.start(), m.end(), kind)
        for kind in ("alternative", "preference")
        for m in _finditer(patterns[kind], text, lower, letters)
    ]
    # every years path names years: a posting without the word is spared the search
    no_years = "year" not in lower and "yr" not in lower and aligned(text, lower)
    for m in () if no_years else _finditer(patterns["years_path"], text, lower, letters):
        if not any(m.start() < e and s < m.end() for s, e in spans):  # not "or a Master's and 3 years"
            found.append((m.start(), m.end(), "years_path"))
    return found


@lru_cache(maxsize=1024)  # the catalog's patterns and every licence's terms
def _starts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    return starts(pattern)


def _finditer(pattern: re.Pattern[str], text: str, lower: str, letters: Letters) -> Iterator[re.Match[str]]:
    r"""pattern.finditer(text) for a pattern of _compiled (each opens with (?<!\w) or \b and a word), tried only
    where a word begins with one of its starts (these alternations are tried at every character otherwise)."""
    begins = _starts(pattern)
    return pattern.finditer(text) if begins is None else finditer_words(pattern, text, lower, begins, WORD, letters)


_CHAIN = re.compile(
    r"[\s,]*(?:or|and/or)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$"
    r"|[\s,]*(?:[^\W\d_]+\s+){0,2}?ou\s+(?:d['’]\s*)?(?:une?\s+)?$",  # French: "BTS comptabilité ou DUT"
    re.I,
)


def _chain(text: str, owners: list[Degree], nearest: Degree) -> list[Degree]:
    """The degrees of one "A, or B, or C" list around `nearest`."""
    ordered = sorted(owners, key=lambda g: g.start)
    i = ordered.index(nearest)
    first = last = i
    while first > 0 and _CHAIN.match(text[ordered[first - 1].extent : ordered[first].start]):
        first -= 1
    while last + 1 < len(ordered) and _CHAIN.match(text[ordered[last].extent : ordered[last + 1].start]):
        last += 1
    return ordered[first : last + 1]


_OR = re.compile(r"\bor\b", re.I)
_EXPERIENCE = re.compile(r"\b(?:experience|years?|yrs)\b", re.I)


def _experience_first(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """An experience path opens the requirement, then "or" and a degree: "8 years of relevant experience OR a
    Master's and 6 years" offers the degree as one way in among others."""
    inside = sorted(s for s, _ in spans if start <= s < end)
    if not inside:
        return False
    first = inside[0]
    before = re.search(r"\bor\s+(?:an?\s+|the\s+)?$", text[start:first], re.I)
    return before is not None and _EXPERIENCE.search(text, start, start + before.start()) is not None


# said in so many words, whatever the heading above says
_EXPLICIT = re.compile(r"\b(?:is|are)\s+(?:required|mandatory|essential)\b|\bmust\b", re.I)


def _required(context: Context, group: Degree, patterns: dict[str, re.Pattern[str]]) -> bool:
    """The degree is asked for: under a requirements heading, in a requirement's words, or under a line that
    names the education or qualifications asked for; not as a wish, a perk, or a student's course."""
    text = context.document.text
    section = context.document.section_at(group.start)
    unit_start, unit_end, _, _ = _units(context, group.start)
    if section in ("preferred", "benefits") and not _EXPLICIT.search(text, unit_start, unit_end):
        return False
    if (
        _NOT_REQUIRED_HERE.match(text, group.end)
        or _NOT_ASKED_BEFORE.search(text, max(0, group.start - 60), group.start)
        or _STUDENT.search(text, unit_start, group.start)
    ):
        return False
    if patterns["required"].search(text, unit_start, unit_end):
        return True
    intro = _intro_line(context, group.start, patterns)
    if intro is not None and patterns["preference"].search(intro):
        return False  # "Preferred Qualifications" typed as a plain line
    return (
        section == "requirements"
        or (intro is not None and bool(patterns["label"].search(intro) or patterns["required"].search(intro)))
        or _fragment(context, group)
    )


def _distance(group: Degree, start: int, end: int) -> int:
    if end <= group.start:
        return group.start - end
    if start >= group.extent:
        return start - group.extent
    return 0
