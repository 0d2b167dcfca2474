from __future__ import annotations

from conftest import codes, lint

LONG = " ".join(["We build tools for farmers and ship them every week to happy customers."] * 5)


def test_ignore_covers_next_block_only():
    md = "<!-- jdlint: ignore[JD201] -->\nWe need a salesman.\n\nA second salesman too.\n"
    result = lint(md, "markdown")
    hits = [f for f in result.findings if f.code == "JD201"]
    assert len(hits) == 1 and hits[0].span.start == md.index("A second") + 9


def test_ignore_without_selectors_covers_every_rule():
    md = "<!-- jdlint: ignore -->\nA salesman who is a cultural fit.\n"
    assert not [c for c in codes(lint(md, "markdown")) if c in ("JD201", "JD331")]


def test_disable_enable_range():
    md = (
        "A salesman.\n\n<!-- jdlint: disable[gendered] -->\n\nA foreman.\n\nA chairman.\n\n"
        "<!-- jdlint: enable[gendered] -->\n\nA waitress.\n"
    )
    texts = [f.text for f in lint(md, "markdown").findings if f.code == "JD201"]
    assert texts == ["salesman", "waitress"]


def test_disable_to_end_of_file_covers_missing_statements():
    md = "<!-- jdlint: disable[JD520] -->\n\n" + LONG + "\n"
    found = codes(lint(md, "markdown"))
    assert "JD520" not in found and "JD510" in found


def test_html_directive():
    html = "<p>A salesman.</p><!-- jdlint: ignore[JD201] --><p>A foreman.</p>"
    texts = [f.text for f in lint(html, "html").findings if f.code == "JD201"]
    assert texts == ["salesman"]


def test_bad_directive_is_reported_where_it_is():
    md = "Intro.\n\n<!-- jdlint: ignore[JD9999] -->\nA salesperson.\n"
    result = lint(md, "markdown")
    bad = [f for f in result.findings if f.code == "JD901"]
    assert len(bad) == 1
    assert bad[0].text == "<!-- jdlint: ignore[JD9999] -->"
    assert "'JD9999' matches no rule" in bad[0].message


def test_unused_directive_reported_only_for_enabled_rules():
    md = "<!-- jdlint: ignore[JD201] -->\nA salesperson.\n"
    assert "JD902" in codes(lint(md, "markdown"))
    from jdlint.config import Config

    assert "JD902" not in codes(lint(md, "markdown", config=Config(ignore=("JD201",))))


def test_directives_in_plain_text_are_just_text():
    text = "<!-- jdlint: ignore[JD201] -->\nWe need a salesman.\n"
    assert "JD201" in codes(lint(text, "text"))
