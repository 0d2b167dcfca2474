"""German: spaCy's blank German pipeline (lookup lemmas from spacy-lookups-data), wordfreq's German lists,
syllables from pyphen's German hyphenation patterns, and the fourth Wiener Sachtextformel (Bamberger &
Vanecek 1984) for the grade, with Amstad's (1978) German Flesch coefficients for the reading ease."""

from __future__ import annotations

import re
from typing import Any

from .. import Language, Readability
from ..frequency import WordFrequencies
from .syllables import polysyllable_count, syllable_count


def _blank_pipeline() -> Any:
    from spacy.lang.de import German

    return German()  # the same pipeline as spacy.blank("de") without resolving a training config (pydantic)


# German's dictionary is wordfreq's large list: German writes compounds as one word ("unternehmensübergreifender"),
# and the small list holds too few of them to tell German text from another
FREQUENCIES = WordFrequencies("de")

LANGUAGE = Language(
    code="de",
    name="German",
    blank_pipeline=_blank_pipeline,
    words=FREQUENCIES.words,
    syllables=syllable_count,
    # WSTF 4 = 0.2656 * words/sentence + 0.2744 * per cent of words of 3+ syllables - 1.693, a school grade
    # (4 very easy .. 15 very hard); Amstad's reading ease = 180 - words/sentence - 58.5 * syllables/word
    readability=Readability(
        grade_sentence=0.2656,
        grade_syllable=0.0,
        grade_constant=-1.693,
        ease_constant=180.0,
        ease_sentence=1.0,
        ease_syllable=58.5,
        grade_polysyllable=0.2744,
        scale="Wiener Sachtextformel grade",
    ),
    negation=re.compile(
        r"\b(?:nicht|kein(?:e|en|em|er|es)?|ohne|nie|niemals|weder|statt|anstatt|anstelle|nicht\s+nur)\b"
        r"[^.!?;:\n]{0,40}$",
        re.IGNORECASE,
    ),
    name_before=re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+\s+[A-ZÄÖÜ][a-zäöüß]+,\s*(?:(?:der|die|unser|unsere)\s+)?$"),
    name_after=re.compile(r"^,?\s+(?:Herr\s+|Frau\s+|Dr\.\s+)?[A-ZÄÖÜ][a-zäöüß]+\s+[A-ZÄÖÜ][a-zäöüß]+\b"),
    boilerplate=re.compile(
        r"Chancengleichheit|Chancengerechtigkeit|unabhängig\s+von\s+(?:Geschlecht|Alter|Herkunft|Nationalität|"
        r"ethnischer|Religion|Behinderung|sexueller)|Schwerbehinderte|schwerbehinderte|Gleichstellung|"
        r"\bAGG\b|Datenschutz|DSGVO|Vielfalt",
        re.IGNORECASE,
    ),
    frequency=FREQUENCIES.zipf,
    common_frequency=FREQUENCIES.common_zipf,
    polysyllables=polysyllable_count,
)
