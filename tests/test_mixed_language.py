"""Postings in more than one language: each paragraph is linted by the rules of its own language, rules about
the whole posting stay in the posting's language, and the posting's language is the one most of it is written
in. The paragraphs are written for these tests."""

from __future__ import annotations

import pytest

from jdlint.catalog import CatalogError, load_catalog_files
from jdlint.document import Document
from jdlint.formats import parse
from jdlint.language.detect import detect_document
from jdlint.linter import Linter
from jdlint.rule import PASSAGE, POSTING
from jdlint.source import Source

ENGLISH_INTRO = (
    "# Senior Backend Engineer\n\n"
    "We are hiring a backend engineer to build the payment services our customers rely on. You will design the "
    "interfaces, review code with the team and keep the services running. You have five years of experience with "
    "Python and you enjoy working with the people who use what you build.\n\n"
)
ENGLISH_PAY = "## Pay\n\nThe salary range is $120,000 to $150,000 per year, plus equity and a yearly bonus.\n"
GERMAN_PARAGRAPH = (
    "## Über uns\n\n"
    "Wir sind ein junges Team in Berlin und suchen Verstärkung. Du sprichst Deutsch als Muttersprache und hast "
    "ein abgeschlossenes Studium der Informatik. Der ideale Kandidat bringt drei Jahre Erfahrung mit und er "
    "arbeitet gern selbstständig.\n\n"
)
FRENCH_PARAGRAPH = (
    "## À propos\n\n"
    "Nous sommes une équipe jeune et dynamique à Paris. Vous parlez français comme langue maternelle et vous "
    "rejoindrez l equipe produit pour construire nos services de paiement.\n\n"
)


def _lint(text: str, form: str = "markdown"):
    [result] = Linter().lint([parse(Source("posting.md", text, format=form))])
    return result


def _found(result, text: str) -> list[tuple[str, str]]:
    """(code, source text) of each finding, in order."""
    return [(f.code, text[f.span.start : f.span.end]) for f in result.findings if f.span is not None]


def test_each_paragraph_gets_the_rules_of_its_language():
    text = ENGLISH_INTRO + GERMAN_PARAGRAPH + FRENCH_PARAGRAPH + ENGLISH_PAY
    result = _lint(text)
    assert (result.language, result.other_languages) == ("en", ("de", "fr"))
    found = _found(result, text)
    german, french = text.index("## Über uns"), text.index("## À propos")
    for code, words in [
        ("JD301", "junges Team"),
        ("JD321", "Muttersprache"),
        ("JD401", "abgeschlossenes Studium der Informatik"),
        ("JD203", "Der ideale Kandidat"),
        ("JD301", "équipe jeune et dynamique"),
        ("JD321", "langue maternelle"),
        ("JD111", "l equipe"),  # French elision, a finding placed by its source span
    ]:
        assert (code, words) in found
    for finding in result.findings:
        assert finding.span is None or finding.span.start >= german or finding.code not in {"JD301", "JD321"}
    assert all(f.span.start >= french for f in result.findings if f.code == "JD111")


def test_the_findings_of_a_paragraph_land_on_its_words_and_fix_there():
    text = ENGLISH_INTRO + FRENCH_PARAGRAPH + ENGLISH_PAY
    result = _lint(text)
    [elision] = [f for f in result.findings if f.code == "JD111"]
    assert text[elision.span.start : elision.span.end] == "l equipe"
    assert elision.fix is not None and [e.content for e in elision.fix.edits] == ["l'equipe"]


def test_rules_about_the_whole_posting_stay_in_its_language():
    # pay and statements are judged once, in English: the German paragraph brings no German "missing pay" or
    # "missing statement" finding, and its "Wir suchen einen Entwickler" is no title to judge
    german = (
        "## Über uns\n\nWir suchen einen Entwickler für unser Team in Berlin und freuen uns auf deine Bewerbung.\n\n"
    )
    text = ENGLISH_INTRO + german + ENGLISH_PAY
    result = _lint(text)
    assert result.other_languages == ("de",)
    codes = [f.code for f in result.findings]
    assert "JD201" not in codes and "JD501" not in codes
    assert codes.count("JD510") == 1 and codes.count("JD520") == 1
    assert all(f.span is None for f in result.findings if f.code in ("JD510", "JD520"))


def test_an_english_paragraph_in_a_german_posting_gets_the_english_rules():
    german = (
        "# Entwickler*in Backend (m/w/d)\n\n"
        "Wir sind ein Softwarehaus in Leipzig und bauen seit vielen Jahren Zahlungsdienste für unsere Kunden. "
        "Du entwirfst Schnittstellen, prüfst den Code deiner Kolleginnen und Kollegen und sorgst dafür, dass "
        "unsere Dienste laufen. Wir bieten dir ein Gehalt von 65.000 bis 80.000 Euro brutto im Jahr.\n\n"
    )
    english = (
        "For our international team: we are looking for a native English speaker who can write our "
        "documentation and review the texts of the product team.\n\n"
    )
    text = german + english + "Wir freuen uns auf deine Bewerbung und auf ein erstes Gespräch mit dir.\n"
    result = _lint(text)
    assert (result.language, result.other_languages) == ("de", ("en",))
    found = _found(result, text)
    assert ("JD321", "native English speaker") in found
    # English whole-posting rules do not run on the paragraph: no English pay or statement finding
    assert not any(f.code in ("JD501", "JD510", "JD520") and f.span is not None for f in result.findings)


def test_a_paragraph_without_problems_in_another_language_adds_nothing():
    german = (
        "## Über uns\n\nWir sind ein Team aus Entwicklerinnen und Entwicklern in Berlin und bauen seit vielen "
        "Jahren Software für den Zahlungsverkehr. Bewerbungen von Menschen jeden Alters sind willkommen.\n\n"
    )
    english_only = _lint(ENGLISH_INTRO + ENGLISH_PAY)
    mixed = _lint(ENGLISH_INTRO + german + ENGLISH_PAY)
    assert mixed.other_languages == ("de",)
    assert sorted(f.code for f in mixed.findings) == sorted(f.code for f in english_only.findings)


def test_a_german_name_or_phrase_in_an_english_paragraph_is_no_german_passage():
    text = (
        ENGLISH_INTRO + "Our office is in the Müller Haus near the Hauptbahnhof; the team says 'Wir schaffen das' "
        "when a release is late, and you will hear a lot of German in the kitchen.\n\n" + ENGLISH_PAY
    )
    result = _lint(text)
    assert (result.language, result.other_languages) == ("en", ())


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        # most of the prose in English, a third in German: lingua alone reads the mixture as German
        ((ENGLISH_INTRO, GERMAN_PARAGRAPH, FRENCH_PARAGRAPH, ENGLISH_PAY), "en"),
        # a German posting inside an English page frame (a cookie notice, a sign-in line)
        (
            (
                "Accept cookies to continue. Sign in to save this job.\n\n",
                GERMAN_PARAGRAPH,
                "Wir bieten dir ein unbefristetes Arbeitsverhältnis, flexible Arbeitszeiten und ein Team, das "
                "sich gegenseitig unterstützt. Die Stelle ist in Vollzeit und Teilzeit zu besetzen, und wir "
                "freuen uns auf deine Bewerbung mit Lebenslauf und frühestem Eintrittstermin.\n\n",
            ),
            "de",
        ),
    ],
)
def test_the_posting_language_is_the_one_most_of_it_is_written_in(blocks, expected):
    assert detect_document(parse(Source("p.md", "".join(blocks), format="markdown"))) == expected


def test_passages_keep_the_postings_offsets_and_line_breaks():
    text = ENGLISH_INTRO + GERMAN_PARAGRAPH + ENGLISH_PAY
    document: Document = parse(Source("p.md", "---\ntitle: Backend Engineer\n---\n" + text, format="markdown"))
    start = document.text.index("Wir sind")
    end = document.text.index("selbstständig.") + len("selbstständig.")
    passage = document.passages([(start, end)])
    assert len(passage.text) == len(document.text)
    assert passage.text[start:end] == document.text[start:end]
    assert passage.text.strip() == document.text[start:end]
    assert passage.text.count("\n") == document.text.count("\n")
    assert passage.metadata == {} and document.metadata  # the posting's title is no passage's
    assert all(start <= s.start and s.end <= end for s in passage.segments) and passage.segments
    assert passage.to_source(start, end) == document.to_source(start, end)


def _catalog(tmp_path, entry: str, language_entry: str = ""):
    rules = tmp_path / "rules"
    (rules / "de").mkdir(parents=True, exist_ok=True)
    (rules / "gendered.toml").write_text('family = "JD2"\n\n[[rule]]\n' + entry, encoding="utf-8")
    files = {}
    if language_entry:
        (rules / "de" / "gendered.toml").write_text('[[rule]]\ncode = "JD299"\n' + language_entry, encoding="utf-8")
        files = {"de": [rules / "de" / "gendered.toml"]}
    return load_catalog_files([rules / "gendered.toml"], files)


RULE = """code = "JD299"
name = "test-rule"
category = "gendered"
kind = "existence"
severity = "warning"
message = "'{match}' is a test."
why = "A test."
source = "https://example.org"
terms.phrases = ["foo"]
examples.fail = ["a foo"]
examples.pass = ["a bar"]
"""


def test_a_rule_is_about_a_passage_unless_its_catalog_says_posting(tmp_path):
    assert _catalog(tmp_path, RULE).rules[0].scope == PASSAGE
    assert _catalog(tmp_path, RULE + 'scope = "posting"\n').rules[0].scope == POSTING
    with pytest.raises(CatalogError, match="scope must be one of passage, posting"):
        _catalog(tmp_path, RULE + 'scope = "paragraph"\n')
    with pytest.raises(CatalogError, match=r'whole posting \(scope = "posting"\)'):
        _catalog(tmp_path, RULE + 'checklist = "Foo"\n')
    with pytest.raises(CatalogError, match="sets scope, which is the rule's in every language"):
        _catalog(tmp_path, RULE, 'scope = "posting"\n')


def test_the_shipped_whole_posting_rules_say_so(catalog):
    posting = {r.code for r in catalog.rules if r.scope == POSTING}
    assert {"JD201", "JD501", "JD502", "JD510", "JD520", "JD601"} <= posting
    assert {"JD203", "JD301", "JD321", "JD401", "JD602"}.isdisjoint(posting)
    assert all(r.scope == POSTING for r in catalog.rules if r.checklist)
