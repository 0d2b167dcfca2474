"""Words run together where text was joined: seams the catalog's patterns describe (an amount or an
upper-case run against the next word), and seams a word-frequency model finds: two common words with no
space ("ourteam"), a word against a capitalised word ("inChicago") or against punctuation ("benefits:Health",
"clients,managing").

A split is proposed only when every part is a common word and the run is no word of its own; code,
addresses, tags and names that the posting repeats are left alone. Doubtful seams are reported at info.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..analyses.dictionary import WITH_MISSPELLINGS, mostly_in
from ..analyses.segmentation import Split, seam_split, split_word
from ..analyses.shapes import Requirement, may_match, requirements, text_shape, word_pieces
from ..context import Context
from ..language import COMMON_ZIPF, Language
from ..model import Match, Severity
from ..rule import Rule
from . import check

# a lower-case run of letters standing alone as a word (not inside an address, a path or an identifier)
_LOWER_RUN = re.compile(r"(?<![\w@#/\\.'’&-])[a-z]{5,}(?![\w@/\\'’&:-]|\.[a-z])")  # "mailto:" is a scheme
# a lower-case word glued to one capitalised word: "inChicago" (not "iPhone": one letter; not "getItemById")
_CAMEL = re.compile(r"(?<![\w@#/\\.'’&$-])([a-z]{2,})([A-Z][a-z]{2,})(?![\w@/\\('’&-]|[.:]\w)")
# two words glued by punctuation: "clients,managing", "benefits:Health"
_PUNCTUATION = re.compile(
    r"(?<![\w@#/\\.'’&-])([A-Za-z][a-z]+)(?:([,;])([a-z]{2,})|(:)([A-Z][a-z]+))(?![\w@/\\('’&-]|[.:,;]\w)"
)
_CHUNK_CODE = re.compile(r"://|www\.|[@/\\=_<>{}\[\]`|~^]|\w\.\w")

# Zipf thresholds (log10 per billion words): COMMON_ZIPF (3.0, once per million words) is the least a part may be
FUNCTION = 6.0  # a function word or one as common ("the", "our", "with", "is"): the glue of most joined phrases
CONTENT = 4.0  # every part at least this common (one per 100,000 words) for a warning
CAMEL_CONTENT = 4.5  # a word against a capitalised word: both this common when neither is a function word
SHORT_PART = 5.0  # a two-letter part must be a function word ("in", "to", "we"), not an abbreviation ("hr")


@check(needs=())
def glued_words(context: Context, rule: Rule) -> Iterator[Match]:
    text = context.document.text
    settings = rule.options["settings"]
    taken: list[tuple[int, int]] = []
    patterns = context.compiled((rule.code, "shaped patterns"), lambda: _with_requirements(settings["patterns"]))
    shape = text_shape(context)
    for pattern, needs in patterns:
        if not may_match(needs, shape):
            continue  # the text lacks the seam's shape (letters against digits, a capital after lower case, ...)
        for found in pattern.finditer(text):
            taken.append((found.start(), found.end()))
            yield _match(found.start(), found.end(), f"{found.group(1)} {found.group(2)}", None)
    if not mostly_in(context, context.language, WITH_MISSPELLINGS):
        return  # frequencies of one language say nothing about words of another
    for start, end, suggestion, severity in _frequency_seams(context, settings):
        if not any(start < t_end and t_start < end for t_start, t_end in taken):
            taken.append((start, end))
            yield _match(start, end, suggestion, severity)


def _with_requirements(patterns: list[str]) -> list[tuple[re.Pattern[str], tuple[Requirement, ...] | None]]:
    return [(compiled, requirements(compiled)) for compiled in map(re.compile, patterns)]


def _match(start: int, end: int, suggestion: str, severity: Severity | None) -> Match:
    return Match.at(
        start,
        end,
        suggestions=(suggestion,),
        replacement=suggestion,
        params={"suggestion": suggestion},
        severity=severity,
    )


Seam = tuple[int, int, str, Severity]  # start, end, the text with its space back, severity


@cache
def _requirements(pattern: re.Pattern[str]) -> tuple[Requirement, ...] | None:
    return requirements(pattern)


def _frequency_seams(context: Context, settings: dict[str, Any]) -> Iterator[Seam]:
    yield from _lower_case_joins(context, settings)
    yield from _camel_seams(context, settings)
    yield from _punctuation_seams(context)


def _lower_case_joins(context: Context, settings: dict[str, Any]) -> Iterator[Seam]:
    text, language = context.document.text, context.language
    # what a run of letters splits into depends on the run alone, so it is worked out once per process: a
    # posting's runs are set against those known not to split (a set difference, in C), and only a run that
    # splits is looked for in its place
    # one record per settings table (held, so its id stays its own), found without hashing the table
    records = context.compiled(("glued", "lower-case joins", language.code), dict)
    if id(settings) not in records:
        not_parts = frozenset(settings["prefixes"]) | frozenset(settings["suffixes"])
        records[id(settings)] = (settings, _RunOutcomes(not_parts))
    outcomes: _RunOutcomes = records[id(settings)][1]
    unsplit, splits = outcomes.unsplit, outcomes.splits
    joins: dict[str, tuple[str, Severity]] = {}
    for piece in word_pieces(context) - unsplit:
        if piece not in splits:
            if len(unsplit) + len(splits) > MAX_REMEMBERED:
                unsplit.clear()  # keep memory flat over a long audit
                splits.clear()
            join = (
                _lower_case_join(piece.decode(), language, settings, outcomes.not_parts) if _lower_run(piece) else None
            )
            if join is None:
                unsplit.add(piece)
                continue
            splits[piece] = join
        joins[piece.decode()] = splits[piece]
    if not joins:
        return
    for found in _LOWER_RUN.finditer(text):
        join = joins.get(found.group())
        if join is None or _in_code(text, found.start(), found.end()):
            continue
        yield found.start(), found.end(), join[0], join[1]


@dataclass
class _RunOutcomes:
    """Runs of letters known not to split, and those that do with their split and severity (and the parts a
    split may not have, made into one set once)."""

    not_parts: frozenset[str]
    unsplit: set[bytes] = field(default_factory=set)
    splits: dict[bytes, tuple[str, Severity]] = field(default_factory=dict)


def _lower_run(piece: bytes) -> bool:
    return len(piece) >= 5 and piece.isalpha() and piece.islower()


MAX_REMEMBERED = 200_000


def _lower_case_join(
    word: str, language: Language, settings: dict[str, Any], not_parts: frozenset[str]
) -> tuple[str, Severity] | None:
    """The words a run of letters splits into (with the mark that joins them) and the severity, or None."""
    split = split_word(word, language, max_parts=2, not_parts=not_parts, wanted=_may_report)
    severity = _severity(split) if split else None
    if split is None or severity is None:
        return None
    joiner = "/" if list(split.parts) in settings["slash_pairs"] else " "  # "andor" lost a slash
    return joiner.join(split.parts), severity


def _camel_seams(context: Context, settings: dict[str, Any]) -> Iterator[Seam]:
    text, language = context.document.text, context.language
    prefixes, suffixes = frozenset(settings["prefixes"]), frozenset(settings["suffixes"])
    code_prefixes = frozenset(settings["code_prefixes"])
    counts: Counter[str] | None = None
    if not may_match(_requirements(_CAMEL), text_shape(context)):
        return
    for found in _CAMEL.finditer(text):
        left, right = found.group(1), found.group(2)
        if left in code_prefixes or left in prefixes or right.lower() in suffixes:
            continue
        if _in_code(text, found.start(), found.end()):
            continue
        if _between_copies(text, found.start() + len(left)):
            yield found.start(), found.end(), f"{left} {right}", Severity.WARNING
            continue
        counts = counts if counts is not None else Counter(re.findall(r"\w+", text))
        if counts[found.group()] > 1:
            continue  # a name the posting uses again ("myCase", "vSphere") is no accident of joining
        split = seam_split(left, right, language, _may_report_camel)
        if split and _camel_seam(split):
            yield found.start(), found.end(), f"{left} {right}", Severity.INFO


def _punctuation_seams(context: Context) -> Iterator[Seam]:
    text, language = context.document.text, context.language
    if not may_match(_requirements(_PUNCTUATION), text_shape(context)):
        return
    for found in _PUNCTUATION.finditer(text):
        left = found.group(1)
        mark, right = (found.group(2), found.group(3)) if found.group(2) else (found.group(4), found.group(5))
        if _in_code(text, found.start(), found.end()):
            continue
        split = seam_split(left, right, language, _may_report_punctuation)
        if split is None or _short_abbreviation(split):
            continue  # the missing space after the mark is evidence enough: two common words around it
        yield found.start(), found.end(), f"{left}{mark} {right}", Severity.WARNING


LONGEST_COPY = 80  # characters; a page label copied twice is short


def _between_copies(text: str, seam: int) -> bool:
    """Whether the seam joins two copies of the same words ("Apply nowApply now", "Page not foundPage not
    found"): a page's label scraped twice. No name is written that way, so the seam is sure."""
    for length in range(4, min(LONGEST_COPY, seam, len(text) - seam) + 1):
        copy = text[seam : seam + length]
        if text[seam - length : seam].casefold() != copy.casefold() or len(copy.split()) < 2:
            continue
        if _word_edge(text, seam - length) and _word_edge(text, seam + length):
            return True
    return False


def _word_edge(text: str, position: int) -> bool:
    """A word starts or ends here: at a space, a mark, the text's ends, or another lower-to-upper seam (a label
    copied three times)."""
    if position in (0, len(text)):
        return True
    before, after = text[position - 1], text[position]
    return not (before.isalnum() and after.isalnum()) or (before.islower() and after.isupper())


def _severity(split: Split) -> Severity | None:
    """Lower-case joins: a warning when a function word is glued to a common word and the run is unlisted,
    info when the run is listed (rarely) but the split is far likelier; two content words glued together are
    too often a closed compound ("workstreams", "runbooks") to report."""
    if _short_abbreviation(split) or max(split.zipfs) < FUNCTION:
        return None
    if split.joined == 0.0 and min(split.zipfs) >= CONTENT:
        return Severity.WARNING
    return Severity.INFO if min(split.zipfs) >= COMMON_ZIPF + 0.5 else None


def _may_report(parts: tuple[str, ...], zipfs: tuple[float, ...]) -> bool:
    """What _severity asks of the parts alone: no split failing this is reported, whatever the run's own
    frequency (looked up only for the others)."""
    return not _short_parts(parts, zipfs) and max(zipfs) >= FUNCTION and min(zipfs) >= COMMON_ZIPF + 0.5


def _may_report_camel(parts: tuple[str, ...], zipfs: tuple[float, ...]) -> bool:
    return not _short_parts(parts, zipfs) and (max(zipfs) >= FUNCTION or min(zipfs) >= CAMEL_CONTENT)


def _may_report_punctuation(parts: tuple[str, ...], zipfs: tuple[float, ...]) -> bool:
    return not _short_parts(parts, zipfs)


def _camel_seam(split: Split) -> bool:
    if _short_abbreviation(split):
        return False
    return max(split.zipfs) >= FUNCTION or min(split.zipfs) >= CAMEL_CONTENT


def _short_abbreviation(split: Split) -> bool:
    return _short_parts(split.parts, split.zipfs)


def _short_parts(parts: tuple[str, ...], zipfs: tuple[float, ...]) -> bool:
    return any(len(part) == 2 and z < SHORT_PART for part, z in zip(parts, zipfs))


def _in_code(text: str, start: int, end: int) -> bool:
    """Whether the run of non-space characters around [start, end) is an address, a path, a tag or code."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    chunk = text[left:right]
    return chunk[:1] in ("#", "@", "$") or bool(_CHUNK_CODE.search(chunk)) or "()" in chunk
