"""How well jdlint tells a posting's language, over a JSON Lines export whose sources have a known language.

    PYTHONPATH=. python benchmarks/language_detection.py ../shared/corpus/postings.jsonl
    PYTHONPATH=. python benchmarks/language_detection.py ../shared/corpus/postings.jsonl --show 20

Each record is parsed as its format (records.to_document) and its language told from its text alone
(jdlint.language.detect.detect_document); the expected language is its source's, the part of the `id` before
the colon, looked up in --expect (default: arbeitnow German, every other source English, as the corpus's
SOURCES.md says). It prints the confusion counts by source (undetermined: the detector declined and the config's
language would stand), how many postings the function-word count settled without lingua, the time per posting
(the posting's language and the screening of its blocks), how many postings have blocks in another language,
and the ids of the disagreements; --show N prints the start of N of them to read by eye (the text is only printed,
never kept).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict

from jdlint.language.detect import _prose, foreign_blocks, markers, plainly
from jdlint.language.detect import detect_document as detect
from jdlint.records import to_document

UNDETERMINED = "und"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", help="JSON Lines with id, text and format fields")
    parser.add_argument("--expect", default="arbeitnow=de", help="source=code pairs, comma-separated [arbeitnow=de]")
    parser.add_argument("--default", default="en", help="expected language of the other sources [en]")
    parser.add_argument("--show", type=int, default=0, help="print the start of N disagreements")
    args = parser.parse_args()
    expected_of = dict(pair.split("=", 1) for pair in args.expect.split(",") if pair)

    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    disagreements: list[tuple[str, str, str, str]] = []
    settled = total = blocks = 0
    seconds = 0.0
    with open(args.export, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            source = record["id"].split(":", 1)[0]
            document = to_document(record["id"], record["text"], record.get("format"), {})
            started = time.perf_counter()
            found = detect(document) or UNDETERMINED
            mixed = foreign_blocks(document, found if found != UNDETERMINED else args.default)
            seconds += time.perf_counter() - started
            blocks += bool(mixed)
            settled += plainly(markers(_prose(document))) is not None
            total += 1
            confusion[source][found] += 1
            expected = expected_of.get(source, args.default)
            if found != expected:
                disagreements.append((record["id"], expected, found, document.text))

    codes = sorted({code for counts in confusion.values() for code in counts})
    print(f"postings: {total:,}; settled by function words alone: {settled:,}; lingua asked: {total - settled:,}")
    print(
        f"detection time: {seconds / total * 1000:.2f} ms per posting on average (the posting and its blocks; "
        "the first lingua load included)"
    )
    print(f"postings with blocks in another language: {blocks:,}")
    print()
    print(f"{'source':24} {'expect':>6} " + " ".join(f"{c:>5}" for c in codes) + "  agree")
    agree_all = 0
    for source in sorted(confusion):
        counts = confusion[source]
        expected = expected_of.get(source, args.default)
        agree_all += counts[expected]
        row = " ".join(f"{counts[c]:>5}" for c in codes)
        print(f"{source:24} {expected:>6} {row}  {counts[expected] / sum(counts.values()):6.1%}")
    print(f"\nagreement with the source's language: {agree_all:,} of {total:,} ({agree_all / total:.2%})")
    fallback = sum(counts[UNDETERMINED] for source, counts in confusion.items() if expected_of.get(source, "") == "")
    if args.default != UNDETERMINED:  # an undetermined posting is linted in the config's language
        linted = agree_all + fallback
        print(f"linted in the source's language (undetermined as {args.default}): {linted:,} ({linted / total:.2%})")
    print(f"disagreements: {len(disagreements)}")
    for record_id, expected, found, _ in disagreements:
        print(f"  {record_id}: expected {expected}, detected {found}")
    for record_id, expected, found, text in disagreements[: args.show]:
        print(f"\n--- {record_id} (expected {expected}, detected {found})\n{' '.join(text.split())[:400]}")


if __name__ == "__main__":
    main()
