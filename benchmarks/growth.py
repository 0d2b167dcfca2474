"""How lint time grows with the size of hostile and ordinary inputs. Prints figures; asserts nothing.

    PYTHONPATH=. python benchmarks/growth.py                  # every input, 10 KB doubling to 1 MB
    PYTHONPATH=. python benchmarks/growth.py --only quotes,he --max-kb 160 --cap 30

For each input family the text is built at sizes doubling from --min-kb up to --max-kb, and each size is linted
in a fresh subprocess (so a hang is cut at --cap seconds and the rest go on). Only the lint call is timed (the
import and a warm-up lint are not). The ratio is each time over the previous size's time: about 2 per doubling
is linear, about 4 quadratic. A size that exceeds the cap ends that family.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

PARAGRAPH = (
    "About the role\n\n"
    "We are looking for a backend engineer to join our payments team in Leeds. You will design and run the "
    "services that move money for our customers, review code with your colleagues, and help us decide what to "
    "build next. You should have 3+ years of experience with Python or Go and be comfortable on call. The "
    "salary is $70,000 to $90,000 a year, with 25 days of holiday. Apply by sending your CV to jobs@example.com.\n\n"
)


def _front_matter_keys(size: int) -> tuple[str, str]:
    lines, length, i = [], 0, 0
    while length < size:  # keys until the text is `size` characters (under the front matter's 1 MiB limit)
        lines.append(f"k{i}: plain value {i}")
        length += len(lines[-1]) + 1
        i += 1
    keys = "\n".join(lines)
    return f"---\ntitle: Engineer\n{keys}\n---\nWe are hiring an engineer.\n", "markdown"


def _repeat(unit: str, fmt: str = "text"):
    return lambda size: ((unit * (size // len(unit) + 1))[:size], fmt)


def _made_up_word(i: int) -> str:
    """A capitalised word no dictionary knows: Bqa, Bqe, ... (the consonant-vowel pattern keeps it word-like)."""
    letters = ""
    while True:
        i, consonant = divmod(i, 19)
        i, vowel = divmod(i, 5)
        letters += "bcdfghjklmnpqrstvwz"[consonant] + "aeiou"[vowel]
        if not i:
            return "Zq" + letters


def _capitalised(size: int) -> tuple[str, str]:
    words, length, i = [], 0, 0
    while length < size:
        words.append(_made_up_word(i))
        length += len(words[-1]) + 1
        i += 1
    return " ".join(words), "text"


def _nested(open_tag: str, close_tag: str):
    """HTML nested as deep as the size allows, with a few words in the innermost element."""
    return lambda size: (
        open_tag * (size // (len(open_tag) + len(close_tag)))
        + "We need a salesman."
        + close_tag * (size // (len(open_tag) + len(close_tag))),
        "html",
    )


# family -> size in bytes -> (text, format)
FAMILIES = {
    "posting": _repeat(PARAGRAPH),
    "spaces": lambda size: ("experience 5" + " " * size + "x", "text"),  # one run of spaces after a number
    "quotes": _repeat('"'),
    "pay": _repeat("$50 "),
    "he": _repeat("he "),
    "term": _repeat("rockstar "),
    "contact": _repeat("contact careersacme.com "),
    "lift": _repeat("lift 50 lbs "),
    "front-matter-keys": _front_matter_keys,
    "code-spans": _repeat("We use `git\nlog` daily.\n", "markdown"),  # code spans across a line break
    "disable-directives": _repeat(
        "<!-- jdlint: disable[JD201] -->\nWe need a salesman.\n\n<!-- jdlint: enable[JD201] -->\n\n", "markdown"
    ),
    "ignore-directives": _repeat("<!-- jdlint: ignore[JD201] -->\nWe need a salesman.\n\n", "markdown"),
    "capitalised-words": _capitalised,
    "nested-links": _nested('<a href="#">', "</a>"),
    "deep-html": _nested("<div>", "</div>"),
}

_CHILD = """
import json, sys, time
import jdlint
text, fmt = json.loads(sys.stdin.read())
jdlint.lint_text("We are hiring an engineer.", format="text")  # warm-up: models and catalogs loaded
started = time.perf_counter()
result = jdlint.lint_text(text, format=fmt, config=jdlint.Config(lint_timeout=0))  # timed here, never cut
print(json.dumps([time.perf_counter() - started, len(result.findings)]))
"""


def measure(text: str, fmt: str, cap: float) -> tuple[float, int] | None:
    """(seconds, findings), or None when the lint did not finish within `cap` seconds (or failed)."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=json.dumps([text, fmt]),
            capture_output=True,
            text=True,
            timeout=cap + 30,  # the import and warm-up are not part of the cap
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        print(f"    failed: {done.stderr.strip().splitlines()[-1:]}")
        return None
    seconds, findings = json.loads(done.stdout)
    return (seconds, findings) if seconds <= cap else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated families (default: all)")
    parser.add_argument("--min-kb", type=int, default=10)
    parser.add_argument("--max-kb", type=int, default=1000)
    parser.add_argument("--cap", type=float, default=60.0, help="seconds allowed per size")
    options = parser.parse_args()
    names = [name for name in options.only.split(",") if name] or list(FAMILIES)
    for name in names:
        build = FAMILIES[name]
        print(f"{name}:")
        kb, previous = options.min_kb, None
        while kb <= options.max_kb:
            text, fmt = build(kb * 1000)
            timed = measure(text, fmt, options.cap)
            if timed is None:
                print(f"  {kb:>6} KB  over {options.cap:.0f} s (stopped)")
                break
            seconds, findings = timed
            ratio = f"x{seconds / previous:.2f}" if previous else ""
            print(f"  {kb:>6} KB  {seconds:8.2f} s  {ratio:>7}  ({findings} findings)", flush=True)
            previous = max(seconds, 1e-6)
            kb *= 2
    return


if __name__ == "__main__":
    main()
