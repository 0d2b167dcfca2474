"""Screenshots of the `jdlint serve` page after accepting two suggestions, at 1280 and 320 px (for review).

    python reports/serve_screenshot.py ../shared/examples/seed-posting.txt [OUT_DIR]

Starts the page's server on 127.0.0.1 (a free port), opens it in Debian's headless Chromium under Playwright,
pastes the posting, accepts the first two findings that have a fix with the keyboard (Tab to the finding, A),
and writes OUT_DIR/serve-1280.png (the first 1280x1200 screen: text and findings side by side) and
OUT_DIR/serve-320.png (the whole page at 320 px, stacked); OUT_DIR defaults to the current folder.
Needs chromium (.ci/run installs it) and the playwright package; nothing is fetched from the network.
"""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int):
    """uvicorn serving jdlint's app in a background thread; returns (server, thread) once it listens."""
    import uvicorn

    from jdlint.serve import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise SystemExit("the server did not start")
        time.sleep(0.05)
    return server, thread


def accept_two(page) -> None:
    """Tab from the paste box to the first finding with a fix and press A on it, then on to the next."""
    for _ in range(2):
        for _ in range(300):
            if page.evaluate("() => !!(document.activeElement && document.activeElement.dataset.fixable)"):
                break
            page.keyboard.press("Tab")
        page.keyboard.press("a")
        page.wait_for_function("() => document.body.dataset.state === 'ready'")
    page.evaluate("() => document.activeElement.blur()")


def main(posting: str, out_dir: str = ".") -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium not found: apt-get install chromium")
    text = Path(posting).read_text(encoding="utf-8")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server, thread = start_server(port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1200})
            page.goto(f"http://127.0.0.1:{port}/")
            page.focus("#posting")
            page.keyboard.insert_text(text)
            page.wait_for_function("() => document.body.dataset.state === 'ready'")
            accept_two(page)
            page.evaluate("window.scrollTo(0, 0)")
            # one screen: the findings panel is sticky beside the text, so a whole-page shot adds only text
            page.screenshot(path=str(out / "serve-1280.png"))
            page.set_viewport_size({"width": 320, "height": 900})
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / "serve-320.png"), full_page=True)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(10)
    print(f"screenshots: {out / 'serve-1280.png'} {out / 'serve-320.png'}")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
