"""Checks of jdlint's own inline directives."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..model import Match
from ..rule import Rule
from ..suppress import DirectiveError, parse_directive
from . import check


@check()
def invalid(context: Context, rule: Rule) -> Iterator[Match]:
    catalog = context.catalog
    for directive in context.document.directives:
        try:
            parse_directive(directive, catalog)
        except DirectiveError as exc:
            yield Match.in_source(directive.span, params={"problem": str(exc)})
