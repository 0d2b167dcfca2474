"""Cold start of `jdlint check` beside `python -c "import spacy"`, in one run. Prints figures; asserts nothing.

Usage (from the project root):

    python benchmarks/cold_start.py              # 5 runs each, the posting written for serve_load.py
    python benchmarks/cold_start.py --runs 9 --posting my-posting.md

Each run is a fresh process; the two commands alternate so that a busy machine slows both alike, and the ratio
(jdlint's median over spaCy's) is the figure that survives the noise. CPU time (user + system, from wait4) is shown
beside the wall time for the same reason. One untimed run of each comes first and the runs may write Python's bytecode
cache, as an installed tool has it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = 5
# As installed: pip writes the bytecode cache at install time. A shell that sets PYTHONDONTWRITEBYTECODE (as this
# project's sandbox does) would otherwise have every edited module recompiled from source in every timed run.
INSTALLED_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def jdlint_command() -> list[str]:
    script = os.path.join(os.path.dirname(sys.executable), "jdlint")
    if os.path.isfile(script) and os.access(script, os.X_OK):
        return [script]
    return [sys.executable, "-m", "jdlint"]


def timed(command: list[str], cwd: str) -> tuple[float, float]:
    """(wall, cpu) seconds of one run of `command`."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd, env=INSTALLED_ENV)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        print(f"cold start: {command[-2:]} exited {process.returncode}: {stderr.strip()[-500:]}", file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime


def measure(text: str, suffix: str = ".txt", runs: int = RUNS) -> dict[str, tuple[float, float]]:
    """Median (wall, cpu) of `runs` fresh `jdlint check --exit-zero FILE` and `python -c "import spacy"`."""
    with tempfile.TemporaryDirectory(prefix="jdlint-cold-") as folder:
        path = os.path.join(folder, "posting" + suffix)
        Path(path).write_text(text, encoding="utf-8")
        commands = {
            "jdlint check": jdlint_command() + ["check", "--exit-zero", path],
            "import spacy": [sys.executable, "-c", "import spacy"],
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for command in commands.values():  # untimed: writes the bytecode cache, as an install would
            timed(command, folder)
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(timed(command, folder))
    return {
        name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
        for name, values in times.items()
    }


def report(figures: dict[str, tuple[float, float]], runs: int, words: int) -> list[str]:
    jd_wall, jd_cpu = figures["jdlint check"]
    sp_wall, sp_cpu = figures["import spacy"]
    return [
        f"cold start:     jdlint check {jd_wall:.3f} s wall ({jd_cpu:.3f} s CPU), median of {runs}, "
        f"one {words}-word posting",
        f"  same run:     python -c 'import spacy' {sp_wall:.3f} s wall ({sp_cpu:.3f} s CPU)",
        f"  ratio:        {jd_wall / sp_wall:.2f}x spaCy's import (CPU {jd_cpu / sp_cpu:.2f}x)",
    ]


def default_posting() -> str:
    sys.path.insert(0, str(HERE))
    from serve_load import POSTING  # written for the benchmarks, about 650 words

    return POSTING


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"fresh processes per command [{RUNS}]")
    parser.add_argument("--posting", type=Path, help="a posting file instead of the built-in one")
    args = parser.parse_args(argv)
    text = args.posting.read_text(encoding="utf-8") if args.posting else default_posting()
    suffix = args.posting.suffix if args.posting else ".txt"
    for line in report(measure(text, suffix, args.runs), args.runs, len(text.split())):
        print(line)


if __name__ == "__main__":
    main()
