"""The open postings of one editor session: each linted with the warm Linter of its configuration.

One `Checker` (jdlint.serve.checking) per process holds the catalog, the spaCy pipeline and a Linter per distinct
configuration; a posting's configuration is the one `jdlint check` would find for its path (ConfigResolver), read
again when a config file it depends on changes (its modification time is compared at each lint, so an editor
that does not watch files still sees a changed config). The lint is the CLI's: the format from the file's suffix
(`formats.format_for`; an untitled buffer by its language id), `formats.parse` of a Source, `Linter.lint`, and the
per-posting time budget (`lint-timeout`). A posting that cannot be read is one error message, never a crash.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from .. import budget, formats
from ..config import Config, ConfigError, ConfigResolver, find_config_file
from ..fix import fix_text
from ..model import FileResult, Finding, InputError
from ..serve.checking import Checker
from ..source import Source, dominant_newline
from .positions import UTF16, Positions

# what an untitled buffer (no file suffix) is read as, by the editor's language id
LANGUAGE_IDS = {"plaintext": "text", "text": "text", "markdown": "markdown", "html": "html"}
BOM = "\ufeff"


def uri_to_path(uri: str) -> str | None:
    """The file system path of a file: URI, else None (an untitled buffer)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and path[2:3] == ":":  # /C:/x -> C:/x
        path = path[1:]
    return os.path.normpath(path)


def format_of(path: str | None, language_id: str | None) -> str | None:
    """The input format the CLI would read the file as, or None when jdlint does not lint such a file."""
    if path is not None and Path(path).suffix:
        suffix = Path(path).suffix.lower()
        known = set(formats.suffixes())
        known.update(suffix for fmt in formats.input_formats() for suffix in getattr(fmt, "EXPLICIT_SUFFIXES", ()))
        return formats.format_for(path) if suffix in known else None
    return LANGUAGE_IDS.get(language_id or "")


@dataclass
class Posting:
    """One open document as last linted: the editor's text, and either a FileResult or an error line."""

    uri: str
    path: str | None
    format: str
    text: str  # the editor's text (a BOM included, if the editor keeps one)
    version: int | None
    positions: Positions
    source: Source  # the text as jdlint reads it (no BOM)
    config: Config | None = None
    result: FileResult | None = None
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)


class Postings:
    """The warm engine and the session's configuration discovery."""

    def __init__(self, checker: Checker | None = None, encoding: str = UTF16) -> None:
        self.checker = checker or Checker()
        self.encoding = encoding
        self.resolver = ConfigResolver(self.checker.catalog)
        self._stamps: dict[str, tuple[str | None, int | None]] = {}  # folder -> (its config file, mtime) when read

    def reload_config(self) -> None:
        """Forget every config read (a config file changed)."""
        self.resolver = ConfigResolver(self.checker.catalog)
        self._stamps.clear()

    def config_for(self, path: str | None) -> Config:
        folder = os.path.dirname(path) if path else os.getcwd()
        found = find_config_file(folder)
        stamp = (found, _mtime(found) if found else None)
        if self._stamps.get(folder) != stamp:
            if folder in self._stamps:  # a config was created, changed or removed since
                self.reload_config()
            self._stamps[folder] = stamp
        return self.resolver.for_path(path)

    def lint(self, uri: str, text: str, version: int | None, language_id: str | None = None) -> Posting | None:
        """The posting linted, or None when it is not a posting (another file type)."""
        path = uri_to_path(uri)
        fmt = format_of(path, language_id)
        if fmt is None:
            return None
        shift = 1 if text.startswith(BOM) else 0
        body = text[shift:]
        source = Source(path or uri, body, "utf-8", bool(shift), dominant_newline(body), fmt)
        posting = Posting(uri, path, fmt, text, version, Positions(text, self.encoding, shift), source)
        try:
            posting.config = self.config_for(path)
            linter = self.checker.linter_for(posting.config)
            with budget.limit(posting.config.lint_timeout, "while parsing"):
                document = formats.parse(source)
                posting.result = next(linter.lint([document]))
            posting.findings = list(posting.result.findings)
        except (ConfigError, formats.MarkupError) as exc:
            posting.error = str(exc)
        except budget.TimeBudgetExceeded as exc:
            posting.error = InputError.internal(source.path, "linting", exc).message
        except Exception as exc:  # one posting's error, as the CLI prints it; the server goes on
            posting.error = InputError.internal(source.path, "linting", exc).message
            raise PostingCrash(posting, exc) from exc
        return posting

    def fixed_text(self, posting: Posting) -> str:
        """The editor's text after every safe fix, exactly as `jdlint check --fix` would write it."""
        assert posting.config is not None
        outcome = fix_text(posting.source, self.checker.linter_for(posting.config))
        return (BOM if posting.source.bom else "") + outcome.source.text


class PostingCrash(Exception):
    """A bug while linting one posting; `posting.error` holds its one-line message, the cause its traceback."""

    def __init__(self, posting: Posting, cause: BaseException) -> None:
        super().__init__(posting.error)
        self.posting = posting
        self.cause = cause


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None
