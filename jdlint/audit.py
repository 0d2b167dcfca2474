"""Aggregate figures over many postings: what is missing, what is flagged, how postings read."""

from __future__ import annotations

from collections import Counter

from .fingerprint import normalise

GRADE_BINS = ((None, 8, "under 8"), (8, 10, "8-10"), (10, 12, "10-12"), (12, 14, "12-14"), (14, 16, "14-16"),
              (16, None, "16 and over"))
VERDICTS = ("strongly feminine-coded", "feminine-coded", "neutral", "masculine-coded", "strongly masculine-coded",
            "empty")
TOP_TERMS = 25


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def aggregate(results) -> dict:
    total = len(results)
    missing = Counter()
    by_category, by_code, terms, verdicts, grades = Counter(), Counter(), Counter(), Counter(), Counter()
    for result in results:
        codes = {f.code for f in result.findings}
        missing["pay"] += bool(codes & {"JD501", "JD502"})
        missing["accommodation"] += "JD510" in codes
        missing["eeo"] += "JD520" in codes
        for finding in result.findings:
            by_category[finding.category] += 1
            by_code[f"{finding.code} {finding.name}"] += 1
            if finding.span is not None and finding.category != "readability":
                terms[normalise(finding.text)[:60]] += 1
        metrics = result.metrics
        if metrics is not None:
            verdicts[metrics.extra.get("gender_coding", {}).get("verdict", "empty")] += 1
            grade = metrics.flesch_kincaid_grade
            if grade is not None:
                for low, high, label in GRADE_BINS:
                    if (low is None or grade >= low) and (high is None or grade < high):
                        grades[label] += 1
    return {
        "postings": total,
        "missing": {key: {"postings": missing[key], "share": _share(missing[key], total)}
                    for key in ("pay", "accommodation", "eeo")},
        "findings_by_category": dict(by_category.most_common()),
        "findings_by_code": dict(by_code.most_common()),
        "top_terms": [{"term": term, "count": count} for term, count in terms.most_common(TOP_TERMS)],
        "reading_grade": {label: grades[label] for *_, label in GRADE_BINS},
        "gender_coding": {verdict: verdicts[verdict] for verdict in VERDICTS},
    }
