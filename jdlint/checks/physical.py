"""Physical requirements stated as a bodily method ("must be able to lift 50 lbs", "stand for 8 hours").

The ADA asks that qualification standards be job-related; practitioners (and the US Department of
Labor's ableist-verb lexicon) advise stating the outcome ("move boxes of up to 50 lb between
stations") and adding "with or without reasonable accommodation". A sentence that already says so
is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..model import Match
from ..rule import Rule
from . import check


def _compiled(settings: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    senses = ("see", "hear", "speak")  # only as bare abilities ("able to see and hear"), never "see the big picture"
    weight_only = ("push", "pull")  # "pull data", "push code": bodily only with a weight ("push 40 kg")
    verbs = sorted((v for v in settings["verbs"] if v not in senses + weight_only), key=len, reverse=True)
    # never "stand-ups" or "carry out"
    verb = r"(?P<verb>" + "|".join(verbs) + r")(?:s|ed|ing)?(?!-)(?!\s+out\b)"
    weighed = r"(?P<verb>" + "|".join(sorted(settings["verbs"], key=len, reverse=True)) + r")(?:s|ed|ing)?"
    modal = r"\b(?:must|able to|ability to|required to|requires?|need to|needs to|capable of|expected to)\b"
    return {
        # "must be able to lift", "ability to stand", within a few words of the requirement
        "modal": re.compile(modal + r"(?:\W+\w+){0,3}?\W+" + verb + r"\b", re.I),
        # "lift up to 50 lbs", "carrying 25 pounds"
        "weight": re.compile(r"\b" + weighed + r"\b[^.;\n]{0,30}?\b\d+\s*(?:lbs?|pounds|kg|kilograms)\b", re.I),
        # "prolonged periods of standing", "stand for 8 hours", "on your feet all day"
        "period": re.compile(
            r"\b(?:long|extended|prolonged)\s+periods?\s+of\s+(?P<verb>standing|sitting|walking)\b"
            r"|\b(?P<verb2>stand|sit|walk)(?:ing)?\s+for\s+(?:up\s+to\s+)?(?:\d+|long|extended|prolonged)"
            r"\s*(?:\+\s*)?(?:hours?|hrs|periods?)\b",
            re.I,
        ),
        # seeing and hearing as bare abilities ("able to see and hear"); speaking only on its own, since
        # "ability to speak and write Japanese" is a language requirement, not a bodily one
        "sense": re.compile(
            r"\b(?:must|able to|ability to)\b(?:\W+\w+){0,2}?\W+(?:(?P<verb>see|hear)\b"
            r"(?=\s*(?:[.,;)]|$|and\s+hear\b|and\s+see\b|or\b|clearly\b|well\b))"
            r"|(?P<verb3>speak)\b(?=\s*(?:[.;)]|$|clearly\b|audibly\b)))",
            re.I,
        ),
        "accommodation": re.compile(
            r"with(?:\s+or\s+without)?\s+(?:a\s+)?reasonable\s+accommodations?"
            r"|with\s+or\s+without\s+accommodations?",
            re.I,
        ),
    }


@check(needs=("sentences",))
def physical_method(context: Context, rule: Rule) -> Iterator[Match]:
    settings = rule.options["settings"]
    patterns = context.compiled((rule.code, "physical"), lambda: _compiled(settings))
    text = context.document.text
    seen: list[tuple[int, int]] = []
    for key in ("modal", "weight", "period", "sense"):
        for match in patterns[key].finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in seen):
                continue
            window = context.window(start, "sentence")
            if patterns["accommodation"].search(text, window[0], window[1]):
                continue
            groups = match.groupdict()
            verb = (groups.get("verb") or groups.get("verb2") or groups.get("verb3") or "").lower()
            base = next((v for v in settings["verbs"] if verb.startswith(v)), verb)
            alternatives = settings["verbs"].get(base, [])
            seen.append((start, end))
            yield Match.at(
                start,
                end,
                suggestions=tuple(alternatives) + (settings["accommodation"],),
                params={"alternatives": ", ".join(alternatives[:4]) or "the outcome"},
            )
