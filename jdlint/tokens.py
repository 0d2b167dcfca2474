"""The token table: one row per spaCy token, its columns read from the Doc in C once per document.

Reading a column of integers is far cheaper than building a spaCy Token each time a rule looks at
one, so rules, analyses and metrics that walk tokens read this table (through the lint Context).
"""

from __future__ import annotations

from typing import Any

# Columns of the table, in this order.
ALPHA, LOWER, PUNCT, SPACE, LENGTH, ORTH, IDX, SENT_START = range(8)


def read_token_table(doc: Any) -> Any:
    """The table of `doc` as a NumPy array of shape (tokens, 8)."""
    from spacy.attrs import IDX as _IDX
    from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE
    from spacy.attrs import LENGTH as _LENGTH
    from spacy.attrs import ORTH as _ORTH
    from spacy.attrs import SENT_START as _SENT_START

    columns = [IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, _LENGTH, _ORTH, _IDX, _SENT_START]
    return doc.to_array(columns).reshape(-1, len(columns))


def sentence_bounds(doc: Any, rows: Any) -> list[tuple[int, int, int, int]]:
    """(first token, end token, start char, end char) of each sentence; empty when nothing set boundaries."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return []
    starts = [0, *((rows[1:, SENT_START] == 1).nonzero()[0] + 1).tolist()]
    ends = starts[1:] + [len(rows)]
    # whole columns indexed at once: a NumPy scalar per sentence and column was most of the cost
    start_chars = rows[starts, IDX].tolist()
    last = [e - 1 for e in ends]
    end_chars = (rows[last, IDX] + rows[last, LENGTH]).tolist()
    return list(zip(starts, ends, start_chars, end_chars))
