"""A short --fix round trip (benchmarks/fix_roundtrip.py has the long one): one posting in each encoding and
newline style, fixed twice by the real command; nothing changes outside the edits, no metadata changes, and the
second run changes nothing."""

from __future__ import annotations

import importlib.util
import os
import sys

from jdlint.catalog import load_catalog
from jdlint.config import ConfigResolver

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _benchmark():
    spec = importlib.util.spec_from_file_location("fix_roundtrip", os.path.join(ROOT, "benchmarks", "fix_roundtrip.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_round_trip_in_every_encoding_and_newline_style():
    bench = _benchmark()
    table = bench.roundtrip(len(bench.ENCODINGS) * len(bench.NEWLINES), False, 15, ConfigResolver(load_catalog()))
    runs = table.pop("runs")
    assert runs["exit codes"] == (0, 0) and runs["errors"] == []
    assert set(table) == {(e, n) for e in bench.ENCODINGS for n in bench.NEWLINES}
    for cell, row in table.items():
        assert row["files"] == 1 and row["changed"] == 1, cell
        assert (row["outside"], row["metadata"], row["second"]) == (0, 0, 0), cell
    assert runs["second summary"] == ["Fixed 0 files."]
    assert sum(row["notes"] for row in table.values()) > 0  # some fixes cp1252 or Latin-1 cannot write, noted
