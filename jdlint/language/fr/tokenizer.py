"""spaCy's French language class, imported without its four-second regular expression.

`spacy.lang.fr.tokenizer_exceptions` builds TOKEN_MATCH at import as one alternation of 266 anchored patterns, most
of them "prefix, hyphen, lower-case letter, more letters" ("anti-...", "auto-..."), each spelling out spaCy's
lower-case letter class (about 3,000 characters of escapes, read case-insensitively). Python compiles every copy of
that class again: over four seconds, paid by the first French posting of every process. While that module runs,
`fast_french` hands `re.compile` the same alternation with alternatives that end alike merged under one tail
("^(?:anti|auto|...)-[letters][...]*$"): one copy of each class per tail instead of one per alternative. It is the
same language (a string matches the union iff it matches one member of it) and spaCy's tokenizer only asks whether
TOKEN_MATCH matches; the tests compare the merged and the plain alternation on many strings and the tokens of a French
text with spaCy's. Any other pattern is compiled as given, and so is this one unless it is exactly the join of the
module's `_regular_exp` list, spaCy's own way.
"""

from __future__ import annotations

import importlib
import re
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

MODULE = "spacy.lang.fr.tokenizer_exceptions"
_lock = threading.Lock()


def merged(alternatives: list[str], classes: tuple[str, ...]) -> list[str]:
    """The alternatives, those that share their tail (from the first of `classes` on) merged into one: "^h1T" and
    "^h2T" become "^(?:h1|h2)T", at the place of the first of them. An alternative without such a tail, or not
    anchored with "^", stays as it is."""
    heads: dict[str, list[str]] = {}
    order: list[str] = []  # a tail, or an alternative kept as it is (marked by a leading NUL)
    for alternative in alternatives:
        cut = min((i for i in (alternative.find(c) for c in classes) if i > 0), default=-1)
        if not alternative.startswith("^") or cut < 0:
            order.append("\0" + alternative)
            continue
        tail = alternative[cut:]
        if tail not in heads:
            heads[tail] = []
            order.append(tail)
        heads[tail].append(alternative[1:cut])
    out = []
    for tail in order:
        if tail.startswith("\0"):
            out.append(tail[1:])
        elif len(heads[tail]) == 1:
            out.append("^" + heads[tail][0] + tail)
        else:
            out.append("^(?:" + "|".join(heads[tail]) + ")" + tail)
    return out


def joined(alternatives: list[str]) -> str:
    """TOKEN_MATCH's pattern as spaCy joins it."""
    return "(?iu)" + "|".join(f"(?:{m})" for m in alternatives)


def _token_match_compiler(original: Callable[..., Any]) -> Callable[..., Any]:
    def compile(pattern: Any, flags: int = 0) -> Any:
        module = sys.modules.get(MODULE)
        alternatives = getattr(module, "_regular_exp", None)
        if flags == 0 and isinstance(alternatives, list) and isinstance(pattern, str) and pattern.startswith("(?iu)"):
            from spacy.lang.char_classes import ALPHA, ALPHA_LOWER

            if pattern == joined(alternatives):
                pattern = joined(merged(alternatives, (f"[{ALPHA_LOWER}]", f"[{ALPHA}]")))
        return original(pattern, flags)

    return compile


@contextmanager
def _merging() -> Iterator[None]:
    original = re.compile
    re.compile = _token_match_compiler(original)
    try:
        yield
    finally:
        re.compile = original


def fast_french() -> Any:
    """spaCy's French Language class (spacy.lang.fr.French), its module imported with TOKEN_MATCH merged."""
    with _lock:
        if "spacy.lang.fr" not in sys.modules:
            with _merging():
                importlib.import_module("spacy.lang.fr")
    return importlib.import_module("spacy.lang.fr").French
