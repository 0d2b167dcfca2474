"""JSON output, schema_version 1 (DESIGN.md section 5). Change only by bumping the version."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..model import FileResult
from ..source import LineIndex
from ..version import __version__
from . import printable, span_location, summary

NAME: str = "json"
ORDER: int = 20
WANTS_METRICS: bool = True
DEFAULT_OUTPUT: str | None = None

SCHEMA_VERSION = 1


def finding_dict(finding, index: LineIndex) -> dict:
    return {
        "code": finding.code,
        "name": finding.name,
        "category": finding.category,
        "severity": finding.severity.value,
        "message": finding.message,
        "span": span_location(index, finding.span),
        "text": finding.text,
        "suggestions": list(finding.suggestions),
        "fix": None
        if finding.fix is None
        else {
            "applicability": finding.fix.applicability.value,
            "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in finding.fix.edits],
        },
        "source": finding.source,
    }


def metrics_dict(metrics) -> dict:
    if metrics is None:
        return {}
    out = {"words": metrics.words, "sentences": metrics.sentences, "flesch_kincaid_grade": metrics.flesch_kincaid_grade}
    out.update(metrics.extra)
    return out


def file_dict(result) -> dict:
    index = LineIndex(result.text)
    return {
        "path": result.path,
        "format": result.format,
        "encoding": result.encoding,
        "language": result.language,
        "language_source": result.language_source,
        "other_languages": list(result.other_languages),
        "findings": [finding_dict(f, index) for f in result.findings],
        "metrics": metrics_dict(result.metrics),
        "checklist": [
            {"code": item.code, "item": item.item, "status": item.status, "reason": item.reason}
            for item in result.checklist
        ],
    }


def document(results: list[FileResult]) -> dict:
    """The whole output as data (also what `jdlint serve`'s API answers)."""
    results = printable(results)  # names and text every output can write
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "jdlint", "version": __version__},
        "files": [file_dict(r) for r in results],
        "summary": summary(results),
    }


def render(results: list[FileResult], **options: Any) -> str:
    return "".join(render_pieces(results, **options))


def render_pieces(results: list[FileResult], **_options: Any) -> Iterator[str]:
    """`document(results)` as indented JSON, made a file at a time: the same bytes as dumping the whole document,
    and a writer can write each piece as it comes. A 4,000-posting batch's report is some 25 million characters,
    which Python holds at four bytes each once one emoji is among them; held whole, with its copies, it needed
    several hundred MB."""
    results = printable(results)
    head = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "jdlint", "version": __version__},
        "files": [],
        "summary": summary(results),
    }
    yield from listing_pieces(head, "files", (file_dict(r) for r in results))
    yield "\n"


def dumps_listing(head: dict, key: str, items: Iterable[Any]) -> str:
    """json.dumps(head with head[key] = list(items), indent=2, ensure_ascii=False)."""
    return "".join(listing_pieces(head, key, items))


def listing_pieces(head: dict, key: str, items: Iterable[Any]) -> Iterator[str]:
    """dumps_listing's text in pieces, each item encoded on its own. Indented JSON nests by prefixing each line: an
    item two levels down is its own dump with every line break followed by four more spaces (strings never hold a
    raw line break: JSON escapes it)."""
    if not head:
        yield "{}"
        return
    yield "{\n"
    for n, (name, value) in enumerate(head.items()):
        separator = ",\n" if n else ""
        yield f"{separator}  {_dumps(name)}: "
        if name != key:
            yield _dumps(value).replace("\n", "\n  ")
            continue
        empty = True
        for item in items:
            yield ("[\n    " if empty else ",\n    ") + _dumps(item).replace("\n", "\n    ")
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}"


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


if TYPE_CHECKING:  # mypy checks this module against the protocol
    from ..protocols import Reporter
    from . import json_report  # noqa: PLW0406 - the module itself, for mypy

    _reporter: Reporter = json_report
