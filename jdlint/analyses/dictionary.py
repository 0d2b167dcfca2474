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


def dictionary_share(context: Context, language: Language) -> float:
    """Share of the lower-case words (3+ letters) of a linted document that are in the language's dictionary."""
    rows = context.token_table()
    hashes = rows[(rows[:, ALPHA] == 1) & (rows[:, LOWER] == 1) & (rows[:, LENGTH] > 2), ORTH]
    if not len(hashes):
        return 1.0
    strings, table = context.doc.vocab.strings, language.words()
    return sum(1 for key in hashes.tolist() if strings[key] in table) / len(hashes)


def mostly_in(context: Context, language: Language, share: float = MOSTLY) -> bool:
    """Whether a linted document is mostly in `language` (at least `share` of its words are in the dictionary);
    the share is computed once per document and language."""
    return context.memo(("dictionary-share", language.code), lambda: dictionary_share(context, language)) >= share
