"""Baselines: adopt jdlint in a repository with existing findings, and fail only on new ones.

A baseline file lists, per file, the fingerprints of the findings that existed when it was written
(code + normalised matched text + occurrence index: never line numbers, so moving text or editing
elsewhere in the file keeps them matched).
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from .fingerprint import fingerprints
from .model import MISSING, NOT_SHOWN
from .printable import shown

VERSION = 1


class BaselineError(Exception):
    pass


def _key(path: str) -> str:
    """The file's name in a baseline: relative, with /, and written as every output writes it (printable.shown)."""
    return shown(Path(os.path.relpath(os.path.abspath(path))).as_posix() if not path.startswith("<") else path)


def write(path: str, results) -> int:
    entries = {}
    count = 0
    for result in results:
        prints = fingerprints(result.findings)
        if prints:
            entries[_key(result.path)] = sorted({f"{f.code}:{p}" for f, p in zip(result.findings, prints)})
            count += len(prints)
    document = {"jdlint_baseline": VERSION, "files": entries}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=2, sort_keys=True)
        handle.write("\n")
    return count


def load(path: str) -> dict[str, set[str]]:
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file; create it with --write-baseline") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: not a jdlint baseline ({exc})") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a jdlint baseline (nested too deeply)") from None
    if (
        not isinstance(document, dict)
        or document.get("jdlint_baseline") != VERSION
        or not isinstance(document.get("files"), dict)
    ):
        raise BaselineError(f"{path}: not a jdlint baseline (expected jdlint_baseline = {VERSION})")
    for file, entries in document["files"].items():
        if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
            raise BaselineError(f"{path}: files.{file}: not a list of fingerprints (strings)")
    # a key written before names were shown as \xNN holds lone surrogates: read it as it is written now
    return {shown(file): set(entries) for file, entries in document["files"].items()}


def filter_known(results, known: dict[str, set[str]]):
    """Drop findings recorded in the baseline; what is left is new. A checklist item whose finding is dropped says
    it is not shown, so the report never claims the posting has what it lacks."""
    for result in results:
        recorded = known.get(_key(result.path), set())
        if recorded:
            prints = fingerprints(result.findings)
            kept = [f for f, p in zip(result.findings, prints) if f"{f.code}:{p}" not in recorded]
            dropped = {f.code for f in result.findings} - {f.code for f in kept}
            result.findings = kept
            result.checklist = tuple(
                replace(item, status=NOT_SHOWN, reason="known in the baseline")
                if item.code in dropped and item.status == MISSING
                else item
                for item in result.checklist
            )
    return results
