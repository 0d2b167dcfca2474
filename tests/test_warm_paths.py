"""The warm path's shortcuts give what the long way gives: a term set skips spaCy's token Matcher only when no
pattern can match, and the ableist idioms are tried only where a match can start, with the matches of a search
over the whole text."""

from __future__ import annotations

import re

import pytest

from jdlint.checks.ableist import _matches, idioms
from jdlint.checks.physical import _compile
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
