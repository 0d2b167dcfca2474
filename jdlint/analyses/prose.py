"""The running text of a posting: the sentences a candidate reads as prose, and their reading figures.

Sentences come from our own segmentation, where a heading or list item ends a sentence even without
a full stop; textstat's own sentence count would merge a bullet list into one. Headings, front
matter, lists of short items and boilerplate statements (equal opportunity, accommodation) are left
out, since they are not what a candidate has to read through. Syllables and the formula's
coefficients come from the posting's Language.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def prose(context: Context) -> Prose:
    """The sentences a candidate reads as running text (shared by the metrics and the readability rules)."""

    def compute() -> Prose:
        document, doc, language = context.document, context.doc, context.language
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
                if scope in ("heading", "metadata") or language.boilerplate.search(chunk):
                    continue
                if scope == "list_item" and words < SHORT_ITEM_WORDS:
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
