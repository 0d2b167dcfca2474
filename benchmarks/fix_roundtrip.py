"""--fix round trips: generated postings in every encoding and newline style, fixed twice. Prints figures.

    PYTHONPATH=. python benchmarks/fix_roundtrip.py                     # 320 postings, 10 per encoding x newline
    PYTHONPATH=. python benchmarks/fix_roundtrip.py --postings 64 --every   # each posting in every cell

Each posting (sentences written for this script, with problems jdlint fixes: lost apostrophes, leaked entities,
gendered titles, ATS tags, control and invisible characters, and a character some encodings cannot write) is
written in one encoding (UTF-8, UTF-8 with BOM, UTF-16/32 LE/BE with BOM, cp1252, Latin-1) and one newline
style (\\n, \\r\\n, \\r, mixed), with varied modes (and owners, as root); some are hard links or reached through a
symbolic link. `jdlint check --fix` runs over the folder in a subprocess, twice. For each file it checks:

- bytes outside the edits: the file on disk against jdlint's pure fix of the original bytes (jdlint.fix.fix_text,
  encoded back) byte for byte, plus the line-break bytes in order and the BOM; any difference is counted;
- metadata: mode, owner, group, link count, the inode of a hard link, a symbolic link staying one;
- the second run: any byte or metadata change.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENCODINGS = ("utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp1252", "latin-1")
NEWLINES = ("lf", "crlf", "cr", "mixed")
BREAK = re.compile(rb"\r\n|\r|\n")
NOTE = re.compile(r"jdlint: note: (.+?)(?::\d+:\d+)?: JD\d+ not fixed: ")

TITLES = ["Backend Engineer", "Store Assistant", "Night Nurse", "Café Supervisor", "Data Analyst", "Field Technician"]
OPENINGS = [
    "Were a small team in Porto and youll work with every one of us.",
    "Our café group runs six kitchens and Theyre all busy at lunch.",
    "We build scheduling tools for clinics &amp; care homes.",
    "Join the crew behind the city’s favourite bakery – we open at six.",
    "The company was founded in 2009 and now employs forty people.",
]
DUTIES = [
    "The salesman visits customers and keeps notes of every call.",
    "You will plan the weekly rota with the foreman on site.",
    "Youll answer questions by email &amp; phone.",
    "You will review code and write clear design notes.",
    "Keep the stock room tidy and order supplies\x01 when needed.",
    "Rated &#9733; by our staff for three years running.",
    "Work\u200bwith our chairman on the yearly plan.",
    "You will greet guests at the door.",
]
CLOSINGS = [
    "Apply today! #LI-Remote",
    "The pay is €30,000 to €34,000 a year.",
    "We welcome applications from everyone.",
    "Send your CV and a short note.",
    "#LI-Hybrid",  # a line of its own: removing it between a lone \r and a \n would join two line breaks
]


def posting(rng: random.Random, encoding: str) -> str:
    """A posting of lines every one of which `encoding` can write."""

    def fits(line: str) -> bool:
        codec = "utf-8" if encoding.startswith("utf") else encoding
        try:
            line.encode(codec)
        except UnicodeEncodeError:
            return False
        return True

    lines = [rng.choice([t for t in TITLES if fits(t)]), ""]
    lines += rng.sample([s for s in OPENINGS if fits(s)], 2)
    lines += [""] + [f"- {s}" for s in rng.sample([s for s in DUTIES if fits(s)], 4)]
    lines += ["", rng.choice([s for s in CLOSINGS if fits(s)])]
    if encoding in ("cp1252", "latin-1") and not any(not line.isascii() for line in lines):
        lines.append("Café and crème brûlée on Fridays.")  # a byte UTF-8 cannot read, so the encoding is a guess
    return "\n".join(lines) + ("\n" if rng.random() < 0.8 else "")


def with_newlines(text: str, style: str, rng: random.Random) -> str:
    if style == "mixed":
        lines = text.split("\n")
        return "".join(line + rng.choice(["\n", "\r\n", "\r"]) for line in lines[:-1]) + lines[-1]
    return text.replace("\n", {"lf": "\n", "crlf": "\r\n", "cr": "\r"}[style])


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding.startswith(("utf-16", "utf-32")):
        return "\ufeff".encode(encoding) + text.encode(encoding)
    return text.encode(encoding)


@dataclass
class Case:
    path: str  # the name jdlint is given
    real: str  # the file written (a symbolic link's target)
    encoding: str
    newline: str
    original: bytes
    link: str = ""  # "hard" or "symbolic"
    before: dict = field(default_factory=dict)


def metadata(case: Case) -> dict:
    info = os.stat(case.real)
    data = {"mode": info.st_mode, "uid": info.st_uid, "gid": info.st_gid, "nlink": info.st_nlink}
    if case.link == "hard":
        data["inode"] = info.st_ino
    if case.link == "symbolic":
        data["is_link"] = os.path.islink(case.path)
    return data


def write_cases(folder: str, count: int, every: bool, seed: int) -> list[Case]:
    rng = random.Random(seed)
    cells = list(itertools.product(ENCODINGS, NEWLINES))
    elsewhere = os.path.join(os.path.dirname(folder), "elsewhere")
    os.makedirs(elsewhere, exist_ok=True)
    cases = []
    for i in range(count):
        for encoding, newline in cells if every else [cells[i % len(cells)]]:
            n = len(cases)
            text = with_newlines(posting(rng, encoding), newline, rng)
            name = os.path.join(folder, f"p{n:05d}.{'md' if n % 3 == 1 else 'txt'}")
            data = encode(text, encoding)
            case = Case(name, name, encoding, newline, data)
            if n % 7 == 3:  # a symbolic link to a file outside the folder
                case.real, case.link = os.path.join(elsewhere, f"t{n:05d}.txt"), "symbolic"
                os.symlink(case.real, name)
            with open(case.real, "wb") as handle:
                handle.write(data)
            if n % 5 == 2:  # a second name for the same file
                os.link(case.real, os.path.join(elsewhere, f"h{n:05d}.txt"))
                case.link = case.link or "hard"
            os.chmod(case.real, rng.choice([0o644, 0o600, 0o640, 0o664, 0o755]))
            if os.geteuid() == 0:
                os.chown(case.real, 1000 + n % 3, 2000 + n % 4)
            case.before = metadata(case)
            cases.append(case)
    return cases


def run_fix(folder: str, tree: str = ROOT) -> subprocess.CompletedProcess:
    """`jdlint check --fix` of `tree` (a checkout) over the folder."""
    command = [sys.executable, "-m", "jdlint", "check", "--fix", "--exit-zero", "--jobs", "1", folder]
    env = dict(os.environ, PYTHONPATH=tree)
    return subprocess.run(command, capture_output=True, env=env, cwd=tree)


def expected_bytes(case: Case, resolver) -> bytes:
    """jdlint's pure fix of the original bytes, encoded as the file was."""
    from jdlint.fix import encode as encode_source
    from jdlint.fix import fix_text
    from jdlint.formats import format_for
    from jdlint.linter import Linter
    from jdlint.source import decode

    config = resolver.for_path(case.path)
    source = decode(case.original, case.path, format_for(case.path))
    return encode_source(fix_text(source, Linter(config)).source)


def outside_edits(after: bytes, expected: bytes, original: bytes) -> int:
    """Bytes that differ from jdlint's pure fix, plus line-break bytes and BOM that differ from the original."""
    wrong = 0
    if after != expected:
        matcher = difflib.SequenceMatcher(None, after, expected, autojunk=False)
        wrong += sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    if BREAK.findall(after) != BREAK.findall(original):
        wrong += 1
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff"):
        if original.startswith(bom) != after.startswith(bom):
            wrong += len(bom)
            break
    return wrong


def read(case: Case) -> bytes:
    with open(case.real, "rb") as handle:
        return handle.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postings", type=int, default=320)
    parser.add_argument("--every", action="store_true", help="write each posting in every encoding and newline")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--tree", default=ROOT, help="the jdlint checkout whose --fix runs (to compare versions)")
    args = parser.parse_args()
    sys.path.insert(0, ROOT)
    from jdlint.catalog import load_catalog
    from jdlint.config import ConfigResolver

    table = roundtrip(args.postings, args.every, args.seed, ConfigResolver(load_catalog()), args.tree)
    print_table(table)


def roundtrip(count: int, every: bool, seed: int, resolver, tree: str = ROOT) -> dict:
    """Per (encoding, newline): files, changed, bytes outside edits, metadata changes, second-run changes, notes;
    plus the runs' exit codes and errors under the key "runs"."""
    with tempfile.TemporaryDirectory(prefix="jdlint-roundtrip-") as scratch:
        folder = os.path.join(scratch, "postings")
        os.makedirs(folder)
        cases = write_cases(folder, count, every, seed)
        started = time.perf_counter()
        first = run_fix(folder, tree)
        first_time = time.perf_counter() - started
        after = {case.path: (read(case), metadata(case)) for case in cases}
        second = run_fix(folder, tree)
        stderr = first.stderr.decode("utf-8", "replace")
        notes = Counter(match.group(1) for match in map(NOTE.match, stderr.splitlines()) if match)
        table: dict = {}
        for case in cases:
            row = table.setdefault((case.encoding, case.newline), Counter())
            data, meta = after[case.path]
            row["files"] += 1
            row["changed"] += data != case.original
            row["outside"] += outside_edits(data, expected_bytes(case, resolver), case.original)
            row["metadata"] += meta != case.before
            row["second"] += (read(case), metadata(case)) != (data, meta)
            row["notes"] += notes.get(case.path, 0)
        errors = [line for line in stderr.splitlines() if line.startswith("jdlint: error:")]
        table["runs"] = {
            "exit codes": (first.returncode, second.returncode),
            "errors": errors,
            "first run seconds": round(first_time, 1),
            "summary": [line for line in stderr.splitlines() if line.startswith("Fixed")],
            "second summary": [line for line in second.stderr.decode().splitlines() if line.startswith("Fixed")],
        }
        return table


def print_table(table: dict) -> None:
    runs = table.pop("runs")
    header = ["encoding", "newline", "files", "changed", "bytes outside edits", "metadata changes"]
    print(" | ".join([*header, "second-run changes", "fixes skipped (noted)"]))
    totals: Counter = Counter()
    for (encoding, newline), row in sorted(table.items(), key=lambda item: (ENCODINGS.index(item[0][0]), item[0][1])):
        print(
            f"{encoding} | {newline} | {row['files']} | {row['changed']} | {row['outside']} | {row['metadata']} | "
            f"{row['second']} | {row['notes']}"
        )
        totals.update(row)
    print(
        f"total | | {totals['files']} | {totals['changed']} | {totals['outside']} | {totals['metadata']} | "
        f"{totals['second']} | {totals['notes']}"
    )
    print(
        f"exit codes {runs['exit codes']}, errors {len(runs['errors'])}, first run {runs['first run seconds']} s, "
        f"{' '.join(runs['summary'])} then {' '.join(runs['second summary'])}"
    )
    for line in runs["errors"][:10]:
        print(line)


if __name__ == "__main__":
    main()
