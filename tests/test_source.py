from __future__ import annotations

import codecs

import pytest

from jdlint.source import DEFAULT_MAX_BYTES, LineIndex, SourceError, decode, parse_size, read_path


def test_utf8_with_and_without_bom():
    plain = decode("Café\r\nline".encode(), "a.txt", "text")
    assert (plain.text, plain.encoding, plain.bom, plain.newline) == ("Café\r\nline", "utf-8", False, "\r\n")
    bom = decode(codecs.BOM_UTF8 + "Café\n".encode(), "a.txt", "text")
    assert (bom.text, bom.bom, bom.newline) == ("Café\n", True, "\n")


def test_utf16_with_bom():
    source = decode("Zürich role\n".encode("utf-16"), "a.txt", "text")
    assert source.text == "Zürich role\n" and source.encoding == "utf-16" and source.bom


def test_legacy_encoding_is_detected_not_fatal():
    text = "We’re hiring a café manager – apply today, the team is friendly and the pay is fair."
    source = decode(text.encode("cp1252"), "a.txt", "text")
    assert source.text == text
    assert source.encoding != "utf-8" and source.detected


def test_binary_is_an_error():
    with pytest.raises(SourceError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "logo.txt", "text")


def test_the_format_is_the_callers():
    assert decode(b"x", "a.txt", "markdown").format == "markdown"
    assert decode(codecs.BOM_UTF8 + b"x", "a.md", "html").format == "html"


def test_read_path_errors(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_path(tmp_path / "missing.txt", DEFAULT_MAX_BYTES, "text")
    with pytest.raises(SourceError, match="is a directory"):
        read_path(tmp_path, DEFAULT_MAX_BYTES, "text")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    with pytest.raises(SourceError, match="over the 1,000-byte limit"):
        read_path(big, 1000, "text")
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(SourceError, match="no such file"):
        read_path(dangling, DEFAULT_MAX_BYTES, "text")


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("hello")

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(SourceError, match="cannot read \\(Permission denied\\)"):
        read_path(path, DEFAULT_MAX_BYTES, "text")


def test_empty_file_reads_as_empty(tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    assert read_path(path, DEFAULT_MAX_BYTES, "markdown").text == ""


def test_line_index_counts_every_newline_style():
    index = LineIndex("ab\r\ncd\ref\ngh")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 1)
    assert index.position(7) == (3, 1)
    assert index.position(10) == (4, 1)
    assert index.position(11) == (4, 2)
    assert index.offset(3, 2) == 8


@pytest.mark.parametrize(
    "value, size", [("1TB", 1024**4), ("5MB", 5 * 1024 * 1024), ("512k", 512 * 1024), (100, 100), ("2 kb", 2048)]
)
def test_parse_size(value, size):
    assert parse_size(value) == size


@pytest.mark.parametrize(
    "value", ["lots", 0, "-1MB", True, "inf", "-inf", "nan", "infMB", "1e30", "1e400", "2TB", 10**30, "-5", "0.1"]
)
def test_parse_size_rejects(value):
    with pytest.raises(ValueError):
        parse_size(value)


def _reporting_size(monkeypatch, size):
    """os.stat as jdlint.source sees it, giving every file `size` bytes: a file that grew after it was looked at,
    or one of /proc's, which report no size at all."""
    import os

    real = os.stat

    def stat(path, *args, **kwargs):
        found = real(path, *args, **kwargs)
        return os.stat_result((*found[:6], size, *found[7:]))

    monkeypatch.setattr("jdlint.source.os.stat", stat)


def test_a_file_larger_than_its_reported_size_is_read_whole(tmp_path, monkeypatch):
    posting = tmp_path / "growing.txt"
    posting.write_text("Senior nurse, day shifts. " * 40)
    for reported in (0, 10):
        _reporting_size(monkeypatch, reported)
        assert read_path(posting, DEFAULT_MAX_BYTES, "text").text == "Senior nurse, day shifts. " * 40


def test_a_file_that_grew_past_the_limit_is_refused(tmp_path, monkeypatch):
    posting = tmp_path / "growing.txt"
    posting.write_bytes(b"a" * 2000)
    _reporting_size(monkeypatch, 10)
    with pytest.raises(SourceError, match="over the 1,000-byte limit"):
        read_path(posting, 1000, "text")


def test_a_file_is_read_in_a_buffer_of_its_own_size(tmp_path, monkeypatch):
    """Not one of the size limit (5 MB by default) for every posting of a batch."""
    import io

    asked: list[int] = []
    real_read = io.BufferedReader.read

    class Recording(io.BufferedReader):
        def read(self, size=-1):
            asked.append(size)
            return real_read(self, size)

    real_open = open
    monkeypatch.setattr("builtins.open", lambda name, mode="r": Recording(real_open(name, "rb", buffering=0)))
    posting = tmp_path / "posting.txt"
    posting.write_bytes(b"Line cook wanted.")
    assert read_path(posting, DEFAULT_MAX_BYTES, "text").text == "Line cook wanted."
    assert asked == [len(b"Line cook wanted.") + 1]
