"""Rule options: declared once in the catalog, validated there, set per rule (by code or name) or through an older
alias key, read by the checks through one accessor, and shown by `jdlint rule`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import lint
from test_catalog import GOOD

from jdlint.catalog import CatalogError, load_catalog_files
from jdlint.cli import main
from jdlint.config import Config, ConfigError, read_file
from jdlint.options import RuleOption, option_from_table

LIST_OF_SIX = "## Requirements\n\n" + "".join(f"- Skill {i}\n" for i in range(6)) + "\nApply by email.\n"
DENSE = (
    "Our organization operationalizes sophisticated financial infrastructure. You will architect resilient, "
    "internationally distributed microservices. Everybody contributes to architectural decision-making."
)


def config_from(tmp_path: Path, catalog, body: str, name: str = ".jdlint.toml") -> Config:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return read_file(path, catalog)


def must_have_findings(config: Config | None = None) -> list[str]:
    return [f.message.split(";")[0] for f in lint(LIST_OF_SIX, "markdown", config).findings if f.code == "JD404"]


def test_every_option_has_a_catalog_default_the_checks_read(catalog):
    config = Config()
    declared = {(r.code, o.name): o.default for r in catalog.rules for o in r.user_options}
    assert declared[("JD404", "limit")] == 10 and declared[("JD601", "grade")] == 10
    assert declared[("JD603", "min-words")] == 150 and declared[("JD603", "max-words")] == 1500
    for rule in catalog.rules:
        for option in rule.user_options:
            assert config.option(rule, option.name) == option.default
    assert must_have_findings() == []


def test_asking_for_an_undeclared_option_is_a_programming_error(catalog):
    with pytest.raises(KeyError, match="JD201 declares no option 'limit'"):
        Config().option(catalog.by_code("JD201"), "limit")


@pytest.mark.parametrize("table", ["JD404", "long-must-have-list", "jd404"])
def test_per_rule_table_by_code_or_name(tmp_path, catalog, table):
    config = config_from(tmp_path, catalog, f"[rules.{table}]\nlimit = 5\n")
    assert config.rule_options == {"JD404": {"limit": 5}}
    assert must_have_findings(config) == ["The requirements list has 6 items (over 5)"]


def test_per_rule_table_in_pyproject(tmp_path, catalog):
    config = config_from(tmp_path, catalog, "[tool.jdlint.rules.JD404]\nlimit = 5\n", "pyproject.toml")
    assert config.option(catalog.by_code("JD404"), "limit") == 5


def test_aliases_set_the_options(tmp_path, catalog):
    config = config_from(
        tmp_path,
        catalog,
        "must-have-limit = 5\n[readability]\ngrade = 30\nlong-sentence = 5\nmin-words = 20\nmax-words = 30\n",
    )
    assert config.rule_options == {
        "JD404": {"limit": 5},
        "JD601": {"grade": 30},
        "JD602": {"limit": 5},
        "JD603": {"min-words": 20, "max-words": 30},
    }
    assert must_have_findings(config) == ["The requirements list has 6 items (over 5)"]
    codes = {f.code for f in lint(DENSE, config=config).findings}
    assert "JD601" not in codes and "JD602" in codes
    assert "JD601" in {f.code for f in lint(DENSE).findings}


def test_the_aliases_are_the_documented_config_keys(catalog):
    from jdlint.config import KNOWN_KEYS

    aliases = {o.alias: f"{r.code}.{o.name}" for r in catalog.rules for o in r.user_options if o.alias}
    assert aliases == {
        "must-have-limit": "JD404.limit",
        "readability.grade": "JD601.grade",
        "readability.long-sentence": "JD602.limit",
        "readability.min-words": "JD603.min-words",
        "readability.max-words": "JD603.max-words",
    }
    assert {alias.split(".")[0] for alias in aliases} <= set(KNOWN_KEYS)


def test_a_per_rule_table_wins_over_an_alias(tmp_path, catalog):
    config = config_from(tmp_path, catalog, "must-have-limit = 5\n[rules.long-must-have-list]\nlimit = 7\n")
    assert config.option(catalog.by_code("JD404"), "limit") == 7


@pytest.mark.parametrize(
    "body",
    [
        "[readability]\nmin-words = 100\n[rules.posting-length]\nmin-words = 80\n",
        "[rules.posting-length]\nmin-words = 80\n[readability]\nmin-words = 100\n",  # whichever table comes first
    ],
)
def test_per_rule_table_wins_over_the_readability_alias(tmp_path, catalog, body):
    config = config_from(tmp_path, catalog, body)
    rule = catalog.by_code("JD603")
    assert (config.option(rule, "min-words"), config.option(rule, "max-words")) == (80, 1500)


def test_options_change_what_the_rules_report(tmp_path, catalog):
    words = " ".join(["word"] * 60) + "."
    assert "JD603" in {f.code for f in lint(words).findings}  # 60 words: shorter than 150
    config = config_from(tmp_path, catalog, "[rules.JD603]\njudge-from = 61\n")
    assert "JD603" not in {f.code for f in lint(words, config=config).findings}
    config = config_from(tmp_path, catalog, "[rules.JD510]\nmin-words = 61\n[rules.JD520]\nmin-words = 61\n")
    assert not {"JD510", "JD520"} & {f.code for f in lint(words, config=config).findings}
    assert {"JD510", "JD520"} <= {f.code for f in lint(words).findings}


@pytest.mark.parametrize(
    "body, message",
    [
        ("[rules.JD999]\nlimit = 1\n", "rules.JD999: no such rule (use a code such as JD404 or a rule name)"),
        (
            "[rules.JD404]\nlimt = 1\n",
            "unknown option 'rules.JD404.limt' (JD404 long-must-have-list has the options limit)",
        ),
        ("[rules.JD201]\nlimit = 1\n", "unknown option 'rules.JD201.limit' (JD201 gendered-job-title has no options)"),
        ('[rules.JD404]\nlimit = "ten"\n', "rules.JD404.limit must be an integer >= 1 (got 'ten')"),
        ("[rules.JD404]\nlimit = 0\n", "rules.JD404.limit must be an integer >= 1 (got 0)"),
        ("[rules.JD404]\nlimit = 2.5\n", "rules.JD404.limit must be an integer >= 1 (got 2.5)"),
        ("[rules.JD404]\nlimit = true\n", "rules.JD404.limit must be an integer >= 1 (got True)"),
        ('[rules.JD601]\ngrade = "easy"\n', "rules.JD601.grade must be a number >= 1 (got 'easy')"),
        ("rules = 3\n", "'rules' must be a table of rule = { option = value }, e.g. [rules.JD404]"),
        ("rules.JD404 = 3\n", "rules.JD404 must be a table of option = value"),
        (
            "[rules.JD404]\nlimit = 5\n[rules.long-must-have-list]\nlimit = 6\n",
            "rules.long-must-have-list.limit sets the same option as rules.JD404.limit",
        ),
        ("must-have-limit = 0\n", "must-have-limit must be an integer >= 1 (got 0)"),
        ("[readability]\ngrade = -2\n", "readability.grade must be a number >= 1 (got -2)"),
        (
            "[readability]\ngrad = 2\n",
            "unknown key 'readability.grad' (known keys: grade, long-sentence, min-words, max-words)",
        ),
        ("readability = 3\n", "'readability' must be a table"),
    ],
)
def test_bad_options_are_one_line_errors_naming_the_key(tmp_path, catalog, body, message):
    with pytest.raises(ConfigError) as raised:
        config_from(tmp_path, catalog, body)
    assert str(raised.value) == f"{tmp_path / '.jdlint.toml'}: {message}"
    assert "\n" not in str(raised.value)


def test_jdlint_rule_shows_the_options():
    shown = CliRunner().invoke(main, ["rule", "JD603"]).output
    assert "Options (set in [tool.jdlint.rules.JD603]):" in shown
    assert "- min-words = 150 (int >= 1; also `readability.min-words`): postings shorter than this" in shown
    assert "- judge-from = 40 (int >= 0): postings with fewer words" in shown
    assert "Options" not in CliRunner().invoke(main, ["rule", "JD201"]).output


# ----------------------------------------------------------------------------- declarations in the catalog

RULE = 'family = "JD2"\n[[rule]]' + GOOD


def _catalog(tmp_path: Path, options: str, rule: str = RULE):
    path = tmp_path / "test.toml"
    path.write_text(rule + options, encoding="utf-8")
    return load_catalog_files([path])


def test_every_type_loads_and_is_set_from_config(tmp_path):
    catalog = _catalog(
        tmp_path,
        """options.count = { type = "int", default = 3, min = 1, max = 9, doc = "how many" }
options.ratio = { type = "float", default = 0.5, doc = "a share" }
options.word = { type = "string", default = "foo", doc = "a word" }
options.strict = { type = "bool", default = false, doc = "be strict" }
options.mode = { type = ["fast", "careful"], default = "fast", doc = "how to look" }
""",
    )
    rule = catalog.by_code("JD299")
    assert [o.type_name for o in rule.user_options] == ["int 1..9", "float", "string", "bool", '"fast" | "careful"']
    config = config_from(
        tmp_path, catalog, '[rules.test-rule]\ncount = 9\nratio = 2\nword = "bar"\nstrict = true\nmode = "careful"\n'
    )
    assert config.rule_options["JD299"] == {"count": 9, "ratio": 2, "word": "bar", "strict": True, "mode": "careful"}
    for body, message in [
        ("count = 10", "an integer 1..9 (got 10)"),
        ('ratio = "x"', "a number (got 'x')"),
        ("word = 3", "a string (got 3)"),
        ("strict = 1", "true or false (got 1)"),
        ('mode = "slow"', "one of fast, careful (got 'slow')"),
    ]:
        with pytest.raises(ConfigError, match=re.escape(f"rules.test-rule.{body.split()[0]} must be {message}")):
            config_from(tmp_path, catalog, f"[rules.test-rule]\n{body}\n")


def test_a_declared_alias_is_read_from_the_config(tmp_path):
    declaration = 'options.limit = { type = "int", default = 3, alias = "readability.grade", doc = "d" }\n'
    catalog = _catalog(tmp_path, declaration)
    config = config_from(tmp_path, catalog, "[readability]\ngrade = 4\n")
    assert config.rule_options == {"JD299": {"limit": 4}}


@pytest.mark.parametrize(
    "declaration, problem",
    [
        ('options.limit = { type = "int", default = 3 }', "option 'limit' needs 'doc'"),
        (
            'options.limit = { type = "integer", default = 3, doc = "d" }',
            "type must be one of int, float, string, bool",
        ),
        ('options.limit = { type = "int", default = "3", doc = "d" }', "option 'limit': default must be an integer"),
        (
            'options.limit = { type = "int", default = 0, min = 1, doc = "d" }',
            "default must be an integer >= 1 (got 0)",
        ),
        ('options.limit = { type = "int", default = 3, min = 5, max = 4, doc = "d" }', "min is above max"),
        ('options.limit = { type = "string", default = "a", min = 1, doc = "d" }', "min applies to int and float"),
        ('options.limit = { type = [], default = "a", doc = "d" }', "a choice type is a list of distinct strings"),
        ('options.limit = { type = "int", default = 3, doc = "d", step = 2 }', "unknown key(s): step"),
        ('options.limit = { type = "int", default = 3, doc = "  " }', "needs a non-empty doc"),
        ('options.limit = { type = "int", default = 3, doc = "d", alias = "Bad Key" }', "alias must be a config key"),
        ('options.Limit = { type = "int", default = 3, doc = "d" }', "must be lower-case words joined by hyphens"),
        ("options.limit = 3", "must be a table with type, default and doc"),
        ("options = 3", "options must be a table"),
    ],
)
def test_bad_declarations_are_catalog_errors(tmp_path, declaration, problem):
    with pytest.raises(CatalogError, match=re.escape(problem)):
        _catalog(tmp_path, declaration + "\n")


def test_a_kind_can_require_an_option(tmp_path):
    occurrence = RULE.replace('kind = "existence"', 'kind = "occurrence"').replace("terms.phrases", "require.phrases")
    with pytest.raises(CatalogError, match=re.escape("kind 'occurrence' needs the option 'min-words'")):
        _catalog(tmp_path, "", occurrence)
    rule = _catalog(tmp_path, 'options.min-words = { type = "int", default = 0, doc = "d" }\n', occurrence).rules[0]
    assert rule.option("min-words").default == 0


def test_option_values_keep_their_type():
    grade = option_from_table("grade", {"type": "float", "default": 10, "doc": "d"})
    assert grade == RuleOption("grade", "float", 10, "d") and isinstance(grade.check(12), int)  # "target 12", not 12.0
