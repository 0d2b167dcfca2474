from __future__ import annotations

import jdlint


def test_lint_text():
    result = jdlint.lint_text("We need a salesman.")
    assert [f.code for f in result.findings] == ["JD201"]
    finding = result.findings[0]
    assert finding.span == jdlint.Span(10, 18) and finding.fix.edits[0].content == "salesperson"


def test_lint_text_case_is_kept_in_the_fix():
    result = jdlint.lint_text("SALESMAN WANTED. Salesman needed.")
    assert [f.fix.edits[0].content for f in result.findings] == ["SALESPERSON", "Salesperson"]


def test_no_fix_when_markup_sits_inside_the_match():
    result = jdlint.lint_text("<p>sales<b></b>man</p>", format="html")
    assert [f.code for f in result.findings] == ["JD201"] and result.findings[0].fix is None


def test_lint_paths(tmp_path):
    (tmp_path / "a.md").write_text("A salesman.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    results, errors = jdlint.lint_paths([tmp_path])
    assert [r.path.endswith("a.md") for r in results] == [True]
    assert [e.message for e in errors] == [f"{tmp_path / 'b.txt'}: looks like a binary file (NUL bytes), not a posting"]
