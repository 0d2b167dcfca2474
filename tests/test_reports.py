"""Reporters: SARIF validated against the official schema, GitHub annotations compared whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "reports"
SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "reference" / "sarif-schema-2.1.0.json"


def run(fmt: str, *paths: str) -> str:
    result = CliRunner().invoke(main, ["check", "--exit-zero", "--date", "2026-11-26", "--format", fmt, *paths])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture()
def in_fixtures(monkeypatch):
    monkeypatch.chdir(FIXTURES)


@pytest.mark.skipif(not SCHEMA.exists(), reason="needs ../shared beside the checkout")
def test_sarif_validates_against_the_schema(in_fixtures):
    import jsonschema

    document = json.loads(run("sarif", "posting.txt"))
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_sarif_content(in_fixtures):
    document = json.loads(run("sarif", "posting.txt"))
    run_ = document["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {"id", "name", "shortDescription", "fullDescription", "helpUri", "help", "defaultConfiguration"} <= set(
        rules[0]
    )
    by_rule = {r["ruleId"]: r for r in run_["results"]}
    salesman = [r for r in run_["results"] if r["ruleId"] == "JD201"]
    assert len(salesman) == 2
    location = salesman[1]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "posting.txt"
    text = (FIXTURES / "posting.txt").read_text(encoding="utf-8")
    region = location["region"]
    assert text[region["charOffset"] : region["charOffset"] + region["charLength"]] == "salesman"
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 11, 19)
    replacement = salesman[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement == {
        "deletedRegion": {"charOffset": region["charOffset"], "charLength": 8},
        "insertedContent": {"text": "salesperson"},
    }
    missing = by_rule["JD520"]["locations"][0]["physicalLocation"]
    assert missing["region"] == {"startLine": 1}
    levels = {r["ruleId"]: r["level"] for r in run_["results"]}
    assert levels["JD201"] == "warning" and levels["JD501"] == "error"


def test_fingerprints_survive_line_moves(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("We need a salesman.\nAnd another salesman.\n")
    before = json.loads(run("sarif", "a.txt"))["runs"][0]["results"]
    (tmp_path / "a.txt").write_text("Intro line.\n\nWe need a salesman.\nAnd another salesman.\n")
    after = json.loads(run("sarif", "a.txt"))["runs"][0]["results"]
    prints = lambda results: [r["partialFingerprints"]["jdlint/v1"] for r in results if r["ruleId"] == "JD201"]  # noqa: E731
    assert prints(before) == prints(after) and len(set(prints(before))) == 2


@pytest.mark.parametrize("fmt", ["text", "json", "github", "gitlab", "junit", "html"])
def test_golden_outputs(in_fixtures, fmt, tmp_path):
    """Whole outputs on the shared fixture; regenerate in tests/fixtures/reports with
    `jdlint check --exit-zero --date 2026-11-26 --format FMT posting.txt > posting.FMT.txt`."""
    expected = (FIXTURES / f"posting.{fmt}.txt").read_text(encoding="utf-8")
    if fmt == "html":
        out = tmp_path / "report.html"
        run("html", "--output-file", str(out), "posting.txt")
        assert out.read_text(encoding="utf-8") == expected
    else:
        assert run(fmt, "posting.txt") == expected


def _without_rules(document: dict) -> tuple[dict, list]:
    """The document without its rules block, and results without their index into it (a new rule shifts it)."""
    run_ = document["runs"][0]
    driver = run_["tool"]["driver"]
    results = [{k: v for k, v in result.items() if k != "ruleIndex"} for result in run_["results"]]
    return {
        **document,
        "runs": [{**run_, "tool": {"driver": {k: v for k, v in driver.items() if k != "rules"}}, "results": results}],
    }, driver["rules"]


def test_golden_sarif(in_fixtures):
    """The results (and everything else) against the fixture; the rules block against what the catalog gives
    now, so rewording a rule needs no fixture edit (`python tests/regenerate.py` keeps the file's copy fresh)."""
    from jdlint.catalog import load_catalog
    from jdlint.report.sarif_report import driver_rules

    output = run("sarif", "posting.txt")
    document, rules = _without_rules(json.loads(output))
    expected, _ = _without_rules(json.loads((FIXTURES / "posting.sarif.txt").read_text(encoding="utf-8")))
    assert document == expected
    assert rules == driver_rules(load_catalog().rules)
    for result in json.loads(output)["runs"][0]["results"]:  # each result points at its own rule
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert output == json.dumps(json.loads(output), indent=2, ensure_ascii=False) + "\n"  # the layout too


def test_github_escaping():
    from jdlint.report.github_report import escape_data, escape_property

    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
