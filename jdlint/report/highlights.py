"""The highlight layers of a text: every finding's span stays visible, however the spans overlap.

The text is cut at every span's start and end; each run between two cuts carries every span covering it, so a
short error inside a long info span, two findings on the same words and a zero-width span (an insertion point)
each keep a run to be marked and a place to link to. Which span's look a run takes is the page's business.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    start: int
    end: int
    covering: tuple[int, ...]  # indexes (into the spans given) of every span over this run, in input order
    starting: tuple[int, ...] = ()  # spans whose first run this is: their link target goes here
    ending: tuple[int, ...] = ()  # spans whose last run this is: their label goes here


def layer(length: int, spans: list[tuple[int, int]]) -> list[Run]:
    """Runs covering [0, length) in order: plain runs (covering nothing) and marked ones, plus one empty run at
    each zero-width span. Spans are clipped to the text; the work is linear in runs times the spans over each."""
    clipped = [(max(0, min(s, length)), max(0, min(e, length))) for s, e in spans]
    cuts = sorted({0, length, *(s for s, _ in clipped), *(e for _, e in clipped)})
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    empty: dict[int, list[int]] = {}
    for i, (start, end) in enumerate(clipped):
        if end <= start:
            empty.setdefault(start, []).append(i)
        else:
            opening.setdefault(start, []).append(i)
            closing.setdefault(end, []).append(i)
    runs: list[Run] = []
    active: dict[int, None] = {}  # insertion-ordered set of the spans open at the current cut
    for k, a in enumerate(cuts):
        for i in closing.get(a, ()):
            active.pop(i, None)
        if a in empty:
            points = tuple(empty[a])
            runs.append(Run(a, a, points, points, points))
        if k + 1 == len(cuts):
            break
        b = cuts[k + 1]
        started = opening.get(a, [])
        for i in started:
            active[i] = None
        covering = tuple(sorted(active))
        ending = tuple(i for i in covering if clipped[i][1] == b)
        runs.append(Run(a, b, covering, tuple(started), ending))
    return runs
