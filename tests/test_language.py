"""The language seam: a posting's language, the English data behind it, and rules skipped for others."""

from __future__ import annotations

import dataclasses

import pytest

import jdlint
from jdlint.config import ConfigError, from_table
from jdlint.document import Document
from jdlint.formats import parse
from jdlint.language import get_language, language_code, posting_language
from jdlint.linter import Linter
from jdlint.rule import Catalog
from jdlint.source import Source


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("en", "en"),
        ("en-US", "en"),
        ("de_DE", "de"),
        ("FR", "fr"),
        ("Python", None),
        ("Go", None),
        ("", None),
        (None, None),
        (3, None),
    ],
)
def test_language_code_reads_bcp47_tags_and_ignores_programming_languages(tag, code):
    assert language_code(tag) == code


def test_posting_language_prefers_the_posting_over_the_default():
    assert posting_language({"lang": "de-AT"}, "en") == "de"
    assert posting_language({"language": "fr"}, "en") == "fr"
    assert posting_language({"language": "Rust"}, "en") == "en"  # a tech stack, not the posting's language
    assert posting_language({}, "en") == "en"


def test_english_carries_its_pipeline_dictionary_and_formula():
    english = get_language("en")
    assert english.is_word("engineers") and not english.is_word("halten")
    assert english.syllables("Engineers building reliable systems") == 11
    assert english.readability.grade_constant == pytest.approx(-15.59)
    assert english.negation.search("we are not looking for a ")
    assert not english.negation.search("we are looking for a ")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Gehalt € 55.000 - 65.000 brutto im Jahr", 6),  # numbers are words; a lone dash or euro sign is not
        ("Rejoignez l'équipe : 45 k€ - 55 k€ brut annuel.", 8),
        ("Pay: $90,000 to $110,000 a year, 40 hrs/week.", 8),
        ("E-Mail an jobs@example.de oder 030 1234 56", 7),
    ],
)
def test_every_language_counts_words_alike(text, words):
    import textstat

    # a posting's length, and each word minimum, must not depend on the language it is written in
    counts = {code: get_language(code).lexicon_count(text) for code in ("en", "de", "fr")}
    assert counts == {"en": words, "de": words, "fr": words}
    assert textstat.lexicon_count(text) == words


def test_a_language_without_data_is_refused_in_config(catalog):
    with pytest.raises(ConfigError, match="language must be one of en"):
        from_table({"language": "xx"}, "cfg.toml", ".", catalog)
    assert from_table({"language": "en-GB"}, "cfg.toml", ".", catalog).language == "en"


def test_front_matter_and_html_lang_set_the_posting_language():
    assert jdlint.lint_text("---\nlang: de\n---\nWir suchen dich.", format="markdown").language == "de"
    assert jdlint.lint_text('<html lang="fr-CA"><p>Bonjour.</p></html>', format="html").language == "fr"
    assert jdlint.lint_text("We need a salesperson.").language == "en"


@pytest.fixture
def english_only_title_rule(catalog):
    """The catalog with JD201 carrying English data only (as the split catalogs mark it)."""
    rules = tuple(dataclasses.replace(r, language="en" if r.code == "JD201" else None) for r in catalog.rules)
    return Catalog(rules)


def test_a_rule_without_data_for_the_posting_language_is_skipped_with_one_notice(english_only_title_rule):
    linter = Linter(catalog=english_only_title_rule)
    german, english = linter.lint(
        [
            _document("de.md", "---\nlang: de\n---\nWe need a salesman.", "markdown"),
            _document("en.txt", "We need a salesman.", "text"),
        ]
    )
    assert [f.code for f in german.findings if f.code == "JD201"] == []
    assert len(german.notices) == 1 and "JD201" in german.notices[0] and "'de'" in german.notices[0]
    assert [f.code for f in english.findings if f.code == "JD201"] == ["JD201"]
    assert english.notices == ()


def test_results_keep_input_order_across_languages(english_only_title_rule):
    documents = [
        _document("a.txt", "We need a salesman.", "text"),
        _document("b.md", "---\nlang: de\n---\nEin Text.", "markdown"),
        _document("c.txt", "Our chairman retires.", "text"),
    ]
    results = list(Linter(catalog=english_only_title_rule).lint(documents))
    assert [(r.path, r.language) for r in results] == [("a.txt", "en"), ("b.md", "de"), ("c.txt", "en")]
    assert [f.code for f in results[2].findings if f.code == "JD201"] == ["JD201"]


def _document(name: str, text: str, fmt: str) -> Document:
    return parse(Source(name, text, format=fmt))


def test_the_cli_prints_each_notice_once(tmp_path, monkeypatch, english_only_title_rule):
    from click.testing import CliRunner

    from jdlint.cli import main

    monkeypatch.setattr("jdlint.linter.load_catalog", lambda: english_only_title_rule)
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("---\nlang: de\n---\nWe need a salesman.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("We need a salesman.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--exit-zero", "--jobs", "1", str(tmp_path)])
    notes = [line for line in result.stderr.splitlines() if line.startswith("jdlint: note:")]
    assert notes == ["jdlint: note: 1 rule (JD201) has no data for language 'de' and was skipped (2 postings)"]
    assert result.stdout.count("JD201") == 1  # only the English posting


def test_the_shipped_catalog_runs_only_language_neutral_rules_on_a_posting_without_data(catalog):
    assert {r.code for r in catalog.variants if r.language is None} >= {"JD101", "JD120", "JD611", "JD901"}
    assert catalog.by_code("JD201").language == "en"
    spanish = jdlint.lint_text(  # a language jdlint ships no data for
        "---\nlang: es\n---\nBuscamos un salesman. Caf\u00c3\u00a9 &amp;nbsp;", format="markdown"
    )
    codes = {f.code for f in spanish.findings}
    assert "JD201" not in codes and {"JD101", "JD120"} <= codes  # mojibake and a leaked entity: any language
    assert "JD201" in spanish.notices[0] and "'es'" in spanish.notices[0]
