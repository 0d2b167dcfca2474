"""The shortcuts of the degree, experience and title checks give what the long way gives: years searched only
before each "year", technologies tried only where a name is written, the title lexicon's words found by set and
str.find, and licensed professions worked out one at a time."""

from __future__ import annotations

import random
import re
import sys
import tomllib

from hypothesis import given
from hypothesis import strategies as st

from jdlint.analyses.scan import Letters
from jdlint.checks.degrees import (
    _DEGREE_STARTS,
    _compiled,
    _degree_pattern,
    _finditer,
    _licence_for,
    _named_degrees,
    _term_matches,
    _term_starts,
    _word,
    degree_mentions,
    professions,
)
from jdlint.checks.experience import (
    YEARS,
    _named_after,
    _named_before,
    _named_near,
    says_entry_level,
    technologies,
    year_matches,
)
from jdlint.checks.gender import _PRONOUN
from jdlint.checks.titles import _WORD, _first_words, load
from jdlint.kinds.needles import starts
from jdlint.resources import data_path

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
        if any(_word(d).search(degree_text) for d in profession.degrees):
            return profession
        if (level in profession.levels or level == "any") and (
            not profession.fields or any(_word(f).search(degree_text) for f in profession.fields)
        ):
            return profession
    return None


DEGREES = [
    ("Bachelor's degree in Nursing", "bachelor"), ("BSN", "bachelor"), ("MSN", "master"), ("PharmD", "doctorate"),
    ("Master's degree in Social Work", "master"), ("Bachelor's degree", "bachelor"), ("degree in Accounting", "any"),
    ("JD", "doctorate"), ("Doctor of Medicine", "doctorate"), ("Master's in Counseling", "master"),
    ("Bachelor of Architecture", "bachelor"), ("PhD in Psychology", "doctorate"), ("relevant degree", "any"),
    ("BS in Civil Engineering", "bachelor"), ("Associate degree", "associate"), ("MBA", "master"),
    ("BACHELOR'S DEGREE IN NURSING", "bachelor"), ("Bachelor's in Nurſing", "bachelor"), ("İ BSN", "bachelor"),
    ("degree in physical-therapy", "any"), ("Master's in Speech Language Pathology", "master"),
]  # fmt: skip


def test_licence_found_one_profession_at_a_time_as_from_the_whole_list():
    rng = random.Random(401)
    table = professions()
    for _ in range(2000):
        held = {i for i in range(len(table)) if rng.random() < 0.15}
        degree, level = rng.choice(DEGREES)
        licensed = [p for i, p in enumerate(table) if i in held]
        assert _licence_for(degree, level, _Held(held)) is _first_licensed(degree, level, licensed)  # type: ignore[arg-type]


def test_licence_terms_found_at_word_starts_as_by_a_whole_search():
    """Each licence term tried only where a word begins it is found where its pattern's own search finds it."""
    terms = sorted({t for p in professions() for t in (*p.credentials, *p.titles, *p.degrees, *p.fields)})
    for term in [*terms, "İ x", "Zoë", "é x", "x\u00a0y", "a-b c"]:
        assert _term_starts(term) == starts(_word(term)), term
    rng = random.Random(19)
    around = [" ", "-", ".", "x", "_", "\n", "(", "é", "İ", "ſ", "\u212a", "2", "'s "]
    for _ in range(400):
        words = [rng.choice(terms) for _ in range(rng.randint(1, 6))]
        pieces = [rng.choice(around) + (w.upper() if rng.random() < 0.3 else w) for w in words]
        text = "".join(pieces) + rng.choice(around)
        lower, letters = text.lower(), Letters(text)
        for term in set(words):
            expected = [m.span() for m in _word(term).finditer(text)]
            assert [m.span() for m in _term_matches(term, text, lower, letters)] == expected, (term, text)


def test_year_window_reaches_back_over_the_longest_lead_in():
    # the longest lead-in a match can have before its "year", less its spaces, fits within the window's count
    longest = "minimum of fifteen plus to fifteen + "
    text = "x" * 100 + " " + longest + "years"
    assert [m.span() for m in year_matches(text, text.lower())] == [m.span() for m in YEARS.finditer(text)]
    assert year_matches(text, text.lower())[0].group() == longest + "years"
    assert re.fullmatch(r"\S{30}", "".join(longest.split()))


MARKER_PIECES = [
    "or", "Or", "OR", "and/or", "or/and", "equivalent", "Equivalent", "experience", "in lieu of", "instead of a degree",
    "may be substituted", "can", "will", "preferred", "a plus", "is a plus", "nice to have", "it’d be great if",
    "it'd be nice if", "ideally a PhD", "bonus", "5", "five", "years", "yrs", "related", "field", "degree", " ", "  ",
    "\n", ", ", ". ", ";", "(", ")", "İ", "ſ", "ı", "\u212a", "x", "form", "word", "Bachelor's", "BS", "minimum",
    "oder", "vergleichbare", "Berufserfahrung", "wünschenswert", "ou", "équivalent", "expérience", "un plus",
]  # fmt: skip


@given(st.lists(st.sampled_from(MARKER_PIECES), max_size=30), st.sampled_from(["", " "]))
def test_degree_markers_found_as_a_search_of_the_whole_text(pieces, joiner):
    text = joiner.join(pieces)
    for language in ("en", "de", "fr"):
        for pattern in _marker_patterns(language).values():
            assert [m.span() for m in _finditer(pattern, text, text.lower(), Letters(text))] == [
                m.span() for m in pattern.finditer(text)
            ]


DEGREE_PIECES = [
    "Bachelor's", "bachelor", "BS", "B.S.", "BSc", "bsc", "MS", "ms", "Ms", "PhD", "Ph.D.", "ph. d", "MD", "M.D.",
    "J.D.", "Promotion in", "promoviert", "Bac+5", "bac", "Doktorgrad",
    "DO", "do", "MBA", "master's", "degree", " degree in", "college", "4-year", "two year", "Doctor of Philosophy",
    "Associate", "of Science", "Diplom", "Master", "licence", "BTS", "BUT", "x", "2", "4", " ", "\n", ".", "-", "/",
    "İ", "ı", "ſ", "\u212a", "é", "ß", "some", "high",
]  # fmt: skip


@given(st.lists(st.sampled_from(DEGREE_PIECES), max_size=30), st.sampled_from(["", " "]))
def test_degree_names_found_as_a_search_of_the_whole_text(pieces, joiner):
    """Degree names tried only where their first letters begin a word are those the whole search finds, for the
    built-in English names and each language's own."""
    text = joiner.join(pieces)
    lower, letters = text.lower(), Letters(text)
    named = [_named_degrees(rule["settings"]["degrees"]) for rule in _jd401_data() if "degrees" in rule["settings"]]
    assert named
    for pattern in (None, *named):
        assert degree_mentions(text, pattern, lower, letters) == degree_mentions(text, pattern)


def test_the_listed_degree_starts_are_those_of_the_pattern():
    assert starts(_degree_pattern()) == _DEGREE_STARTS


def _jd401_data() -> list[dict]:
    rules = []
    for language in ("en", "de", "fr"):
        path = data_path("rules").joinpath(language, "gatekeeping.toml")
        rules.append(next(r for r in tomllib.loads(path.read_text(encoding="utf-8"))["rule"] if r["code"] == "JD401"))
    return rules


def _marker_patterns(language: str) -> dict[str, re.Pattern[str]]:
    path = data_path("rules").joinpath(language, "gatekeeping.toml")
    rule = next(r for r in tomllib.loads(path.read_text(encoding="utf-8"))["rule"] if r["code"] == "JD401")
    return _compiled(rule["settings"])


# the pronoun search as first written: a class of first letters lets the engine skip to them
PRONOUN_AS_WRITTEN = re.compile(r"\b(?:he|him|his|she|her|hers|himself|herself)\b", re.IGNORECASE)
PRONOUN_PIECES = [
    "he", "He", "HE", "him", "his", "His", "she", "She", "ſhe", "her", "hers", "Hers", "himself", "herself", "HERSELF",
    "the", "This", "other", "shed", "hiſ", "hım", "hİs", "\u212a", "é", "_", "3", " ", "\n", "/", "-", ".", "'s", "“",
    "he/she", "s/he", "(s)he", "sheriff", "heir",
]  # fmt: skip


@given(st.lists(st.sampled_from(PRONOUN_PIECES), max_size=25), st.sampled_from(["", " "]))
def test_pronouns_found_as_by_the_pattern_as_written(pieces, joiner):
    text = joiner.join(pieces)
    assert [m.span() for m in _PRONOUN.finditer(text)] == [m.span() for m in PRONOUN_AS_WRITTEN.finditer(text)]


def test_pronoun_first_letters_are_every_letter_taken_for_h_or_s():
    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"[HhSs\u017f]", every_character) == re.findall("(?i)[hs]", every_character)


ENTRY_PIECES = ["this", "This", "THIS", "is", "an", "a", "entry", "Entry", "ENTRY", "-", " ", "\n", "level", "Level",
                "entrylevel", "sentry", "İ", "ſ", "ı", ".", "thisentry", "entry-level"]  # fmt: skip


@given(st.lists(st.sampled_from(ENTRY_PIECES), max_size=14), st.sampled_from(["", " "]))
def test_entry_level_said_as_the_search_finds(pieces, joiner):
    text = joiner.join(pieces)
    expected = re.search(r"\bthis (?:is an? )?entry[-\s]level\b", text, re.I) is not None
    assert says_entry_level(text, text.lower()) == expected


def test_entry_level_said_in_any_case_and_spelling():
    said = ("This is an entry-level role.", "THIS ENTRY LEVEL JOB", "this is a entry\nlevel post", "İ this entry-level")
    for text in said:
        assert says_entry_level(text, text.lower())
    for text in ("An entry-level role.", "this sentry level", "this entrylevel", "no such words here"):
        assert not says_entry_level(text, text.lower())
