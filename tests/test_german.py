"""German: the language package (offline pipeline, lemmas, dictionary, syllables, Wiener Sachtextformel) and the
structural JD201 (a gendered job noun in an unmarked title), on postings written for these tests."""

from __future__ import annotations

import pytest
from conftest import lint

from jdlint.config import Config
from jdlint.language import SHIPPED, get_language
from jdlint.language.de.syllables import polysyllable_count, word_syllables
from jdlint.linter import Linter
from jdlint.records import to_document

DE = Config(language="de")


def _codes(text: str, fmt: str = "markdown", code: str | None = None) -> list[str]:
    result = lint(text, fmt, DE)
    return [f.text for f in result.findings if code is None or f.code == code]


def test_german_is_shipped_with_its_pipeline_and_lookup_lemmas():
    assert "de" in SHIPPED
    german = get_language("de")
    nlp = german.blank_pipeline()
    nlp.add_pipe("sentencizer")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatizer.initialize()  # spacy-lookups-data's German table, from the installed package
    doc = nlp("Die Bewerberinnen arbeiteten in kleinen Teams. Wir freuen uns.")
    assert [t.lemma_ for t in doc][:5] == ["der", "Bewerberin", "arbeiten", "in", "klein"]
    assert len(list(doc.sents)) == 2


def test_german_dictionary_and_frequencies():
    german = get_language("de")
    assert german.is_word("Arbeitszeit") and german.is_word("und")
    assert not german.is_word("the") or german.frequency("und") > german.frequency("the")
    assert german.common_frequency("und") > 6 and german.frequency("qxzv") == 0.0


@pytest.mark.parametrize(
    "word, syllables",
    [("Abend", 2), ("Bewerbung", 3), ("Mitarbeiterin", 5), ("Zusammenarbeit", 5), ("sehr", 1), ("Qualität", 3)],
)
def test_syllables_from_the_hyphenation_patterns(word, syllables):
    assert word_syllables(word) == syllables


def test_wiener_sachtextformel_grade_and_amstad_ease():
    text = "Wir backen Brot. Du knetest den Teig und heizt den Ofen. Um sechs Uhr ist alles fertig."
    result = lint(f"---\nlang: de\n---\n\n{text}\n", "markdown")
    words, sentences = 17, 3
    long_words = polysyllable_count(text)
    expected = 0.2656 * words / sentences + 0.2744 * 100 * long_words / words - 1.693
    assert result.metrics.flesch_kincaid_grade == pytest.approx(expected, abs=0.05)
    assert result.metrics.extra["flesch_reading_ease"] > 70  # Amstad: plain German reads easily


def test_reading_grade_message_names_the_german_scale():
    dense = (
        "Die Verantwortlichkeiten umfassen die kontinuierliche Weiterentwicklung unternehmensübergreifender "
        "Digitalisierungsstrategien. Darüber hinaus obliegt Ihnen die eigenverantwortliche Koordination "
        "interdisziplinärer Projektorganisationen. Zusätzlich gewährleisten Sie die ordnungsgemäße Dokumentation "
        "sämtlicher prozessrelevanter Entscheidungsgrundlagen."
    )
    result = lint(dense, "text", DE)
    [finding] = [f for f in result.findings if f.code == "JD601"]
    assert "Wiener Sachtextformel grade" in finding.message


def test_english_readability_is_unchanged_by_the_german_formula():
    result = lint("We make maps. You will write code that draws trails. You test it and ship it.", "text")
    assert result.metrics.flesch_kincaid_grade is not None and result.metrics.flesch_kincaid_grade < 5


@pytest.mark.parametrize(
    "title, reported",
    [
        ("Verkäufer", "Verkäufer"),
        ("Mitarbeiterin Empfang", "Mitarbeiterin"),
        ("Softwareentwickler Backend", "Softwareentwickler"),
        ("Kauffrau im Einzelhandel", "Kauffrau"),
        ("Assistenzarzt Innere Medizin", "Assistenzarzt"),
        ("Psychologin", "Psychologin"),
        ("Kollege für die Werkstatt", "Kollege"),
        ("Elektriker (m/w)", "(m/w)"),
        ("Sachbearbeiter (w/m)", "(w/m)"),
    ],
)
def test_unmarked_gendered_title_is_reported(title, reported):
    assert _codes(f"# {title}\n\nWir suchen Verstärkung.\n", code="JD201") == [reported]


@pytest.mark.parametrize(
    "title",
    [
        "Mitarbeiter (m/w/d) im Kundenservice",
        "Verkäufer (M/W/D)",
        "Elektriker (w/m/d)",
        "Lagerhelfer (d/m/w)",
        "Entwickler (m/w/x)",
        "Koch (all genders)",
        "Buchhalter (gn*)",
        "Verkäufer*in",
        "Entwickler:in",
        "Erzieher_in",
        "ProgrammiererInnen",
        "Verkäufer/in",
        "Verkäuferin / Verkäufer",
        "Kauffrau oder Kaufmann",
        "Bürokaufmann/-frau",
        "Fachkraft für Lagerlogistik",
        "Leitung der Buchhaltung",
        "Team Assistenz",
        "Müller GmbH",
        "Neumann & Partner",
        "Software Engineer",
        "Senior Data Analyst",
        "Aufgaben und Profil",
    ],
)
def test_marked_neutral_or_non_job_titles_pass(title):
    assert _codes(f"# {title}\n\nWir suchen Verstärkung.\n", code="JD201") == []


def test_only_the_title_is_read():
    text = "# Kundenservice\n\nUnsere Kunden und Lieferanten schätzen schnelle Antworten. Ein Verkäufer berät sie.\n"
    assert _codes(text, code="JD201") == []


def test_a_long_first_line_is_a_sentence_not_a_title():
    text = "Wir suchen für unsere Filiale in Köln ab sofort einen engagierten Verkäufer für die Kasse.\n\nText.\n"
    assert _codes(text, "text", code="JD201") == []


def test_a_record_title_outside_the_text_is_read_and_reported_where_the_text_names_it():
    linter = Linter(DE)
    body = "Im Auftrag eines Kunden suchen wir einen Buchhalter für die Finanzabteilung in Köln.\n"
    marked = to_document("export#1", body, "text", {"title": "Buchhalter (m/w/d)"})
    unmarked = to_document("export#2", body, "text", {"title": "Buchhalter"})
    first, second = linter.lint([marked, unmarked])
    assert [f.text for f in first.findings if f.code == "JD201"] == []
    assert [f.text for f in second.findings if f.code == "JD201"] == ["Buchhalter"]


def test_the_fix_adds_the_marker():
    from jdlint.fix import fix_source
    from jdlint.source import Source

    source = Source("p.md", "# Erzieherin\n\nWir suchen Verstärkung.\n", format="markdown")
    fixed, applied, _ = fix_source(source, Linter(Config(language="de", select=("JD201",))), unsafe=False)
    assert fixed.text.startswith("# Erzieherin (m/w/d)\n")


def test_english_postings_keep_the_english_lexicon():
    assert _codes_en("We need a salesman for the Midwest territory.") == ["salesman"]


def _codes_en(text: str) -> list[str]:
    return [f.text for f in lint(text, "text").findings if f.code == "JD201"]


@pytest.mark.parametrize(
    "text, code, found",
    [
        ("Dich erwartet ein junges, dynamisches Team.", "JD301", "junges, dynamisches Team"),
        ("Perfekt für Berufseinsteiger bis 30 Jahre.", "JD302", "Berufseinsteiger bis 30 Jahre"),
        ("Deutsch als Muttersprache setzen wir voraus.", "JD321", "Muttersprache"),
        ("Wir suchen einen Vertriebs-Ninja.", "JD332", "Vertriebs-Ninja"),
    ],
)
def test_german_exclusionary_wording(text, code, found):
    assert _codes(text, "text", code=code) == [found]


@pytest.mark.parametrize(
    "text, code",
    [
        ("Wir sind ein junges Unternehmen aus Leipzig.", "JD301"),
        ("Du arbeitest zwischen 20 und 30 Stunden pro Woche.", "JD302"),
        ("Sehr gute Deutschkenntnisse (C1) setzen wir voraus.", "JD321"),
        ("Wir sind kein Team von Ninjas, sondern von Menschen.", "JD332"),
    ],
)
def test_german_look_alikes_pass(text, code):
    assert _codes(text, "text", code=code) == []


def test_the_german_sample_posting_shows_the_german_rules():
    from pathlib import Path

    sample = Path(__file__).resolve().parents[1] / "examples" / "sample-posting-de.md"
    result = lint(sample.read_text(encoding="utf-8"), "markdown")  # its front matter says lang: de
    found = {f.code for f in result.findings}
    # its pay is "attraktive Vergütung": vague pay (JD502), so not also "no pay" (JD501)
    assert {"JD201", "JD203", "JD301", "JD321", "JD332", "JD502", "JD510", "JD520", "JD601"} <= found
    assert "JD501" not in found


@pytest.mark.parametrize(
    "text, found",
    [
        ("Ihr Profil:\n- Erfolgreich abgeschlossenes Studium der Elektrotechnik\n- Führerschein Klasse B\n", 1),
        ("Ihr Profil:\n- Diplom oder Master in Maschinenbau\n", 1),
        ("Ihr Profil:\n- Studium der Elektrotechnik oder vergleichbare Qualifikation\n", 0),
        ("Ihr Profil:\n- Hochschulabschluss oder mehrjährige Berufserfahrung im Vertrieb\n", 0),
        ("Ihr Profil:\n- Bachelorabschluss wünschenswert\n", 0),
        ("Auch Quereinsteiger mit Hochschulabschluss in einem anderen Fach sind willkommen.\n", 0),
    ],
)
def test_german_degree_gatekeeping(text, found):
    result = lint(text, "markdown", DE)
    hits = [f for f in result.findings if f.code == "JD401"]
    assert len(hits) == found
    if hits:
        assert "oder eine vergleichbare Qualifikation" in hits[0].suggestions[0]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Der passende Kandidat verfügt über Erfahrung im Vertrieb.", ["Der passende Kandidat"]),
        ("Vom Bewerber erwarten wir, dass er selbstständig arbeitet.", ["er"]),
        ("Der neue Kollege wird seine Kunden selbst betreuen.", []),  # no candidate word: a colleague, not the hire
        ("Wir freuen uns auf Bewerber*innen, die gern im Team arbeiten.", []),
        ("Die Bewerberin oder der Bewerber stellt sich im Team vor.", []),
        ("Er/sie berichtet an die Teamleitung.", []),
    ],
)
def test_german_candidate_pronoun(text, found):
    assert _codes(text, "text", code="JD203") == found
