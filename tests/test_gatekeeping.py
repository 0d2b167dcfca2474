from __future__ import annotations

import datetime

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
