"""One API request -> one linted posting, in the JSON contract of `jdlint check --format json`.

The process keeps its Linters warm (one per distinct configuration, the server's own first, the least recently
used dropped past LINTERS_KEPT); they share the catalog and the spaCy pipeline, which `Checker.warm_up` runs over a
representative posting in every format at start-up, so a request costs the lint itself and nothing that loads.
"""

from __future__ import annotations

import datetime
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from .. import budget, formats, warmup
from ..catalog import load_catalog
from ..config import Config, ConfigError, from_table
from ..formats import MarkupError
from ..linter import Linter
from ..model import FileResult
from ..records import METADATA, bad_characters, to_document
from ..report import json_report
from ..rule import Catalog

# Settings a request may not change: they name files, folders or packages (pipeline, exclude, per-file-ignores)
# or are the server's limits and tuning (max-file-size, lint-timeout, batch-size).
SERVER_ONLY_KEYS = frozenset({"pipeline", "exclude", "per-file-ignores", "max-file-size", "lint-timeout", "batch-size"})
# What a request's `options` may set: which rules, how severe, allowed terms, rule options, reading settings that
# name no file. Every key of config.KNOWN_KEYS is in exactly one of the two sets (tests/test_serve.py).
REQUEST_KEYS = frozenset(
    {
        "select",
        "ignore",
        "fail-on",
        "severity",
        "allow",
        "rules",
        "readability",
        "must-have-limit",
        "language",
        "repeated-text",
        "gender-coding",
    }
)
FIELDS = ("text", "format", "path", "metadata", "options", "date")
LINTERS_KEPT = 8  # distinct request configurations kept warm
MAX_PATH = 200


class RequestError(ValueError):
    """A request the API refuses (answered 422); its message, one line, says what to change."""


@dataclass
class CheckRequest:
    text: str
    format: str = "text"
    path: str = "posting"
    metadata: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    date: datetime.date | None = None

    @classmethod
    def from_json(cls, body: object) -> CheckRequest:
        if not isinstance(body, dict):
            raise RequestError("the request body must be a JSON object with a 'text' field")
        unknown = set(body) - set(FIELDS)
        if unknown:
            raise RequestError(f"unknown field(s): {', '.join(sorted(unknown))} (known: {', '.join(FIELDS)})")
        text = body.get("text")
        if not isinstance(text, str):
            raise RequestError("'text' must be a string: the posting")
        fmt = body.get("format", "text")
        if fmt not in formats.names():
            raise RequestError(f"'format' must be one of {', '.join(sorted(formats.names()))}")
        metadata = body.get("metadata", {})
        if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
            raise RequestError(f"'metadata' must be an object of strings ({', '.join(METADATA)})")
        options = body.get("options", {})
        if not isinstance(options, dict):
            raise RequestError("'options' must be an object of jdlint settings, as in [tool.jdlint]")
        refused = SERVER_ONLY_KEYS & set(options)
        if refused:
            raise RequestError(f"option(s) {', '.join(sorted(refused))} are set by the server, not per request")
        path = body.get("path", "posting")
        if not isinstance(path, str) or not path.strip() or len(path) > MAX_PATH:
            raise RequestError(f"'path' must be a name for the posting of 1 to {MAX_PATH} characters")
        problem = bad_characters({"text": text, "path": path, **metadata}, ["text", "path", *metadata])
        if problem:
            raise RequestError(problem)
        return cls(text, fmt, path, metadata, options, _date(body.get("date")))


def _date(value: object) -> datetime.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise RequestError("'date' must be a day as YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise RequestError(f"'date' must be a day as YYYY-MM-DD, not {value[:20]!r}") from None


class Checker:
    """Lints requests with warm Linters built on the server's configuration.

    Not thread-safe: the server calls it from one thread at a time (see app.py)."""

    def __init__(self, config: Config | None = None, catalog: Catalog | None = None, warm: bool = True) -> None:
        self.catalog = catalog or load_catalog()
        self.config = config or Config()
        self._linters: OrderedDict[str, Linter] = OrderedDict()
        if warm:
            self.warm_up()

    def warm_up(self) -> None:
        """Lint the built-in posting in every format with the server's configuration, so the pipeline, the lemma
        tables, the metrics' dictionaries, every rule's compiled patterns and the JSON writer are loaded now and
        not on the first request."""
        metadata = {"title": warmup.TITLE, "location": warmup.LOCATION}
        untimed = self.config.with_overrides(lint_timeout=0)  # loading is not a posting's time
        for fmt, text in warmup.POSTINGS:
            json_report.document([self._lint(CheckRequest(text, fmt, f"warm-up.{fmt}", metadata), untimed)])
        warmup.load_tables()  # what the built-in posting does not need
        self._linters.clear()
        self.linter_for(self.config)  # the server's own; what it loads is shared and now loaded

    def linter_for(self, config: Config) -> Linter:
        key = repr(config)
        linter = self._linters.get(key)
        if linter is None:
            # a new configuration costs only its rule list: the catalog and the pipeline are shared and warm
            linter = self._linters[key] = Linter(config, self.catalog)
            while len(self._linters) > LINTERS_KEPT:
                self._linters.popitem(last=False)
        self._linters.move_to_end(key)
        return linter

    def config_for(self, request: CheckRequest) -> Config:
        config = self.config
        if request.options:
            try:
                table = from_table(request.options, None, config.root, self.catalog)
            except ConfigError as exc:
                raise RequestError(str(exc)) from None
            config = _layered(config, table)
        if request.date is not None:
            config = config.with_overrides(lint_date=request.date)
        return config

    def check(self, request: CheckRequest) -> FileResult:
        """The linted posting; raises budget.TimeBudgetExceeded past the server's lint-timeout."""
        config = self.config_for(request)
        with budget.limit(config.lint_timeout, "while parsing"):
            return self._lint(request, config)

    def answer(self, request: CheckRequest) -> dict:
        """The JSON contract's document for one request, parsing, linting and writing it within one time budget
        (the server's lint-timeout): raises RequestError or budget.TimeBudgetExceeded."""
        config = self.config_for(request)
        with budget.limit(config.lint_timeout, "while parsing"):
            result = self._lint(request, config)
            budget.enter("while writing the answer")
            return json_report.document([result])

    def _lint(self, request: CheckRequest, config: Config) -> FileResult:
        linter = self.linter_for(config)
        try:
            document = to_document(request.path, request.text, request.format, request.metadata)
        except MarkupError as exc:
            raise RequestError(str(exc)) from None
        return next(linter.lint([document], want_metrics=True))


def _layered(server: Config, request: Config) -> Config:
    """A request's [tool.jdlint] table stands in for the server's settings, except those only the server sets."""
    return request.with_overrides(
        pipeline=server.pipeline,
        exclude=server.exclude,
        per_file_ignores=server.per_file_ignores,
        max_file_size=server.max_file_size,
        lint_timeout=server.lint_timeout,
        batch_size=server.batch_size,
        lint_date=server.lint_date,
        path=server.path,
        root=server.root,
    )
