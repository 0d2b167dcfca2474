"""Postings from ATS exports: JSON Lines, CSV or a JSON array of records, one posting per record.

Each record's text is linted like a file named `EXPORT#ID`; location, salary and title fields become the
document's metadata, so the pay and jurisdiction rules see them, and a language field names its language.
A malformed row (bad JSON or CSV, a byte that is not UTF-8, a lone surrogate, nesting or digits past Python's
limits) is reported with its line number and skipped; the rest are linted.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import budget, formats
from .formats import MarkupError, parse
from .language.detect import RECORD_KEY
from .model import InputError
from .printable import escaped_byte, first_surrogate, has_surrogates
from .source import Source


@dataclass(frozen=True)
class Fields:
    text: str = "text"
    id: str = "id"
    location: str | None = None
    salary: str | None = None
    title: str | None = None
    format: str | None = None
    language: str | None = None


# record fields the linter reads besides the text: the pay and jurisdiction rules' (location, salary, title)
# and the posting's language (kept under detect.RECORD_KEY, apart from a front-matter `language`)
METADATA = ("location", "salary", "title", "language")


def to_document(name: str, text: str, fmt: object, metadata: dict, timeout: float | None = None):
    """One record as a Document: its text parsed as `fmt` (an input format's name, e.g. text, markdown or
    html; anything else is text), with the filled-in metadata fields, within `timeout` seconds (the posting's
    time budget; None: no limit). Raises MarkupError or TimeBudgetExceeded. Shared with the Spark engine."""
    fmt = str(fmt or formats.FALLBACK).lower()
    with budget.limit(timeout, "while parsing"):
        document = parse(Source(name, text, format=fmt if fmt in formats.names() else formats.FALLBACK))
    for key in METADATA:
        if metadata.get(key) not in (None, ""):
            document.metadata[RECORD_KEY if key == "language" else key] = metadata[key]
    return document


_BOM = b"\xef\xbb\xbf"


def _json(text: str) -> object:
    """The value of one JSON text, or why it is not one: the limits Python's parser enforces (nesting depth,
    digits in an integer) fail that record only."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return f"not valid JSON ({exc.msg})"
    except (RecursionError, ValueError) as exc:
        return _json_problem(exc)


def _json_problem(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "not valid JSON (nested too deeply)"
    return f"not valid JSON ({str(exc).split(':')[0]})"  # an integer with more digits than Python converts


_SCALAR_END = re.compile(r'"(?:[^"\\]|\\.)*"|[^,\]\s]*', re.S)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos


def _value_end(text: str, pos: int) -> int:
    """Where the JSON value at `pos` ends, found by brackets and strings alone (no nesting limit), or -1."""
    if text[pos : pos + 1] not in ("[", "{"):
        match = _SCALAR_END.match(text, pos)
        return match.end() if match and match.end() > pos else -1
    depth = 0
    in_string = escaped = False
    for index in range(pos, len(text)):
        char = text[index]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index + 1
    return -1


def _json_records(text: str) -> Iterator[tuple[int, object]]:
    """The records of a JSON array one by one: a record past Python's limits fails alone; a syntax error ends
    the export there (the records before it are linted)."""
    decoder = json.JSONDecoder()
    pos = _skip_space(text, 0)
    if not text.startswith("[", pos):
        document = _json(text)
        yield 1, document if isinstance(document, str) else "a .json export must hold a list of records"
        return
    pos = _skip_space(text, pos + 1)
    number = 0
    while not (number == 0 and text.startswith("]", pos)):  # [] holds no records
        number += 1
        try:
            row, after = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield number, f"not valid JSON ({exc.msg} at line {exc.lineno}; reading stops here)"
            return
        except (RecursionError, ValueError) as exc:
            after = _value_end(text, pos)
            yield number, _json_problem(exc)
            if after < 0:
                return
        else:
            yield number, row
        pos = _skip_space(text, after)
        if text.startswith(",", pos):
            pos = _skip_space(text, pos + 1)
        elif text.startswith("]", pos):
            break
        else:
            yield number + 1, "not valid JSON (expected ',' or ']' after the record before)"
            return
    if _skip_space(text, pos + 1) != len(text):
        yield number + 1, "not valid JSON (extra data after the list)"


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
        yield from _json_records(data.decode("utf-8", "surrogateescape"))
    else:
        for number, raw in enumerate(data.split(b"\n"), 1):
            if raw.strip():
                yield number, json_line(raw.decode("utf-8", "surrogateescape"))


def json_line(line: str) -> object:
    """The value of one JSON Lines line, or why it is none: bytes that are not UTF-8 (held as lone surrogates,
    surrogateescape) or not valid JSON. Shared with the Spark engine, for the lines its reader could not parse."""
    if has_surrogates(line):
        try:
            raw = line.encode("utf-8", "surrogateescape")
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return f"not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
        except UnicodeEncodeError:
            pass  # a lone surrogate that stands for no byte: the record's field check names it
    return _json(line)


def bad_characters(row: dict, keys: Iterable[str | None]) -> str | None:
    """Why a field the linter reads cannot be text: a lone surrogate (a JSON escape such as \\ud800, or a
    byte that was not UTF-8). Shared with the Spark engine."""
    for key in keys:
        value = row.get(key) if key else None
        if isinstance(value, str) and (char := first_surrogate(value)):
            byte = escaped_byte(char)
            if byte is not None:
                return f"field '{key}' holds a byte that is not UTF-8 (0x{byte:02x})"
            return f"field '{key}' holds a lone surrogate (U+{ord(char):04X}), which is not text"
    return None


def read(path: str, fields: Fields, timeout: float | None = None) -> Iterator:
    """Documents (with metadata) or InputErrors, in the export's order; a record whose parsing takes longer than
    `timeout` seconds is its error."""
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
            problem = bad_characters(
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
                    timeout,
                )
            except MarkupError as exc:
                yield InputError(name, f"{path}: {where} {number}: {exc}; skipped")
            except Exception as exc:  # a bug in parsing one record must not lose the others
                yield InputError.internal(name, "parsing", exc, where=f"{path}: {where} {number}")
    except FileNotFoundError:
        yield InputError(path, f"{path}: no such file")
    except (OSError, UnicodeDecodeError) as exc:
        yield InputError(path, f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")
