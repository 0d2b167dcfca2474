"""Match -> Finding: named constructors, fix applicability under the catalog's ceiling."""

from __future__ import annotations

import dataclasses

import pytest

from jdlint.config import Config
from jdlint.findings import fix_applicability, make_finding
from jdlint.formats import parse
from jdlint.model import Applicability, Match, Span
from jdlint.source import Source


def test_named_constructors_say_which_coordinates_they_hold():
    assert Match.at(3, 8) == Match(3, 8)
    assert Match.in_source(Span(1, 2)).span == Span(1, 2) and Match.in_source(Span(1, 2)).start is None
    assert Match.whole_posting(suggestions=("x",)).document_level


@pytest.mark.parametrize(
    ("ceiling", "asked", "given"),
    [
        ("safe", None, Applicability.SAFE),
        ("safe", Applicability.UNSAFE, Applicability.UNSAFE),  # a check may lower a fix
        ("unsafe", Applicability.SAFE, Applicability.UNSAFE),  # never raise it above the catalog
        ("unsafe", None, Applicability.UNSAFE),
    ],
)
def test_the_catalog_fix_is_the_ceiling(catalog, ceiling, asked, given):
    rule = dataclasses.replace(catalog.by_code("JD201"), fix=ceiling)
    assert fix_applicability(rule, Match.at(0, 1, applicability=asked)) is given


def test_a_replacement_becomes_an_edit_only_where_the_source_holds_the_match(catalog):
    rule = catalog.by_code("JD201")
    plain = parse(Source("a.txt", "We need a salesman.", format="text"))
    finding = make_finding(rule, Match.at(10, 18, replacement="salesperson"), plain, Config())
    assert finding.text == "salesman" and finding.fix.edits[0].content == "salesperson"
    marked = parse(Source("a.html", "<p>We need a sales<b>man</b>.</p>", format="html"))
    start = marked.text.index("salesman")
    finding = make_finding(rule, Match.at(start, start + 8, replacement="salesperson"), marked, Config())
    assert finding.fix is None  # markup inside the span: no safe edit to write
