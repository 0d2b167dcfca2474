"""Postings from ATS exports: JSON Lines, CSV or a JSON array of records, one posting per record.

Each record's text is linted like a file named `EXPORT#ID`; location, salary and title fields become the
document's metadata, so the pay and jurisdiction rules see them. A malformed row is reported with its
line number and skipped; the rest are linted.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import formats
from .formats import MarkupError, parse
from .model import InputError
from .source import Source


@dataclass(frozen=True)
class Fields:
    text: str = "text"
    id: str = "id"
    location: str | None = None
    salary: str | None = None
    title: str | None = None
    format: str | None = None


METADATA = ("location", "salary", "title")  # record fields the pay and jurisdiction rules read


def to_document(name: str, text: str, fmt: object, metadata: dict):
    """One record as a Document: its text parsed as `fmt` (an input format's name, e.g. text, markdown or
    html; anything else is text), with the filled-in metadata fields. Raises MarkupError. Shared with the
    Spark engine."""
    fmt = str(fmt or formats.FALLBACK).lower()
    document = parse(Source(name, text, format=fmt if fmt in formats.names() else formats.FALLBACK))
    for key in METADATA:
        if metadata.get(key) not in (None, ""):
            document.metadata[key] = metadata[key]
    return document


_SURROGATE = re.compile("[\ud800-\udfff]")
_BOM = b"\xef\xbb\xbf"


def _json(text: str) -> object:
    """The value of one JSON text, or why it is not one: the limits Python's parser enforces (nesting depth,
    digits in an integer) fail that record only."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return f"not valid JSON ({exc.msg})"
    except RecursionError:
        return "not valid JSON (nested too deeply)"
    except ValueError as exc:  # an integer with more digits than Python converts
        return f"not valid JSON ({str(exc).split(':')[0]})"


def _counted(lines: Iterable[str], seen: list[int]) -> Iterator[str]:
    for line in lines:
        seen[0] += 1
        yield line


def _csv_rows(text: str) -> Iterator[tuple[int, object]]:
    """A CSV field error (an unclosed quote, a field over csv.field_size_limit) is that row's error; reading
    goes on with the next line."""
    seen = [0]
    reader = csv.DictReader(_counted(io.StringIO(text, newline=""), seen))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield seen[0], f"not valid CSV ({exc})"
            continue
        yield reader.line_num, row


def _rows(path: str) -> Iterator[tuple[int, object]]:
    """(line or index, row or error message) for each record of the export. Bytes that are not UTF-8 are kept
    as lone surrogates (surrogateescape) so that only the records holding them fail."""
    lower = path.lower()
    with open(path, "rb") as handle:
        data = handle.read()
    data = data.removeprefix(_BOM)
    if lower.endswith(".csv"):
        yield from _csv_rows(data.decode("utf-8", "surrogateescape"))
    elif lower.endswith(".json"):
        document = _json(data.decode("utf-8", "surrogateescape"))
        if isinstance(document, str):
            yield 1, document
        elif not isinstance(document, list):
            yield 1, "a .json export must hold a list of records"
        else:
            yield from enumerate(document, 1)
    else:
        for number, raw in enumerate(data.split(b"\n"), 1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, f"not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
                continue
            yield number, _json(line)


def _bad_characters(row: dict, keys: Iterable[str | None]) -> str | None:
    """Why a field the linter reads cannot be text: a lone surrogate (a JSON escape such as \\ud800, or a
    byte that was not UTF-8)."""
    for key in keys:
        value = row.get(key) if key else None
        if isinstance(value, str) and (found := _SURROGATE.search(value)):
            char = found.group()
            if "\udc80" <= char <= "\udcff":
                return f"field '{key}' holds a byte that is not UTF-8 (0x{ord(char) - 0xDC00:02x})"
            return f"field '{key}' holds a lone surrogate (U+{ord(char):04X}), which is not text"
    return None


def read(path: str, fields: Fields) -> Iterator:
    """Documents (with metadata) or InputErrors, in the export's order."""
    where = "line" if not path.lower().endswith(".json") else "record"
    try:
        for number, row in _rows(path):
            if isinstance(row, str):
                yield InputError(path, f"{path}: {where} {number}: {row}; skipped")
                continue
            if not isinstance(row, dict):
                yield InputError(path, f"{path}: {where} {number}: not a record (an object with fields); skipped")
                continue
            text = row.get(fields.text)
            if not isinstance(text, str):
                yield InputError(path, f"{path}: {where} {number}: no text in field '{fields.text}'; skipped")
                continue
            problem = _bad_characters(
                row, [fields.text, fields.id, fields.format, *(getattr(fields, k) for k in METADATA)]
            )
            if problem:
                yield InputError(path, f"{path}: {where} {number}: {problem}; skipped")
                continue
            record_id = row.get(fields.id)
            name = f"{path}#{record_id if record_id not in (None, '') else number}"
            try:
                yield to_document(
                    name,
                    text,
                    row.get(fields.format) if fields.format else None,
                    {key: row.get(getattr(fields, key)) for key in METADATA if getattr(fields, key)},
                )
            except MarkupError as exc:
                yield InputError(name, f"{path}: {where} {number}: {exc}; skipped")
    except FileNotFoundError:
        yield InputError(path, f"{path}: no such file")
    except (OSError, UnicodeDecodeError) as exc:
        yield InputError(path, f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")
