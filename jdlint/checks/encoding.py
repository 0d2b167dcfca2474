"""Checks of how the file's text was stored."""

from __future__ import annotations

from ..model import Match
from . import check


@check()
def not_utf8(context, rule):
    source = context.document.source
    if source.encoding.replace("_", "-") in ("utf-8", "ascii"):
        return
    how = "looks like" if source.detected else "is"
    yield Match(params={"encoding": source.encoding, "how": how})
