"""jdlint.batch: one way in for paths, stdin and exports, with the input count for a progress bar."""

from __future__ import annotations

from jdlint.batch import lint_inputs
from jdlint.catalog import load_catalog
from jdlint.config import ConfigResolver
from jdlint.model import FileResult, InputError
from jdlint.records import Fields

DIRTY = "We are hiring a salesman for our Denver office.\n"


def kinds(items) -> list[str]:
    return [type(item).__name__ for item in items]


def test_paths_count_every_input_and_keep_errors_in_order(tmp_path):
    posting = tmp_path / "posting.txt"
    posting.write_text(DIRTY)
    total, items = lint_inputs([str(tmp_path / "missing.txt"), str(tmp_path)], ConfigResolver(load_catalog()), jobs=1)
    assert (total, kinds(items)) == (2, ["InputError", "FileResult"])


def test_records_are_read_with_their_fields(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text('{"ref": "a", "body": "We need a salesman."}\nnot json\n')
    total, items = lint_inputs(
        [], ConfigResolver(load_catalog()), records=str(export), fields=Fields("body", "ref"), jobs=1, want_metrics=True
    )
    first, second = list(items)
    assert total == 2 and isinstance(first, FileResult) and isinstance(second, InputError)
    assert first.path == f"{export}#a" and first.metrics is not None and [f.code for f in first.findings] == ["JD201"]


def test_stdin_is_linted_under_its_name():
    total, items = lint_inputs(
        ["-"], ConfigResolver(load_catalog()), stdin_data=DIRTY.encode(), stdin_name="posting.md"
    )
    [result] = list(items)
    assert total == 1 and isinstance(result, FileResult) and (result.path, result.format) == ("posting.md", "markdown")
