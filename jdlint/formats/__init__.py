"""Input formats: plain text, Markdown and HTML to a Document, and the registry that knows them.

Each format is one module of this package exposing NAME, SUFFIXES and `parse(source) -> Document`, and
optionally EXPLICIT_SUFFIXES (read as this format when a file is named, but not searched for in folders) and
ORDER (its place in listings; formats without one come after those with one). The registry finds the format
modules with pkgutil, so adding a format is adding a module; the other modules here are the pieces the formats
share (front matter, the HTML extractor, directives, sections).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from ..document import Document
from ..source import Source
from .errors import FormatError, MarkupError
from .escaped import read_as_html

FALLBACK = "text"  # the format of a file whose suffix no format claims
_UNORDERED = 1_000_000


@dataclass(frozen=True)
class InputFormat:
    name: str
    suffixes: tuple[str, ...]  # searched for in folders (and matched by the pre-commit hook)
    parse: Callable[[Source], Document]
    explicit_suffixes: tuple[str, ...] = ()  # read as this format only when a file is named
    order: int = _UNORDERED


def _from_module(module: ModuleType) -> InputFormat | None:
    if not hasattr(module, "NAME"):
        return None  # a shared piece, not a format
    return InputFormat(
        module.NAME,
        tuple(module.SUFFIXES),
        module.parse,
        tuple(getattr(module, "EXPLICIT_SUFFIXES", ())),
        getattr(module, "ORDER", _UNORDERED),
    )


@cache
def input_formats() -> tuple[InputFormat, ...]:
    """Every format module of this package, in listing order; raises FormatError on a clash."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        candidate = _from_module(importlib.import_module(f"{__name__}.{info.name}"))
        if candidate is not None:
            found.append(candidate)
    found.sort(key=lambda fmt: (fmt.order, fmt.name))
    _check(found)
    return tuple(found)


def _check(found: list[InputFormat]) -> None:
    names = [fmt.name for fmt in found]
    if len(set(names)) != len(names):
        raise FormatError(f"input formats share a name: {sorted(names)}")
    claimed: dict[str, str] = {}
    for fmt in found:
        for suffix in fmt.suffixes + fmt.explicit_suffixes:
            if not suffix.startswith(".") or suffix != suffix.lower():
                raise FormatError(f"input format {fmt.name}: suffix {suffix!r} must be lower case and start with '.'")
            if suffix in claimed:
                raise FormatError(f"input formats {claimed[suffix]} and {fmt.name} both claim {suffix}")
            claimed[suffix] = fmt.name
    if FALLBACK not in names:
        raise FormatError(f"no input format named {FALLBACK!r}, the fallback")


@cache
def _by_name() -> dict[str, InputFormat]:
    return {fmt.name: fmt for fmt in input_formats()}


@cache
def _by_suffix() -> dict[str, str]:
    return {suffix: fmt.name for fmt in input_formats() for suffix in fmt.suffixes + fmt.explicit_suffixes}


def names() -> tuple[str, ...]:
    """The format names, in listing order (text, markdown, html, then any others)."""
    return tuple(_by_name())


def suffixes() -> tuple[str, ...]:
    """The suffixes searched for in folders, lower case with their dot."""
    return tuple(suffix for fmt in input_formats() for suffix in fmt.suffixes)


def format_for(path: str, override: str | None = None) -> str:
    """The format of a file: `override` (a format name) when given, else by its suffix (any case), else text."""
    if override is not None:
        if override not in _by_name():
            raise FormatError(f"unknown input format '{override}' (known: {', '.join(names())})")
        return override
    return _by_suffix().get(Path(path).suffix.lower(), FALLBACK)


def parse(source: Source) -> Document:
    """Source -> Document by the source's format (an unknown one reads as text); raises FormatError (alias
    MarkupError) for a document that cannot be read as its format."""
    formats = _by_name()
    document = formats.get(source.format, formats[FALLBACK]).parse(source)
    return read_as_html(document) or document


__all__ = [
    "FALLBACK",
    "FormatError",
    "InputFormat",
    "MarkupError",
    "format_for",
    "input_formats",
    "names",
    "parse",
    "suffixes",
]
