"""The spaCy pipeline: built once per process, lazily, and run only as far as the rules need.

The default is spaCy's blank pipeline for the posting's language (built by jdlint.language) with a
sentencizer and lookup lemmas (from spacy-lookups-data): it needs no download. A trained pipeline
(en_core_web_sm, ...) is used when the config names one, and then POS-based patterns come alive.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .language import DEFAULT_LANGUAGE, Language, get_language
from .printable import writable

BLANK = "blank"
DEFAULT_BATCH_SIZE = 16

_pipelines: dict[tuple[str, str], Pipeline] = {}


class PipelineError(Exception):
    pass


class Pipeline:
    def __init__(self, name: str, language: Language | None = None) -> None:
        import spacy
        from spacy.language import Language as SpacyLanguage

        if not SpacyLanguage.has_factory("jdlint_block_boundaries"):
            SpacyLanguage.component("jdlint_block_boundaries", func=_block_boundaries)
        self.name = name
        self.language = language or get_language(DEFAULT_LANGUAGE)
        self._feature_pipes: dict[str, set[str]]
        if name == BLANK:
            nlp = self.language.blank_pipeline()
            nlp.add_pipe("sentencizer")
            nlp.add_pipe("jdlint_block_boundaries")
            # The lemmatizer's lookup tables take ~0.5 s to load: added on first use (see _ensure_lemmas).
            self.tagged = False
            self._feature_pipes = {
                "sentences": {"sentencizer", "jdlint_block_boundaries"},
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
                nlp.add_pipe("sentencizer")
                nlp.add_pipe("jdlint_block_boundaries")
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
            yield from self.nlp.pipe(map(writable, texts), batch_size=batch_size)


def _block_boundaries(doc: Any) -> Any:
    """A token after a line break starts a sentence: blocks and <br> lines are never run together."""
    from spacy.attrs import IS_SPACE

    if len(doc) < 2:
        return doc
    for i in doc.to_array(IS_SPACE)[:-1].nonzero()[0]:  # only whitespace tokens are looked at in Python
        previous, token = doc[int(i)], doc[int(i) + 1]
        if "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


def get_pipeline(name: str | None = None, language: str = DEFAULT_LANGUAGE) -> Pipeline:
    """The process-wide pipeline for `name` (default: the blank pipeline of `language`)."""
    key = (name or BLANK, language)
    if key not in _pipelines:
        _pipelines[key] = Pipeline(key[0], get_language(language))
    return _pipelines[key]
