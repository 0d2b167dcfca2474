from __future__ import annotations

import json

from click.testing import CliRunner

from jdlint.cli import main

LONG = (
    " You will visit outdoor shops across the state, take orders, plan seasonal stock with buyers and keep our "
    "records tidy. We train you on our products in the first month. Apply with a short note about yourself."
)


def test_audit_figures(tmp_path):
    (tmp_path / "a.txt").write_text("We need a salesman." + LONG)
    (tmp_path / "b.txt").write_text(
        "We need a salesman. Pay: $50,000 - $60,000 per year. We are an equal opportunity employer." + LONG
    )
    result = CliRunner().invoke(main, ["audit", "--date", "2026-11-26", str(tmp_path)])
    assert result.exit_code == 0
    audit = json.loads(result.output)["audit"]
    assert audit["postings"] == 2
    assert audit["missing"]["pay"] == {"postings": 1, "share": 0.5}
    assert audit["missing"]["eeo"] == {"postings": 1, "share": 0.5}
    assert audit["missing"]["accommodation"] == {"postings": 2, "share": 1.0}
    assert {"term": "salesman", "count": 2} in audit["top_terms"]
    assert audit["findings_by_code"]["JD201 gendered-job-title"] == 2
    assert sum(audit["reading_grade"].values()) == 2 and sum(audit["gender_coding"].values()) == 2


def test_audit_html_and_records(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps({"id": i, "text": "We need a <salesman>." + LONG}) + "\n" for i in range(3)))
    out = tmp_path / "audit.html"
    result = CliRunner().invoke(main, ["audit", "--records", str(export), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "<script" not in page and 'lang="en"' in page
    assert "3 postings" in page and "&lt;" not in page.split("<main>")[0]
