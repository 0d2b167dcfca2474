"""The checklist: for each rule with a catalog `checklist` label, each posting says present, missing, not checked
or not shown, and why in plain words; the JSON output carries it per file (an addition to schema_version 1)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import lint

from jdlint.catalog import CatalogError, load_catalog_files
from jdlint.cli import main
from jdlint.config import Config

BODY = (
    "Backend Engineer\n\n"
    "You will build the scheduling service that small clinics use every day, review code with two other "
    "engineers, write short design notes, and answer questions from the support team when a clinic is stuck. "
    "We work in small steps and ship every week. You will know Python and SQL well and explain your work "
    "clearly to people who do not write code.\n"
)
PAY = "The salary for this role is $90,000 to $110,000 per year.\n"
EEO = (
    "We are an equal opportunity employer: all qualified applicants receive consideration without regard to "
    "race, colour, religion, sex, sexual orientation, gender identity, national origin, disability or age.\n"
)
ACCOMMODATION = (
    "If you need an accommodation during the hiring process, email jobs@example.com and we will arrange it.\n"
)


def items(result) -> dict[str, tuple[str, str | None]]:
    return {item.code: (item.status, item.reason) for item in result.checklist}


def test_labels_come_from_the_catalog():
    result = lint(BODY)
    assert [(i.code, i.item) for i in result.checklist] == [
        ("JD501", "Pay range"),
        ("JD510", "Accommodation statement"),
        ("JD520", "Equal-opportunity statement"),
    ]


def test_missing_and_present():
    assert items(lint(BODY)) == {c: ("missing", None) for c in ("JD501", "JD510", "JD520")}
    assert items(lint(BODY + PAY + EEO + ACCOMMODATION)) == {c: ("present", None) for c in ("JD501", "JD510", "JD520")}


def test_a_posting_under_the_word_minimum_is_not_checked_and_says_why():
    status = items(lint("We need a salesperson in Denver.\n"))
    assert {s for s, _ in status.values()} == {"not checked"}
    assert status["JD520"][1] == "the posting has 6 words, fewer than the 40 this check needs"


def test_word_minimum_is_the_configured_one():
    config = Config(rule_options={"JD520": {"min-words": 500}})
    status, reason = items(lint(BODY, config=config))["JD520"]
    assert status == "not checked" and "fewer than the 500" in reason


def test_rules_turned_off_are_not_checked():
    assert items(lint(BODY, config=Config(ignore=("JD5",))))["JD501"] == (
        "not checked",
        "turned off in this run (--ignore or the config's ignore list)",
    )
    status, reason = items(lint(BODY, config=Config(select=("JD2",))))["JD510"]
    assert status == "not checked" and "not among the rules selected" in reason


def test_a_directive_that_silences_the_finding_makes_it_not_shown():
    text = "<!-- jdlint: disable[JD520] -->\n\n" + BODY
    status, reason = items(lint(text, fmt="markdown"))["JD520"]
    assert (status, reason) == ("not shown", "silenced by a jdlint directive in the posting")
    assert items(lint(text, fmt="markdown"))["JD510"] == ("missing", None)


def test_per_file_ignores_turn_the_check_off_for_that_file():
    config = Config(per_file_ignores=(("*.txt", ("JD510",)),))
    status, reason = items(lint(BODY, config=config))["JD510"]
    assert status == "not checked" and "per-file-ignores" in reason


def test_vague_pay_is_missing_pay_with_its_reason():
    status, reason = items(lint(BODY + "We offer a competitive salary.\n"))["JD501"]
    assert status == "missing" and "vague" in reason


def test_json_output_adds_the_checklist_per_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.txt").write_text(BODY + PAY, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--exit-zero", "--format", "json", "p.txt"]).output
    checklist = json.loads(out)["files"][0]["checklist"]
    assert checklist[0] == {"code": "JD501", "item": "Pay range", "status": "present", "reason": None}
    assert [c["status"] for c in checklist] == ["present", "missing", "missing"]


def test_a_baseline_that_hides_the_finding_makes_it_not_shown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.txt").write_text(BODY, encoding="utf-8")
    runner = CliRunner()
    runner.invoke(main, ["check", "--write-baseline", "base.json", "p.txt"])
    out = runner.invoke(main, ["check", "--exit-zero", "--format", "json", "--baseline", "base.json", "p.txt"]).output
    checklist = json.loads(out)["files"][0]["checklist"]
    assert {(c["status"], c["reason"]) for c in checklist} == {("not shown", "known in the baseline")}


@pytest.mark.parametrize(
    ("label", "kind", "problem"),
    [
        ('""', "occurrence", "non-empty label"),
        ("3", "occurrence", "non-empty label"),
        ('"X"', "existence", "whole posting"),
    ],
)
def test_the_catalog_checks_checklist_labels(tmp_path, label, kind, problem):
    extra = 'require.phrases = ["equal opportunity"]\noptions.min-words = { type = "int", default = 1, doc = "d" }'
    if kind == "existence":
        extra = 'terms.phrases = ["rockstar"]'
    (tmp_path / "x.toml").write_text(
        f"""family = "JD5"
[[rule]]
code = "JD599"
name = "x"
category = "missing-eeo"
kind = "{kind}"
severity = "warning"
message = "m"
why = "w"
source = "s"
checklist = {label}
{extra}
examples.fail = ["a"]
examples.pass = ["b"]
""",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match=problem):
        load_catalog_files([tmp_path / "x.toml"])
