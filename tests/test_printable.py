"""Outputs stay valid whatever the input: file names that are not UTF-8 and lone surrogates in text.

On POSIX a file name is bytes; Python holds the bytes that are not UTF-8 as lone surrogates, which UTF-8 cannot
encode. jdlint opens and fixes the file by that name and writes it everywhere as `\\xNN` (jdlint.printable).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

import jdlint
from jdlint import report
from jdlint.audit import aggregate
from jdlint.cli import main
from jdlint.model import Applicability, Edit, FileResult, Finding, Fix, Severity, Span
from jdlint.printable import shown, writable, writable_data
from jdlint.report.audit_formats import AUDIT_FORMATS

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "reference" / "sarif-schema-2.1.0.json"
DIRTY = "We need a salesman who is a rockstar.\n"
NAME = b"<b>bad\xff name.txt"  # not UTF-8, and markup for the HTML report to escape
SHOWN = "<b>bad\\xff name.txt"


def bad_file(folder: Path, name: bytes = NAME, text: str = DIRTY) -> str:
    """A posting whose name is not UTF-8; returns the path as Python holds it (with a lone surrogate)."""
    path = os.path.join(os.fsencode(folder), name)
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))
    return os.fsdecode(path)


def invoke(*args: str):
    """The CLI with a strict UTF-8 stdout (CliRunner's): an unencodable character is an exception, not a '?'."""
    return CliRunner().invoke(main, list(args))


def utf8(data: bytes) -> str:
    return data.decode("utf-8")  # strict: a lone surrogate written with surrogateescape fails here


def all_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_strings(item)


def assert_encodable(document) -> None:
    for string in all_strings(document):
        string.encode("utf-8")  # json.loads turns a "\udcff" escape back into a lone surrogate


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def check_output(fmt: str, output: str) -> None:
    """Each format parsed or validated as its consumers would, and the name shown as `\\xNN`."""
    if fmt == "json":
        document = json.loads(output)
        assert_encodable(document)
        assert [Path(f["path"]).name for f in document["files"]] == [SHOWN]
    elif fmt == "jsonl":
        lines = [json.loads(line) for line in output.splitlines()]
        assert_encodable(lines)
        assert [Path(line["path"]).name for line in lines] == [SHOWN]
    elif fmt == "sarif":
        import jsonschema

        document = json.loads(output)
        assert_encodable(document)
        if SCHEMA.exists():  # ../shared beside the checkout, as tests/test_reports.py needs it
            jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]
        }
        assert len(uris) == 1
        uri = uris.pop()
        assert uri.isascii() and " " not in uri and "\\" not in uri and "<" not in uri  # a URI reference (RFC 3986)
        assert unquote(uri).endswith(SHOWN)
    elif fmt == "gitlab":
        issues = json.loads(output)
        assert_encodable(issues)
        assert len(issues) == 2 and all(i["location"]["path"].endswith(SHOWN) for i in issues)
    elif fmt == "junit":
        from junitparser import JUnitXml

        suites = list(JUnitXml.fromstring(output.encode("utf-8")))
        assert [suite.name for suite in suites] == [suites[0].name] and suites[0].name.endswith(SHOWN)
        assert suites[0].failures == 2
    elif fmt in ("html", "summary"):
        if fmt == "summary":  # Markdown: read as GitHub would render it
            from markdown_it import MarkdownIt

            output = MarkdownIt("commonmark").enable("table").render(output)
        page = Page()
        page.feed(output)
        page.close()
        assert "b" not in page.tags  # the name's markup is text, not a tag
        assert any(SHOWN in text for text in page.text)
    else:  # text and GitHub annotations: lines naming the file
        lines = [line for line in output.splitlines() if SHOWN in line]
        assert len(lines) == 2  # salesman and rockstar
        if fmt == "github":
            assert all(line.startswith("::") and "file=" in line for line in lines)


@pytest.mark.parametrize("fmt", list(report.reporters()))
def test_every_format_is_valid_for_a_file_name_that_is_not_utf8(tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    folder = os.path.join(os.fsencode(tmp_path), b"in", b"sub\xfe")  # a folder's name may not be UTF-8 either
    os.makedirs(folder)
    bad_file(Path(os.fsdecode(folder)))
    out = tmp_path / f"report.{fmt}"
    to_stdout = invoke("check", "--format", fmt, "in")  # a folder walked: the name comes from os.walk
    assert to_stdout.exception is None or isinstance(to_stdout.exception, SystemExit), to_stdout.exception
    assert to_stdout.exit_code == 1
    if report.get(fmt).DEFAULT_OUTPUT is None:
        check_output(fmt, utf8(to_stdout.stdout_bytes))
    to_file = invoke("check", "--format", fmt, "-o", str(out), "in")
    assert to_file.exit_code == 1, to_file.exception
    check_output(fmt, utf8(out.read_bytes()))


def test_a_real_process_names_the_file_on_a_strict_utf8_stdout(tmp_path):
    path = bad_file(tmp_path)
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    for fmt in ("text", "github"):
        proc = subprocess.run(
            [sys.executable, "-m", "jdlint", "check", "--format", fmt, os.fsencode(path)],
            capture_output=True,
            env=environment,
            check=False,
        )
        assert proc.returncode == 1, proc.stderr
        check_output(fmt, utf8(proc.stdout))


def test_error_messages_name_the_file_as_the_reports_do(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(DIRTY, encoding="utf-8")
    binary = os.path.join(os.fsencode(tmp_path), b"bin\xfe.txt")
    with open(binary, "wb") as handle:
        handle.write(b"\x00\x01binary")
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"miss\xff.txt"))
    result = invoke("check", "--format", "json", str(tmp_path), missing)
    assert result.exit_code == 2
    errors = utf8(result.stderr_bytes).splitlines()
    assert len(errors) == 2
    assert any(line.endswith("miss\\xff.txt: no such file or directory") for line in errors)
    assert any("bin\\xfe.txt: looks like a binary file" in line for line in errors)
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(good)]  # the rest is linted


def test_fix_writes_the_file_and_reports_it(tmp_path):
    path = bad_file(tmp_path)
    result = invoke("check", "--fix", "--format", "json", path)
    assert result.exit_code == 1, result.exception
    with open(path, encoding="utf-8") as handle:
        assert handle.read() == DIRTY.replace("salesman", "salesperson")
    document = json.loads(utf8(result.stdout_bytes))
    assert_encodable(document)
    assert [f["path"] for f in document["files"]] == [shown(path)]
    assert [f["code"] for f in document["files"][0]["findings"]] == ["JD332"]  # the fixed finding is gone


def test_baseline_names_the_file_as_the_reports_do_and_still_matches(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad_file(tmp_path)
    written = invoke("check", "--write-baseline", "base.json", ".")
    assert written.exit_code == 0, written.exception
    document = json.loads(utf8((tmp_path / "base.json").read_bytes()))
    assert_encodable(document)
    assert list(document["files"]) == [SHOWN]
    assert invoke("check", "--baseline", "base.json", ".").exit_code == 0  # every finding is known


def test_records_of_an_export_named_in_bytes(tmp_path):
    export = os.path.join(os.fsencode(tmp_path), b"export\xff.jsonl")
    with open(export, "wb") as handle:
        handle.write(json.dumps({"id": "r1", "text": DIRTY}).encode("utf-8") + b"\n")
    result = invoke("check", "--format", "json", "--records", os.fsdecode(export))
    assert result.exit_code == 1, result.exception
    document = json.loads(utf8(result.stdout_bytes))
    assert [Path(f["path"]).name for f in document["files"]] == ["export\\xff.jsonl#r1"]


@pytest.mark.parametrize("fmt", list(AUDIT_FORMATS))
def test_audit_of_a_folder_holding_such_a_name(tmp_path, fmt):
    bad_file(tmp_path)
    out = tmp_path / f"audit.{fmt}"
    result = invoke("audit", "--format", fmt, "-o", str(out), str(tmp_path))
    assert result.exit_code == 0, result.exception
    text = utf8(out.read_bytes())
    if fmt == "json":
        assert json.loads(text)["audit"]["postings"] == 1
    else:
        Page().feed(text)


def test_lone_surrogates_in_api_text_are_linted_and_every_format_writes_them():
    text = "We need a salesman\ud800 who is a rockstar.\udcff\n"
    result = jdlint.lint_text(text, path="<text>")
    assert {f.code for f in result.findings} >= {"JD201", "JD332"}
    for fmt in report.reporters():
        output = report.render(fmt, [result]).encode("utf-8").decode("utf-8")
        if fmt in ("json", "sarif"):
            assert_encodable(json.loads(output))
    for audit_format in AUDIT_FORMATS.values():
        audit_format.render(aggregate([result])).encode("utf-8")


def test_surrogates_in_findings_are_replaced_one_for_one():
    """What a check may quote from API text (matched text, suggestions, fix content) is written as U+FFFD."""
    text = "A ro\ud800ckstar here.\n"
    finding = Finding(
        code="JD332",
        name="hero-jargon",
        category="culture",
        severity=Severity.WARNING,
        message="'ro\ud800ckstar' is hero jargon",
        span=Span(2, 11),
        text="ro\ud800ckstar",
        suggestions=("sk\udcffilled",),
        fix=Fix(Applicability.UNSAFE, (Edit(2, 11, "ex\udc80pert"),)),
    )
    result = FileResult("dir/post\udcff.txt", "text", "utf-8", [finding], text=text)
    for fmt in report.reporters():
        output = report.render(fmt, [result])
        output.encode("utf-8")
        assert "ro\ufffdckstar" in output
    document = json.loads(report.render("json", [result]))
    assert document["files"][0]["path"] == "dir/post\\xff.txt"
    assert document["files"][0]["findings"][0]["fix"]["edits"][0]["content"] == "ex\ufffdpert"
    page = Page()
    page.feed(report.render("html", [result]))
    assert "dir/post\\xff.txt" in page.text
    assert result.findings[0].text == "ro\ud800ckstar"  # the result itself is left as it was


def test_printable_policy():
    assert shown("a\udcffb\udc80.txt") == "a\\xffb\\x80.txt"
    assert shown("a\ud800b") == "a\ufffdb"
    assert shown("plain é.txt") == "plain é.txt"
    assert writable("a\udcffb\ud800") == "a\ufffdb\ufffd"
    assert len(writable("x\udcff" * 3)) == 6
    assert writable_data({"k\ud800": ["v\udcff", ("t\udfff",)], "n": 1}) == {
        "k\ufffd": ["v\ufffd", ("t\ufffd",)],
        "n": 1,
    }


def test_a_baseline_written_with_the_raw_name_still_matches(tmp_path, monkeypatch):
    """Baselines written before names were shown as \\xNN hold the name's lone surrogates as JSON escapes."""
    monkeypatch.chdir(tmp_path)
    bad_file(tmp_path)
    assert invoke("check", "--write-baseline", "base.json", ".").exit_code == 0
    document = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    document["files"] = {os.fsdecode(NAME): entries for entries in document["files"].values()}
    (tmp_path / "base.json").write_text(json.dumps(document), encoding="utf-8")  # "\udcff", as json.dump wrote it
    assert "\\udcff" in (tmp_path / "base.json").read_text(encoding="utf-8")
    assert invoke("check", "--baseline", "base.json", ".").exit_code == 0
