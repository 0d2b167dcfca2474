"""Which language a posting, and each block of it, is written in.

A posting's language comes from the first of: the user's `--language` (forced for every posting), its front
matter (`lang`, `language`), its `<html lang>`, its export record's language field, the text itself, and last the
config's `language`. Detection runs only when nothing declares the language. A count of common function words
answers at once for a text that is plainly English (the usual case, so an English run pays almost nothing);
anything else goes to lingua (lingua-language-detector: models in its wheel, nothing fetched), loaded the first
time a posting needs it, restricted to DETECTABLE and trusted only above CONFIDENT; below that the config's
language stands. `foreign_blocks` finds the paragraphs of a posting written in another language, so rules with
data for one language stay out of them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..document import Document
from . import language_code

FORCED, FRONT_MATTER, HTML, RECORD, DETECTED, CONFIG = "option", "front-matter", "html", "record", "detected", "config"
RECORD_KEY = "record_language"  # Document.metadata key of an export record's language field (records.Fields)
# English, German and French (jdlint's languages), the European languages a posting is most often written in
# besides (so a Spanish, Dutch or Swedish posting is called what it is rather than its nearest neighbour, and
# gets no other language's rules), and a few in other scripts, which lingua tells apart by their letters at once
DETECTABLE = (
    *("en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "nb", "fi", "cs", "ro", "hu", "tr", "el"),
    *("vi", "ru", "uk", "ar", "he", "hi", "ja", "ko", "zh"),
)
CONFIDENT = 0.8  # lingua's relative confidence (the values sum to 1) below which the text is undetermined
MIN_LETTERS = 40  # fewer letters than this, counting each different word once, say nothing about a language
MIN_WORDS = 5  # nor do fewer different lower-case words (a German posting's nouns are capitalised; its others not)
SAMPLE = 400  # characters per window read by lingua: three windows (start, middle, end) of the prose
PROSE = ("paragraph", "list_item", "heading")
# Very common function words that mark one language. Source: each is among the 300 most frequent words of its
# language in wordfreq's lists (wordfreq 3, Apache-2.0, data CC BY-SA 4.0; tests/test_detection.py checks it) and,
# for the other languages, not among English's 2,000 ("per", "do", "van", "los" are left out). They settle plain
# English without lingua and screen blocks.
_MARKERS = {
    "en": "the and of to with you your our will are this that have from who be we for is",
    "de": "und der das ist mit für wir sie ein eine einen zu auf bei von den dem nicht oder auch werden ihre "
    "unsere du dich deine im uns sind als wie wird",
    "fr": "le les et des un une vous nous est pour dans avec du au aux votre notre sur qui sont être par ce "
    "cette vos nos",
    "es": "el las del para con una por su sus nuestro nuestra es se como lo",
    "it": "il di che gli della del nel sono è alla delle",
    "nl": "het een je jij wij zijn voor op niet ook naar bij onze jouw wordt",
    "pt": "os um uma não para você nosso nossa da dos das em é",
    "pl": "się nie jest oraz dla że jak ze od na",
    "sv": "och att för med av är som vi på har inte",
    "da": "og til af med er som vi på har ikke det",
}
_WORDS = {code: frozenset(words.split()) for code, words in _MARKERS.items()}
_OWNER: dict[str, tuple[str, ...]] = {}
for _code, _set in _WORDS.items():
    for _word in _set:
        _OWNER[_word] = (*_OWNER.get(_word, ()), _code)
_WORD = re.compile(r"[^\W\d_]+")
_LETTERS = bytes(b if chr(b).isalpha() and b < 128 else 32 for b in range(256))  # others become spaces
_ASCII_OWNER = {word.encode(): codes for word, codes in _OWNER.items() if word.isascii()}
_NOT_PROSE = re.compile(r"\S*(?:://|www\.|@)\S*")  # addresses: a URL's path words are no language
PLAIN = 12  # marker words of one language a text must hold, nine in ten of all its markers, to be plainly it
SCREEN = 3  # marker words of another language that make a block worth asking lingua about


NAMES = {  # every DETECTABLE language (a declared code outside them is shown as the code)
    **{"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch"},
    **{"pt": "Portuguese", "pl": "Polish", "sv": "Swedish", "da": "Danish", "nb": "Norwegian", "fi": "Finnish"},
    **{"cs": "Czech", "ro": "Romanian", "hu": "Hungarian", "tr": "Turkish", "el": "Greek", "vi": "Vietnamese"},
    **{"ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "he": "Hebrew", "hi": "Hindi", "ja": "Japanese"},
    **{"ko": "Korean", "zh": "Chinese"},
}


def language_name(code: str) -> str:
    """A reader's name for a language code (the code itself when jdlint has no name for it)."""
    return NAMES.get(code, code)


@dataclass(frozen=True)
class PostingLanguage:
    code: str  # ISO 639-1
    source: str  # FORCED, FRONT_MATTER, HTML, RECORD, DETECTED or CONFIG


def markers(text: str) -> Counter[str]:
    """How many marker words of each language the text holds."""
    lower = text.lower()
    if lower.isascii():  # most blocks: the same words, split in C (in ASCII a letter is a-z)
        return Counter(
            [code for word in lower.encode().translate(_LETTERS).split() for code in _ASCII_OWNER.get(word, ())]
        )
    return Counter([code for word in _WORD.findall(lower) for code in _OWNER.get(word, ())])


def plainly(counts: Counter[str]) -> str | None:
    """The language the markers leave no doubt about: English only (a language missing from the marker lists
    could look like one that has them, and English is the case that must stay cheap)."""
    english = counts["en"]
    return "en" if english >= PLAIN and english * 10 >= 9 * sum(counts.values()) else None


@cache
def _detector() -> Any:
    """lingua's detector for DETECTABLE, built on first use; its models load lazily, language by language."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*(IsoCode639_1.from_str(c) for c in DETECTABLE))
    return builder.with_low_accuracy_mode().build()


def load_models() -> None:
    """Build the detector and load the models of the DETECTABLE languages written in Latin letters now (asking about
    a Latin word loads them all; another script's load when a text in it comes), for a warm-up: a server's first
    non-English posting would otherwise wait for them, and forked batch workers share the parent's copy instead of
    each loading one."""
    _detector().compute_language_confidence_values("jdlint")


# a text's answer depends on the text alone: kept, so a block the posting's language was read from is not asked of
# lingua again when its blocks are screened, nor a block that many postings share (a footer, a label)
@lru_cache(maxsize=2048)
def detect(text: str) -> str | None:
    """The language of a stretch of text, or None when it is too short or lingua is not confident enough."""
    # each different word counted once, and some of them lower-case (or caseless) prose words: a list of names and
    # acronyms ("Python, SQL, Kubernetes") or the same word over and over ("lol lol lol") reads as any language
    words = {word.lower() for word in _WORD.findall(text)}
    lower = sum(1 for word in set(_WORD.findall(text)) if word == word.lower())
    if lower < MIN_WORDS or sum(map(len, words)) < MIN_LETTERS:
        return None
    found = plainly(markers(text))
    if found:
        return found
    return _lingua(_NOT_PROSE.sub(" ", text))


@lru_cache(maxsize=2048)  # texts that differ only in their addresses ("URL: ...") are asked once
def _lingua(text: str) -> str | None:
    values = _detector().compute_language_confidence_values(text)
    if not values or values[0].value < CONFIDENT:
        return None
    return str(values[0].language.iso_code_639_1.name.lower())


def _block_markers(document: Document) -> list[tuple[int, int, Counter[str]]]:
    """Each prose block's extracted-text range and marker counts, counted once per document (the posting's
    language and its blocks' are read from the same counts)."""
    cached = document.__dict__.get("_block_markers")
    if cached is None:
        text = document.text
        cached = [(s.start, s.end, markers(text[s.start : s.end])) for s in document.segments if s.scope in PROSE]
        document.__dict__["_block_markers"] = cached
    return cached


def _prose(document: Document) -> str:
    text = document.text
    blocks = [text[s.start : s.end] for s in document.segments if s.scope in PROSE]
    return "\n".join(blocks) if blocks else text


def _sample(prose: str) -> str:
    """Three windows of the prose (start, middle, end): a long posting's language without reading all of it."""
    if len(prose) <= 3 * SAMPLE:
        return prose
    middle = len(prose) // 2 - SAMPLE // 2
    return "\n".join((prose[:SAMPLE], prose[middle : middle + SAMPLE], prose[-SAMPLE:]))


def detect_document(document: Document) -> str | None:
    """The posting's language from its prose: plain English from the blocks' marker counts; else the language
    holding the most of the prose, each block told by its markers when they lean clearly, by lingua otherwise
    (lingua reads a mixture by its most distinctive words: an English posting with a German paragraph would be
    called German); lingua on a sample when no block says."""
    blocks = _block_markers(document)
    total: Counter[str] = Counter()
    for *_, counts in blocks:
        total.update(counts)
    found = plainly(total)
    if found:
        return found
    text = document.text
    letters: Counter[str] = Counter()
    for start, end, counts in blocks:
        code = _leaning(counts) or detect(text[start:end])
        if code:
            letters[code] += end - start
    if letters:
        return letters.most_common(1)[0][0]
    return detect(_sample(_prose(document)))


def _leaning(counts: Counter[str]) -> str | None:
    """The language a block's marker words name with no doubt: at least SCREEN of them, twice any other's."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < SCREEN:
        return None
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1] else None


def declared(document: Document) -> PostingLanguage | None:
    """The language the posting itself or its record names: front matter, `<html lang>`, the record's field."""
    metadata = document.metadata
    for key in ("lang", "language"):
        code = language_code(metadata.get(key))
        if code:
            return PostingLanguage(code, HTML if document.format == "html" else FRONT_MATTER)
    code = language_code(metadata.get(RECORD_KEY))
    return PostingLanguage(code, RECORD) if code else None


def resolve(document: Document, default: str, forced: str | None = None, detection: bool = True) -> PostingLanguage:
    """The posting's language and where it came from (see the module's docstring for the order)."""
    if forced:
        return PostingLanguage(forced, FORCED)
    found = declared(document)
    if found:
        return found
    if detection:
        code = detect_document(document)
        if code:
            return PostingLanguage(code, DETECTED)
    return PostingLanguage(default, CONFIG)


def foreign_blocks(document: Document, language: str) -> list[tuple[int, int, str]]:
    """(start, end, language) in extracted-text offsets of the blocks written in another language than the
    posting's. Only blocks whose marker words lean to another language are asked of lingua; a short block
    between two blocks of the same other language is taken to be in it too. Worked out once per document and
    language: a batch worker asks before linting (what it would load) and the lint asks again."""
    known: dict[str, list[tuple[int, int, str]]] = document.__dict__.setdefault("_foreign_blocks", {})
    if language not in known:
        known[language] = _foreign_blocks(document, language)
    return known[language]


def _foreign_blocks(document: Document, language: str) -> list[tuple[int, int, str]]:
    text = document.text
    blocks = _block_markers(document)
    judged: list[tuple[int, int, str | None]] = []  # None: too little text to say
    for start, end, counts in blocks:
        other = max((n for code, n in counts.items() if code != language), default=0)
        if other < SCREEN or other <= counts[language]:
            judged.append((start, end, language if sum(counts.values()) >= SCREEN else None))
            continue
        found = detect(text[start:end])
        judged.append((start, end, found if found in DETECTABLE else None))
    if all(code in (language, None) for *_, code in judged):
        return []
    out: list[tuple[int, int, str]] = []
    for i, (start, end, code) in enumerate(judged):
        if code is None:
            before = next((c for *_, c in reversed(judged[:i]) if c), None)
            after = next((c for *_, c in judged[i + 1 :] if c), None)
            code = before if before == after else None
        if code and code != language:
            out.append((start, end, code))
    return out
