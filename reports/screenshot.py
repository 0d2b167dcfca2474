"""Render the HTML report of a posting and screenshot it in headless Chromium (for reviewing the report).

    python reports/screenshot.py ../shared/examples/seed-posting.txt report.png

Needs Debian's chromium (installed by .ci/run). Prints where the report and the screenshot went.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("chromium not found: apt-get install chromium")


def main(posting: str, png: str, width: int = 1280, height: int = 2400) -> None:
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
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium(),
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={Path(png).resolve()}",
                report.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"report: {report}\nscreenshot: {png}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
