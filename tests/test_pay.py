"""Pay transparency: what counts as disclosed pay, and which law applies on which day."""

from __future__ import annotations

import datetime

import pytest
from click.testing import CliRunner
from conftest import lint

from jdlint.cli import main
from jdlint.config import Config

FILLER = " You will build data tools with our team, review code and talk to customers every week across the year."
PAY = Config(select=("missing-salary",))


def codes_for(text, fmt="text", config=PAY):
    return [(f.code, f.severity.value) for f in lint(text, fmt, config).findings]


@pytest.mark.parametrize(
    "pay",
    [
        "We offer a competitive salary of $90,000 - $110,000.",
        "Base: $85k–$105k.",
        "£45,000 - £55,000 per annum.",
        "Gehalt: 60.000 € – 72.000 € brutto.",
        "$25 - $30 per hour.",
        "Salary: $120,000 per year.",
        "221,000—455,000 USD",
        "Salaire : 60K à 70K",
        "Salary: PHP 150,000 - 183,000",
    ],
)
def test_disclosed_pay_forms(pay):
    assert codes_for("Location: Denver, CO\n\n" + pay + FILLER * 3) == []


@pytest.mark.parametrize(
    "money",
    [
        "We raised $20M from investors.",
        "Our customers saved $3,000,000 last year.",
        "Lift up to 50 pounds.",
        "A drug can cost up to $2B to develop.",
    ],
)
def test_money_that_is_not_pay(money):
    assert [c for c, _ in codes_for("Location: Denver, CO\n\n" + money + FILLER * 3)] == ["JD501"]


def test_law_in_force_makes_it_an_error_naming_the_law():
    text = "Location: Toronto, Ontario\n\n" + FILLER * 4
    before = lint(text, config=Config(select=("JD501",), lint_date=datetime.date(2025, 12, 31))).findings[0]
    after = lint(text, config=Config(select=("JD501",), lint_date=datetime.date(2026, 1, 1))).findings[0]
    assert before.severity.value == "warning" and "will be required by Ontario" in before.message
    assert after.severity.value == "error" and "Ontario Employment Standards Act" in after.message
    assert after.source.startswith("https://www.ontario.ca")


def test_no_known_law_is_a_warning():
    assert codes_for("Location: Yerevan, Armenia\n\n" + FILLER * 4) == [("JD501", "warning")]


@pytest.mark.parametrize(
    "where, law",
    [
        ("Location: Remote (US)", "Colorado"),
        ("Location: Seattle, WA", "Washington"),
        ("Office: Cambridge, MA", "Massachusetts"),
        ("Location: New York, NY", "New York"),
    ],
)
def test_locations_reach_laws(where, law):
    finding = lint(where + "\n\n" + FILLER * 4, config=Config(select=("JD501",))).findings[0]
    assert finding.severity.value == "error" and law in finding.message


@pytest.mark.parametrize("where", ["Location: Cambridge, UK", "Location: Newark-on-Trent", "Location: Remote"])
def test_places_that_only_look_like_covered_ones(where):
    assert codes_for(where + "\n\n" + FILLER * 4) == [("JD501", "warning")]


def test_vague_and_open_ended_pay():
    assert codes_for("Location: Chicago, IL\n\nCompetitive salary, DOE." + FILLER * 3) == [("JD502", "error")]
    assert codes_for("Location: Seattle, WA\n\nPay: up to $95,000 per year." + FILLER * 3) == [("JD503", "error")]
    assert codes_for("Location: Yerevan, Armenia\n\nPay: up to $1,500 per month." + FILLER * 3) == []


def test_front_matter_salary_counts():
    md = "---\nlocation: Denver, CO\nsalary: 90000-110000 USD\n---\n\n" + FILLER * 4
    assert codes_for(md, "markdown") == []


def test_date_option(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text("Location: Toronto, Ontario\n\n" + FILLER * 4)
    early = CliRunner().invoke(main, ["check", "--select", "JD501", "--date", "2025-06-01", str(posting)])
    late = CliRunner().invoke(
        main, ["check", "--select", "JD501", "--date", "2026-06-01", "--fail-on", "error", str(posting)]
    )
    assert early.exit_code == 1 and "will be required" in early.output
    assert late.exit_code == 1 and "in force since 2026-01-01" in late.output
    bad = CliRunner().invoke(main, ["check", "--date", "June 1st", str(posting)])
    assert bad.exit_code == 2
