"""Checks of jdlint's own inline directives."""

from __future__ import annotations

from ..model import Match
from ..suppress import DirectiveError, parse_directive
from . import check


@check()
def invalid(context, rule):
    catalog = context.catalog
    for directive in context.document.directives:
        try:
            parse_directive(directive, catalog)
        except DirectiveError as exc:
            yield Match(span=directive.span, params={"problem": str(exc)})
