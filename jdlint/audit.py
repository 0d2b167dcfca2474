"""Aggregate figures over many postings: what is missing, what is flagged, how postings read."""

from __future__ import annotations

from collections import Counter

from .fingerprint import normalise
from .printable import shown

GRADE_BINS = (
    (None, 8, "under 8"),
    (8, 10, "8-10"),
    (10, 12, "10-12"),
    (12, 14, "12-14"),
    (14, 16, "14-16"),
    (16, None, "16 and over"),
)
VERDICTS = (
    "strongly feminine-coded",
    "feminine-coded",
    "neutral",
    "masculine-coded",
    "strongly masculine-coded",
    "empty",
)
TOP_TERMS = 25
FAILED_LISTED = 1000  # inputs named in `failed.inputs`; `failed.postings` counts them all


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


MISSING = {"pay": ("JD501", "JD502"), "accommodation": ("JD510",), "eeo": ("JD520",)}  # codes saying it is missing


def grade_bin(grade: float) -> str:
    for low, high, label in GRADE_BINS:
        if (low is None or grade >= low) and (high is None or grade < high):
            return label
    raise AssertionError(grade)


def flagged_term(finding_text: str | None) -> str:
    """How a finding's matched text is counted among the top terms."""
    return normalise(finding_text)[:60]


def counts_term(category: str, has_span: bool) -> bool:
    """Whether a finding names a term (readability findings and whole-posting ones do not)."""
    return has_span and category != "readability"


def failed_inputs(errors) -> list[dict[str, str]]:
    """The inputs that could not be linted (InputErrors) as the audit lists them: by path, at most FAILED_LISTED,
    names and messages as every output writes them."""
    listed = sorted((shown(error.path), shown(error.message)) for error in errors)
    return [{"path": path, "message": message} for path, message in listed[:FAILED_LISTED]]


def aggregate(results, errors=()) -> dict:
    """The audit figures of linted postings (FileResults with metrics) and of the inputs that failed (InputErrors)."""
    errors = list(errors)
    missing: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    by_code: Counter[str] = Counter()
    terms: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    grades: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    for result in results:
        languages[result.language] += 1
        codes = {f.code for f in result.findings}
        for key, missing_codes in MISSING.items():
            missing[key] += bool(codes & set(missing_codes))
        for finding in result.findings:
            by_category[finding.category] += 1
            by_code[f"{finding.code} {finding.name}"] += 1
            if counts_term(finding.category, finding.span is not None):
                terms[flagged_term(finding.text)] += 1
        metrics = result.metrics
        if metrics is not None:
            verdicts[metrics.extra.get("gender_coding", {}).get("verdict", "empty")] += 1
            if metrics.flesch_kincaid_grade is not None:
                grades[grade_bin(metrics.flesch_kincaid_grade)] += 1
    return figures(
        len(results),
        missing,
        by_category,
        by_code,
        terms,
        verdicts,
        grades,
        len(errors),
        failed_inputs(errors),
        languages,
    )


def _ranked(counts) -> list[tuple[str, int]]:
    """Most frequent first; ties in alphabetical order, so every engine gives the same list."""
    return sorted(((key, count) for key, count in counts.items() if count), key=lambda item: (-item[1], item[0]))


def figures(
    total: int,
    missing,
    by_category,
    by_code,
    terms,
    verdicts,
    grades,
    failed_count: int = 0,
    failed: list[dict[str, str]] | None = None,
    languages=None,
) -> dict:
    """The audit document from its counts (shared by the local and the Spark engine). `total` counts the postings
    linted; `failed_count` the inputs that could not be, of which `failed` names at most FAILED_LISTED."""
    return {
        "postings": total,
        "missing": {
            key: {"postings": missing.get(key, 0), "share": _share(missing.get(key, 0), total)} for key in MISSING
        },
        "findings_by_category": dict(_ranked(by_category)),
        "findings_by_code": dict(_ranked(by_code)),
        "top_terms": [{"term": term, "count": count} for term, count in _ranked(terms)[:TOP_TERMS]],
        "reading_grade": {label: grades.get(label, 0) for *_, label in GRADE_BINS},
        "gender_coding": {verdict: verdicts.get(verdict, 0) for verdict in VERDICTS},
        "failed": {"postings": failed_count, "inputs": list(failed or [])[:FAILED_LISTED]},
        "languages": dict(_ranked(languages or {})),  # postings by the language they were linted as
    }
