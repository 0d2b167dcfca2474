"""Compare jdlint with alex, Joblint and proselint on the same postings. Prints figures; asserts nothing.

    bash benchmarks/setup_peers.sh /tmp/jdlint-peers
    python benchmarks/peers.py ../shared/corpus/postings.jsonl --peers /tmp/jdlint-peers --limit 1000

Each tool runs over the same files (postings written to a scratch folder as .md): one batch run for
throughput and peak RSS (of the tool's own process, from wait4), and a run on a single posting for cold start.
Joblint's CLI takes one file at a time, so its batch is a loop of runs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure(command: list[str], cwd: str) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one command and its children."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--peers", default="/tmp/jdlint-peers")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    peers = Path(args.peers)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "postings"
        folder.mkdir()
        words = 0
        with open(args.corpus, encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if number >= args.limit:
                    break
                text = json.loads(line)["text"]
                words += len(text.split())
                (folder / f"p{number:05d}.md").write_text(text, encoding="utf-8")
        files = sorted(str(p) for p in folder.iterdir())
        one = files[0]
        jdlint = [sys.executable, "-m", "jdlint", "check", "--exit-zero"]
        tools = {
            "jdlint": (jdlint + ["--jobs", str(args.jobs), str(folder)], jdlint + [one]),
            "alex": ([str(peers / "node_modules/.bin/alex"), str(folder)], [str(peers / "node_modules/.bin/alex"), one]),
            "proselint": ([str(peers / "venv/bin/proselint"), "check", *files], [str(peers / "venv/bin/proselint"), "check", one]),
            "joblint": (None, [str(peers / "node_modules/.bin/joblint"), one]),
        }
        rows = {}
        for name, (batch, single) in tools.items():
            if not Path(single[0]).exists() and single[0] != sys.executable:
                print(f"{name}: not installed (run benchmarks/setup_peers.sh)")
                continue
            cold, _ = measure(single, scratch)
            if batch is None:  # one process per file
                start, peak = time.perf_counter(), 0.0
                for path in files:
                    _, rss = measure(single[:-1] + [path], scratch)
                    peak = max(peak, rss)
                seconds = time.perf_counter() - start
            else:
                seconds, peak = measure(batch, scratch)
            rows[name] = (len(files) / seconds, words / seconds, cold, peak)
        print(f"{len(files)} postings, {words:,} words")
        print(f"{'tool':<10} {'postings/s':>11} {'words/s':>10} {'cold start s':>13} {'peak RSS MB':>12} {'jdlint/x':>9}")
        base = rows.get("jdlint", (None,))[0]
        for name, (per_s, words_s, cold, peak) in rows.items():
            ratio = f"{base / per_s:.1f}x" if base and name != "jdlint" else ""
            print(f"{name:<10} {per_s:>11.1f} {words_s:>10,.0f} {cold:>13.2f} {peak:>12.0f} {ratio:>9}")


if __name__ == "__main__":
    main()
