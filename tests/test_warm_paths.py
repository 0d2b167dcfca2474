"""The warm path's shortcuts give what the long way gives: a term set skips spaCy's token Matcher only when no
pattern can match, and the ableist idioms are tried only where a match can start, with the matches of a search
over the whole text."""

from __future__ import annotations

import random
import re

import pytest
from conftest import option_tables

from jdlint.analyses import segmentation
from jdlint.analyses.dictionary import dictionary_share
from jdlint.analyses.scan import (
    WORD,
    Lazy,
    Letters,
    aligned,
    finditer_from,
    matches_at_starts,
    word_places,
)
from jdlint.analyses.scan import places as start_places
from jdlint.analyses.segmentation import Split, seam_split, split_word
from jdlint.analyses.shapes import may_match, pieces, requirements, shape
from jdlint.checks import apostrophes, characters, contacts, glued
from jdlint.checks.ableist import _matches, idioms
from jdlint.checks.physical import _compile
from jdlint.context import Context
from jdlint.formats import parse
from jdlint.kinds.needles import few_places, needles, refused_before, starts
from jdlint.kinds.terms import CompiledTerms, _longest, _optional, _shared_part
from jdlint.language import COMMON_ZIPF, get_language
from jdlint.language.en import syllables as en_syllables
from jdlint.language.frequency import WordFrequencies
from jdlint.language.tables import CACHE_ENV, process_key, stable_key
from jdlint.nlp import get_pipeline
from jdlint.source import Source
from jdlint.tokens import ALPHA, LENGTH, LOWER, ORTH

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
    """The regexes of a rule's options, those the shipped catalog compiles on first use (Lazy) too."""
    for table in option_tables(value):
        if isinstance(table.get("regex"), list):
            yield from (p for p in table["regex"] if isinstance(p, re.Pattern | Lazy))


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
    for table in option_tables(value):
        patterns = table.get("patterns")
        if patterns and isinstance(patterns, list) and all(isinstance(p, list) for p in patterns):
            yield table


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
    assert few_places("x" * 640 + "under", {"under"}) == [640]
    assert few_places("no " * 100, {"no"}) is None
    assert few_places("short", {"sh"}) is None  # a text too short to save anything: the whole-text search
    assert few_places("x" * 640 + "aaa", ["a", "aa"]) == [640, 641, 642]  # overlapping, each offset once
    assert few_places("x" * 640 + "b a", ["zz", "a", "b"]) == [640, 642]  # merged in order


def test_few_places_are_every_place_a_start_begins_or_none():
    """few_places gives scan.places whenever it gives anything, and nothing only when the starts' places are more
    than the budget."""
    rng = random.Random(254)
    for _ in range(400):
        pieces = ["no ", "a", "under", "x" * 40, "b", "aa ", "Ünder "]
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        lower = text.lower()
        begins = rng.sample(["no", "a", "aa", "under", "b", "zz", "ünder"], rng.randint(1, 4))
        found = few_places(lower, begins)
        expected = start_places(lower, begins)
        if found is None:  # each start's places counted (two that begin at one offset are two tries)
            assert sum(len(start_places(lower, [begin])) for begin in begins) > len(lower) // 32
        else:
            assert found == expected


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
def test_syllables_counted_per_word_as_textstat_counts_them(text, textstat_count):
    assert en_syllables.syllable_count(text) == textstat_count(text)


@pytest.fixture
def textstat_count(monkeypatch):
    """textstat 0.7.13's own count_syllables, given jdlint's CMU table (textstat would download NLTK's) and pyphen
    itself."""
    import pyphen
    from textstat.backend.counts import _count_syllables

    from jdlint.language.en.lexicon import cmu_syllables

    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: cmu_syllables())
    monkeypatch.setattr(_count_syllables, "get_pyphen", lambda lang: pyphen.Pyphen(lang=lang))
    return lambda text: _count_syllables.count_syllables.__wrapped__(text, en_syllables.TEXTSTAT_LANG)


def test_syllables_of_generated_texts_are_textstats(textstat_count):
    """Words, marks, apostrophes, contractions, names and jargon the CMU dictionary lacks, letters of other scripts:
    the count is textstat's, text by text."""
    import textstat

    assert textstat.textstat._textstatistics__lang == en_syllables.TEXTSTAT_LANG
    generator = random.Random(601)
    pieces = ["the", "engineer", "Kubernetes", "can't", "don't", "it's", "we'll", "o'clock", "'quoted'", "rock'n'roll"]
    pieces += ["well-known", "5", "3.5", "naïve", "café", "Zyxqwv", "glorptastic", "’", "'", "-", "—", ".", ",", "!"]
    pieces += ["(", ")", "\n", " ", "  ", "\t", "straße", "ÉCOLE", "ﬁnance", "_", "a_b", "x'd", "'ve", "'re", "'ll"]
    texts = ["".join(generator.choice(pieces) + generator.choice(["", " "]) for _ in range(generator.randint(0, 30)))]
    texts += [" ".join(generator.choices(pieces, k=generator.randint(0, 40))) for _ in range(1500)]
    letters = "abcdefghijklmnopqrstuvwxyz'-éü"
    texts += [
        " ".join("".join(generator.choices(letters, k=generator.randint(1, 14))) for _ in range(20)) for _ in range(300)
    ]
    for text in texts:
        assert en_syllables.syllable_count(text) == textstat_count(text), text


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
    for table in option_tables(value):
        phrases = table.get("phrases")
        if isinstance(phrases, list) and all(isinstance(p, str) for p in phrases):
            yield from phrases


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
    for table in option_tables(value):
        phrases = table.get("phrases")
        if isinstance(phrases, list) and phrases and all(isinstance(p, str) for p in phrases):
            yield phrases


def test_physical_headings_found_only_where_one_begins():
    """A heading before a verb is looked for only where a heading's first letters occur, with the answer of a search
    of the stretch before it."""
    from jdlint.analyses.scan import places as heading_places

    compiled = _compile()
    assert compiled.heading_starts
    texts = [t for t in IDIOM_TEXTS if aligned(t, t.lower())]
    text = "\n".join(
        [*texts, "PHYSICAL DEMANDS: lift.", "Work environment - stand", "physical-requirements", "homework env"]
    )
    lower = text.lower()
    assert aligned(text, lower)
    places = heading_places(lower, compiled.heading_starts)
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


@pytest.mark.parametrize(("lang", "words"), [("en_US", "en"), ("de_DE", "de"), ("fr_FR", "fr")])
def test_hyphenation_points_are_pyphens(lang, words, monkeypatch):
    """Every word of wordfreq's common list for the language, its capitalised and upper-case forms, and generated
    strings of the language's letters get pyphen's points, with each pair of edges kept; the remembered runs of
    letters are cleared on the way (a small bound) without changing an answer."""
    import pyphen

    from jdlint.language import hyphenation
    from jdlint.language.frequency import _read

    monkeypatch.setattr(hyphenation, "MAX_WINDOWS", 5000)
    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    patterns, full = hyphenation._Patterns(path), pyphen.HyphDict(path)
    common = [word for bucket in _read("small", words) for word in bucket]
    generator = random.Random(len(common))
    letters = "abcdefghijklmnopqrstuvwxyzäöüßéèêàçœ.'-"
    generated = ["".join(generator.choices(letters, k=generator.randint(0, 24))) for _ in range(20_000)]
    samples = [*common, *(w.capitalize() for w in common[:3000]), *(w.upper() for w in common[:3000]), *generated]
    for word in samples:
        full.cache.clear()
        assert patterns.positions(word) == [int(p) for p in full.positions(word)], word
    for left, right in ((2, 2), (1, 1), (2, 3)):
        fast, slow = hyphenation.Hyphenator(patterns, left, right), pyphen.Pyphen(lang=lang, left=left, right=right)
        for word in samples[::7]:
            assert fast.positions(word) == slow.positions(word), word
            assert fast.inserted(word, hyphen="\n") == slow.inserted(word, hyphen="\n"), word


def test_german_syllables_are_those_of_pyphens_parts():
    """Every common German word, capitalised too, and hyphenated pairs: the parts cut at the points are those
    pyphen's inserted hyphens give."""
    import pyphen

    from jdlint.language.de.syllables import _VOWEL, word_syllables
    from jdlint.language.frequency import _read

    slow = pyphen.Pyphen(lang="de_DE", left=1, right=1)
    common = [word for bucket in _read("small", "de") for word in bucket]
    generator = random.Random(602)
    words = [*common, *(w.capitalize() for w in common[:5000])]
    words += [f"{generator.choice(common)}-{generator.choice(common)}" for _ in range(2000)] + ["a\nb", "", "x"]
    for word in words:
        parts = slow.inserted(word, hyphen="\n").split("\n")
        assert word_syllables(word) == max(1, sum(1 for part in parts if _VOWEL.search(part))), word


def test_hyphenation_dictionary_lines_are_read_as_pyphen_reads_them(tmp_path):
    """Lines pyphen skips (comments, settings, all zeros), a key on several lines (the last with values wins), hex
    escapes, values past a word's end and keys longer than the window, in a dictionary of their own."""
    import pyphen

    from jdlint.language import hyphenation

    lines = ["UTF-8", "LEFTHYPHENMIN 1", "% a comment", "# another", "", "  a1b  ", "b1c", "b0c", "1c", "2c",
             "abc", "c3d", "c0d", ".a2", "1b2c3d4e5f6g7h", "bcdefg1h", "^^e9t1", "x1y", "x123y", "9z", "cd1efghijk3",
             "e1f", "ab"]  # fmt: skip
    path = tmp_path / "hyph_test.dic"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    patterns, full = hyphenation._Patterns(path), pyphen.HyphDict(path)
    generator = random.Random(7)
    for word in ["abcdefghijk", "xy", "zz", "étude", "cdefghijklm", "a", ""] + [
        "".join(generator.choices("abcdefghijkxyz\u00e9t", k=generator.randint(0, 16))) for _ in range(5000)
    ]:
        full.cache.clear()
        assert patterns.positions(word) == [int(p) for p in full.positions(word)], word
    nonstandard = tmp_path / "hyph_odd.dic"
    nonstandard.write_text("UTF-8\nc1k/k=k,1,1\n", encoding="utf-8")
    with pytest.raises(hyphenation.Nonstandard):
        hyphenation._Patterns(nonstandard)


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


# pieces of text that make and break the seams JD140 looks for, in every character class a shape knows
_PIECES = [
    *("our", "team", "only", "the", "candidate", "in", "and", "clients", "managing", "x", "é", "ü"),
    *("We", "At", "Our", "The", "Health", "Chicago", "REMOTE", "USD", "LI", "A", "JS", "IO"),
    *("221", ",000", "4", ".5", "\u0663", "\uff18", "²", "$", "£", "€", "_", "-", "’", "'", "@", "/"),
    *(".", "!", "?", ":", ",", ";", " ", "\n", "(", ")", "#", "\u00a0", "\u2022"),
]


def _shape_texts(count: int = 4000) -> list[str]:
    generator = random.Random(19)
    return ["".join(generator.choices(_PIECES, k=generator.randint(1, 10))) for _ in range(count)]


def _glued_patterns(catalog) -> list[re.Pattern[str]]:
    rule = next(r for r in catalog.rules if r.code == "JD140" and r.language == "en")
    return [re.compile(p) for p in rule.options["settings"]["patterns"]] + [glued._CAMEL, glued._PUNCTUATION]


def test_a_text_without_a_patterns_shape_holds_no_match(catalog):
    """The shape test skips a regex only where it cannot match: over generated texts of every character class
    (non-ASCII digits, which \\d takes, among them), each with and without its neighbours joined."""
    patterns = [(pattern, requirements(pattern)) for pattern in _glued_patterns(catalog)]
    assert all(needs is not None for _, needs in patterns)  # each of JD140's regexes is skipped somewhere
    skipped = 0
    for text in _shape_texts():
        text_shape = shape(text)
        assert len(text_shape) == len(text)
        for pattern, needs in patterns:
            if not may_match(needs, text_shape):
                skipped += 1
                assert pattern.search(text) is None, (pattern.pattern, text)
    assert skipped > 10_000


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b([a-z]{2,})(We|Our)\b", {frozenset({b"aaAa"})}),
        (r"[a-z][.!?][A-Z]", {frozenset({b"a.A"}), frozenset({b"a!A"}), frozenset({b"a?A"})}),
        (r"\$?\d{2}k", {frozenset({b"99a"})}),
        (r"x(?i:y)z", {frozenset({b"a"})}),
    ],
)
def test_requirements_are_the_shapes_every_match_shows(pattern, expected):
    assert set(requirements(re.compile(pattern)) or ()) == expected


@pytest.mark.parametrize("pattern", [r"(?i)[a-z]{3}", r"\w+", r"(?:ab|\s)", r".*"])
def test_a_pattern_without_a_telling_shape_is_always_run(pattern):
    assert requirements(re.compile(pattern)) is None
    assert may_match(None, b"")


def test_every_lower_case_run_is_a_word_piece():
    """Each match of the lower-case run regex is one of the pieces the split finds, whatever surrounds it."""
    for text in _shape_texts():
        runs = {piece.decode() for piece in pieces(text) if glued._lower_run(piece)}
        assert {m.group() for m in glued._LOWER_RUN.finditer(text)} <= runs, text
        words = pieces(text)
        for match in re.finditer(r"\b[A-Za-z]\w*\b", text):
            if match.group().isascii():
                assert match.group().encode() in words, text  # a whole ASCII word is a piece


DICTIONARY_TEXTS = [
    "Our team builds tools. The team ships tools daily and the tools work.",
    "Wir suchen eine Arbeitszeit mit Kindergarten und Zusammenarbeit, und wir suchen dich.",
    "ourteam thecandidate workwith engineers engineers engineers",
    "",
]


def test_dictionary_share_counts_every_word_as_a_look_up_would():
    """The share counts each lower-case word once per occurrence, whether its verdict was just looked up or
    remembered from an earlier document."""
    pipeline = get_pipeline("blank", "en")
    for language in (get_language("en"), get_language("de")):
        for _ in range(2):  # the second pass answers from what the first remembered
            for text in DICTIONARY_TEXTS:
                context = Context(parse(Source("p.txt", text)), pipeline.make_doc(text), pipeline, language=language)
                rows = context.token_table()
                keys = rows[(rows[:, ALPHA] == 1) & (rows[:, LOWER] == 1) & (rows[:, LENGTH] > 2), ORTH].tolist()
                words = [context.doc.vocab.strings[key] for key in keys]
                expected = sum(word in language.words() for word in words) / len(words) if words else 1.0
                assert dictionary_share(context, language) == expected


def _possessive_long_way(text, settings, english):
    """(start, severity) of each common-noun possessive, every condition read at each s-form in turn."""
    found_all = []
    for found in apostrophes._COMMON_S_FORM.finditer(text):
        s_form, following = found.group(1), found.group(2)
        base, no_plural = s_form[:-1], set(settings["no_s_plural"])
        zb = english.common_frequency(base)
        if zb < 3.5 or not english.is_word(base) or not (zb < 6.0 or base in no_plural):
            continue
        zf = english.common_frequency(following)
        if following in settings["not_before"] or not COMMON_ZIPF <= zf < 6.0:
            continue
        previous = apostrophes._WORD_BEFORE.search(text, max(0, found.start() - 40), found.start())
        before = previous.group(1).lower() if previous else ""
        misspelt = apostrophes._CONSONANT_Y.search(base) is not None or base in no_plural
        if misspelt and english.frequency(s_form) <= zb - 2.0:
            found_all.append((found.start(1), "warning" if before in settings["determiners"] else "info"))
        elif before in settings["singular_determiners"] and english.common_frequency(s_form) <= zb:
            found_all.append((found.start(1), "info"))
    return found_all


def test_s_forms_left_at_once_are_never_possessives(catalog):
    """Each s-form's verdict, remembered once, leaves out only s-forms no context makes a possessive: over
    plurals, misspellings and irregular nouns after every kind of word, the matches are those of the long way."""
    rule = next(r for r in catalog.rules if r.code == "JD112" and r.language == "en")
    settings, english = rule.options["settings"], get_language("en")
    pipeline = get_pipeline("blank", "en")
    s_forms = ["companys", "citys", "teams", "sales", "news", "mens", "todays", "skills", "peoples", "clients"]
    s_forms += ["everyones", "womens", "thats", "countrys", "goals", "learnings", "needs", "policys", "bus"]
    lead = ["our", "each", "every", "the", "and", "We track", "", "1.", "Each"]
    tail = ["mission", "goals", "best", "and", "are", "team", "work", "the", "list"]
    texts = [f"{a} {s} {b} today." for a in lead for s in s_forms for b in tail]
    texts.append(" ".join(texts))
    reported = 0
    for _ in range(2):  # the second pass answers from the remembered verdicts
        for text in texts:
            context = Context(parse(Source("p.txt", text)), pipeline.make_doc(text), pipeline, language=english)
            matches = apostrophes._common_noun_possessives(context, rule, english, set(settings["not_before"]))
            expected = _possessive_long_way(text, settings, english)
            assert [(m.span.start, m.severity.value) for m in matches] == expected, text
            reported += len(expected)
    assert reported > 100


def test_a_text_without_a_dotted_domain_holds_no_host(catalog):
    """JD130 leaves a posting whose lower-cased text has no dot before a listed top-level domain: no host ending
    in one is there, over generated addresses of every case and neighbour."""
    rule = next(r for r in catalog.rules if r.code == "JD130" and r.language == "en")
    tlds = set(rule.options["settings"]["tlds"])
    generator = random.Random(130)
    pieces = ["careers", "Pinterest", "jobs", "HR", ".", ".com", ".CO", ".uk", ".io", ".x", "-", "@", "/", " ", "e.g"]
    pieces += ["\u212a", "\u017f", "\u0131", "\u0130", "é", "2", "_", ".In", "apply", "Co", "(at)", "\n"]
    pieces += [".\u0131o", ".u\u017f", ".\u212aa"]
    left = 0
    for _ in range(4000):
        text = "".join(generator.choices(pieces, k=generator.randint(1, 9)))
        hosts = [m for m in contacts._HOST.finditer(text) if m.group(2).rsplit(".", 1)[-1].lower() in tlds]
        if not contacts._may_hold_host(text.lower(), tlds):
            left += 1
            assert not hosts, text
    assert left > 1000


def test_a_split_not_wanted_is_dropped_before_the_words_frequency_is_read():
    """split_word and seam_split with `wanted` give what they give without it, filtered by it afterwards."""
    english = get_language("en")
    runs = ["ourteam", "thecandidate", "workwith", "onboarding", "andor", "workforce", "inchicago", "teamhr"]
    runs += ["cannot", "healthcare", "whiteboard", "benefitshealth", "clientsmanaging", "myteam", "anhour"]
    seams = [("in", "Chicago"), ("clients", "managing"), ("Linked", "In"), ("my", "Case"), ("hr", "Team")]
    seams += [("benefits", "Health"), ("i", "Phone"), ("our", "Team"), ("work", "Force")]
    for wanted in (glued._may_report, glued._may_report_camel, glued._may_report_punctuation):
        for run in runs:
            split = split_word(run, english, max_parts=2)
            expected = split if split and wanted(split.parts, split.zipfs) else None
            assert split_word(run, english, max_parts=2, wanted=wanted) == expected, run
        for left, right in seams:
            split = seam_split(left, right, english)
            expected = split if split and wanted(split.parts, split.zipfs) else None
            assert seam_split(left, right, english, wanted) == expected, (left, right)


def test_only_splits_that_may_be_reported_are_wanted():
    """The `wanted` tests ask no more than what decides a report: over every mix of part lengths, frequencies and
    the run's own frequency, a split they leave out would get no severity (lower-case runs) or no seam (camel)."""
    zipfs = [0.0, 3.0, 3.4, 3.5, 3.9, 4.0, 4.4, 4.5, 4.9, 5.0, 5.9, 6.0, 7.0]
    for parts in [("in", "team"), ("our", "hr"), ("work", "with"), ("an", "at")]:
        for first in zipfs:
            for second in zipfs:
                for joined in (0.0, 1.0, 3.5):
                    split = Split(parts, (first, second), joined)
                    if glued._severity(split) is not None:
                        assert glued._may_report(split.parts, split.zipfs), split
                    if glued._camel_seam(split):
                        assert glued._may_report_camel(split.parts, split.zipfs), split
                    if not glued._short_abbreviation(split):
                        assert glued._may_report_punctuation(split.parts, split.zipfs), split


def test_a_rare_word_looked_for_in_the_lists_has_the_frequency_the_table_gives(monkeypatch):
    """Without a cache of built tables, the first rare words are found by scanning wordfreq's large lists, later ones
    in the table built from them: both give each word its most frequent listing, and 0.0 to a word not listed; a
    stored table gives the same."""
    monkeypatch.setenv(CACHE_ENV, "")
    words = ["onboarding", "runbooks", "workstreams", "zzqxv", "pinterest", "the", "ourteam", "thecandidate"]
    words += ["kubernetes", "fintech", "upskilling", "andor", "teammates", "nonprofit", "qwertyuiop", "whiteboard"]
    scanning = WordFrequencies("en")
    scanned = [scanning.zipf(word) for word in words]
    assert "_large" in scanning.__dict__  # more rare words than it scans for: the table was built after all
    table = WordFrequencies("en")
    _ = table.words()
    assert scanned == [table.zipf(word) for word in words]
    assert scanned[words.index("onboarding")] > 0.0 and scanned[words.index("zzqxv")] == 0.0
    monkeypatch.undo()  # the test run's own cache folder (conftest.py)
    stored = WordFrequencies("en")
    assert scanned == [stored.zipf(word) for word in words]
    assert "_large" in stored.__dict__ and "_large_lists" not in stored.__dict__


def test_two_word_splits_are_those_of_the_viterbi_search():
    """Splits into at most two words take one pass over the cuts: the same parts and the same score as the
    Viterbi search, over words, two words joined and pieces of words, with and without parts ruled out."""
    english = get_language("en")
    generator = random.Random(140)
    words = ["our", "team", "the", "candidate", "work", "with", "in", "on", "boarding", "and", "or", "force"]
    words += ["health", "care", "white", "board", "an", "hour", "teammates", "workstreams", "a", "is", "un", "able"]
    runs = words + [generator.choice(words) + generator.choice(words) for _ in range(3000)]
    runs += [generator.choice(words)[1:] + generator.choice(words)[:-1] for _ in range(1000)]
    for not_parts in ((), frozenset({"un", "able", "ing", "re"})):
        for run in runs:
            fast = segmentation._best_two_word_split(run, english, 2, not_parts)
            assert fast == segmentation._viterbi(run, english, 2, 2, not_parts), run


def test_the_part_many_needles_share_stands_for_them_all(catalog):
    """A text without the part every needle holds has none of the needles; single letters are not used."""
    assert _shared_part(frozenset({"chevron_right", "expand_more", "more_vert"})) == "_"
    assert _shared_part(frozenset({"keyboard_arrow_up", "keyboard_arrow_down"})) == "keyboard_arrow_"
    assert _shared_part(frozenset({"degree", "bachelor"})) is None  # only "e" is shared
    assert _shared_part(frozenset({"only"})) is None
    shared = 0
    for pattern in {p for rule in catalog.rules for p in _regexes(rule.options)}:
        found = needles(pattern)
        part = _shared_part(found)
        if part is not None:
            shared += 1
            assert all(part in needle for needle in found)
    assert shared >= 1


def test_a_text_without_a_mojibake_start_has_no_repair():
    """JD101's one pass over the text leaves only texts where no line has a suspect character or a residue."""
    generator = random.Random(101)
    pieces = ["We", "â€™", "re", "Ã©", "\u00c2 ", "\u00c2\u00a0", "\x85", "’", "“", "”", "™", "s", " ", "\n", "é", "ü"]
    pieces += ["\u2013", "caf", "ß", "ô", "\u00f5", "\u00c1", "x", "€", "•", "\u0131"]
    left = 0
    for _ in range(4000):
        text = "".join(generator.choices(pieces, k=generator.randint(1, 8)))
        if not characters._may_hold_mojibake(text):
            left += 1
            assert characters._SUSPECT.search(text) is None and characters._residues(text, 0) == [], text
    assert left > 200


def test_remembered_splits_belong_to_their_settings(catalog):
    """Two settings tables linted with one pipeline keep their own remembered splits ("andor" is "and/or" only
    where the slash pair is listed)."""
    rule = next(r for r in catalog.rules if r.code == "JD140" and r.language == "en")
    with_slash = rule.options["settings"]
    without_slash = {**with_slash, "slash_pairs": []}
    pipeline, english = get_pipeline("blank", "en"), get_language("en")
    text = "Skills in Python andor R and ourteam."
    for _ in range(2):
        for settings, expected in ((with_slash, "and/or"), (without_slash, "and or")):
            context = Context(parse(Source("p.txt", text)), pipeline.make_doc(text), pipeline, language=english)
            seams = {text[start:end]: fixed for start, end, fixed, _ in glued._lower_case_joins(context, settings)}
            assert seams == {"andor": expected, "ourteam": "our team"}


@pytest.mark.parametrize("language", ["en", "de", "fr"])
@pytest.mark.parametrize("key", [process_key, stable_key])
def test_hashed_large_table_answers_as_a_dict_of_the_lists_would(language, key):
    """The large lists are held as sorted hashes (Python's in a process of its own, BLAKE2b's when stored); every
    listed word and near-misses get a dict's answers."""
    from jdlint.language.frequency import _ranked, _read

    lists = _read("large", language)
    expected: dict[str, float] = {}
    for i in range(len(lists) - 1, -1, -1):  # a word listed twice keeps its best (lowest) list
        expected.update(dict.fromkeys(lists[i], i))
    raw = _read("large", language, raw=True)  # what the table is built from: the words' UTF-8 bytes
    assert [[word.decode("utf-8") for word in bucket] for bucket in raw] == lists
    table = _ranked(raw, key)
    rng = random.Random(len(expected))
    sample = rng.sample(sorted(expected), 20_000)
    unlisted = [w + suffix for w in sample for suffix in ("q", "\u00e9", "\u7231")] + ["", "\ud800", "1r\u7231"]
    for word in [*sample, *unlisted]:
        assert table.get(word, -1) == expected.get(word, -1), word
        assert (word in table) == (word in expected), word
    # the same two bytes in different string widths: CPython's str hash would give these one key
    assert table.get("\u7231", -1) == expected.get("\u7231", -1)
    assert table.get("1r", -1) == expected.get("1r", -1)


@pytest.mark.parametrize("key", [process_key, stable_key])
def test_a_word_listed_twice_keeps_its_most_frequent_listing(key):
    from jdlint.language.frequency import _ranked

    buckets = [[b"and", b"team"], [b"team", b"role"], [b"and"], [b"rare", b"role"]] + [
        [str(i).encode()] for i in range(50)
    ]
    table = _ranked(buckets, key)
    assert [table.get(word, -1) for word in ("and", "team", "role", "rare", "0", "49", "absent")] == [
        0,
        0,
        1,
        3,
        4,
        53,
        -1,
    ]


def _research_word_by_word(document):
    """The research lexicon's analysis as it was first written: every word of the text looked up in turn."""
    from jdlint.analyses import gender_coding as gc

    _, phrase_re, scoped, begins = gc._exceptions()
    spared = gc._spared(phrase_re, document.text.lower(), begins) if phrase_re else []
    words = []
    for match in gc._WORD.finditer(document.text):
        for offset, word, terms in gc._coded_pieces(match.group().lower()):
            start = match.start() + offset
            end = start + len(word)
            if any(s <= start and end <= e for s, e in spared):
                continue
            segment = document.segment_at(start)
            scope = segment.scope if segment else None
            for term in terms:
                if not any(scope in scopes and term.raw in stems for scopes, stems in scoped):
                    words.append(gc.CodedWord(start, end, word, term.raw, term.side))
                    break
    return words


def test_gender_coded_words_placed_as_a_walk_over_every_word_places_them():
    """The research analysis looks up each distinct word once and places the coded ones by substring search: the
    same words at the same places as a lookup of every word in turn, whatever glues, hyphens or case surround them."""
    from jdlint.analyses import gender_coding as gc

    rng = random.Random(210)
    coded = ["lead", "leader", "Leading", "competitive", "ambitious", "self-confident", "support", "dominant"]
    plain = ["the", "team", "a", "misleading", "leaders", "supportive", "x", "ARE", "competitively", "co", "salary"]
    plain += ["compensation", "time", "Decision", "trees", "active", "Directory", "to", "objective", "c", "gen"]
    plain += ["competitive salary", "Lead Time", "monthly active users", "objective-c", "lead-gen", "sales leads"]
    glue = [" ", "-", "--", " -", "- ", ", ", ".", "", "é", "1", "_", "'", "\n", "K", "İ"]
    texts = ["", "lead", "lead-lead lead--lead -lead lead- a-lead-b", "x-lead leadx xlead lead-x-lead"]
    for _ in range(400):
        parts = [rng.choice(coded + plain) for _ in range(rng.randint(1, 14))]
        texts.append("".join(part + rng.choice(glue) for part in parts))
    spared = 0
    _, phrase_re, _, begins = gc._exceptions()
    for text in texts:
        document = parse(Source("t.txt", text))
        assert gc._research(document).words == _research_word_by_word(document), text
        lower, distinct = text.lower(), set(gc._WORD.findall(text))
        everywhere = gc._spared(phrase_re, lower, begins)
        assert gc._spared(phrase_re, lower, gc._begins_present(text, lower, distinct)) == everywhere, text
        spared += bool(everywhere)
    assert spared > 50  # the texts hold exception phrases


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\d+ years", set("0123456789")),
        (r"(?i)\b(?:\d{1,2}|one|two)\s+years?", {*"0123456789", "one", "two"}),
        (r"\+?\d[\d ]{7,}\d", {"+", *"0123456789"}),
        (r"[^\D]x", None),  # a negated class: left out
        (r"\w\d", None),
    ],
)
def test_digit_starts_read_a_digit_as_the_ten_ascii_digits(pattern, expected):
    assert starts(re.compile(pattern), digits=True) == (None if expected is None else frozenset(expected))
    assert starts(re.compile(pattern)) is None


def test_ascii_digits_finds_any_other_digit():
    from jdlint.kinds.needles import ascii_digits

    assert ascii_digits("") and ascii_digits("5 years") and ascii_digits("café 5 “years”, ½ ² Ⅻ")
    assert not ascii_digits("\u0663 years") and not ascii_digits("café \uff15 years")


def test_digit_led_regexes_match_alike_when_tried_only_at_their_digit_starts(catalog):
    """Every catalog regex that opens with \\d is tried at the ASCII digits and its other starts only, in a text
    whose digits are all ASCII: the matches of a search of the whole text, and a text with another digit is
    searched whole."""
    from jdlint.kinds.needles import ascii_digits

    rng = random.Random(303)
    texts = [t for rule in catalog.variants for t in (*rule.examples_fail, *rule.examples_pass)]
    words = ["5", "10", "123", "one", "Two", "ten", "years", "year's", "of", "experience", "max", "maximum", "at most"]
    words += ["or less", "(", "\u0663", "x1", "no more than", "+", "2 years", "experience max.", "-"]
    for _ in range(300):
        texts.append("".join(rng.choice(words) + rng.choice([" ", "", "  ", "\n", ", "]) for _ in range(12)))
    pipeline = get_pipeline("blank", "en")
    tried = 0
    for pattern in {p for rule in catalog.variants for p in _regexes(rule.options)}:
        begins = starts(pattern, digits=True)
        if starts(pattern) is not None or begins is None:
            continue
        tried += 1
        terms = CompiledTerms({"regex": [pattern]}, pipeline)
        for text in texts[-40:]:  # the term set's own search, with its test of the digits
            found = [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]
            assert [(s, e) for s, e, _ in terms.find(pipeline.make_doc(text), text)] == found, text
        for text in texts:
            lower = text.lower()
            if aligned(text, lower) and ascii_digits(text):
                expected = [m.span() for m in pattern.finditer(text)]
                assert [m.span() for m in finditer_from(pattern, text, lower, begins)] == expected, pattern.pattern
    assert tried >= 2


def test_substrings_found_in_one_pass_are_those_in_finds():
    """Substrings.found_in answers as `string in text` for each string: overlapping ones, one a prefix or a part of
    another, repeated, beyond ASCII; a text with a lone surrogate (the automaton cannot read it) is None."""
    from jdlint.analyses.scan import Substrings

    strings = ["go", "goe", "goes", "oe", "e", "the", "he", "ab", "bab", "é", "ñu", "日本", "x y"]
    found = Substrings(strings)
    assert found.found_in("goes") == {"go", "goe", "goes", "oe", "e"}
    assert found.found_in("babab") == {"ab", "bab"}
    assert found.found_in("") == set() and Substrings([]).found_in("anything") == set()
    assert found.found_in("the \ud800 goes") is None
    rng = random.Random(7)
    alphabet = "abeghostyé ñu日本"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert found.found_in(text) == {s for s in strings if s in text}, text


def test_an_idiom_is_compiled_only_where_it_may_match():
    """An idiom is left (its pattern never compiled) only in a text where it has no match: none of its needles, or
    no phrase with all its words, whatever the case, gaps, endings and apostrophes (in a text lower-casing keeps
    aligned; elsewhere the needles alone decide, as before)."""
    from jdlint.analyses.scan import Substrings
    from jdlint.checks.ableist import _COMPILED, _may_match

    rng = random.Random(313)
    every = idioms()
    needles = Substrings(n for idiom in every for n in idiom.needles)
    words = sorted({w for idiom in every for words in idiom.spelled for w in words} | {"the", "a", "eye", "ears"})
    phrases = [
        re.sub(r"(?<=\w)'(?=\w)", "’", p)
        for p in (m.group() for t in IDIOM_TEXTS for m in re.finditer(r"\w[\w ’'-]+", t))
    ]
    texts = list(IDIOM_TEXTS)
    for _ in range(300):
        parts = [rng.choice(words + phrases) for _ in range(rng.randint(1, 8))]
        text = "".join(part + rng.choice([" ", "-", "", "s ", "ies ", "’s ", "\n"]) for part in parts)
        texts.append(text.upper() if rng.random() < 0.2 else text)
    skipped = 0
    for text in texts:
        lower = text.lower()
        exact = aligned(text, lower)
        present = needles.found_in(lower)
        for idiom in every:
            _COMPILED.clear()  # (a compiled idiom is searched wherever its needles occur)
            may = _may_match(idiom, lower, exact, present)
            _COMPILED.clear()
            assert may == _may_match(idiom, lower, exact, None), (idiom.needles, text)  # the automaton's = `in`'s
            if not may:
                skipped += 1
                if exact:
                    assert not idiom.pattern.search(text), (idiom.pattern.pattern[:60], text)
                else:  # only the needles decide, as they always have
                    assert not any(needle in lower for needle in idiom.needles)
    assert skipped > 1000


def test_word_index_gives_each_words_places_in_order():
    """The term sets' word index (one sort of the words) gives what a dictionary of every word's places gives."""
    import numpy

    from jdlint.kinds.terms import _WordIndex

    rng = random.Random(112)
    for size in [0, 1, 2, 5, 40, 700]:
        words = [rng.choice([3, 2**63 + 5, 2**64 - 1, 17, 2**62, rng.getrandbits(64)]) for _ in range(size)]
        index = _WordIndex(numpy.array(words, dtype=numpy.uint64))
        where: dict[int, list[int]] = {}
        for at, word in enumerate(words):
            where.setdefault(word, []).append(at)
        assert index.present == set(where)
        for word, places in where.items():
            assert index.places(word) == places and index.count(word) == len(places)


def test_more_needles_are_the_other_parts_every_match_spells():
    from jdlint.kinds.needles import more_needles

    pattern = re.compile(r"(?i)\b(?:\d{1,2}|one|two)\s+years?\s+of\s+experience\s+(?:max|at\s+most|or\s+less)\b")
    assert needles(pattern) == frozenset({"experience"})
    assert more_needles(pattern, needles(pattern)) == (frozenset({"year"}), frozenset({"max", "most", "less"}))
    assert more_needles(re.compile("abc"), needles(re.compile("abc"))) == ()
    assert more_needles(re.compile(r"\d+ \w"), None) == ()


def test_a_text_without_one_of_each_needle_set_holds_no_match(catalog):
    """A catalog regex is left in a text missing all of one of its needle sets: no search of the whole text finds a
    match there, on the catalog's examples and texts made of the sets' strings."""
    from jdlint.kinds.needles import more_needles

    rng = random.Random(302)
    examples = [t for rule in catalog.variants for t in (*rule.examples_fail, *rule.examples_pass)]
    left = 0
    for pattern in {p for rule in catalog.variants for p in _regexes(rule.options)}:
        more = more_needles(pattern, needles(pattern))
        if not more:
            continue
        strings = sorted({s for found in (needles(pattern) or frozenset(), *more) for s in found})
        texts = [*examples]
        for _ in range(40):
            texts.append(" ".join(rng.choice([*strings, "5", "25", "the", "a", "-", ":"]) for _ in range(8)))
        for text in texts:
            lower = text.lower()
            if aligned(text, lower) and any(not any(n in lower for n in found) for found in more):
                left += 1
                assert not pattern.search(text), (pattern.pattern, text)
    assert left > 1000


_EN_BLOCK = (
    "The team builds tools for the people who plan our routes, and you will work with them from the first day. "
    "We are a small group that cares about clear code and calm weeks."
)
_DE_BLOCK = (
    "Sie arbeiten mit unserem Team in Berlin an neuen Werkzeugen für die Planung der Lieferungen. "
    "Gute Kenntnisse in Python sind wichtig; the rest you learn with us."
)
_FR_BLOCK = (
    "Vous travaillerez avec notre équipe de Lyon sur les outils de planification des livraisons, "
    "avec beaucoup de liberté and the support of your colleagues."
)


@pytest.mark.parametrize(
    "blocks",
    [
        (_EN_BLOCK, _DE_BLOCK, _FR_BLOCK),
        (_DE_BLOCK, _FR_BLOCK, _EN_BLOCK, _DE_BLOCK),
        (_FR_BLOCK, _DE_BLOCK + " URL: https://example.com/a/b", _DE_BLOCK + " URL: https://example.org/c"),
    ],
)
def test_no_text_is_asked_of_lingua_twice_and_the_answers_are_the_uncached_ones(blocks, monkeypatch):
    # the German and French blocks lean too little for their markers alone: the posting's language and the
    # screening of its blocks both need lingua's answer for them (and blocks differing only in an address are
    # the same text to lingua)
    from jdlint.language import detect

    document = parse(Source("posting", "\n\n".join(blocks), format="text"))
    real = detect._detector()
    sent: list[str] = []

    class Counting:
        def compute_language_confidence_values(self, text):
            sent.append(text)
            return real.compute_language_confidence_values(text)

    detect.detect.cache_clear()
    detect._lingua.cache_clear()
    monkeypatch.setattr(detect, "_detector", Counting)
    language = detect.resolve(document, "en")
    cached = (language, detect.foreign_blocks(document, language.code))
    assert len(sent) >= 2 and len(set(sent)) == len(sent)
    monkeypatch.setattr(detect, "detect", detect.detect.__wrapped__)
    monkeypatch.setattr(detect, "_lingua", detect._lingua.__wrapped__)
    language = detect.resolve(document, "en")
    assert cached == (language, detect.foreign_blocks(document, language.code))
    assert len(sent) > len(set(sent))  # the long way asks again


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<![A-Za-z0-9_\[\]*#@$%!])s\[?h", "".join(sorted(WORD + "[]*#@$%!"))),
        (r"(?<!\w)cat", WORD),
        (r"(?<!-)cat", "-"),
        (r"(?<![é-])cat", "-"),  # beyond ASCII left out: refusing fewer only tries more places
        (r"(?<![^a-z])cat", None),
        (r"(?<=\s)cat", None),
        (r"\bcat", WORD),  # \b before a word character: no word character before it
        (r"(?i)\b(?:m|women)\s*/", WORD),
        (r"\b(?:-x|cat)", None),  # \b before "-" asks for a word character before it
        (r"\b[a-z]+", None),
        (r"cat(?<!x)", None),
    ],
)
def test_refused_before_reads_an_opening_look_behind(pattern, expected):
    assert refused_before(re.compile(pattern)) == expected


def test_term_regexes_tried_at_words_find_what_a_whole_search_finds(catalog):
    """Every catalog regex opening with a look-behind, tried only at the words `word_places` finds, matches as its
    own finditer does over the examples and many generated texts (masked letters, brackets, joined words)."""
    rng = random.Random(19)
    texts = [t for rule in catalog.rules for t in (*rule.examples_fail, *rule.examples_pass)]
    bases = ["shit", "damn", "fuck", "bitch", "asshole", "bastard", "bullshit", "goddamn", "cat", "sh", "as", "st"]
    bases += ["m", "f", "w", "d", "v", "/", "women", "no", "more", "than", "in", "your", "at", "most", "equal"]
    joins = [" ", "", "-", ".", "x", "_", "0", "é", "\n", "(", "'", "[", "*", "Ü"]

    def word() -> str:
        letters = [rng.choice("*#@$%!") if rng.random() < 0.2 else c for c in rng.choice(bases)]
        if rng.random() < 0.2:
            at = rng.randrange(len(letters))
            letters[at] = f"[{letters[at]}]"
        spelt = "".join(letters)
        return spelt.upper() if rng.random() < 0.2 else spelt

    texts += ["".join(rng.choice(joins) + word() for _ in range(rng.randint(1, 6))) for _ in range(2000)]
    patterns = {p for rule in catalog.rules for p in _regexes(rule.options)}
    tried = matched = 0
    for pattern in patterns:
        begins, before = starts(pattern), refused_before(pattern)
        if not (begins and before and all(s.isascii() for s in begins)):
            continue
        tried += 1
        for text in texts:
            lower, letters = text.lower(), Letters(text)
            if not (aligned(text, lower) and letters.plain):
                continue
            fast = matches_at_starts(pattern, text, lower, tuple(begins), word_places(letters, begins, before))
            whole = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in fast] == whole, (pattern.pattern, text)
            matched += len(whole)
    assert tried >= 5 and matched > 100, (tried, matched)
