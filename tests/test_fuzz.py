"""Property-based fuzzing: whatever the input, jdlint answers without a traceback, within its exit codes, with
spans that slice the source to each finding's text, and with fixes that are idempotent and local.

Inputs: any bytes as a posting file, any Unicode text, postings built from a grammar of risky constructs
(tests/fuzz_grammar.py: front matter, nested HTML, marked sections, character references, directives, code,
bullets, newline mixes, BOMs, invisible characters, long runs), hostile ATS exports, configs and baselines.
The hypothesis profile (tests/conftest.py) keeps CI small and reproducible; JDLINT_FUZZ_EXAMPLES=N raises it.
benchmarks/fuzz.py is the long run.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import fuzz_grammar as grammar
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st

import jdlint
from jdlint.cli import main
from jdlint.fix import applicable, apply_findings, encode, fix_source
from jdlint.formats import format_for, parse
from jdlint.model import FileResult
from jdlint.printable import writable
from jdlint.source import Source, SourceError, decode, dominant_newline

EXIT_CODES = {0, 1, 2}
FORMATS = st.sampled_from(["text", "markdown", "html"])
SUFFIXES = st.sampled_from([".txt", ".md", ".html"])
DATE = "2026-11-26"


def assert_spans_slice(result: FileResult) -> None:
    """Every finding's span lies inside the source and gives back the finding's text."""
    for finding in result.findings:
        if finding.span is None:
            continue
        assert 0 <= finding.span.start <= finding.span.end <= len(result.text), (finding.code, finding.span)
        assert result.text[finding.span.start : finding.span.end] == finding.text, finding.code


def lint_decoded(linter, data: bytes, name: str) -> FileResult | None:
    """The bytes read as a file called `name` would be (None when they are not text, a one-line SourceError)."""
    try:
        source = decode(data, name, format_for(name))
    except SourceError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(name)
        return None
    result = next(linter.lint([parse(source)], want_metrics=True))
    assert result.text == source.text
    return result


@given(data=st.binary(max_size=3000), suffix=SUFFIXES)
def test_any_bytes_as_a_posting_file(linter, data, suffix):
    result = lint_decoded(linter, data, "posting" + suffix)
    if result is not None:
        assert_spans_slice(result)


@given(text=st.text(max_size=2000), fmt=FORMATS)
def test_any_unicode_text_through_the_public_api(text, fmt):
    assert_spans_slice(jdlint.lint_text(text, format=fmt))


@given(text=st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Po", "Sc"]), max_size=400))
def test_control_format_and_space_characters_through_the_public_api(text):
    for fmt in ("text", "markdown", "html"):
        assert_spans_slice(jdlint.lint_text(text, format=fmt))


@given(rng=st.randoms(use_true_random=False))
def test_postings_built_from_risky_constructs(rng):
    fmt, text = grammar.posting(rng)
    assert_spans_slice(jdlint.lint_text(text, format=fmt))


@given(rng=st.randoms(use_true_random=False))
def test_risky_postings_in_any_encoding_cut_or_with_stray_bytes(linter, rng):
    fmt, text = grammar.posting(rng)
    result = lint_decoded(linter, grammar.encoded(rng, text), "posting" + grammar.SUFFIX[fmt])
    if result is not None:
        assert_spans_slice(result)


def _fix_round_by_round(linter, source: Source) -> Source:
    """fix_source's loop, checking each round: the edits only replace their own ranges, the rest stays."""
    current = source
    for _ in range(20):
        result = next(linter.lint([parse(current)], want_metrics=True))
        assert_spans_slice(result)
        fixable = [f for f in result.findings if applicable(f, True)]
        if not fixable:
            return current
        fixed, chosen = apply_findings(current.text, fixable)
        edits = sorted((e for f in chosen for e in f.fix.edits), key=lambda e: (e.start, e.end))
        position, cursor = 0, 0
        for edit in edits:
            assert position <= edit.start <= edit.end <= len(current.text)
            kept = current.text[position : edit.start]
            assert fixed[cursor : cursor + len(kept)] == kept  # untouched text before the edit
            cursor += len(kept)
            assert fixed[cursor : cursor + len(edit.content)] == edit.content
            cursor += len(edit.content)
            position = edit.end
        assert fixed[cursor:] == current.text[position:]
        if fixed == current.text:
            return current
        current = dataclasses.replace(current, text=fixed)
    raise AssertionError("fixes did not settle in 20 rounds")


@given(rng=st.randoms(use_true_random=False))
def test_fix_is_local_and_idempotent(linter, rng):
    fmt, text = grammar.posting(rng)
    assume(len(text) < 6000)  # each round lints again; long inputs are the other tests' (and the long run's) work
    text = writable(text)  # a file or stdin is decoded strictly: a lone surrogate never reaches --fix
    source = Source("posting" + grammar.SUFFIX[fmt], text, newline=dominant_newline(text), format=fmt)
    fixed, applied, after = fix_source(source, linter, unsafe=True)
    assert fixed.text == _fix_round_by_round(linter, source).text
    assert_spans_slice(after)
    again, applied_again, _ = fix_source(fixed, linter, unsafe=True)
    assert again.text == fixed.text and not applied_again
    if "\x00" not in text:  # NUL bytes read as binary
        assert decode(encode(fixed), source.path, fmt).text == fixed.text  # written bytes read back the same
    if not applied:
        assert fixed.text == text


def _invoke(*args: str):
    result = CliRunner().invoke(main, ["check", "--date", DATE, *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # the traceback the user would have seen
    assert result.exit_code in EXIT_CODES
    assert "Traceback" not in result.output and "internal error" not in result.stderr
    for line in result.stderr.splitlines():  # errors are one line each, naming what failed
        assert line.startswith("jdlint: ") or line.startswith("Fixed ") or line.startswith("Would fix"), line
    return result


def _spans_in_report(fmt: str, stdout: str) -> list[tuple[int, int, str | None]]:
    """(start, end, text) of each spanned finding in a JSON, JSON Lines or SARIF report, which must parse
    (SARIF regions carry no text: only their range is checked)."""
    if fmt == "sarif":
        results = json.loads(stdout)["runs"][0]["results"]
        regions = [r["locations"][0]["physicalLocation"]["region"] for r in results if r.get("locations")]
        return [(r["charOffset"], r["charOffset"] + r["charLength"], None) for r in regions if "charOffset" in r]
    entries = [json.loads(line) for line in stdout.split("\n") if line] if fmt == "jsonl" else _files(stdout)
    return [
        (f["span"]["start"], f["span"]["end"], f["text"]) for entry in entries for f in entry["findings"] if f["span"]
    ]


def _files(stdout: str) -> list[dict]:
    return json.loads(stdout)["files"] if stdout.strip() else []


@given(rng=st.randoms(use_true_random=False), fmt=st.sampled_from(["json", "jsonl", "sarif"]), fix=st.booleans())
def test_cli_on_risky_files_and_fix_twice(rng, fmt, fix):
    with tempfile.TemporaryDirectory() as folder:
        posting_format, text = grammar.posting(rng)
        path = Path(folder) / ("posting" + grammar.SUFFIX[posting_format])
        path.write_bytes(grammar.encoded(rng, text) if rng.random() < 0.3 else text.encode("utf-8", "surrogatepass"))
        result = _invoke("--format", fmt, str(path))
        spans = _spans_in_report(fmt, result.stdout) if result.stdout.strip() else []
        if spans:
            source = decode(path.read_bytes(), str(path), format_for(str(path))).text
            for start, end, shown in spans:
                assert 0 <= start <= end <= len(source)
                assert shown is None or source[start:end] == shown
        if fix:
            _invoke("--fix", "--unsafe-fixes", str(path))
            once = path.read_bytes()
            _invoke("--fix", "--unsafe-fixes", str(path))
            assert path.read_bytes() == once


@given(rng=st.randoms(use_true_random=False))
def test_hostile_exports_fail_one_record_at_a_time(rng):
    with tempfile.TemporaryDirectory() as folder:
        suffix, data = grammar.records(rng)
        export = Path(folder) / ("export" + suffix)
        export.write_bytes(data)
        result = _invoke("--format", "json", "--records", str(export), "--format-field", "format")
        for entry in _files(result.stdout):
            assert entry["path"].startswith(str(export) + "#")
            for finding in entry["findings"]:
                if finding["span"]:
                    assert 0 <= finding["span"]["start"] <= finding["span"]["end"]
                    assert len(finding["text"]) == finding["span"]["end"] - finding["span"]["start"]


@given(rng=st.randoms(use_true_random=False), explicit=st.booleans())
def test_hostile_configs_are_one_line_errors(rng, explicit):
    with tempfile.TemporaryDirectory() as folder:
        name, data = grammar.config(rng)
        config = Path(folder) / name
        config.write_bytes(data)
        posting = Path(folder) / "posting.md"
        posting.write_text("We need a salesman.\n", encoding="utf-8")
        args = ["--config", str(config)] if explicit else []
        result = _invoke("--format", "json", *args, str(posting))
        if result.exit_code == 2:
            assert str(config) in result.stderr
        else:
            assert [entry["path"] for entry in _files(result.stdout)] == [str(posting)]


@given(rng=st.randoms(use_true_random=False))
def test_hostile_baselines_are_one_line_errors(rng):
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "baseline.json"
        saved.write_bytes(grammar.baseline(rng))
        posting = Path(folder) / "posting.txt"
        posting.write_text("We need a salesman.\n", encoding="utf-8")
        result = _invoke("--baseline", str(saved), str(posting))
        assert result.exit_code == 2 and str(saved) in result.stderr


def test_a_folder_of_risky_postings_in_a_real_process(tmp_path):
    """The console script, not click's runner: nothing reaches stderr but one-line errors, the JSON parses."""
    sources = {}
    for seed in range(12):
        rng = grammar.random.Random(seed)
        fmt, text = grammar.posting(rng)
        path = tmp_path / f"p{seed:02d}{grammar.SUFFIX[fmt]}"
        path.write_bytes(grammar.encoded(rng, text))
        sources[str(path)] = path
    done = subprocess.run(
        [sys.executable, "-m", "jdlint", "check", "--format", "json", "--date", DATE, "--jobs", "1", str(tmp_path)],
        capture_output=True,
        timeout=300,
    )
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode in EXIT_CODES and "Traceback" not in stderr and "internal error" not in stderr
    files = json.loads(done.stdout)["files"]
    assert len(files) + stderr.count("jdlint: error:") == len(sources)
    for entry in files:
        path = sources[entry["path"]]
        text = decode(path.read_bytes(), entry["path"], format_for(entry["path"])).text
        for finding in entry["findings"]:
            if finding["span"]:
                assert text[finding["span"]["start"] : finding["span"]["end"]] == finding["text"]
