"""Postings from ATS exports: JSON Lines, CSV or a JSON array of records, one posting per record.

Each record's text is linted like a file named `EXPORT#ID`; location, salary and title fields become the
document's metadata, so the pay and jurisdiction rules see them. A malformed row is reported with its
line number and skipped; the rest are linted.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
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


def _rows(path: str) -> Iterator[tuple[int, object]]:
    """(line or index, row or error message) for each record of the export."""
    lower = path.lower()
    with open(path, encoding="utf-8-sig", newline="") as handle:
        if lower.endswith(".csv"):
            reader = csv.DictReader(handle)
            try:
                for row in reader:
                    yield reader.line_num, row
            except csv.Error as exc:
                yield reader.line_num, f"not valid CSV ({exc})"
        elif lower.endswith(".json"):
            try:
                data = json.load(handle)
            except ValueError as exc:
                yield 1, f"not valid JSON ({exc})"
                return
            if not isinstance(data, list):
                yield 1, "a .json export must hold a list of records"
                return
            for number, row in enumerate(data, 1):
                yield number, row
        else:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    yield number, f"not valid JSON ({exc.msg})"


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
            except Exception as exc:  # a bug in parsing one record must not lose the others
                yield InputError.internal(name, "parsing", exc, where=f"{path}: {where} {number}")
    except FileNotFoundError:
        yield InputError(path, f"{path}: no such file")
    except (OSError, UnicodeDecodeError) as exc:
        yield InputError(path, f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")
