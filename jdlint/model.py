"""The finding model: plain frozen dataclasses shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Applicability(str, Enum):
    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes


CATEGORIES = (
    "encoding",
    "gendered",
    "age",
    "disability",
    "national-origin",
    "culture",
    "degree-gatekeeping",
    "experience",
    "missing-salary",
    "missing-accommodation",
    "missing-eeo",
    "readability",
    "accessibility",
)


@dataclass(frozen=True, order=True)
class Span:
    """Code-point offsets [start, end) into the decoded source file."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    content: str


@dataclass(frozen=True)
class Fix:
    applicability: Applicability
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    span: Span | None  # None for a document-level finding (something missing)
    text: str | None
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    source: str = ""

    @property
    def sort_key(self) -> tuple:
        start = self.span.start if self.span else -1
        return (start, self.code)


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in code points


@dataclass
class Metrics:
    words: int = 0
    sentences: int = 0
    flesch_kincaid_grade: float | None = None
    extra: dict = field(default_factory=dict)  # later families add to this (gender_coding, ...)
