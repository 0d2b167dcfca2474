"""The lint Context: what a kind or check sees for one document, and the work they share on it."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from .config import Config
from .document import Document
from .language import DEFAULT_LANGUAGE, Language, get_language
from .model import MISSING, NOT_CHECKED
from .rule import Catalog, Rule
from .tokens import read_token_table, sentence_bounds

T = TypeVar("T")


class Context:
    """One document under lint: the Document, its spaCy Doc, the pipeline, the config, the catalog and the
    posting's Language.

    `memo` holds work shared by several rules on this document (computed once); `compiled` holds
    compiled matchers shared by every document linted with the same pipeline.
    """

    _compiled: dict[Hashable, Any] = {}  # (pipeline name, pipeline id, key) -> compiled matcher

    def __init__(
        self,
        document: Document,
        doc: Any,
        pipeline: Any,
        config: Config | None = None,
        catalog: Catalog | None = None,
        language: Language | None = None,
    ) -> None:
        self.document = document
        self.doc = doc
        self.pipeline = pipeline
        self.config = config or Config()
        self.catalog = catalog or Catalog(())
        self.language = language or get_language(DEFAULT_LANGUAGE)
        self._memo: dict[Hashable, Any] = {}
        self.verdicts: dict[str, tuple[str, str]] = {}  # rule code -> (checklist status, reason), said by a check

    def not_judged(self, rule: Rule, reason: str) -> None:
        """The check does not judge this posting (too short to be a whole posting, ...): its checklist item says
        "not checked" and why, in plain words, instead of "present"."""
        self.verdicts[rule.code] = (NOT_CHECKED, reason)

    def judged_missing(self, rule: Rule, reason: str) -> None:
        """The item is missing though the rule reports nothing itself (another rule's finding says it)."""
        self.verdicts[rule.code] = (MISSING, reason)

    def too_short(self, rule: Rule) -> bool:
        """True, recorded as the rule's reason for not judging, when the posting has fewer words than the rule's
        `min-words` option: a snippet or stub cannot be said to lack a whole-posting statement."""
        minimum = self.option(rule, "min-words")
        if self.word_count >= minimum:
            return False
        words = self.word_count
        self.not_judged(
            rule, f"the posting has {words} word{'s' * (words != 1)}, fewer than the {minimum} this check needs"
        )
        return True

    def option(self, rule: Rule, name: str) -> Any:
        """The value of one of the rule's declared options for this run: the config's, else the catalog default."""
        return self.config.option(rule, name)

    def memo(self, key: Hashable, factory: Callable[[], T]) -> T:
        """Work shared by several rules on this document (computed once)."""
        if key not in self._memo:
            self._memo[key] = factory()
        value: T = self._memo[key]
        return value

    def token_table(self) -> Any:
        """One row per token, columns from jdlint.tokens (ALPHA ... SENT_START)."""
        return self.memo("token-table", lambda: read_token_table(self.doc))

    def sentences(self) -> list[tuple[int, int, int, int]]:
        """(first token, end token, start char, end char) of each sentence: doc.sents without building
        a Token for every word each time a rule asks. Empty when nothing set sentence boundaries."""
        return self.memo("sentences", lambda: sentence_bounds(self.doc, self.token_table()))

    def sentence_starts(self) -> list[int]:
        """Start offset of each sentence, in order."""
        return self.memo("sentence-starts", lambda: [start_char for _, _, start_char, _ in self.sentences()])

    @property
    def lowered_text(self) -> str:
        """The extracted text lower-cased, once per document: several checks test for a word before searching."""
        return self.memo("lowered-text", lambda: self.document.text.lower())

    @property
    def word_count(self) -> int:
        """Words in the document as the readability formulas and the metrics count them, so the word count a
        report shows is the one the word minimums and JD603 compare."""
        return self.memo("word-count", lambda: self.language.lexicon_count(self.document.text))

    def compiled(self, key: Hashable, factory: Callable[[], T]) -> T:
        full = (self.pipeline.name, id(self.pipeline), key)
        if full not in Context._compiled:
            Context._compiled[full] = factory()
        value: T = Context._compiled[full]
        return value

    def window(self, offset: int, within: str) -> tuple[int, int]:
        """The extracted-text range around `offset` for a sentence, segment, section or the document."""
        text_length = len(self.document.text)
        if within == "document":
            return (0, text_length)
        if within == "section":
            for section in self.document.sections:
                if section.start <= offset < section.end:
                    return (section.start, section.end)
            within = "segment"
        if within == "segment":
            segment = self.document.segment_at(offset)
            return (segment.start, segment.end) if segment else (0, text_length)
        starts = self.sentence_starts()
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        end = starts[i + 1] if i + 1 < len(starts) else text_length
        return (starts[i] if starts else 0, end)
