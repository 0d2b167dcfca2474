"""Text-integrity rules (JD1xx) on whole postings: every defect found, nothing else, and fixes that repair."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint

import jdlint
from jdlint.config import Config

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed-posting.txt"
ENCODING = Config(select=("encoding",))

EXPECTED = [
    ("JD111", "Its", "It's"),
    ("JD110", "youll", "you'll"),
    ("JD110", "Youll", "You'll"),
    ("JD110", "thats", "that's"),
    ("JD112", "Northwinds", "Northwind's"),
    ("JD110", "youll", "you'll"),
    ("JD111", "were", "we're"),
    ("JD150", "LI-KB2", ""),
    ("JD150", "LI-REMOTE", ""),
    ("JD140", "REMOTEAt", "REMOTE At"),
    ("JD140", "here.US", "here. US"),
    ("JD140", "only85,000", "only 85,000"),
    ("JD101", "â€”", "—"),
    ("JD130", "accessibilitynorthwind.com", "accessibility@northwind.com"),
]


def _applied(result, finding) -> str:
    edit = finding.fix.edits[0]
    return edit.content


def test_every_defect_and_nothing_else():
    text = (FIXTURES / "broken-posting.txt").read_text(encoding="utf-8")
    result = lint(text, config=ENCODING)
    got = [(f.code, f.text, _applied(result, f)) for f in result.findings]
    assert got == EXPECTED
    for finding in result.findings:
        assert text[finding.span.start : finding.span.end] == finding.text


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared beside the checkout")
def test_seed_posting_encoding_findings():
    text = SEED.read_text(encoding="utf-8")
    result = lint(text, config=ENCODING)
    got = {(f.code, f.text) for f in result.findings}
    expected = {
        ("JD111", "Its"),
        ("JD110", "youll"),
        ("JD110", "Youll"),
        ("JD110", "thats"),
        ("JD112", "Pinterests"),
        ("JD111", "were"),
        ("JD101", "â€”"),
        ("JD130", "accessibilitypinterest.com"),
        ("JD140", "only221,000"),
        ("JD140", "REMOTEAt"),
        ("JD140", "here.US"),
        ("JD150", "LI-SA1"),
        ("JD150", "LI-REMOTE"),
        # glued too, though the list leaves it out: "455,000 USDOur Commitment"
        ("JD140", "USDOur"),
    }
    assert got == expected
    assert sum(1 for f in result.findings if f.text.lower() == "youll") == 3


def test_mojibake_fix_repairs_the_text():
    text = "Weâ€™re hiring in SÃ£o Paulo.\nSalary:Â\u00a060,000 â€” plus â€œbonusâ€\ufffd."
    result = lint(text, config=Config(select=("JD101", "JD102")))
    repaired = text
    for finding in sorted(result.findings, key=lambda f: -f.span.start):
        if finding.fix:
            edit = finding.fix.edits[0]
            repaired = repaired[: edit.start] + edit.content + repaired[edit.end :]
    assert repaired == "We’re hiring in São Paulo.\nSalary:\u00a060,000 — plus “bonus\ufffd."
    assert [f.code for f in result.findings if f.code == "JD102"] == ["JD102"]  # the lost ” stays lost


def test_double_encoding_is_one_finding():
    result = lint("Itâ€™s fine, Ã¢â‚¬â„¢ not.", config=Config(select=("JD101",)))
    assert [f.fix.edits[0].content for f in result.findings] == ["’", "’"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hours 9 “ 5, Monday “ Friday.", [("“", "–"), ("“", "–")]),
        ("Pay $20 “ $24 an hour.", [("“", "–")]),
        ("One goal ” happy customers.", [("”", "—")]),
        ("We™re hiring; you™ll love it and it™s fun.", [("™", "’"), ("™", "’"), ("™", "’")]),
        ("Our team™s tools don™t slow you down.", [("™", "’"), ("™", "’")]),
    ],
)
def test_stripped_mojibake_leaves_a_residue_that_is_repaired(text, expected):
    found = lint(text, config=Config(select=("JD101",))).findings
    assert [(f.text, f.fix.edits[0].content) for f in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "He called it “ the best job ” in town.",  # spaced quotes that open and close: quoting, sloppily
        "„Wir suchen dich“ und “ freuen uns.",  # German quotes
        "Our “Shining Star” award and the Acme™ range.",
        "Brand™ products for sale™ today.",
        "Version 2™s are out.",  # a digit before it: no word to join
        "“Quoted words” start here.",
    ],
)
def test_quotes_and_trade_marks_in_use_are_not_residues(text):
    assert not lint(text, config=Config(select=("JD101",))).findings


def test_invisible_characters_one_finding_per_line():
    text = "Ex\u200bperience\u200b with\u200b Python\nclean line\nSend\ufeff CV"
    result = lint(text, config=Config(select=("JD104",)))
    assert [len(f.fix.edits) for f in result.findings] == [3, 1]
    assert "3 invisible characters (U+200B zero width space)" in result.findings[0].message


@pytest.mark.parametrize("mark", ["/", "-", "\u2010", "\u2011", "\u2013", "\u2014"])
def test_zero_width_space_after_a_slash_or_dash_is_a_break_hint(mark):
    text = f"Marketing{mark}\u200bCommunications Lead\nSoft\u00adware engineer"
    assert not lint(text, config=Config(select=("JD104",))).findings


def test_break_hints_do_not_hide_other_invisible_characters():
    text = "Sales/\u200bMarketing and Py\u200bthon\n\u200b/ starts a line"
    result = lint(text, config=Config(select=("JD104",)))
    assert [(f.span.start, len(f.fix.edits)) for f in result.findings] == [(23, 1), (29, 1)]
    assert "1 invisible character (U+200B zero width space)" in result.findings[0].message


def test_entities_are_markup_in_html_and_leaks_elsewhere():
    assert not lint("<p>R&amp;D &nbsp;team</p>", "html", Config(select=("JD120",))).findings
    md = "R&amp;D is fine here.\n\nBut &amp;nbsp; shows up, and `&amp;` in code does not.\n"
    found = lint(md, "markdown", Config(select=("JD120",))).findings
    assert [(f.text, f.fix.edits[0].content) for f in found] == [("&amp;nbsp;", " ")]
    text = lint("Research &amp;amp; development", config=Config(select=("JD120",))).findings
    assert [(f.text, f.fix.edits[0].content) for f in text] == [("&amp;amp;", "&")]


def test_front_matter_entities_are_left_to_the_site():
    md = "---\ntagline: Up to &pound;40,000\n---\nBody text.\n"
    assert not lint(md, "markdown", Config(select=("JD120",))).findings


def test_apostrophe_follows_the_document_style():
    curly = jdlint.lint_text("We’re a team. Youll like it.", config=Config(select=("JD110",)))
    straight = jdlint.lint_text("We're a team. Youll like it.", config=Config(select=("JD110",)))
    assert curly.findings[0].fix.edits[0].content == "You’ll"
    assert straight.findings[0].fix.edits[0].content == "You'll"


def test_lost_apostrophe_in_markdown_maps_to_source():
    md = "# Role\n\nIn this **role** youll *lead*.\n"
    result = lint(md, "markdown", Config(select=("JD110",)))
    finding = result.findings[0]
    assert md[finding.span.start : finding.span.end] == "youll"
    assert finding.fix.edits[0].content == "you'll"


@pytest.mark.parametrize(
    "text",
    [
        "The app and its users grew fast.",
        "We were founded in 2012.",
        "She works well with others.",
        "Experience with shell scripting.",
        "The tool lets you export reports.",
        "Store the user id here.",
        "IT'S ALL CAPS. ITS ID.",
        "Well, we tried.",
        "Wed, 5 May: interviews.",
    ],
)
def test_ambiguous_words_left_alone(text):
    assert not lint(text, config=Config(select=("JD111",))).findings


def test_lost_at_needs_a_contact_context():
    clean = "Our site is careersnorthwind.com and Northwind sells boots."
    assert not lint(clean, config=Config(select=("JD130",))).findings
    broken = "Questions? Email careersnorthwind.com. Northwind sells boots."
    assert [f.suggestions[0] for f in lint(broken, config=Config(select=("JD130",))).findings] == [
        "careers@northwind.com"
    ]
