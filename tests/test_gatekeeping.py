from __future__ import annotations

import datetime

import pytest
from conftest import lint

from jdlint.config import Config


def test_technology_age_follows_the_lint_date():
    text = "Requirements:\n8+ years of experience with Rust."
    early = lint(text, config=Config(select=("JD402",), lint_date=datetime.date(2022, 6, 1)))
    late = lint(text, config=Config(select=("JD402",), lint_date=datetime.date(2026, 6, 1)))
    assert [f.text for f in early.findings] == ["8+ years"] and "since 2015" in early.findings[0].message
    assert late.findings == []


def test_caps_are_age_findings_not_experience_demands():
    result = lint("# Analyst\n\nNo more than 5 years of experience with SQL.", "markdown")
    assert {f.code for f in result.findings} >= {"JD303"}
    assert not [f for f in result.findings if f.code in ("JD402", "JD405")]


def test_must_have_limit_is_configurable():
    md = "## Requirements\n\n" + "".join(f"- Skill {i}\n" for i in range(6)) + "\nApply by email.\n"
    assert not [f for f in lint(md, "markdown").findings if f.code == "JD404"]
    found = lint(md, "markdown", Config(rule_options={"JD404": {"limit": 5}})).findings
    assert [f.message.split(";")[0] for f in found if f.code == "JD404"] == [
        "The requirements list has 6 items (over 5)"
    ]


def test_html_structure_rules_only_apply_to_html():
    md = "# Role\n\n### Skipped level\n\n[click here](https://example.org)\n"
    assert not [f for f in lint(md, "markdown").findings if f.category == "accessibility"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You have 5+ years of experience in SQL.", ["5+ years"]),
        ("Our ideal candidate has 5 years of experience in SQL.", ["5 years"]),
        ("Candidates who have 4 years of experience in SQL are welcome.", ["4 years"]),
        ("Our team has 20 years of experience; you need 3 years of experience.", ["3 years"]),
        ("You will report to our lead, who has 12 years of experience in React.", []),
        ("You will join Ana, who brings 9 years of experience in design.", []),
        ("She brings 15 years of experience to the team.", []),
        ("Join a three-year-old startup; no experience needed.", []),
        ("Join a three year-old startup with a friendly crew.", []),
    ],
)
def test_entry_level_years_are_the_candidates_own(text, expected):
    found = lint(f"# Junior Analyst\n\n{text}\n", "markdown", Config(select=("JD403",))).findings
    assert [f.text for f in found] == expected


def _requirements(items: list[str], lead_in: str = "") -> str:
    return "## Requirements\n\n" + (f"{lead_in}\n\n" if lead_in else "") + "".join(f"- {i}\n" for i in items)


TWELVE = ["Python", "SQL", "Spark", "Airflow", "dbt", "Docker", "Kubernetes", "Terraform", "AWS", "GCP", "Kafka", "Go"]


@pytest.mark.parametrize(
    ("items", "lead_in", "count"),
    [
        (TWELVE, "", 12),
        ([*TWELVE[:9], "GCP is a plus", "Kafka (preferred)", "Go would be nice"], "", None),  # nine must-haves
        ([*TWELVE[:10], "Kafka, ideally", "Experience with Go is desirable"], "", None),
        ([*TWELVE, "Rust", "Scala a big plus"], "", 13),
        (TWELVE, "Experience with any of the following will also help:", None),
        (TWELVE, "Nice to have:", None),
        (TWELVE, "We ask for the following.", 12),
        (["Python plus SQL", *TWELVE[1:]], "", 12),  # "plus" joining two skills is not a wish
    ],
)
def test_must_have_lists_count_only_the_musts(items, lead_in, count):
    found = lint(_requirements(items, lead_in), "markdown", Config(select=("JD404",))).findings
    assert [f.message.split(" items")[0].rsplit(" ", 1)[-1] for f in found] == ([str(count)] if count else [])


def test_essential_functions_are_duties_not_must_haves():
    duties = "## Essential Functions\n\n" + "".join(f"- Handle task {n} each week\n" for n in range(12))
    assert not lint(duties, "markdown", Config(select=("JD404",))).findings
    needs = "## Essential Requirements\n\n" + "".join(f"- Skill {n}\n" for n in range(12))
    assert [f.code for f in lint(needs, "markdown", Config(select=("JD404",))).findings] == ["JD404"]
