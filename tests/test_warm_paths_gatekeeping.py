"""The shortcuts of the degree, experience and title checks give what the long way gives: years searched only
before each "year", technologies tried only where a name is written, the title lexicon's words found by set and
str.find, and licensed professions worked out one at a time."""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

from jdlint.checks.degrees import _licence_for, professions
from jdlint.checks.experience import YEARS, _named_after, _named_before, _named_near, technologies, year_matches
from jdlint.checks.titles import _WORD, _first_words, load

# pieces of text around year counts: qualifiers, numbers, signs, spacing (long runs too), look-alike words, and
# letters the regex engine folds in ways lower-casing does not
YEAR_PIECES = [
    "at least", "minimum of", "min.", "over", "more than", "Minimum", "AT LEAST", "5", "12", "123", "one", "Two",
    "fifteen", "twenty", "twelve", "+", "plus", "-", "–", "to", " ", "  ", "\n", "\t", " " * 70, "years", "year",
    "Years", "YEARS", "yrs", "yr", "Yr", "years'", "years’", "yyear", "yearly", "of experience", "experience",
    "ago", "İ", "ſ", "ı", "K", ",", ".", "(", ")", "a", "x", "payroll", "ten", "eleven", "9", "0",
]  # fmt: skip


@given(st.lists(st.sampled_from(YEAR_PIECES), max_size=40), st.sampled_from(["", " ", ""]))
def test_years_found_as_a_search_of_the_whole_text(pieces, joiner):
    text = joiner.join(pieces)
    expected = [(m.start(), m.end(), m.group("n"), m.group("m")) for m in YEARS.finditer(text)]
    got = [(m.start(), m.end(), m.group("n"), m.group("m")) for m in year_matches(text, text.lower())]
    assert got == expected


def test_years_behind_a_long_run_of_spaces_are_found():
    for text in ("at least" + " " * 200 + "5 years", "5" + " " * 100 + "+" + " " * 100 + "years", "x" * 80 + " 5 yrs"):
        assert [m.span() for m in year_matches(text, text.lower())] == [m.span() for m in YEARS.finditer(text)]
        assert year_matches(text, text.lower())


NAMES = [name for technology in technologies() for name in technology.names]
TECH_PIECES = [*NAMES, *(n.upper() for n in NAMES), *(n.lower() for n in NAMES), " ", ": ", "(", "of ", "with ",
               "experience ", "5+ years", ".", "-", "İ", "ſ", "ı", "x", "Rea", "ct"]  # fmt: skip


@given(st.lists(st.sampled_from(TECH_PIECES), max_size=12), st.lists(st.sampled_from(TECH_PIECES), max_size=8))
def test_technologies_skipped_only_where_no_name_is_written(after_pieces, before_pieces):
    after, before = "".join(after_pieces)[:70], "".join(before_pieces)[-40:]
    kept = {t.name for t in _named_near(after, before)}
    for technology in technologies():
        if technology.pattern.search(after) or technology.pattern.search(before):
            assert technology.name in kept
    named = [t.name for t in technologies() if _named_after(t.pattern, after) or _named_before(t.pattern, before)]
    assert [t.name for t in _named_near(after, before) if t.name in named] == named


LEXICON = load("gendered-titles.toml")
FIRST_WORDS = sorted(LEXICON.patterns.keys)


def _every_word(text: str) -> list[tuple[int, str]]:
    """The long way: each word of the text, kept if the lexicon has forms starting with it."""
    return [(w.start(), w.group().lower()) for w in _WORD.finditer(text) if w.group().lower() in LEXICON.patterns]


def test_title_words_found_as_every_word_is_looked_up():
    rng = random.Random(19)
    glue = [" ", "", "-", "/", "'s ", ", ", "\n", "_", "3", "é", "İ", "\u212a", "ſ", "ı", "(wo)", "."]
    words = [*FIRST_WORDS, "network", "workflow", "Salesmen", "SALESMAN", "chairwoman", "man", "men", "the", "Work"]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.5:
            text = text.title() if rng.random() < 0.5 else text.upper()
        found = [
            (start, key) for start, key in _first_words(text, text.lower(), LEXICON.patterns) if key in LEXICON.patterns
        ]
        assert found == _every_word(text), text


class _Held:
    """A job held to be exactly these professions (by index in the table)."""

    def __init__(self, held: set[int]) -> None:
        self.held = held

    def holds(self, index: int, profession) -> bool:
        return index in self.held


def _first_licensed(degree_text: str, level: str, licensed: list) -> object:
    """The long way: the professions this job is, listed whole, and the first the degree could be."""
    for profession in licensed:
        if any(d.search(degree_text) for d in profession.degrees):
            return profession
        if (level in profession.levels or level == "any") and (
            not profession.fields or any(f.search(degree_text) for f in profession.fields)
        ):
            return profession
    return None


DEGREES = [
    ("Bachelor's degree in Nursing", "bachelor"), ("BSN", "bachelor"), ("MSN", "master"), ("PharmD", "doctorate"),
    ("Master's degree in Social Work", "master"), ("Bachelor's degree", "bachelor"), ("degree in Accounting", "any"),
    ("JD", "doctorate"), ("Doctor of Medicine", "doctorate"), ("Master's in Counseling", "master"),
    ("Bachelor of Architecture", "bachelor"), ("PhD in Psychology", "doctorate"), ("relevant degree", "any"),
    ("BS in Civil Engineering", "bachelor"), ("Associate degree", "associate"), ("MBA", "master"),
]  # fmt: skip


def test_licence_found_one_profession_at_a_time_as_from_the_whole_list():
    rng = random.Random(401)
    table = professions()
    for _ in range(2000):
        held = {i for i in range(len(table)) if rng.random() < 0.15}
        degree, level = rng.choice(DEGREES)
        licensed = [p for i, p in enumerate(table) if i in held]
        assert _licence_for(degree, level, _Held(held)) is _first_licensed(degree, level, licensed)  # type: ignore[arg-type]


def test_year_window_reaches_back_over_the_longest_lead_in():
    # the longest lead-in a match can have before its "year", less its spaces, fits within the window's count
    longest = "minimum of fifteen plus to fifteen + "
    text = "x" * 100 + " " + longest + "years"
    assert [m.span() for m in year_matches(text, text.lower())] == [m.span() for m in YEARS.finditer(text)]
    assert year_matches(text, text.lower())[0].group() == longest + "years"
    assert re.fullmatch(r"\S{30}", "".join(longest.split()))
