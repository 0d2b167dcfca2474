"""The language seam: everything jdlint knows about one language, behind one object.

A Language names what the layers above need and must not hard-code: how to build the blank spaCy
pipeline, which words are dictionary words, how syllables are counted, the readability formula's
coefficients, the phrases that negate or name a person near a match, and the boilerplate left out
of reading figures. Each shipped language is a package here (en/); its rule data lives in
rules/<code>/. A posting's language is the config's `language` (default "en"), overridden by
its front matter (`lang` or `language`) or its `<html lang>`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Container
from dataclasses import dataclass
from typing import Any

DEFAULT_LANGUAGE = "en"
SHIPPED = ("en",)  # a package jdlint/language/<code>/ exposing LANGUAGE
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Readability:
    """Flesch-Kincaid grade = grade_sentence * words/sentence + grade_syllable * syllables/word + grade_constant;
    reading ease likewise with the ease_* coefficients (each language has its own published values)."""

    grade_sentence: float
    grade_syllable: float
    grade_constant: float
    ease_constant: float
    ease_sentence: float
    ease_syllable: float


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    name: str
    blank_pipeline: Callable[[], Any]  # a spaCy blank pipeline for the language, without components
    words: Callable[[], Container[str]]  # the dictionary: lower-case words of the language
    syllables: Callable[[str], int]  # syllables in a stretch of running text
    lexicon_count: Callable[[str], int]  # words in a stretch of text, as the readability formulas count them
    readability: Readability
    negation: re.Pattern[str]  # searched in the 60 characters before a match: "not", "no", "without", ...
    name_before: re.Pattern[str]  # a person's name just before a title: "Jane Doe, the ..."
    name_after: re.Pattern[str]  # a person's name just after a title: "..., Mr Jane Doe"
    boilerplate: re.Pattern[str]  # statements left out of the reading figures (EEO, accommodation, ...)

    def is_word(self, word: str) -> bool:
        return word.lower() in self.words()


class LanguageError(ValueError):
    pass


def language_code(tag: str | None) -> str | None:
    """The primary language of a BCP 47 tag ("en-US" -> "en"), or None when it is not a language tag."""
    if not isinstance(tag, str) or not _TAG.match(tag.strip()):
        return None
    return re.split(r"[-_]", tag.strip())[0].lower()


def get_language(code: str) -> Language:
    """The shipped Language for `code`; LanguageError when jdlint has no data for it."""
    if code not in SHIPPED:
        raise LanguageError(f"jdlint has no language data for '{code}' (shipped: {', '.join(SHIPPED)})")
    module = importlib.import_module(f"{__name__}.{code}")
    language: Language = module.LANGUAGE
    return language
