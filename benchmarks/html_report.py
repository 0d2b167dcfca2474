"""Size and speed of a large HTML report. Prints figures; asserts nothing.

    python benchmarks/html_report.py                 # 500 synthetic postings (tests/postings_factory.py)
    python benchmarks/html_report.py --postings 1000 --browser

Lints the postings once (in-process), then renders the page three times and prints the best render time, the
page's size (bytes, per posting) and its element count. With --browser (Debian's Chromium under Playwright), it
also loads the page and prints the time to DOMContentLoaded and to the load event, and how long the filter takes to
run once over every finding.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

from jdlint.config import Config
from jdlint.formats import parse
from jdlint.linter import Linter
from jdlint.report import html_report
from jdlint.source import Source

TESTS = Path(__file__).resolve().parents[1] / "tests"
SUFFIX = {"text": "txt", "markdown": "md", "html": "html"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postings", type=int, default=500)
    parser.add_argument("--browser", action="store_true", help="also load the page in Chromium")
    args = parser.parse_args()
    sys.path.insert(0, str(TESTS))
    from postings_factory import postings

    documents = [
        parse(Source(f"postings/{p['id']}.{SUFFIX[p['format']]}", p["text"], format=p["format"]))
        for p in postings(args.postings, seed=500)
    ]
    started = time.perf_counter()
    results = list(Linter(Config()).lint(documents, want_metrics=True))
    linted = time.perf_counter() - started
    times = []
    for _ in range(3):
        started = time.perf_counter()
        page = html_report.render(results)
        times.append(time.perf_counter() - started)
    size = len(page.encode("utf-8"))
    findings = sum(len(r.findings) for r in results)
    print(f"postings            {len(results)}  ({findings} findings)")
    print(f"lint (in-process)   {linted:.2f} s")
    print(f"render (best of 3)  {min(times):.2f} s  ({1000 * min(times) / len(results):.1f} ms a posting)")
    print(f"page size           {size / 1e6:.2f} MB  ({size / len(results) / 1000:.1f} kB a posting)")
    print(f"elements            {len(re.findall(r'<[a-zA-Z]', page))}")
    if args.browser:
        _browser(page)


def _browser(page_html: str) -> None:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(TESTS))
    from real_browser import launch

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        path = Path(folder) / "report.html"
        path.write_text(page_html, encoding="utf-8")
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(path.as_uri())
        timing = page.evaluate(
            "() => { const t = performance.getEntriesByType('navigation')[0];"
            " return [t.domContentLoadedEventEnd, t.loadEventEnd]; }"
        )
        print(f"browser DOMContentLoaded {timing[0]:.0f} ms, load {timing[1]:.0f} ms")
        started = time.perf_counter()
        page.select_option("#filter-severity", "warning")
        said = page.inner_text("#filter-status")
        print(f"browser filter      {1000 * (time.perf_counter() - started):.0f} ms ({said})")
        browser.close()


if __name__ == "__main__":
    main()
