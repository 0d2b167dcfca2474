"""The HTML report in real Chromium: axe-core finds nothing at 1280 and 320 px, light and dark, on the seed
posting and on 30 postings; it reflows at 320 px; sorting, filtering, the view toggle and copying work from the
keyboard; printing opens every details; and bidi controls in a posting cannot reorder the page's own labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from postings_factory import postings
from real_browser import axe_violations, overflows_horizontally

from jdlint.cli import main

SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed-posting.txt"
SEED = SHARED_SEED if SHARED_SEED.exists() else Path(__file__).parent / "fixtures" / "reports" / "posting.txt"
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}


def report(folder: Path, *paths: str) -> str:
    out = folder / "report.html"
    result = CliRunner().invoke(
        main, ["check", "--exit-zero", "--date", "2026-11-26", "--format", "html", "-o", str(out), *paths]
    )
    assert result.exit_code == 0, result.output
    return out.as_uri()


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> str:
    return report(tmp_path_factory.mktemp("seed"), str(SEED))


@pytest.fixture(scope="module")
def many_report(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("many")
    paths = []
    for posting in postings(30, seed=16):
        path = folder / f"{posting['id']}{SUFFIX[posting['format']]}"
        path.write_text(posting["text"], encoding="utf-8")
        paths.append(str(path))
    return report(folder, *paths)


def open_page(browser, url: str, width: int = 1280, scheme: str = "light"):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    return page


@pytest.mark.parametrize("which", ["seed_report", "many_report"])
@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_and_no_sideways_scrolling(browser, request, which, width, scheme):
    page = open_page(browser, request.getfixturevalue(which), width, scheme)
    try:
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # check what is inside too
        assert axe_violations(page) == []
        assert not overflows_horizontally(page)
    finally:
        page.close()


def test_sorting_from_the_keyboard_puts_aria_sort_on_the_header(browser, many_report):
    page = open_page(browser, many_report)
    try:
        page.focus("#index th button[data-col='1']")
        page.keyboard.press("Enter")
        header = page.locator("#index th").nth(1)
        assert header.get_attribute("aria-sort") == "descending"
        errors = [int(c) for c in page.locator("#index tbody tr td:nth-child(2)").all_inner_texts()]
        assert errors == sorted(errors, reverse=True)
        page.keyboard.press("Enter")
        assert header.get_attribute("aria-sort") == "ascending"
        assert page.locator("#index button[aria-sort]").count() == 0
    finally:
        page.close()


def test_filters_say_how_many_findings_match(browser, many_report):
    page = open_page(browser, many_report)
    try:
        total = page.locator(".finding").count()
        page.select_option("#filter-severity", "warning")
        status = page.locator("#filter-status")
        shown = page.locator(".finding:not([hidden])").count()
        assert 0 < shown < total
        assert status.inner_text().startswith(f"{shown} finding")
        page.select_option("#filter-severity", "")
        page.focus("#filter-text")
        page.keyboard.type("salesman")
        page.wait_for_function("() => document.getElementById('filter-status').textContent.includes('match')")
        matching = page.locator(".finding:not([hidden])")
        assert 0 < matching.count() < total
        assert all("salesman" in t.lower() for t in matching.all_text_contents())
        hidden_postings = page.locator("article.posting[hidden]").count()
        assert hidden_postings > 0  # postings without a match are out of the way
        page.focus("#filter-reset")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('filter-status').textContent === ''")
        assert page.locator(".finding[hidden]").count() == 0
    finally:
        page.close()


def test_view_toggle_and_copy_from_the_keyboard(browser, tmp_path):
    posting = tmp_path / "p.md"
    posting.write_text("# Cook\n\nWe need a **salesman**. Its a small team and youll love it.\n", encoding="utf-8")
    page = open_page(browser, report(tmp_path, str(posting)))
    try:
        rendered, source = page.locator(".rendered"), page.locator(".source")
        assert rendered.is_visible() and not source.is_visible()
        page.focus("button[data-view='source']")
        page.keyboard.press("Space")
        assert source.is_visible() and not rendered.is_visible()
        assert page.get_attribute("button[data-view='source']", "aria-pressed") == "true"
        page.focus("button[data-copy]")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.querySelector('.copy-status').textContent !== ''")
        said = page.inner_text(".copy-status")
        if said.startswith("Selected"):  # no clipboard here: the rewrite is selected for Ctrl+C instead
            assert page.evaluate("window.getSelection().toString()") == page.inner_text("pre.rewrite")
        else:
            assert said == "Copied."
        assert "salesperson" in page.inner_text("pre.rewrite") and "salesman" not in page.inner_text("pre.rewrite")
    finally:
        page.close()


def test_without_script_both_views_are_reachable(browser, tmp_path):
    posting = tmp_path / "p.md"
    posting.write_text("# Cook\n\nWe need a **salesman**.\n", encoding="utf-8")
    url = report(tmp_path, str(posting))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(url)
        assert page.locator(".rendered").is_visible()
        assert page.locator("details.source-view > summary").is_visible()
        assert not page.locator("button[data-view]").first.is_visible()  # controls that need script are hidden
        page.emulate_media(media="print")  # printing opens every details by CSS alone
        assert page.locator("details.source-view .source").is_visible()
    finally:
        context.close()


def test_links_open_what_hides_their_target(browser, many_report):
    page = open_page(browser, many_report)
    try:
        row = page.locator("#index tbody tr").nth(4)
        anchor = row.get_attribute("data-posting")
        row.locator("a").focus()
        page.keyboard.press("Enter")
        posting = page.locator(f"#{anchor}")
        assert posting.locator("details.posting-body").get_attribute("open") is not None
        finding = posting.locator("details.finding").first
        finding.locator("summary").focus()
        page.keyboard.press("Enter")
        link = finding.locator("a[href^='#m-']")
        target = link.get_attribute("href")[1:]
        link.focus()
        page.keyboard.press("Enter")
        assert page.locator(f"[id='{target}']").count() == 1
        assert page.locator(f"[id='{target}']").evaluate("e => e.closest('mark').getClientRects().length > 0")
    finally:
        page.close()


def test_printing_opens_every_details_and_hides_controls(browser, many_report):
    page = open_page(browser, many_report)
    try:
        page.emulate_media(media="print")
        page.wait_for_function("() => [...document.querySelectorAll('details')].every(d => d.open)")
        why = page.locator("details.finding p").first
        assert why.is_visible()
        assert not page.locator("#filters").is_visible() and not page.locator("th button").first.is_visible()
    finally:
        page.close()


def test_bidi_controls_in_a_posting_cannot_reorder_the_page(browser, tmp_path):
    posting = tmp_path / "p\u202etxt.txt"
    posting.write_text(
        "Sales \u202eLead\n\nWe need a \u202efriendly salesman for the shop, and \u2066the salesman starts soon.\n"
        "Its open to all.\n",
        encoding="utf-8",
    )
    page = open_page(browser, report(tmp_path, str(posting)))
    try:
        unsafe = page.evaluate(
            """() => {
                const controls = /[\\u202a-\\u202e\\u2066-\\u2069]/;
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const bad = [];
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    if (!controls.test(node.data)) continue;
                    let el = node.parentElement;
                    const isolating = ["isolate", "isolate-override", "plaintext"];
                    while (el && !isolating.includes(getComputedStyle(el).unicodeBidi)) {
                        el = el.parentElement;
                    }
                    // the isolating element must hold posting text only, none of the page's labels
                    if (!el || el.querySelector("a, .badge, button, strong")) bad.push(node.data.slice(0, 40));
                }
                return bad;
            }"""
        )
        assert unsafe == []
        # each highlight's number still follows its highlight, left to right
        order = page.evaluate(
            """() => [...document.querySelectorAll('.source mark')].map(m => {
                const tag = m.nextElementSibling;
                if (!tag || !tag.matches('a.tag')) return null;
                const a = m.getBoundingClientRect(), b = tag.getBoundingClientRect();
                return [a.right, b.left, a.top, b.top];
            }).filter(Boolean)"""
        )
        assert len(order) >= 2
        assert all(right <= left + 1 for right, left, top, tag_top in order if abs(top - tag_top) < 4)
        # the labels of the findings list keep their order around a quoted control
        summary = page.locator("details.finding summary").first
        badge_x = summary.locator(".badge").bounding_box()["x"]
        category_x = summary.locator("strong").bounding_box()["x"]
        assert badge_x < category_x
    finally:
        page.close()


def test_long_words_urls_and_names_wrap_at_320_px(browser, tmp_path):
    long_name = "posting-" + "x" * 120 + ".md"
    posting = tmp_path / long_name
    posting.write_text(
        "---\ntitle: "
        + "Supercalifragilistic" * 8
        + "\n---\n\n# Cook\n\nApply at https://example.com/"
        + "careers/" * 30
        + " or see "
        + "Y" * 250
        + ".\n\n- We need a salesman.\n",
        encoding="utf-8",
    )
    page = open_page(browser, report(tmp_path, str(posting), str(SEED)), 320)
    try:
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert not overflows_horizontally(page)
        page.click("button[data-view='source']")
        assert not overflows_horizontally(page)
    finally:
        page.close()
