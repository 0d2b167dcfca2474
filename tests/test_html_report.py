"""The HTML report: self-contained, escaped, and inert when the posting is hostile (checked in Chromium)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "hostile.md"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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
    assert 'id="index"' in page and page.count('class="posting"') == 2
    assert "<details" in page and "<ins>salesperson</ins>" in page and "<del>salesman</del>" in page
    assert "Text you can paste:" in page  # missing statements come with text to paste


def test_default_output_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.txt").write_text("We need a salesman.\n")
    result = CliRunner().invoke(main, ["check", "--exit-zero", "--format", "html", "p.txt"])
    assert result.exit_code == 0 and (tmp_path / "jdlint-report.html").exists()
    assert result.output == "" or "Wrote jdlint-report.html" in result.output


def _chromium():
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run should have installed it")
        pytest.skip("chromium not installed here (CI installs Debian's chromium)")
    return found


def test_hostile_posting_runs_no_script_in_chromium(tmp_path):
    browser = _chromium()
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
