"""The spaCy pipeline: built once per process, lazily, and run only as far as the rules need.

The default is spaCy's blank pipeline for the posting's language (built by jdlint.language) with a
sentencizer and lookup lemmas (from spacy-lookups-data): it needs no download. A trained pipeline
(en_core_web_sm, ...) is used when the config names one, and then POS-based patterns come alive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .language import DEFAULT_LANGUAGE, Language, get_language
from .printable import writable

BLANK = "blank"
DEFAULT_BATCH_SIZE = 16
# spaCy's tokenizer strips a word's prefixes and suffixes one at a time, searching (and copying) the rest of the
# word each time: a word of n quotes, brackets or other punctuation costs n * n. Longer runs without a space are
# handed to it in pieces of PIECE characters; ordinary words, e-mail addresses and links are far shorter.
LONGEST_WORD = 300
PIECE = 100
_LONG_WORD = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")

_pipelines: dict[tuple[str, str], Pipeline] = {}


class PipelineError(Exception):
    pass


class Pipeline:
    def __init__(self, name: str, language: Language | None = None) -> None:
        import spacy
        from spacy.language import Language as SpacyLanguage

        if not SpacyLanguage.has_factory("jdlint_block_boundaries"):
            SpacyLanguage.component("jdlint_block_boundaries", func=_block_boundaries)
        if not SpacyLanguage.has_factory("jdlint_sentencizer"):
            SpacyLanguage.factory("jdlint_sentencizer", func=_make_sentencizer)
        self.name = name
        self.language = language or get_language(DEFAULT_LANGUAGE)
        self._feature_pipes: dict[str, set[str]]
        if name == BLANK:
            nlp = self.language.blank_pipeline()
            nlp.add_pipe("jdlint_sentencizer", name="sentencizer")  # line breaks included
            # The lemmatizer's lookup tables take ~0.5 s to load: added on first use (see _ensure_lemmas).
            self.tagged = False
            self._feature_pipes = {
                "sentences": {"sentencizer"},
                "lemmas": {"lemmatizer"},
                "pos": set(),
                "entities": set(),  # no named entities without a trained pipeline
            }
        else:
            try:
                nlp = spacy.load(name)
            except OSError:
                raise PipelineError(
                    f"spaCy pipeline '{name}' is configured but not installed; install the '{name}' package "
                    "or remove `pipeline` from the config to use the built-in blank pipeline"
                ) from None
            # Block breaks are sentence breaks: set them before the parser decides the rest.
            before = "parser" if "parser" in nlp.pipe_names else ("senter" if "senter" in nlp.pipe_names else None)
            if before:
                nlp.add_pipe("jdlint_block_boundaries", before=before)
            else:
                nlp.add_pipe("jdlint_sentencizer", name="sentencizer")
            self.tagged = "tagger" in nlp.pipe_names or "morphologizer" in nlp.pipe_names
            every = set(nlp.pipe_names)
            without_ner = every - {"ner"}  # the entity recogniser runs only for rules that need people's names
            self._feature_pipes = {
                "sentences": without_ner,
                "lemmas": without_ner,
                "pos": without_ner,
                "entities": every,
            }
        self.nlp = nlp

    @property
    def vocab(self) -> Any:
        return self.nlp.vocab

    def make_doc(self, text: str) -> Any:
        return self.nlp.make_doc(text)

    def disabled_for(self, features: Iterable[str]) -> list[str]:
        keep: set[str] = set()
        for feature in features:
            keep |= self._feature_pipes.get(feature, set())
        return [name for name in self.nlp.pipe_names if name not in keep]

    def cover(self, length: int) -> None:
        """Accept texts up to `length` characters (the input size limit). spaCy's max_length (1,000,000) guards
        the memory of a parser or entity recogniser; the blank pipeline has neither and grows linearly."""
        if self.name == BLANK and self.nlp.max_length < length:
            self.nlp.max_length = length

    def _ensure_lemmas(self) -> None:
        if self.name != BLANK or "lemmatizer" in self.nlp.pipe_names:
            return
        lemmatizer = self.nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        try:
            lemmatizer.initialize()
        except (OSError, ValueError) as exc:
            self.nlp.remove_pipe("lemmatizer")
            raise PipelineError(f"cannot load lemma tables ({exc}); install spacy-lookups-data") from None

    def pipe(
        self, texts: Iterable[str], features: Iterable[str], batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[Any]:
        features = set(features)
        if "lemmas" in features:
            self._ensure_lemmas()
        disabled = self.disabled_for(features)
        with self.nlp.select_pipes(disable=disabled):
            # spaCy hashes each token as UTF-8: a lone surrogate (text given to the API) is read as U+FFFD,
            # one code point for one, so the Doc's offsets stay those of the text
            yield from self.nlp.pipe((self.tokenized(writable(text)) for text in texts), batch_size=batch_size)

    def tokenized(self, text: str) -> Any:
        """`text`, or its Doc made in pieces when it has a word longer than LONGEST_WORD (the tokenizer's cost is
        the square of a word's length). The pieces' Docs are joined with their exact text, so offsets are kept."""
        cuts = [i for long in _LONG_WORD.finditer(text) for i in range(long.start() + PIECE, long.end(), PIECE)]
        if not cuts:
            return text
        import numpy
        from spacy.attrs import SENT_START
        from spacy.tokens import Doc

        bounds = [0, *cuts, len(text)]
        pieces = [self.nlp.make_doc(text[start:end]) for start, end in zip(bounds, bounds[1:])]
        doc = Doc.from_docs(pieces, ensure_whitespace=False)
        # a piece's first token is no sentence start: the sentence components decide, as on one Doc
        unset: Any = numpy.zeros((len(doc), 1), dtype=numpy.uint64)
        doc.from_array([SENT_START], unset)
        return doc


def _make_sentencizer(nlp: Any, name: str) -> Sentencizer:
    return Sentencizer()


NOT_START = 2**64 - 1  # SENT_START -1 (not a sentence start) as spaCy's uint64 arrays hold it


class Sentencizer:
    """spaCy's rule-based sentencizer followed by the line-break starts of `_block_boundaries`, with the same
    sentences, from the Doc's token arrays in one read and one write.

    spaCy's walks the Doc in Python, building a Token for every word. Its rule: the first token starts a
    sentence, and so does the first token after a sentence-final character ('.', '!', '?', ... as a whole token)
    that is neither punctuation nor such a character; a boundary already set on a token is kept. Read that way it
    is a few array operations."""

    def __init__(self) -> None:
        import numpy
        from spacy.pipeline import Sentencizer as SpacySentencizer
        from spacy.strings import get_string_id

        self.punct_chars = frozenset(SpacySentencizer.default_punct_chars)
        self._enders = numpy.array(sorted(get_string_id(c) for c in self.punct_chars), dtype=numpy.uint64)

    def __call__(self, doc: Any) -> Any:
        import numpy
        from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START

        if not len(doc):
            return doc
        table = doc.to_array([ORTH, IS_PUNCT, IS_SPACE, SENT_START])
        orth, enders = table[:, 0], self._enders
        ender = enders.take(numpy.searchsorted(enders, orth), mode="clip") == orth  # a set lookup, vectorised
        opener = numpy.flatnonzero((table[:, 1] == 0) & ~ender)  # tokens that may open a sentence
        following = numpy.searchsorted(opener, numpy.flatnonzero(ender), side="right")
        guesses = numpy.full(len(doc), numpy.uint64(NOT_START))
        guesses[0] = 1
        guesses[opener[following[following < len(opener)]]] = 1
        current = table[:, 3]
        values = numpy.where(current == 0, guesses, current)
        values[_line_starts(doc, table[:, 2], orth)] = 1
        doc.from_array([SENT_START], values)
        return doc


def _line_starts(doc: Any, spaces: Any, orth: Any) -> list[int]:
    """Tokens that follow a whitespace token holding a line break (and are no whitespace themselves). Only
    those whitespace tokens are looked at in Python, by their strings: building a Token for each was the cost."""
    if len(spaces) < 2:
        return []
    candidates = spaces[:-1].nonzero()[0]
    before_word = candidates[spaces[candidates + 1] == 0]
    strings = doc.vocab.strings
    return [i + 1 for i, key in zip(before_word.tolist(), orth[before_word].tolist()) if "\n" in strings[key]]


def _block_boundaries(doc: Any) -> Any:
    """A token after a line break starts a sentence: blocks and <br> lines are never run together. (The blank
    pipeline's Sentencizer sets these itself; this component goes before a trained pipeline's parser.)

    The starts are written as one array: setting `Token.is_sent_start` scans the whole Doc each time (spaCy checks
    for a parse), which made this step lines x words."""
    from spacy.attrs import IS_SPACE, ORTH, SENT_START

    if len(doc) < 2:
        return doc
    table = doc.to_array([IS_SPACE, ORTH])
    starts = _line_starts(doc, table[:, 0], table[:, 1])
    if starts:
        if doc.has_annotation("DEP"):
            raise ValueError("jdlint_block_boundaries must run before the parser")
        values = doc.to_array(SENT_START)
        values[starts] = 1
        doc.from_array([SENT_START], values)
    return doc


def loaded_languages() -> set[str]:
    """The languages this process has built a pipeline for."""
    return {language for _, language in _pipelines}


def get_pipeline(name: str | None = None, language: str = DEFAULT_LANGUAGE) -> Pipeline:
    """The process-wide pipeline for `name` (default: the blank pipeline of `language`)."""
    key = (name or BLANK, language)
    if key not in _pipelines:
        _pipelines[key] = Pipeline(key[0], get_language(language))
    return _pipelines[key]
