"""Highlight layers: however findings' spans overlap, every one keeps a run to mark and a place to link to."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jdlint.report.highlights import layer


def covered(runs, i):
    return "".join(f"[{r.start}:{r.end}]" for r in runs if i in r.covering)


def test_plain_text_is_one_run():
    assert [(r.start, r.end, r.covering) for r in layer(10, [])] == [(0, 10, ())]


def test_a_short_error_inside_a_long_span_keeps_its_own_run():
    # 0 = a long info span (a long sentence), 1 = an error inside it
    runs = layer(30, [(0, 30), (10, 15)])
    assert [(r.start, r.end, r.covering) for r in runs] == [(0, 10, (0,)), (10, 15, (0, 1)), (15, 30, (0,))]
    assert runs[1].starting == (1,) and runs[1].ending == (1,)
    assert runs[0].starting == (0,) and runs[-1].ending == (0,)


def test_overlapping_spans_split_at_every_boundary():
    runs = layer(20, [(2, 10), (6, 14)])
    assert [(r.start, r.end, r.covering) for r in runs] == [
        (0, 2, ()),
        (2, 6, (0,)),
        (6, 10, (0, 1)),
        (10, 14, (1,)),
        (14, 20, ()),
    ]
    assert [r.starting for r in runs if r.starting] == [(0,), (1,)]
    assert [r.ending for r in runs if r.ending] == [(0,), (1,)]


def test_identical_spans_share_their_runs():
    runs = layer(8, [(2, 5), (2, 5)])
    marked = [r for r in runs if r.covering]
    assert len(marked) == 1 and marked[0].covering == (0, 1)
    assert marked[0].starting == (0, 1) and marked[0].ending == (0, 1)


def test_zero_width_spans_get_an_empty_run_of_their_own():
    runs = layer(10, [(4, 4), (0, 10), (10, 10)])
    points = [(r.start, r.end, r.covering) for r in runs if r.start == r.end]
    assert points == [(4, 4, (0,)), (10, 10, (2,))]
    assert "".join(f"{r.start}-{r.end}," for r in runs if r.end > r.start) == "0-4,4-10,"


def test_spans_beyond_the_text_are_clipped():
    runs = layer(5, [(3, 99)])
    assert [(r.start, r.end) for r in runs] == [(0, 3), (3, 5)]


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)).map(sorted), max_size=12))
def test_every_span_is_covered_exactly_and_reachable(spans):
    runs = layer(40, [tuple(s) for s in spans])
    # the runs tile the text in order
    position = 0
    for run in runs:
        assert run.start == position or run.start == run.end == position
        position = run.end
    assert position == 40
    for i, (start, end) in enumerate(spans):
        starts = [r for r in runs if i in r.starting]
        ends = [r for r in runs if i in r.ending]
        assert len(starts) == 1 and len(ends) == 1  # one link target, one label
        if end > start:
            assert sum(r.end - r.start for r in runs if i in r.covering) == end - start
            assert starts[0].start == start and ends[0].end == end
        else:
            assert starts[0] is ends[0] and starts[0].start == start
