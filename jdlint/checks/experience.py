"""Years of experience: more than a technology has existed, too many for an entry-level job, very high
demands; and over-long must-have lists."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import tomli

from ..analyses.scan import aligned, places
from ..context import Context
from ..model import Match
from ..resources import data_path
from ..rule import Rule
from . import check

_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
_N = r"(?:\d{1,2}|" + "|".join(_WORDS) + r")"
# "5+ years", "3-5 years", "at least four years", "minimum of 7 yrs", "5 years'". The whitespace runs are
# possessive (*+): each is taken whole, so a number before thousands of spaces is not retried at every split.
YEARS = re.compile(
    rf"(?:(?:at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than)\s+)?(?P<n>{_N})\s*+(?:\+|plus)?"
    rf"(?:\s*+(?:-|–|to)\s*+(?P<m>{_N}))?\s*+\+?\s*+(?:years?|yrs?)\b['’]?",
    re.IGNORECASE,
)
_EXPERIENCE_NEAR = re.compile(r"experience|expertise|background|track record|working|professional|hands-on", re.I)
# years someone else has: "our lead, who has 12 years", "she brings 15 years" (not "our ideal candidate has")
_SOMEONE_ELSE = re.compile(
    r"\b(?:he|she|his|her|our|their|who)\b(?:(?!\b(?:he|she|his|her|our|their|who)\b)[^.;:\n]){0,50}"
    r"\b(?:has|have|had|brings|brought|with)\s+"
    r"(?:over\s+|more\s+than\s+|nearly\s+|almost\s+|about\s+|some\s+)?$",
    re.I,
)
_THE_CANDIDATE = re.compile(r"\b(?:you|candidates?|applicants?|hires?|person|individual|someone|people)\b", re.I)
_CAP_BEFORE = re.compile(
    r"(?:no\s+more\s+than|not\s+more\s+than|maximum\s+of|max(?:imum)?\.?|at\s+most|up\s+to)\s*$", re.I
)
_ENTRY = re.compile(
    r"\b(?:entry[-\s]level|junior|jr\.?|graduate\s+(?:program|scheme|role|position|engineer|developer|analyst)"
    r"|new[-\s]grad(?:uate)?s?|trainee|apprentice(?:ship)?|intern(?:ship)?)\b",
    re.I,
)


_ALSO_WORDS = {
    "go",
    "swift",
    "rust",
    "node",
    "apache spark",
    "aws lambda",
    "helm",
    "bun",
    "julia",
    "dart",
    "react",
    "figma",
    "looker",
    "azure",
    "redis",
    "snowflake",
    "pandas",
    "airflow",
    "prometheus",
}


# the most letters and signs a match of YEARS has before its "year": "minimum of" "fifteen" "plus" "to" "fifteen" "+"
_BEFORE_YEAR = 30
_YEAR_WINDOW = 64


def year_matches(text: str, lower: str) -> list[re.Match[str]]:
    """YEARS.finditer(text), searched only just before each "year" or "yr" of `lower` (text.lower()).

    Every match ends in one of those words, whose letters can be spelt by nothing before it in a match, so the
    leftmost match from a point on ends at the first of them after that point, if it starts by it. A window that
    reaches back over more than _BEFORE_YEAR letters and signs holds the match's start; one cut short (a run of
    spaces) is searched from the point on. The search stops 7 characters after the word: the match has read all it
    reads there ("years" and a quote mark). A text whose lower-casing moves letters is searched whole."""
    if not aligned(text, lower):
        return list(YEARS.finditer(text))
    words = places(lower, ("year", "yr"))
    found: list[re.Match[str]] = []
    done = 0  # finditer's next search starts where its last match ended
    for at in words:
        if at < done:
            continue
        start = at - _YEAR_WINDOW
        if start < done or len("".join(text[start:at].split())) <= _BEFORE_YEAR:
            start = done
        match = YEARS.search(text, start, at + 7)
        if match is not None and match.start() <= at:
            found.append(match)
            done = match.end()
    return found


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _WORDS[text.lower()]


def demands(context: Context) -> list[tuple[int, int, int]]:
    """(start, end, years) for each experience demand; caps ("no more than 5 years") are left to JD303."""

    def compute() -> list[tuple[int, int, int]]:
        text, lower = context.document.text, context.lowered_text
        if "year" not in lower and "yr" not in lower:
            return []  # every demand names years; two in five postings never do
        found: list[tuple[int, int, int]] = []
        for match in year_matches(text, lower):
            if _CAP_BEFORE.search(text, max(0, match.start() - 20), match.start()):
                continue
            after = text[match.end() : match.end() + 60]
            before = text[max(0, match.start() - 40) : match.start()]
            if not (_EXPERIENCE_NEAR.search(after) or _EXPERIENCE_NEAR.search(before)):
                continue  # "founded 10 years ago", "a 2 year contract"
            if re.match(r"[\s-]*(?:ago|old|of age|contract|term|warranty|degree|program)", after, re.I):
                continue  # "a three-year-old startup", "a 2 year contract"
            clause = text[max(0, match.start() - 80) : match.start()]
            someone = _SOMEONE_ELSE.search(clause)
            # "candidates who have 4 years" is the candidate again: look at the word before "who" too
            antecedent = clause[max(0, someone.start() - 20) : someone.start()] if someone else ""
            if someone and not _THE_CANDIDATE.search(someone.group() + " " + antecedent.split(",")[-1]):
                continue
            found.append((match.start(), match.end(), _number(match.group("n"))))
        return found

    return context.memo("experience-years", compute)


@dataclass
class Technology:
    name: str
    released: int
    names: tuple[str, ...]  # the name and its aliases, longest first
    flags: int
    needles: tuple[str, ...]  # the names lower-cased: a text without one of them has no match

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled when a posting first holds the name (57 patterns compiled up front slowed the first lint)."""
        return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in self.names) + r")(?![\w])", self.flags)


@lru_cache(maxsize=1)
def technologies() -> tuple[Technology, ...]:
    data = tomli.loads(data_path("data").joinpath("technologies.toml").read_text(encoding="utf-8"))["technologies"]
    out = []
    for name, entry in data.items():
        names = sorted([name, *entry.get("aliases", [])], key=len, reverse=True)
        # names that are also English words ("Go", "Swift", "Spark") must be written as names
        flags = 0 if name.lower() in _ALSO_WORDS else re.IGNORECASE
        out.append(Technology(name, entry["year"], tuple(names), flags, tuple(n.lower() for n in names)))
    return tuple(out)


@check(needs=("sentences",))
def years_beyond_technology(context: Context, rule: Rule) -> Iterator[Match]:
    year = (context.config.lint_date or datetime.date.today()).year
    text = context.document.text
    for start, end, years in demands(context):
        # the technology the years are about: named right after ("5 years of React") or just before ("React: 5+ years")
        after = text[end : end + 70]
        before = text[max(0, start - 40) : start]
        for technology in _named_near(after, before):
            pattern = technology.pattern
            if not (_named_after(pattern, after) or _named_before(pattern, before)):
                continue
            age = year - technology.released
            if years > age:
                name = technology.name
                yield Match.at(
                    start,
                    end,
                    params={"years": years, "technology": name, "released": technology.released, "age": age},
                    suggestions=(f"{max(1, age - 1)}+ years with {name}", "experience with tools like it"),
                )
                break


def _named_near(after: str, before: str) -> Iterator[Technology]:
    """The technologies, in order, less those no name of which is in either text (in any case): most demands
    name none, and a substring test is far cheaper than a regex search. Texts whose lower-casing moves letters
    keep every technology."""
    window = f"{after}\n{before}"  # no name holds a line break, so none is found across the two
    lower = window.lower()
    every = not aligned(window, lower)
    for technology in technologies():
        if every or any(needle in lower for needle in technology.needles):
            yield technology


_CONNECTORS = re.compile(
    r"^\s*(?:of\s+)?(?:(?:professional|commercial|hands-on|relevant|production|industry|solid)\s+)*"
    r"(?:(?:experience|expertise)\s+)?(?:(?:with|in|using|on|of|building|developing|writing)\s+)?"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def _named_after(pattern: re.Pattern[str], after: str) -> bool:
    """The technology follows the years directly: "5 years of experience with React", "3+ years React"."""
    hit = pattern.search(after)
    return hit is not None and _CONNECTORS.match(after[: hit.start()]) is not None


def _named_before(pattern: re.Pattern[str], before: str) -> bool:
    hits = list(pattern.finditer(before))
    return bool(hits) and re.match(r"\s*[:(–-]?\s*$", before[hits[-1].end() :]) is not None  # "React: 5+ years"


def _entry_level(context: Context) -> bool:
    """The job itself is entry-level: its title (front matter, or the first heading) says so."""
    document = context.document
    title = " ".join(str(v) for k, v in document.metadata.items() if k in ("title", "position", "role"))
    first = next((document.text[s.start : s.end] for s in document.segments if s.scope == "heading"), "")
    return bool(_ENTRY.search(f"{title} {first}")) or says_entry_level(document.text, context.lowered_text)


_THIS_ENTRY_LEVEL = re.compile(r"\bthis (?:is an? )?entry[-\s]level\b", re.I)


def says_entry_level(text: str, lower: str) -> bool:
    """The posting says "this is an entry-level ..."; a text `aligned` with its lower case (`lower`) and without
    "entry" is spared the search, which is tried at every character."""
    if "entry" not in lower and aligned(text, lower):
        return False
    return _THIS_ENTRY_LEVEL.search(text) is not None


@check(needs=("sentences",))
def entry_level_years(context: Context, rule: Rule) -> Iterator[Match]:
    minimum = context.option(rule, "min-years")
    if not _entry_level(context):
        return
    for start, end, years in demands(context):
        if years >= minimum:
            yield Match.at(
                start,
                end,
                params={"years": years},
                suggestions=("0-2 years of experience, or relevant projects, courses or internships",),
            )


@check(needs=("sentences",))
def many_years(context: Context, rule: Rule) -> Iterator[Match]:
    minimum = context.option(rule, "min-years")
    for start, end, years in demands(context):
        if years >= minimum:
            yield Match.at(
                start, end, params={"years": years}, suggestions=("say which skills those years should have built",)
            )


@check()
def long_must_have_list(context: Context, rule: Rule) -> Iterator[Match]:
    document, text = context.document, context.document.text
    limit = context.option(rule, "limit")
    wishes, optional_list = _optional_patterns(context, rule)
    for section in document.sections:
        if section.name != "requirements":
            continue
        # the list right under the heading: it ends at the first block that is not an item, so an
        # unrecognised "How to apply" or "Perks" heading after it does not add its items to the count
        items: list[tuple[int, int]] = []
        lead_in = False  # "experience with any of the following will also help": the whole list is a wish
        for segment in document.segments:
            if segment.start <= section.start:
                continue
            if segment.start >= section.end or segment.scope != "list_item":
                if items or segment.scope == "heading":
                    break
                lead_in = lead_in or bool(optional_list and optional_list.search(text, segment.start, segment.end))
                continue
            items.append((segment.start, segment.end))
        # an item marked "a plus" or "preferred" is not a must-have
        must = [item for item in items if not (wishes and wishes.search(text, *item))]
        if len(must) > limit and not lead_in:
            # the span is the list itself: that is what the reader shortens
            yield Match.at(
                items[0][0],
                items[-1][1],
                params={"count": len(must), "limit": limit},
                suggestions=("split it into 'Required' (the few things that are) and 'Nice to have'",),
            )


def _optional_patterns(context: Context, rule: Rule) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The language's marks of a wish on one item, and of a lead-in that makes the whole list optional."""
    settings = rule.options.get("settings", {})

    def compile_(key: str) -> re.Pattern[str] | None:
        words = settings.get(key, [])
        return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE) if words else None

    return context.compiled((rule.code, "optional"), lambda: (compile_("wishes"), compile_("optional_list")))
