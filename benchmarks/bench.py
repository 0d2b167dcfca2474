"""Throughput and cold-start benchmark for jdlint. Prints figures; asserts nothing.

Usage (from the project root):

    python benchmarks/bench.py ../shared/corpus/postings.jsonl
    python benchmarks/bench.py path/to/folder --limit 500

The input is a folder (searched recursively for .txt/.md/.markdown/.html/.htm files) or a
JSONL file with one object per line. For JSONL, --text-field names the posting text and
--format-field names a field holding "text", "markdown" or "html" (a missing field or an
unknown value means plain text; pass --format-field "" to treat every record as text).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import cold_start as cold_start_module  # benchmarks/ is on sys.path when this runs as a script
import floor  # benchmarks/ is on sys.path when this runs as a script

from jdlint import formats
from jdlint.config import Config
from jdlint.formats import MarkupError, parse
from jdlint.linter import Linter
from jdlint.source import DEFAULT_MAX_BYTES, Source, SourceError, read_path

CHUNK = 256
SUFFIX_BY_FORMAT = {fmt.name: fmt.suffixes[0] for fmt in formats.input_formats()}
COLD_RUNS = 3


def iter_folder(folder: str):
    """Yield (path, text, format) for every posting file under `folder`, in sorted order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(formats.suffixes()):
                path = os.path.join(root, name)
                try:
                    # the CLI's own decoding (BOM, UTF-16, charset detection)
                    source = read_path(path, DEFAULT_MAX_BYTES, formats.format_for(path))
                except SourceError as exc:
                    print(f"skipped: {exc}", file=sys.stderr)
                    continue
                yield path, source.text, source.format


def iter_jsonl(path: str, text_field: str, format_field: str | None):
    """Yield (name, text, format) for each record of a JSONL file."""
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get(text_field)
            if not isinstance(text, str):
                print(f"skipped: {path}:{number}: no string field '{text_field}'", file=sys.stderr)
                continue
            fmt = record.get(format_field) if format_field else None
            fmt = fmt if fmt in formats.names() else formats.FALLBACK
            yield f"{path}:{number}", text, fmt


def load_postings(args) -> list[tuple[str, str, str]]:
    if os.path.isdir(args.input):
        items = iter_folder(args.input)
    else:
        items = iter_jsonl(args.input, args.text_field, args.format_field or None)
    postings = []
    for item in items:
        if args.limit is not None and len(postings) >= args.limit:
            break
        postings.append(item)
    return postings


def lint_all(postings):
    """Parse and lint every posting in chunks; return (linted, words linted, findings, parse errors, seconds)."""
    linted = words = findings = errors = 0
    started = time.perf_counter()
    linter = Linter(Config())
    for i in range(0, len(postings), CHUNK):
        documents = []
        for name, text, fmt in postings[i : i + CHUNK]:
            try:
                documents.append(parse(Source(name, text, format=fmt)))
            except MarkupError as exc:
                errors += 1
                print(f"parse error: {name}: {exc}", file=sys.stderr)
                continue
            words += len(text.split())
        for result in list(linter.lint(documents, want_metrics=True)):
            linted += 1
            findings += len(result.findings)
    return linted, words, findings, errors, time.perf_counter() - started


def jdlint_command() -> list[str]:
    script = os.path.join(os.path.dirname(sys.executable), "jdlint")
    if os.path.isfile(script) and os.access(script, os.X_OK):
        return [script]
    return [sys.executable, "-m", "jdlint"]


def cold_start(posting) -> list[float]:
    """Time `jdlint check --exit-zero <file>` in fresh processes on one posting."""
    _, text, fmt = posting
    folder = tempfile.mkdtemp(prefix="jdlint-bench-")
    try:
        path = os.path.join(folder, "posting" + SUFFIX_BY_FORMAT.get(fmt, ".txt"))
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        command = jdlint_command() + ["check", "--exit-zero", path]
        times = []
        for run in range(COLD_RUNS + 1):  # the first, untimed, writes the bytecode cache as an install would
            started = time.perf_counter()
            done = subprocess.run(
                command,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                cwd=folder,
                env=cold_start_module.INSTALLED_ENV,
            )
            if run:
                times.append(time.perf_counter() - started)
            if done.returncode != 0:
                print(
                    f"cold start: exit {done.returncode}: {done.stderr.decode(errors='replace').strip()[-500:]}",
                    file=sys.stderr,
                )
        return times
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# Run in a fresh interpreter: where a cold start's time goes, stage by stage (seconds, as JSON).
_STAGES = r"""
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(name): marks.append((name, time.perf_counter()))
import importlib.util, os  # jdlint/spacy_import.py on its own: importing it as jdlint's would run jdlint's __init__
folder = importlib.util.find_spec("jdlint").submodule_search_locations[0]
spec = importlib.util.spec_from_file_location("spacy_import", os.path.join(folder, "spacy_import.py"))
spec.loader.exec_module(importlib.util.module_from_spec(spec))
import spacy; mark("import spaCy (as jdlint does: without its CLI)")
import jdlint.cli, jdlint.linter, jdlint.report; mark("import jdlint")
from jdlint.catalog import load_catalog; catalog = load_catalog(); mark("load and check the rule catalog")
from jdlint.nlp import get_pipeline; get_pipeline(); mark("build spaCy's blank English pipeline")
from jdlint.source import DEFAULT_MAX_BYTES, read_path; from jdlint.formats import format_for, parse
document = parse(read_path(sys.argv[1], DEFAULT_MAX_BYTES, format_for(sys.argv[1]))); mark("read and parse the posting")
from jdlint.config import Config; from jdlint.linter import Linter
list(Linter(Config(), catalog=catalog).lint([document], want_metrics=True))
mark("first lint (compiles matchers, loads tables)")
list(Linter(Config(), catalog=catalog).lint([document], want_metrics=True)); mark("the same lint again")
print(json.dumps([(name, round(t - marks[i][1], 3)) for i, (name, t) in enumerate(marks[1:])]))
"""


def cold_start_stages(posting) -> list[tuple[str, float]]:
    """Medians over COLD_RUNS fresh interpreters of each start-up stage."""
    _, text, fmt = posting
    with tempfile.TemporaryDirectory(prefix="jdlint-bench-") as folder:
        path = os.path.join(folder, "posting" + SUFFIX_BY_FORMAT.get(fmt, ".txt"))
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        runs = [
            json.loads(
                subprocess.run(
                    [sys.executable, "-c", _STAGES, path],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=cold_start_module.INSTALLED_ENV,
                ).stdout
            )
            for _ in range(COLD_RUNS + 1)  # the first (dropped below) writes the bytecode cache
        ]
    runs = runs[1:]
    return [(name, statistics.median(run[i][1] for run in runs)) for i, (name, _) in enumerate(runs[0])]


def warm_servers() -> None:
    """The warm target's figures: `jdlint serve` (serve_load.py, single requests only) and `jdlint server`
    (lsp_latency.py), each answering the benchmarks' posting once warm."""
    here = os.path.dirname(os.path.abspath(__file__))
    for label, script, options in (
        ("jdlint serve", "serve_load.py", ["--requests", "0", "--sequential", "50"]),
        ("jdlint server", "lsp_latency.py", ["--edits", "50"]),
    ):
        done = subprocess.run(
            [sys.executable, os.path.join(here, script), *options], capture_output=True, text=True, check=False
        )
        print(f"warm, {label} ({script} {' '.join(options)}):")
        for line in (done.stdout + done.stderr).strip().splitlines():
            print(f"  {line}")


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a folder of postings or a JSONL file")
    parser.add_argument("--text-field", default="text", help="JSONL field with the posting text [text]")
    parser.add_argument(
        "--format-field",
        default="format",
        help='JSONL field naming the format (text/markdown/html); "" for none [format]',
    )
    parser.add_argument("--limit", type=int, default=None, help="lint at most N postings")
    parser.add_argument("--no-cold-start", action="store_true", help="skip the subprocess cold-start timing")
    parser.add_argument("--no-warm", action="store_true", help="skip the warm-server timings (serve, server)")
    args = parser.parse_args(argv)

    if not os.path.exists(args.input):
        parser.error(f"{args.input}: no such file or directory")
    postings = load_postings(args)
    if not postings:
        parser.error(f"{args.input}: no postings found")

    by_format = {}
    for _, _, fmt in postings:
        by_format[fmt] = by_format.get(fmt, 0) + 1
    linted, words, findings, errors, seconds = lint_all(postings)

    print(f"input:          {args.input}")
    print(f"postings:       {len(postings):,}  ({', '.join(f'{k} {v:,}' for k, v in sorted(by_format.items()))})")
    if errors:
        print(f"not parsed:     {errors:,}  (MarkupError; figures below count the {linted:,} linted)")
    print(f"words:          {words:,}  (whitespace-split, linted postings)")
    print(f"wall time:      {seconds:.2f} s  (in-process: parse + lint, incl. pipeline load)")
    print(f"postings/s:     {linted / seconds:,.1f}")
    print(f"words/s:        {words / seconds:,.0f}")
    print(f"findings:       {findings:,}")
    print(f"peak RSS:       {peak_rss_mb():,.1f} MB")
    started = time.perf_counter()
    floor.tokenize(text for _, text, _ in postings)
    floor_seconds = time.perf_counter() - started
    print(
        f"floor:          {floor_seconds:.2f} s for spaCy's blank tokenizer and sentencizer alone over the same "
        f"postings; jdlint takes {seconds / floor_seconds:.1f}x that"
    )

    if not args.no_cold_start:
        # the target's figure: the posting written for the benchmarks, beside spaCy's own import, in this run
        posting = cold_start_module.default_posting()
        figures = cold_start_module.measure(posting, runs=cold_start_module.RUNS)
        for line in cold_start_module.report(figures, cold_start_module.RUNS, len(posting.split())):
            print(line)
        times = cold_start(postings[0])
        print(
            f"cold start:     best {min(times):.3f} s, median {statistics.median(times):.3f} s "
            f"({COLD_RUNS} runs of `jdlint check --exit-zero` on the input's first posting)"
        )
        print("where it goes (median of fresh interpreters, same posting):")
        for name, seconds in cold_start_stages(postings[0]):
            print(f"  {seconds:6.3f} s  {name}")
    if not args.no_warm:
        warm_servers()


if __name__ == "__main__":
    main()
