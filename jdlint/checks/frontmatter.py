"""Front matter that could not be read: reported once, on the line the parser stopped at."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..model import Match
from ..rule import Rule
from . import check


@check()
def unreadable(context: Context, rule: Rule) -> Iterator[Match]:
    problem = context.document.front_matter_problem
    if problem is not None:
        yield Match.in_source(problem.span, params={"problem": problem.message})
