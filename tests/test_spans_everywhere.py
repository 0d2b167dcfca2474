"""Every span in every output gives back the text it names, over the fixture postings: front matter of every
style, tab-separated and broken front matter, an excerpt that repeats the body, bullet-less CRLF lists, HTML
shown as text (a .txt, an HTML page and records). JSON spans slice the source; SARIF regions and GitHub
annotations point at the same characters; the HTML report shows the source unchanged, each highlight a span."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
# every fixture posting with findings; reports/ also holds the golden outputs, of which only the posting itself is
# one, and a clean-*.md posting is there to have no findings at all
POSTINGS = sorted(
    path
    for path in FIXTURES.rglob("*")
    if path.suffix in {".txt", ".md", ".html"}
    and (path.parent.name != "reports" or path.name == "posting.txt")
    and not path.name.startswith("clean-")
)
RECORDS = FIXTURES / "postings" / "records.jsonl"
DATE = "2026-11-26"


def _output(*args: str) -> str:
    result = CliRunner().invoke(main, ["check", "--exit-zero", "--date", DATE, *args])
    assert result.exit_code == 0, result.output
    return result.stdout  # stderr may hold notes (rules without data for the posting's language)


def _source(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset`; a line ends at \\n, \\r\\n or a lone \\r, as SARIF counts them."""
    head = text[:offset]
    line_start = max(head.rfind("\n"), head.rfind("\r")) + 1
    return len(re.findall(r"\r\n|\r|\n", head)) + 1, offset - line_start + 1


def _spans(path: Path) -> list[dict]:
    data = json.loads(_output("--format", "json", str(path)))
    return [finding for finding in data["files"][0]["findings"] if finding["span"]]


def test_the_fixtures_cover_the_forms_a_posting_is_stored_in():
    names = {path.name for path in POSTINGS}
    assert {"front-matter-styles.md", "tab-separated.md", "broken-front-matter.md", "excerpt-repeats.md"} <= names
    assert {"bulletless-crlf.txt", "escaped-description.txt", "escaped-in-page.html", "posting.txt"} <= names
    assert b"\r\n" in (FIXTURES / "postings" / "bulletless-crlf.txt").read_bytes()


@pytest.mark.parametrize("path", POSTINGS, ids=lambda path: path.name)
def test_json_spans_slice_to_their_text(path):
    text = _source(path)
    findings = _spans(path)
    assert findings, f"{path.name} gives no finding with a span: it tests nothing"
    for finding in findings:
        span = finding["span"]
        assert text[span["start"] : span["end"]] == finding["text"], finding["code"]


@pytest.mark.parametrize("path", POSTINGS, ids=lambda path: path.name)
def test_sarif_regions_point_at_the_same_characters(path):
    text = _source(path)
    results = json.loads(_output("--format", "sarif", str(path)))["runs"][0]["results"]
    regions = [result["locations"][0]["physicalLocation"]["region"] for result in results]
    spanned = [region for region in regions if "charOffset" in region]
    assert len(spanned) == len(_spans(path))
    for region in spanned:
        start, end = region["charOffset"], region["charOffset"] + region["charLength"]
        assert (region["startLine"], region["startColumn"]) == _position(text, start)
        assert (region["endLine"], region["endColumn"]) == _position(text, end)


@pytest.mark.parametrize("path", POSTINGS, ids=lambda path: path.name)
def test_github_annotations_point_at_the_json_spans(path):
    text = _source(path)
    expected = sorted(
        (*_position(text, finding["span"]["start"]), *_position(text, finding["span"]["end"]))
        for finding in _spans(path)
    )
    lines = _output("--format", "github", str(path)).splitlines()
    found = sorted(
        tuple(int(group) for group in match.groups())
        for match in (re.search(r",line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),", line) for line in lines)
        if match
    )
    assert found == expected


@pytest.mark.parametrize("path", POSTINGS, ids=lambda path: path.name)
def test_html_report_shows_the_source_and_highlights_spans(path, tmp_path):
    text = _source(path)
    report = tmp_path / "report.html"
    _output("--format", "html", "--output-file", str(report), str(path))
    page = report.read_bytes().decode("utf-8")
    shown = re.search(r'<div class="source"[^>]*>(.*?)</div>', page, re.S).group(1)
    labels = re.compile(r'<a class="tag[^"]*" href="#f-[0-9-]+">.*?</a>', re.S)
    assert html.unescape(re.sub(r"<[^>]+>", "", labels.sub("", shown))) == text  # the source whole, in order
    # each finding's highlight runs from its target (m-ID) to its number (a link to f-ID) and spells its text
    marked = []
    for ident in re.findall(r'<span id="m-([0-9-]+)"></span>', shown):
        start = shown.index(f'<span id="m-{ident}"></span>')
        end = shown.rindex("<a", 0, shown.index(f'href="#f-{ident}"'))
        marked.append(html.unescape(re.sub(r"<[^>]+>", "", labels.sub("", shown[start:end]))))
    assert marked
    assert sorted(marked) == sorted(finding["text"] for finding in _spans(path))


def test_record_spans_slice_the_record_text():
    records = [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines()]
    data = json.loads(_output("--format", "json", "--records", str(RECORDS), "--format-field", "format"))
    by_id = {record["id"]: record["text"] for record in records}
    checked = 0
    for result in data["files"]:
        text = by_id[result["path"].rsplit("#", 1)[1]]
        for finding in result["findings"]:
            if finding["span"]:
                assert text[finding["span"]["start"] : finding["span"]["end"]] == finding["text"]
                checked += 1
    assert checked >= 6
    assert {finding["code"] for result in data["files"] for finding in result["findings"]} >= {"JD121", "JD201"}
