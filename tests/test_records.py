"""Records from ATS exports: JSON Lines, CSV and JSON, metadata feeding the pay rules, bad rows skipped."""

from __future__ import annotations

import json

from click.testing import CliRunner

from jdlint.cli import main

BODY = (
    "You will visit outdoor shops across the state, take orders, plan seasonal stock with buyers and keep our "
    "records tidy. We train you on our products in the first month. Apply with a short note about yourself."
)


def run(*args):
    return CliRunner().invoke(main, ["check", "--exit-zero", "--date", "2026-11-26", *args])


def test_jsonl_records_with_metadata_and_bad_rows(tmp_path):
    export = tmp_path / "export.jsonl"
    rows = [
        json.dumps({"id": "a1", "body": "We need a salesman. " + BODY, "where": "Denver, CO"}),
        "{not json",
        json.dumps({"id": "a2", "body": BODY, "where": "Denver, CO", "pay": "$60,000 - $70,000"}),
        json.dumps({"id": "a3", "title": "no text here"}),
    ]
    export.write_text("\n".join(rows) + "\n")
    result = run(
        "--records",
        str(export),
        "--text-field",
        "body",
        "--location-field",
        "where",
        "--salary-field",
        "pay",
        "--format",
        "jsonl",
    )
    assert result.exit_code == 2  # the bad rows are input errors
    assert (
        f"{export}: line 2: not valid JSON" in result.stderr
        and f"{export}: line 4: no text in field 'body'" in result.stderr
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["path"] for line in lines] == [f"{export}#a1", f"{export}#a2"]
    first = {f["code"]: f for f in lines[0]["findings"]}
    assert "JD201" in first and first["JD501"]["severity"] == "error" and "Colorado" in first["JD501"]["message"]
    assert "JD501" not in {f["code"] for f in lines[1]["findings"]}  # pay given in the record's salary field


def test_csv_and_json_exports(tmp_path):
    csv_export = tmp_path / "export.csv"
    csv_export.write_text('id,text\nc1,"We need a salesman."\nc2,"We need a salesperson."\n')
    data = json.loads(run("--records", str(csv_export), "--format", "json").stdout)
    assert [f["path"].rsplit("#", 1)[1] for f in data["files"]] == ["c1", "c2"]
    assert [f["code"] for f in data["files"][0]["findings"]] == ["JD201"]
    json_export = tmp_path / "export.json"
    json_export.write_text(json.dumps([{"id": 1, "text": "<p>A <b>salesman</b></p>", "kind": "html"}]))
    data = json.loads(run("--records", str(json_export), "--format-field", "kind", "--format", "json").stdout)
    assert data["files"][0]["format"] == "html" and data["files"][0]["findings"][0]["text"] == "salesman"


def test_records_refuse_paths(tmp_path):
    result = run("--records", str(tmp_path / "x.jsonl"), str(tmp_path))
    assert result.exit_code == 2 and "--records lints an export on its own" in result.stderr
    missing = run("--records", str(tmp_path / "x.jsonl"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def _paths(result) -> list[str]:
    return [json.loads(line)["path"].rsplit("#", 1)[1] for line in result.stdout.splitlines()]


def test_jsonl_rows_past_python_limits_fail_alone(tmp_path):
    export = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"id": "first", "text": BODY}),
        "[" * 100_000 + "]" * 100_000,  # deeper than the recursion limit
        '{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}",  # more digits than int() converts
        '{"id": "lone", "text": "a \\ud800 b"}',  # a surrogate escape that is no character
        json.dumps({"id": "last", "text": BODY}),
    ]
    export.write_text("\n".join(lines) + "\n")
    result = run("--records", str(export), "--format", "jsonl")
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert errors == [
        f"jdlint: error: {export}: line 2: not valid JSON (nested too deeply); skipped",
        f"jdlint: error: {export}: line 3: not valid JSON (Exceeds the limit (4300 digits) for integer string "
        "conversion); skipped",
        f"jdlint: error: {export}: line 4: field 'text' holds a lone surrogate (U+D800), which is not text; skipped",
    ]
    assert _paths(result) == ["first", "last"]


def test_an_undecodable_byte_fails_its_jsonl_line_only(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_bytes(
        b'\xef\xbb\xbf{"id": "a", "text": "One."}\r\n'
        b'{"id": "b", "text": "bad \xff byte"}\r\n'
        b'{"id": "c", "text": "Three."}\r\n'
    )
    result = run("--records", str(export), "--format", "jsonl")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"jdlint: error: {export}: line 2: not UTF-8 (byte 0xff at column 26); skipped"
    ]
    assert _paths(result) == ["a", "c"]


def test_an_undecodable_byte_fails_its_json_record_and_csv_row_only(tmp_path):
    json_export = tmp_path / "export.json"
    json_export.write_bytes(
        b'[{"id": "a", "text": "One."}, {"id": "b", "text": "bad \xff"}, {"id": "c", "text": "Three."}]'
    )
    result = run("--records", str(json_export), "--format", "jsonl")
    assert result.stderr.splitlines() == [
        f"jdlint: error: {json_export}: record 2: field 'text' holds a byte that is not UTF-8 (0xff); skipped"
    ]
    assert _paths(result) == ["a", "c"]
    csv_export = tmp_path / "export.csv"
    csv_export.write_bytes(b"id,text\na,One.\nb,bad \xff\nc,Three.\n")
    result = run("--records", str(csv_export), "--format", "jsonl")
    assert result.stderr.splitlines() == [
        f"jdlint: error: {csv_export}: line 3: field 'text' holds a byte that is not UTF-8 (0xff); skipped"
    ]
    assert _paths(result) == ["a", "c"]


def test_a_csv_field_error_fails_its_row_and_the_next_rows_are_linted(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text('id,text\na,One.\nb,"' + "x" * 200_000 + '"\nc,Three.\nd,Four.\n')
    result = run("--records", str(export), "--format", "jsonl")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"jdlint: error: {export}: line 3: not valid CSV (field larger than field limit (131072)); skipped"
    ]
    assert _paths(result) == ["a", "c", "d"]


def test_json_array_records_past_python_limits_fail_alone(tmp_path):
    good = json.dumps({"id": "a", "text": "One."})
    deep = '{"id": "deep", "text": "x", "n": ' + "[" * 100_000 + '"]\\"{"' + "]" * 100_000 + "}"
    big = '{"id": "big", "text": "y", "n": ' + "9" * 5000 + "}"
    export = tmp_path / "export.json"
    export.write_text(f"[\n{good},\n{deep},\n{big},\n" + json.dumps({"id": "c", "text": "Three."}) + "\n]\n")
    result = run("--records", str(export), "--format", "jsonl")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"jdlint: error: {export}: record 2: not valid JSON (nested too deeply); skipped",
        f"jdlint: error: {export}: record 3: not valid JSON (Exceeds the limit (4300 digits) for integer string "
        "conversion); skipped",
    ]
    assert _paths(result) == ["a", "c"]
    broken = tmp_path / "broken.json"
    broken.write_text(f"[{good}, {{bad}}, {good}]")
    result = run("--records", str(broken), "--format", "jsonl")
    assert result.stderr.splitlines() == [
        f"jdlint: error: {broken}: record 2: not valid JSON (Expecting property name enclosed in double quotes at "
        "line 1; reading stops here); skipped"
    ]
    assert _paths(result) == ["a"]
    for text, problem in [("[]", None), ('{"a": 1}', "record 1: a .json export must hold a list of records")]:
        broken.write_text(text)
        result = run("--records", str(broken), "--format", "jsonl")
        assert result.stdout == "" and (problem in result.stderr if problem else result.stderr == "")
