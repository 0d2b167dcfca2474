"""The HTML report: self-contained, escaped, and inert when the posting is hostile (checked in Chromium)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from click.testing import CliRunner
from real_browser import CHROMIUM_ARGS, chromium_path

from jdlint.cli import main

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "hostile.md"
FLAGS = ["--headless", *CHROMIUM_ARGS]  # the browser run directly, for --dump-dom


def render(tmp_path, *paths) -> str:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", "--exit-zero", "--format", "html", "--output-file", str(out), *paths])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_posting_text_is_escaped(tmp_path):
    page = render(tmp_path, str(HOSTILE))
    scripts = re.findall(r"<script[^>]*>", page)
    assert len(scripts) == 1 and "nonce=" in scripts[0]  # only the page's own sorting script
    assert "&lt;script&gt;document.title" in page
    assert 'href="javascript:' not in page and '<img src="x"' not in page and "<svg" not in page
    assert "Content-Security-Policy" in page and "http://" not in page.split("<body>")[0]


def test_report_structure_for_many_postings(tmp_path):
    second = Path(__file__).parent / "fixtures" / "reports" / "posting.txt"
    page = render(tmp_path, str(HOSTILE), str(second))
    assert '<html lang="en">' in page and "<main" in page and "<header>" in page
    assert 'id="index"' in page and page.count('<article class="posting"') == 2
    assert (
        "<details" in page
        and '<ins class="iso">salesperson</ins>' in page
        and '<del class="iso">salesman</del>' in page
    )
    assert "Text you can paste:" in page  # missing statements come with text to paste
    assert 'role="region"' not in page  # postings are articles: no repeated landmarks


def test_default_output_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.txt").write_text("We need a salesman.\n")
    result = CliRunner().invoke(main, ["check", "--exit-zero", "--format", "html", "p.txt"])
    assert result.exit_code == 0 and (tmp_path / "jdlint-report.html").exists()
    assert result.output == "" or "Wrote jdlint-report.html" in result.output


def test_hostile_posting_runs_no_script_in_chromium(tmp_path):
    browser = chromium_path()
    render(tmp_path, str(HOSTILE))
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [
            browser,
            *FLAGS,
            f"--user-data-dir={profile}",
            "--virtual-time-budget=2000",
            "--dump-dom",
            (tmp_path / "report.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert 'data-script="ran"' in dom  # scripts do run in this browser: the page's own one did
    assert "<title>jdlint report" in dom and "PWNED" not in dom.split("</title>")[0]  # none of the posting's did
    assert 'id="f-1-' in dom  # the findings panels rendered


def test_report_has_no_axe_violations(tmp_path, browser):
    from real_browser import axe_violations

    render(tmp_path, str(HOSTILE))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((tmp_path / "report.html").as_uri())
    assert axe_violations(page) == []
    page.close()


LONG = (
    "Sales Lead\n\nWe need a salesman for our Denver store, and the salesman we hire will travel to customers across "
    "the whole state every single week of the year while keeping detailed notes of every call, order and complaint "
    "that comes up along the way so that the team can plan ahead.\n"
)


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_checklist_says_what_was_not_checked(tmp_path):
    page = render(tmp_path, write(tmp_path, "short.txt", "We need a salesperson.\n"))
    assert "Nothing missing" not in page and "are all there" not in page
    assert page.count("Not checked</span> (the posting has 4 words, fewer than the 40 this check needs)") == 3


def test_checklist_with_select_and_missing_items(tmp_path):
    out = tmp_path / "r.html"
    args = ["check", "--exit-zero", "--format", "html", "-o", str(out), "--select", "JD5", "--ignore", "JD520"]
    CliRunner().invoke(main, [*args, write(tmp_path, "p.txt", LONG)])
    page = out.read_text(encoding="utf-8")
    assert '<strong>Pay range</strong>: <span class="status missing">Missing</span>' in page
    assert 'Equal-opportunity statement</strong>: <span class="status unknown">Not checked</span> (turned off' in page


def test_every_finding_is_reachable_when_highlights_overlap(tmp_path):
    page = render(tmp_path, write(tmp_path, "p.txt", LONG))
    links = re.findall(r'href="#(m-[0-9-]+)"', page)
    targets = set(re.findall(r'id="(m-[0-9-]+)"', page))
    assert len(links) == 3 and set(links) == targets  # a long sentence (info) over two gendered titles
    assert len(re.findall(r'class="tag[^"]*" href="#f-1-\d+"', page)) == 3  # each finding's number after its last run
    assert '<mark class="sev-warning stacked">' in page  # the warning's look on top of the info


def test_summary_counts_plurals_and_plain_words(tmp_path):
    page = render(tmp_path, write(tmp_path, "p.txt", LONG), str(HOSTILE))
    assert not re.search(r"\b1 (errors|warnings|findings|postings|words)\b", page)
    assert "2 postings checked" in page
    assert "Gendered wording</a> (2)" in page and "Pay</a> (1)" in page  # categories in plain words, with counts
    visible = re.sub(r'\s[\w-]+="[^"]*"', "", page.split("</style>", 1)[1].split("<script", 1)[0])
    visible = re.sub(r"(?i)for developers:[^<]*", "", visible)
    assert "missing-eeo" not in visible and "missing-salary" not in visible and "JD201" not in visible
    assert "Equal-opportunity statement" in visible
    assert "For developers: JD201 gendered-job-title" in page  # codes stay there for developers
    assert "No gender-coded words found" in page and ">empty<" not in page
    error_first = page.index("What to fix first")
    assert page.index("Error</span> <a", error_first) < page.index("Pay</a> (1)", error_first)
    assert page.index("Pay</a> (1)", error_first) < page.index("Gendered wording</a> (2)", error_first)


def test_gender_balance_in_words():
    from jdlint.report.html_report import gender_balance

    assert gender_balance({}) == "No gender-coded words found"
    assert gender_balance({"masculine": ["lead"] * 5, "feminine": ["support"], "verdict": "masculine-coded"}) == (
        "Leans masculine: 5 masculine-coded words, 1 feminine-coded"
    )
    assert gender_balance({"masculine": ["lead"], "feminine": [], "verdict": "strongly masculine-coded"}) == (
        "Strongly masculine: 1 masculine-coded word, 0 feminine-coded"
    )


def test_failed_inputs_are_listed_and_counted(tmp_path):
    out = tmp_path / "r.html"
    small = write(tmp_path, "small.txt", "We need a salesperson.\n")
    big = write(tmp_path, "big.txt", "word " * 400)
    CliRunner().invoke(
        main, ["check", "--exit-zero", "--format", "html", "-o", str(out), "--max-file-size", "1KB", small, big]
    )
    page = out.read_text(encoding="utf-8")
    assert "1 posting checked, 1 could not be read" in page
    assert '<h2 id="errors-heading">1 posting could not be checked</h2>' in page
    listed = re.search(r"<bdi>[^<]*big\.txt</bdi></strong>: <bdi>([^<]*)</bdi>", page)
    # the reason beside the name, without the name again
    assert listed and "big.txt" not in listed.group(1) and "max-file-size" in listed.group(1)


def test_rendered_view_of_markdown_passes_no_markup(tmp_path):
    text = (
        '# Line Cook\n\nWe are **hiring** a salesman &amp; more. <b onclick="x()">bold</b>\n\n- Its fun\n- Youll grow\n'
    )
    page = render(tmp_path, write(tmp_path, "p.md", text))
    rendered = page.split('<div class="rendered" dir="auto" lang="en">', 1)[1].split("</div>", 1)[0]
    assert "**" not in rendered and "onclick" not in rendered and "<b" not in rendered
    assert '<h4 dir="auto"><span class="pt">Line Cook</span></h4>' in rendered
    assert "<ul>" in rendered and rendered.count("<li") == 2
    assert re.search(r'<mark class="sev-warning"><span id="r-1-\d+"></span>salesman</mark>', rendered)
    assert 'aria-pressed="true" data-view="rendered"' in page and '<details class="source-view">' in page


def test_a_finding_on_markup_only_is_listed_with_its_source_place(tmp_path):
    text = (
        '<html lang="en"><body><h1>Cook</h1><p>We need a cook.</p><img src="x.png">'
        "<p>Apply by email.</p></body></html>\n"
    )
    page = render(tmp_path, write(tmp_path, "p.html", text))
    finding = re.search(r'<details class="finding" id="f-(1-\d+)"[^>]*>(?:(?!</details>).)*JD611', page, re.S)
    assert finding is not None
    ident = finding.group(1)
    assert f'href="#m-{ident}"' in page and f'id="m-{ident}"' in page
    assert f'href="#r-{ident}"' not in page  # nothing of it is in the rendered text
    assert "<img" not in page.split("<main", 1)[1]


def test_plain_text_postings_show_the_text_only(tmp_path):
    page = render(tmp_path, write(tmp_path, "p.txt", LONG))
    body = page.split("<body>", 1)[1].split("<script", 1)[0]
    assert '<div class="rendered"' not in body and 'data-view="rendered"' not in body


def test_rewrite_is_the_fix_engines_text_plus_the_missing_statements(tmp_path):
    import html

    from conftest import lint

    from jdlint.catalog import load_catalog
    from jdlint.fix import apply_findings
    from jdlint.report.html_report import rewrite

    result = lint(LONG + "Its a great team and youll love it.\n")
    rules = {rule.code: rule for rule in load_catalog().rules}
    revised = rewrite(result.text, result.findings, rules)
    fixed, _ = apply_findings(result.text, [f for f in result.findings if f.fix is not None])
    assert revised.fixed == fixed and "salesperson" in fixed and "It's" in fixed and "you'll" in fixed
    assert len(revised.statements) == 3 and "$[minimum]" in revised.statements[0]
    assert revised.text == fixed.rstrip() + "\n\n" + "\n\n".join(revised.statements) + "\n"
    page = render(tmp_path, write(tmp_path, "p.txt", result.text))
    shown = re.search(r'<pre class="rewrite" id="rw-1" dir="auto" lang="en">(.*?)</pre>', page, re.S)
    assert shown is not None and html.unescape(shown.group(1)) == revised.text
    assert "ItsIt" not in html.unescape(shown.group(1))
    assert "Line 3: <del" in page  # the changes listed on their own


def test_identical_nested_and_zero_width_spans_each_keep_a_target_and_a_number():
    from jdlint.model import FileResult, Finding, Severity, Span
    from jdlint.report import html_report

    text = "We need a salesman who is a rockstar.\n"

    def finding(code: str, severity: Severity, start: int, end: int) -> Finding:
        return Finding(code, "x", "gendered", severity, f"{code} here", Span(start, end), text[start:end])

    findings = [
        finding("JD602", Severity.INFO, 0, 37),  # the whole sentence
        finding("JD201", Severity.WARNING, 10, 18),  # salesman, inside it
        finding("JD203", Severity.ERROR, 10, 18),  # the same words again
        finding("JD110", Severity.WARNING, 18, 18),  # an insertion point right after them
        finding("JD301", Severity.WARNING, 28, 36),  # rockstar
    ]
    page = html_report.render([FileResult("p.txt", "text", "utf-8", findings, text=text)])
    ids = re.findall(r'<details class="finding" id="f-(1-\d+)"', page)
    assert len(ids) == 5
    for ident in ids:
        assert page.count(f'id="m-{ident}"') == 1 and f'href="#m-{ident}"' in page  # a target, and a link to it
        assert re.search(rf'class="tag[^"]*" href="#f-{ident}"', page)  # its number in the text
    assert '<mark class="sev-error stacked">' in page  # the error decides the look where all three overlap
    source = page.split('<div class="source" dir="auto">', 1)[1].split("</div>", 1)[0]
    assert re.sub(r"<a class=\"tag.*?</a>|<[^>]+>", "", source) == text  # the text whole, in order
