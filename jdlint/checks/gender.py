"""Gendered wording that needs context: gender-coded words, and pronouns used for the candidate."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from ..analyses import coded_traits, gender_coding
from ..context import Context
from ..model import Match
from ..rule import Rule
from . import check


@check(needs=("sentences", "pos"))
def masculine_coded_word(context: Context, rule: Rule) -> Iterator[Match]:
    """Each masculine-coded word that describes the candidate or the team (info), in a posting whose
    verdict is masculine-coded.

    The research found that masculine wording turned women away while feminine wording did not turn
    men away, and that the effect comes from the balance of the whole ad: so only the masculine words
    of a masculine-leaning posting ask for a rewrite, and only where a rewrite can be made: a trait
    asked of the reader or the team, not the company's market position, an idiom or a technical term
    (coded_traits). Every posting's verdict is in the metrics.
    """
    coding = gender_coding.for_context(context)
    if "masculine" not in coding.verdict:
        return
    for word in coding.words:
        if word.side != "masculine":
            continue
        use = coded_traits.trait_use(context, word)
        if use is None:
            continue
        yield Match.at(
            word.start,
            word.end,
            suggestions=use.suggestions,
            params={"verdict": coding.verdict, "suggestion": "' or '".join(use.suggestions) or "a neutral word"},
        )


# \b(?:he|him|his|she|her|hers|himself|herself)\b in any case, written to begin with a character class (every
# letter the engine takes for h or s in any case) so that the search skips to those letters instead of trying the
# alternation at every character; the look-behind is the \b before the consumed first letter
_PRONOUN = re.compile(r"[HhSs\u017f](?<!\w.)(?:(?<=[Hh])(?i:e|im|is|er|ers|imself|erself)|(?<=[Ss\u017f])(?i:he))\b")
_DUTY = re.compile(r"\s+(?:will|must|should|shall|needs?\s+to|is expected|is required|has to)\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
# A named person close before the pronoun: "Ms Lee", "Dr. Okafor", or "Jane Doe," / "Jane Doe founded ...".
_NAMED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+[A-Z][a-z]+"
    r"|\b[A-Z][a-z]+\s+[A-Z][a-z]+(?=\s*,|\s+(?:is|was|has|had|who|founded|leads|led|joined|says|said|started|runs)\b)"
    r"|\b(?!(?:The|This|That|It|We|You|Our|He|She|They|If|When|So|And|But|Each|Every|Any)\b)[A-Z][a-z]+"
    r"\s+(?:thought|said|says|founded|started|joined|leads|led|built|decided|wanted|realized|realised|is|was|has|had)\b"
)
_BINARY = re.compile(
    r"\b(?:he|she|his|her|him)\s*(?:/|or)\s*(?:he|she|his|her|him)\b|\bs/he\b|\(s\)he\b", re.IGNORECASE
)


@check(needs=("sentences", "entities"))
def candidate_pronoun(context: Context, rule: Rule) -> Iterator[Match]:
    """'he will report to', 'bring his own book': a gendered pronoun for the person to be hired.

    Left alone: pronouns inside quotation marks, pronouns near a named person ("Ms Lee ... she",
    or a PERSON entity when a trained pipeline is loaded), and "he or she" forms (JD202 covers them).
    """
    settings = rule.options["settings"]
    cues, pronouns, duty, named_pattern = context.compiled(
        (rule.code, rule.language, "pronouns"), lambda: _compile(settings)
    )
    doc, text = context.doc, context.document.text
    # each list's spans never overlap, so only the last one starting at or before a pronoun can hold it; they are
    # searched for when a pronoun is met (most postings have none, and the searches cost more than the rest)
    skipped: list[list[tuple[int, int]]] | None = None
    people = sorted(e.start_char for e in doc.ents if e.label_ == "PERSON") if doc.has_annotation("ENT_IOB") else []
    starts: list[int] | None = None
    cued: dict[int, bool] = {}  # sentence index -> does it name the candidate (read once per sentence)
    named = _NamedBefore(text, named_pattern)
    for match in pronouns.finditer(text):
        start, end = match.start(), match.end()
        if skipped is None:
            skipped = [sorted((m.start(), m.end()) for m in pattern.finditer(text)) for pattern in (_QUOTED, _BINARY)]
        if any(_inside(spans, start) for spans in skipped):
            continue
        if starts is None:
            starts = context.sentence_starts() or [0]
        # the pronoun's sentence and the four before it (a bio or a speaker's talk names the person early)
        index = max(0, bisect.bisect_right(starts, start) - 1)
        window_start = starts[max(0, index - 4)]
        if named.within(window_start, start) or bisect.bisect_left(people, window_start) < bisect.bisect_left(
            people, start
        ):
            continue
        if index not in cued:
            sentence_end = starts[index + 1] if index + 1 < len(starts) else len(text)
            sentence = text[starts[index] : sentence_end].lower()
            cued[index] = any(cue.search(sentence) for cue in cues)
        follows = text[end : end + 30].lower()
        is_candidate = cued[index] or duty.match(follows)
        if (
            match.group().lower() in ("his", "her")
            and re.match(r"\s+own\b", follows)
            and re.search(
                r"\b(?:bring|bringing|use|manage|build|develop|run|generate|grow|own|have)\s+$",
                text[max(0, start - 15) : start],
                re.IGNORECASE,
            )
        ):
            is_candidate = True  # "bring his own book of business"
        if not is_candidate:
            continue
        word = match.group()
        suggestion = settings["replace"].get(word.lower(), settings.get("fallback", ["they"]))
        yield Match.at(start, end, suggestions=tuple(suggestion), params={"suggestion": "' or '".join(suggestion)})


def _compile(
    settings: dict[str, Any],
) -> tuple[list[re.Pattern[str]], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The candidate words, and a language's own pronouns (and nouns) for the candidate, duty verbs after them and
    named people before them, if its data gives them."""
    cues = [re.compile(rf"\b{re.escape(cue)}\b") for cue in settings["candidate_words"]]
    pronouns = re.compile(settings["pronouns"]) if "pronouns" in settings else _PRONOUN
    duty = re.compile(settings["duty"]) if "duty" in settings else _DUTY
    named = re.compile(settings["named"]) if "named" in settings else _NAMED
    return cues, pronouns, duty, named


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls in one of `spans` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, at, key=lambda span: span[0]) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


class _NamedBefore:
    """Whether a named person occurs in text[window:at], for pronouns met left to right.

    Searching the whole window again for each pronoun is quadratic in a long sentence of pronouns. Once a window has
    a name, every later pronoun of it does; a window without one is searched on from where the last search ended,
    less the word before it: a name found now but not then must end after that point, and the pronoun there can be
    only its last word ("Dr. He", "Jane He,") or its first ("His was ...")."""

    def __init__(self, text: str, pattern: re.Pattern[str] = _NAMED) -> None:
        self.text, self.pattern = text, pattern
        self.searched: dict[int, tuple[int, bool]] = {}  # window start -> (searched up to, name found)

    def within(self, window: int, at: int) -> bool:
        upto, found = self.searched.get(window, (window, False))
        if not found and at > upto:
            resume = self._word_before(window, upto)
            if resume <= window:
                found = self.pattern.search(self.text[window:at]) is not None
            else:  # from inside the window, \b and look-aheads read the same characters as in the slice
                found = self.pattern.search(self.text, resume, at) is not None
            self.searched[window] = (at, found)
        return found

    def _word_before(self, window: int, at: int) -> int:
        """Where the word before `at` starts (with the spaces after it and a title's full stop)."""
        text, i = self.text, at
        while i > window and text[i - 1].isspace():
            i -= 1
        while i > window and (text[i - 1].isalpha() or text[i - 1] == "."):
            i -= 1
        return i
