"""The Spark engine on a local[2] session: the same findings, metrics and audit as the CLI; bad rows are errors."""

from __future__ import annotations

import datetime
import json

import pytest
from click.testing import CliRunner
from postings_factory import postings

from jdlint.cli import main
from jdlint.config import Config

DATE = "2026-11-26"
FIELDS = [
    "--text-field",
    "text",
    "--id-field",
    "id",
    "--location-field",
    "location",
    "--salary-field",
    "salary",
    "--title-field",
    "title",
    "--format-field",
    "format",
]
SCHEMA = "id string, text string, format string, title string, location string, salary string"


@pytest.fixture(scope="module")
def spark():
    from jdlint.spark import session

    active = session("local[2]", app_name="jdlint tests")
    yield active
    active.stop()


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    rows = postings(200)
    path = tmp_path_factory.mktemp("export") / "postings.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path, rows


def cli_json(*args) -> dict:
    result = CliRunner().invoke(main, [*args, "--date", DATE])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_findings_and_metrics_equal_the_cli_field_for_field(spark, export):
    from jdlint.spark import lint_dataframe

    path, rows = export
    expected = {
        entry["path"].rsplit("#", 1)[1]: entry
        for entry in cli_json("check", "--records", str(path), *FIELDS, "--format", "json")["files"]
    }
    assert len(expected) == 200

    linted = lint_dataframe(
        spark.createDataFrame(rows, SCHEMA),
        id="id",
        title="title",
        location="location",
        salary="salary",
        format="format",
        config=Config(lint_date=datetime.date(2026, 11, 26)),
    )
    found: dict[str, list] = {row["id"]: [] for row in rows}
    for row in linted.findings.collect():
        found[row["id"]].append(row.asDict(recursive=True))
    metrics = {row["id"]: row.asDict(recursive=True) for row in linted.metrics.collect()}
    assert linted.errors.count() == 0
    linted.release()

    total = 0
    for posting_id, entry in expected.items():
        spark_findings = sorted(found[posting_id], key=lambda f: f["finding_index"])
        assert [f["finding_index"] for f in spark_findings] == list(range(len(spark_findings)))
        for finding in spark_findings:
            del finding["id"], finding["finding_index"]
        assert spark_findings == entry["findings"], posting_id
        total += len(spark_findings)
        spark_metrics = metrics[posting_id]
        assert (spark_metrics.pop("format"), spark_metrics.pop("encoding")) == (entry["format"], entry["encoding"])
        assert spark_metrics.pop("language") == entry["language"]
        del spark_metrics["id"]
        assert spark_metrics == entry["metrics"], posting_id
    # the fixture really exercises the rules: many findings, of many rules, with spans and fixes
    codes = {f["code"] for entry in expected.values() for f in entry["findings"]}
    assert total > 600 and len(codes) >= 15
    assert any(f["fix"] for entry in expected.values() for f in entry["findings"])


def test_spark_engine_writes_parquet_and_the_local_audit(spark, export, tmp_path):
    path, _ = export
    out = tmp_path / "audit"
    result = CliRunner().invoke(
        main,
        [
            "audit",
            "--engine",
            "spark",
            "--input",
            str(path),
            "--output",
            str(out),
            "--master",
            "local[2]",
            *FIELDS,
            "--date",
            DATE,
        ],
    )
    assert result.exit_code == 0, result.output
    local = cli_json("audit", "--records", str(path), *FIELDS, "--format", "json")
    assert json.loads((out / "audit.json").read_text(encoding="utf-8")) == local
    html = (out / "audit.html").read_text(encoding="utf-8")
    assert "<svg" in html and "<script" not in html

    cli = cli_json("check", "--records", str(path), *FIELDS, "--format", "json")
    findings = spark.read.parquet(str(out / "findings.parquet"))
    assert findings.count() == sum(len(entry["findings"]) for entry in cli["files"])
    assert [name for name in findings.columns] == [
        "id",
        "finding_index",
        "code",
        "name",
        "category",
        "severity",
        "message",
        "span",
        "text",
        "suggestions",
        "fix",
        "source",
    ]
    assert spark.read.parquet(str(out / "metrics.parquet")).count() == 200
    assert spark.read.parquet(str(out / "errors.parquet")).count() == 0
    assert spark.sparkContext._jsc is not None, "the engine stopped a session it did not start"


def test_malformed_rows_become_errors_and_the_rest_is_linted(spark):
    from jdlint.spark import lint_dataframe

    good = "We need a salesman who can start soon and work with our friendly team of bakers."
    rows = [
        ("ok", good, "text"),
        ("null", None, "text"),
        ("huge", "word " * 5_000, "text"),  # 25,000 bytes, over the limit set below
        ("front-matter", "---\ntitle: [unclosed\n---\n\nHello there.\n", "markdown"),
    ]
    config = Config(max_file_size=20_000)  # shipped to the executors with the task
    linted = lint_dataframe(
        spark.createDataFrame(rows, "id string, text string, format string"), id="id", format="format", config=config
    )
    errors = {row["id"]: row["error"] for row in linted.errors.collect()}
    assert set(errors) == {"null", "huge"}
    assert "no text" in errors["null"]
    assert "25,000 bytes" in errors["huge"] and "20,000" in errors["huge"]
    assert sorted(row["id"] for row in linted.metrics.collect()) == ["front-matter", "ok"]
    findings = {(row["id"], row["code"]) for row in linted.findings.collect()}
    assert ("ok", "JD201") in findings
    assert ("front-matter", "JD903") in findings  # broken front matter is a finding; the body is still linted
    linted.release()

    wrong_type = spark.createDataFrame([("a", 1), ("b", 2)], "id string, text int")
    linted = lint_dataframe(wrong_type, id="id")
    assert sorted((row["id"], row["error"]) for row in linted.errors.collect()) == [
        ("a", "'text' holds int, not text"),
        ("b", "'text' holds int, not text"),
    ]
    assert linted.metrics.count() == 0
    linted.release()


def test_binary_text_is_decoded_like_a_file(spark):
    from jdlint.spark import lint_dataframe

    text = "Our café needs a salesman. Apply by email.\n"
    frame = spark.createDataFrame(
        [("cp", bytearray(text.encode("cp1252"))), ("u8", bytearray(text.encode("utf-8")))], "id string, text binary"
    )
    linted = lint_dataframe(frame, id="id")
    found = {(row["id"], row["code"], row["text"]) for row in linted.findings.collect()}
    assert ("cp", "JD201", "salesman") in found and ("u8", "JD201", "salesman") in found
    assert linted.errors.count() == 0
    linted.release()


def test_spark_engine_reports_broken_export_lines_and_lints_the_rest(spark, tmp_path):
    export = tmp_path / "broken.jsonl"
    export.write_text(
        json.dumps({"id": "a", "text": "We need a salesman for our shop."})
        + "\n"
        + '{"id": "b", "text": "unterminated\n'
        + json.dumps({"id": "c", "text": "A foreman for the night shift."})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["audit", "--engine", "spark", "--input", str(export), "--output", str(out)])
    assert result.exit_code == 2
    assert "1 postings could not be linted" in result.stderr
    errors = spark.read.parquet(str(out / "errors.parquet")).collect()
    assert len(errors) == 1 and errors[0]["error"].startswith("not valid JSON (Unterminated string")
    assert sorted(row["id"] for row in spark.read.parquet(str(out / "metrics.parquet")).collect()) == ["a", "c"]


def test_spark_engine_input_problems_are_one_line_errors(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["audit", "--engine", "spark", "--output", str(tmp_path)])
    assert missing.exit_code == 2 and "needs --input" in missing.stderr
    odd = tmp_path / "postings.xml"
    odd.write_text("<postings/>")
    unknown = runner.invoke(main, ["audit", "--engine", "spark", "--input", str(odd), "--output", str(tmp_path / "o")])
    assert unknown.exit_code == 2 and "cannot tell the input format" in unknown.stderr
    assert "Traceback" not in unknown.output


def test_a_posting_that_breaks_the_linter_is_an_error_row_and_its_batch_goes_on():
    """Runs the executor side in-process: the batch fails, so each posting is linted alone."""
    from jdlint.linter import Linter
    from jdlint.spark import _lint_rows

    class Brittle(Linter):
        def lint(self, documents, want_metrics=False):
            for document in documents:
                if "explode" in document.text:
                    raise RuntimeError("boom")
                yield from super().lint([document], want_metrics)

    def record(posting_id, text):
        return {
            "_jdlint_text": text,
            "_jdlint_id": posting_id,
            "_jdlint_format": None,
            "_jdlint_corrupt": None,
            "title": None,
            "location": None,
            "salary": None,
            "language": None,
        }

    rows = _lint_rows(
        [record("a", "We need a salesman."), record("b", "explode"), record("c", "A foreman too.")],
        Brittle(Config()),
        None,
    )
    assert [(row["kind"], row["id"]) for row in rows if row["kind"] != "finding"] == [
        ("metrics", "a"),
        ("error", "b"),
        ("metrics", "c"),
    ]
    assert "RuntimeError: boom" in next(row["error"] for row in rows if row["kind"] == "error")
    assert {row["id"] for row in rows if row["kind"] == "finding" and row["code"] == "JD201"} == {"a", "c"}


@pytest.mark.parametrize("kind", ["parquet", "csv", "json"])
def test_spark_engine_reads_parquet_and_csv_like_the_local_engine(spark, tmp_path, kind):
    import csv

    rows = postings(40, seed=11)
    jsonl = tmp_path / "postings.jsonl"
    jsonl.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    if kind == "parquet":
        source = tmp_path / "postings.parquet"
        spark.createDataFrame(rows, SCHEMA).write.parquet(str(source))
    elif kind == "json":  # a list of records over many lines, as `check --records` reads a .json export
        source = tmp_path / "postings.json"
        source.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    else:
        source = tmp_path / "postings.csv"
        with open(source, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["audit", "--engine", "spark", "--input", str(source), "--output", str(out), *FIELDS, "--date", DATE]
    )
    assert result.exit_code == 0, result.output
    local = cli_json("audit", "--records", str(jsonl), *FIELDS, "--format", "json")
    assert json.loads((out / "audit.json").read_text(encoding="utf-8")) == local
    assert local["audit"]["postings"] == 40 and local["audit"]["findings_by_code"]


def test_spark_engine_without_pyspark_is_a_one_line_error(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pyspark", None)  # as if the extra were not installed
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    result = CliRunner().invoke(main, ["audit", "--engine", "spark", "--input", "x.parquet", "--output", str(tmp_path)])
    assert result.exit_code == 2
    assert "pip install 'jdlint[spark]'" in result.stderr and "Traceback" not in result.output


def test_audit_to_folder_is_the_engine_for_the_python_api_too(spark, tmp_path):
    from jdlint.records import Fields
    from jdlint.spark import SparkEngineError, audit_to_folder

    rows = postings(20, seed=3)
    source = tmp_path / "postings.jsonl"  # no "id" field: postings are numbered
    source.write_text(
        "".join(json.dumps({k: v for k, v in row.items() if k != "id"}) + "\n" for row in rows), encoding="utf-8"
    )
    out = tmp_path / "out"
    notes: list[str] = []
    done = audit_to_folder(
        str(source),
        str(out),
        fields=Fields(title="title", location="location", salary="salary", format="format"),
        notify=notes.append,
    )
    assert done.notes == tuple(notes) == (f"{source}: no 'id' column; postings are numbered instead",)
    assert done.figures["postings"] == 20 and done.errors == 0
    assert json.loads((out / "audit.json").read_text(encoding="utf-8"))["audit"] == done.figures
    assert sorted(path.name for path in out.iterdir()) == [
        "audit.html",
        "audit.json",
        "errors.parquet",
        "findings.parquet",
        "metrics.parquet",
    ]
    with pytest.raises(SparkEngineError, match="cannot tell the input format"):
        audit_to_folder(str(tmp_path / "postings.xml"), str(tmp_path / "other"))
    assert spark.sparkContext._jsc is not None, "the engine stopped a session it did not start"


def test_bad_rows_of_an_export_fail_alone_with_the_local_engines_words(spark, tmp_path):
    """Bytes that are not UTF-8 (which made Arrow fail the whole batch), an integer past Python's digit limit,
    nesting past the parsers' limits and a list for the text: each is its own error, in the words of
    `check --records`."""
    export = tmp_path / "bad.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "We need a salesman for our shop."}).encode(),
        b'{"id": "bytes", "text": "caf\xe9 salesman"}',
        b'{"id": "digits", "text": "A foreman.", "salary": 1' + b"0" * 5_000 + b"}",
        b'{"id": "deep", "text": "A foreman.", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        json.dumps({"id": "list", "text": ["A foreman.", "A chairman."]}).encode(),
        json.dumps({"id": "c", "text": "A foreman for the night shift."}).encode(),
    ]
    export.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["audit", "--engine", "spark", "--input", str(export), "--output", str(out)])
    assert result.exit_code == 2, result.output
    assert "4 postings could not be linted" in result.stderr
    local = CliRunner().invoke(main, ["check", "--records", str(export), "--format", "json"])
    said = [line.split(": ", 4)[4].removesuffix("; skipped") for line in local.stderr.splitlines()]
    errors = sorted(row["error"] for row in spark.read.parquet(str(out / "errors.parquet")).collect())
    assert len(errors) == len(said) == 4
    assert "no text in field 'text'" in errors  # a list where the text goes: the local engine's words
    for message in said:  # the same message (then the start of a record the reader could not parse)
        assert any(error == message or error.startswith(f"{message}: {{") for error in errors), (message, errors)
    assert any('"id": "bytes", "text": "caf\\xe9 salesman"' in error for error in errors)
    assert sorted(row["id"] for row in spark.read.parquet(str(out / "metrics.parquet")).collect()) == ["a", "c"]


def test_string_columns_holding_bytes_that_are_not_utf8_fail_only_their_rows(spark, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from jdlint.spark import lint_dataframe

    def strings(values: list[bytes]):  # Arrow string arrays as a careless writer leaves them: not validated
        offsets = [0]
        for value in values:
            offsets.append(offsets[-1] + len(value))
        return pa.Array.from_buffers(
            pa.string(),
            len(values),
            [None, pa.py_buffer(pa.array(offsets, pa.int32()).buffers()[1]), pa.py_buffer(b"".join(values))],
        )

    table = pa.table(
        {
            "id": strings([b"ok", b"text", b"id\xff", b"after"]),
            "description": strings(
                [b"We need a salesman.", b"caf\xe9 salesman", b"A foreman.", b"A chairman for the board."]
            ),
        }
    )
    pq.write_table(table, tmp_path / "postings.parquet")
    linted = lint_dataframe(spark.read.parquet(str(tmp_path / "postings.parquet")), text="description", id="id")
    assert sorted((row["id"], row["error"]) for row in linted.errors.collect()) == [
        ("id\\xff", "field 'id' holds a byte that is not UTF-8 (0xff)"),
        ("text", "field 'description' holds a byte that is not UTF-8 (0xe9)"),
    ]
    assert sorted(row["id"] for row in linted.metrics.collect()) == ["after", "ok"]
    linted.release()


def test_each_row_fails_alone_on_the_executor(monkeypatch):
    """The executor side in-process: a lone surrogate, a value a parser chokes on, a crash while parsing one row."""
    from jdlint import spark as engine
    from jdlint.linter import Linter

    real = engine.to_document

    def brittle(name, text, fmt, metadata, timeout=None):
        if "explode" in text:
            raise RuntimeError("boom")
        return real(name, text, fmt, metadata, timeout)

    monkeypatch.setattr(engine, "to_document", brittle)

    def record(posting_id, text, title=None):
        return {
            "_jdlint_text": text,
            "_jdlint_id": posting_id,
            "_jdlint_format": "html",
            "_jdlint_corrupt": None,
            "title": title,
            "location": None,
            "salary": None,
            "language": None,
        }

    records = [
        record("a", "<p>We need a salesman.</p>"),
        record("surrogate", "<p>We need \ud800 a foreman.</p>"),
        record("title", "<p>A foreman.</p>", title="Fore\udcffman"),
        record("explode", "<p>explode</p>"),
        record("entity", "<p>&#" + "9" * 10_000 + ";</p>"),
        record("c", "<p>A foreman too.</p>"),
    ]
    rows = engine._lint_rows(records, Linter(Config()), None)
    errors = {row["id"]: row["error"] for row in rows if row["kind"] == "error"}
    assert errors == {
        "surrogate": "field 'text' holds a lone surrogate (U+D800), which is not text",
        "title": "field 'title' holds a byte that is not UTF-8 (0xff)",
        "explode": "internal error while parsing (RuntimeError: boom); please report it",
    }
    assert [row["id"] for row in rows if row["kind"] == "metrics"] == ["a", "entity", "c"]
    # the messages name the columns the DataFrame holds
    named = engine._lint_rows(records[1:3], Linter(Config()), None, {"_jdlint_text": "body", "title": "job_title"})
    assert [row["error"] for row in named] == [
        "field 'body' holds a lone surrogate (U+D800), which is not text",
        "field 'job_title' holds a byte that is not UTF-8 (0xff)",
    ]
