"""JD106 bidi-control: what is reported where (right-to-left postings keep their balanced controls), how serious
it is, which fixes are safe, and outputs that cannot be reordered by a posting's controls."""

from __future__ import annotations

import json
from dataclasses import replace

import click
import pytest
from click.testing import CliRunner
from conftest import lint

import jdlint
from jdlint import report
from jdlint.checks.bidi import has_rtl_letters, pairs
from jdlint.cli import main
from jdlint.model import Applicability, Finding, Severity, Span
from jdlint.printable import has_bidi_controls, visible_controls

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
LRM, RLM = "\u200e", "\u200f"
HEBREW = "\u05d3\u05e8\u05d5\u05e9 \u05de\u05e4\u05ea\u05d7"  # a job title in Hebrew
ARABIC = "\u0627\u0644\u0631\u0627\u062a\u0628 \u0627\u0644\u0634\u0647\u0631\u064a"  # "the monthly salary"


def bidi(text: str, fmt: str = "text"):
    return [f for f in lint(text, fmt).findings if f.code == "JD106"]


def test_pairs_follow_uax9():
    controls = list(enumerate([RLE, LRI, LRE, PDI, PDF, PDF, PDI, RLO]))
    matched, unclosed, unmatched = pairs(controls)
    # the PDI closes the isolate and the embedding opened inside it; the first PDF closes RLE, the second nothing
    assert matched == {2: 3, 1: 3, 0: 4}
    assert unmatched == [5, 6] and unclosed == [7]
    # a PDF cannot close an embedding from outside an open isolate
    assert pairs(list(enumerate([RLE, LRI, PDF, PDI, PDF]))) == ({1: 3, 0: 4}, [], [2])


def test_rtl_letters_ignore_the_marks():
    assert has_rtl_letters(HEBREW) and has_rtl_letters(ARABIC) and has_rtl_letters("ok \U00010900")
    assert not has_rtl_letters(f"caf\u00e9 {RLM}\u061c{LRM} 123 \u00a9")


@pytest.mark.parametrize(
    ("text", "severity", "applicability"),
    [
        (f"Pay {RLO}000,09${PDF} a year.", Severity.WARNING, Applicability.UNSAFE),  # override
        (f"Pay {RLE}$90,000 to $120,000{PDF} a year.", Severity.WARNING, Applicability.UNSAFE),  # reverses numbers
        (f"Write to {RLI}jobs@example.org.", Severity.WARNING, Applicability.UNSAFE),  # never closed
        (f"Our {LRE}Python{PDF} team.", Severity.INFO, Applicability.SAFE),  # changes nothing shown
        (f"Our {LRO}Python{PDF} team.", Severity.WARNING, Applicability.SAFE),  # an override, but all left to right
        (f"Our {FSI}Python{PDI} and {LRI}SQL{PDI} team.", Severity.INFO, Applicability.SAFE),
        (f"Well-{RLM}being at work.", Severity.INFO, Applicability.UNSAFE),  # a stray mark can move punctuation
        (f"Well-{LRM}being at work.", Severity.INFO, Applicability.SAFE),
        (f"Apply by Friday{PDI}.", Severity.WARNING, Applicability.SAFE),  # closes nothing: UAX #9 ignores it
        (f"{HEBREW}: {LRO}ABC-123{PDF}.", Severity.WARNING, Applicability.UNSAFE),  # overrides even in RTL text
        (f"{ARABIC} {RLI}\u0661\u0660\u0660\u0660.", Severity.WARNING, Applicability.UNSAFE),
        (f"{ARABIC} 5000{PDF}.", Severity.WARNING, Applicability.SAFE),
    ],
)
def test_severity_and_fix_safety(text, severity, applicability):
    [finding] = bidi(text)
    assert finding.severity is severity
    assert finding.fix is not None and finding.fix.applicability is applicability


@pytest.mark.parametrize(
    "text",
    [
        f"{HEBREW} {LRI}Python{PDI} {RLM}.",
        f"{HEBREW} {LRE}90,000-120,000 \u20aa{PDF}.",
        f"{ARABIC} 5000\u061c {RLE}\u0634\u0647\u0631\u064a{PDF}.",
        f"{HEBREW}\nSkills: {LRI}C++{PDI} and Rust.",  # right-to-left posting, English line: still legitimate
        "Plain English, caf\u00e9, \U0001f468\u200d\U0001f469\u200d\U0001f467.",
    ],
)
def test_balanced_controls_in_right_to_left_postings_are_fine(text):
    assert bidi(text) == []


def test_one_finding_a_line_removing_only_what_it_reports():
    text = f"{HEBREW} {LRI}Python{PDI} {RLO}ABC{PDF}\n{HEBREW} ok {PDI}\n"
    first, second = bidi(text)
    assert [first.span.start, second.span.start] == [text.index(RLO), text.rindex(PDI)]
    assert first.fix is not None and [(e.start, e.content) for e in first.fix.edits] == [
        (text.index(RLO), ""),
        (text.index(PDF), ""),
    ]  # the isolate around "Python" stays
    assert "right-to-left override (U+202E) shows the text" in first.message
    assert "pop directional isolate (U+2069) closes nothing" in second.message


def test_controls_in_markup_are_not_the_posting_text():
    assert bidi(f'<p title="{RLO}x">We are hiring.</p>', "html") == []
    assert len(bidi(f"<p>We are {RLO}hiring.</p>", "html")) == 1


def test_fix_never_removes_an_override_without_unsafe_fixes(tmp_path):
    posting = tmp_path / "p.txt"
    text = f"Salary: {RLO}000,09${PDF} a year. Our {LRE}Python{PDF} team.\n"
    posting.write_text(text, encoding="utf-8")
    CliRunner().invoke(main, ["check", "--select", "JD106", "--fix", str(posting)])
    assert posting.read_text(encoding="utf-8") == text  # one finding for the line, and it is unsafe
    CliRunner().invoke(main, ["check", "--select", "JD106", "--fix", "--unsafe-fixes", str(posting)])
    assert posting.read_text(encoding="utf-8") == "Salary: 000,09$ a year. Our Python team.\n"


def test_visible_controls():
    assert visible_controls(f"a{RLO}b{PDI}c{RLM}") == "a<U+202E>b<U+2069>c<U+200F>"
    assert visible_controls("plain \u05d0 text\u200d") == "plain \u05d0 text\u200d"  # letters and joiners stay
    assert has_bidi_controls(LRI) and not has_bidi_controls("abc")


def test_text_and_github_show_controls_json_and_sarif_keep_them():
    text = f"A {RLO}rockstar{PDF} here.\nPay {RLO}000,09${PDF} a year.\n"
    quoting = Finding(  # a message that quotes posting text with its controls, as phrase rules do
        code="JD332",
        name="hero-jargon",
        category="culture",
        severity=Severity.WARNING,
        message=f"'{RLO}rockstar{PDF}' is hero jargon",
        span=Span(2, 12),
        text=f"{RLO}rockstar{PDF}",
        suggestions=(f"{RLO}expert",),
    )
    linted = jdlint.lint_text(text, path=f"cv-{RLO}fdp.txt")
    result = replace(linted, findings=[quoting, *linted.findings])
    assert any(f.code == "JD106" for f in result.findings)
    for fmt in ("text", "github"):
        output = report.render(fmt, [result])
        # github's file= property stays exact: GitHub needs it to place the annotation
        assert not has_bidi_controls(output.replace(f"file=cv-{RLO}fdp.txt", "")), fmt
        assert "'<U+202E>rockstar<U+202C>' is hero jargon" in output, fmt
    assert "cv-<U+202E>fdp.txt" in click.unstyle(report.render("text", [result])).splitlines()[0]
    findings = json.loads(report.render("json", [result]))["files"][0]["findings"]
    assert findings[0]["message"] == quoting.message and findings[0]["text"] == quoting.text
    assert any(f["code"] == "JD106" and f["text"] == RLO for f in findings)
    sarif = json.loads(report.render("sarif", [result]))
    assert sarif["runs"][0]["results"][0]["message"]["text"].startswith(quoting.message)


def test_error_lines_show_controls(tmp_path):
    (tmp_path / f"cv-{RLO}fdp.txt").write_bytes(b"\x00binary\x00")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "cv-<U+202E>fdp.txt: looks like a binary file" in result.stderr and RLO not in result.stderr
