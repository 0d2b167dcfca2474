"""The JSON report is written a file at a time; the bytes must be those of dumping the whole document at once."""

from __future__ import annotations

import json
import random

from jdlint.config import Config
from jdlint.formats import parse
from jdlint.linter import Linter
from jdlint.report import json_report
from jdlint.source import Source

POSTINGS = [
    ("a.txt", "We need a rockstar salesman.\nHe will lead.\n", "text"),
    ("b.md", '---\ntitle: "Chairman \\"Ops\\""\n---\n# Ninja wanted\n\nNative English speaker, 25-35.\n', "markdown"),
    ("c.html", '<p>Caf\u00e9 \u2014 \u00fcber \U0001f600 "quoted"\ttab</p>', "html"),
    ("d.txt", "", "text"),
]


def whole(results) -> str:
    return json.dumps(json_report.document(results), indent=2, ensure_ascii=False) + "\n"


def test_render_is_byte_identical_to_dumping_the_whole_document():
    linter = Linter(Config())
    results = list(linter.lint([parse(Source(p, t, format=f)) for p, t, f in POSTINGS], want_metrics=True))
    assert any(r.findings for r in results)
    for count in range(len(results) + 1):
        assert json_report.render(results[:count]) == whole(results[:count])


def _value(rng: random.Random, depth: int):
    kinds = ["str", "int", "float", "none", "bool"] + (["list", "dict"] if depth < 3 else [])
    kind = rng.choice(kinds)
    if kind == "str":
        return "".join(rng.choice('ab "\\\n\t\u00e9\u2028\U0001f600{}[],:') for _ in range(rng.randrange(6)))
    if kind == "int":
        return rng.randrange(-1000, 1000)
    if kind == "float":
        return rng.uniform(-1e6, 1e6)
    if kind == "none":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "list":
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {f"k{i}\n": _value(rng, depth + 1) for i in range(rng.randrange(4))}


def test_listing_matches_json_dumps_on_generated_documents():
    rng = random.Random(19)
    for _ in range(500):
        items = [_value(rng, 1) for _ in range(rng.randrange(4))]
        head = {f"h{i}": _value(rng, 1) for i in range(rng.randrange(3))}
        head["files"] = []
        head.update({f"t{i}": _value(rng, 1) for i in range(rng.randrange(3))})
        expected = json.dumps({**head, "files": items}, indent=2, ensure_ascii=False)
        assert json_report.dumps_listing(head, "files", iter(items)) == expected


def test_pieces_hold_one_file_each_and_join_to_the_render():
    linter = Linter(Config())
    results = list(linter.lint([parse(Source(p, t, format=f)) for p, t, f in POSTINGS], want_metrics=True))
    pieces = list(json_report.render_pieces(results))
    assert "".join(pieces) == whole(results)
    for path, _, _ in POSTINGS:  # each file's data is made (and can be written) on its own
        assert sum(f'"path": "{path}"' in piece for piece in pieces) == 1


def test_the_cli_writes_json_piece_by_piece(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from jdlint.cli import main

    for name, text, _ in POSTINGS:
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / name) for name, _, _ in POSTINGS]
    expected = whole(list(Linter(Config()).lint([parse(Source(p, t, format=f)) for p, t, f in POSTINGS], True)))

    def held_whole(*_args, **_kwargs):
        raise AssertionError("the CLI rendered the whole report at once")

    monkeypatch.setattr(json_report, "render", held_whole)
    out = tmp_path / "report.json"
    args = ["check", "--exit-zero", "--format", "json"]
    also = f"json={tmp_path / 'also.json'}"
    written = CliRunner().invoke(main, [*args, "-o", str(out), "--also-write", also, *paths])
    printed = CliRunner().invoke(main, [*args, *paths])
    assert written.exit_code == 0 and printed.exit_code == 0, written.output + printed.output
    for text in (out.read_text(encoding="utf-8"), (tmp_path / "also.json").read_text(encoding="utf-8"), printed.stdout):
        assert json.loads(text)["files"][0]["findings"]
        assert text.replace(str(tmp_path) + "/", "") == expected
