"""How much of a posting is in a language's dictionary: rules written for one language stand aside on
text that is mostly another ("halten" is no English word, and German nouns take a bare -s genitive)."""

from __future__ import annotations

from ..context import Context
from ..language import Language
from ..tokens import ALPHA, LENGTH, LOWER, ORTH

MOSTLY = 0.85  # below this share of known lower-case words, a text is not mostly in the language
# the bar for rules that look for misspelt words themselves (glued words, lost apostrophes): those words are
# not in the dictionary, and in a short text a few of them weigh a lot
WITH_MISSPELLINGS = 0.6
_known: dict[str, dict[int, bool]] = {}  # language -> string hash -> in its dictionary


def dictionary_share(context: Context, language: Language) -> float:
    """Share of the lower-case words (3+ letters) of a linted document that are in the language's dictionary."""
    rows = context.token_table()
    hashes = rows[(rows[:, ALPHA] == 1) & (rows[:, LOWER] == 1) & (rows[:, LENGTH] > 2), ORTH]
    if not len(hashes):
        return 1.0
    import numpy

    strings, table = context.doc.vocab.strings, language.words()
    # each different word is looked up once, and its answer kept by its string's hash for later postings
    known = _known.setdefault(language.code, {})
    if len(known) > 200_000:
        known.clear()  # keep memory flat over a long audit
    found = 0
    for key, count in zip(*(column.tolist() for column in numpy.unique(hashes, return_counts=True))):
        hit = known.get(key)
        if hit is None:
            hit = known[key] = strings[key] in table
        found += count if hit else 0
    return found / len(hashes)


def mostly_in(context: Context, language: Language, share: float = MOSTLY) -> bool:
    """Whether a linted document is mostly in `language` (at least `share` of its words are in the dictionary);
    the share is computed once per document and language."""
    return context.memo(("dictionary-share", language.code), lambda: dictionary_share(context, language)) >= share
