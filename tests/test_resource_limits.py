"""Inputs that once took super-linear time: each is run in a subprocess with a generous timeout (a hang fails the
test; no timing is asserted), and the fixed code is checked to give the same answers as before."""

from __future__ import annotations

import random
import subprocess
import sys

from jdlint.checks.experience import YEARS
from jdlint.kinds.terms import longest_first


def run(script: str, timeout: float = 120) -> str:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _longest_first_reference(found):
    chosen, taken = [], []
    for start, end, label in sorted(found, key=lambda m: (-(m[1] - m[0]), m[0])):
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        chosen.append((start, end, label))
        taken.append((start, end))
    return sorted(chosen)


def test_longest_first_keeps_the_same_matches():
    rng = random.Random(15)
    for _ in range(300):
        found = []
        for _ in range(rng.randrange(0, 30)):
            start = rng.randrange(0, 60)
            found.append((start, start + rng.randrange(1, 12), rng.choice("abc")))
        assert longest_first(found) == _longest_first_reference(found)


def test_longest_first_on_a_posting_of_one_repeated_term():
    # 200,000 disjoint matches: checking each against every kept one was 2*10**10 steps
    out = run(
        "from jdlint.kinds.terms import longest_first\n"
        "found = [(i * 6, i * 6 + 5, 'x') for i in range(200_000)] + [(3, 14, 'y')]\n"
        "print(len(longest_first(found)))"
    )
    assert out.split() == ["199998"]  # the long match replaces the three it overlaps


def test_years_pattern_before_a_long_run_of_spaces():
    # a number then thousands of spaces was retried at every way of splitting the spaces between the \s* runs
    out = run(
        "from jdlint.checks.experience import YEARS\n"
        "text = ('experience 5' + ' ' * 20_000 + 'x ') * 3\n"
        "print(len(list(YEARS.finditer(text))))",
        timeout=60,
    )
    assert out.split() == ["0"]


def test_years_pattern_still_reads_its_forms():
    for text, n, m in [
        ("5+ years", "5", None),
        ("3 - 5 years", "3", "5"),
        ("3 to 5 yrs", "3", "5"),
        ("at least four  years", "four", None),
        ("minimum of 7 plus years", "7", None),
        ("5 + years", "5", None),
    ]:
        match = YEARS.search(text)
        assert match is not None, text
        assert (match.group("n"), match.group("m")) == (n, m), text


def test_many_amounts_in_one_sentence():
    # each figure searched its whole sentence for a pay cue: 7,500 figures in one sentence was quadratic
    out = run(
        "import jdlint\n"
        "codes = lambda n: sorted({f.code for f in jdlint.lint_text('$50 ' * n, format='text').findings})\n"
        "print(codes(7_500) == codes(50), codes(50))"
    )
    assert out.startswith("True")  # the same verdicts as a short run of figures


def test_many_hosts_without_an_at_in_one_sentence():
    # each host name read its whole sentence's words again: 12,000 of them in one sentence was quadratic
    out = run(
        "import jdlint\n"
        "unit = 'contact careersacme.com '\n"
        "codes = lambda n: sorted({f.code for f in jdlint.lint_text(unit * n, format='text').findings})\n"
        "print(codes(12_000) == codes(20), codes(20))"
    )
    assert out.startswith("True")


def test_many_physical_demands_in_one_sentence():
    # each demand searched its whole sentence and section again: 10,000 of them in one sentence was quadratic
    out = run(
        "import jdlint\n"
        "codes = lambda n: sorted({f.code for f in jdlint.lint_text('lift 50 lbs ' * n, format='text').findings})\n"
        "print(codes(10_000) == codes(20), codes(20))"
    )
    assert out.startswith("True") and "JD" in out
