"""Stable identities for findings: they survive line moves and edits elsewhere in the file.

A fingerprint is the rule code, the matched text normalised (case and whitespace), and the index of
that (code, text) pair among the file's findings; never a line number. SARIF's partialFingerprints
and (later) baselines use it.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from .printable import writable


def normalise(text: str | None) -> str:
    """Matched text as fingerprints and audit terms count it: case and spacing folded, writable as UTF-8."""
    return writable(" ".join((text or "").casefold().split()))


def fingerprints(findings) -> list[str]:
    seen: Counter = Counter()
    out = []
    for finding in findings:
        key = (finding.code, normalise(finding.text))
        index = seen[key]
        seen[key] += 1
        digest = hashlib.sha256(f"{key[0]}\x1f{key[1]}\x1f{index}".encode()).hexdigest()[:32]
        out.append(digest)
    return out
