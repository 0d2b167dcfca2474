"""Kind behaviour beyond the catalog examples: spans, grouping, exceptions, thresholds."""

from __future__ import annotations

from conftest import lint

from jdlint.catalog import load_catalog_files
from jdlint.config import Config
from jdlint.formats import parse
from jdlint.linter import Linter
from jdlint.source import Source


def test_conditional_joins_adjacent_hits_only():
    text = "Requirements:\nMasters or PhD in Comp Sci. We later also ask for a bachelor's degree in physics."
    hits = [f.text for f in lint(text).findings if f.code == "JD401"]
    assert hits == ["Masters or PhD", "bachelor's degree"]


def test_conditional_needs_requirement_context():
    assert not [f for f in lint("Our founders met during a PhD at MIT.").findings if f.code == "JD401"]
    assert [f.text for f in lint("A PhD is required for this role.").findings if f.code == "JD401"] == ["PhD"]


def test_occurrence_waits_for_a_whole_posting():
    short = lint("Apply by Friday.")
    assert not [f for f in short.findings if f.code in ("JD510", "JD520")]


EXCEPTION_RULE = """family = "JD3"
[[rule]]
code = "JD399"
name = "hero-word"
category = "culture"
kind = "existence"
severity = "info"
message = "'{match}'"
why = "w"
source = "https://example.org"
terms.phrases = ["ninja"]
exceptions = ["Ninja Van"]
examples.fail = ["A coding ninja."]
examples.pass = ["We ship with Ninja Van."]
"""


def test_exceptions_spare_matches_inside_them(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(EXCEPTION_RULE)
    linter = Linter(Config(), load_catalog_files([path]))
    result = next(linter.lint([parse(Source("p.txt", "A coding ninja ships with Ninja Van."))]))
    assert [f.text for f in result.findings] == ["ninja"]
