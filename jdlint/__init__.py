"""jdlint: a linter for job postings.

>>> import jdlint
>>> result = jdlint.lint_text("We need a salesman.")
>>> [f.code for f in result.findings]
['JD201']
"""

from __future__ import annotations

import os
from collections.abc import Iterable

# First: importing it keeps spaCy's CLI out of spaCy's import (see its docstring).
from . import spacy_import  # noqa: F401
from .catalog import load_catalog
from .config import Config, ConfigResolver
from .model import FileResult, Finding, InputError, Severity, Span
from .runner import lint_source, run
from .source import Source
from .version import __version__


def lint_text(text: str, format: str = "text", config: Config | None = None, path: str = "<text>") -> FileResult:
    """Lint a string; returns a FileResult with findings and metrics.

    Raises jdlint.budget.TimeBudgetExceeded when it takes longer than the config's `lint_timeout` seconds (60 by
    default; 0 for no limit); `lint_paths` makes that the file's InputError instead."""
    return lint_source(Source(path, text, format=format), config)


def lint_paths(
    paths: Iterable[str | os.PathLike[str]], config: Config | None = None
) -> tuple[list[FileResult], list[InputError]]:
    """Lint files and folders; returns (results, errors)."""
    resolver = ConfigResolver(load_catalog())
    if config is not None:
        resolver.explicit = config
    results: list[FileResult] = []
    errors: list[InputError] = []
    for item in run([str(p) for p in paths], resolver, want_metrics=True):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            results.append(item)
    return results, errors


__all__ = [
    "lint_text",
    "lint_paths",
    "Finding",
    "FileResult",
    "InputError",
    "Config",
    "Severity",
    "Span",
    "__version__",
]
