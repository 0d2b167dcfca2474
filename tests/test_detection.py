"""A posting's language: where it comes from, in which order, detection from the text, blocks in another
language, and every output that carries it. The paragraphs are written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from jdlint.cli import main
from jdlint.config import Config
from jdlint.document import Document
from jdlint.formats import parse
from jdlint.language.detect import (
    _MARKERS,
    CONFIG,
    DETECTABLE,
    DETECTED,
    FORCED,
    FRONT_MATTER,
    HTML,
    NAMES,
    RECORD,
    detect,
    foreign_blocks,
    markers,
)
from jdlint.linter import Linter
from jdlint.records import to_document
from jdlint.source import Source

GERMAN = (
    "Wir suchen zum nächstmöglichen Zeitpunkt eine erfahrene Fachkraft für die Lagerlogistik. Du planst die "
    "Touren, prüfst die Lieferungen und sorgst dafür, dass unsere Kunden ihre Ware pünktlich erhalten. Wir bieten "
    "dir ein unbefristetes Arbeitsverhältnis und ein kollegiales Umfeld."
)
FRENCH = (
    "Nous recherchons une personne responsable des achats pour rejoindre notre équipe à Lyon. Vous négocierez "
    "avec nos fournisseurs, suivrez les commandes et veillerez à la qualité des produits livrés. Le poste est "
    "ouvert en contrat à durée indéterminée."
)
SPANISH = (
    "Buscamos una persona responsable de atención al cliente para nuestra oficina de Sevilla. Atenderás las "
    "consultas por teléfono y correo, resolverás incidencias y colaborarás con el equipo de ventas. Ofrecemos "
    "contrato indefinido y horario flexible."
)
ENGLISH = (
    "We are hiring a warehouse coordinator to plan the delivery routes, check the incoming shipments and make "
    "sure that our customers receive their orders on time. You will work with a friendly team and you will "
    "report to the head of operations. We are proud of our training and of the care we take of our people."
)


def _document(text: str, fmt: str = "text", name: str = "posting") -> Document:
    return parse(Source(name, text, format=fmt))


def _language(document: Document, config: Config | None = None) -> tuple[str, str]:
    found = Linter(config or Config()).language_of(document)
    return found.code, found.source


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es"), (ENGLISH, "en")])
def test_paragraphs_are_detected_in_their_language(text, code):
    assert detect(text) == code
    assert _language(_document(text)) == (code, DETECTED)


@pytest.mark.parametrize(
    "text",
    [
        "Python, Go, Kubernetes",
        "Senior Engineer (m/w/d)",
        "Apply now!",
        "",
        "12345 67890 / 2026-01-01",
        "lol " * 40,
        "Hamburg Hamburg München München Berlin Berlin",
        "Requirements\nPython plus SQL\nSpark\nAirflow\ndbt\nDocker\nKubernetes\nTerraform\nAWS\nGCP\nKafka\nGo",
    ],
)
def test_short_or_ambiguous_text_falls_back_to_the_config_language(text):
    assert detect(text) is None
    assert _language(_document(text)) == ("en", CONFIG)


def test_a_short_german_posting_of_nouns_is_still_german():
    text = "# Reinigungskraft (m/w/d)\n\n- Reinigung der Zimmer und Flure\n- Teilzeit, ab sofort\n- Bewerbung an uns\n"
    assert _language(_document(text, "markdown")) == ("de", DETECTED)


def test_a_code_heavy_english_posting_stays_english():
    code = "```python\ndef handler(event, context):\n    return {'statusCode': 200, 'body': json.dumps(event)}\n```\n"
    shell = "```sh\nkubectl apply -f deploy.yaml && helm upgrade --install api ./chart\n```\n"
    text = (
        "# Platform Engineer\n\nYou will run our services on Kubernetes and write the tooling around them.\n\n"
        + code
        + "\nOur stack: Go, Python, Terraform, ArgoCD, Postgres, Kafka.\n\n"
        + shell
        + "\nYou have shipped software that other engineers depend on, and you like to write it down.\n"
    )
    assert _language(_document(text, "markdown"))[0] == "en"


def test_a_list_heavy_english_posting_stays_english():
    items = "\n".join(
        f"- {item}" for item in ("Kubernetes", "Terraform", "AWS (EKS, RDS, S3)", "Go or Rust", "CI/CD", "SQL")
    )
    text = f"# Requirements\n\n{items}\n\n# What you get\n\n- Remote work\n- A budget for books\n- 30 days off\n"
    assert _language(_document(text, "markdown"))[0] == "en"


def test_where_the_language_comes_from_and_in_which_order():
    front_matter = f"---\nlang: fr\n---\n{GERMAN}\n"
    page = f'<html lang="es"><body><p>{GERMAN}</p></body></html>'
    assert _language(_document(front_matter, "markdown")) == ("fr", FRONT_MATTER)
    assert _language(_document(page, "html")) == ("es", HTML)
    assert _language(to_document("r#1", GERMAN, "text", {"language": "fr-FR"})) == ("fr", RECORD)
    # the posting's own front matter before the record's field, which comes before the text
    assert _language(to_document("r#2", front_matter, "markdown", {"language": "it"})) == ("fr", FRONT_MATTER)
    # a record value that names no language leaves the text to tell
    assert _language(to_document("r#3", GERMAN, "text", {"language": "Python"})) == ("de", DETECTED)
    assert _language(_document(GERMAN)) == ("de", DETECTED)
    # the config's language is only the default; --language (forced_language) wins over everything
    assert _language(_document(GERMAN), Config(language="en")) == ("de", DETECTED)
    forced = Config(forced_language="it")
    for document in (_document(front_matter, "markdown"), _document(page, "html"), _document(ENGLISH)):
        assert _language(document, forced) == ("it", FORCED)


def test_a_detected_language_jdlint_has_no_data_for_gets_the_neutral_rules_and_a_notice():
    [result] = Linter().lint([_document(SPANISH + "\n\nBuscamos un rockstar.")])  # no Spanish data ships
    assert (result.language, result.language_source) == ("es", DETECTED)
    assert result.notices and "'es'" in result.notices[0]
    assert "JD332" not in {f.code for f in result.findings}  # hero jargon has English data only


MIXED = (
    "# Backend Engineer\n\n"
    "We are looking for a backend engineer to join our payments team. You will build the services behind our "
    "checkout and you will work closely with product and design. Some would call you a rockstar.\n\n"
    "Über uns: Wir sind ein Team von Ninjas und Rockstars mit Sitz in Leipzig. Wir entwickeln seit vielen Jahren "
    "Software für den Zahlungsverkehr und sind stolz auf unsere Kultur und unsere Kunden.\n\n"
    "You have five years of experience with Python and you care about the people who use what you build.\n"
)


def test_foreign_blocks_are_worked_out_once_per_document_and_language(monkeypatch):
    """A batch worker asks which languages a posting needs before linting it, and the lint asks again: lingua reads
    a leaning block once per document and language."""
    from jdlint.language import detect

    asked: list[str] = []
    real = detect.detect
    monkeypatch.setattr(detect, "detect", lambda text: asked.append(text) or real(text))
    document = _document(MIXED, "markdown")
    first = foreign_blocks(document, "en")
    (block,) = asked
    assert first[0][2] == "de" and block.startswith("Über uns")
    assert foreign_blocks(document, "en") == first and asked.count(block) == 1
    [result] = Linter().lint([document], hand_back=lambda needs: set())  # asks as a worker does, then lints
    assert result.other_languages == ("de",) and asked.count(block) == 1
    fresh = _document(MIXED, "markdown")
    assert foreign_blocks(fresh, "en") == first and asked.count(block) == 2  # a new document: its own answer


def test_a_german_paragraph_gets_the_german_rules_and_the_english_ones_stay_out():
    document = _document(MIXED, "markdown")
    [(start, end, code)] = foreign_blocks(document, "en")
    assert code == "de" and document.text[start:end].startswith("Über uns")
    [result] = Linter().lint([document])
    assert (result.language, result.other_languages) == ("en", ("de",))
    jargon = [f for f in result.findings if f.code == "JD332"]
    assert [f.text for f in jargon] == ["rockstar", "Ninjas", "Rockstars"]
    german = MIXED.index("Über uns")
    # the English word by the English rule before the paragraph; the German words by the German rule inside it,
    # each once (the English variant, which knows "rockstars" too, says nothing there)
    assert jargon[0].span.start < german < jargon[1].span.start < jargon[2].span.start < MIXED.index("You have")
    assert "Rockstars" in jargon[2].message and jargon[1].suggestions != jargon[0].suggestions


def test_an_english_posting_neither_loads_lingua_nor_finds_other_languages():
    code = (
        "import sys\n"
        "from jdlint.formats import parse\n"
        "from jdlint.linter import Linter\n"
        "from jdlint.source import Source\n"
        f"text = {ENGLISH + chr(10) * 2 + ENGLISH!r}\n"
        "[result] = Linter().lint([parse(Source('a.txt', text, format='text'))])\n"
        "print(result.language, result.language_source, result.other_languages, 'lingua' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["en", "detected", "()", "False"]


@pytest.fixture(autouse=True)
def _own_config(tmp_path):
    """An empty config in each test's folder: the nearest config wins, so none found above it changes these runs."""
    (tmp_path / ".jdlint.toml").write_text("", encoding="utf-8")


def _check(*args: str) -> str:
    result = CliRunner().invoke(main, ["check", "--exit-zero", "--jobs", "1", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def postings(tmp_path):
    (tmp_path / "de.txt").write_text(GERMAN + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    return tmp_path


def test_json_and_jsonl_carry_the_language_and_its_source(postings):
    files = json.loads(_check("--format", "json", str(postings)))["files"]
    assert [(f["path"].rsplit("/", 1)[-1], f["language"], f["language_source"]) for f in files] == [
        ("de.txt", "de", "detected"),
        ("en.txt", "en", "detected"),
    ]
    lines = [json.loads(line) for line in _check("--format", "jsonl", str(postings)).splitlines()]
    assert [line["language"] for line in lines] == ["de", "en"]


def test_the_language_option_forces_every_posting(postings):
    files = json.loads(_check("--format", "json", "--language", "fr-FR", str(postings)))["files"]
    assert {(f["language"], f["language_source"]) for f in files} == {("fr", "option")}
    result = CliRunner().invoke(main, ["check", "--language", "Python", str(postings)])
    assert result.exit_code == 2 and "ISO 639-1" in result.output


def test_sarif_text_and_html_carry_the_language(postings, tmp_path):
    (postings / "de.txt").write_text(GERMAN + "\n\nWir suchen einen Verkäufer.\n", encoding="utf-8")
    (postings / "en.txt").write_text(ENGLISH + "\n\nWe need a salesman.\n", encoding="utf-8")
    sarif = json.loads(_check("--format", "sarif", str(postings)))
    assert {r["properties"]["language"] for r in sarif["runs"][0]["results"]} == {"de", "en"}
    assert _check(str(postings)).endswith("Languages: German 1, English 1.\n")  # in the order of the postings
    out = tmp_path / "report.html"
    _check("--format", "html", "-o", str(out), str(postings))
    page = out.read_text(encoding="utf-8")
    assert "German (as its text reads)" in page and "English (as its text reads)" in page
    assert 'class="source" dir="auto" lang="de"' in page  # read aloud as German


def test_an_english_run_says_nothing_of_languages_in_the_text_report(tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    assert "Languages" not in _check(str(tmp_path))


def test_records_language_field(tmp_path):
    export = tmp_path / "export.jsonl"
    rows = [
        {"id": "a", "body": GERMAN, "lang": "fr"},
        {"id": "b", "body": GERMAN, "lang": ""},
        {"id": "c", "body": ENGLISH},
    ]
    export.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    output = _check("--records", str(export), "--text-field", "body", "--language-field", "lang", "--format", "json")
    files = json.loads(output)["files"]
    assert [(f["language"], f["language_source"]) for f in files] == [
        ("fr", "record"),
        ("de", "detected"),
        ("en", "detected"),
    ]


def test_the_audit_counts_postings_by_language(postings, tmp_path):
    (postings / "de2.txt").write_text(GERMAN + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", "--jobs", "1", str(postings)])
    assert json.loads(result.stdout)["audit"]["languages"] == {"de": 2, "en": 1}
    out = tmp_path / "audit.html"
    CliRunner().invoke(main, ["audit", "--jobs", "1", "--format", "html", "-o", str(out), str(postings)])
    page = out.read_text(encoding="utf-8")
    assert "Postings by language" in page and "German" in page


def test_marker_words_are_frequent_in_their_language_and_not_english_words():
    from wordfreq import top_n_list

    english = set(top_n_list("en", 2000))
    for code, words in _MARKERS.items():
        frequent = set(top_n_list(code, 300))
        assert set(words.split()) <= frequent, code
        assert code == "en" or not set(words.split()) & english, code
    assert set(_MARKERS) <= set(DETECTABLE) <= set(NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "The team and you: THE_AND the2and you're with us, for the 3rd time.",
        "Wir sind für Sie da und freuen uns auf die Bewerbung, mit oder ohne Erfahrung.",
        "Vous êtes l'équipe qui nous manque, avec nos clients et pour vos idées.",
        "İstanbul and the team \u2014 the\u00a0best of you, ÉTÉ et LES amis",
        "\n\t;;--the--and--",
        "",
    ],
)
def test_marker_counts_are_those_of_the_words_read_one_by_one(text):
    import re
    from collections import Counter

    owners: dict[str, list[str]] = {}
    for code, words in _MARKERS.items():
        for word in words.split():
            owners.setdefault(word, []).append(code)
    # a word is a run of letters of the lower-cased text, as with any text the fast path for ASCII leaves out
    words = re.findall(r"[^\W\d_]+", text.lower())
    assert markers(text) == Counter(code for word in words for code in owners.get(word, ()))
