"""What tests/regenerate.py writes (the README's rule and option tables, the SARIF golden's rules block) is
current, and the script puts each generated block where it belongs."""

from __future__ import annotations

import json

import pytest
import regenerate

from jdlint.catalog import load_catalog
from jdlint.rulelist import render_options, render_rules


def test_nothing_generated_is_stale(capsys):
    assert regenerate.main(["--check"]) == 0, capsys.readouterr().err


def test_readme_blocks_are_replaced_between_their_markers():
    catalog = load_catalog()
    text = (
        "intro\n<!-- rules:start -->\nold\nrows\n<!-- rules:end -->\n"
        "middle\n<!-- options:start -->\n<!-- options:end -->\n"
    )
    fresh = regenerate.readme(text)
    assert fresh.startswith("intro\n<!-- rules:start -->\n" + render_rules(catalog, "markdown"))
    assert "old" not in fresh
    assert fresh.endswith("middle\n<!-- options:start -->\n" + render_options(catalog) + "<!-- options:end -->\n")
    assert regenerate.readme(fresh) == fresh


def test_sarif_golden_gets_the_catalog_rules_and_keeps_its_results():
    current = regenerate.SARIF_GOLDEN.read_text(encoding="utf-8")
    document = json.loads(current)
    document["runs"][0]["tool"]["driver"]["rules"][0]["name"] = "stale-name"
    stale = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    assert regenerate.sarif_golden(stale) == current


def test_a_missing_marker_is_an_error():
    with pytest.raises(SystemExit, match="options:start"):
        regenerate.readme("<!-- rules:start -->\n<!-- rules:end -->\n")


def test_usage_on_unknown_arguments(capsys):
    assert regenerate.main(["--frobnicate"]) == 2
    assert "--check" in capsys.readouterr().err
