"""The command line: exit codes, formats, config discovery and bad input, through click and real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint import __version__
from jdlint.catalog import load_catalog
from jdlint.cli import main

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed-posting.txt"
SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample-posting.md"
CLEAN = "We are hiring a salesperson for our Denver office.\n"
DIRTY = "We are hiring a salesman for our Denver office.\n"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.output.strip() == f"jdlint {__version__}"


def test_exit_codes(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN)
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY)
    assert run("check", str(clean)).exit_code == 0
    result = run("check", str(dirty))
    assert result.exit_code == 1
    assert f"{dirty}:1:17: JD201 'salesman' names one gender; use 'salesperson'." in result.output
    assert run("check", "--exit-zero", str(dirty)).exit_code == 0
    assert run("check", "--fail-on", "error", str(dirty)).exit_code == 0
    assert run("check", "--ignore", "JD201", str(dirty)).exit_code == 0
    assert run("check", "--select", "JD3,JD4", str(dirty)).exit_code == 0
    assert run("check", "--select", "JD999", str(dirty)).exit_code == 2


def test_text_output_has_no_colour_when_not_a_tty(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY)
    assert "\x1b[" not in run("check", str(dirty)).output


def test_json_output_contract(tmp_path):
    dirty = tmp_path / "dirty.md"
    dirty.write_text("# Sales\n\nWe are hiring a **salesman**.\n")
    result = run("check", "--format", "json", str(dirty))
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert set(data) == {"schema_version", "tool", "files", "summary"}
    assert data["schema_version"] == 1 and data["tool"] == {"name": "jdlint", "version": __version__}
    entry = data["files"][0]
    additions = {"checklist", "language", "language_source", "other_languages"}
    assert set(entry) == {"path", "format", "encoding", "findings", "metrics"} | additions
    assert (entry["format"], entry["encoding"], entry["language"]) == ("markdown", "utf-8", "en")
    finding = entry["findings"][0]
    assert set(finding) == {
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
    }
    start = dirty.read_text().index("salesman")
    assert finding["span"] == {
        "start": start,
        "end": start + 8,
        "line": 3,
        "column": 19,
        "end_line": 3,
        "end_column": 27,
    }
    assert finding["fix"] == {
        "applicability": "safe",
        "edits": [{"start": start, "end": start + 8, "content": "salesperson"}],
    }
    assert set(entry["metrics"]) >= {"words", "sentences", "flesch_kincaid_grade"}
    assert data["summary"] == {"files": 1, "findings": 1, "by_severity": {"warning": 1}, "by_category": {"gendered": 1}}


def test_document_level_finding_has_null_span(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text(" ".join(["We build maps for hikers and we ship every single week."] * 6))
    data = json.loads(run("check", "--format", "json", str(posting)).output)
    missing = [f for f in data["files"][0]["findings"] if f["code"] == "JD520"]
    assert missing and missing[0]["span"] is None and missing[0]["text"] is None
    assert missing[0]["suggestions"][0].startswith("We are an equal opportunity employer")


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared beside the checkout")
def test_seed_posting_spans_give_back_text():
    result = run("check", "--format", "json", "--exit-zero", str(SEED))
    data = json.loads(result.output)
    text = SEED.read_bytes().decode("utf-8")
    findings = data["files"][0]["findings"]
    assert findings
    for finding in findings:
        if finding["span"]:
            assert text[finding["span"]["start"] : finding["span"]["end"]] == finding["text"]


def test_folders_are_searched_for_postings(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text(DIRTY)
    (tmp_path / "two.html").write_text(f"<p>{DIRTY}</p>")
    (tmp_path / "notes.csv").write_text(DIRTY)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text(DIRTY)
    data = json.loads(run("check", "--format", "json", str(tmp_path)).output)
    assert sorted(Path(f["path"]).name for f in data["files"]) == ["one.md", "two.html"]


def test_stdin_with_filename_picks_format():
    result = run(
        "check",
        "--format",
        "json",
        "--stdin-filename",
        "job.html",
        "-",
        input="<p>We need a sales&shy;man or a <b>salesman</b>.</p>",
    )
    entry = json.loads(result.output)["files"][0]
    assert entry["path"] == "job.html" and entry["format"] == "html"
    assert [f["text"] for f in entry["findings"] if f["code"] == "JD201"] == ["salesman"]


def test_bad_inputs_are_one_line_errors_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(DIRTY)
    binary = tmp_path / "logo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300)
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [oops\n---\nBody\n")
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--max-file-size",
            "1KB",
            str(good),
            str(binary),
            str(empty),
            str(big),
            str(broken),
            str(tmp_path / "missing.txt"),
        ],
    )
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line]
    assert len(errors) == 3, errors
    for path, problem in [
        (binary, "binary"),
        (big, "limit"),
        (tmp_path / "missing.txt", "no such file"),
    ]:
        assert any(str(path) in e and problem in e for e in errors), (path, errors)
    assert "Traceback" not in result.output + result.stderr
    assert f"{good}:1:17: JD201" in result.stdout  # the good file was still linted
    assert f"{broken}:2:1: JD903" in result.stdout  # broken front matter is a finding; the body is still read
    assert not any(str(empty) in e for e in errors)  # an empty file is an empty result


def test_config_flag_and_errors(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY)
    config = tmp_path / "custom.toml"
    config.write_text('ignore = ["gendered"]\n')
    assert run("check", "--config", str(config), str(dirty)).exit_code == 0
    config.write_text('ignroe = ["gendered"]\n')
    result = run("check", "--config", str(config), str(dirty))
    assert result.exit_code == 2 and "unknown key 'ignroe'" in result.stderr
    result = run("check", "--config", str(tmp_path), str(dirty))
    assert result.exit_code == 2 and "is a directory" in result.stderr


def test_config_discovery_from_file_folder(tmp_path):
    (tmp_path / "postings").mkdir()
    dirty = tmp_path / "postings" / "dirty.txt"
    dirty.write_text(DIRTY)
    (tmp_path / "pyproject.toml").write_text('[tool.jdlint]\nseverity = { JD201 = "info" }\n')
    assert run("check", str(dirty)).exit_code == 0
    (tmp_path / "pyproject.toml").write_text('[tool.jdlint]\nfail-on = "info"\nseverity = { JD201 = "info" }\n')
    assert run("check", str(dirty)).exit_code == 1


def test_statistics(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY + "A salesman again, a foreman too.\n")
    output = run("check", "--statistics", str(dirty)).output
    assert "     3  JD201  gendered-job-title" in output
    assert ":1:17:" not in output


def test_output_file(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY)
    out = tmp_path / "report.json"
    result = run("check", "--format", "json", "--output-file", str(out), str(dirty))
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(out.read_text())["summary"]["findings"] == 1


def test_rules_and_rule():
    listing = run("rules").output
    assert listing.splitlines()[0].split() == ["code", "name", "category", "severity", "fix"]
    assert "JD201  gendered-job-title" in listing
    explained = run("rule", "JD201")
    assert explained.exit_code == 0
    for part in ("JD201 gendered-job-title", "Why:", "Source: https://", "Flagged:", "Not flagged:", "fix: safe"):
        assert part in explained.output
    assert run("rule", "gendered-job-title").exit_code == 0
    missing = run("rule", "JD999")
    assert missing.exit_code == 2 and "no rule 'JD999'" in missing.stderr
    assert [r["code"] for r in json.loads(run("rules", "--format", "json").output)] == [
        r.code for r in load_catalog().rules
    ]


def test_no_paths_is_a_usage_error():
    result = run("check")
    assert result.exit_code == 2 and "no paths given" in result.stderr


def test_real_process_module_and_script(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY)
    proc = subprocess.run(
        [sys.executable, "-m", "jdlint", "check", str(dirty)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.returncode == 1 and "JD201" in proc.stdout and not proc.stderr
    script = Path(sys.executable).with_name("jdlint")
    if script.exists():
        proc = subprocess.run(
            [str(script), "check", "--format", "json", str(SAMPLE)], capture_output=True, text=True, cwd=tmp_path
        )
        assert proc.returncode in (0, 1) and json.loads(proc.stdout)["schema_version"] == 1


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "1e30", "0"])
def test_max_file_size_must_be_a_real_limit(tmp_path, value):
    posting = tmp_path / "p.txt"
    posting.write_text("We are hiring an engineer.\n")
    result = CliRunner().invoke(main, ["check", "--max-file-size", value, str(posting)])
    assert result.exit_code == 2
    assert "--max-file-size" in result.stderr and "Traceback" not in result.output + result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line]  # one line, a usage error


BROKEN_PYPROJECT = '[tool.jdlint]\nselect = ["JD2"]\n\n[project\nname = "shop"\n'  # our table, a syntax error below


@pytest.mark.parametrize(
    "args, stdin",
    [
        (("check", "postings/a.txt"), None),
        (("check", "postings"), None),  # every posting below it: the error is said once
        (("check", "--jobs", "2", "postings"), None),  # in worker processes too
        (("check", "-"), DIRTY),
        (("check", "--records", "postings/export.jsonl"), None),
        (("audit", "postings"), None),
        (("audit", "--records", "postings/export.jsonl"), None),
    ],
)
def test_a_pyproject_with_our_table_and_a_syntax_error_elsewhere_is_one_line_and_exit_2(
    tmp_path, monkeypatch, args, stdin
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(BROKEN_PYPROJECT, encoding="utf-8")
    postings = tmp_path / "postings"
    postings.mkdir()
    for number in range(70):  # enough for worker processes
        (postings / f"p{number:02}.txt").write_text(DIRTY, encoding="utf-8")
    (postings / "a.txt").write_text(DIRTY, encoding="utf-8")
    (postings / "export.jsonl").write_text(json.dumps({"id": 1, "text": DIRTY}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, list(args), input=stdin)
    assert result.exit_code == 2, result.exception
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"jdlint: error: {tmp_path / 'pyproject.toml'}: not valid TOML")
    assert "line 4" in lines[0] and "Traceback" not in result.output


def test_a_bug_that_escapes_a_command_is_one_line_and_exit_2_not_the_findings_code(tmp_path, monkeypatch):
    from jdlint.report import json_report

    def broken(results, **options):
        raise KeyError("boom")

    monkeypatch.setattr(json_report, "render", broken)
    monkeypatch.setattr(json_report, "render_pieces", broken)
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY)
    result = run("check", "--format", "json", str(dirty))
    assert result.exit_code == 2
    assert result.stderr == (
        "jdlint: error: internal error while running jdlint (KeyError: 'boom'); please report it\n"
    )
