"""The engine: Documents in, findings out. No I/O here; cli.py and the public API drive it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .catalog import Catalog, Rule, load_catalog
from .config import Config
from .kinds import KINDS, Match
from .kinds.terms import CompiledTerms
from .markup import Document
from .model import Applicability, Edit, Finding, Fix, Metrics
from .nlp import get_pipeline

UNUSED_DIRECTIVE = "JD902"


@dataclass
class FileResult:
    path: str
    format: str
    encoding: str
    findings: list[Finding]
    metrics: Metrics | None = None
    text: str = field(default="", repr=False)  # the decoded source, for positions and fixes


class _Defaulting(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def make_finding(rule: Rule, match: Match, document: Document, config: Config) -> Finding:
    span = match.span
    if span is None and match.start is not None:
        span = document.to_source(match.start, match.end)
    text = document.source.text[span.start : span.end] if span is not None else None
    params = _Defaulting(match.params)
    params.setdefault("match", text or "")
    if "suggestion" not in params and match.suggestions:
        params["suggestion"] = match.suggestions[0]
    fix = None
    if rule.fixable:
        edits = match.edits
        # A replacement is only safe to write where the source holds exactly the matched text
        # (no markup or entity inside the span).
        if not edits and match.replacement is not None and span is not None and match.start is not None:
            if text == document.text[match.start : match.end]:
                edits = (Edit(span.start, span.end, match.replacement),)
        if edits:
            fix = Fix(Applicability(rule.fix), tuple(edits))
    return Finding(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=config.severity_for(rule, match.severity),
        message=rule.message.format_map(params),
        span=span,
        text=text,
        suggestions=tuple(match.suggestions),
        fix=fix,
        source=match.source or rule.source,
    )


# Columns of Context.token_table().
ALPHA, LOWER, PUNCT, SPACE, LENGTH, ORTH, IDX, SENT_START = range(8)


class Context:
    """What a kind sees for one document: the Document, its spaCy Doc, and compiled-matcher cache."""

    _compiled: dict = {}  # (pipeline name, key) -> compiled matcher, shared by every document

    def __init__(self, document: Document, doc, pipeline, config: Config | None = None) -> None:
        self.document = document
        self.doc = doc
        self.pipeline = pipeline
        self.config = config or Config()
        self._memo: dict = {}

    def memo(self, key, factory):
        """Work shared by several rules on this document (computed once)."""
        if key not in self._memo:
            self._memo[key] = factory()
        return self._memo[key]

    def gender_coding(self):
        """The posting's gender-coded words and verdict, with the configured lexicon (shared by rule and metrics)."""
        from .gender_coding import analyse

        return self.memo("gender-coding", lambda: analyse(self.document, self.config.gender_coding_lexicon))

    def token_table(self):
        """One row per token, columns ALPHA ... SENT_START (above), read from the Doc in C once: cheaper
        than building a spaCy Token each time a rule looks at one."""

        def read():
            from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START

            columns = [IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, LENGTH, ORTH, IDX, SENT_START]
            return self.doc.to_array(columns).reshape(-1, len(columns))

        return self.memo("token-table", read)

    def sentences(self) -> list[tuple[int, int, int, int]]:
        """(first token, end token, start char, end char) of each sentence: doc.sents without building
        a Token for every word each time a rule asks. Empty when nothing set sentence boundaries."""

        def bounds():
            if not len(self.doc) or not self.doc.has_annotation("SENT_START"):
                return []
            rows = self.token_table()
            starts = [0] + [int(i) for i in (rows[1:, SENT_START] == 1).nonzero()[0] + 1]
            ends = starts[1:] + [len(rows)]
            return [(s, e, int(rows[s, IDX]), int(rows[e - 1, IDX] + rows[e - 1, LENGTH])) for s, e in zip(starts, ends)]

        return self.memo("sentences", bounds)

    def sentence_starts(self) -> list[int]:
        """Start offset of each sentence, in order."""
        return self.memo("sentence-starts", lambda: [start_char for _, _, start_char, _ in self.sentences()])

    @property
    def word_count(self) -> int:
        """Alphabetic tokens in the document."""
        return self.memo("word-count", lambda: int(self.token_table()[:, ALPHA].sum()))

    def compiled(self, key, factory):
        full = (self.pipeline.name, id(self.pipeline), key)
        if full not in Context._compiled:
            Context._compiled[full] = factory()
        return Context._compiled[full]

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


class Linter:
    """Lints Documents with the rules one Config enables."""

    def __init__(self, config: Config | None = None, catalog: Catalog | None = None, pipeline=None) -> None:
        self.config = config or Config()
        self.catalog = catalog or load_catalog()
        self.rules = self.config.enabled_rules(self.catalog)
        self.rules_by_code = {r.code: r for r in self.rules}
        self._pipeline = pipeline

    @property
    def pipeline(self):
        if self._pipeline is None:
            self._pipeline = get_pipeline(self.config.pipeline)
        return self._pipeline

    def features(self, want_metrics: bool = False) -> set[str]:
        features = {"sentences"} if want_metrics else set()
        for rule in self.rules:
            features |= KINDS[rule.kind].needs(rule, self.pipeline.tagged)
        if any(r.options.get("within") == "sentence" for r in self.rules):
            features.add("sentences")
        return features

    def lint(self, documents: Iterable[Document], want_metrics: bool = False) -> Iterator[FileResult]:
        """Lint many documents, batching them through spaCy; results come back in input order."""
        documents = list(documents)
        features = self.features(want_metrics)
        docs = self.pipeline.pipe((d.text for d in documents), features, self.config.batch_size)
        for document, doc in zip(documents, docs):
            yield self.lint_doc(document, doc, want_metrics)

    def lint_doc(self, document: Document, doc, want_metrics: bool = False) -> FileResult:
        """Lint one document given its spaCy Doc (tests pass annotated Docs here)."""
        from . import metrics, suppress

        context = Context(document, doc, self.pipeline, self.config)
        findings: list[Finding] = []
        for rule in self.rules:
            matches = list(KINDS[rule.kind].find(context, rule))
            if rule.exceptions and matches:
                matches = self._without_exceptions(context, rule, matches)
            findings.extend(make_finding(rule, m, document, self.config) for m in matches)
        findings = suppress.apply(
            findings, document, self.config, self.rules_by_code, self.catalog,
            unused_rule=self.rules_by_code.get(UNUSED_DIRECTIVE),
        )
        findings.sort(key=lambda f: f.sort_key)
        source = document.source
        return FileResult(
            path=source.path,
            format=source.format,
            encoding=source.encoding,
            findings=findings,
            metrics=metrics.compute(context) if want_metrics else None,
            text=source.text,
        )

    def _without_exceptions(self, context: Context, rule: Rule, matches: list[Match]) -> list[Match]:
        terms = context.compiled((rule.code, "exceptions"), lambda: CompiledTerms({"phrases": list(rule.exceptions)}, self.pipeline))
        spared = terms.find(context.doc, context.document.text)
        return [
            m for m in matches
            if m.start is None or not any(s <= m.start and m.end <= e for s, e, _ in spared)
        ]
