"""The HTML report: one self-contained page (inline CSS and one script, no network) for one posting or many.

Posting text is untrusted: Jinja2 autoescapes every value, a Content-Security-Policy lets only the page's own
script (by nonce) run, and every piece of posting text sits in an isolating element (jdlint.report.isolation) so
bidi controls in it cannot reorder the page. What the page shows of each posting is built here; the highlight
layering is jdlint.report.highlights and the posting as published is jdlint.report.rendered.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..catalog import category_names, load_catalog
from ..fix import apply_findings
from ..language.detect import CONFIG, DETECTED, FORCED, FRONT_MATTER, HTML, RECORD, language_name
from ..model import CHECKED, MISSING, FileResult, Finding, InputError
from ..printable import shown, visible_controls
from ..rule import Rule
from ..source import LineIndex
from ..version import __version__
from . import printable, summary
from .highlights import layer
from .isolation import balanced
from .rendered import RENDERED_FORMATS, blocks, document_of, extracted_range, title_of

NAME: str = "html"
ORDER: int = 60
WANTS_METRICS: bool = True
DEFAULT_OUTPUT: str | None = "jdlint-report.html"

SEVERITIES = ("error", "warning", "info")  # most urgent first: the order of summaries and of the findings list
SEVERITY_WORDS = {  # (one, many, what it asks of the reader): the legend and the summaries
    "error": ("Error", "Errors", "fix before publishing: a law requires it, or the text is broken"),
    "warning": ("Warning", "Warnings", "likely to put candidates off or to hide what they need; fix it"),
    "info": ("Info", "Info", "worth a look; it may be fine as it is"),
}
VERDICT_WORDS = {  # the gender-coding verdicts (DESIGN.md section 5) as a reader would say them
    "strongly masculine-coded": "Strongly masculine",
    "masculine-coded": "Leans masculine",
    "neutral": "Balanced",
    "feminine-coded": "Leans feminine",
    "strongly feminine-coded": "Strongly feminine",
}
OPEN_POSTINGS = 10  # a report of more postings starts with each one collapsed
LANGUAGE_HOW = {  # where the posting's language came from, as a reader would say it
    FORCED: "as asked",
    FRONT_MATTER: "as its front matter says",
    HTML: "as its page says",
    RECORD: "as its record says",
    DETECTED: "as its text reads",
    CONFIG: "the default",
}
STATUS_WORDS = {CHECKED: "Present", MISSING: "Missing", "not checked": "Not checked", "not shown": "Not shown"}


def templates():
    """The Jinja2 environment over reports/, escaping every value (postings are untrusted)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from ..resources import data_path

    environment = Environment(
        loader=FileSystemLoader(str(data_path("reports"))),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=False,
    )
    environment.filters["count"] = count
    environment.filters["iso"] = balanced
    return environment


def count(number: int, one: str, many: str | None = None) -> str:
    """ "1 finding", "2 findings": the number with its noun in the right number."""
    return f"{number} {one if number == 1 else many or one + 's'}"


def gender_balance(coding: dict) -> str:
    """The gender-coding verdict in words, with the counts it rests on."""
    masculine, feminine = len(coding.get("masculine", [])), len(coding.get("feminine", []))
    if not masculine and not feminine:
        return "No gender-coded words found"
    verdict = VERDICT_WORDS.get(coding.get("verdict", ""), "Gender coding")
    return f"{verdict}: {count(masculine, 'masculine-coded word')}, {feminine} feminine-coded"


@dataclass
class Rewrite:
    """The suggested rewrite: the fix engine's text, with the statements the posting lacks added at its end."""

    fixed: str  # jdlint.fix's output: every fix applied, safe and unsafe
    statements: list[str]  # the missing statements to fill in, [placeholders] and all
    changes: list[dict] = field(default_factory=list)  # each edit: line, old, new, applicability

    @property
    def text(self) -> str:
        if not self.statements:
            return self.fixed
        return self.fixed.rstrip() + "\n\n" + "\n\n".join(self.statements) + "\n"


def rewrite(text: str, findings: list[Finding], rules: dict[str, Rule]) -> Rewrite:
    fixed, chosen = apply_findings(text, [f for f in findings if f.fix is not None])
    index = LineIndex(text)
    changes = [
        {
            "line": index.position(edit.start)[0],
            "old": text[edit.start : edit.end],
            "new": edit.content,
            "applicability": finding.fix.applicability.value,
        }
        for finding in chosen
        if finding.fix is not None
        for edit in finding.fix.edits
    ]
    changes.sort(key=lambda change: change["line"])
    checklist_codes = {code for code, rule in rules.items() if rule.checklist}
    statements = [
        finding.suggestions[0]
        for finding in findings
        if finding.span is None and finding.suggestions and finding.code in checklist_codes
    ]
    return Rewrite(fixed, statements, changes)


def _runs(
    text: str, items: list[tuple[int, int, dict]], prefix: str, placed: set[str], ends: list[bool]
) -> list[dict[str, Any]]:
    """The text as runs for the page: plain ones, and marked ones with the findings over them (the most severe
    decides the look), each finding's link target (`prefix`-id) on its first run and its number after its last."""
    out: list[dict[str, Any]] = []
    for run in layer(len(text), [(s, e) for s, e, _ in items]):
        views = [items[i][2] for i in run.covering]
        if not views:
            if run.end > run.start:
                out.append({"text": text[run.start : run.end], "findings": None})
            continue
        anchors = []
        for i in run.starting:
            target = f"{prefix}-{items[i][2]['id']}"
            if target not in placed:
                placed.add(target)
                anchors.append(target)
        out.append(
            {
                "text": text[run.start : run.end],
                "findings": views,
                "severity": min((v["severity"] for v in views), key=SEVERITIES.index),
                "anchors": anchors,
                "tags": [items[i][2] for i in run.ending if ends[i]],
            }
        )
    return out


def _rendered(result: FileResult, document, span_views: list[dict]) -> list[dict] | None:
    """The rendered view's blocks, each with its runs; the views of findings placed there get `rendered`."""
    if document is None or result.format not in RENDERED_FORMATS:
        return None
    pieces = document.offsets.pieces
    ranges = [extracted_range(pieces, view["span"]) for view in span_views]
    placed: set[str] = set()
    out: list[dict] = []
    for block in blocks(document):
        items, ends = [], []
        for view, found in zip(span_views, ranges):
            if found is None:
                continue
            start, end = found
            inside = start < block.end and end > block.start if end > start else block.start <= start <= block.end
            if not inside or (end == start and f"r-{view['id']}" in placed):
                continue
            items.append((max(start, block.start) - block.start, min(end, block.end) - block.start, view))
            ends.append(end <= block.end)
        text = document.text[block.start : block.end]
        out.append({"tag": block.tag, "kind": block.kind, "runs": _runs(text, items, "r", placed, ends)})
    for view in span_views:
        view["rendered"] = f"r-{view['id']}" in placed
    return out


def _finding_view(number: int, k: int, finding: Finding, rules: dict[str, Rule], names: dict, index) -> dict:
    rule = rules.get(finding.code)
    view = {
        "id": f"{number}-{k}",
        "code": finding.code,
        "name": finding.name,
        "category": finding.category,
        "category_name": names.get(finding.category, {}).get("name", finding.category),
        "severity": finding.severity.value,
        "message": visible_controls(finding.message),
        "source": finding.source,
        "suggestions": [visible_controls(s) for s in finding.suggestions],
        "why": rule.why if rule else "",
        "fix": finding.fix.applicability.value if finding.fix else None,
        "checklist": rule.checklist if rule else "",
        "span": finding.span,
        "line": index.position(finding.span.start)[0] if finding.span is not None else None,
    }
    return view


def _priorities(views: list[dict], names: dict) -> list[dict]:
    """Per severity, most urgent first: the categories with findings, each with its count, in plain words."""
    out = []
    for severity in SEVERITIES:
        counts = Counter(v["category"] for v in views if v["severity"] == severity)
        first: dict[str, str] = {}
        for view in views:
            if view["severity"] == severity:
                first.setdefault(view["category"], view["id"])
        if counts:
            out.append(
                {
                    "severity": severity,
                    "categories": [
                        {"name": names.get(c, {}).get("name", c), "count": n, "category": c, "first": first[c]}
                        for c, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
                    ],
                }
            )
    return out


def _file(number: int, result: FileResult, rules: dict[str, Rule], names: dict, many: bool) -> dict:
    index = LineIndex(result.text)
    ordered = sorted(
        result.findings, key=lambda f: (SEVERITIES.index(f.severity.value), f.span.start if f.span else -1, f.code)
    )
    views = [_finding_view(number, k, f, rules, names, index) for k, f in enumerate(ordered, 1)]
    for k, view in enumerate(views, 1):
        view["number"] = k
    span_views = [v for v in views if v["span"] is not None]
    document = document_of(result.path, result.text, result.format)
    rendered = _rendered(result, document, span_views)
    source_runs = _runs(
        result.text,
        [(v["span"].start, v["span"].end, v) for v in span_views],
        "m",
        set(),
        [True] * len(span_views),
    )
    by_code = {v["code"]: v for v in views if v["span"] is None}
    checklist: list[dict[str, Any]] = [
        {
            "item": item.item,
            "status": item.status,
            "status_words": STATUS_WORDS.get(item.status, item.status),
            "reason": item.reason,
            "code": item.code,
            "finding": by_code.get(item.code) if item.status == MISSING else None,
        }
        for item in result.checklist
    ]
    listed = {item["finding"]["code"] for item in checklist if item["finding"]}
    metrics = result.metrics
    coding = (metrics.extra.get("gender_coding") if metrics else None) or {}
    counts = Counter(f.severity.value for f in result.findings)
    revised = rewrite(result.text, result.findings, rules)
    return {
        "number": number,
        "anchor": f"posting-{number}",
        "path": result.path,
        "title": title_of(document, result.path),
        "format": result.format,
        "encoding": result.encoding,
        "language": result.language,  # the text's lang attribute: read aloud in its language (WCAG 3.1.2)
        "language_name": language_name(result.language),
        "language_how": LANGUAGE_HOW.get(result.language_source, ""),
        "open": not many,
        "counts": {severity: counts[severity] for severity in SEVERITIES},
        "total": len(result.findings),
        "categories": sorted({v["category_name"] for v in views}),
        "category_slugs": sorted({v["category"] for v in views}),
        "priorities": _priorities(views, names),
        "balance": gender_balance(coding),
        "masculine": sorted(set(coding.get("masculine", []))),
        "feminine": sorted(set(coding.get("feminine", []))),
        "metrics": {
            "words": metrics.words if metrics else 0,
            "sentences": metrics.sentences if metrics else 0,
            "flesch_kincaid_grade": metrics.flesch_kincaid_grade if metrics else None,
            "flesch_reading_ease": (metrics.extra.get("flesch_reading_ease") if metrics else None),
        },
        "checklist": checklist,
        "source_runs": source_runs,
        "rendered": rendered,
        "span_findings": span_views,
        "document_findings": [v for v in views if v["span"] is None and v["code"] not in listed],
        "findings": views,
        "rewrite": revised,
        "safe_fixes": sum(1 for c in revised.changes if c["applicability"] == "safe"),
        "unsafe_fixes": sum(1 for c in revised.changes if c["applicability"] != "safe"),
    }


def render(results: list[FileResult], *, errors: list[InputError] | None = None, **_options: Any) -> str:
    results = printable(results)  # names and text every output can write
    errors = list(errors or [])
    rules = {rule.code: rule for rule in load_catalog().rules}
    names = category_names()
    many = len(results) > OPEN_POSTINGS
    files = [_file(number, result, rules, names, many) for number, result in enumerate(results, 1)]
    present = {v["category"] for f in files for v in f["findings"]}
    # The nonce only has to be unguessable by the posting text, which cannot contain a hash of the page it is
    # part of; deriving it from the content keeps the report reproducible (same input, same bytes).
    digest = hashlib.sha256(json.dumps([[r.path, r.text] for r in results], ensure_ascii=False).encode("utf-8"))
    return (
        templates()
        .get_template("report.html.j2")
        .render(
            files=files,
            errors=[{"path": shown(e.path), "message": shown(e.reason)} for e in errors],
            summary=summary(results),
            severities=[(s, *SEVERITY_WORDS[s]) for s in SEVERITIES],
            categories=[(c, entry["name"]) for c, entry in names.items() if c in present],
            open_postings=OPEN_POSTINGS,
            version=__version__,
            nonce=digest.hexdigest()[:24],
        )
    )


if TYPE_CHECKING:  # mypy checks this module against the protocol
    from ..protocols import Reporter
    from . import html_report  # noqa: PLW0406 - the module itself, for mypy

    _reporter: Reporter = html_report
