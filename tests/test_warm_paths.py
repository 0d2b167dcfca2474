"""The warm path's shortcuts give what the long way gives: a term set skips spaCy's token Matcher only when no
pattern can match, and the ableist idioms are tried only where a match can start, with the matches of a search
over the whole text."""

from __future__ import annotations

import random
import re

import pytest

from jdlint.analyses import location, scan
from jdlint.checks import pay
from jdlint.checks import statements as statement_checks
from jdlint.checks.ableist import _matches, idioms
from jdlint.checks.physical import _compile
from jdlint.kinds import occurrence
from jdlint.kinds.needles import aligned, finditer_from, needles, starts
from jdlint.kinds.terms import CompiledTerms, _longest, _optional
from jdlint.language.en import syllables as en_syllables
from jdlint.nlp import get_pipeline

PATTERNS = [
    [{"ORTH": {"IN": ["bro", "Bro"]}}],
    [{"TEXT": "Crush"}, {"LOWER": "it"}],
    [{"LOWER": "work"}, {"LOWER": {"IN": [",", "and"]}, "OP": "{0,2}"}, {"LOWER": "play"}],
    [{"LOWER": "night"}, {"LOWER": "shift", "OP": "{1,2}"}],
]

TEXTS = [
    "Hey bro, join us.",
    "Our Bro culture is gone.",
    "BRO is not the same word as bro here.",
    "Crush it every quarter.",
    "crush it (lower case, so TEXT does not hold).",
    "We work play the whole day.",
    "We work, and play.",
    "A night shift rota.",
    "Night work only; no shifts.",
    "Nothing to see here.",
]


@pytest.fixture(scope="module")
def pipeline():
    return get_pipeline("blank", "en")


def test_operators_that_allow_no_token_are_optional():
    assert all(_optional(op) for op in ("?", "*", "!", "{0,4}", "{,3}", "{0}"))
    assert not any(_optional(op) for op in (None, "+", "{1,2}", "{2}", "{3,}"))


@pytest.mark.parametrize("text", TEXTS)
def test_prefilter_never_hides_a_match(pipeline, text):
    terms = CompiledTerms({"patterns": PATTERNS}, pipeline)
    assert terms.pattern_keys is not None  # exact spellings and bounded operators keep the prefilter on
    doc = pipeline.make_doc(text)
    everything = sorted((doc[s:e].start_char, doc[s:e].end_char) for _, s, e in terms.matcher(doc))
    assert [(s, e) for s, e, _ in terms.find(doc, text)] == everything


def test_prefilter_skips_a_posting_without_the_words(pipeline):
    terms = CompiledTerms({"patterns": PATTERNS}, pipeline)
    doc = pipeline.make_doc("Nothing to see here.")
    assert terms.find(doc, doc.text) == []


IDIOM_TEXTS = [
    "Don't go crazy, it drives me crazy; we went crazy and are going crazy.",
    "Turn a blind eye, the blind leading the blind.",
    "GO CRAZY! Drive-Me-Crazy. Analysis paralysis, sanity check, insanely fast, tone-deaf, special needs team.",
    "It fell on deaf ears; falling on deaf ears; turned a deaf ear; the lame excuse; OCD about details.",
    "İstanbul office: go crazy here.",  # lower-casing lengthens the text: searched the long way
    "ſanity check and a blınd eye.",  # letters the regex engine folds to ASCII
    "K\u212aelvin: turn a blind eye; crazy",
    "",
]


@pytest.mark.parametrize("text", IDIOM_TEXTS)
def test_idioms_match_as_a_search_of_the_whole_text(text):
    lower = text.lower()
    for idiom in idioms():
        expected = [m.span() for m in idiom.pattern.finditer(text)]
        assert [m.span() for m in _matches(idiom, text, lower, aligned(text, lower))] == expected


def test_the_idiom_texts_hold_matches():
    assert sum(1 for text in IDIOM_TEXTS[:4] for idiom in idioms() for _ in idiom.pattern.finditer(text)) >= 10


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?i)\bclass\s+of\s+(?:19|20)\d{2}\b", {"class"}),
        (r"\b(?:EEO|EOE)\b", {"eo", "oe"}),
        (r"(?i)\b(?:free|house)\s+accommodations?\b", {"accommodation"}),
        (r"(?:over|under)-?qualified", {"qualified"}),
        (r"(?:ab)+c?", {"ab"}),
    ],
)
def test_needles_are_what_every_match_spells(pattern, expected):
    assert needles(re.compile(pattern)) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"a*", r"\d+\s*k", r"(?:foo|\d+)", r"(?:bar)?", r"[Ff]"])
def test_a_pattern_without_fixed_letters_has_no_needles(pattern):
    found = needles(re.compile(pattern))
    assert found is None or all(any(n in m.group().lower() for n in found) for m in re.finditer(pattern, "foo k 12k"))
    if pattern in (r"a*", r"(?:foo|\d+)", r"(?:bar)?", r"[Ff]"):
        assert found is None


def _regexes(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "regex" and isinstance(inner, list):
                yield from (p for p in inner if isinstance(p, re.Pattern))
            else:
                yield from _regexes(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _regexes(inner)


def test_every_catalog_regex_matches_only_texts_holding_a_needle(catalog):
    """Over every example of every rule: a text without any of a regex's needles has no match of it."""
    texts = [t for rule in catalog.rules for t in (*rule.examples_fail, *rule.examples_pass)]
    texts += ["İSTANBUL Class of 2019", "ſtaff accommodation", "\u212aick-ass"]
    patterns = {p for rule in catalog.rules for p in _regexes(rule.options)}
    assert len(patterns) > 50
    for pattern in patterns:
        found = needles(pattern)
        if found is None:
            continue
        for text in texts:
            lower = text.lower()
            if aligned(text, lower) and not any(n in lower for n in found):
                assert pattern.search(text) is None, (pattern.pattern, text)


def test_longest_match_counts_each_operator_at_its_most():
    assert _longest([[{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}], [{"LOWER": "c", "OP": "{0,4}"}, {"ORTH": "d"}]]) == 5
    assert _longest([[{"LOWER": "a", "OP": "{2}"}, {"LOWER": "b", "OP": "!"}]]) == 3
    assert _longest([[{"LOWER": "a"}, {"LOWER": "b", "OP": "+"}]]) is None
    assert _longest([[{"LOWER": "a", "OP": "{2,}"}]]) is None


def _term_specs(value):
    if isinstance(value, dict):
        patterns = value.get("patterns")
        if patterns and isinstance(patterns, list) and all(isinstance(p, list) for p in patterns):
            yield value
        for inner in value.values():
            yield from _term_specs(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _term_specs(inner)


def test_windowed_matcher_finds_what_the_whole_document_run_finds(catalog):
    """Every token-pattern term set of the English catalog, over its rules' examples one by one and all joined:
    the Matcher run on the stretches around the anchor words finds exactly the matches of a run over all tokens."""
    pipeline = get_pipeline("blank", "en")
    rules = [r for r in catalog.rules if r.language in (None, "en")]
    texts = [t for rule in rules for t in (*rule.examples_fail, *rule.examples_pass)]
    docs = [pipeline.make_doc(t) for t in texts] + [pipeline.make_doc("\n".join(texts))]
    windowed = 0
    for rule in rules:
        for spec in _term_specs(rule.options):
            terms = CompiledTerms(spec, pipeline)
            windowed += terms.pattern_keys is not None and terms.longest is not None
            for doc in docs:
                assert sorted(terms._token_matches(doc)) == sorted(terms.matcher(doc)), (rule.code, doc.text[:80])
    assert windowed >= 10


def test_physical_forms_are_plain_words_searched_where_they_begin():
    """The DOL verb forms are joined into one regex unescaped, and each match is tried only where a form begins:
    both need plain lower-case words."""
    compiled = _compile()
    assert all(form == re.escape(form) == form.lower() and form.isascii() for form in compiled.by_form)
    for text in [*IDIOM_TEXTS, "Must LIFT 50 lbs, stand-up daily; walking, climbing; lifts. Standing/sitting."]:
        lower = text.lower()
        expected = [m.span() for m in compiled.forms.finditer(text)]
        if aligned(text, lower):
            assert [m.span() for m in finditer_from(compiled.forms, text, lower, compiled.by_form)] == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?i)\b(?:free|house|on-?site)\s+rooms?", {"free", "house", "on"}),
        (r"(?:ab)?c", {"abc", "c"}),
        (r"x{0,2}yz", {"x", "yz"}),
        (r"(?:ab)+c", {"ab"}),
        (r"(?<!\w)\[?f\]?u", {"[f", "f"}),
    ],
)
def test_starts_are_what_every_match_begins_with(pattern, expected):
    assert starts(re.compile(pattern)) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"a*\d", r"\d+ years", r"[Cc]lass", r"(?:foo|\w+)", r"(?:ab)?"])
def test_a_pattern_beginning_anywhere_has_no_starts(pattern):
    assert starts(re.compile(pattern)) is None


def test_every_catalog_regex_matches_alike_when_tried_only_at_its_starts(catalog):
    texts = [t for rule in catalog.rules for t in (*rule.examples_fail, *rule.examples_pass)]
    texts.append("\n".join(texts))
    tried = 0
    for pattern in {p for rule in catalog.rules for p in _regexes(rule.options)}:
        begins = starts(pattern)
        if begins is None:
            continue
        tried += 1
        for text in texts:
            lower = text.lower()
            if aligned(text, lower):
                expected = [m.span() for m in pattern.finditer(text)]
                assert [m.span() for m in finditer_from(pattern, text, lower, begins)] == expected, pattern.pattern
    assert tried > 30


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The quick brown fox can't jump over the well-known fence; it's 5 o'clock.",
        "Zyxqwv frobnicates glorptastic Kubernetes clusters, ASAP!!",
        "Naïve café résumé — “quoted” words and don’t forget.",
    ],
)
def test_syllables_counted_per_word_as_textstat_counts_them(text):
    assert en_syllables.syllable_count(text) == en_syllables._textstat().syllable_count(text)


# ----------------------------------------------------------------------------- pay, location and statements


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
    "1", "12", "123", "90", "110", "k", "K", "-", " - ", "–", " to ", ".", ",", "'", "’", "\u00a0", "\u202f", " ",
    "000", "55.000", "3.5", "LPA", " lakhs per annum", " lacs pa", "L.P.A.", "x", "٣", "\n", "$", "up to ",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_figures_tried_where_digit_runs_begin_are_those_of_a_whole_search(seed):
    for text in _jumbles(_FIGURE_ATOMS, 4000, seed):
        for pattern in (pay._BARE_RANGE, pay._LAKHS):
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in pay._unhinted(pattern, text, text.lower())] == expected, (pattern, text)


def test_the_listed_starts_and_needles_are_those_of_the_patterns():
    """The hand-written starts (scan.py's searches) are what kinds/needles.py reads from each pattern's parse; for
    the remote pattern, "can" stands in for the "c" of "Canada" and "CAN"."""
    assert starts(pay._VAGUE.compiled) == pay._VAGUE_STARTS
    assert set(pay._LAKHS_NEEDLES) == needles(pay._LAKHS.compiled)
    assert set(location._PHRASE_STARTS) == starts(location._PHRASE.compiled)
    assert set(location._OFFICE_STARTS) == starts(location._OFFICE.compiled)
    assert set(location._REMOTE_STARTS) == starts(location._REMOTE.compiled) - {"c"} | {"can"}
    assert "anada" in location._REMOTE.pattern and "CAN" in location._REMOTE.pattern


_PLACE_ATOMS = [
    "Remote", "remote", " (US)", " US", " USA", " U.S.", "United States", " Canada", " CAN", "CANADA", "can", " in ",
    " the ", ", CO", ",NY", "(WA)", " (ca)", "Hub", "STUDIO", "ı", "ſ",
    "anywhere in the US", "Candidates in Colorado", "must be based in", " Denver", "-", ", ", "(", ")",
    "based in ", "our ", "Seattle office", " Office", "WFH", "work from home", "on-site in ", "in-office at ",
    "open to applicants in", "residents of", "relocate to ", "Job is located in", "not ", "\n", ".", "x",
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
        # the searches skipped when a cheaper one finds nothing
        assert location._any_office(text, lower) or not location._OFFICE.search(text), text
        patterns = location._patterns()
        assert patterns.pair_tail.search(text) or not patterns.pair.search(text), text


def test_a_lazy_pattern_is_the_pattern():
    lazy = scan.Lazy(r"a(b)", re.I)
    assert lazy.pattern == "a(b)" and lazy.groups == 1 and lazy.flags == re.compile("a(b)", re.I).flags
    assert lazy.search("xAB").span() == (1, 3) and [m.span() for m in lazy.finditer("ab ab")] == [(0, 2), (3, 5)]


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
