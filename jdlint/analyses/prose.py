"""The running text of a posting: the sentences a candidate reads as prose, and their reading figures.

Sentences come from our own segmentation, where a heading or list item ends a sentence even without
a full stop; textstat's own sentence count would merge a bullet list into one. Headings, front
matter, lists of short items and boilerplate statements (equal opportunity, accommodation) are left
out, since they are not what a candidate has to read through. Syllables and the formula's
coefficients come from the posting's Language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..context import Context
from ..language import Readability
from ..tokens import ALPHA, PUNCT, SPACE

SHORT_ITEM_WORDS = 8  # a list item this short is a keyword, not a sentence


@dataclass(frozen=True)
class Prose:
    sentences: tuple[tuple[int, int, int], ...]  # (start, end, words) in extracted-text offsets
    words: int
    syllables: int
    coefficients: Readability
    polysyllables: int = 0  # words of three or more syllables, counted only for a formula that weighs them

    @property
    def average_sentence_length(self) -> float | None:
        return self.words / len(self.sentences) if self.sentences else None

    @property
    def grade(self) -> float | None:
        c = self.coefficients
        if not self.sentences or not self.words or c.grade_sentence is None or c.grade_syllable is None:
            return None
        return (
            c.grade_sentence * (self.words / len(self.sentences))
            + c.grade_syllable * (self.syllables / self.words)
            + c.grade_polysyllable * (100 * self.polysyllables / self.words)
            + (c.grade_constant or 0.0)
        )

    @property
    def reading_ease(self) -> float | None:
        if not self.sentences or not self.words:
            return None
        c = self.coefficients
        return (
            c.ease_constant
            - c.ease_sentence * (self.words / len(self.sentences))
            - c.ease_syllable * (self.syllables / self.words)
        )


Needles = Callable[[re.Pattern[str]], "frozenset[str] | None"]


def prose(context: Context, needles: Needles | None = None) -> Prose:
    """The sentences a candidate reads as running text (shared by the metrics and the readability rules).

    `needles` (jdlint.kinds.needles, a layer above) gives literal strings one of which every boilerplate match
    spells: a sentence holding none is not searched. It only saves time; the sentences are the same without."""

    def compute() -> Prose:
        document, language = context.document, context.language
        kept: list[tuple[int, int, int]] = []
        parts: list[str] = []
        sentences = context.sentences()
        if sentences:
            alpha, wordlike = sentence_sums(context)
            text, boilerplate = document.text, language.boilerplate
            maybe_boilerplate = _boilerplate_filter(context, needles)
            for (_, _, start_char, end_char), letters, words in zip(sentences, alpha, wordlike):
                if not letters:
                    continue
                segment = document.segment_at(start_char)
                scope = segment.scope if segment else "paragraph"
                if scope in ("heading", "metadata"):
                    continue
                if scope == "list_item" and words < SHORT_ITEM_WORDS:
                    continue
                sentence = text[start_char:end_char]
                chunk = sentence.strip()
                if maybe_boilerplate(start_char, end_char) and boilerplate.search(chunk):
                    continue
                kept.append((start_char, start_char + len(sentence.rstrip()), words))
                parts.append(chunk if chunk.endswith((".", "!", "?")) else chunk + ".")
        text = " ".join(parts)
        coefficients = language.readability
        long_words = language.polysyllables if coefficients.grade_polysyllable else None
        return Prose(
            tuple(kept),
            sum(w for *_, w in kept),
            language.syllables(text) if text else 0,
            coefficients,
            long_words(text) if long_words and text else 0,
        )

    return context.memo("prose", compute)


def sentence_sums(context: Context) -> tuple[list[int], list[int]]:
    """Alphabetic tokens and words (tokens neither punctuation nor space) of each of `context.sentences()`, summed
    in one numpy pass per column rather than sliced sentence by sentence (the sentences cover the tokens in
    order)."""

    def compute() -> tuple[list[int], list[int]]:
        import numpy

        firsts = [first for first, *_ in context.sentences()]
        if not firsts:
            return [], []
        rows = context.token_table()
        alpha = numpy.add.reduceat(rows[:, ALPHA], firsts).tolist()
        wordlike = numpy.add.reduceat(1 - (rows[:, PUNCT] | rows[:, SPACE]), firsts).tolist()
        return alpha, wordlike

    return context.memo("sentence-sums", compute)


def _boilerplate_filter(context: Context, needles: Needles | None) -> Callable[[int, int], bool]:
    """Whether the text between two offsets may hold a boilerplate statement: only when it holds one of the
    pattern's needles, found in the lower-cased posting (the pattern, case-insensitive and unanchored, is slow to
    fail on every sentence, and most sentences hold no needle)."""
    text, lower = context.document.text, context.lowered_text
    needed = _needles(needles, context.language.boilerplate) if needles else None
    # lower-casing kept every character one character long: offsets in `lower` are the text's, and a match spells
    # its needle there (the check jdlint.kinds.needles.aligned makes, restated since analyses sit below kinds)
    if needed is None or len(lower) != len(text) or "\u0131" in text or "\u017f" in text:
        return lambda start, end: True
    present = [needle for needle in needed if needle in lower]
    if not present:
        return lambda start, end: False
    return lambda start, end: any(lower.find(needle, start, end) >= 0 for needle in present)


@lru_cache(maxsize=16)
def _needles(needles: Needles, pattern: re.Pattern[str]) -> frozenset[str] | None:
    return needles(pattern)
