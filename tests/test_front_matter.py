"""Front matter: YAML 1.2 and TOML, every string style linted with exact source spans, broken headers reported."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

import jdlint
from jdlint.cli import main
from jdlint.formats import parse
from jdlint.source import Source


def lint(md: str):
    return jdlint.lint_text(md, format="markdown")


def found(md: str, code: str) -> list[str]:
    result = lint(md)
    for finding in result.findings:  # every span slices to the finding's text
        if finding.span is not None:
            assert md[finding.span.start : finding.span.end] == finding.text
    return [f.text for f in result.findings if f.code == code]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("title: Senior Salesman", ["Salesman"]),  # plain
        ("title: 'Our chairman''s office'", ["chairman"]),  # single-quoted, '' is one quote
        ('title: "Lead salesman\\t(remote)"', ["salesman"]),  # double-quoted with an escape before the word
        ('title: "Caf\\u00e9 \\"chairman\\" role"', ["chairman"]),  # unicode and quote escapes before it
        ("summary: >-\n  Our team is led\n  by a foreman.", ["foreman"]),  # folded
        ("summary: |\n  First line.\n  Report to the chairman.", ["chairman"]),  # literal
        ("summary: A plain scalar\n  over two lines, for a salesman.", ["salesman"]),  # multi-line plain
        ("duties:\n  - Support the foreman\n  - 'Train the salesmen'", ["foreman", "salesmen"]),  # sequence
        ("job:\n  about:\n    text: The chairman decides.", ["chairman"]),  # nested mapping
    ],
)
def test_every_scalar_style_is_linted_with_exact_spans(value, expected):
    assert found(f"---\n{value}\n---\n\nBody.\n", "JD201") == expected


def test_a_tab_after_the_colon_is_yaml_1_2_separation():
    md = "---\ntitle:\tSenior Salesman\nlocation:\tDenver, CO\n---\n\nBody.\n"
    document = parse(Source("a.md", md, format="markdown"))
    assert document.metadata["location"] == "Denver, CO" and document.front_matter_problem is None
    assert found(md, "JD201") == ["Salesman"]


def test_values_that_are_not_prose_are_left_alone():
    md = "---\npermalink: /jobs/salesman/\nlayout: salesman\nimage: salesman.png\nsalary: 90000\n---\n\nBody.\n"
    assert found(md, "JD201") == []


def test_crlf_front_matter_keeps_exact_spans():
    md = '---\r\ndescription: "We need a\\n salesman."\r\n---\r\n\r\nBody.\r\n'
    assert found(md, "JD201") == ["salesman"]


@pytest.mark.parametrize(
    ("md", "line"),
    [
        ("---\ntitle: Sales lead\nlocation: [Denver, CO\n---\n\nWe need a salesman.\n", 3),
        ("+++\ntitle = Sales lead\n+++\n\nWe need a salesman.\n", 2),
        # past Python's limits: an integer of 5,000 digits, arrays nested 5,000 deep
        ("+++\nn = " + "9" * 5000 + "\n+++\n\nWe need a salesman.\n", 2),
        ("+++\nn = " + "[" * 5000 + "]" * 5000 + "\n+++\n\nWe need a salesman.\n", 2),
    ],
)
def test_broken_front_matter_is_a_finding_and_the_body_is_still_linted(md, line):
    result = lint(md)
    (problem,) = [f for f in result.findings if f.code == "JD903"]
    assert f"line {line}: not valid" in problem.message and problem.category == "jdlint"
    assert md.count("\n", 0, problem.span.start) + 1 == line
    assert [f.text for f in result.findings if f.code == "JD201"] == ["salesman"]


def test_a_fix_inside_a_double_quoted_value_keeps_valid_yaml(tmp_path):
    posting = tmp_path / "job.md"
    posting.write_text('---\ndescription: "We need a\\tsalesman.\\nApply now."\n---\n\nBody.\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "JD201", str(posting)])
    assert result.exit_code == 0, result.output
    text = posting.read_text(encoding="utf-8")
    header = text.split("---\n")[1]
    assert YAML(typ="safe", pure=True).load(header) == {"description": "We need a\tsalesperson.\nApply now."}


def test_a_word_spelled_with_an_escape_is_reported_but_never_rewritten(tmp_path):
    md = '---\ntitle: "Sales\\u006dan"\n---\n\nBody.\n'
    result = lint(md)
    (finding,) = [f for f in result.findings if f.code == "JD201"]
    assert finding.text == "Sales\\u006dan" and finding.fix is None


def test_fields_that_parse_on_their_own_still_count_when_the_header_is_broken():
    md = (
        "---\ntitle: Senior Salesman\nlayout: @layouts/Job.astro\nlocation: Denver,\n  CO\n"
        "salary: $90,000 - $110,000\n---\n\nWe need someone great.\n"
    )
    document = parse(Source("a.md", md, format="markdown"))
    assert document.metadata == {"title": "Senior Salesman", "location": "Denver, CO", "salary": "$90,000 - $110,000"}
    assert document.front_matter_problem is not None and "line 3" in document.front_matter_problem.message
    result = lint(md)
    codes = [f.code for f in result.findings]
    assert "JD903" in codes and "JD501" not in codes  # the pay in the header still counts
    assert found(md, "JD201") == ["Salesman"]


def test_findings_in_repeated_text_are_reported_once_in_the_body():
    from jdlint.config import Config

    md = (
        "---\ntitle: Senior Salesman\nexcerpt: We need a salesman who is a rockstar.\n---\n\n# Senior Salesman\n\n"
        "We need a salesman who is a rockstar. You will grow the team, salesman.\n"
    )
    once = [(f.code, f.span.start) for f in lint(md).findings if f.code in ("JD201", "JD332")]
    body = md.index("# Senior")  # the title and the excerpt are copies of what the body says
    assert once == [
        ("JD201", md.index("Salesman", body)),
        ("JD201", md.index("salesman", body)),
        ("JD332", md.index("rockstar", body)),
        ("JD201", md.rindex("salesman")),
    ]
    every = jdlint.lint_text(md, format="markdown", config=Config(repeated_text="all"))
    assert len([f for f in every.findings if f.code in ("JD201", "JD332")]) == 7


def test_a_word_repeated_in_different_sentences_is_not_a_repeat():
    md = "We need a salesman for the north.\n\nOur other salesman covers the south.\n"
    assert len(found(md, "JD201")) == 2


def test_repeated_text_setting_is_validated(catalog):
    from jdlint.config import ConfigError, from_table

    assert from_table({"repeated-text": "all"}, "c.toml", ".", catalog).repeated_text == "all"
    with pytest.raises(ConfigError, match="repeated-text must be 'first' or 'all'"):
        from_table({"repeated-text": "twice"}, "c.toml", ".", catalog)


def test_toml_strings_of_every_form_are_linted_with_exact_spans():
    md = (
        '+++\ntitle = "Senior Salesman"\nlayout = "salesman"\n[params]\n'
        'description = """\nWe need a\\tsalesman who\nleads the foreman team."""\n'
        "note = 'Report to the chairman'\n+++\n\nBody.\n"
    )
    assert found(md, "JD201") == ["Salesman", "salesman", "foreman", "chairman"]


@pytest.mark.parametrize(
    "header",
    ["a: &x [*x]", "b: &y {k: *y}", "t: &s We need a salesman.\nu: *s\nv: *s", "t: !!str We need a salesman."],
)
def test_anchors_aliases_and_tags_are_read_once_with_exact_spans(header):
    md = f"---\n{header}\n---\n\nBody.\n"
    assert found(md, "JD201") == (["salesman"] if "salesman" in header else [])


def test_body_text_repeated_twice_is_reported_where_it_first_appears():
    md = "---\nsummary: Join our rockstar crew.\n---\n\nJoin our rockstar crew.\n\nJoin our rockstar crew.\n"
    assert [f.span.start for f in lint(md).findings if f.code == "JD332"] == [md.index("rockstar", md.index("\n\n"))]


def test_a_title_only_in_front_matter_is_still_reported_there():
    md = "---\ntitle: Senior Salesman\n---\n\nWe sell pumps to farms across the county.\n"
    assert [f.span.start for f in lint(md).findings if f.code == "JD201"] == [md.index("Salesman")]


def _laughs(levels: int = 9) -> str:
    """A "billion laughs": each anchor a list of nine aliases to the one before (9**levels values, 800 bytes)."""
    lines = ["---", "a0: &a0 [" + ", ".join(['"lol"'] * 9) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    lines += [f"title: *a{levels}", "location: Leeds", "---", "We want a rockstar engineer.", ""]
    return "\n".join(lines)


def test_alias_bomb_is_refused_and_the_body_is_linted():
    import subprocess
    import sys

    # a subprocess with a timeout: before the expansion bound this ran out of memory or never ended
    script = (
        "import sys, jdlint; r = jdlint.lint_text(sys.stdin.read(), format='markdown');"
        " print(sorted({f.code for f in r.findings}))"
    )
    done = subprocess.run([sys.executable, "-c", script], input=_laughs(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "JD903" in done.stdout and "JD332" in done.stdout  # the header refused, the body still linted


def test_alias_bomb_reason_is_given():
    result = lint(_laughs())
    (problem,) = [f for f in result.findings if f.code == "JD903"]
    assert "aliases expand" in problem.message


def test_ordinary_aliases_still_read():
    md = "---\nbase: &base\n  team: Platform\nrole:\n  <<: *base\n  summary: Work with the chairman.\n---\nBody.\n"
    assert found(md, "JD903") == []
    assert "chairman" in [f.text for f in lint(md).findings]  # the merged mapping's own value is still linted


def test_oversized_front_matter_is_refused_and_the_body_is_linted():
    from jdlint.formats.frontmatter import MAX_FRONT_MATTER_CHARS

    filler = "\n".join(f"k{i}: value number {i}" for i in range(MAX_FRONT_MATTER_CHARS // 20 + 10))
    md = f"---\n{filler}\n---\nWe want a rockstar engineer.\n"
    codes = {f.code for f in lint(md).findings}
    assert "JD903" in codes and "JD332" in codes


def test_many_keys_are_read():  # (their growth with the count: benchmarks/growth.py)
    filler = "\n".join(f"k{i}: plain value" for i in range(2_000))
    md = f"---\ntitle: Salesman\n{filler}\n---\nBody text.\n"
    assert found(md, "JD903") == []
