"""The warm path's shortcuts give what the long way gives: a term set skips spaCy's token Matcher only when no
pattern can match, and the ableist idioms are tried only where a match can start, with the matches of a search
over the whole text."""

from __future__ import annotations

import random
import re

import pytest

from jdlint.checks.ableist import _matches, idioms
from jdlint.checks.physical import _compile
from jdlint.kinds.needles import aligned, few_starts, finditer_from, needles, starts
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
    for text in [
        *IDIOM_TEXTS,
        "Must LIFT 50 lbs, stand-up daily; walking, climbing; lifts. Standing/sitting.",
        "Grant-ran, éstand, 2sit, _walk, ²lift, ‘carry’ and x-reach; overreach; (see) [hear] Ωsit",
    ]:
        lower = text.lower()
        expected = [m.span() for m in compiled.forms.finditer(text)]
        if aligned(text, lower):
            assert [m.span() for m in finditer_from(compiled.forms, text, lower, compiled.by_form)] == expected
            found = finditer_from(compiled.forms, text, lower, compiled.form_starts, word_start=True)
            assert [m.span() for m in found] == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?i)\b(?:free|house|on-?site)\s+rooms?", {"free", "house", "on"}),
        (r"\b(?:EEO|EOE)\b", {"eeo", "eoe"}),  # the parser draws out the shared "E": the run goes on after it
        (r"(?:ab)?c", {"abc", "c"}),
        (r"x{0,2}yz", {"x", "yz"}),
        (r"(?:ab)+c", {"ab"}),
        (r"(?<!\w)\[?f\]?u", {"[f", "f"}),
        (r"(?i)\b(?:not|never)\s+on", {"not", "never"}),
        (r"\b[Cc]lass of", {"class of"}),
        (r"[2-4]0s?", {"20", "30", "40"}),
        (r"(?i)[ab]\d", {"a", "b"}),
    ],
)
def test_starts_are_what_every_match_begins_with(pattern, expected):
    assert starts(re.compile(pattern)) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"a*\d", r"\d+ years", r"[a-z]lass", r"[^C]lass", r"(?:foo|\w+)", r"(?:ab)?"])
def test_a_pattern_beginning_anywhere_has_no_starts(pattern):
    assert starts(re.compile(pattern)) is None


def test_starts_are_tried_one_by_one_only_where_they_are_few():
    assert few_starts("x" * 640 + "under", {"under"})
    assert not few_starts("no " * 100, {"no"})
    assert not few_starts("short", {"sh"})  # a text too short to save anything: the whole-text search


def test_phrases_are_skipped_only_in_a_posting_without_their_words(pipeline):
    terms = CompiledTerms({"phrases": ["piece of cake", "U.S. citizen", "don't"]}, pipeline)
    for text in [*TEXTS, "a Piece of Cake", "PIECE OF CAKE", "US citizens and a U.S. citizen", "Don’t; DON'T"]:
        doc = pipeline.make_doc(text)
        everything = sorted((doc[s:e].start_char, doc[s:e].end_char) for _, s, e in terms.phrase_matcher(doc))
        assert sorted((s, e) for s, e, _ in terms.find(doc, text)) == everything, text


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


def test_gender_coding_exception_phrases_found_where_they_begin():
    """The research lexicon's exception phrases are tried only where a phrase's first letters occur, with the spans
    of a search over the whole lower-cased text."""
    from jdlint.analyses.gender_coding import _exceptions, _spared

    _, phrase_re, _, begins = _exceptions()
    phrases = phrase_re.pattern[5:-3].replace("\\", "").split("|")
    texts = [
        "",
        " ".join(phrases),
        "-".join(phrases).upper().lower(),
        "competitive salary competitive salaries; uncompetitive salary, a lead time and lead-time, decision trees",
        "leadership leads to competitivecompensation sales leads",
    ]
    for text in texts:
        assert _spared(phrase_re, text, begins) == [m.span() for m in phrase_re.finditer(text)], text


def _phrases(value):
    if isinstance(value, dict):
        phrases = value.get("phrases")
        if isinstance(phrases, list) and all(isinstance(p, str) for p in phrases):
            yield from phrases
        for inner in value.values():
            yield from _phrases(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _phrases(inner)


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_plain_shape_is_what_the_tokenizer_makes(catalog, language):
    """A phrase variant's words are read without the tokenizer only when they are certain: every case variant of
    every catalog phrase, and words the tokenizer splits by itself."""
    from jdlint.kinds.terms import phrase_variants, plain_shape

    pipeline = get_pipeline("blank", language)
    phrases = {p for rule in catalog.rules if rule.language in (None, language) for p in _phrases(rule.options)}
    texts = [v for p in sorted(phrases) for v in phrase_variants(p)]
    texts += ["Cannot", "CANNOT", "Gonna", "gotta go", "e.g.", "U.S.", "self-starter", "a  b", " a", "b ", "ca n't"]
    certain = 0
    for text in texts:
        shape = plain_shape(text, pipeline)
        if shape is not None:
            certain += 1
            assert shape == tuple(t.lower_ for t in pipeline.make_doc(text)), text
    assert certain > len(texts) / 3


def test_phrase_matcher_run_around_its_anchor_words_finds_every_match(catalog):
    """Every phrase term set of the English catalog, over its rules' examples one by one and all joined: the
    PhraseMatcher run on the stretches around the phrases' anchor words finds the matches of a whole-document run,
    in the same order."""
    pipeline = get_pipeline("blank", "en")
    rules = [r for r in catalog.rules if r.language in (None, "en")]
    texts = [t for rule in rules for t in (*rule.examples_fail, *rule.examples_pass)]
    docs = [pipeline.make_doc(t) for t in texts] + [pipeline.make_doc(" ".join(texts[:40]))]
    tried = 0
    for rule in rules:
        for phrases in {tuple(p) for p in _phrase_lists(rule.options)}:
            terms = CompiledTerms({"phrases": list(phrases)}, pipeline)
            tried += 1
            for doc in docs:
                assert terms._phrase_matches(doc) == list(terms.phrase_matcher(doc)), (rule.code, doc.text[:80])
    assert tried >= 20


def _phrase_lists(value):
    if isinstance(value, dict):
        phrases = value.get("phrases")
        if isinstance(phrases, list) and phrases and all(isinstance(p, str) for p in phrases):
            yield phrases
        for inner in value.values():
            yield from _phrase_lists(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _phrase_lists(inner)


def test_physical_headings_found_only_where_one_begins():
    """A heading before a verb is looked for only where a heading's first letters occur, with the answer of a search
    of the stretch before it."""
    from jdlint.checks.physical import _places

    compiled = _compile()
    assert compiled.heading_starts
    texts = [t for t in IDIOM_TEXTS if aligned(t, t.lower())]
    text = "\n".join(
        [*texts, "PHYSICAL DEMANDS: lift.", "Work environment - stand", "physical-requirements", "homework env"]
    )
    lower = text.lower()
    assert aligned(text, lower)
    places = _places(lower, compiled.heading_starts)
    for floor in range(0, len(text), 7):
        for start in range(floor, min(len(text), floor + 200) + 1, 5):
            expected = compiled.headings.search(text, floor, start) is not None
            found = any(compiled.headings.match(text, at, start) for at in places if floor <= at < start)
            assert found == expected, (floor, start)


SENTENCE_PIECES = [*"ab Z9.!?,;:-'\"()[]…。！•*\n\t ", "...", "Mr.", "e.g.", "U.S.", "?!", "..", "‼", " . ", "\n\n"]


def _line_break_starts(doc):
    """The long way: each token after a whitespace token holding a line break starts a sentence."""
    for token in doc[1:]:
        if not token.is_space and doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_sentencizer_sets_the_boundaries_spacys_sets_and_starts_lines(language):
    from spacy.attrs import SENT_START
    from spacy.pipeline import Sentencizer as SpacySentencizer

    from jdlint.nlp import Sentencizer, _block_boundaries

    nlp = get_pipeline("blank", language).nlp
    theirs, ours = SpacySentencizer(), Sentencizer()
    rng = random.Random(19)
    texts = ["", ".", "\n", "Hello. World! Next?", "(See below.) Then: more…  And “quoted.” Done\nNext line"]
    texts += ["".join(rng.choice(SENTENCE_PIECES) for _ in range(rng.randint(1, 40))) for _ in range(1500)]
    for text in texts:
        expected = _line_break_starts(theirs(nlp.make_doc(text))).to_array(SENT_START).tolist()
        assert ours(nlp.make_doc(text)).to_array(SENT_START).tolist() == expected, text
        # a trained pipeline's block boundaries component sets the same line starts
        assert _block_boundaries(theirs(nlp.make_doc(text))).to_array(SENT_START).tolist() == expected, text
    # a boundary set before the sentencizer runs is kept, as spaCy keeps it
    docs = [nlp.make_doc("One. Two. Three.") for _ in range(2)]
    for doc in docs:
        doc[2].is_sent_start = False
    assert ours(docs[0]).to_array(SENT_START).tolist() == theirs(docs[1]).to_array(SENT_START).tolist()
    assert [s.text for s in docs[0].sents] == ["One. Two.", "Three."]


BOILERPLATE_PIECES = {
    "en": [
        "We are an Equal Opportunity employer.",
        "Hired without regard to race.",
        "E-Verify participant.",
        "Reasonable accommodations are available",
        "equal employment opportunity",
        "Our privacy policy applies.",
    ],
    "de": [
        "Wir fördern Chancengleichheit.",
        "Unabhängig von Geschlecht und Alter.",
        "Nach dem AGG.",
        "AGGRESSIV",
        "Hinweise zum Datenschutz (DSGVO).",
        "Schwerbehinderte werden bevorzugt.",
    ],
    "fr": [
        "Égalité des chances pour tous.",
        "Sans distinction d'origine.",
        "Poste ouvert RQTH.",
        "Protection des données personnelles (RGPD).",
        "Entreprise handi-accueillante.",
        "Diversité.",
    ],
}
PLAIN_PIECES = [
    "You will build data pipelines in Python",
    "Tu travailleras avec l'équipe produit.",
    "Du arbeitest im Team",
    "Great pay!",
    "- short item",
    "## Heading",
    "\n",
    "\n\n",
    " ",
    ". ",
    "ſ",
    "İ",
]


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_prose_skips_the_boilerplate_search_only_where_it_cannot_match(language):
    from jdlint.analyses.prose import prose
    from jdlint.context import Context
    from jdlint.formats import parse
    from jdlint.language import get_language
    from jdlint.source import Source

    pipeline = get_pipeline("blank", language)
    rng = random.Random(23)
    pieces = BOILERPLATE_PIECES[language] + PLAIN_PIECES
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(300)]
    documents = [parse(Source("p.md", text)) for text in texts]
    checked = 0
    for document, doc in zip(documents, pipeline.pipe([d.text for d in documents], {"sentences"})):
        lang = get_language(language)
        slow = prose(Context(document, doc, pipeline, language=lang))
        fast = prose(Context(document, doc, pipeline, language=lang), needles)
        assert fast == slow, document.text
        checked += bool(slow.sentences)
    assert checked > 100


def test_dictionary_share_counts_every_token_once_looked_up_by_word():
    from jdlint.analyses.dictionary import dictionary_share
    from jdlint.context import Context
    from jdlint.formats import parse
    from jdlint.language import get_language
    from jdlint.source import Source

    pipeline, english = get_pipeline("blank", "en"), get_language("en")
    texts = ["the the the halten zzqx engineers", "Wir halten die Daten sauber und sicher", "a b", "the team team"]
    for text in texts * 2:  # the second round answers from the remembered words
        doc = next(pipeline.pipe([text], {"sentences"}))
        lower = [t.text for t in doc if t.is_alpha and t.is_lower and len(t.text) > 2]
        expected = sum(1 for word in lower if word in english.words()) / len(lower) if lower else 1.0
        assert dictionary_share(Context(parse(Source("p.txt", text)), doc, pipeline), english) == expected


@pytest.mark.parametrize("lang", ["en_US", "de_DE", "fr_FR"])
def test_lazy_hyphenation_patterns_are_pyphens(lang):
    import pyphen

    from jdlint.language.hyphenation import lazy_dictionary

    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    full, lazy = pyphen.HyphDict(path), lazy_dictionary(path)
    assert lazy.maxlen >= full.maxlen
    for word in ["hyphenation", "Kubernetes", "Mitarbeiterin", "développeur", "a", "Schifffahrt", "œuvre"]:
        assert lazy.positions(word) == full.positions(word)  # some keys parsed by the words, the rest pending
    for key in list(lazy.patterns):
        bool(lazy.patterns[key])  # parses a pending key: its pattern takes its place, or it goes when all zeros
    assert lazy.patterns == full.patterns
    for key, (_, values) in full.patterns.items():  # nonstandard hyphenation data rides on the values
        assert [getattr(v, "data", None) for v in lazy.patterns[key][1]] == [getattr(v, "data", None) for v in values]


def test_sentence_bounds_are_the_docs_sentences():
    from jdlint.tokens import read_token_table, sentence_bounds

    pipeline = get_pipeline("blank", "en")
    rng = random.Random(29)
    texts = ["a", "One. Two!\nThree"] + [
        "".join(rng.choice(SENTENCE_PIECES) for _ in range(rng.randint(1, 40))) for _ in range(300)
    ]
    for doc in pipeline.pipe(texts, {"sentences"}):
        expected = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
        assert sentence_bounds(doc, read_token_table(doc)) == expected
