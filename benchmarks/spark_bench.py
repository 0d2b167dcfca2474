"""Spark engine throughput against the local engine, on the same postings. Prints figures; asserts nothing.

    python benchmarks/spark_bench.py ../shared/corpus/postings.jsonl --master 'local[2]' --jobs 2

Spark: the export is read as JSON Lines and linted with jdlint.spark.lint_dataframe; findings, metrics and errors
are written as Parquet to a scratch folder (which forces the whole pass). The session's start (JVM, Python
workers) is timed apart from the pass. Local: `jdlint check --records EXPORT --format jsonl --jobs N`, timed as a
whole process. From Spark's per-core rate the script estimates the cores needed to audit 10 million postings in
one hour (assuming the rate holds per core on a cluster, as the work is independent per posting).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

TARGET_POSTINGS, TARGET_SECONDS = 10_000_000, 3600


def count_postings(path: str, limit: int | None) -> tuple[int, str]:
    """(postings, path of the export to lint), cutting the export to `limit` postings when asked."""
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip()]
    if limit is None or limit >= len(lines):
        return len(lines), path
    handle, cut = tempfile.mkstemp(suffix=".jsonl", prefix="jdlint-spark-bench-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.writelines(lines[:limit])
    return limit, cut


def spark_run(export: str, master: str, fields: dict) -> dict:
    from jdlint.spark import lint_dataframe, read_input, session, spread

    started = time.perf_counter()
    spark = session(master, app_name="jdlint benchmark")
    spark.range(1).collect()  # the JVM and a first task are up
    ready = time.perf_counter()
    frame, corrupt = read_input(spark, export, "json")
    linted = lint_dataframe(
        spread(frame),
        text=fields["text"],
        id=fields["id"],
        title=fields["title"],
        location=fields["location"],
        salary=fields["salary"],
        format=fields["format"],
        corrupt=corrupt,
    )
    with tempfile.TemporaryDirectory(prefix="jdlint-spark-bench-") as scratch:
        for name in ("findings", "metrics", "errors"):
            getattr(linted, name).write.mode("overwrite").parquet(os.path.join(scratch, name))
    done = time.perf_counter()
    figures = {"linted": linted.metrics.count(), "errors": linted.errors.count(), "findings": linted.findings.count()}
    linted.release()
    cores = spark.sparkContext.defaultParallelism
    spark.stop()
    return {"start": ready - started, "pass": done - ready, "cores": cores, **figures}


def local_run(export: str, jobs: int, fields: dict) -> dict:
    command = [
        sys.executable,
        "-m",
        "jdlint",
        "check",
        "--exit-zero",
        "--records",
        export,
        "--format",
        "jsonl",
        "--jobs",
        str(jobs),
    ]
    for option in ("text", "id", "title", "location", "salary", "format"):
        command += [f"--{option}-field", fields[option]]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    lines = [json.loads(line) for line in done.stdout.split("\n") if line]  # (splitlines would cut at U+2028)
    skipped = len(re.findall(r"skipped", done.stderr))
    return {
        "pass": seconds,
        "linted": len(lines),
        "errors": skipped,
        "findings": sum(len(entry["findings"]) for entry in lines),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", help="a JSON Lines export of postings")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes of the local engine [2]")
    parser.add_argument("--limit", type=int, default=None)
    for option, default in (
        ("text", "text"),
        ("id", "id"),
        ("title", "title"),
        ("location", "location"),
        ("salary", "salary"),
        ("format", "format"),
    ):
        parser.add_argument(f"--{option}-field", default=default)
    args = parser.parse_args()
    fields = {
        option: getattr(args, f"{option}_field") for option in ("text", "id", "title", "location", "salary", "format")
    }
    postings, export = count_postings(args.export, args.limit)

    spark = spark_run(export, args.master, fields)
    local = local_run(export, args.jobs, fields)
    spark_rate = spark["linted"] / spark["pass"]
    local_rate = local["linted"] / local["pass"]
    per_core = spark_rate / spark["cores"]
    print(f"{postings:,} postings from {args.export}")
    print(f"{'engine':<28} {'linted':>7} {'errors':>7} {'findings':>9} {'seconds':>8} {'postings/s':>11}")
    print(
        f"{'spark ' + args.master:<28} {spark['linted']:>7,} {spark['errors']:>7,} {spark['findings']:>9,} "
        f"{spark['pass']:>8.1f} {spark_rate:>11.1f}   (+ {spark['start']:.1f} s to start the session)"
    )
    print(
        f"{f'local --jobs {args.jobs}':<28} {local['linted']:>7,} {local['errors']:>7,} {local['findings']:>9,} "
        f"{local['pass']:>8.1f} {local_rate:>11.1f}   (whole process, start-up included)"
    )
    print(f"spark per core: {per_core:.1f} postings/s over {spark['cores']} cores")
    needed = TARGET_POSTINGS / TARGET_SECONDS / per_core
    print(
        f"cores to audit {TARGET_POSTINGS:,} postings in one hour at that rate: {needed:.0f} "
        f"(before start-up and I/O overheads)"
    )
    if export != args.export:
        os.unlink(export)


if __name__ == "__main__":
    main()
