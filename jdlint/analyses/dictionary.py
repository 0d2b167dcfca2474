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
MAX_REMEMBERED = 500_000


def dictionary_share(context: Context, language: Language) -> float:
    """Share of the lower-case words (3+ letters) of a linted document that are in the language's dictionary."""
    rows = context.token_table()
    hashes = rows[(rows[:, ALPHA] == 1) & (rows[:, LOWER] == 1) & (rows[:, LENGTH] > 2), ORTH]
    if not len(hashes):
        return 1.0
    # each distinct word is looked up once per process (by its hash, which names the same string in every Doc);
    # then the words in the dictionary are counted by set look-ups in C
    known: tuple[set[int], set[int]] = context.compiled(("dictionary-words", language.code), lambda: (set(), set()))
    inside_words, other_words = known
    keys = hashes.tolist()
    unseen = set(keys) - inside_words - other_words
    if unseen:
        if len(inside_words) + len(other_words) > MAX_REMEMBERED:
            inside_words.clear()  # keep memory flat over a long audit
            other_words.clear()
        strings, table = context.doc.vocab.strings, language.words()
        for key in unseen:
            (inside_words if strings[key] in table else other_words).add(key)
    inside = sum(map(inside_words.__contains__, keys))
    return inside / len(hashes)


def mostly_in(context: Context, language: Language, share: float = MOSTLY) -> bool:
    """Whether a linted document is mostly in `language` (at least `share` of its words are in the dictionary);
    the share is computed once per document and language."""
    return context.memo(("dictionary-share", language.code), lambda: dictionary_share(context, language)) >= share
