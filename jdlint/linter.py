"""The linter: Documents in, findings out. No I/O here; the CLI, the batch runners and the API drive it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from . import metrics, suppress
from .catalog import load_catalog
from .config import Config
from .context import Context
from .document import Document
from .findings import UNUSED_DIRECTIVE, make_finding
from .kinds import KINDS
from .kinds.terms import CompiledTerms
from .model import FileResult, Finding, Match
from .nlp import Pipeline, get_pipeline
from .rule import Catalog, Rule


class Linter:
    """Lints Documents with the rules one Config enables."""

    def __init__(self, config: Config | None = None, catalog: Catalog | None = None,
                 pipeline: Pipeline | None = None) -> None:
        self.config = config or Config()
        self.catalog = catalog or load_catalog()
        self.rules = self.config.enabled_rules(self.catalog)
        self.rules_by_code = {r.code: r for r in self.rules}
        self._pipeline = pipeline

    @property
    def pipeline(self) -> Pipeline:
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

    def lint_doc(self, document: Document, doc: Any, want_metrics: bool = False) -> FileResult:
        """Lint one document given its spaCy Doc (tests pass annotated Docs here)."""
        context = Context(document, doc, self.pipeline, self.config, self.catalog, self.pipeline.language)
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
