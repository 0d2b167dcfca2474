"""The finding model: plain dataclasses shared by every stage (the lowest layer: of jdlint it imports only the
time-budget error, which InputError turns into a posting's error)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .budget import TimeBudgetExceeded


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
    "jdlint",  # jdlint's own findings about its directives (JD9xx)
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
    def sort_key(self) -> tuple[int, str]:
        start = self.span.start if self.span else -1
        return (start, self.code)


@dataclass
class Metrics:
    words: int = 0
    sentences: int = 0
    flesch_kincaid_grade: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # later families add to this (gender_coding, ...)


@dataclass(frozen=True)
class Match:
    """One hit of a rule, before it becomes a Finding.

    Offsets are in the Document's extracted text (`start`, `end`) unless `span` gives source offsets;
    a match with neither is about the whole posting (something missing). Build one with the named
    constructors: `Match.at(start, end)`, `Match.in_source(span)`, `Match.whole_posting()`.
    """

    start: int | None = None
    end: int | None = None
    span: Span | None = None
    suggestions: tuple[str, ...] = ()
    replacement: str | None = None  # a fix for the matched text, when the rule's fix is not "none"
    edits: tuple[Edit, ...] = ()  # a fix given directly in source offsets
    params: dict[str, Any] = field(default_factory=dict)
    severity: Severity | None = None  # a check may set the severity (a pay law in force makes it an error)
    source: str | None = None  # and the source (the law that applies)
    applicability: Applicability | None = None  # a check may lower a fix to unsafe; the rule's `fix` is the ceiling

    @classmethod
    def at(cls, start: int, end: int, **details: Any) -> Match:
        """A hit at [start, end) of the extracted text."""
        return cls(start, end, **details)

    @classmethod
    def in_source(cls, span: Span, **details: Any) -> Match:
        """A hit at a span of the source file (raw characters, tags, directives)."""
        return cls(span=span, **details)

    @classmethod
    def whole_posting(cls, **details: Any) -> Match:
        """A finding about the whole posting, with no span (a missing statement, a reading grade)."""
        return cls(**details)

    @property
    def document_level(self) -> bool:
        return self.span is None and self.start is None


CHECKED = "present"  # a checklist item's statuses (ChecklistItem.status)
MISSING = "missing"
NOT_CHECKED = "not checked"
NOT_SHOWN = "not shown"  # judged missing, but the finding was left out of the report (a baseline knows it)


@dataclass(frozen=True)
class ChecklistItem:
    """What the report's checklist says about one rule that carries a checklist label (a pay range, an
    accommodation statement): whether the posting has it, lacks it, or was not judged, and why in plain words."""

    code: str
    item: str  # the rule's checklist label, "Pay range"
    status: str  # CHECKED, MISSING, NOT_CHECKED or NOT_SHOWN
    reason: str | None = None  # why it was not checked or not shown (and, when a check says, why missing)


@dataclass
class FileResult:
    """One linted posting: its findings and (when asked for) metrics."""

    path: str
    format: str
    encoding: str
    findings: list[Finding]
    metrics: Metrics | None = None
    text: str = field(default="", repr=False)  # the decoded source, for positions and fixes
    language: str = ""  # the language the posting was linted as (ISO 639-1)
    # where that came from: "option" (--language), "front-matter", "html", "record", "detected" or "config"
    language_source: str = ""
    other_languages: tuple[str, ...] = ()  # languages of blocks written in another language (rules kept out)
    notices: tuple[str, ...] = ()  # what the run could not do for this posting (rules skipped), for stderr
    checklist: tuple[ChecklistItem, ...] = ()  # the checklist rules' verdicts, in catalog order


@dataclass(frozen=True)
class InputError:
    """An input that could not be linted: errors are values, so one bad file never stops a batch."""

    path: str
    message: str  # one line, naming the file

    @property
    def reason(self) -> str:
        """The message without the file name in front, for pages that show the name beside it."""
        return self.message.removeprefix(f"{self.path}: ")

    @classmethod
    def internal(cls, path: str, stage: str, exc: BaseException, where: str | None = None) -> InputError:
        """A bug met while handling one input (`stage`: parsing, linting): that input's error, not the run's end.

        `where` names the input in the message when the path alone does not (a record's line in an export). A posting
        over its time budget is no bug: its error says so and names the stage.
        """
        return cls(path, f"{where or path}: {internal_error(stage, exc)}")


def internal_error(stage: str, exc: BaseException) -> str:
    """The one-line message of a bug met while `stage` (parsing, linting) one input, without naming the input;
    for a posting over its time budget, the stage it overran."""
    if isinstance(exc, TimeBudgetExceeded):
        return str(exc)
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())  # one line whatever the exception says
    if len(detail) > 200:
        detail = detail[:199] + "…"
    return f"internal error while {stage} ({detail}); please report it"
