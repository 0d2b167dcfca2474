"""The pay, location and statement rules' shortcuts give what the long way gives: currency marks found by substring
and numpy, figures tried where digit runs begin, place phrases tried at their first words, patterns skipped when the
words every match holds are absent, and statements answered at the first formula or window."""

from __future__ import annotations

import random
import re

import pytest

from jdlint.analyses import location, scan
from jdlint.checks import pay
from jdlint.checks import statements as statement_checks
from jdlint.formats import parse
from jdlint.kinds import occurrence
from jdlint.kinds.needles import needles, starts
from jdlint.source import Source


def _jumbles(atoms: list[str], count: int, seed: int) -> list[str]:
    """`count` strings of up to 14 atoms in random order: every joint of two atoms is tried somewhere."""
    rng = random.Random(seed)
    return ["".join(rng.choice(atoms) for _ in range(rng.randint(0, 14))) for _ in range(count)]


_HINT_ATOMS = [
    "usd", "USD", "Eur", "zł", "Zł", "ZŁ", "kr", "KR", "Kr", "dollars", "Euros", "$", "£", "€", "¥", "₹", "ab", "abz",
    "xyzł", "a", "z", "Z", " ", ".", "1", "12", "\n", "-", "ł", "krw", "é", "jpy", "CZK", "eurosdollars", "usdx",
    "x", "ß", "İ", "ı", "ſ", "\u212a", "€45k", "(USD)",
]  # fmt: skip


def _kept_hints(matches):
    return [
        m.span()
        for m in matches
        if not (len(m.group()) == 3 and m.group().isalpha() and m.group().upper() not in pay._CODES)
    ]


@pytest.mark.parametrize("seed", range(4))
def test_currency_hints_are_those_of_the_whole_pattern(seed):
    """The currency marks found by substring and numpy are the ones the hint pattern keeps, with the same spans,
    texts with letters the regex engine folds to ASCII included (those take the long way)."""
    for text in _jumbles(_HINT_ATOMS, 5000, seed):
        expected = _kept_hints(pay._CURRENCY_HINT.finditer(text))
        assert _kept_hints(pay._hints(text, text.lower())) == expected, text


_FIGURE_ATOMS = [
    "1", "12", "123", "1234", "90", "110", "k", "K", "-", " - ", "–", " to ", ".", ",", "'", "’", "\u00a0", "\u202f",
    " ", "000", "55.000", "3.5", "LPA", " lakhs per annum", " lacs pa", "L.P.A.", "x", "٣", "\n", "$", "up to ",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_figures_tried_where_digit_runs_begin_are_those_of_a_whole_search(seed):
    for text in _jumbles(_FIGURE_ATOMS, 4000, seed):
        for pattern in (pay._BARE_RANGE, pay._LAKHS):
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in pay._unhinted(pattern, text, text.lower())] == expected, (pattern, text)


@pytest.mark.parametrize("seed", range(2))
def test_digit_runs_found_with_numpy_are_those_of_the_regex(seed):
    """An ASCII text's runs of digits are read with numpy, any other's by the regex: the same starts either way."""
    for text in _jumbles(_FIGURE_ATOMS, 4000, seed):
        assert pay._run_starts(text) == [m.start() for m in re.finditer(r"\d+", text)], text


_RANGE_ATOMS = [
    "$", "US$", "AU$", "€", "£", "USD", "eur", "zł", "kr", " dollars", "euros", "1", "12", "120", "4", ",000", ".000",
    " 000", "\u00a0000", "'000", ",50", ",-", ",--", ",–", "k", " K", " Tsd.", " Tausend", " million", " billion", "bn",
    "/hr", " per annum", " an hour", "-", " - ", "–", "—", " to ", " up  to ", " until ", " bis ", " and ", "/", " a ",
    "between ", " ", "\n", ".", ",", "x", "é", "٣", "per year", "ſ", "\u212a", "İ", "ı", "\u2009", "¥", "₹", "R$",
    "HK$", " mil", "mn", "Tsd", "â€”", "â€“", " à ", " al ", " do ", " till ", "/ hr", "/year", " per  month", "M", "b",
]  # fmt: skip


_FIGURES = [
    "1",
    "12",
    "120",
    "120,000",
    "55.000",
    "4,250.50",
    "2.800,-",
    "400,--",
    "90'000",
    "55 000",
    "3,–",
    "٣٤",
    "0",
]


def _ranges(count: int, seed: int) -> list[str]:
    """Two figures with up to six pieces between them and a piece either side, most of them no range at all."""
    rng = random.Random(seed)
    pieces = [
        rng.choice(_FIGURES) + "".join(rng.choice(_RANGE_ATOMS) for _ in range(rng.randint(0, 6))) for _ in range(count)
    ]
    return [rng.choice(_RANGE_ATOMS) + piece + rng.choice(_FIGURES) + rng.choice(_RANGE_ATOMS) for piece in pieces]


@pytest.mark.parametrize("seed", range(4))
def test_a_window_without_close_figures_holds_no_range(seed):
    """_RANGE is searched only in the windows _may_range keeps: every window in which it finds a range is one."""
    for text in _jumbles(_RANGE_ATOMS, 3000, seed) + _ranges(6000, seed):
        found = pay._RANGE.search(text)
        assert found is None or pay._may_range(text, 0, len(text)), text
        if found:  # and within a window of the text around the match
            assert pay._may_range(text, *found.span()), text


def test_a_range_is_looked_for_only_where_its_figures_can_be():
    assert pay._may_range("$1,-- Tausend dollars per annum until AU$2", 0, 42)
    assert pay._may_range("$85k - $105k", 0, 12) and pay._may_range("55 000 – 65 000 €", 0, 17)
    text = "a learning budget of $1,500 for courses, books and conferences. A 401(k) plan"
    assert not pay._may_range(text, 0, len(text))


def test_the_listed_starts_and_needles_are_those_of_the_patterns():
    """The hand-written starts (scan.py's searches) cover what kinds/needles.py reads from each pattern's parse:
    every start it reads begins with a listed one, and each listed one begins one it reads or extends it. For the
    remote pattern "can" stands in for the "c" of "Canada" and "CAN" (a parse that stops at the common letter)."""
    assert starts(pay._VAGUE.compiled) == pay._VAGUE_STARTS
    assert set(pay._LAKHS_NEEDLES) == needles(pay._LAKHS.compiled)
    for pattern, listed in (
        (location._PHRASE, location._PHRASE_STARTS),
        (location._OFFICE, location._OFFICE_STARTS),
        (location._REMOTE, location._REMOTE_STARTS),
    ):
        read = starts(pattern.compiled) - {"c"}
        assert read and all(any(s.startswith(h) for h in listed) for s in read), pattern.pattern
        assert all(any(s.startswith(h) or h.startswith(s) for s in read) for h in listed), pattern.pattern
    assert "anada" in location._REMOTE.pattern and "CAN" in location._REMOTE.pattern


_PLACE_ATOMS = [
    "Remote", "remote", " (US)", " US", " USA", " U.S.", "United States", " Canada", " CAN", "CANADA", "can", " in ",
    " the ", ", CO", ",NY", "(WA)", " (ca)", "Hub", "STUDIO", "ı", "ſ",
    "anywhere in the US", "Candidates in Colorado", "must be based in", " Denver", "-", ", ", "(", ")",
    "based in ", "our ", "Seattle office", " Office", "WFH", "work from home", "on-site in ", "in-office at ",
    "open to applicants in", "residents of", "relocate to ", "Job is located in", "not ", "\n", ".", "x",
    "IN ", "At our ", "THE ", "within ", "_in ", "é", "\u212a", "İn ", "competitive salary", "Very competitive pay",
    "salary: DOE", "pay doe", "market-related", "commensurate with skills", "salary negotiable", "x", "-", "Salary",
    "depending on experience", "attractive package",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_place_phrases_tried_at_their_starts_are_those_of_a_whole_search(seed):
    for text in _jumbles(_PLACE_ATOMS, 3000, seed):
        lower = text.lower()
        for pattern, begins in (
            (location._REMOTE, location._REMOTE_STARTS),
            (location._PHRASE, location._PHRASE_STARTS),
            (location._OFFICE, location._OFFICE_STARTS),
            (pay._VAGUE, pay._VAGUE_STARTS),
        ):
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in scan.finditer(pattern, text, lower, begins)] == expected, (pattern, text)
            if pattern is location._PHRASE or pattern is location._OFFICE or pattern is pay._VAGUE:  # at a word
                found = scan.finditer_words(pattern, text, lower, frozenset(begins), scan.WORD, scan.Letters(text))
                assert [m.span() for m in found] == expected, (pattern, text)
        # the searches skipped when a cheaper one finds nothing
        assert location._any_office(text, lower) or not location._OFFICE.search(text), text
        patterns = location._patterns()
        assert patterns.pair_tail.search(text) or not patterns.pair.search(text), text


def test_the_location_found_with_the_shared_lower_case_and_letters_is_the_one_found_alone():
    """locate() reads the posting's lower-cased text and Letters from its caller when given (the pay check passes the
    Context's): the places found are those it finds making them itself."""
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(_PLACE_ATOMS) for _ in range(rng.randint(1, 20)))
        document = parse(Source("posting.txt", text, format="text"))
        alone = location.locate(document)
        assert location.locate(document, text.lower(), scan.Letters(text)) == alone, text
        assert pay.applicable(document, text.lower(), scan.Letters(text)) == pay.applicable(document), text


def test_a_lazy_pattern_is_the_pattern():
    lazy = scan.Lazy(r"a(b)", re.I)
    assert lazy.pattern == "a(b)" and lazy.groups == 1 and lazy.flags == re.compile("a(b)", re.I).flags
    assert lazy.search("xAB").span() == (1, 3) and [m.span() for m in lazy.finditer("ab ab")] == [(0, 2), (3, 5)]


_WORD_ATOMS = [
    "or", "Or", "OR", "and/or", "is a plus", "a", "A", "it’d", "it'd", "b", "BS", "B.S.", "ms", "in", "ink", "x", "_",
    "-", ".", " ", "  ", "\n", "(", "3", "é", "ß", "İ", "ı", "ſ", "\u212a", "\ud800", "😀", "k", "s", "i", "plus",
]  # fmt: skip
_WORD_PATTERNS = [  # (pattern, the ASCII characters it refuses before a match)
    (re.compile(r"(?<!\w)(?:or|and/or)\s+\w+", re.I), scan.WORD),
    (re.compile(r"(?<!\w)(?:(?:is\s+)?a\s+plus|it[’']d|in(?:k)?|b\.?s\.?|ms)(?!\w)", re.I), scan.WORD),
    (re.compile(r"(?<![\w.\-])(?:BS|B\.S\.|(?i:ks|is))(?![\w\-])"), scan.WORD + ".-"),
    (re.compile(r"\b(?:x_|3\.|i)\w*"), scan.WORD),
]


@pytest.mark.parametrize("seed", range(3))
def test_patterns_tried_where_words_begin_are_those_of_a_whole_search(seed):
    """finditer_words (a pattern tried at the words whose first two letters begin one of its starts, after no
    character `before` refuses) finds what the pattern's own search finds: texts beyond ASCII, with letters the
    engine folds to ASCII ones (searched the long way) and lone surrogates included."""
    for text in _jumbles(_WORD_ATOMS, 3000, seed):
        letters, lower = scan.Letters(text), text.lower()
        for pattern, before in _WORD_PATTERNS:
            begins = starts(pattern)
            assert begins is not None
            found = scan.finditer_words(pattern, text, lower, begins, before, letters)
            assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)], (pattern, text)


def test_places_are_every_occurrence_of_every_start():
    for text in _jumbles(["a", "aa", "in", "ni", " ", "é", "\n", "n"], 2000, 5):
        for begins in (["a"], ["aa", "a"], ["in", "n", "aa"], []):
            expected = sorted({at for start in begins for at in scan.occurrences(text, start)})
            assert scan.places(text, begins) == expected, (text, begins)


def test_word_places_are_the_words_that_begin_a_start():
    text = "Or, a BS.or xor\n\u00e9or _or -ms"
    places = scan.word_places(scan.Letters(text), frozenset({"or", "ms"}), scan.WORD)
    assert places == [0, 9, 17, 25]  # after "é" (not ASCII) is a place too: the pattern itself says no
    assert scan.word_places(scan.Letters(""), frozenset({"or"}), scan.WORD) == []


def test_a_start_is_its_ascii_letters_before_any_other():
    assert starts(re.compile(r"(?:it’d|we)\s+like", re.I)) == frozenset({"it", "we"})
    assert starts(re.compile(r"(?:été|we)", re.I)) is None


def test_a_statement_is_made_where_it_is_found(catalog, monkeypatch):
    """The occurrence kind's early answer (stop at the first formula or window, give an entry up at its first part
    without a hit) and JD511's (an offer in a formula's words with a way to ask beside it) report what the full
    search reports, on every example of JD510, JD511 and JD520 and on all of them joined."""
    from jdlint.config import Config
    from jdlint.formats import parse
    from jdlint.linter import Linter
    from jdlint.source import Source

    rules = [r for r in catalog.rules if r.code in ("JD510", "JD520", "JD511") and r.language in (None, "en")]
    texts = [t for rule in rules for t in (*rule.examples_fail, *rule.examples_pass)]
    texts.append("\n\n".join(texts))

    def findings() -> list[tuple[str, str, str]]:
        documents = [parse(Source(f"p{i}.txt", text)) for i, text in enumerate(texts)]
        return [
            (f.code, str(f.span), f.message)
            for result in Linter(Config(), catalog).lint(documents, want_metrics=True)
            for f in result.findings
            if f.code in ("JD510", "JD511", "JD520")
        ]

    early = findings()
    monkeypatch.setattr(occurrence, "_made", lambda context, rule: bool(occurrence.statements(context, rule)))
    monkeypatch.setattr(statement_checks, "formulas", lambda context, rule: [])  # JD511 reads every offer
    assert findings() == early
    assert {code for code, *_ in early} == {"JD510", "JD511", "JD520"}


_OPEN_ATOMS = [
    "up to ", "UP TO ", "upto ", "from ", "starting at ", "Starting from ", "min ", "minimum of ", "at least ",
    "$", "€", "USD ", "45,000", "90k", "60.000", "+", " and up", " and above", " or more", " plus", " ", "-", "x",
]  # fmt: skip


def test_open_ended_pay_holds_one_of_its_needles():
    """The windows _OPEN is searched in are those holding one of its needles: every match holds one."""
    for text in _jumbles(_OPEN_ATOMS, 3000, 7):
        for match in pay._OPEN.finditer(text):
            assert any(needle in match.group().lower() for needle in pay._OPEN_NEEDLES), match.group()
        windows = [(0, len(text))]
        if not pay._holding(text, text.lower(), windows, pay._OPEN_NEEDLES):
            assert not pay._OPEN.search(text), text


def test_a_text_names_a_law_where_the_plain_alternation_finds_a_name():
    """The all-names gate, its names grouped by first letter, finds a name in exactly the texts the plain
    alternation of the names finds one in."""
    names = [n for law in location.jurisdictions() for n in law.get("names", []) + law.get("cities", [])]
    plain = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
    grouped = location._patterns().any_name
    atoms = [*random.Random(3).sample(names, 40), " ", "x", "-", "s", "New", "York", ", ", "\n", "ö", "Ca"]
    texts = _jumbles(atoms, 3000, 11) + [n[:-1] for n in names] + [n + "x" for n in names] + names
    assert all(bool(grouped.search(text)) == bool(plain.search(text)) for text in texts)
