"""From paths to results: find the inputs, read them, lint them in batches. Errors are values, never raised.

Shared by the CLI and the public API, so both treat bad input the same way: one line per
problem, and the rest of the batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from . import budget, formats
from .config import Config, ConfigError, ConfigResolver
from .formats import MarkupError, parse
from .linter import HandBack, Linter
from .model import FileResult, InputError
from .nlp import PipelineError
from .source import Source, SourceError, decode, read_path

CHUNK = 256  # documents read and linted together; bounds memory on big batches


def collect(paths: Iterable[str], resolver: ConfigResolver) -> Iterator[str | InputError]:
    """Expand folders (recursing into posting files) and keep explicit files as given."""
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            searched = formats.suffixes()
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
                for name in sorted(files):
                    if name.lower().endswith(searched):
                        full = os.path.join(root, name)
                        if not _excluded(full, resolver):
                            yield full
        elif os.path.exists(path) or os.path.islink(path):
            yield path
        else:
            yield InputError(path, f"{path}: no such file or directory")


def _excluded(path: str, resolver: ConfigResolver) -> bool:
    try:
        return resolver.for_path(path).is_excluded(path)
    except ConfigError:
        return False  # reported when the file itself is read


def load(path: str, config: Config, stdin_data: bytes | None = None, stdin_name: str | None = None):
    """Read and parse one input into a Document, or an InputError."""
    try:
        if path == "-":
            name = stdin_name or "-"
            if len(stdin_data or b"") > config.max_file_size:
                raise SourceError(f"{name}: standard input is over the {config.max_file_size:,}-byte limit")
            source = decode(stdin_data or b"", name, formats.format_for(name))
        else:
            source = read_path(path, config.max_file_size, formats.format_for(path))
        with budget.limit(config.lint_timeout, "while parsing"):
            return parse(source)
    except (SourceError, MarkupError) as exc:
        message = str(exc)
        where = stdin_name or path
        return InputError(where, message if message.startswith(where) else f"{where}: {message}")
    except Exception as exc:  # a bug in reading or parsing this input must not end the batch
        return InputError.internal(stdin_name or path, "parsing", exc)


def lint_each(
    linter: Linter, documents: list, want_metrics: bool = False, hand_back: HandBack | None = None
) -> Iterator[FileResult | InputError]:
    """Lint documents as one batch; if that fails, lint the rest one by one, so a crash is one posting's error.

    A posting over its time budget in one of its own stages is its error at once (the batch goes on after it); over
    budget while the batch was tokenized, it is tried again alone. PipelineError (spaCy cannot start) still ends
    the run: no posting could be linted.
    """
    done = 0
    while done < len(documents):
        linted = linter.lint(documents[done:], want_metrics, hand_back)
        try:
            for result in linted:
                done += 1
                yield result
            return
        except PipelineError:
            raise
        except budget.TimeBudgetExceeded as exc:
            if exc.stage == "while tokenizing" or exc.subject is not documents[done]:
                break
            yield InputError.internal(documents[done].source.path, "linting", exc)
            done += 1
        except Exception:
            break
    for document in documents[done:]:
        try:
            single: FileResult | InputError = next(linter.lint([document], want_metrics, hand_back))
        except PipelineError:
            raise
        except Exception as exc:
            single = InputError.internal(document.source.path, "linting", exc)
        yield single


def run(
    paths: Iterable[str],
    resolver: ConfigResolver,
    *,
    want_metrics: bool = False,
    stdin_data: bytes | None = None,
    stdin_name: str | None = None,
    hand_back: HandBack | None = None,
) -> Iterator[FileResult | InputError]:
    """Lint every input; yields results and errors in input order (see Linter.lint for `hand_back`)."""
    linters: dict[int, Linter] = {}
    pending: list = []

    def flush():
        documents = [(i, item) for i, item in enumerate(pending) if not isinstance(item[1], InputError)]
        by_linter: dict[int, list] = {}
        for i, (config, document) in documents:
            by_linter.setdefault(id(config), []).append((i, document))
        results: dict[int, FileResult | InputError] = {
            i: item[1] for i, item in enumerate(pending) if isinstance(item[1], InputError)
        }
        for key, batch in by_linter.items():
            linter = linters[key]
            for (i, _), result in zip(batch, lint_each(linter, [d for _, d in batch], want_metrics, hand_back)):
                results[i] = result
        pending.clear()
        for i in sorted(results):
            yield results[i]

    for item in collect(paths, resolver):
        if isinstance(item, InputError):
            pending.append((None, item))
            continue
        try:
            config = resolver.for_path(None if item == "-" else item)
        except ConfigError as exc:
            pending.append((None, InputError(item, str(exc))))
            continue
        if id(config) not in linters:
            linters[id(config)] = Linter(config)
        pending.append((config, load(item, config, stdin_data, stdin_name)))
        if len(pending) >= CHUNK:
            yield from flush()
    yield from flush()


def run_documents(
    items, config: Config, *, want_metrics: bool = False, hand_back: HandBack | None = None
) -> Iterator[FileResult | InputError]:
    """Lint ready-made Documents (records of an export) in chunks; InputErrors pass through in order."""
    linter = Linter(config)
    pending: list = []

    def flush():
        documents = [item for item in pending if not isinstance(item, InputError)]
        linted = lint_each(linter, documents, want_metrics, hand_back)
        for item in pending:
            yield item if isinstance(item, InputError) else next(linted)
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= CHUNK:
            yield from flush()
    yield from flush()


def lint_source(source: Source, config: Config | None = None) -> FileResult:
    linter = Linter(config)
    return next(linter.lint([parse(source)], want_metrics=True))


__all__ = ["InputError", "PipelineError", "collect", "lint_each", "lint_source", "load", "run"]
