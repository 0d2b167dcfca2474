"""The audit as a page for recruiters and DEI reviewers: the figures of jdlint.audit in plain words.

Every chart is a data table (a screen reader reads the numbers; the bar under each row's name is a hidden SVG
that stretches with the column, so the page reflows at 320 px). Posting-derived text (file names, error
messages, flagged terms) is escaped by Jinja2, isolated in <bdi> by the template, and shows its bidi controls as
visible escapes (`<U+202E>`), so it can neither reorder the page nor pass off "cv-<U+202E>fdp.txt" as "cv-txt.pdf".
"""

from __future__ import annotations

import re
from typing import Any

from ..language.detect import language_name
from ..model import InputError
from ..printable import visible_controls
from ..resources import data_path
from ..version import __version__
from . import plain_labels

MISSING_LABELS = {"pay": "Pay range", "accommodation": "Accommodation statement", "eeo": "Equal-opportunity statement"}
MISSING_CODES = {"pay": "missing-salary", "accommodation": "missing-accommodation", "eeo": "missing-eeo"}


class Ids:
    """Element ids unique within one page, made from titles: a second title with the same slug gets -2, -3, ..."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def __call__(self, title: str) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "part"
        found, number = base, 1
        while found in self.taken:
            number += 1
            found = f"{base}-{number}"
        self.taken.add(found)
        return found


def _row(label: str, value: int, top: int, code: str | None = None, share: float | None = None) -> dict[str, Any]:
    return {
        "label": label,
        "code": code,
        "value": value,
        "share": None if share is None else f"{share * 100:.1f}%",
        "width": round(value / top * 100, 2) if top else 0,
    }


def _chart(
    ids: Ids, title: str, group: str, column: str, rows: list[tuple[str, int, str | None]], **extra: Any
) -> dict:
    top = max((value for _, value, _ in rows), default=0)
    return {
        "id": ids(title),
        "title": title,
        "group": group,
        "column": column,
        "rows": [_row(label, value, top, code) for label, value, code in rows],
        **extra,
    }


def view(figures: dict) -> dict[str, Any]:
    """What the template shows, from the audit figures (the JSON audit's `audit` object)."""
    ids = Ids()
    total = figures["postings"]
    failed = figures.get("failed") or {"postings": 0, "inputs": []}
    missing_top = max((figures["missing"][key]["postings"] for key in MISSING_LABELS), default=0)
    missing = {
        "id": ids("What postings leave out"),
        "title": "What postings leave out",
        "rows": [
            _row(
                label,
                figures["missing"][key]["postings"],
                missing_top,
                MISSING_CODES[key],
                figures["missing"][key]["share"],
            )
            for key, label in MISSING_LABELS.items()
        ],
    }
    by_rule = []
    for key, count in figures["findings_by_code"].items():
        code, _, name = key.partition(" ")
        by_rule.append((plain_labels.rule(name) if name else code, count, code))
    charts = [
        _chart(
            ids,
            "Findings by category",
            "Category",
            "Findings",
            [(plain_labels.category(name), count, name) for name, count in figures["findings_by_category"].items()],
        ),
        _chart(
            ids,
            "Postings by reading grade",
            "Reading grade",
            "Postings",
            [(f"Grade {label}", count, None) for label, count in figures["reading_grade"].items()],
            note="The US school grade a reader needs to follow the running text; about 8 suits a broad audience.",
        ),
        _chart(
            ids,
            "Postings by gender coding",
            "Gender coding",
            "Postings",
            [(plain_labels.verdict(name), count, name) for name, count in figures["gender_coding"].items()],
            note="Whether a posting's wording leans to words research links with men or with women.",
        ),
        _chart(
            ids,
            "Postings by language",
            "Language",
            "Postings",
            [(language_name(code), count, code) for code, count in figures.get("languages", {}).items()],
            note="The language each posting was checked in: as it says (front matter, page or record), else as "
            "its text reads.",
        ),
        _chart(ids, "Findings by rule", "Rule", "Findings", by_rule),
    ]
    return {
        "postings": total,
        "failed_count": failed["postings"],
        "failed": [
            {
                "path": visible_controls(item["path"]),
                "message": visible_controls(InputError(item["path"], item["message"]).reason),
            }
            for item in failed["inputs"]
        ],
        "failed_unlisted": failed["postings"] - len(failed["inputs"]),
        "failed_id": ids("Inputs that could not be read"),
        "missing": missing,
        "charts": charts,
        "terms_id": ids("Most frequent flagged terms"),
        "terms": [{"term": visible_controls(row["term"]), "count": row["count"]} for row in figures["top_terms"]],
    }


def _templates():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(data_path("reports"))),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(figures: dict) -> str:
    """The audit page (`jdlint audit --format html`, the Spark engine's audit.html)."""
    return _templates().get_template("audit.html.j2").render(page=view(figures), version=__version__)
