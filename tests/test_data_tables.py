"""The lookup tables in data/ (read by the rules, never rules themselves): each parses, has the keys its reader
needs, ISO dates where it has dates, and no phrase, name or alias listed twice."""

from __future__ import annotations

import datetime
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from jdlint.formats.sections import normalise_label
from jdlint.resources import data_path

TABLES = (
    "ableist-language.toml",
    "categories.toml",
    "gender-coding.toml",
    "gendered-titles.toml",
    "jurisdictions.toml",
    "licensed-professions.toml",
    "plain-labels.toml",
    "sections.toml",
    "technologies.toml",
)


def load(name: str) -> dict:
    return tomllib.loads(data_path("data").joinpath(name).read_text(encoding="utf-8"))


def repeated(items) -> list:
    return sorted(item for item, count in Counter(items).items() if count > 1)


def strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def test_data_holds_the_lookup_tables_and_each_parses():
    folder = Path(str(data_path("data")))
    assert sorted(p.name for p in folder.glob("*.toml")) == sorted(TABLES)
    for name in TABLES:
        assert load(name), name
    assert not [name for name in TABLES if (Path(str(data_path("rules"))) / name).exists()]  # rules/: catalogs only


def test_categories_name_every_category_once_for_readers():
    from jdlint.catalog import category_names
    from jdlint.model import CATEGORIES

    names = category_names()
    assert list(names) == list(CATEGORIES)
    assert repeated(entry["name"] for entry in names.values()) == []
    assert all(entry["name"] != category for category, entry in names.items() if "-" in category)  # no slugs


def test_sections():
    sections = load("sections.toml")["section"]
    for section in sections:
        assert set(section) == {"name", "phrases"}, section
        assert isinstance(section["name"], str) and strings(section["phrases"]) and section["phrases"], section
    assert repeated(s["name"] for s in sections) == []
    # compared as the reader compares them: lower-cased, apostrophes and punctuation gone
    assert repeated(normalise_label(p) for s in sections for p in s["phrases"]) == []


def test_technologies():
    technologies = load("technologies.toml")["technologies"]
    this_year = datetime.date.today().year
    for name, entry in technologies.items():
        assert set(entry) == {"year", "aliases"}, name
        assert isinstance(entry["year"], int) and 1950 <= entry["year"] <= this_year, name
        assert isinstance(entry["aliases"], list) and (not entry["aliases"] or strings(entry["aliases"])), name
    names = [n.casefold() for name, entry in technologies.items() for n in (name, *entry["aliases"])]
    assert repeated(names) == []


OPTIONAL_LAW_KEYS = {
    *("abbreviation", "cities", "location_names", "exclude"),
    *("minimum_only", "overpayment", "pending", "checked"),
}
REQUIRED_LAW_KEYS = {"code", "name", "law", "effective", "in_ad", "remote", "threshold", "citation", "names"}


def test_jurisdictions():
    laws = load("jurisdictions.toml")["jurisdiction"]
    for law in laws:
        where = law.get("code")
        assert REQUIRED_LAW_KEYS <= set(law) <= REQUIRED_LAW_KEYS | OPTIONAL_LAW_KEYS, where
        assert re.fullmatch(r"[A-Z]{2}(-[A-Z]+)*", law["code"]), where
        # a TOML date (ISO 8601 YYYY-MM-DD), not a string or a date-time: the check compares it with the lint date
        assert type(law["effective"]) is datetime.date, where
        assert isinstance(law["in_ad"], bool), where
        assert law["remote"] in ("yes", "no", "partial", "unknown"), where
        assert law["citation"].startswith("https://"), where
        assert strings(law["names"]) and law["names"], where
        assert not law.get("cities") or strings(law["cities"]), where
        assert not law.get("location_names") or strings(law["location_names"]), where
        assert isinstance(law.get("minimum_only", False), bool), where
        assert isinstance(law.get("overpayment", False), bool), where
        # a state that had not transposed a law by the day its status was checked: the date says which day
        assert isinstance(law.get("pending", False), bool), where
        assert law.get("pending", False) == ("checked" in law), where
        assert "checked" not in law or type(law["checked"]) is datetime.date, where
        assert not law.get("exclude") or strings(law["exclude"]), where
        assert repeated([*law["names"], *law.get("cities", [])]) == [], where
        if "abbreviation" in law:
            assert re.fullmatch(r"[A-Z]{2}", law["abbreviation"]), where
    assert repeated(law["code"] for law in laws) == []
    assert repeated(law["abbreviation"] for law in laws if "abbreviation" in law) == []


@pytest.mark.parametrize("lexicon", ["research", "gender-decoder"])
def test_gender_coding_lexicons(lexicon):
    data = load("gender-coding.toml")["lexicon"][lexicon]
    assert data["source"].startswith("https://")
    assert strings(data["masculine"]) and strings(data["feminine"])
    assert repeated([*data["masculine"], *data["feminine"]]) == []  # a term is on one side, once
    for exception in data.get("exception", []):
        assert set(exception) <= {"words", "phrases", "stems", "scopes", "why"} and exception.get("why"), exception
        assert set(exception) & {"words", "phrases", "stems"}, exception
        for key in ("words", "phrases", "stems", "scopes"):
            assert key not in exception or strings(exception[key]), exception
    spared = [w.casefold() for e in data.get("exception", []) for w in (*e.get("words", []), *e.get("phrases", []))]
    assert repeated(spared) == []
    coded = {t.rstrip("*").replace("-", "") for t in data["masculine"]}
    for term, entry in data.get("trait", {}).items():
        # forms by part of speech, neighbours that make another term, rewrites per part of speech
        keys = {"ADJ", "NOUN", "VERB", "ADV", "not_before", "not_after", "not_within", "after", "suggest", "why"}
        assert set(entry) <= keys, term
        forms = {pos: entry[pos] for pos in ("ADJ", "NOUN", "VERB", "ADV") if pos in entry}
        assert forms or entry.get("why"), term
        assert all(strings(words) for words in forms.values()), term
        for pos, rewrites in entry.get("suggest", {}).items():
            assert pos in forms and strings(rewrites), (term, pos)
        for key in ("not_before", "not_after"):
            neighbours = entry.get(key, [])
            for words in neighbours.values() if isinstance(neighbours, dict) else [neighbours]:
                assert strings(words), term
    if lexicon == "research":
        assert coded <= {t.rstrip("*").replace("-", "") for t in data.get("trait", {})}


def test_ableist_language():
    data = load("ableist-language.toml")
    verbs = {entry["verb"]: entry for entry in data["verb"]}
    assert len(verbs) == len(data["verb"])
    sets = data["complement"]
    for name, entry in verbs.items():
        assert entry["fires"] in ("physical", "list", "object") and isinstance(entry["bare"], bool), name
        assert strings(entry["forms"]) and name in entry["forms"], name
        assert set(entry["complements"]) <= set(sets), name
        if entry.get("added"):
            assert verbs[entry["like"]].get("alternatives"), name  # borrows a DOL entry's alternatives
        else:
            assert strings(entry["alternatives"]) and isinstance(entry["example"], str), name
            assert entry["object_dependent"] == bool(entry["objects"]) == (entry["fires"] == "object"), name
    assert repeated(form for entry in verbs.values() for form in entry["forms"]) == []
    for idiom in data["idiom"]:
        assert strings(idiom["phrases"]) and strings(idiom["suggestions"]), idiom
        assert idiom["severity"] in ("info", "warning") and idiom["source"].startswith("https://"), idiom
    assert strings(data["context"]["frame"]) and strings(data["context"]["headings"])


LEVELS = {"associate", "bachelor", "master", "doctorate"}


def test_licensed_professions():
    professions = load("licensed-professions.toml")["profession"]
    for entry in professions:
        where = entry.get("name")
        assert set(entry) == {"name", "titles", "credentials", "degrees", "fields", "levels", "source"}, where
        assert strings(entry["titles"]) and strings(entry["credentials"]) and strings(entry["degrees"]), where
        assert entry["fields"] == [] or strings(entry["fields"]), where
        assert entry["levels"] and set(entry["levels"]) <= LEVELS, where
        assert entry["source"].startswith("https://"), where
        for key in ("titles", "credentials", "degrees", "fields"):
            assert repeated(term.casefold() for term in entry[key]) == [], (where, key)
    assert repeated(entry["name"] for entry in professions) == []


def test_plain_labels_name_every_verdict_once():
    from jdlint.audit import VERDICTS
    from jdlint.catalog import load_catalog

    labels = load("plain-labels.toml")
    assert "category" not in labels  # categories are named once, in categories.toml
    assert set(labels["rule"]) <= {rule.name for rule in load_catalog().rules}
    assert sorted(labels["gender-coding"]) == sorted(VERDICTS)
    for table in labels.values():
        assert strings(list(table.values())) and not repeated(table.values())


def test_regions():
    table = load("jurisdictions.toml")
    codes = {law["code"] for law in table["jurisdiction"]}
    for region in table["region"]:
        assert set(region) == {"name", "names", "members"}, region.get("name")
        assert strings(region["names"]) and region["names"], region["name"]
        assert set(region["members"]) <= codes and repeated(region["members"]) == [], region["name"]
