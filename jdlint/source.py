"""Bytes to text: BOM and UTF-8 first, charset-normalizer for anything else.

The decoded text is kept exactly as in the file (newlines included), so every
offset the engine reports is an offset the user's editor agrees with.
"""

from __future__ import annotations

import bisect
import codecs
import math
import os
import stat
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_UTF16_BOMS = (  # (BOM, encoding, byte order): UTF-32 LE first, its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32", "le"),
    (codecs.BOM_UTF32_BE, "utf-32", "be"),
    (codecs.BOM_UTF16_LE, "utf-16", "le"),
    (codecs.BOM_UTF16_BE, "utf-16", "be"),
)


class SourceError(Exception):
    """A problem reading one input; its message is a single line for the user."""


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str = "utf-8"  # how the bytes were decoded ("utf-8" also covers a UTF-8 BOM)
    bom: bool = False
    newline: str = "\n"  # the dominant newline, kept for --fix
    format: str = "text"  # an input format's name (jdlint.formats); chosen by whoever reads the file
    detected: bool = False  # True when the encoding was guessed rather than known
    byte_order: str = ""  # "le" or "be" for UTF-16/32 (from the BOM), so --fix writes the bytes back in that order


class LineIndex:
    """Offset <-> (line, column) for a text, counting \\n, \\r\\n and lone \\r as breaks."""

    def __init__(self, text: str) -> None:
        starts = [0]
        i, n = 0, len(text)
        find_cr, find_lf = text.find, text.find
        while True:
            cr = find_cr("\r", i)
            lf = find_lf("\n", i)
            if cr == -1 and lf == -1:
                break
            if cr != -1 and (lf == -1 or cr < lf):
                nxt = cr + 2 if cr + 1 < n and text[cr + 1] == "\n" else cr + 1
            else:
                nxt = lf + 1
            starts.append(nxt)
            i = nxt
        self.starts = starts
        self.length = n

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"), key=lambda pair: pair[0])
    return best[1] if best[0] else "\n"


def decode(data: bytes, path: str, fmt: str) -> Source:
    """Decode bytes into a Source of format `fmt` (the caller asks jdlint.formats); SourceError when not text."""
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data, "utf-8", path, 3)
        return Source(path, text, "utf-8", True, dominant_newline(text), fmt)
    for bom, encoding, order in _UTF16_BOMS:
        if data.startswith(bom):
            text = _strict(data, f"{encoding}-{order}", path, len(bom))
            return Source(path, text, encoding, True, dominant_newline(text), fmt, byte_order=order)
    if b"\x00" in data[:8192]:
        raise SourceError(f"{path}: looks like a binary file (NUL bytes), not a posting")
    try:
        text = data.decode("utf-8")
        return Source(path, text, "utf-8", False, dominant_newline(text), fmt)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only paid for files that are not UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise SourceError(f"{path}: cannot tell the text encoding; save it as UTF-8")
    text = str(best)
    encoding = codecs.lookup(best.encoding).name
    return Source(path, text, encoding, False, dominant_newline(text), fmt, detected=True)


def _strict(data: bytes, encoding: str, path: str, skip: int = 0) -> str:
    """`data` after its first `skip` bytes (the BOM) decoded; an error names the byte's offset in the file."""
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: invalid {encoding} at byte {skip + exc.start}; save it as UTF-8") from None


def read_path(path: str | os.PathLike, max_bytes: int, fmt: str) -> Source:
    """Read one file as format `fmt`; every failure becomes a SourceError with a one-line message."""
    return decode(read_bytes(path, max_bytes), str(path), fmt)


def read_bytes(path: str | os.PathLike, max_bytes: int) -> bytes:
    """A regular file's bytes, at most `max_bytes`; every failure becomes a SourceError with a one-line message."""
    name = str(path)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise SourceError(f"{name}: no such file") from None
    except OSError as exc:
        raise SourceError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{name}: is a directory; pass it to `jdlint check` as a path to search") from None
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{name}: not a regular file")
    if info.st_size > max_bytes:
        raise SourceError(
            f"{name}: {info.st_size:,} bytes is over the {max_bytes:,}-byte limit; raise max-file-size to lint it"
        )
    try:
        with open(name, "rb") as handle:
            # as many bytes as the file holds, and one more to see whether it grew: a read of max_bytes + 1 makes a
            # buffer of that size (megabytes) for every posting. One that grew (or, like /proc's, gives no size) is
            # read on to the limit
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise SourceError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise SourceError(f"{name}: over the {max_bytes:,}-byte limit; raise max-file-size to lint it")
    return data


MAX_SIZE_LIMIT = 1024**4  # 1 TB: a larger limit is a typo (no posting is near it, and a bigger int overflows indexes)


def parse_size(value: str | int) -> int:
    """'5MB', '512k', 1048576 -> bytes: positive, finite and at most MAX_SIZE_LIMIT."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value <= 0:
            raise ValueError("must be positive")
        if value > MAX_SIZE_LIMIT:
            raise ValueError("must be at most 1TB")
        return value
    if not isinstance(value, str):
        raise ValueError("must be a size like 5MB")
    text = value.strip().lower().replace(" ", "")
    units = {
        "tb": 1024**4,
        "t": 1024**4,
        "gb": 1024**3,
        "g": 1024**3,
        "mb": 1024**2,
        "m": 1024**2,
        "kb": 1024,
        "k": 1024,
        "b": 1,
    }
    # the first unit the text ends with, in the table's order ("mb" before "b"); a bare number is bytes
    unit = next((unit for unit in units if text.endswith(unit)), "")
    number, factor = (text[: -len(unit)], units[unit]) if unit else (text, 1)
    try:
        amount = float(number) * factor
    except ValueError:
        raise ValueError(f"'{value}' is not a size like 5MB") from None
    if not math.isfinite(amount):  # inf, nan (and overflowing exponents) are no limit at all
        raise ValueError(f"'{value}' is not a size like 5MB")
    if amount > MAX_SIZE_LIMIT:
        raise ValueError("must be at most 1TB")
    size = int(amount)
    if size <= 0:
        raise ValueError("must be positive")
    return size
