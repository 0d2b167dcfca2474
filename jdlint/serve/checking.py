"""One API request -> one linted posting, in the JSON contract of `jdlint check --format json`.

The process keeps its Linters warm (one per distinct configuration, the server's own first), so a request
costs the lint itself and not the spaCy pipeline's start-up.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from .. import budget, formats
from ..catalog import load_catalog
from ..config import Config, ConfigError, from_table
from ..linter import Linter
from ..model import FileResult
from ..records import to_document
from ..report import json_report

# Settings a request may not change: they reach the file system (a pipeline package, paths) or the server's limits.
SERVER_ONLY_KEYS = frozenset({"pipeline", "exclude", "per-file-ignores", "max-file-size", "lint-timeout"})
LINTERS_KEPT = 8  # distinct request configurations kept warm


class RequestError(ValueError):
    """A request the API refuses: its message says what to change (answered as 400 or 422)."""


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
        unknown = set(body) - {"text", "format", "path", "metadata", "options", "date"}
        if unknown:
            raise RequestError(f"unknown field(s): {', '.join(sorted(unknown))}")
        text = body.get("text")
        if not isinstance(text, str):
            raise RequestError("'text' must be a string: the posting")
        fmt = body.get("format", "text")
        if fmt not in formats.names():
            raise RequestError(f"'format' must be one of {', '.join(sorted(formats.names()))}")
        metadata = body.get("metadata", {})
        if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
            raise RequestError("'metadata' must be an object of strings (title, location, ...)")
        options = body.get("options", {})
        if not isinstance(options, dict):
            raise RequestError("'options' must be an object of jdlint settings, as in [tool.jdlint]")
        refused = SERVER_ONLY_KEYS & set(options)
        if refused:
            raise RequestError(f"option(s) {', '.join(sorted(refused))} are set by the server, not per request")
        path = body.get("path", "posting")
        if not isinstance(path, str) or not path or len(path) > 200:
            raise RequestError("'path' must be a short name for the posting")
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
    """Lints requests with warm Linters built on the server's configuration."""

    def __init__(self, config: Config | None = None) -> None:
        self.catalog = load_catalog()
        self.config = config or Config()
        self._linters: dict[str, Linter] = {}
        self.linter_for(self.config)  # warm: the pipeline and the catalog's matchers load now, not on the first request

    def linter_for(self, config: Config) -> Linter:
        key = repr(config)
        linter = self._linters.get(key)
        if linter is None:
            if len(self._linters) >= LINTERS_KEPT:
                self._linters.pop(next(iter(self._linters)))
            linter = self._linters[key] = Linter(config, self.catalog)
            next(linter.lint([to_document("warm-up", "We are hiring.", "text", {})]))
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
        linter = self.linter_for(config)
        document = to_document(request.path, request.text, request.format, request.metadata, config.lint_timeout)
        with budget.limit(config.lint_timeout, "while tokenizing"):
            return next(linter.lint([document], want_metrics=True))

    def answer(self, request: CheckRequest) -> dict:
        return json_report.document([self.check(request)])


def _layered(server: Config, request: Config) -> Config:
    """A request's [tool.jdlint] table stands in for the server's settings, except those only the server sets."""
    return request.with_overrides(
        pipeline=server.pipeline,
        max_file_size=server.max_file_size,
        lint_timeout=server.lint_timeout,
        lint_date=server.lint_date,
        path=server.path,
        root=server.root,
    )
