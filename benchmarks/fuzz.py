"""The long fuzz run (not run in CI): thousands of generated hostile inputs, each linted in a warm worker process.

    PYTHONPATH=. python benchmarks/fuzz.py --count 10000 --jobs 2            # every family, round robin
    PYTHONPATH=. python benchmarks/fuzz.py --count 300 --families bait,bombs --budget 20
    PYTHONPATH=. python benchmarks/fuzz.py --dump 17 --families bait --out /tmp/repro   # write one input out

Families: random bytes, random UTF-8, huge lines, deep nesting (HTML, Markdown lists and quotes, JSON records),
front-matter bombs (aliases, many keys, deep nesting), backtracking bait (runs of spaces after numbers, quotes,
"$50 ", "he ", one repeated term, unknown capitalised words, lost @ signs, weights, directives, code spans),
encodings and newline mixes, postings built from the test grammar of risky constructs (tests/fuzz_grammar.py),
hostile records (JSON Lines, JSON, CSV) and configs. Input `index` of family F under seed S is always the same
input, so `--dump` reproduces any line of the report.

A posting is decoded, parsed and linted through the Linter (any exception is a crash; every span must slice the
source to its text, and a posting under 4 KB is fixed twice: the second fix must change nothing). One posting in
four, and every export and config, goes through `jdlint check` (an export sometimes `audit`) in-process with click's
runner, in each output format in turn (and `--diff`): an exception, an exit code outside {0,1,2}, or "Traceback" /
"internal error" on stderr is a crash, and a JSON, JSON Lines or SARIF report that does not parse is broken. A
worker (forked from a warm parent) that does not answer within --budget seconds is killed and replaced (a
time-out). Peak memory is the worker's VmHWM, reset before each input. Crashing and timed-out inputs are saved under
--out with the error. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import multiprocessing
import multiprocessing.connection
import os
import pickle
import random
import re
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import fuzz_grammar as grammar  # noqa: E402  (the shared grammar lives beside the tests)

EXIT_CODES = {0, 1, 2}
CLI_FORMATS = ("json", "sarif", "jsonl", "text", "github", "html")  # one posting in four goes through the CLI
POSTING_SUFFIXES = (".txt", ".md", ".html")
FIX_LIMIT = 4 * 1024  # postings up to this many characters are also fixed twice


@dataclass
class Input:
    family: str
    index: int
    mode: str  # "posting", "records" or "config"
    files: dict[str, bytes]  # file name -> bytes; the first is the one linted

    @property
    def name(self) -> str:
        return next(iter(self.files))

    @property
    def size(self) -> int:
        return sum(len(data) for data in self.files.values())


# -- families: each makes (mode, files) of about `size` bytes from its rng ----------------------------------------


def _suffix(rng: random.Random) -> str:
    return rng.choice(POSTING_SUFFIXES)


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // max(1, len(unit.encode("utf-8"))))


def random_bytes(rng: random.Random, size: int):
    return "posting", {"posting" + _suffix(rng): rng.randbytes(size)}


_RANGES = ((0x20, 0x7E), (0x00, 0x1F), (0xA0, 0x24F), (0x300, 0x36F), (0x370, 0x2FFF), (0x3000, 0xD7FF),
           (0xE000, 0xFFFD), (0x10000, 0x10FFFF), (0x200B, 0x206F))  # fmt: skip


def random_utf8(rng: random.Random, size: int):
    weights = (50, 3, 10, 3, 10, 10, 3, 5, 6)
    chars = []
    for lo, hi in rng.choices(_RANGES, weights, k=max(1, size // 2)):
        chars.append(chr(rng.randint(lo, hi)))
        if rng.random() < 0.15:
            chars.append(rng.choice(" \n"))
    return "posting", {"posting" + _suffix(rng): "".join(chars).encode("utf-8")}


def huge_lines(rng: random.Random, size: int):
    unit = rng.choice(
        (
            grammar.sentence(rng) + " ",
            "a",
            "数",
            "x,",
            "https://example.test/" + "a/",
            "\U0001f600",
            "-",
            "| a ",
            "[link](http://x.test) ",
            "word" + "\u200b",
            "Salesman-",
            "e\u0301",
        )
    )
    text = _repeat(unit, size)
    if rng.random() < 0.3:
        text = grammar.sentence(rng) + "\n" + text + "\n" + grammar.sentence(rng)
    return "posting", {"posting" + _suffix(rng): text.encode("utf-8")}


def deep_nesting(rng: random.Random, size: int):
    kind = rng.randrange(9)
    body = grammar.sentence(rng)
    if kind == 0:
        depth = size // 11
        return "posting", {"nest.html": ("<div>" * depth + body + "</div>" * depth).encode()}
    if kind == 1:
        depth = size // 30
        return "posting", {"nest.html": ('<a href="/x">salesman ' * depth + "</a>" * depth).encode()}
    if kind == 2:
        depth = size // 9
        return "posting", {"nest.html": ("<ul><li>" * depth + body).encode()}
    if kind == 3:
        depth = max(1, int(size**0.5))  # indentation grows with depth: about size bytes in all
        lines = "\n".join("  " * i + f"- {body}" for i in range(depth))
        return "posting", {"nest.md": lines.encode()}
    if kind == 4:
        return "posting", {"nest.md": (">" * (size // 2) + " " + body).encode()}
    if kind == 5:
        return "posting", {"nest.md": ("*" * (size // 4) + body + "*" * (size // 4)).encode()}
    if kind == 6:
        return "posting", {"nest.md": ("[" * (size // 2) + body + "](x)" * (size // 8)).encode()}
    if kind == 7:
        depth = size // 2
        line = '{"id": "deep", "text": ' + "[" * depth + "]" * depth + "}"
        return "records", {"export.jsonl": (line + '\n{"id": "ok", "text": "A salesman."}\n').encode()}
    depth = size // 10
    record = '{"text": "salesman", "x": ' + '{"a": ' * depth + "1" + "}" * depth + "}"
    return "records", {"export.json": ("[" + record + ', {"text": "A foreman."}]').encode()}


def front_matter_bombs(rng: random.Random, size: int):
    kind = rng.randrange(8)
    body = "\n\nWe need a salesman.\n"
    if kind == 0:  # billion laughs: each level repeats the one before
        fanout, levels = rng.randint(2, 10), rng.randint(3, 12)
        lines = ['a0: &a0 "salesman lol"']
        for level in range(1, levels):
            lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * fanout) + "]")
        head = "\n".join(lines)
    elif kind == 1:  # many keys
        head = "\n".join(f"key{i}: a salesman number {i}" for i in range(max(1, size // 28)))
    elif kind == 2:  # deep block nesting
        depth = min(max(1, int((size / 2) ** 0.5)), 3000)
        head = "\n".join("  " * i + f"k{i}:" for i in range(depth)) + " salesman"
    elif kind == 3:  # deep flow nesting
        depth = size // 4
        head = "x: " + "{a: " * depth + "salesman" + "}" * depth
    elif kind == 4:  # one anchor, many aliases
        head = "a: &a salesman rockstar\nb: [" + ", ".join(["*a"] * max(1, size // 4)) + "]"
    elif kind == 5:  # merge keys over merge keys
        lines = ["base0: &b0 {title: salesman}"]
        for i in range(1, max(2, min(size // 40, 5000))):
            lines.append(f"base{i}: &b{i}\n  <<: *b{i - 1}\n  k{i}: he")
        head = "\n".join(lines)
    elif kind == 6:  # TOML: many keys, deep tables, deep arrays
        choice = rng.randrange(3)
        if choice == 0:
            head = "\n".join(f'k{i} = "salesman {i}"' for i in range(max(1, size // 20)))
        elif choice == 1:
            head = "[" + ".".join(["a"] * max(1, size // 2)) + ']\nx = "salesman"'
        else:
            head = "x = " + "[" * (size // 2) + "]" * (size // 2)
        return "posting", {"bomb.md": ("+++\n" + head + "\n+++" + body).encode()}
    else:  # one huge folded scalar
        head = "description: >\n" + "\n".join("  " + grammar.sentence(rng) for _ in range(max(1, size // 60)))
    return "posting", {"bomb.md": ("---\n" + head + "\n---" + body).encode()}


_BAIT = (
    "experience 5" + " " * 2000,
    '"',
    "'",
    "$50 ",
    "he ",
    "salesman ",
    "contact careersacme.com ",
    "lift 50 lbs ",
    "<!-- jdlint: disable[JD201] -->\n",
    "<!-- jdlint: ignore[JD201] -->\n\n",
    "`code\nspan` ",
    "5 ",
    "10+ years ",
    "&amp; ",
    "**a** ",
    "- ",
    "Python SQL Kubernetes ",
    "Were youll ",
    "Weâ€™re ",
    "a.b.c.",
    "(((",
    "...",
)


def _capitalised(rng: random.Random) -> str:
    return "".join(rng.choice("BCDFGKLMPQRSTVZ") + "".join(rng.choices("aeiouxyzrtn", k=5)) + " " for _ in range(50))


def backtracking_bait(rng: random.Random, size: int):
    unit = _capitalised(rng) if rng.random() < 0.1 else rng.choice(_BAIT)
    text = _repeat(unit, size)
    if rng.random() < 0.3:  # the bait inside an ordinary sentence
        text = grammar.sentence(rng) + " " + text + " " + grammar.sentence(rng)
    suffix = ".md" if "<!--" in unit or "`" in unit else _suffix(rng)
    return "posting", {"bait" + suffix: text.encode("utf-8")}


def _grammar_text(rng: random.Random, size: int) -> tuple[str, str]:
    fmt, text = grammar.posting(rng)
    while len(text) < size:
        more = (
            grammar.markdown(rng) if fmt == "markdown" else grammar.html(rng) if fmt == "html" else grammar.plain(rng)
        )
        text += "\n\n" + grammar.mix_newlines(rng, more)
    return fmt, text


def encodings_newlines(rng: random.Random, size: int):
    fmt, text = _grammar_text(rng, size)
    return "posting", {"posting" + grammar.SUFFIX[fmt]: grammar.encoded(rng, grammar.mix_newlines(rng, text))}


def risky_grammar(rng: random.Random, size: int):
    fmt, text = _grammar_text(rng, size)
    # a lone surrogate from the grammar is written as the bytes that spell it, which no decoder takes
    return "posting", {"posting" + grammar.SUFFIX[fmt]: text.encode("utf-8", "surrogatepass")}


def records(rng: random.Random, size: int):
    suffix, data = grammar.records(rng)
    while len(data) < size:
        more = grammar.records(rng)[1] if suffix != ".jsonl" else grammar.jsonl_records(rng)
        if suffix == ".jsonl":
            data += b"\n" + more
        else:
            break
    return "records", {"export" + suffix: data}


def configs(rng: random.Random, size: int):
    name, data = grammar.config(rng)
    if rng.random() < 0.2:  # a long list of allowed terms
        data += ("\nallow = [" + ", ".join(f'"term {i}"' for i in range(size // 10)) + "]\n").encode()
    fmt, text = grammar.posting(rng)
    return "config", {name: data, "posting" + grammar.SUFFIX[fmt]: text.encode("utf-8", "replace")}


# name -> (maker, smallest size, largest size); sizes are drawn log-uniformly, most of them small
FAMILIES = {
    "bytes": (random_bytes, 64, 128 * 1024),
    "utf8": (random_utf8, 64, 128 * 1024),
    "lines": (huge_lines, 1024, 256 * 1024),
    "nesting": (deep_nesting, 256, 128 * 1024),
    "bombs": (front_matter_bombs, 256, 256 * 1024),
    "bait": (backtracking_bait, 256, 128 * 1024),
    "encodings": (encodings_newlines, 128, 64 * 1024),
    "grammar": (risky_grammar, 128, 64 * 1024),
    "records": (records, 256, 64 * 1024),
    "configs": (configs, 64, 16 * 1024),
}
SKEW = 8  # the size draw's exponent: most inputs are small, a few near the family's largest size


def make(family: str, seed: int, index: int, scale: float = 1.0) -> Input:
    rng = random.Random(f"{seed}:{family}:{index}")
    maker, lo, hi = FAMILIES[family]
    size = max(1, int(lo * (hi / lo) ** (rng.random() ** SKEW) * scale))
    mode, files = maker(rng, size)
    return Input(family, index, mode, files)


# -- the worker ---------------------------------------------------------------------------------------------------


def _peak_mb() -> float:
    with open("/proc/self/status") as status:
        return int(re.search(r"VmHWM:\s+(\d+)", status.read()).group(1)) / 1024


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")  # resets VmHWM (Linux 4.0+)
    except OSError:
        pass


class Worker:
    def __init__(self) -> None:
        from jdlint.config import Config
        from jdlint.linter import Linter

        self.linter = Linter(Config())
        self.check_posting("warm.md", b"We need a salesman.\n")

    def check_posting(self, name: str, data: bytes) -> str | None:
        from jdlint.fix import fix_source
        from jdlint.formats import format_for, parse
        from jdlint.source import SourceError, decode

        try:
            source = decode(data, name, format_for(name))
        except SourceError as exc:
            return None if "\n" not in str(exc) else f"broken: a SourceError of several lines: {exc!r}"
        result = next(self.linter.lint([parse(source)], want_metrics=True))
        problem = _span_problem(result)
        if problem or len(source.text) > FIX_LIMIT:
            return problem
        fixed, _, after = fix_source(source, self.linter, unsafe=True)
        again, applied, _ = fix_source(fixed, self.linter, unsafe=True)
        if again.text != fixed.text or applied:
            return f"broken: a second --fix changed the text ({[f.code for f in applied]})"
        return _span_problem(after)

    def check_cli(self, item: Input, folder: str) -> str | None:
        """`jdlint check` (or `audit`) in-process; the report must parse when it is JSON, JSON Lines or SARIF."""
        from click.testing import CliRunner

        from jdlint.cli import main

        paths = []
        for name, data in item.files.items():
            path = os.path.join(folder, name)
            with open(path, "wb") as handle:
                handle.write(data)
            paths.append(path)
        fmt = CLI_FORMATS[(item.index // 4 if item.mode == "posting" else item.index) % len(CLI_FORMATS)]
        command = ["check", "--format", fmt, "--jobs", "1", "--date", "2026-11-26"]
        if fmt == "html":
            command += ["--output-file", os.path.join(folder, "report.html")]
        if item.mode == "records":
            args = ["--records", paths[0], "--format-field", "format"]
            if item.index % 3 == 0:
                command = ["audit", "--jobs", "1", "--date", "2026-11-26"]
                fmt = "json"
        elif item.mode == "config":
            args = ["--config", paths[0], paths[1]] if item.index % 2 else [paths[1]]
        else:  # a posting through the command line: every output format, and --diff
            args = ["--diff", paths[0]] if item.index % 7 == 3 else [paths[0]]
        result = CliRunner().invoke(main, [*command, *args])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            exc = result.exception
            return "crash: " + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        if result.exit_code not in EXIT_CODES:
            return f"crash: exit code {result.exit_code}"
        if "Traceback" in result.stderr or "internal error" in result.stderr:
            return "crash: " + result.stderr
        return None if "--diff" in args else _report_problem(fmt, result.stdout)

    def run(self, family: str, seed: int, index: int, scale: float) -> dict:
        import tempfile

        item = make(family, seed, index, scale)
        _reset_peak()
        started = time.perf_counter()
        try:
            if item.mode == "posting" and item.index % 4:
                problem = self.check_posting(item.name, item.files[item.name])
            else:
                with tempfile.TemporaryDirectory() as folder:
                    problem = self.check_cli(item, folder)
        except BaseException as exc:  # noqa: BLE001  an exception escaping jdlint is what we count
            problem = "crash: " + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return {"seconds": time.perf_counter() - started, "peak_mb": _peak_mb(), "size": item.size, "problem": problem}


def _report_problem(fmt: str, stdout: str) -> str | None:
    """A JSON, JSON Lines or SARIF report must parse (JSON Lines split at \n only: U+2028 in a string is JSON)."""
    import json

    if fmt not in ("json", "sarif", "jsonl"):
        return None
    try:
        for line in stdout.split("\n") if fmt == "jsonl" else [stdout]:
            if line.strip():
                json.loads(line)
    except ValueError as exc:
        return f"broken: the {fmt} report does not parse ({exc})"
    return None


def _span_problem(result) -> str | None:
    for finding in result.findings:
        if finding.span is None:
            continue
        if not 0 <= finding.span.start <= finding.span.end <= len(result.text):
            return f"broken: {finding.code} span {finding.span} outside the text ({len(result.text)} chars)"
        if result.text[finding.span.start : finding.span.end] != finding.text:
            return f"broken: {finding.code} span {finding.span} does not slice to {finding.text!r}"
    return None


_WARM: Worker | None = None  # built once in the parent; workers are forked from it, so a restart costs nothing


def _serve(connection, memory_mb: int, log_fd: int) -> None:
    import resource

    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.dup2(log_fd, 1)  # whatever a worker prints goes to the log
    os.dup2(log_fd, 2)
    assert _WARM is not None
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        connection.send(_WARM.run(*job))


class Pool:
    """Warm worker processes forked from this one; a worker that overruns the budget is killed and replaced."""

    def __init__(self, jobs: int, budget: float, memory_mb: int, log) -> None:
        global _WARM
        if _WARM is None:
            _WARM = Worker()
        self.context = multiprocessing.get_context("fork")
        self.budget, self.memory_mb, self.log = budget, memory_mb, log
        self.workers = [self._start() for _ in range(jobs)]
        self.busy: dict[int, tuple[tuple, float]] = {}  # worker slot -> (job, start time)

    def _start(self) -> tuple:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(theirs, self.memory_mb, self.log.fileno()), daemon=True)
        process.start()
        theirs.close()
        return process, ours

    def _restart(self, slot: int) -> None:
        process, connection = self.workers[slot]
        process.kill()  # only ever a worker this pool started
        process.join()
        connection.close()
        self.workers[slot] = self._start()

    def run(self, jobs: list[tuple]):
        """Yields (job, reply) in completion order; reply None means the worker timed out."""
        queue = list(reversed(jobs))
        while queue or self.busy:
            for slot in range(len(self.workers)):
                if slot not in self.busy and queue:
                    job = queue.pop()
                    self.workers[slot][1].send(job)
                    self.busy[slot] = (job, time.monotonic())
            now = time.monotonic()
            wait_for = max(0.0, min(start + self.budget - now for _, start in self.busy.values()))
            ready = multiprocessing.connection.wait([self.workers[slot][1] for slot in self.busy], wait_for)
            for slot in list(self.busy):
                job, start = self.busy[slot]
                if self.workers[slot][1] in ready:
                    try:
                        reply = self.workers[slot][1].recv()
                    except (EOFError, OSError, pickle.UnpicklingError):
                        reply = {"problem": "crash: the worker process died", "seconds": time.monotonic() - start}
                        self._restart(slot)
                    del self.busy[slot]
                    yield job, reply
                elif time.monotonic() - start > self.budget:
                    del self.busy[slot]
                    self._restart(slot)
                    yield job, None

    def close(self) -> None:
        for process, connection in self.workers:
            connection.close()
            process.join(timeout=30)


def _save(out: Path, kind: str, job: tuple, detail: str) -> Path:
    family, seed, index, scale = job
    item = make(family, seed, index, scale)
    folder = out / f"{kind}-{family}-{seed}-{index}"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in item.files.items():
        (folder / name).write_bytes(data)
    (folder / "error.txt").write_text(
        f"{detail}\nreproduce: PYTHONPATH=. python benchmarks/fuzz.py --dump {index} --families {family} "
        f"--seed {seed} --out DIR\n",
        encoding="utf-8",
    )
    return folder


def _table(rows: dict[str, dict]) -> str:
    head = f"{'family':<10} {'inputs':>7} {'crashes':>8} {'broken':>7} {'time-outs':>10} {'max s':>8} {'max MB':>8}"
    lines = [head, "-" * len(head)]
    total = {"inputs": 0, "crashes": 0, "broken": 0, "timeouts": 0, "max_s": 0.0, "max_mb": 0.0}
    for family, row in rows.items():
        lines.append(
            f"{family:<10} {row['inputs']:>7} {row['crashes']:>8} {row['broken']:>7} {row['timeouts']:>10} "
            f"{row['max_s']:>8.2f} {row['max_mb']:>8.0f}"
        )
        for key in ("inputs", "crashes", "broken", "timeouts"):
            total[key] += row[key]
        total["max_s"] = max(total["max_s"], row["max_s"])
        total["max_mb"] = max(total["max_mb"], row["max_mb"])
    lines.append("-" * len(head))
    lines.append(
        f"{'all':<10} {total['inputs']:>7} {total['crashes']:>8} {total['broken']:>7} {total['timeouts']:>10} "
        f"{total['max_s']:>8.2f} {total['max_mb']:>8.0f}"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs in all, shared round robin by family")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--families", default=",".join(FAMILIES), help=f"comma-separated: {', '.join(FAMILIES)}")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds an input may take before its worker dies")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--memory-mb", type=int, default=4096, help="address-space limit of a worker (0: none)")
    parser.add_argument("--out", default="fuzz-crashes", help="folder for crashing and timed-out inputs")
    parser.add_argument("--slowest", type=int, default=10, help="slowest inputs listed (and timed at half size)")
    parser.add_argument("--dump", type=int, help="write input DUMP of the (first) family to --out and stop")
    parser.add_argument("--scale", type=float, default=1.0, help="with --dump: scale the input's size")
    args = parser.parse_args()
    families = [name.strip() for name in args.families.split(",") if name.strip()]
    unknown = [name for name in families if name not in FAMILIES]
    if unknown:
        parser.error(f"unknown families: {', '.join(unknown)}")
    out = Path(args.out)
    if args.dump is not None:
        item = make(families[0], args.seed, args.dump, args.scale)
        out.mkdir(parents=True, exist_ok=True)
        for name, data in item.files.items():
            (out / name).write_bytes(data)
            print(out / name, len(data), "bytes", f"({item.mode})")
        return
    jobs = [(families[i % len(families)], args.seed, i // len(families), 1.0) for i in range(args.count)]
    rows = {f: {"inputs": 0, "crashes": 0, "broken": 0, "timeouts": 0, "max_s": 0.0, "max_mb": 0.0} for f in families}
    timings: list[tuple[float, str, int, int]] = []  # inputs that finished: (seconds, family, index, bytes)
    timeouts: list[tuple[str, int, int]] = []
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with open(out / "worker-stderr.log", "ab") as log:
        pool = Pool(args.jobs, args.budget, args.memory_mb, log)
        done = 0
        for job, reply in pool.run(jobs):
            family, _, index, _ = job
            row = rows[family]
            row["inputs"] += 1
            done += 1
            if reply is None:
                row["timeouts"] += 1
                row["max_s"] = max(row["max_s"], args.budget)
                where = _save(out, "timeout", job, f"time-out: no answer within {args.budget} s")
                timeouts.append((family, index, make(*job).size))
                print(f"time-out: {family} #{index} -> {where}", flush=True)
                continue
            row["max_s"] = max(row["max_s"], reply["seconds"])
            row["max_mb"] = max(row["max_mb"], reply.get("peak_mb", 0.0))
            timings.append((reply["seconds"], family, index, reply.get("size", 0)))
            problem = reply["problem"]
            if problem:
                kind = "broken" if problem.startswith("broken") else "crash"
                row["crashes" if kind == "crash" else "broken"] += 1
                where = _save(out, kind, job, problem)
                print(f"{kind}: {family} #{index} -> {where}: {problem.strip().splitlines()[-1][:200]}", flush=True)
            if done % 500 == 0:
                print(f"... {done}/{len(jobs)} inputs, {time.monotonic() - started:.0f} s", flush=True)
        elapsed = time.monotonic() - started
        slowest = sorted(timings, reverse=True)[: args.slowest]
        halves = {
            (job[0], job[2]): reply
            for job, reply in pool.run([(family, args.seed, index, 0.5) for _, family, index, _ in slowest])
        }
        pool.close()
    with open(out / "timings.tsv", "w", encoding="utf-8") as table:
        table.write("family\tindex\tbytes\tseconds\n")
        table.writelines(f"{f}\t{i}\t{b}\t{t:.3f}\n" for t, f, i, b in sorted(timings, key=lambda r: (r[1], r[2])))
        table.writelines(f"{f}\t{i}\t{b}\ttime-out\n" for f, i, b in timeouts)
    print()
    print(f"{len(jobs)} inputs, seed {args.seed}, budget {args.budget} s, {args.jobs} worker(s), {elapsed:.0f} s")
    print(_table(rows))
    print()
    if timeouts:
        listed = ", ".join(f"{f} #{i} ({b} bytes)" for f, i, b in timeouts)
        print(f"time-outs (no answer within {args.budget} s): {listed}")
        print()
    print(f"slowest {len(slowest)} that finished (time at half the size beside it):")
    print(f"{'family':<10} {'index':>6} {'bytes':>9} {'seconds':>8} {'half-size s':>12}")
    for seconds, family, index, size in slowest:
        half = halves.get((family, index))
        shown = f"{half['seconds']:.2f}" if half else "time-out"
        print(f"{family:<10} {index:>6} {size:>9} {seconds:>8.2f} {shown:>12}")
    print(f"\ncrashing and timed-out inputs are in {out}/, every time in {out}/timings.tsv")
    print("(reproduce one with --dump INDEX --families FAMILY --seed SEED)")


if __name__ == "__main__":
    main()
