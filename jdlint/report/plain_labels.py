"""Plain-language names of categories, gender-coding verdicts and rules, for pages read by people who never see a
code. The names are data: categories in data/categories.toml (catalog.category_names, shared with the HTML report
and the served page), verdicts and unusual rule names in data/plain-labels.toml; any other rule's is its name in
words."""

from __future__ import annotations

from functools import cache

import tomli

from ..catalog import category_names
from ..resources import data_path

TABLE = "plain-labels.toml"


@cache
def _labels() -> dict[str, dict[str, str]]:
    return tomli.loads(data_path("data").joinpath(TABLE).read_text(encoding="utf-8"))


def category(name: str) -> str:
    """'missing-eeo' -> 'Equal-opportunity statement'; an unknown category is shown as it is."""
    entry = category_names().get(name)
    return entry["name"] if entry else name


def verdict(name: str) -> str:
    """A gender-coding verdict in words ('empty' -> 'No gender-coded words')."""
    return _labels()["gender-coding"].get(name, name)


def rule(name: str) -> str:
    """A rule's name in words: 'gendered-job-title' -> 'Gendered job title', 'ats-tag' -> the table's words."""
    if name in _labels()["rule"]:
        return _labels()["rule"][name]
    words = name.replace("-", " ").strip()
    return words[:1].upper() + words[1:]
