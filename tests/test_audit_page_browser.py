"""The audit page in real Chromium: zero axe-core violations (WCAG 2.2 AA and best practices) at 1280 and 320 px
and in dark mode, no sideways scrolling at 320 px, and a posting's bidi override kept inside its own element."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_audit import audit_folder

from jdlint.cli import main


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    folder = audit_folder(tmp_path_factory.mktemp("postings"))
    out = folder.parent / "audit.html"
    result = CliRunner().invoke(
        main, ["audit", "--date", "2026-11-26", "--format", "html", "-o", str(out), str(folder)]
    )
    assert result.exit_code == 2  # the unreadable input
    return out


@pytest.mark.parametrize(
    ("width", "scheme"), [(1280, "light"), (320, "light"), (1280, "dark"), (320, "dark")], ids=lambda v: str(v)
)
def test_audit_page_has_no_axe_violations_and_reflows(browser, page_file, width, scheme):
    from real_browser import axe_violations, overflows_horizontally

    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page.goto(page_file.as_uri())
        assert axe_violations(page) == []
        assert not overflows_horizontally(page)
        if scheme == "dark":
            assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(18, 18, 18)"
    finally:
        page.close()


def test_a_bidi_override_in_a_file_name_is_shown_and_isolated(browser, page_file):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(page_file.as_uri())
        cell = page.locator("section.failed tbody td").first
        assert cell.locator("bdi").count() == 1 and cell.inner_text().endswith("cv-<U+202E>fdp.txt")
        # the text after the isolated name (the page's own words) is laid out left to right as written
        assert page.locator("header p.lead").inner_text().startswith("30 postings checked, 1 could not be read")
    finally:
        page.close()


def test_print_shows_every_table(browser, page_file):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(page_file.as_uri())
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "[...document.querySelectorAll('table')].filter(t => t.getBoundingClientRect().height === 0).length"
        )
        assert hidden == 0
        assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    finally:
        page.close()


@pytest.mark.parametrize("inputs", ["none readable", "all readable"])
def test_edge_audits_have_no_axe_violations_at_320(browser, tmp_path, inputs):
    """An audit where nothing could be read (empty tables say so) and one with no failed inputs (no such section)."""
    from real_browser import axe_violations, overflows_horizontally

    if inputs == "none readable":
        (tmp_path / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    else:
        (tmp_path / "ok.txt").write_text("We are hiring a salesperson. Pay: $50,000 - $60,000 a year.\n")
    out = tmp_path / "audit.html"
    CliRunner().invoke(main, ["audit", "--format", "html", "-o", str(out), str(tmp_path)])
    page = browser.new_page(viewport={"width": 320, "height": 900})
    try:
        page.goto(out.as_uri())
        assert axe_violations(page) == []
        assert not overflows_horizontally(page)
        lead = page.locator("header p.lead").inner_text()
        assert lead == (
            "0 postings checked, 1 could not be read (listed below)."
            if inputs == "none readable"
            else "1 posting checked."
        )
    finally:
        page.close()
