"""The floor: spaCy's blank tokenizer plus sentence splitting alone over the same postings. Prints figures; asserts
nothing. No linter that tokenizes with spaCy can go faster than this; bench.py and peers.py print jdlint's time as a
multiple of it.

    python benchmarks/floor.py path/to/folder --jobs 2      # the files jdlint would read, split over 2 processes

Each process imports spaCy, builds `spacy.blank("en")` with the stock `sentencizer`, reads its share of the files
and runs them through `nlp.pipe`: what jdlint's batch does before any rule runs, with nothing else.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def blank_pipeline(language: str = "en"):
    import spacy

    nlp = spacy.blank(language)
    nlp.add_pipe("sentencizer")
    return nlp


def tokenize(texts, language: str = "en") -> int:
    """Tokens in `texts` after the blank tokenizer and the sentencizer (the count keeps the work from being skipped)."""
    nlp = blank_pipeline(language)
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))


def _tokenize_files(paths: list[str]) -> int:
    texts = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as handle:
            texts.append(handle.read())
    return tokenize(texts)


def files_under(folder: str) -> list[str]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, n) for n in sorted(names) if n.lower().endswith(SUFFIXES))
    return found


def run_folder(folder: str, jobs: int) -> int:
    """Tokens over every posting file under `folder`, the files split evenly across `jobs` processes."""
    paths = files_under(folder)
    if jobs <= 1:
        return _tokenize_files(paths)
    shares = [paths[i::jobs] for i in range(jobs)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return sum(pool.map(_tokenize_files, shares))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    tokens = run_folder(args.folder, args.jobs)
    seconds = time.perf_counter() - started
    print(f"floor: {len(files_under(args.folder)):,} postings, {tokens:,} tokens in {seconds:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
