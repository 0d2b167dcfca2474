"""Checks of how the file's text was stored."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..model import Match
from ..rule import Rule
from . import check


@check()
def not_utf8(context: Context, rule: Rule) -> Iterator[Match]:
    source = context.document.source
    if source.encoding.replace("_", "-") in ("utf-8", "ascii"):
        return
    how = "looks like" if source.detected else "is"
    yield Match.whole_posting(params={"encoding": source.encoding, "how": how})
