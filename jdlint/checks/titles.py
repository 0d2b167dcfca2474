"""Gendered job titles (JD201): a sourced lexicon of titles, their plurals and neutral forms.

Titles are found in the text by their letters, not by tokens, so a title glued to a slash ("Salesmen/"),
hyphenated, bracketed, capitalised or possessive is found the same way. A slash-joined pair ("Barman/Barmaid",
"Salesman/Salesperson") is one finding with one neutral title.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import tomli

from ..analyses.scan import Lazy, occurrences
from ..context import Context
from ..kinds.base import match_case
from ..model import Edit, Match, Severity
from ..resources import data_path
from ..rule import Rule
from . import check, job_nouns
from .title_markers import marked_titles

_DASHES = "\\-\u2010\u2011\u2012\u2013"  # for character classes
_SLASH = Lazy(r"[ \t]*[/\\][ \t]*")
_HONORIFIC = Lazy(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+(?:[A-Z][a-z]+\s+)?$")
# "Chairman's Award", "Fireman's Fund": a capitalised possessive before a capitalised word is a proper name
_PROPER_POSSESSIVE = Lazy(r"^(?:['\u2019]s|s?['\u2019])\s+[A-Z]")
_NEXT_WORD = Lazy(r"^(?:['\u2019]s|['\u2019])?[\s" + _DASHES + r"]+([A-Za-z]+)")
_PREVIOUS_WORD = Lazy(r"([A-Za-z]+)[\s" + _DASHES + r"]+$")
_WORD = _FOLLOWING_WORDS = Lazy(r"[A-Za-z]+")
_LOWER_WORD = Lazy(r"[a-z]+")
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
# "a postman" is a mail carrier, "our Postman collections" the API client: an indefinite article makes a
# product name a job again
_DETERMINER = Lazy(r"\b(?:a|an|every|each)\s+$", re.IGNORECASE)
# "the Chairman of the Finance Committee": a particular office holder, not the job on offer
_OFFICE_HOLDER = Lazy(r"\s+of\s+(?:the\s+)?[A-Z]")
_THE = Lazy(r"\bthe\s+$", re.IGNORECASE)
_ARTICLE = Lazy(r"\b(an?)\s+$", re.IGNORECASE)
_SENTENCE_START = Lazy(r"(?:^|[.!?:;\n]|^\s*[-*\u2022])[\s\"'\u201c(\[*\u2022-]*$")
# compiled on first use (Lazy), like those the lexicon's loading splits forms with, called hundreds of times there
_NOT_LETTER = Lazy(r"[^A-Za-z]")
_GAPS = Lazy(r"[\s" + _DASHES + r"]+")
_PLURAL_GAPS = Lazy(r"[\s/(" + _DASHES + r"]+")
_MAN_TAIL = Lazy(r"[ \t]*[/\\][ \t]*-?(?:wo)?m[ae]n(?!\w)", re.IGNORECASE)
_SMALL_WORDS = {"of", "the", "and", "a", "an"}


@dataclass(frozen=True)
class Title:
    """One lexicon entry: the gendered word (singular, plural) and what to write instead."""

    words: tuple[str, ...]
    neutral: tuple[str, ...]
    source: str
    alternative: tuple[str, ...] = ()
    counterpart: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    severity: str = "warning"
    why: str = ""
    credential: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    product: tuple[str, ...] = ()

    @property
    def group(self) -> str:
        """Titles with the same neutral form are one title told by gender (salesman, saleswoman)."""
        return self.neutral[0].lower()

    def suggestions(self, plural: bool) -> tuple[str, ...]:
        index = 1 if plural and len(self.neutral) > 1 else 0
        found = [self.neutral[index]]
        if self.alternative:
            found.append(self.alternative[min(index, len(self.alternative) - 1)])
        return tuple(found)


class _Patterns:
    """key -> one regex for any of its written forms, as a whole word in any case, compiled when first asked for:
    a posting meets few of the lexicon's words, and compiling them all took a third of a second at start."""

    def __init__(
        self, forms: Mapping[str, Collection[str]], longest_first: Callable[[Collection[str]], list[str]]
    ) -> None:
        self.forms = forms  # key -> its written forms
        self.keys = frozenset(forms)
        self.longest_first = longest_first  # the forms as regexes, in the order the alternation tries them
        self.compiled: dict[str, re.Pattern[str]] = {}

    def get(self, key: str) -> re.Pattern[str] | None:
        pattern = self.compiled.get(key)
        if pattern is None and key in self.forms:
            alternatives = "|".join(self.longest_first(self.forms[key]))
            pattern = self.compiled[key] = re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", re.IGNORECASE)
        return pattern

    def __getitem__(self, key: str) -> re.Pattern[str]:
        pattern = self.get(key)
        if pattern is None:
            raise KeyError(key)
        return pattern

    def __contains__(self, key: object) -> bool:
        return key in self.forms


@dataclass(frozen=True)
class Lexicon:
    titles: tuple[Title, ...]
    forms: dict[str, tuple[Title, bool]]  # a written form, lower-cased, spaces as single spaces -> (title, plural)
    patterns: _Patterns  # a form's first word, lower-cased -> the forms that start with it
    partners: _Patterns  # group -> the words a title of the group is paired with by a slash
    sources: dict[str, str]


def _form_regex(form: str) -> str:
    """A written form as a regex: any run of spaces for a space, any dash, a space or nothing for a hyphen."""
    parts = []
    for char in form:
        if char == " ":
            parts.append(r"\s+")
        elif char == "-":
            parts.append(f"[{_DASHES}\\s]?")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _strings(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    return tuple(value) if isinstance(value, list) else (value,)


def _first_word(form: str) -> str:
    first: str = _NOT_LETTER.split(form.lower(), maxsplit=1)[0]
    return first


def _normal(text: str) -> str:
    spaced: str = _GAPS.sub(" ", text.lower())
    return spaced.strip()


@functools.cache
def load(name: str) -> Lexicon:
    """Read a lexicon table from data/ (once per process)."""
    table = tomli.loads(data_path("data").joinpath(name).read_text(encoding="utf-8"))
    titles = []
    for entry in table["title"]:
        titles.append(
            Title(
                words=_strings(entry, "words"),
                neutral=_strings(entry, "neutral"),
                source=entry["source"],
                alternative=_strings(entry, "alternative"),
                counterpart=_strings(entry, "counterpart"),
                forms=_strings(entry, "forms"),
                severity=entry.get("severity", "warning"),
                why=entry.get("why", ""),
                credential=frozenset(_strings(entry, "credential")),
                not_after=frozenset(_strings(entry, "not_after")),
                not_before=frozenset(_strings(entry, "not_before")),
                product=_strings(entry, "product"),
            )
        )
    forms: dict[str, tuple[Title, bool]] = {}
    by_start: dict[str, list[str]] = {}  # first word -> the forms that begin with it
    for title in titles:
        written = [(word, index == 1) for index, word in enumerate(title.words)]
        written += [(form, _is_plural_form(form)) for form in title.forms]
        for word, plural in written:
            forms[_normal(word)] = (title, plural)
            by_start.setdefault(_first_word(word), []).append(word)
            if word.endswith(("man", "men")) and not word.endswith(("woman", "women")) and word.isalpha():
                by_start.setdefault(word[:-3], []).append(word[:-3] + "(wo)m" + word[-2:])
    partners: dict[str, set[str]] = {}
    for title in titles:
        words = partners.setdefault(title.group, set())
        words.update(w.lower() for w in (*title.words, *title.neutral, *title.counterpart, *title.forms))
    patterns = _Patterns(by_start, lambda found: sorted(map(_form_regex, found), key=len, reverse=True))
    partner_patterns = _Patterns(partners, lambda words: [_form_regex(w) for w in sorted(words, key=len, reverse=True)])
    return Lexicon(tuple(titles), forms, patterns, partner_patterns, dict(table.get("source", {})))


def _is_plural_form(form: str) -> bool:
    last = _PLURAL_GAPS.split(form.lower())[-1].rstrip(")")
    return last.endswith(("men", "ies", "esses", "ess)es", "es")) or (last.endswith("s") and not last.endswith("ss"))


def _title_of(lexicon: Lexicon, written: str) -> tuple[Title, bool]:
    key = _normal(written.replace("(wo)", ""))
    if key in lexicon.forms:
        return lexicon.forms[key]
    return lexicon.forms[_normal(written)]


@dataclass
class _Hit:
    start: int
    end: int
    title: Title
    plural: bool
    paired: bool = False


def _pair(text: str, hit: _Hit, lexicon: Lexicon, hits: dict[int, _Hit]) -> _Hit:
    """Widen a hit over the slash-joined titles of its group on either side: "Barman/Barmaid",
    "Waiter/Waitress", "Salesperson/Salesman", "Salesman/woman"."""
    partner = lexicon.partners[hit.title.group]
    while True:
        tail = _MAN_TAIL.match(text, hit.end) if hit.title.words[0].endswith("man") else None
        if tail:
            hit.end, hit.paired = tail.end(), True
            continue
        slash = _SLASH.match(text, hit.end)
        if not slash:
            break
        found = partner.match(text, slash.end())
        if not found:
            break
        hits.pop(found.start(), None)
        hit.end, hit.paired = found.end(), True
    while True:
        before = text[max(0, hit.start - 60) : hit.start]
        slash = re.search(r"[ \t]*[/\\][ \t]*$", before)
        if not slash:
            break
        cut = hit.start - (len(before) - slash.start())
        found = None
        for candidate in partner.finditer(text, max(0, cut - 40), cut):
            if candidate.end() == cut:
                found = candidate
        if found is None:
            break
        hit.start, hit.paired = found.start(), True
    return hit


def _case(template: str, replacement: str, at_sentence_start: bool) -> str:
    """The neutral form with the capitals of the words it replaces: a capitalised title in running text or a
    heading ("Site Foreman") keeps every word capitalised; elsewhere only the first letter follows."""
    cased = match_case(template, replacement)
    if template.isupper() or not template[:1].isupper() or at_sentence_start:
        return cased
    words = template.split()
    if len(words) > 1 and not all(w[:1].isupper() for w in words):
        return cased
    return " ".join(w if w in _SMALL_WORDS and i else w[:1].upper() + w[1:] for i, w in enumerate(cased.split(" ")))


def _skipped(text: str, hit: _Hit, context: Context) -> bool:
    """A single title used as something else: a product, a surname, a proper name, a sports position."""
    start, end, title = hit.start, hit.end, hit.title
    written = text[start:end]
    if not _DETERMINER.search(text, max(0, start - 8), start):
        for product in title.product:
            index = text.find(product, max(0, start - len(product)), end + len(product))
            if index != -1 and index <= start and end <= index + len(product):
                return True
    if written[:1].isupper():
        if _HONORIFIC.search(text, max(0, start - 40), start):
            return True
        if _PROPER_POSSESSIVE.match(text[end : end + 4]):
            return True
    language = context.language
    if language.name_before.search(text, max(0, start - 60), start):
        return True
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if previous and previous.group(1).lower() in title.not_after:
        return True
    following = _NEXT_WORD.match(text[end : end + 30])
    return bool(following and following.group(1).lower() in title.not_before)


@check()
def gendered_title(context: Context, rule: Rule) -> Iterator[Match]:
    """Each gendered job title or work word of the lexicon, with its neutral form as the fix; in a language whose
    data gives title markers instead of a lexicon, each unmarked gendered title (title_markers); where the language's
    nouns inflect for gender (settings.suffixes), each title whose head noun names one gender (job_nouns)."""
    settings = rule.options["settings"]
    if "markers" in settings:
        yield from marked_titles(context, settings)
        return
    if "suffixes" in settings:
        yield from job_nouns.find(context, rule)
        return
    lexicon = load(settings["lexicon"])
    text = context.document.text
    hits: dict[int, _Hit] = {}
    after = 0
    # one alternation per first word: a single big one is slow
    for start, key in _first_words(text, context.lowered_text, lexicon.patterns):
        pattern = lexicon.patterns.get(key)
        if pattern is None or start < after:
            continue
        found = pattern.match(text, start)
        if found is None:
            continue
        after = found.end()
        title, plural = _title_of(lexicon, found.group())
        split = any(c in found.group() for c in "/\\(")  # "waiter/ess", "sales(wo)man"
        hits[found.start()] = _Hit(found.start(), found.end(), title, plural, paired=split)
    taken_until = -1
    for start in sorted(hits):
        hit = hits.get(start)
        if hit is None or hit.start < taken_until:
            continue
        hit = _pair(text, hit, lexicon, hits)
        if hit.start < taken_until:
            continue
        taken_until = hit.end
        if not hit.paired and _skipped(text, hit, context):
            continue
        yield _match(context, hit)


def _first_words(text: str, lower: str, patterns: _Patterns) -> list[tuple[int, str]]:
    """(start, lower-cased word) of the text's words, in order: of those that begin a form of the lexicon at least.

    Looking every word up in a Python loop cost more than the rest of the check, so the lower-cased text's words are
    met as a set and the few the lexicon starts with are found by str.find. Its words are the text's, at the same
    places, unless a letter lower-cases to two or the Kelvin sign to "k": then every word is given."""
    if len(lower) != len(text) or "\u212a" in text:
        return [(word.start(), word.group().lower()) for word in _WORD.finditer(text)]
    found = []
    for word in patterns.keys.intersection(_LOWER_WORD.findall(lower)):
        for at in occurrences(lower, word):
            end = at + len(word)
            if (at == 0 or lower[at - 1] not in _ASCII_LOWER) and lower[end : end + 1] not in _ASCII_LOWER:
                found.append((at, word))
    found.sort()
    return found


def _match(context: Context, hit: _Hit) -> Match:
    text, title = context.document.text, hit.title
    written = text[hit.start : hit.end]
    # "Journeyman license", "Journeyman Electrician Certificate": the name of a credential, which the
    # employer cannot rename; told at info, without a fix
    following = _FOLLOWING_WORDS.findall(text, hit.end, hit.end + 40)[:3]
    credential = any(word.lower() in title.credential for word in following)
    office = (
        written[:1].isupper()
        and bool(_THE.search(text, max(0, hit.start - 5), hit.start))
        and bool(_OFFICE_HOLDER.match(text, hit.end))
    )
    at_start = bool(_SENTENCE_START.search(text, max(0, hit.start - 40), hit.start)) or hit.start == 0
    suggestions = tuple(_case(written, s, at_start) for s in title.suggestions(hit.plural))
    replacement = suggestions[0] if len(suggestions) == 1 and not credential else None
    edits: tuple[Edit, ...] = ()
    article = _ARTICLE.search(text, max(0, hit.start - 4), hit.start)
    if replacement and article and not hit.plural:
        wanted = "an" if replacement[:1].lower() in "aeiou" else "a"
        if article.group(1).lower() != wanted:  # "a middleman" -> "an intermediary": one edit over both
            span = context.document.to_source(article.start(), hit.end)
            if context.document.source.text[span.start : span.end] == text[article.start() : hit.end]:
                space = article.group()[len(article.group(1)) :]  # kept as written: it may be a line break
                edits = (Edit(span.start, span.end, f"{match_case(article.group(1), wanted)}{space}{replacement}"),)
    severity = Severity.INFO if credential or office or title.severity == "info" else None
    return Match.at(
        hit.start,
        hit.end,
        suggestions=suggestions,
        replacement=replacement,
        edits=edits,
        severity=severity,
        params={
            "suggestion": "' or '".join(suggestions),
            "problem": "splits one job by gender" if hit.paired else "names one gender",
        },
    )
