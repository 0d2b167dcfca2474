"""Warm diagnostics latency of `jdlint server`: start it, open a posting of about 600 words, make 100 edits
(textDocument/didChange, full text) and time each from the change sent to its textDocument/publishDiagnostics
(matched by version). The server's debounce is set to 0 through initializationOptions, so the figures are the lint
and the round trip, with no waiting for a pause in typing. It prints figures only; nothing is asserted.

    python benchmarks/lsp_latency.py                    # 100 edits of the posting below
    python benchmarks/lsp_latency.py --edits 300 --posting my-posting.md
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from lsp_client import LspClient  # noqa: E402  (the JSON-RPC client the tests use)

# A posting written for this benchmark (about 600 words), in Markdown, with the kinds of wording jdlint reports.
POSTING = """\
---
title: Field Service Technician
location: Portland, OR
---

# Field Service Technician

**Location:** Portland, OR, with travel across Oregon and southern Washington

## About us

We repair and maintain the heat pumps, boilers and ventilation systems of schools, libraries and small
hospitals in the Pacific Northwest. Our crew of forty technicians keeps about nine hundred buildings warm in
winter and cool in summer, and most of our customers have worked with us for more than ten years. We are a
family-owned business, and we want every technician to go home on time, with both hands and a clear head.

## What you will do

- Visit four to six sites a day, diagnose faults and repair them, or plan a second visit with the right parts.
- Keep each building's service record current on a tablet, so the next technician knows what was done and why.
- Explain to facility managers, in plain words, what failed, what it will cost and what can wait until spring.
- Train apprentices on the job, and let them do the work while you watch, even when it would be faster to do it
  yourself.
- Take your turn on the weekend call rota, about one weekend in six, with a paid day off the following week.
- Work closely with our dispatcher, who plans your routes, and with the warehouse, who packs your van each night.
- Report near misses and unsafe conditions, and stop any job you think is dangerous; nobody will question it.

## What you bring

- A state HVAC license, or the hours to sit the exam within your first year with us; we pay the exam fee.
- At least three years of hands-on work on commercial heating or cooling systems.
- A driver's license and a driving record that our insurer accepts.
- The habit of writing down what you did, and the patience to explain it twice.
- We are looking for a true rockstar who can hit the ground running and thrives under pressure.
- A bachelor's degree in mechanical engineering is preferred.
- Digital natives who love new gadgets will feel at home.

## Pay and benefits

The pay for this role is $31 to $39 per hour, depending on your license level and years of experience, with
time and a half for overtime and for weekend call-outs. We also offer:

- Medical, dental and vision cover for you and your family, with the premiums paid in full.
- A company van, tools, phone and tablet, and work boots replaced every year.
- Twenty days of paid time off, plus public holidays and your birthday.
- A retirement plan with a matching contribution of up to five percent of your pay.
- Paid training and certification, including the manufacturers' courses for the equipment we service.

## How we work

Our chairman still answers the phone on Monday mornings, and every technician has his mobile number. We plan
the week on Friday afternoon, so nobody learns about a Monday job on Sunday night. Work is shared fairly, and
the hardest sites rotate between crews. When a job goes wrong, we look at what happened, not at who was there.
New colleagues ride along with an experienced technician for their first month before they take a van of
their own, and they choose when they are ready.

## How to apply

Send us a short note about the systems you have worked on, and a copy of your license if you have one. We read
every application and answer within two weeks. If you need an accommodation during the hiring process, write
to jobs@example.com or call our office, and we will arrange it.

We are an equal opportunity employer. We consider every qualified applicant regardless of race, colour,
religion, sex, sexual orientation, gender identity, national origin, age, disability or veteran status.
"""

EDITS = ("rockstar", "team player", "chairman", "salesman", "ninja", "reliable person")


def edited(text: str, step: int) -> str:
    """The posting after `step` edits: one word of one paragraph changed, as a person typing would."""
    lines = text.split("\n")
    line = 20 + step % 30
    lines[line] = lines[line] + f" {EDITS[step % len(EDITS)]} {step}"
    return "\n".join(lines)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--posting", type=Path, help="a posting of your own (its suffix picks the format)")
    args = parser.parse_args()
    text = args.posting.read_text(encoding="utf-8") if args.posting else POSTING
    name = args.posting.name if args.posting else "posting.md"
    print(f"posting: {len(text.split())} words, {len(text)} characters")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        started = time.perf_counter()
        client = LspClient(cwd=folder)
        client.initialize(None, {"debounce": 0})
        print(f"start-up and warm-up, to the initialize answer: {time.perf_counter() - started:.2f} s")
        begun = time.perf_counter()
        item = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
        client.notify("textDocument/didOpen", {"textDocument": item})
        found = client.diagnostics(uri, 1)
        print(f"first diagnostics after didOpen: {(time.perf_counter() - begun) * 1000:.0f} ms ({len(found)} findings)")
        times = []
        current = text
        for step in range(args.edits):
            version = step + 2
            current = edited(current, step)
            change = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": current}]}
            begun = time.perf_counter()
            client.notify("textDocument/didChange", change)
            client.diagnostics(uri, version)
            times.append((time.perf_counter() - begun) * 1000)
        code = client.close()
    print(f"{args.edits} edits, didChange -> publishDiagnostics (debounce 0):")
    print(
        f"  median {statistics.median(times):.1f} ms   p95 {percentile(times, 0.95):.1f} ms   "
        f"min {min(times):.1f} ms   max {max(times):.1f} ms"
    )
    print(f"server exit code: {code}")


if __name__ == "__main__":
    main()
