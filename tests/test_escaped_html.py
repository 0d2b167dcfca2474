"""HTML shown as text (escaped tags) is read as the HTML it spells: one JD121, exact spans, no entity spam."""

from __future__ import annotations

import json

from click.testing import CliRunner

import jdlint
from jdlint.cli import main

ESCAPED = (
    "&lt;h2&gt;About the role&lt;/h2&gt;&lt;p&gt;We need a salesman who loves people.&lt;/p&gt;"
    "&lt;ul&gt;&lt;li&gt;Five years in R&amp;amp;D&lt;/li&gt;&lt;li&gt;A driving licence&lt;/li&gt;&lt;/ul&gt;"
)


def _checked(result, text: str) -> list[str]:
    for finding in result.findings:
        if finding.span is not None:
            assert text[finding.span.start : finding.span.end] == finding.text
    return [f.code for f in result.findings]


def test_a_text_posting_of_escaped_html_is_read_as_that_html():
    result = jdlint.lint_text(ESCAPED)
    codes = _checked(result, ESCAPED)
    assert codes.count("JD121") == 1 and "JD120" not in codes  # reported once, not once per entity
    (title,) = [f for f in result.findings if f.code == "JD201"]
    assert title.text == "salesman" and title.fix is not None


def test_an_html_page_showing_escaped_markup_is_read_through_it():
    page = f"<html lang='en'><body><div>{ESCAPED}</div></body></html>"
    result = jdlint.lint_text(page, format="html")
    codes = _checked(result, page)
    assert codes.count("JD121") == 1 and "JD201" in codes
    (shown,) = [f for f in result.findings if f.code == "JD121"]
    assert "(10 tags such as '<h2>')" in shown.message  # the escaped ones; the page's own tags were never shown


def test_a_record_field_of_escaped_html(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text(json.dumps({"id": "r1", "text": ESCAPED}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--exit-zero", "--records", str(export)])
    (posting,) = json.loads(result.stdout)["files"]
    codes = [f["code"] for f in posting["findings"]]
    assert codes.count("JD121") == 1 and "JD201" in codes and "JD120" not in codes


def test_the_unsafe_fix_writes_the_text_without_markup(tmp_path):
    posting = tmp_path / "job.txt"
    posting.write_text(ESCAPED, encoding="utf-8")
    CliRunner().invoke(main, ["check", "--fix", "--unsafe-fixes", "--select", "JD121", str(posting)])
    text = posting.read_text(encoding="utf-8")
    assert "<" not in text and "&lt;" not in text and "R&D" in text and "salesman who loves people" in text


def test_a_posting_that_names_a_tag_or_two_is_not_markup():
    text = "You know the <div> and <span> elements well, and you write semantic HTML. Apply today."
    assert "JD121" not in [f.code for f in jdlint.lint_text(text).findings]
