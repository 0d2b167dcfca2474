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
COMMON_ZIPF = 3.0  # a word seen at least once per million words: the floor of `Language.common_frequency`
# ISO 639-1: a front-matter `language: Go` names a programming language, not the posting's
ISO_639_1 = frozenset(
    [
        "aa",
        "ab",
        "ae",
        "af",
        "ak",
        "am",
        "an",
        "ar",
        "as",
        "av",
        "ay",
        "az",
        "ba",
        "be",
        "bg",
        "bi",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "ce",
        "ch",
        "co",
        "cr",
        "cs",
        "cu",
        "cv",
        "cy",
        "da",
        "de",
        "dv",
        "dz",
        "ee",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "ff",
        "fi",
        "fj",
        "fo",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gn",
        "gu",
        "gv",
        "ha",
        "he",
        "hi",
        "ho",
        "hr",
        "ht",
        "hu",
        "hy",
        "hz",
        "ia",
        "id",
        "ie",
        "ig",
        "ii",
        "ik",
        "io",
        "is",
        "it",
        "iu",
        "ja",
        "jv",
        "ka",
        "kg",
        "ki",
        "kj",
        "kk",
        "kl",
        "km",
        "kn",
        "ko",
        "kr",
        "ks",
        "ku",
        "kv",
        "kw",
        "ky",
        "la",
        "lb",
        "lg",
        "li",
        "ln",
        "lo",
        "lt",
        "lu",
        "lv",
        "mg",
        "mh",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "na",
        "nb",
        "nd",
        "ne",
        "ng",
        "nl",
        "nn",
        "no",
        "nr",
        "nv",
        "ny",
        "oc",
        "oj",
        "om",
        "or",
        "os",
        "pa",
        "pi",
        "pl",
        "ps",
        "pt",
        "qu",
        "rm",
        "rn",
        "ro",
        "ru",
        "rw",
        "sa",
        "sc",
        "sd",
        "se",
        "sg",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sq",
        "sr",
        "ss",
        "st",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "ti",
        "tk",
        "tl",
        "tn",
        "to",
        "tr",
        "ts",
        "tt",
        "tw",
        "ty",
        "ug",
        "uk",
        "ur",
        "uz",
        "ve",
        "vi",
        "vo",
        "wa",
        "wo",
        "xh",
        "yi",
        "yo",
        "za",
        "zh",
        "zu",
    ]
)
SHIPPED = ("en", "de", "fr")  # a package jdlint/language/<code>/ exposing LANGUAGE
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Readability:
    """Flesch-Kincaid grade = grade_sentence * words/sentence + grade_syllable * syllables/word + grade_constant;
    reading ease likewise with the ease_* coefficients (each language has its own published values). A formula
    that weighs the share of long words (the fourth Wiener Sachtextformel: per cent of words of three or more
    syllables) sets grade_polysyllable; `scale` names the grade in messages. A language
    with a published reading-ease adaptation but no grade formula (French: Kandel & Moles) leaves the grade
    coefficients None, and its postings have no grade."""

    ease_constant: float
    ease_sentence: float
    ease_syllable: float
    grade_sentence: float | None = None
    grade_syllable: float | None = None
    grade_constant: float | None = None
    grade_polysyllable: float = 0.0
    scale: str = "US grade"


_HAS_WORD = re.compile(r"[^\s\w]*\w\S*")


def count_words(text: str) -> int:
    """Words as textstat counts them for English: each whitespace-separated piece holding a letter or a digit,
    in every language alike, so a posting's length (and each word minimum) does not depend on its language;
    "55.000", "l'équipe" and "E-Mail" are one word each, a lone dash or euro sign none."""
    return len(_HAS_WORD.findall(text))


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    name: str
    blank_pipeline: Callable[[], Any]  # a spaCy blank pipeline for the language, without components
    words: Callable[[], Container[str]]  # the dictionary: lower-case words of the language
    syllables: Callable[[str], int]  # syllables in a stretch of running text
    readability: Readability
    negation: re.Pattern[str]  # searched in the 60 characters before a match: "not", "no", "without", ...
    name_before: re.Pattern[str]  # a person's name just before a title: "Jane Doe, the ..."
    name_after: re.Pattern[str]  # a person's name just after a title: "..., Mr Jane Doe"
    boilerplate: re.Pattern[str]  # statements left out of the reading figures (EEO, accommodation, ...)
    # Zipf frequency of a lower-case word (log10 per billion words; 0.0 when unlisted), and the same answered from
    # the common words alone (0.0 below COMMON_ZIPF): cheap enough to ask of every word, while `frequency` may load
    # a large list the first time it meets a rare word
    frequency: Callable[[str], float]
    common_frequency: Callable[[str], float]
    # words of three or more syllables in running text: asked only when readability.grade_polysyllable is set
    polysyllables: Callable[[str], int] | None = None
    # words in a stretch of text, as the readability formulas and the word minimums count them
    lexicon_count: Callable[[str], int] = count_words

    def is_word(self, word: str) -> bool:
        return word.lower() in self.words()


class LanguageError(ValueError):
    pass


def language_code(tag: object) -> str | None:
    """The ISO 639-1 language of a BCP 47 tag ("en-US" -> "en"), or None when it names none."""
    if not isinstance(tag, str) or not _TAG.match(tag.strip()):
        return None
    code = re.split(r"[-_]", tag.strip())[0].lower()
    return code if code in ISO_639_1 else None


def is_shipped(code: str) -> bool:
    return code in SHIPPED


def posting_language(metadata: dict[str, Any], default: str) -> str:
    """The posting's own language: front matter `lang` or `language`, or `<html lang>` (both land in the
    Document's metadata as `lang`), else `default` (the config's `language`)."""
    for key in ("lang", "language"):
        code = language_code(metadata.get(key))
        if code:
            return code
    return default


def get_language(code: str) -> Language:
    """The shipped Language for `code`; LanguageError when jdlint has no data for it."""
    if code not in SHIPPED:
        raise LanguageError(f"jdlint has no language data for '{code}' (shipped: {', '.join(SHIPPED)})")
    module = importlib.import_module(f"{__name__}.{code}")
    language: Language = module.LANGUAGE
    return language
