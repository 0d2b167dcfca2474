"""Rule kinds: each turns a catalog entry's options into Matches over a Document.

A kind is a class with three class methods (the Kind protocol of jdlint.protocols):
- validate(options) -> options: check the catalog entry at load time (raise ValueError);
- needs(rule, tagged) -> set of NLP features ("sentences", "lemmas", "pos");
- find(context, rule) -> iterable of Match.
Compiled matchers are cached per rule and pipeline by `context.compiled`.
"""

from __future__ import annotations

from ..model import Match
from ..protocols import Kind
from .conditional import Conditional
from .existence import Existence
from .internal import Internal
from .matcher import MatcherKind
from .occurrence import Occurrence
from .python import PythonKind
from .substitution import Substitution

KINDS: dict[str, Kind] = {
    "existence": Existence(),
    "substitution": Substitution(),
    "occurrence": Occurrence(),
    "conditional": Conditional(),
    "matcher": MatcherKind(),
    "python": PythonKind(),
    "internal": Internal(),
}

__all__ = ["KINDS", "Match"]
