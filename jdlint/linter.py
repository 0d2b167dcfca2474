"""The linter: Documents in, findings out. No I/O here; the CLI, the batch runners and the API drive it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from . import budget, metrics, suppress
from .analyses.repeats import without_repeats
from .catalog import load_catalog
from .config import Config
from .config import matches as selector_matches
from .context import Context
from .document import Document
from .findings import UNUSED_DIRECTIVE, make_finding
from .kinds import KINDS
from .kinds.terms import CompiledTerms
from .language import is_shipped
from .language.detect import PostingLanguage, foreign_blocks, resolve
from .model import CHECKED, MISSING, NOT_CHECKED, NOT_SHOWN, ChecklistItem, FileResult, Finding, Match, Span
from .nlp import Pipeline, get_pipeline
from .rule import PASSAGE, Catalog, Rule


@dataclass
class HandedBack(FileResult):
    """A posting left unlinted, for the caller to lint (see Linter.lint's `hand_back`): a batch worker hands back
    the postings in a language rare in its batch, so that one process loads that language, not each (parallel)."""

    document: Document | None = None


# from the languages each of a call's postings needs (its own, and those of its passages in another), in order: the
# languages whose postings are to be handed back
HandBack = Callable[[list[set[str]]], set[str]]


class Linter:
    """Lints Documents with the rules one Config enables, each posting with the rules of its language."""

    def __init__(
        self, config: Config | None = None, catalog: Catalog | None = None, pipeline: Pipeline | None = None
    ) -> None:
        self.config = config or Config()
        self.catalog = catalog or load_catalog()
        self.rules = self.config.enabled_rules(self.catalog)
        self.rules_by_code = {r.code: r for r in self.rules}
        self.checklist_rules = [r for r in self.catalog.rules if r.checklist]  # each posting's checklist items
        self._pipeline = pipeline  # given: used for every posting (tests pass annotated pipelines)
        self._by_language: dict[str, tuple[list[Rule], tuple[str, ...]]] = {}

    @property
    def pipeline(self) -> Pipeline:
        """The pipeline of the config's language."""
        return self.pipeline_for(self.config.language)

    def pipeline_for(self, language: str) -> Pipeline:
        if self._pipeline is not None:
            return self._pipeline
        # a language jdlint has no data for is tokenised and measured with the config language's tools
        pipeline = get_pipeline(self.config.pipeline, language if is_shipped(language) else self.config.language)
        # a file within the byte limit has at most as many characters: it must not be too long for spaCy
        pipeline.cover(self.config.max_file_size)
        return pipeline

    def rules_for(self, language: str) -> tuple[list[Rule], tuple[str, ...]]:
        """(the rules that run on a posting in `language`, notices about the rules skipped for it)."""
        if language not in self._by_language:
            kept = [r for r in self.rules if r.language in (None, language)]
            skipped = sorted(
                {r.code for r in self.rules if r.language not in (None, language)} - {r.code for r in kept}
            )
            many = len(skipped) != 1
            notices = (
                (
                    f"{len(skipped)} rule{'s' * many} ({', '.join(skipped)}) {'have' if many else 'has'} "
                    f"no data for language '{language}' and {'were' if many else 'was'} skipped",
                )
                if skipped
                else ()
            )
            self._by_language[language] = (kept, notices)
        return self._by_language[language]

    def language_of(self, document: Document) -> PostingLanguage:
        """The posting's language and where it came from (jdlint.language.detect.resolve)."""
        return resolve(document, self.config.language, self.config.forced_language)

    def features(
        self, want_metrics: bool = False, rules: list[Rule] | None = None, pipeline: Pipeline | None = None
    ) -> set[str]:
        rules = self.rules if rules is None else rules
        tagged = (pipeline or self.pipeline).tagged
        features = {"sentences"} if want_metrics else set()
        for rule in rules:
            features |= KINDS[rule.kind].needs(rule, tagged)
        if any(r.options.get("within") == "sentence" for r in rules):
            features.add("sentences")
        return features

    def lint(
        self, documents: Iterable[Document], want_metrics: bool = False, hand_back: HandBack | None = None
    ) -> Iterator[FileResult]:
        """Lint many documents, batching them through spaCy by language; results come back in input order.
        The postings in the languages `hand_back` names come back unlinted, as HandedBack results."""
        documents = list(documents)
        found = [self.language_of(d) for d in documents]
        passed: set[str] = set()
        if hand_back is not None:
            # each posting's own language, and those of its passages in another (lint_doc lints them in theirs)
            needs = [{f.code, *(c for *_, c in foreign_blocks(d, f.code))} for d, f in zip(documents, found)]
            passed = hand_back(needs)
        if not passed:
            yield from self._lint_found(documents, found, want_metrics)
            return
        kept = [i for i, languages in enumerate(needs) if languages.isdisjoint(passed)]
        linted = self._lint_found([documents[i] for i in kept], [found[i] for i in kept], want_metrics)
        for i, document in enumerate(documents):
            if not needs[i].isdisjoint(passed):
                source = document.source
                yield HandedBack(source.path, source.format, source.encoding, [], document=document)
            else:
                yield next(linted)

    def _lint_found(
        self, documents: list[Document], found: list[PostingLanguage], want_metrics: bool
    ) -> Iterator[FileResult]:
        languages = [f.code for f in found]
        if len(set(languages)) <= 1:
            yield from self._lint_language(documents, found, want_metrics)
            return
        results: dict[int, FileResult] = {}
        for language in dict.fromkeys(languages):
            positions = [i for i, code in enumerate(languages) if code == language]
            linted = self._lint_language([documents[i] for i in positions], [found[i] for i in positions], want_metrics)
            results.update(zip(positions, linted))
        for i in range(len(documents)):
            yield results[i]

    def _lint_language(
        self, documents: list[Document], found: list[PostingLanguage], want_metrics: bool
    ) -> Iterator[FileResult]:
        language = found[0].code if found else ""
        pipeline = self.pipeline_for(language)
        rules, _ = self.rules_for(language)
        docs = pipeline.pipe(
            (d.text for d in documents), self.features(want_metrics, rules, pipeline), self.config.batch_size
        )
        for document, posting in zip(documents, found):
            # each posting's budget runs from its tokenizing (a batch's, for the first of it) to its metrics
            try:
                with budget.limit(self.config.lint_timeout, "while tokenizing"):
                    result = self.lint_doc(document, next(docs), want_metrics, posting)
            except budget.TimeBudgetExceeded as exc:
                exc.subject = document
                raise
            yield result

    def lint_doc(
        self, document: Document, doc: Any, want_metrics: bool = False, posting: PostingLanguage | None = None
    ) -> FileResult:
        """Lint one document given its spaCy Doc (tests pass annotated Docs here)."""
        posting = posting or self.language_of(document)
        language = posting.code
        pipeline = self.pipeline_for(language)
        rules, notices = self.rules_for(language)
        context = Context(document, doc, pipeline, self.config, self.catalog, pipeline.language)
        # blocks in another language: a rule with data for the posting's language says nothing there
        foreign = foreign_blocks(document, language) if any(r.language for r in rules) else []
        outside_foreign = _Passages(document, [(start, end) for start, end, _ in foreign], inside=False)
        findings = self._run(context, rules, outside_foreign if foreign else None)
        for code in dict.fromkeys(code for *_, code in foreign):
            findings += self._lint_passages(document, [(s, e) for s, e, c in foreign if c == code], code)
        budget.enter("while applying suppressions")
        found = {f.code for f in findings}
        findings = suppress.apply(
            findings,
            document,
            self.config,
            self.rules_by_code,
            self.catalog,
            unused_rule=self.rules_by_code.get(UNUSED_DIRECTIVE),
        )
        findings.sort(key=lambda f: f.sort_key)
        source = document.source
        budget.enter("while computing metrics")
        return FileResult(
            path=source.path,
            format=source.format,
            encoding=source.encoding,
            findings=findings,
            metrics=metrics.compute(context) if want_metrics else None,
            text=source.text,
            language=language,
            language_source=posting.source,
            other_languages=tuple(sorted({code for *_, code in foreign})),
            notices=notices,
            checklist=self._checklist(context, rules, language, found, {f.code for f in findings}),
        )

    def _run(self, context: Context, rules: list[Rule], keep: _Passages | None = None) -> list[Finding]:
        """Each rule's findings in the context's document; a rule with language data keeps only the matches
        `keep` allows (those outside the posting's blocks in other languages, or inside a passage's blocks)."""
        findings: list[Finding] = []
        for rule in rules:
            budget.enter(f"in rule {rule.code} ({rule.name})")
            matches = list(KINDS[rule.kind].find(context, rule))
            if keep and rule.language and matches:
                matches = [m for m in matches if keep.allows(m)]
            if rule.exceptions and matches:
                matches = self._without_exceptions(context, rule, matches)
            if self.config.repeated_text == "first" and len(matches) > 1:
                matches = without_repeats(context, matches)
            findings.extend(make_finding(rule, m, context.document, self.config) for m in matches)
        return findings

    def _lint_passages(self, document: Document, ranges: list[tuple[int, int]], language: str) -> list[Finding]:
        """Findings of the rules with data for `language` (a shipped language other than the posting's) that judge
        words where they stand, in the posting's blocks written in it: an English posting's German paragraph gets
        the German rules. Rules about the whole posting (its title, statements, pay, reading grade) stay in the
        posting's language."""
        if not is_shipped(language):
            return []
        rules = [r for r in self.rules_for(language)[0] if r.language == language and r.scope == PASSAGE]
        if not rules:
            return []
        passages = document.passages(ranges)
        pipeline = self.pipeline_for(language)
        budget.enter(f"while tokenizing its {language} passages")
        doc = next(pipeline.pipe([passages.text], self.features(False, rules, pipeline)))
        context = Context(passages, doc, pipeline, self.config, self.catalog, pipeline.language)
        return self._run(context, rules, _Passages(document, ranges, inside=True))

    def _checklist(
        self, context: Context, rules: list[Rule], language: str, found: set[str], kept: set[str]
    ) -> tuple[ChecklistItem, ...]:
        """What each checklist rule (a catalog `checklist` label) says of this posting, and why when it could not
        say: turned off, no data for the language, too short (the check's own word), or its finding silenced."""
        running = {rule.code for rule in rules}
        items = []
        for rule in self.checklist_rules:
            status, reason = CHECKED, None
            if rule.code not in self.rules_by_code:
                status, reason = NOT_CHECKED, self._why_off(rule)
            elif rule.code not in running:
                status, reason = NOT_CHECKED, f"jdlint has no data for it in the posting's language ({language})"
            elif rule.code in kept:
                status, reason = MISSING, context.verdicts.get(rule.code, (MISSING, None))[1]
            elif rule.code in found:
                ignored = self.config.file_ignores(context.document.source.path)
                if any(selector_matches(s, rule) for s in ignored):
                    status, reason = NOT_CHECKED, "turned off for this file by the config's per-file-ignores"
                else:
                    status, reason = NOT_SHOWN, "silenced by a jdlint directive in the posting"
            elif rule.code in context.verdicts:
                status, reason = context.verdicts[rule.code]
            items.append(ChecklistItem(rule.code, rule.checklist, status, reason))
        return tuple(items)

    def _why_off(self, rule: Rule) -> str:
        if any(selector_matches(s, rule) for s in self.config.ignore):
            return "turned off in this run (--ignore or the config's ignore list)"
        return "not among the rules selected for this run (--select or the config's select)"

    def _without_exceptions(self, context: Context, rule: Rule, matches: list[Match]) -> list[Match]:
        terms = context.compiled(
            (rule.code, rule.language, "exceptions"),
            lambda: CompiledTerms({"phrases": list(rule.exceptions)}, context.pipeline),
        )
        spared = terms.find(context.doc, context.document.text)
        return [
            m
            for m in matches
            if m.start is None or m.end is None or not any(s <= m.start and m.end <= e for s, e, _ in spared)
        ]


class _Passages:
    """Blocks of a posting (extracted-text ranges) and the matches allowed by them: those starting inside (or
    outside) one. A match given by its source span is placed by the blocks' source spans; a match about the whole
    posting lies in no block."""

    def __init__(self, document: Document, ranges: list[tuple[int, int]], inside: bool) -> None:
        self.ranges = ranges
        self.spans: list[Span] = [document.to_source(start, end) for start, end in ranges]
        self.inside = inside

    def allows(self, match: Match) -> bool:
        if match.start is not None:
            found = any(start <= match.start < end for start, end in self.ranges)
        elif match.span is not None:
            found = any(s.start <= match.span.start < s.end for s in self.spans)
        else:
            found = False
        return found == self.inside
