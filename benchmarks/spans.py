"""Check that every span jdlint reports over a corpus gives back its text, in JSON and SARIF, for postings
written to files and for the same postings read as `--records`. Prints figures; asserts nothing.

    python benchmarks/spans.py ../shared/corpus/postings.jsonl [--limit N] [--jobs 2]

The JSON Lines export needs `text` and `format` (text, markdown or html) in each record.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}


def _jdlint(*args: str) -> dict:
    command = [sys.executable, "-m", "jdlint", "check", "--exit-zero", *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return json.loads(done.stdout)


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset`; a line ends at \\n, \\r\\n or a lone \\r, as SARIF counts them."""
    head = text[:offset]
    line_start = max(head.rfind("\n"), head.rfind("\r")) + 1
    return len(re.findall(r"\r\n|\r|\n", head)) + 1, offset - line_start + 1


def _check_json(data: dict, text_of) -> tuple[int, int]:
    checked = wrong = 0
    for result in data["files"]:
        text = text_of(result["path"])
        for finding in result["findings"]:
            if finding["span"]:
                checked += 1
                wrong += text[finding["span"]["start"] : finding["span"]["end"]] != finding["text"]
    return checked, wrong


def _check_sarif(data: dict, folder: Path) -> tuple[int, int]:
    checked = wrong = 0
    for result in data["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        region = location["region"]
        if "charOffset" not in region:
            continue
        uri = location["artifactLocation"]["uri"]
        text = (folder / Path(uri).name).read_bytes().decode("utf-8")
        start, end = region["charOffset"], region["charOffset"] + region["charLength"]
        checked += 1
        wrong += (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) != (
            *_position(text, start),
            *_position(text, end),
        )
    return checked, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--jobs", default="2")
    args = parser.parse_args()
    records = [json.loads(line) for line in Path(args.export).read_text(encoding="utf-8").split("\n") if line.strip()]
    records = records[: args.limit] if args.limit else records
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch, "postings")
        folder.mkdir()
        export = Path(scratch, "export.jsonl")
        with export.open("w", encoding="utf-8") as handle:
            for number, record in enumerate(records):
                name = f"p{number:05d}"
                fmt = record.get("format") or "text"
                (folder / f"{name}{SUFFIX.get(fmt, '.txt')}").write_bytes(record["text"].encode("utf-8"))
                handle.write(json.dumps({"id": name, "format": fmt, "text": record["text"]}) + "\n")
        by_id = {f"p{number:05d}": record["text"] for number, record in enumerate(records)}

        def file_text(path: str) -> str:
            return Path(path).read_bytes().decode("utf-8")

        files = _check_json(_jdlint("--format", "json", "--jobs", args.jobs, str(folder)), file_text)
        sarif = _check_sarif(_jdlint("--format", "sarif", "--jobs", args.jobs, str(folder)), folder)
        as_records = _check_json(
            _jdlint("--format", "json", "--jobs", args.jobs, "--records", str(export), "--format-field", "format"),
            lambda path: by_id[path.rsplit("#", 1)[1]],
        )
    print(f"postings: {len(records)}")
    for label, (checked, wrong) in (("json (files)", files), ("sarif (files)", sarif), ("json (records)", as_records)):
        print(f"{label:16} spans checked {checked:>8,}  not slicing to their text {wrong:>5,}")


if __name__ == "__main__":
    main()
