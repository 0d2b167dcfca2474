"""Gender-coded wording (Gaucher, Friesen & Kay 2011): which words are coded, and the posting's verdict.

Two lexicons, both data in data/gender-coding.toml:
- "research" (the default): the paper's stems, with documented exceptions for posting boilerplate
  and other words the stems over-match ("responsibilities", "competitive salary", "analyst", a "Lead"
  job title, "lead time", "decision tree", "intellectual property");
- "gender-decoder": the gender-decoder tool's lists, text clean-up, matching and verdict, reproduced
  as that tool does them, so a user can compare with the numbers they know.

The metric counts a coded word wherever it is used in its coded sense, the company's description
included: the research counted the whole ad, and its masculine ads spoke of a "dominant" firm with
"leading" clients. Only words spelled alike that mean something else (the exceptions) are left out.
JD210 reports fewer: only the uses that describe the candidate or the team (coded_traits.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import tomli

from ..context import Context
from ..resources import data_path
from .scan import finditer_from

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@dataclass(frozen=True)
class CodedWord:
    start: int  # extracted-text offsets
    end: int
    word: str  # lower-case, as matched
    term: str  # the lexicon term that matched ("compet*")
    side: str  # "masculine" or "feminine"


@dataclass
class GenderCoding:
    masculine: list[str] = field(default_factory=list)  # every occurrence, lower-case
    feminine: list[str] = field(default_factory=list)
    verdict: str = "empty"
    words: list[CodedWord] = field(default_factory=list)  # with positions, for findings

    def as_metric(self) -> dict:
        return {"masculine": self.masculine, "feminine": self.feminine, "verdict": self.verdict}


def verdict(feminine: int, masculine: int) -> str:
    score = feminine - masculine
    if score == 0:
        return "neutral" if feminine else "empty"
    if score > 3:
        return "strongly feminine-coded"
    if score > 0:
        return "feminine-coded"
    if score < -3:
        return "strongly masculine-coded"
    return "masculine-coded"


@dataclass(frozen=True)
class _Term:
    text: str  # without the "*"
    prefix: bool
    side: str
    raw: str  # as written in the lexicon


@lru_cache(maxsize=1)
def lexicon_data() -> dict:
    """The lexicons of data/gender-coding.toml (also read for the trait table of coded_traits)."""
    return tomli.loads(data_path("data").joinpath("gender-coding.toml").read_text(encoding="utf-8"))["lexicon"]


@cache
def _terms(lexicon: str) -> tuple[_Term, ...]:
    data = lexicon_data()[lexicon]
    terms = []
    for side in ("masculine", "feminine"):
        for raw in data[side]:
            prefix = raw.endswith("*") or lexicon == "gender-decoder"
            terms.append(_Term(raw.rstrip("*").lower(), prefix, side, raw))
    return tuple(terms)


@cache
def _by_initial(lexicon: str) -> dict[str, tuple[_Term, ...]]:
    index: dict[str, list[_Term]] = {}
    for term in _terms(lexicon):
        index.setdefault(term.text[:1], []).append(term)
    return {k: tuple(v) for k, v in index.items()}


@cache
def _heads(lexicon: str) -> frozenset[str]:
    """First three letters of every term: most words fail this set lookup and are done."""
    return frozenset(term.text[:3] for term in _terms(lexicon))


def _matching_terms(word: str, lexicon: str) -> list[_Term]:
    if word[:3] not in _heads(lexicon):
        return []
    candidates = _by_initial(lexicon).get(word[:1], ())
    return [t for t in candidates if (word.startswith(t.text) if t.prefix else word == t.text)]


@lru_cache(maxsize=1)
def _exceptions():
    words: set[str] = set()
    phrases: list[str] = []
    scoped: list[tuple[frozenset[str], frozenset[str]]] = []
    for entry in lexicon_data()["research"].get("exception", []):
        words.update(w.lower() for w in entry.get("words", ()))
        phrases.extend(p.lower() for p in entry.get("phrases", ()))
        if entry.get("scopes"):
            scoped.append((frozenset(entry["scopes"]), frozenset(entry.get("stems", ()))))
    phrase_re = (
        re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b")
        if phrases
        else None
    )
    # every match begins with a phrase, so with its first letters ("competit" for each "competitive ..."): the
    # regex is tried only where one of those begins, not at every character
    begins = sorted({p[:8] for p in phrases})
    return words, phrase_re, scoped, [b for i, b in enumerate(begins) if not (i and b.startswith(begins[i - 1]))]


@cache
def _hyphenated(lexicon: str) -> tuple[str, ...]:
    """The lexicon's terms with a hyphen ("self-confident")."""
    return tuple(term.text for term in _terms(lexicon) if "-" in term.text)


@lru_cache(maxsize=100_000)
def _coded_pieces(whole: str) -> tuple[tuple[int, str, tuple[_Term, ...]], ...]:
    """(offset, piece, matching terms) for the coded pieces of one lower-case word, whatever its
    place: a hyphenated word counts whole when a hyphenated term fits it ("self-confident"), else by
    parts. Remembered per word, since most words of a batch recur and most match nothing."""
    excluded_words = _exceptions()[0]
    pieces = [(0, whole)]
    if "-" in whole and not whole.startswith(_hyphenated("research")):
        pieces, offset = [], 0
        for part in whole.split("-"):
            pieces.append((offset, part))
            offset += len(part) + 1
    coded = []
    for offset, word in pieces:
        if word in excluded_words:
            continue
        matching = _matching_terms(word, "research")
        if matching:
            coded.append((offset, word, tuple(matching)))
    return tuple(coded)


@lru_cache(maxsize=1)
def _begin_words() -> list[frozenset[str] | None]:
    """For each of the exception phrases' begins, the first words (leading ASCII letters) of the phrases it begins;
    None when one of them starts otherwise."""
    phrases = [p.lower() for entry in lexicon_data()["research"].get("exception", []) for p in entry.get("phrases", ())]
    found = []
    for begin in _exceptions()[3]:
        firsts = {_LEADING.match(p).group() for p in phrases if p.startswith(begin)}  # type: ignore[union-attr]
        found.append(None if "" in firsts else frozenset(firsts))
    return found


_LEADING = re.compile(r"[a-z]*")


def _begins_present(text: str, lower: str, distinct: set[str]) -> list[str]:
    """The exception phrases' begins whose phrases can match in `lower`: a match's first word, right after a \b,
    is a whole run of ASCII letters, so one of the text's words or hyphenated pieces, lower-cased. When lower-casing
    moves letters (a character made two) or makes an ASCII letter of another (the Kelvin sign), all of them."""
    begins = _exceptions()[3]
    if len(lower) != len(text) or "\u212a" in text:
        return begins
    pieces = {word.lower() for word in distinct}
    for word in [word for word in pieces if "-" in word]:
        pieces.update(word.split("-"))
    return [begin for begin, firsts in zip(begins, _begin_words()) if firsts is None or not firsts.isdisjoint(pieces)]


def _spared(phrase_re: re.Pattern[str], lower: str, begins: list[str]) -> list[tuple[int, int]]:
    """The spans of phrase_re.finditer(lower), the regex tried only where one of `begins` is found."""
    return [match.span() for match in finditer_from(phrase_re, lower, lower, begins)]


def _research(document) -> GenderCoding:
    _, phrase_re, scoped, begins = _exceptions()
    text = document.text
    result = GenderCoding()
    # the words in order, found in C; only the few distinct ones with coded pieces are placed in the text (a Python
    # step per word of the posting cost most of the analysis)
    words = _WORD.findall(text)
    distinct = set(words)
    coded = _coded_words(distinct)
    spared: list[tuple[int, int]] = []
    if coded and phrase_re:  # (the spared spans only ever spare a coded word)
        lower = text.lower()
        spared = _spared(phrase_re, lower, _begins_present(text, lower, distinct))
    after = 0
    for whole in [whole for whole in words if whole in coded] if coded else ():
        at = _placed(text, whole, after)
        after = at + len(whole)
        for offset, word, terms in coded[whole]:
            start = at + offset
            end = start + len(word)
            if any(s <= start and end <= e for s, e in spared):
                continue
            segment = document.segment_at(start)
            scope = segment.scope if segment else None
            for term in terms:
                if any(scope in scopes and term.raw in stems for scopes, stems in scoped):
                    continue
                result.words.append(CodedWord(start, end, word, term.raw, term.side))
                getattr(result, term.side).append(word)
                break  # one word counts once ("dominant" fits "dominant" and "domina*")
    result.verdict = verdict(len(result.feminine), len(result.masculine))
    return result


_PLAIN: set[str] = set()  # words as written without a coded piece, and those with, remembered across postings
_CODED: dict[str, tuple[tuple[int, str, tuple[_Term, ...]], ...]] = {}


def _coded_words(distinct: set[str]) -> dict[str, tuple[tuple[int, str, tuple[_Term, ...]], ...]]:
    """The coded pieces of each of `distinct` (words as written) that has some. Most words of a posting were seen in
    earlier ones and have none: a set difference leaves them out at once."""
    if len(_PLAIN) + len(_CODED) > 200_000:
        _PLAIN.clear()
        _CODED.clear()
    unknown = distinct - _PLAIN
    for whole in unknown:
        if whole not in _CODED:
            pieces = _coded_pieces(whole.lower())
            if pieces:
                _CODED[whole] = pieces
            else:
                _PLAIN.add(whole)
    return {whole: _CODED[whole] for whole in unknown if whole in _CODED}


_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _placed(text: str, whole: str, after: int) -> int:
    """Where `whole`, a match of _WORD, is next matched by _WORD.finditer(text) at or after `after` (the end of the
    previous match asked for; every match between differs from `whole`): its first occurrence there that _WORD would
    neither extend (a letter, or a hyphen and a letter, beyond either end) nor find inside a longer match."""
    size, end = len(text), len(whole)
    at = text.find(whole, after)
    while at >= 0:
        stop = at + end
        if not (
            (at and (text[at - 1] in _LETTERS or (text[at - 1] == "-" and at > 1 and text[at - 2] in _LETTERS)))
            or (
                stop < size
                and (text[stop] in _LETTERS or (text[stop] == "-" and stop + 1 < size and text[stop + 1] in _LETTERS))
            )
        ):
            return at
        at = text.find(whole, at + 1)
    raise ValueError(f"{whole!r} is not a word of the text after {after}")


# --- gender-decoder, as the tool does it -------------------------------------------------------

_GD_PUNCTUATION = re.compile("[\\.\\t\\,“”‘’<>\\*\\?\\!\\\"\\[\\]\\@\\':;\\(\\)\\./&]")


def gender_decoder_words(text: str) -> list[str]:
    """gender-decoder's word list: non-ASCII and punctuation to spaces, lower-case, hyphens split."""
    cleaner = "".join(ch if ord(ch) < 128 else " " for ch in text)
    cleaner = re.sub(r"\s", " ", cleaner)
    words = [w.lower() for w in _GD_PUNCTUATION.sub(" ", cleaner).split(" ") if w != ""]
    return _gd_split_hyphens(words)


def _gd_split_hyphens(word_list: list[str]) -> list[str]:
    # The tool walks the list while replacing it; the walk goes on over the list it started with, which
    # loses its first word at the first split. Reproduced as is, so verdicts agree word for word.
    hyphenated = [t.text for t in _terms("gender-decoder") if "-" in t.text]
    walked = word_list
    for word in walked:
        # find() is -1 (true) without a hyphen too: only words starting with "-" are skipped
        if word.find("-") and not any(word.startswith(term) for term in hyphenated):
            index = word_list.index(word)
            word_list.remove(word)
            word_list = word_list[:index] + word.split("-") + word_list[index:]
    return word_list


def _gender_decoder(document) -> GenderCoding:
    terms = _terms("gender-decoder")
    never = tuple(lexicon_data()["gender-decoder"].get("never", ()))
    result = GenderCoding()
    for word in gender_decoder_words(document.text):
        if never and word.startswith(never):
            continue
        for term in terms:
            if word.startswith(term.text):
                getattr(result, term.side).append(word)
    result.verdict = verdict(len(result.feminine), len(result.masculine))
    # Positions for per-word findings: the same lists, matched word by word over the text.
    for match in _WORD.finditer(document.text):
        start = match.start()
        for part in match.group().lower().split("-"):
            if not (never and part.startswith(never)):
                for term in _matching_terms(part, "gender-decoder"):
                    result.words.append(CodedWord(start, start + len(part), part, term.raw, term.side))
            start += len(part) + 1
    return result


def analyse(document, lexicon: str = "research") -> GenderCoding:
    if lexicon == "gender-decoder":
        return _gender_decoder(document)
    return _research(document)


def for_context(context: Context) -> GenderCoding:
    """The posting's gender-coded words and verdict, with the configured lexicon (shared by rule and metrics)."""
    return context.memo("gender-coding", lambda: analyse(context.document, context.config.gender_coding_lexicon))
