"""What each rule costs per posting, warm. Prints figures; asserts nothing.

    python benchmarks/rule_costs.py path/to/postings.jsonl --limit 600
    python benchmarks/rule_costs.py path/to/folder --top 20

Lints other postings in-process first to warm up (patterns compiled, tables loaded: `--warm-up`, the ones after
those measured), then the postings, timing each rule's `find` and the stages around the rules (parsing, tokenizing
and the rest of a lint) in CPU time of this thread, so that other processes on a busy machine change the figures less
than wall time would. The warm-up leaves the per-word caches (syllables, spaCy's vocabulary, language detection)
without the measured postings' words, as a batch meets them: warming up on the same postings hid about a millisecond
a posting. Compare two trees by running it from each in turn. A speed change must also leave the output
byte-identical: `jdlint check --format json` over a corpus before and after, compared with `cmp`.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import bench  # benchmarks/ is on sys.path when this runs as a script

from jdlint.config import Config
from jdlint.formats import MarkupError, parse
from jdlint.linter import Linter
from jdlint.source import Source


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a folder of postings or a JSONL file")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--format-field", default="format")
    parser.add_argument("--limit", type=int, default=600)
    parser.add_argument("--top", type=int, default=30, help="rows to print [30]")
    parser.add_argument(
        "--warm-up",
        type=int,
        default=200,
        help="other postings linted first, not timed (0: none, first uses timed) [200]",
    )
    args = parser.parse_args(argv)
    measured = args.limit
    args.limit = measured + args.warm_up
    loaded = bench.load_postings(args)
    postings, others = loaded[:measured], loaded[measured:]
    warmed = f"after {len(others):,} other postings to warm up"
    if args.warm_up and not others:  # the input holds no more: the measured postings warm up themselves
        others, warmed = postings, "after the same postings to warm up (the input holds no others; word caches warm)"
    elif not args.warm_up:
        warmed = "without a warm-up (first uses timed)"
    linter = Linter(Config())
    costs: Counter[str] = Counter()

    def documents(chosen: list[tuple[str, str, str]]) -> list:
        parsed = []
        for name, text, fmt in chosen:
            started = time.thread_time()
            try:
                parsed.append(parse(Source(name, text, format=fmt)))
            except MarkupError:
                continue
            costs["(parsing)"] += time.thread_time() - started
        return parsed

    list(linter.lint(documents(others), want_metrics=True))  # warm-up, not counted (nothing when there are none)
    costs.clear()
    run = Linter._run

    def timed_run(self, context, rules, keep=None):  # one rule at a time, each timed
        found = []
        for rule in rules:
            started = time.thread_time()
            found += run(self, context, [rule], keep)
            costs[rule.code] += time.thread_time() - started
        return found

    Linter._run = timed_run  # type: ignore[method-assign]
    try:
        parsed = documents(postings)
        started = time.thread_time()
        list(linter.lint(parsed, want_metrics=True))
        whole = time.thread_time() - started
    finally:
        Linter._run = run  # type: ignore[method-assign]
    count = len(parsed)
    rules = sum(seconds for code, seconds in costs.items() if code.startswith("JD"))
    print(f"{count:,} postings, {warmed}; CPU ms per posting")
    print(f"{1000 * whole / count:8.2f}  whole lint (tokenizing, rules, suppressions, metrics)")
    print(f"{1000 * rules / count:8.2f}  all rules")
    print(f"{1000 * (whole - rules) / count:8.2f}  the rest of a lint (mostly spaCy's pipeline)")
    print(f"{1000 * costs['(parsing)'] / count:8.2f}  parsing (before the lint)")
    for code, seconds in sorted(costs.items(), key=lambda item: -item[1])[: args.top]:
        if code.startswith("JD"):
            print(f"{1000 * seconds / count:8.2f}  {code}")


if __name__ == "__main__":
    main()
