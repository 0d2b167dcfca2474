"""The page of `jdlint serve` in real Chromium: a uvicorn server on 127.0.0.1, driven as a recruiter would.

axe-core finds nothing on it (empty and with findings, 1280 and 320 px, light and dark) and it reflows at
320 px; a keyboard-only path goes from the paste box to two accepted fixes to the copied text; accepting every
fix gives what `jdlint check --fix --unsafe-fixes` writes; hostile postings run nothing; a file opens by upload.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from real_browser import axe_violations, overflows_horizontally

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "hostile.md"
READY = "() => document.body.dataset.state === 'ready'"
# A posting of our own with fixable findings (a gendered title, stripped apostrophes, mojibake), wordings to
# choose from, an age limit inside a long sentence (overlapping highlights) and no pay or EEO statements.
POSTING = """# Senior Salesman

Youll join a small team that sells farm equipment across the Midwest. Were looking for a rockstar salesman \
who thrives under pressure \u00e2\u20ac\u201d and who is a digital native.

## What youll do

- Visit customers in three states and keep their accounts healthy, answering questions about machines, parts, \
financing, delivery dates, warranty claims and the training their crews need, so that every customer knows whom to \
call when something breaks during the harvest and applicants aged 20-30 are preferred for this busy season.
- Write weekly reports for the sales lead.

## Requirements

- Bachelor degree in agriculture or business.
- Valid drivers license.
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """The real application on uvicorn in a background thread; yields its base URL."""
    import uvicorn

    from jdlint.serve import create_app

    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not uv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/")
    yield page
    context.close()


def paste(page, text: str) -> None:
    """Focus the paste box and type the text in one go (as a paste does), then wait for the answer."""
    page.focus("#posting")
    page.keyboard.insert_text(text)
    page.wait_for_function(READY)


def focus_fixable(page, backwards: bool = False) -> None:
    """Tab (only the keyboard) until a finding with a fix has the focus."""
    for _ in range(300):
        if page.evaluate("() => !!(document.activeElement && document.activeElement.dataset.fixable)"):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError("no fixable finding reachable by Tab")


def codes(page) -> list[str]:
    return page.eval_on_selector_all("li.finding", "items => items.map(i => i.dataset.code)")


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (320, "light"), (1280, "dark"), (320, "dark")])
def test_axe_finds_nothing_and_the_page_reflows(page, width, scheme):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    assert axe_violations(page) == []
    assert not overflows_horizontally(page)
    paste(page, POSTING)
    assert "JD302" in codes(page)
    assert axe_violations(page) == []
    assert not overflows_horizontally(page)


def test_findings_are_grouped_errors_first_with_words_and_shapes(page):
    paste(page, POSTING)
    headings = page.eval_on_selector_all("#groups h3", "hs => hs.map(h => h.textContent)")
    assert headings[0].startswith("Errors") and headings[1].startswith("Warnings")
    first = page.locator("li.finding").first
    assert first.get_attribute("data-code") == "JD302"
    assert "Error" in first.locator(".sev").inner_text() and first.locator(".shape.error").count() == 1
    assert "Age" in first.inner_text()  # data/categories.toml's name for the category, as in the report
    summary = page.inner_text("#summary")
    assert "Pay" in summary and "Gender coding" in summary
    assert "finding" in page.inner_text("#status")


def test_overlapping_highlights_all_stay_visible(page):
    paste(page, POSTING)
    marks = page.eval_on_selector_all(
        "#mirror mark", "ms => ms.map(m => ({cls: m.className, text: m.textContent, ids: m.dataset.ids}))"
    )
    age = [m for m in marks if m["text"] == "aged 20-30"]
    assert len(age) == 1 and "sev-error" in age[0]["cls"] and "multi" in age[0]["cls"]
    long_sentence = [m for m in marks if "sev-info" in m["cls"]]
    assert len(long_sentence) >= 2  # the long sentence's highlight runs on both sides of the error inside it
    marked = {index for m in marks for index in m["ids"].split()}
    spans = page.eval_on_selector_all(
        "li.finding", "items => items.filter(i => !i.textContent.includes('whole posting')).map(i => i.id.slice(2))"
    )
    assert marked == set(spans)  # every finding in the text has a visible highlight
    text = page.input_value("#posting")
    assert page.eval_on_selector("#mirror", "m => m.textContent") == text + "\u200b"  # the mirror is the text


def test_keyboard_only_paste_accept_two_and_copy(browser, server):
    clipboard = ["clipboard-read", "clipboard-write"]
    context = browser.new_context(permissions=clipboard, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/")
    try:
        paste(page, POSTING)
        focus_fixable(page)
        first = page.evaluate("() => document.activeElement.dataset.code")
        page.keyboard.press("a")
        page.wait_for_function(READY)
        assert page.evaluate("() => document.activeElement.matches('li.finding')"), "focus stays in the findings"
        focus_fixable(page)
        second = page.evaluate("() => document.activeElement.dataset.code")
        page.keyboard.press("a")
        page.wait_for_function(READY)
        assert "Accepted" in page.inner_text("#status")
        text = page.input_value("#posting")
        assert text != POSTING
        assert {first, second} <= {"JD201", "JD110", "JD111", "JD101"}
        for _ in range(300):
            if page.evaluate("() => document.activeElement.id") == "copy-text":
                break
            page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('status').textContent.startsWith('Copied')")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == text
        # the first two fixes in the list (damaged text comes before gendered wording among the warnings)
        assert copied == POSTING.replace("Youll join", "You'll join").replace("Were looking", "We're looking")
    finally:
        context.close()


def test_dismiss_by_key_hides_a_finding_for_the_session(page):
    paste(page, POSTING)
    page.focus("li.finding[data-code=JD332]")
    before = codes(page).count("JD332")
    page.keyboard.press("d")
    assert codes(page).count("JD332") == before - 1
    assert page.evaluate("() => document.activeElement.matches('li.finding')")
    assert "Dismissed" in page.inner_text("#status")
    page.focus("#posting")
    page.keyboard.insert_text(" ")
    page.wait_for_function(READY)
    assert codes(page).count("JD332") == before - 1  # still hidden after the next check
    page.click("#restore")
    assert codes(page).count("JD332") == before


def test_a_chosen_wording_replaces_the_words(page):
    paste(page, POSTING)
    page.locator("li.finding[data-code=JD332] button", has_text="Use: skilled").click()
    page.wait_for_function(READY)
    assert "a skilled salesman" in page.input_value("#posting")


def test_accepting_every_fix_equals_the_fix_engine(page, tmp_path):
    paste(page, POSTING)
    page.click("#fix-all")
    page.wait_for_function("() => document.body.dataset.state === 'ready' && !document.querySelector('[data-fixable]')")
    posting = tmp_path / "posting.md"
    posting.write_text(POSTING, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "jdlint", "check", "--fix", "--unsafe-fixes", "--exit-zero", str(posting)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    fixed = posting.read_text(encoding="utf-8")
    assert fixed != POSTING
    assert page.input_value("#posting") == fixed


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_hostile_postings_run_nothing(page, fmt):
    response = page.goto(page.url)
    policy = response.headers["content-security-policy"]
    assert "script-src 'nonce-" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    title = page.title()
    page.select_option("#format", fmt)
    paste(page, HOSTILE.read_text(encoding="utf-8"))
    page.wait_for_timeout(300)
    assert page.title() == title
    assert page.evaluate("() => window.pwned") is None
    assert dialogs == []
    assert page.locator("#groups script, #groups img, #groups svg, #mirror script, #mirror img").count() == 0
    assert "JD201" in codes(page)
    assert page.locator("li.finding .message bdi").count() == len(codes(page))  # posting text is isolated


def test_upload_a_markdown_file(page, tmp_path):
    upload = tmp_path / "sales-role.md"
    upload.write_text(POSTING, encoding="utf-8")
    page.set_input_files("#file", str(upload))
    page.wait_for_function(READY)
    assert page.input_value("#format") == "markdown"
    assert page.input_value("#posting") == POSTING
    assert "JD201" in codes(page) and "Opened sales-role.md" in page.inner_text("#status")
    with page.expect_download() as download:
        page.click("#download")
    assert download.value.suggested_filename == "sales-role-revised.md"


def test_date_and_location_are_sent_and_shown(page):
    sent: list[dict] = []
    page.on("request", lambda r: sent.append(json.loads(r.post_data)) if r.method == "POST" else None)
    page.fill("#location", "Denver, Colorado")
    page.fill("#date", "2024-03-01")
    paste(page, POSTING)
    assert sent[-1]["metadata"] == {"location": "Denver, Colorado"} and sent[-1]["date"] == "2024-03-01"
    used = page.inner_text("#pay-used")
    assert "2024-03-01" in used and "Colorado" in used  # the location sent, or the place jdlint read in it


def test_the_pay_laws_jdlint_used_are_shown(page):
    """The answer's metrics.pay_laws (the day and the places the pay rules used, and their laws) is shown."""

    def with_pay_laws(route):
        answer = route.fetch().json()
        answer["files"][0]["metrics"]["pay_laws"] = {
            "date": "2025-06-30",
            "jurisdictions": [{"code": "US-CO", "name": "Colorado", "place": "Denver", "evidence": "Denver, CO"}],
            "laws": [
                {
                    "jurisdiction": "US-CO",
                    "law": "Equal Pay for Equal Work Act",
                    "effective": "2021-01-01",
                    "in_force": True,
                    "in_posting": True,
                    "citation": "C.R.S. 8-5-201",
                }
            ],
        }
        route.fulfill(json=answer)

    page.route("**/api/v1/check", with_pay_laws)
    paste(page, POSTING)
    used = page.inner_text("#pay-used")
    assert "2025-06-30" in used and "Colorado (US-CO), from \u201cDenver\u201d" in used
    assert "Equal Pay for Equal Work Act (US-CO): in force since 2021-01-01; the posting must state the pay." in used


def test_copy_the_recommended_statements(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "/")
    try:
        paste(page, POSTING)
        page.click("#copy-statements")
        page.wait_for_function("() => document.getElementById('status').textContent.startsWith('Copied')")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert "equal opportunity employer" in copied and "accommodation" in copied and "[maximum]" in copied
    finally:
        context.close()


def test_api_errors_are_said_in_words(page):
    page.evaluate(
        "() => { const box = document.getElementById('posting'); box.value = 'x'.repeat(1100000);"
        " box.dispatchEvent(new Event('input')); }"
    )
    page.wait_for_function("() => document.body.dataset.state === 'error'")
    message = page.inner_text("#error")
    assert "could not check this posting" in message and "larger than the server's limit" in message


def test_an_answer_that_comes_late_is_ignored(page):
    """The first request is held back and answered after the second: the page keeps the second's findings."""
    held = []

    def out_of_order(route):
        if not held:
            held.append(route)  # no answer yet
            return
        route.fulfill(response=route.fetch())
        with contextlib.suppress(Exception):  # the page may have cancelled the held request already
            held[0].fulfill(response=held[0].fetch())

    page.route("**/api/v1/check", out_of_order)
    page.focus("#posting")
    page.keyboard.insert_text("We need a salesman.")
    page.wait_for_function("() => document.body.dataset.state === 'checking'")
    page.wait_for_timeout(100)
    page.keyboard.insert_text(" Youll love it.")
    page.wait_for_function(READY)
    page.wait_for_timeout(300)
    assert "JD110" in codes(page) and "JD201" in codes(page)
    assert page.eval_on_selector_all("#mirror mark", "ms => ms.map(m => m.textContent)") == ["salesman", "Youll"]


def test_enter_selects_the_words_and_escape_comes_back(page):
    paste(page, POSTING)
    page.focus("li.finding[data-code=JD332]")
    page.keyboard.press("Enter")
    selected = page.evaluate(
        "() => { const b = document.activeElement;"
        " return b.id + ':' + b.value.slice(b.selectionStart, b.selectionEnd); }"
    )
    assert selected == "posting:rockstar"
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.dataset.code") == "JD332"


def test_print_shows_every_finding_and_why(page):
    paste(page, POSTING)
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("() => [...document.querySelectorAll('#groups details')].every(d => d.open)")
    assert page.evaluate("() => getComputedStyle(document.querySelector('.panel')).overflowY") == "visible"
    assert not page.is_visible("#fix-all")


def test_upload_reads_windows_1252_and_a_byte_order_mark(page, tmp_path):
    old = tmp_path / "old-export.txt"
    old.write_bytes("We need a salesman for our caf\u00e9.\n".encode("cp1252"))
    page.set_input_files("#file", str(old))
    page.wait_for_function(READY)
    assert page.input_value("#posting") == "We need a salesman for our caf\u00e9.\n"
    assert page.input_value("#format") == "text" and "Windows-1252" in page.inner_text("#status")
    marked = tmp_path / "bom.html"
    marked.write_bytes(b"\xef\xbb\xbf<p>We need a salesman.</p>\n")
    page.set_input_files("#file", str(marked))
    page.wait_for_function("() => document.getElementById('posting').value.startsWith('<p>')")
    page.wait_for_function(READY)
    assert page.input_value("#posting") == "<p>We need a salesman.</p>\n" and page.input_value("#format") == "html"
    assert "JD201" in codes(page)


def test_bidi_controls_in_a_posting_stay_inside_their_isolates(page):
    """A right-to-left override in a long sentence (JD602 quotes it) cannot move the page's own quote mark."""
    sentence = " ".join(["We visit customers"] + ["and answer their questions"] * 9 + ["\u202eabout orders today."])
    paste(page, "We need a salesman. " + sentence + "\n")
    quote = page.locator("li.finding[data-code=JD602] .quote")
    assert quote.locator("bdi").count() == 1
    closing_after_text = quote.evaluate(
        """q => { const range = document.createRange(); range.selectNodeContents(q.lastChild);
                  const mark = range.getBoundingClientRect(), lines = q.children[0].getClientRects();
                  const last = lines[lines.length - 1];
                  const sameLine = Math.abs(mark.top - last.top) < 2;
                  return (sameLine && mark.left >= last.right - 1) || mark.top >= last.bottom - 1; }"""
    )
    assert closing_after_text


def test_a_new_answer_keeps_the_focus_on_the_finding(page):
    paste(page, POSTING)
    page.focus("li.finding[data-code=JD332]")
    page.evaluate("() => document.getElementById('date').dispatchEvent(new Event('change'))")  # a check while there
    page.wait_for_function(READY)
    assert page.evaluate("() => document.activeElement.dataset.code") == "JD332"


def test_apply_all_leaves_the_focus_on_the_next_action(page):
    paste(page, POSTING)
    page.focus("#fix-all")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.state === 'ready' && !document.querySelector('[data-fixable]')")
    page.wait_for_function("() => document.activeElement.id === 'copy-text'")


@pytest.mark.parametrize("width", [1280, 320])
def test_the_highlight_layer_wraps_as_the_text_does(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    paste(page, POSTING)
    heights = page.evaluate(
        "() => [document.getElementById('mirror').scrollHeight, document.getElementById('posting').scrollHeight,"
        " document.getElementById('posting').clientHeight]"
    )
    assert abs(heights[0] - heights[1]) <= 1 and heights[1] <= heights[2] + 1  # same lines; nothing scrolled away
