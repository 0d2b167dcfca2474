"""English: spaCy's blank English pipeline, the CMU Pronouncing Dictionary, wordfreq's word frequencies,
the Flesch formulas' published coefficients, and the phrases that negate or name a person near a match."""

from __future__ import annotations

import re
from typing import Any

from .. import Language, Readability
from ..frequency import WordFrequencies
from .lexicon import cmu_syllables
from .syllables import syllable_count


def _blank_pipeline() -> Any:
    from spacy.lang.en import English

    return English()  # the same pipeline as spacy.blank("en") without resolving a training config (pydantic)


FREQUENCIES = WordFrequencies("en")

LANGUAGE = Language(
    code="en",
    name="English",
    blank_pipeline=_blank_pipeline,
    words=cmu_syllables,
    syllables=syllable_count,
    # Flesch (1948) reading ease and Kincaid et al. (1975) grade level
    readability=Readability(
        grade_sentence=0.39,
        grade_syllable=11.8,
        grade_constant=-15.59,
        ease_constant=206.835,
        ease_sentence=1.015,
        ease_syllable=84.6,
    ),
    negation=re.compile(
        r"(?:\b(?:not|no|never|without|nor|instead\s+of|rather\s+than|over)\b|n['’]t\b)[^.!?;:\n]{0,40}$", re.IGNORECASE
    ),
    name_before=re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+,\s*(?:the\s+|our\s+)?$"),
    name_after=re.compile(r"^,?\s+(?:Mr\.?\s+|Ms\.?\s+|Dr\.?\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+\b"),
    boilerplate=re.compile(
        r"equal (?:employment )?opportunit|without regard to|regardless of (?:race|age|gender)|affirmative action|"
        r"reasonable (?:accommodation|adjustment)|protected veteran|e-verify|background check|"
        r"privacy (?:notice|policy)",
        re.IGNORECASE,
    ),
    frequency=FREQUENCIES.zipf,
    common_frequency=FREQUENCIES.common_zipf,
)
