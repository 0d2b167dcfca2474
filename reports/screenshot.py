"""Render the HTML report of a posting and screenshot it in headless Chromium at 1280 and 320 px (for review).

    python reports/screenshot.py ../shared/examples/seed-posting.txt report.png

writes report.html, report-1280.png and report-320.png (whole pages; report-1280-dark.png in the dark colour
scheme too). Needs Debian's chromium (installed by .ci/run) and Playwright (the test environment); prints where the
report and the screenshots went.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WIDTHS = (1280, 320)


def main(posting: str, png: str) -> None:
    report = Path(png).with_suffix(".html")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "jdlint",
            "check",
            "--exit-zero",
            "--format",
            "html",
            "--output-file",
            str(report),
            posting,
        ],
        check=True,
    )
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from real_browser import launch  # Debian's Chromium, nothing from the network

    stem = Path(png).with_suffix("")
    shots = [(width, "light", Path(f"{stem}-{width}.png")) for width in WIDTHS]
    shots.append((WIDTHS[0], "dark", Path(f"{stem}-{WIDTHS[0]}-dark.png")))
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for width, scheme, out in shots:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.emulate_media(color_scheme=scheme)
            page.goto(report.resolve().as_uri())
            page.screenshot(path=str(out), full_page=True)
            page.close()
        browser.close()
    print(f"report: {report}")
    for _, _, out in shots:
        print(f"screenshot: {out}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
