"""Document metrics: length, sentences, Flesch-Kincaid grade, Flesch reading ease, gender coding, and the date and
places the pay-transparency laws were judged by (`pay_laws`).

Word counts and syllables come from the posting's Language; the readability figures are computed over
its prose only (jdlint.analyses.prose).
"""

from __future__ import annotations

from typing import Any

from .analyses import gender_coding
from .analyses.prose import prose, sentence_sums
from .checks.pay import pay_laws
from .context import Context
from .kinds.needles import needles
from .model import Metrics


def compute(context: Context) -> Metrics:
    """Metrics of one linted document (an engine Context): counts, grade, and gender coding."""
    document = context.document
    extra: dict[str, Any] = {
        "gender_coding": gender_coding.for_context(context).as_metric(),
        "pay_laws": pay_laws(context),
    }
    text = document.text
    if not text.strip():
        extra.update(flesch_reading_ease=None, average_sentence_length=None)
        return Metrics(words=0, sentences=0, flesch_kincaid_grade=None, extra=extra)
    words = context.word_count
    sentences = sum(1 for letters in sentence_sums(context)[0] if letters)  # sentences holding a word
    running = prose(context, needles)
    extra["flesch_reading_ease"] = _rounded(running.reading_ease)
    extra["average_sentence_length"] = _rounded(running.average_sentence_length)
    return Metrics(words=words, sentences=sentences, flesch_kincaid_grade=_rounded(running.grade), extra=extra)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
