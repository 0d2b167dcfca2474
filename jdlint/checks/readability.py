"""Readability: reading grade, very long sentences and posting length (thresholds are the rules' options)."""

from __future__ import annotations

from collections.abc import Iterator

from ..analyses.dictionary import mostly_in
from ..analyses.prose import prose
from ..context import Context
from ..kinds.needles import needles
from ..model import Match
from ..rule import Rule
from . import check


def _in_its_language(context: Context) -> bool:
    return mostly_in(context, context.language)  # each formula is for the language it was fitted on


@check(needs=("sentences",))
def reading_grade(context: Context, rule: Rule) -> Iterator[Match]:
    target = context.option(rule, "grade")
    running = prose(context, needles)
    grade = running.grade
    if grade is None or len(running.sentences) < 3 or grade <= target or not _in_its_language(context):
        return
    yield Match.whole_posting(
        params={
            "grade": f"{grade:.1f}",
            "scale": running.coefficients.scale,
            "target": target,
            "length": f"{running.average_sentence_length:.0f}",
        },
        suggestions=("split long sentences; prefer short, common words",),
    )


@check(needs=("sentences",))
def long_sentence(context: Context, rule: Rule) -> Iterator[Match]:
    limit = context.option(rule, "limit")
    if not _in_its_language(context):
        return
    for start, end, words in prose(context, needles).sentences:
        if words > limit:
            yield Match.at(
                start,
                end,
                params={"words": words, "limit": limit},
                suggestions=("split it into two or three sentences",),
            )


@check(needs=("sentences",))
def posting_length(context: Context, rule: Rule) -> Iterator[Match]:
    shortest, longest = context.option(rule, "min-words"), context.option(rule, "max-words")
    words = context.word_count
    if context.option(rule, "judge-from") <= words < shortest:
        yield Match.whole_posting(
            params={"words": words, "bound": f"shorter than {shortest}"},
            suggestions=("say what the job is, what it needs, what it pays and how to apply",),
        )
    elif words > longest:
        yield Match.whole_posting(
            params={"words": words, "bound": f"longer than {longest}"},
            suggestions=("cut what is not about the job; move company history to a link",),
        )
