"""What every command shares: exit codes, one-line errors, the catalog and config, report files."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, NoReturn

import click

from ..catalog import CatalogError, load_catalog
from ..config import ConfigError, ConfigResolver
from ..printable import shown, visible_controls
from ..rule import Catalog

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def error(message: str) -> None:
    """A problem with one input; the run goes on. A file name that is not UTF-8 is shown as printable.shown gives it,
    and a bidi control in it as `<U+202E>`, so the name cannot reorder the terminal line."""
    click.echo(f"jdlint: error: {visible_controls(shown(message))}", err=True)


def note(message: str) -> None:
    """Something the user should know that is no error (a fix left undone, and why)."""
    click.echo(f"jdlint: note: {message}", err=True)


def fail(message: str) -> NoReturn:
    error(message)
    sys.exit(EXIT_ERROR)


def catalog() -> Catalog:
    try:
        return load_catalog()
    except CatalogError as exc:
        fail(f"rule catalog {exc}")


def resolver(config_path: str | None, overrides: dict[str, Any]) -> ConfigResolver:
    try:
        return ConfigResolver(catalog(), config_path, overrides)
    except ConfigError as exc:
        fail(str(exc))


def write_text(path: str, text: str | Iterable[str]) -> None:
    """Write a report or audit, whole or piece by piece (report.render_pieces); a failure is a one-line error."""
    try:
        with open(path, "w", encoding="utf-8") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
    except OSError as exc:
        fail(f"{path}: cannot write ({exc.strerror or exc})")
