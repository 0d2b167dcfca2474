from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from postings_factory import postings

from jdlint.audit import FAILED_LISTED, VERDICTS, aggregate
from jdlint.audit import figures as figures_of
from jdlint.cli import main
from jdlint.model import CATEGORIES, InputError
from jdlint.report import plain_labels
from jdlint.report.audit_page import Ids
from jdlint.report.audit_page import render as render_page

LONG = (
    " You will visit outdoor shops across the state, take orders, plan seasonal stock with buyers and keep our "
    "records tidy. We train you on our products in the first month. Apply with a short note about yourself."
)


def test_audit_figures(tmp_path):
    (tmp_path / "a.txt").write_text("We need a salesman." + LONG)
    (tmp_path / "b.txt").write_text(
        "We need a salesman. Pay: $50,000 - $60,000 per year. We are an equal opportunity employer." + LONG
    )
    result = CliRunner().invoke(main, ["audit", "--date", "2026-11-26", str(tmp_path)])
    assert result.exit_code == 0
    audit = json.loads(result.output)["audit"]
    assert audit["postings"] == 2
    assert audit["missing"]["pay"] == {"postings": 1, "share": 0.5}
    assert audit["missing"]["eeo"] == {"postings": 1, "share": 0.5}
    assert audit["missing"]["accommodation"] == {"postings": 2, "share": 1.0}
    assert {"term": "salesman", "count": 2} in audit["top_terms"]
    assert audit["findings_by_code"]["JD201 gendered-job-title"] == 2
    assert sum(audit["reading_grade"].values()) == 2 and sum(audit["gender_coding"].values()) == 2


def test_audit_html_and_records(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps({"id": i, "text": "We need a <salesman>." + LONG}) + "\n" for i in range(3)))
    out = tmp_path / "audit.html"
    result = CliRunner().invoke(main, ["audit", "--records", str(export), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "<script" not in page and 'lang="en"' in page
    assert "3 postings" in page and "&lt;" not in page.split("<main>")[0]


# ----------------------------------------------------------------------------- failed inputs and the page

RLO = "\u202e"


def audit_folder(folder: Path, count: int = 30) -> Path:
    """`count` postings of the factory as files, and one input that cannot be read: a binary file whose name holds
    a right-to-left override (so the page must isolate it)."""
    suffix = {"text": "txt", "markdown": "md", "html": "html"}
    for record in postings(count):
        (folder / f"{record['id']}.{suffix[record['format']]}").write_text(record["text"], encoding="utf-8")
    (folder / f"cv-{RLO}fdp.txt").write_bytes(b"\x00\x01\xff\xfebinary\x00")
    return folder


@pytest.fixture(scope="module")
def audited(tmp_path_factory) -> tuple[dict, str]:
    """(JSON audit figures, HTML page) of one folder of 30 postings and one unreadable input."""
    folder = audit_folder(tmp_path_factory.mktemp("postings"))
    out = {}
    for fmt in ("json", "html"):
        target = folder.parent / f"audit-{folder.name}.{fmt}"
        result = CliRunner().invoke(
            main, ["audit", "--date", "2026-11-26", "--format", fmt, "-o", str(target), str(folder)]
        )
        assert result.exit_code == 2, result.output  # an input failed: the run says so
        out[fmt] = target.read_text(encoding="utf-8")
    return json.loads(out["json"])["audit"], out["html"]


def test_failed_inputs_are_counted_and_listed_with_their_error(audited):
    figures, _ = audited
    assert figures["postings"] == 30
    assert figures["failed"]["postings"] == 1
    [failed] = figures["failed"]["inputs"]
    assert failed["path"].endswith(f"cv-{RLO}fdp.txt")
    assert failed["message"] == f"{failed['path']}: looks like a binary file (NUL bytes), not a posting"
    # an addition: every key of schema_version 1 is still there
    assert set(figures) >= {"postings", "missing", "findings_by_category", "findings_by_code", "top_terms"}


def test_no_failed_inputs_is_an_empty_list(tmp_path):
    (tmp_path / "a.txt").write_text("We need a salesman." + LONG)
    figures = json.loads(CliRunner().invoke(main, ["audit", str(tmp_path)]).output)["audit"]
    assert figures["failed"] == {"postings": 0, "inputs": []}


def test_failed_list_is_bounded_but_the_count_is_not():
    errors = [InputError(f"p{i:05d}.txt", f"p{i:05d}.txt: no such file") for i in range(FAILED_LISTED + 5)]
    figures = aggregate([], errors)
    assert figures["failed"]["postings"] == FAILED_LISTED + 5
    assert len(figures["failed"]["inputs"]) == FAILED_LISTED
    assert figures["failed"]["inputs"][0] == {"path": "p00000.txt", "message": "p00000.txt: no such file"}
    page = render_page(figures)
    assert f"{FAILED_LISTED + 5} could not be read" in page and "And 5 more, not listed here." in page


def test_page_says_what_was_checked_and_lists_the_failed_input(audited):
    _, page = audited
    text = visible_text(page)
    assert "30 postings checked, 1 could not be read" in text
    assert "Inputs that could not be read" in text
    assert "looks like a binary file (NUL bytes), not a posting" in text


class Isolation(HTMLParser):
    """Collects text outside any <bdi> (or dir="auto" element) that holds a bidi control."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.exposed: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag == "bdi" or ("dir", "auto") in attrs)

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        if BIDI.search(data) and not any(self.stack):
            self.exposed.append(data)


VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def visible_text(page: str) -> str:
    parser = Isolation()
    parser.feed(page)
    return " ".join(" ".join(parser.text).split())


def test_posting_text_on_the_page_is_escaped_and_bidi_isolated():
    figures = aggregate([], [InputError(f"<b>{RLO}x.txt", f"<b>{RLO}x.txt: no such file")])
    figures["top_terms"] = [{"term": f"sales{RLO}man <script>", "count": 2}]
    page = render_page(figures)
    assert "<script" not in page and "<b>" not in page
    parser = Isolation()
    parser.feed(page)
    assert parser.exposed == []
    assert RLO not in page  # shown as what it is, where it is
    assert (
        page.count("&lt;U+202E&gt;") == 2
    )  # the file name and the term; the message leaves out the name its row shows
    assert "<bdi>sales&lt;U+202E&gt;man &lt;script&gt;</bdi>" in page


def test_plain_labels_with_codes_beside_them(audited):
    figures, page = audited
    text = visible_text(page)
    assert "Equal-opportunity statement missing-eeo" in text  # the plain name, then the slug
    assert "Gendered wording gendered" in text  # the plain name, then the category for developers
    assert "Gendered job title JD201" in text
    assert "No gender-coded words empty" in text or figures["gender_coding"]["empty"] == 0
    for category in figures["findings_by_category"]:
        assert plain_labels.category(category) != category  # every category shown has a plain name


def test_every_category_and_verdict_has_a_plain_label():
    assert all(plain_labels.category(name) != name for name in CATEGORIES)
    assert all(plain_labels.verdict(name) for name in VERDICTS)
    assert plain_labels.category("missing-eeo") == "Equal-opportunity statement"
    assert plain_labels.verdict("empty") == "No gender-coded words"
    assert plain_labels.rule("gendered-job-title") == "Gendered job title"
    assert plain_labels.rule("ats-tag") == "Leaked ATS or job-board tag"


def test_ids_are_unique_when_titles_slugify_the_same():
    ids = Ids()
    assert [ids("Findings by rule"), ids("Findings  by rule!"), ids("findings-by-rule"), ids("???")] == [
        "findings-by-rule",
        "findings-by-rule-2",
        "findings-by-rule-3",
        "part",
    ]


def test_page_ids_are_unique_and_every_chart_is_a_table(audited):
    _, page = audited
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert page.count("<svg") == page.count('aria-hidden="true" focusable="false"')  # bars are decoration
    assert page.count("<table") == 8  # failed inputs, missing statements, five charts, flagged terms
    assert "<script" not in page and 'width="560"' not in page


def test_spark_audit_names_failed_rows_like_the_local_one():
    """The Spark engine passes its error rows to the same figures (its test module runs Spark itself)."""
    figures = figures_of(
        3, {}, {}, {}, {}, {}, {}, failed_count=2, failed=[{"path": "r1", "message": "no text in field 'text'"}]
    )
    assert figures["failed"] == {"postings": 2, "inputs": [{"path": "r1", "message": "no text in field 'text'"}]}
    assert "2 could not be read" in render_page(figures) and "And 1 more" in render_page(figures)
