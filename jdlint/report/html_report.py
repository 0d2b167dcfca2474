"""The HTML report: one self-contained page (inline CSS, no network) for one posting or many.

Posting text is untrusted: Jinja2 autoescapes every value, and a Content-Security-Policy lets only
the page's own script (by nonce) run.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..catalog import load_catalog
from ..fix import apply_findings
from ..model import FileResult
from ..resources import data_path
from ..source import LineIndex
from ..version import __version__
from . import printable, summary

NAME: str = "html"
ORDER: int = 60
WANTS_METRICS: bool = True
DEFAULT_OUTPUT: str | None = "jdlint-report.html"


def templates():
    """The Jinja2 environment over reports/, escaping every value (postings are untrusted)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(data_path("reports"))),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=False,
    )


def render_audit(figures: dict) -> str:
    return templates().get_template("audit.html.j2").render(audit=figures, version=__version__)


def _pieces(text: str, marked: list[tuple[int, int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The text cut into plain runs and highlighted spans (nested or overlapping spans stay inside the first)."""
    pieces: list[dict[str, Any]] = []
    position = 0
    for start, end, finding in sorted(marked, key=lambda m: (m[0], -m[1])):
        if start < position or end <= start:
            continue
        pieces.append({"text": text[position:start], "finding": None})
        pieces.append({"text": text[start:end], "finding": finding})
        position = end
    pieces.append({"text": text[position:], "finding": None})
    return pieces


def _rewrite(text: str, findings) -> tuple[list[dict], int]:
    fixable = [f for f in findings if f.fix is not None]
    _, chosen = apply_findings(text, fixable)
    edits = sorted((e for f in chosen for e in f.fix.edits), key=lambda e: e.start)
    pieces, position = [], 0
    for edit in edits:
        pieces.append({"kind": "same", "text": text[position : edit.start]})
        pieces.append({"kind": "change", "old": text[edit.start : edit.end], "new": edit.content})
        position = edit.end
    pieces.append({"kind": "same", "text": text[position:]})
    return pieces, len(edits)


def _file(number: int, result, rules) -> dict:
    index = LineIndex(result.text)
    counts = Counter(f.severity.value for f in result.findings)
    span_findings, document_findings, marked = [], [], []
    for k, finding in enumerate(result.findings):
        rule = rules.get(finding.code)
        view = {
            "id": f"{number}-{k}",
            "code": finding.code,
            "name": finding.name,
            "category": finding.category,
            "severity": finding.severity.value,
            "message": finding.message,
            "source": finding.source,
            "suggestions": list(finding.suggestions),
            "why": rule.why if rule else "",
            "fix": finding.fix.applicability.value if finding.fix else None,
        }
        if finding.span is None:
            document_findings.append(view)
        else:
            view["line"] = index.position(finding.span.start)[0]
            span_findings.append(view)
            marked.append((finding.span.start, finding.span.end, view))
    metrics = result.metrics
    coding = (metrics.extra.get("gender_coding") if metrics else None) or {}
    rewrite, changes = _rewrite(result.text, result.findings)
    return {
        "anchor": f"posting-{number}",
        "path": result.path,
        "format": result.format,
        "encoding": result.encoding,
        "counts": {"error": counts["error"], "warning": counts["warning"], "info": counts["info"]},
        "categories": sorted({f.category for f in result.findings}),
        "verdict": coding.get("verdict", "n/a"),
        "masculine": sorted(set(coding.get("masculine", []))),
        "feminine": sorted(set(coding.get("feminine", []))),
        "metrics": {
            "words": metrics.words if metrics else 0,
            "sentences": metrics.sentences if metrics else 0,
            "flesch_kincaid_grade": metrics.flesch_kincaid_grade if metrics else None,
            "flesch_reading_ease": (metrics.extra.get("flesch_reading_ease") if metrics else None),
        },
        "pieces": _pieces(result.text, marked),
        "span_findings": span_findings,
        "document_findings": document_findings,
        "rewrite": rewrite,
        "rewrite_changes": changes,
    }


def render(results: list[FileResult], **_options: Any) -> str:
    results = printable(results)  # names and text every output can write
    rules = {rule.code: rule for rule in load_catalog().rules}
    template = templates().get_template("report.html.j2")
    files = [_file(number, result, rules) for number, result in enumerate(results, 1)]
    # The nonce only has to be unguessable by the posting text, which cannot contain a hash of the page it is
    # part of; deriving it from the content keeps the report reproducible (same input, same bytes).
    digest = hashlib.sha256(json.dumps([[r.path, r.text] for r in results], ensure_ascii=False).encode("utf-8"))
    return template.render(files=files, summary=summary(results), version=__version__, nonce=digest.hexdigest()[:24])


if TYPE_CHECKING:  # mypy checks this module against the protocol
    from ..protocols import Reporter
    from . import html_report  # noqa: PLW0406 - the module itself, for mypy

    _reporter: Reporter = html_report
