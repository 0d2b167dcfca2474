"""Which masculine-coded words describe the candidate or the team: the ones JD210 reports.

The gender-coding analysis counts every coded word of the posting (the research measured the whole ad,
the company's description too). A rewrite is only worth asking for where the word names a trait of the
person to be hired or of the team they join ("you are competitive", "an ambitious team", "strong
analytical skills"), not the company's market position ("a leading provider"), a duty's object
("analytical models"), an idiom or a technical term. Decided here, from:

- the trait table (data/gender-coding.toml, `[lexicon.research.trait]`): the forms of each term that
  name a trait, as which part of speech, and the neighbours that make another term of them;
- what an adjective or noun describes: the words after it up to the phrase's end, whose head must be a
  person, a group or a quality ("engineer", "team", "skills", "mindset"), or nothing (said of someone:
  "you are analytical and calm.");
- who does a verb: a form after "to", "will", "you", "experience" ... or opening a line, not after a
  determiner (then it is a noun: "the lead", "a leading provider");
- the sentence and section: a sentence about the reader or the candidate, the requirements (or
  preferred) section, a duty opening a responsibilities line, or (adjectives and nouns) a sentence
  about the team;
- parts of speech when a trained pipeline tagged the Doc: a form must have its trait's part of speech.

Suggestions come per part of speech, verbs put in the matched form ("leading" -> "guiding").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..context import Context
from . import gender_coding
from .gender_coding import CodedWord

POS_NAMES = ("ADJ", "NOUN", "VERB", "ADV")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = re.compile(r"\n|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*|\d+|[^\sA-Za-z\d]")

# Words that end the phrase an adjective or noun belongs to (prepositions, relatives, auxiliaries).
_PHRASE_ENDS = _words(
    "of in for with to that which who whom whose across on at by from into onto over under about as than like "
    "is are was were be been being will would can could should must may might shall has have had do does did "
    "while when where whether if so but because including such"
)
# What a trait word may describe. A person or a personal quality is someone's trait wherever it stands
# (a posting speaks of the hire or the team: "an ambitious engineer", "analytical skills"); a group or a
# place needs a sentence about the candidate or the team ("a competitive environment").
_PERSONAL_HEADS = _words(
    """person people individual individuals candidate candidates applicant applicants hire teammate teammates
    colleague colleagues professional professionals self-starter self-starters starter starters achiever achievers
    go-getter go-getters player players thinker thinkers learner learners worker workers engineer engineers developer
    developers designer designers scientist scientists manager managers leader leaders seller sellers salesperson
    salespeople rep reps representative representatives marketer marketers recruiter recruiters builder builders
    operator operators communicator communicators problem-solver problem-solvers solver solvers personality
    personalities character mind minds mindset spirit attitude nature drive streak approach thinking judgment judgement
    curiosity skills skill abilities ability aptitude qualities traits trait style acumen rigor rigour reasoning
    self presence employees member members background"""
)
_HEADS = _PERSONAL_HEADS | _words(
    "team teams crew squad staff culture environment atmosphere workplace experience background"
)
_MODIFIER = re.compile(
    r"(?:very|highly|extremely|really|truly|always|also|quite|often|never|still|just|both|fun|strong|good|great|excellent|solid|sound|keen|sharp|"
    r"deep|quick|smart|bold|hungry|calm|kind|fair|open|clear|junior|senior|mid|and|or|&|/|,)$"
    r"|.*(?:al|ive|ous|ful|ic|ent|ant|ed|ible|able|less|ish|ary|ory|ly)$|.+-.+"
)
# Before a verb form, words that make the candidate (or the team) its doer.
_ACTOR_BEFORE = _words(
    """to will 'll ’ll you we can could should must shall would and or help helps helping also then successfully
    effectively confidently proactively actively directly personally naturally ability experience experienced years
    in of by be are is been enjoy enjoys love loves like keep keeps comfortable who proven demonstrated
    capable"""
)
_CANDIDATE = re.compile(
    r"\b(?:you|your|yours|yourself|you['’](?:re|ll|ve|d))\b|\b(?:candidates?|applicants?|hires?|someone|somebody)\b"
    r"|\b(?:looking for|seeking|searching for|want|need|hiring)\s+(?:an?|the)\b",
    re.IGNORECASE,
)
_TEAM = re.compile(
    r"\b(?:our|the|this|a|an)\s+(?:[\w-]+\s+){0,3}?(?:team|teams|crew|squad|colleagues|people|culture)\b"
    r"|\bwe(?:['’]re|\s+are)\b",
    re.IGNORECASE,
)
# Before a noun, owners that make it the company's or something already named: "our ambition", "that ambition".
_OWNED_ELSEWHERE = frozenset({"our", "its", "their", "that", "this", "these", "those", "every", "each"})
# A line that reads as a requirement wherever it stands (a qualifications heading jdlint did not name).
_REQUIREMENT_LINE = re.compile(
    r"\W*(?:\d+\+?\s*(?:years|yrs)|(?:proven|demonstrated|previous|prior|relevant)?\s*(?:experience|ability|able)\b"
    r"|(?:strong|excellent|exceptional|outstanding|good|solid|proven|demonstrated)\s+\w+(?:\s+\w+)?\s+skills\b)",
    re.IGNORECASE,
)
_CANDIDATE_SECTIONS = frozenset({"requirements", "preferred"})


@dataclass(frozen=True)
class TraitUse:
    word: CodedWord
    pos: str  # the trait sense's part of speech: ADJ, NOUN, VERB or ADV
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class _Entry:
    forms: dict[str, str]  # lower-case form -> part of speech
    not_before: dict[str, frozenset[str]]  # part of speech (or "ALL") -> next words that make another term
    not_after: dict[str, frozenset[str]]  # part of speech (or "ALL") -> previous words that make another term
    after: frozenset[str]
    not_within: frozenset[str]  # words among the four before the form that make it another matter's
    suggest: dict[str, tuple[str, ...]]


def _key(term: str) -> str:
    # research "self-confiden*" and gender-decoder "selfconfiden" name the same term
    return term.rstrip("*").replace("-", "")


@lru_cache(maxsize=1)
def _table() -> dict[str, _Entry]:
    table = {}
    for term, data in gender_coding.lexicon_data()["research"].get("trait", {}).items():
        forms = {form.lower(): pos for pos in POS_NAMES for form in data.get(pos, ())}
        table[_key(term)] = _Entry(
            forms,
            _by_pos(data.get("not_before", {})),
            _by_pos(data.get("not_after", {})),
            frozenset(w.lower() for w in data.get("after", ())),
            frozenset(w.lower() for w in data.get("not_within", ())),
            {pos: tuple(words) for pos, words in data.get("suggest", {}).items()},
        )
    return table


def _by_pos(words: list[str] | dict[str, list[str]]) -> dict[str, frozenset[str]]:
    # a plain list holds for every part of speech; a table names the part of speech ("ALL" for every one)
    table = words if isinstance(words, dict) else {"ALL": words}
    return {pos: frozenset(w.lower() for w in listed) for pos, listed in table.items()}


def entry(term: str) -> _Entry | None:
    return _table().get(_key(term))


@cache
def inflect(verb: str, form: str) -> str:
    """Put a base-form suggestion ("guide", "keep going") in the matched verb form's shape."""
    head, _, rest = verb.partition(" ")
    if form.endswith("ing"):
        head = (head[:-1] if head.endswith("e") and not head.endswith("ee") else head) + "ing"
    elif form.endswith("ed"):
        head = head + ("d" if head.endswith("e") else "ed")
    elif form.endswith("s") and not form.endswith("ss"):
        head = head + ("es" if head.endswith(("s", "sh", "ch", "x")) else "s")
    return " ".join(part for part in (head, rest) if part)


def suggestions_for(term: str, form: str, pos: str) -> tuple[str, ...]:
    """Rewrites that fit the matched form's part of speech; none when the table has none for it."""
    found = entry(term)
    if found is None:
        return ()
    options = found.suggest.get(pos, ())
    if pos == "VERB":
        return tuple(inflect(option, form) for option in options)
    return options


def _words_after(text: str, end: int, limit: int = 8) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text, end, min(len(text), end + 120))][:limit]


def _words_before(text: str, start: int, limit: int = 4) -> list[str]:
    tokens = [m.group() for m in _TOKEN.finditer(text, max(0, start - 80), start)]
    return tokens[-limit:]


def _head(following: list[str]) -> str | None:
    """What an adjective or noun describes: "" when nothing follows in its phrase (said of someone: "is
    calm."), the head noun when it is a person, group or quality, else None (a thing).

    The head is the first run of words that are not modifiers ("communication skills" in "analytical,
    interpersonal and communication skills").
    """
    run: list[str] = []
    for token in following:
        low = token.lower()
        if token == "(":
            continue  # what a bracket names is what the word describes: "analytical (EDW, Data Lake) solutions"
        if token == "\n" or low in _PHRASE_ENDS or not (token[0].isalpha() or token in ",/&"):
            break
        if _MODIFIER.match(low):
            if run:
                break  # the noun run has ended: "analytic work and experience"
            continue
        run.append(low)
    if not run:
        return ""
    return next((word for word in run if word in _HEADS), None)


def _opens_clause(before: list[str]) -> bool:
    # opens a line or a clause: "Lead by example", "- Lead cross-team work"
    return not before or before[-1] == "\n" or before[-1] in "•*-–—:;.!?)(" or before[-1].isdigit()


def _verb_has_actor(before: list[str], form: str) -> bool:
    if form.endswith("ing") and len(before) > 1 and before[-1].lower() in ("and", "or"):
        # "designing or leading" joins two verbs; "new and challenging" two adjectives
        return before[-2].lower().endswith("ing")
    return _opens_clause(before) or before[-1].lower() in _ACTOR_BEFORE


def _tagged_pos(context: Context, word: CodedWord) -> str | None:
    doc = context.doc
    if not getattr(context.pipeline, "tagged", False) or doc is None or not doc.has_annotation("POS"):
        return None
    span: Any = doc.char_span(word.start, word.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    pos: str = span[0].pos_
    return {"PROPN": "NOUN", "AUX": "VERB"}.get(pos, pos)


def _about_candidate_or_team(context: Context, start: int, pos: str, opens_clause: bool) -> bool:
    """A sentence about the reader or the candidate, the requirements or a line that reads as one ("5 years
    of experience leading ..."); a duty opening a responsibilities line ("Lead the migration"); for
    adjectives and nouns, a sentence about the team too."""
    section = context.document.section_at(start)
    if section in _CANDIDATE_SECTIONS or (pos == "VERB" and opens_clause and section == "responsibilities"):
        return True
    low, high = context.window(start, "sentence")
    sentence = context.document.text[low:high]
    if _REQUIREMENT_LINE.match(sentence):
        return True
    return bool(_CANDIDATE.search(sentence) or (pos != "VERB" and _TEAM.search(sentence)))


def _neighbours_allow(found: _Entry, pos: str, before: list[str], following: list[str]) -> bool:
    """No neighbour makes another term of the form ("leading provider", "our ambition", "pay is competitive")."""
    previous = before[-1].lower() if before else ""
    following_word = following[0].lower() if following else ""
    if previous in found.not_after.get("ALL", ()) or previous in found.not_after.get(pos, ()):
        return False
    if pos == "NOUN" and previous in _OWNED_ELSEWHERE:
        return False  # "our ambition", "that ambition": the company's, not a trait asked of anyone
    if following_word.isdigit():
        return False  # a label: "Objective 5", "Lead 2"
    if pos == "ADV" and following_word.endswith("ed"):
        return False  # an adverb of a passive: "independently verified", "autonomously driven"
    if following_word in found.not_before.get("ALL", ()) or following_word in found.not_before.get(pos, ()):
        return False
    if found.after and not any(w.lower() in found.after for w in before[-3:]):
        return False
    return not any(w.lower() in found.not_within for w in before)  # "the remuneration is competitive"


def trait_use(context: Context, word: CodedWord) -> TraitUse | None:
    """The word as a trait of the candidate or the team, or None for any other use."""
    found = entry(word.term)
    if found is None or word.word not in found.forms:
        return None
    text = context.document.text
    if (word.start and text[word.start - 1] == "-") or text[word.end : word.end + 1] == "-":
        return None  # part of a compound: "industry-leading", "data-driven", "decision-making"
    pos = found.forms[word.word]
    tagged = _tagged_pos(context, word)
    if tagged is not None and tagged != pos:
        return None  # a trained tagger read another part of speech: "the lead", "leading" as an adjective
    before = _words_before(text, word.start)
    following = _words_after(text, word.end)
    if not _neighbours_allow(found, pos, before, following):
        return None
    head = _head(following) if pos in ("ADJ", "NOUN") and not found.after else ""
    if head is None:
        return None
    if pos == "VERB" and tagged is None and not _verb_has_actor(before, word.word):
        return None
    personal = head in _PERSONAL_HEADS and not (pos == "NOUN" and head not in ("skills", "skill", "qualities"))
    if not personal and not _about_candidate_or_team(context, word.start, pos, _opens_clause(before)):
        return None
    return TraitUse(word, pos, suggestions_for(word.term, word.word, pos))
