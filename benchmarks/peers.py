"""Compare jdlint with alex, Joblint and proselint on the same postings. Prints figures; asserts nothing.

    bash benchmarks/setup_peers.sh /tmp/jdlint-peers
    python benchmarks/peers.py ../shared/corpus/postings.jsonl --peers /tmp/jdlint-peers --limit 1000

Each tool runs over the same files (postings written to a scratch folder as .md): one batch run for
throughput and peak memory (RSS of the largest single process, from wait4; and PSS of the whole process tree,
sampled from /proc every 0.2 s, which counts pages forked workers share with their parent once), and runs on a
single posting for cold start; then jdlint's cold start on the benchmarks' own posting beside `python -c "import
spacy"` (benchmarks/cold_start.py).
Joblint's CLI takes one file at a time, so its batch is a loop of runs. The row "floor" is spaCy's blank tokenizer
and sentencizer alone over the same files and processes (benchmarks/floor.py); jdlint's time is printed as a multiple
of it.
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

import cold_start  # benchmarks/ is on sys.path when this runs as a script

FLOOR = str(Path(__file__).resolve().parent / "floor.py")

COLD_RUNS = 3


def _memory(pid: int, rss_bytes: int) -> int:
    """A process's proportional set size (shared pages split among their sharers), else its RSS.
    Forked workers share most of their pages with the parent; summing RSS would count those twice."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss_bytes


def _tree_memory_mb(root: int) -> float:
    """Memory of a process and all its descendants (PSS, summed; from /proc; 0 elsewhere)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(_memory(pid, rss.get(pid, 0)) for pid in tree) / 2**20


def measure(command: list[str], cwd: str) -> tuple[float, float, float]:
    """(seconds, peak RSS of the largest single process in MB, peak memory (PSS) of the whole process tree in MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=cold_start.INSTALLED_ENV
    )
    tree_peak = 0.0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        tree_peak = max(tree_peak, _tree_memory_mb(process.pid))
        time.sleep(0.2)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, tree_peak or usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--peers", default="/tmp/jdlint-peers")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--tools",
        default="jdlint,alex,proselint,joblint,floor",
        help="comma-separated tools to run (floor: spaCy alone)",
    )
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
            "alex": (
                [str(peers / "node_modules/.bin/alex"), str(folder)],
                [str(peers / "node_modules/.bin/alex"), one],
            ),
            "proselint": (
                [str(peers / "venv/bin/proselint"), "check", *files],
                [str(peers / "venv/bin/proselint"), "check", one],
            ),
            "joblint": (None, [str(peers / "node_modules/.bin/joblint"), one]),
            # spaCy's blank tokenizer and sentencizer alone, over the same files and processes: the floor
            "floor": (
                [sys.executable, FLOOR, "--jobs", str(args.jobs), str(folder)],
                [sys.executable, FLOOR, one],
            ),
        }
        rows = {}
        for name, (batch, single) in tools.items():
            if name not in args.tools.split(","):
                continue
            if not Path(single[0]).exists():
                print(f"{name}: not installed (run benchmarks/setup_peers.sh)")
                continue
            measure(single, scratch)  # untimed: writes Python's bytecode cache, as an install would
            colds = sorted(measure(single, scratch)[0] for _ in range(COLD_RUNS))
            cold = colds[len(colds) // 2]
            if batch is None:  # one process per file
                start, peak = time.perf_counter(), 0.0
                for path in files:
                    _, rss, _ = measure(single[:-1] + [path], scratch)
                    peak = max(peak, rss)
                seconds, tree = time.perf_counter() - start, peak
            else:
                seconds, peak, tree = measure(batch, scratch)
            rows[name] = (len(files) / seconds, words / seconds, cold, peak, tree)
        print(f"{len(files)} postings, {words:,} words; cold start = median of {COLD_RUNS} runs on one posting")
        print(
            f"{'tool':<10} {'postings/s':>11} {'words/s':>10} {'cold start s':>13} {'peak RSS MB':>12} "
            f"{'all processes PSS':>17} {'jdlint/x':>9}"
        )
        base = rows.get("jdlint", (None,))[0]
        for name, (per_s, words_s, cold, peak, tree) in rows.items():
            ratio = f"{base / per_s:.1f}x" if base and name not in ("jdlint", "floor") else ""
            print(f"{name:<10} {per_s:>11.1f} {words_s:>10,.0f} {cold:>13.2f} {peak:>12.0f} {tree:>17.0f} {ratio:>9}")
        if base and "floor" in rows:
            print(
                f"floor:      jdlint takes {rows['floor'][0] / base:.1f}x the time of spaCy's blank tokenizer and "
                f"sentencizer alone (same postings, --jobs {args.jobs}, start-up included)"
            )
    if "jdlint" in args.tools.split(","):
        # the cold-start target's own figure: the benchmarks' posting, beside `import spacy` in this same run
        posting = cold_start.default_posting()
        for line in cold_start.report(cold_start.measure(posting), cold_start.RUNS, len(posting.split())):
            print(line)


if __name__ == "__main__":
    main()
