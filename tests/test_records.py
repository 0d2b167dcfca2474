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
