"""Rule kinds: each turns a catalog entry's options into Matches over a Document.

A kind is a class with three class methods:
- validate(options) -> options: check the catalog entry at load time (raise ValueError);
- needs(rule, tagged) -> set of NLP features ("sentences", "lemmas", "pos");
- find(context, rule) -> iterable of Match.
Compiled matchers are cached per rule and pipeline by `context.compiled`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Edit, Span


@dataclass(frozen=True)
class Match:
    """One hit of a rule. Offsets are in extracted text unless `span` (source offsets) is given."""

    start: int | None = None
    end: int | None = None
    span: Span | None = None
    suggestions: tuple[str, ...] = ()
    replacement: str | None = None  # a fix for the matched text, when the rule's fix is not "none"
    edits: tuple[Edit, ...] = ()  # a fix given directly in source offsets
    params: dict = field(default_factory=dict)
    severity: object = None  # a check may set the severity (a pay law in force makes it an error)
    source: str | None = None  # and the source (the law that applies)

    @property
    def document_level(self) -> bool:
        return self.span is None and self.start is None


from .conditional import Conditional  # noqa: E402
from .existence import Existence  # noqa: E402
from .internal import Internal  # noqa: E402
from .matcher import MatcherKind  # noqa: E402
from .occurrence import Occurrence  # noqa: E402
from .python import PythonKind  # noqa: E402
from .substitution import Substitution  # noqa: E402

KINDS = {
    "existence": Existence,
    "substitution": Substitution,
    "occurrence": Occurrence,
    "conditional": Conditional,
    "matcher": MatcherKind,
    "python": PythonKind,
    "internal": Internal,
}
