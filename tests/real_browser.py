"""Real-browser helpers for the page tests: Debian's Chromium driven by Playwright, with axe-core injected.

Chromium comes from Debian (.ci/run installs it) and axe-core from npm into tests/browser/node_modules
(.ci/run runs `npm ci` there); neither is part of the wheel. Outside CI a missing one skips the browser
tests; under CI (CI set) it fails them, so a broken set-up cannot pass as green.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0-2.2 A and AA, plus axe's best practices (landmarks, headings, regions)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: .ci/run should have installed it")
    pytest.skip(f"{what} not installed here (.ci/run installs it)")


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        _missing("chromium")
    assert found is not None
    return found


def axe_source() -> str:
    if not AXE.exists():
        _missing("axe-core (npm ci --prefix tests/browser)")
    return AXE.read_text(encoding="utf-8")


def launch(playwright):
    """Debian's Chromium under Playwright: no browser download, nothing from the network."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now: [{id, impact, help, nodes: [html...]}].

    The script is evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
    govern, so the page under test keeps its real policy."""
    page.evaluate(axe_source())
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                nodes: v.nodes.map(n => n.html.slice(0, 200))}));
        }""",
        AXE_TAGS,
    )


def overflows_horizontally(page) -> bool:
    """True when the page scrolls sideways at its viewport width (WCAG 1.4.10 Reflow fails)."""
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"))
