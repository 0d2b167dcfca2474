"""Kind behaviour beyond the catalog examples: spans, grouping, exceptions, thresholds."""

from __future__ import annotations

from conftest import lint

from jdlint.catalog import load_catalog_files
from jdlint.config import Config
from jdlint.formats import parse
from jdlint.linter import Linter
from jdlint.source import Source

CONDITIONAL_RULE = """family = "JD4"
[[rule]]
code = "JD499"
name = "named-qualification"
category = "degree-gatekeeping"
kind = "conditional"
severity = "warning"
message = "'{match}'"
why = "w"
source = "https://example.org"
when.phrases = ["masters", "phd", "diploma"]
require.phrases = ["or equivalent"]
only_in.sections = ["requirements"]
only_in.terms.phrases = ["required"]
examples.fail = ["A diploma is required."]
examples.pass = ["A diploma or equivalent is required."]
"""


def conditional_hits(tmp_path, text: str) -> list[str]:
    path = tmp_path / "r.toml"
    path.write_text(CONDITIONAL_RULE)
    linter = Linter(Config(), load_catalog_files([path]))
    result = next(linter.lint([parse(Source("p.txt", text))]))
    return [f.text for f in result.findings]


def test_conditional_joins_adjacent_hits_only(tmp_path):
    text = "Requirements:\nMasters or PhD in Comp Sci. We later also ask for a diploma in physics."
    assert conditional_hits(tmp_path, text) == ["Masters or PhD", "diploma"]


def test_conditional_needs_requirement_context(tmp_path):
    assert conditional_hits(tmp_path, "Our founders met during a PhD at MIT.") == []
    assert conditional_hits(tmp_path, "A PhD is required for this role.") == ["PhD"]


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
