"""The catalogs are code: they load, validate, and do not contradict themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import lint, option_tables

from jdlint.catalog import CatalogError, load_catalog_files
from jdlint.kinds import KINDS
from jdlint.model import CATEGORIES

FAMILY_CATEGORIES = {
    "JD1": {"encoding"},
    "JD2": {"gendered"},
    "JD3": {"age", "disability", "national-origin", "culture"},
    "JD4": {"degree-gatekeeping", "experience", "age"},
    "JD5": {"missing-salary", "missing-accommodation", "missing-eeo"},
    "JD6": {"readability", "accessibility"},
    "JD9": {"jdlint"},
}


def test_codes_unique_and_in_family(catalog):
    codes = [r.code for r in catalog.rules]
    assert len(codes) == len(set(codes))
    names = [r.name for r in catalog.rules]
    assert len(names) == len(set(names))
    for rule in catalog.rules:
        assert re.fullmatch(r"JD\d{3}", rule.code)
        assert rule.code.startswith(rule.family)
        assert rule.category in CATEGORIES
        if rule.family in FAMILY_CATEGORIES:
            assert rule.category in FAMILY_CATEGORIES[rule.family], rule.code


def test_every_kind_has_a_real_rule(catalog):
    assert {r.kind for r in catalog.rules} >= set(KINDS)


def test_every_rule_explains_itself(catalog):
    for rule in catalog.rules:
        assert rule.why and rule.source.startswith("http"), rule.code
        assert rule.examples_fail and rule.examples_pass, rule.code


def test_no_phrase_claimed_by_two_rules(catalog):
    owner: dict[str, str] = {}
    for rule in catalog.rules:
        phrases = set()
        for key in ("terms", "when"):
            phrases |= {p.lower() for p in (rule.options.get(key) or {}).get("phrases", [])}
        for phrase in sorted(phrases):
            key = phrase.lower()
            assert key not in owner, f"'{phrase}' is claimed by {owner.get(key)} and {rule.code}"
            owner[key] = rule.code


def test_no_suggestion_is_itself_flagged(catalog):
    for rule in catalog.rules:
        suggestions = list(rule.options.get("suggestions", ()))
        for alternatives in rule.options.get("swap", {}).values():
            suggestions += alternatives
        for suggestion in suggestions:
            result = lint(f"Join us as {suggestion} on our team.")
            flagged = [f for f in result.findings if f.span is not None]
            assert not flagged, f"{rule.code} suggests '{suggestion}', which {flagged[0].code} flags"


def _write(tmp_path: Path, body: str) -> list[Path]:
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    return [path]


# A minimal valid rule: its language-neutral keys, then its data (terms and examples).
GOOD_NEUTRAL = """
code = "JD299"
name = "test-rule"
category = "gendered"
kind = "existence"
severity = "warning"
message = "m"
why = "w"
source = "https://example.org"
"""
GOOD_DATA = """terms.phrases = ["foo"]
examples.fail = ["foo"]
examples.pass = ["bar"]
"""
GOOD = GOOD_NEUTRAL + GOOD_DATA


@pytest.mark.parametrize(
    "change, problem",
    [
        (('code = "JD299"', 'code = "JD399"'), "outside this catalog's family"),
        (('code = "JD299"', 'code = "X1"'), "not of the form"),
        (('category = "gendered"', 'category = "nope"'), "unknown category"),
        (('kind = "existence"', 'kind = "magic"'), "unknown kind"),
        (('severity = "warning"', 'severity = "fatal"'), "unknown severity"),
        (('examples.pass = ["bar"]', ""), "examples.pass"),
        (('terms.phrases = ["foo"]', 'terms.regex = ["(unclosed"]'), "unterminated"),
        (('terms.phrases = ["foo"]', 'terms.patterns = [[{POS = "NOUN"}]]'), "tagged_patterns"),
        (('name = "test-rule"', 'name = "Test Rule"'), "lower-case words"),
        (('terms.phrases = ["foo"]', 'terms.phrases = ["foo"]\nbogus = 1'), "unknown option"),
        (('examples.fail = ["foo"]', 'examples.fail = [{ match = "foo" }]'), "examples.fail[0] needs text"),
        (('examples.fail = ["foo"]', 'examples.fail = [{ text = "foo", span = "foo" }]'), "unknown key(s): span"),
        (('examples.fail = ["foo"]', 'examples.fail = [{ text = "foo" }]'), "without match or fix"),
        (
            ('examples.fail = ["foo"]', 'examples.fail = ["foo", { text = "a foo", match = "bar" }]'),
            "examples.fail[1].match 'bar' is not in the example's text",
        ),
        (
            ('examples.fail = ["foo"]', 'examples.fail = [{ text = "foo", match = [] }]'),
            "a string or a list of strings",
        ),
        (('examples.fail = ["foo"]', 'examples.fail = [{ text = "foo", fix = "bar" }]'), 'the rule has fix = "none"'),
        (('examples.fail = ["foo"]', "examples.fail = [3]"), "must be a string or a table"),
        (('examples.fail = ["foo"]', "examples.fail = []"), "examples.fail must be a non-empty list"),
        (('examples.pass = ["bar"]', 'examples.pass = [{ text = "bar", match = "bar" }]'), "examples.pass must be"),
    ],
)
def test_invalid_catalog_entries_are_rejected(tmp_path, change, problem):
    body = 'family = "JD2"\n[[rule]]' + GOOD.replace(*change)
    with pytest.raises(CatalogError, match=re.escape(problem)):
        load_catalog_files(_write(tmp_path, body))


def test_duplicate_codes_are_rejected(tmp_path):
    body = 'family = "JD2"\n[[rule]]' + GOOD + "[[rule]]" + GOOD.replace("test-rule", "other-rule")
    with pytest.raises(CatalogError, match="already used"):
        load_catalog_files(_write(tmp_path, body))


def test_bad_token_pattern_is_rejected_at_load(tmp_path):
    body = 'family = "JD2"\n[[rule]]' + GOOD.replace('kind = "existence"', 'kind = "matcher"').replace(
        'terms.phrases = ["foo"]', 'patterns = [[{LOWER = {NOT_AN_OPERATOR = ["x"]}}]]'
    )
    with pytest.raises(CatalogError, match="invalid token pattern"):
        load_catalog_files(_write(tmp_path, body))


def test_good_entry_loads(tmp_path):
    catalog = load_catalog_files(_write(tmp_path, 'family = "JD2"\n[[rule]]' + GOOD))
    assert [r.code for r in catalog.rules] == ["JD299"]


def test_example_tables_load_as_expectations(tmp_path):
    body = 'family = "JD2"\n[[rule]]' + GOOD.replace(
        'examples.fail = ["foo"]',
        """fix = "safe"
examples.fail = [
  "foo",
  { text = "a foo", match = "foo", fix = "a bar" },
  { text = "foo foo", match = ["foo", "foo"] },
]""",
    )
    rule = load_catalog_files(_write(tmp_path, body)).rules[0]
    assert rule.examples_fail == ("foo", "a foo", "foo foo")
    assert [(e.example, e.match, e.fix) for e in rule.expectations] == [
        ("a foo", ("foo",), "a bar"),
        ("foo foo", ("foo", "foo"), None),
    ]
    body = body.replace('fix = "a bar"', 'fix = "a foo"')
    with pytest.raises(CatalogError, match="a different string"):
        load_catalog_files(_write(tmp_path, body))


def test_rules_folder_holds_catalogs_only(tmp_path):
    with pytest.raises(CatalogError, match=r"rules/bad.toml: has no \[\[rule\]\] entries .*data tables live in data/"):
        load_catalog_files(_write(tmp_path, '[[section]]\nname = "about"\nphrases = ["about us"]\n'))


def test_one_catalog_file_per_family():
    from jdlint.resources import data_path

    families: dict[str, str] = {}
    rules = Path(str(data_path("rules")))
    for path in sorted(rules.glob("*.toml")):
        language_data = {"en": [rules / "en" / path.name]} if (rules / "en" / path.name).exists() else {}
        catalog = load_catalog_files([path], language_data)
        (family,) = {rule.family for rule in catalog.rules}
        assert family not in families, f"{family} is in {families.get(family)} and {path.name}"
        families[family] = path.name
    assert set(families) == {"JD1", "JD2", "JD3", "JD4", "JD5", "JD6", "JD9"}


NEUTRAL = 'family = "JD2"\n[[rule]]' + GOOD_NEUTRAL
ENGLISH = '[[rule]]\ncode = "JD299"\n' + GOOD_DATA


def _language_catalog(tmp_path: Path, neutral: str, english: str):
    (tmp_path / "en").mkdir(exist_ok=True)
    (tmp_path / "t.toml").write_text(neutral, encoding="utf-8")
    (tmp_path / "en" / "t.toml").write_text(english, encoding="utf-8")
    return load_catalog_files([tmp_path / "t.toml"], {"en": [tmp_path / "en" / "t.toml"]})


def test_language_data_completes_a_neutral_entry(tmp_path):
    catalog = _language_catalog(tmp_path, NEUTRAL, ENGLISH)
    (rule,) = catalog.rules
    assert (rule.code, rule.language, rule.examples_fail) == ("JD299", "en", ("foo",))
    assert catalog.variants == catalog.rules


def test_a_rule_with_data_in_two_languages_has_one_variant_each(tmp_path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "t.toml").write_text(ENGLISH.replace("foo", "truc").replace("bar", "machin"), encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "t.toml").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "t.toml").write_text(NEUTRAL, encoding="utf-8")
    catalog = load_catalog_files(
        [tmp_path / "t.toml"], {"fr": [tmp_path / "fr" / "t.toml"], "en": [tmp_path / "en" / "t.toml"]}
    )
    assert [(r.code, r.language) for r in catalog.variants] == [("JD299", "en"), ("JD299", "fr")]
    assert [r.language for r in catalog.rules] == ["en"]  # listings show the default language's variant
    assert catalog.by_code("test-rule").language == "en"


@pytest.mark.parametrize(
    ("english", "problem"),
    [
        (ENGLISH.replace("JD299", "JD298"), "names no rule of rules/"),
        (ENGLISH + 'severity = "info"\n', "repeats severity"),
        (ENGLISH + "\n" + ENGLISH, "is already given en data"),
    ],
)
def test_bad_language_data_is_rejected(tmp_path, english, problem):
    with pytest.raises(CatalogError, match=problem):
        _language_catalog(tmp_path, NEUTRAL, english)


def _term_sets(options):
    """Every term set in a rule's options (terms, when, require, context, ...), however deep."""
    from jdlint.kinds.terms import TERM_KEYS

    return [table for table in option_tables(options) if "regex" in table and set(table) <= set(TERM_KEYS)]


def test_the_shipped_catalogs_regexes_compile_on_first_use_and_every_one_compiles():
    """The shipped catalog leaves its regexes to compile when a posting needs them (a cold start compiles only
    those), so this is where a broken one is caught: each compiles, to what its text says."""
    from jdlint.analyses.scan import Lazy
    from jdlint.catalog import load_catalog

    found = [p for rule in load_catalog().variants for s in _term_sets(rule.options) for p in s["regex"]]
    regexes = [p for p in found if not isinstance(p, str)]  # text: a Python check's own setting, which it compiles
    assert len(regexes) > 50 and all(isinstance(p, Lazy) for p in regexes)
    for pattern in regexes:
        assert isinstance(pattern.compiled, re.Pattern) and pattern.compiled.pattern == pattern.pattern
        assert pattern.flags == pattern.compiled.flags


def test_another_catalogs_regexes_are_compiled_as_it_loads(tmp_path):
    body = 'family = "JD2"\n[[rule]]\n' + GOOD.replace('terms.phrases = ["foo"]', 'terms.regex = ["fo+"]')
    catalog = load_catalog_files(_write(tmp_path, body))
    (pattern,) = [p for rule in catalog.rules for s in _term_sets(rule.options) for p in s["regex"]]
    assert isinstance(pattern, re.Pattern)
