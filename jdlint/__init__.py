"""jdlint: a linter for job postings.

    >>> import jdlint
    >>> result = jdlint.lint_text("We need a salesman.")
    >>> [f.code for f in result.findings]
    ['JD201']
"""

from __future__ import annotations

from .catalog import load_catalog
from .config import Config, ConfigResolver
from .model import FileResult, Finding, InputError, Severity, Span
from .runner import lint_source, run
from .source import Source
from .version import __version__


def lint_text(text: str, format: str = "text", config: Config | None = None, path: str = "<text>") -> FileResult:
    """Lint a string; returns a FileResult with findings and metrics."""
    return lint_source(Source(path, text, format=format), config)


def lint_paths(paths, config: Config | None = None):
    """Lint files and folders; returns (results, errors)."""
    resolver = ConfigResolver(load_catalog())
    if config is not None:
        resolver.explicit = config
    results, errors = [], []
    for item in run([str(p) for p in paths], resolver, want_metrics=True):
        (errors if isinstance(item, InputError) else results).append(item)
    return results, errors


__all__ = ["lint_text", "lint_paths", "Finding", "Config", "Severity", "Span", "__version__"]
