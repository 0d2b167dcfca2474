"""French: spaCy's blank French pipeline, wordfreq's French word frequencies (also the dictionary), syllables from
pyphen's French hyphenation patterns, Kandel & Moles' French reading ease, and the phrases that negate or name a
person near a match."""

from __future__ import annotations

import re
from typing import Any

from .. import Language, Readability
from ..frequency import WordFrequencies
from .syllables import syllable_count


def _blank_pipeline() -> Any:
    from .tokenizer import fast_french

    # spaCy's French module, imported in a fraction of the time (see tokenizer.py); the class itself makes the same
    # pipeline as spacy.blank("fr") without resolving a training config (pydantic)
    return fast_french()()


# French's dictionary is wordfreq's large list, every word down to Zipf 1: no French pronouncing dictionary ships, and
# a word attested that often is a French word (or a loan in use)
FREQUENCIES = WordFrequencies("fr")

LANGUAGE = Language(
    code="fr",
    name="French",
    blank_pipeline=_blank_pipeline,
    words=FREQUENCIES.words,
    syllables=syllable_count,
    # Kandel & Moles (1958), "Application de l'indice de Flesch à la langue française", Cahiers Études de
    # Radio-Télévision 19: 253-274 (the coefficients textstat 0.7.13 uses for "fr"). No French grade formula is
    # published alongside it, so French postings have a reading ease and no grade.
    readability=Readability(ease_constant=207.0, ease_sentence=1.015, ease_syllable=73.6),
    negation=re.compile(
        r"\b(?:pas|sans|ni|non|aucune?|jamais|nullement|plut[oô]t\s+que|au\s+lieu\s+d[e'’])\b[^.!?;:\n]{0,40}$",
        re.IGNORECASE,
    ),
    name_before=re.compile(r"\b[A-ZÉÈ][a-zéèêëîïôûç]+\s+[A-ZÉÈ][a-zéèêëîïôûç]+,\s*(?:(?:le|la|l['’]|notre)\s*)?$"),
    name_after=re.compile(
        r"^,?\s+(?:M\.\s*|Mme\.?\s+|Mlle\.?\s+|Dr\.?\s+|Me\s+)?[A-ZÉÈ][a-zéèêëîïôûç]+\s+[A-ZÉÈ][a-zéèêëîïôûç]+\b"
    ),
    boilerplate=re.compile(
        r"[ée]galit[ée] des chances|sans distinction|non[- ]discrimination|diversit[ée]|situation de handicap|"
        r"\bRQTH\b|handi[- ]?accueillant|donn[ée]es personnelles|\bRGPD\b|protection des donn[ée]es",
        re.IGNORECASE,
    ),
    frequency=FREQUENCIES.zipf,
    common_frequency=FREQUENCIES.common_zipf,
)
