"""Term sets: the phrases, token patterns and regular expressions a rule matches, compiled once.

Phrases go to spaCy's PhraseMatcher (case-insensitive), token patterns to spaCy's Matcher, and
regular expressions (for damage inside words, which tokens cannot see) to `re` over the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from spacy.attrs import LOWER
from spacy.schemas import validate_token_pattern

from ..analyses.scan import Lazy, aligned, doc_letters
from .needles import ascii_digits, more_needles, needles, refused_before, search, starts

TERM_KEYS = ("phrases", "patterns", "tagged_patterns", "regex")
_TAGGED_ATTRS = {"POS", "TAG", "DEP", "MORPH", "ENT_TYPE", "HEAD"}
_CURLY = str.maketrans({"'": "’"})


# The shipped catalog's regexes are compiled on first use (in a posting holding their needles), not as it loads:
# compiling them all was a fifth of a cold start's catalog time, and tests/test_catalog.py compiles every one of them.
# Any other catalog's are compiled, and so checked, as it loads.
_SHIPPED: ContextVar[bool] = ContextVar("shipped_catalog", default=False)


@contextmanager
def shipped_catalog() -> Iterator[None]:
    """Validate the shipped catalog's term sets inside this block (their regexes left to compile on first use)."""
    token = _SHIPPED.set(True)
    try:
        yield
    finally:
        _SHIPPED.reset(token)


def validate_terms(spec: object, where: str, *, required: bool = True) -> dict[str, Any]:
    if not isinstance(spec, dict):
        raise ValueError(f"{where} must be a table with phrases, patterns or regex")
    unknown = set(spec) - set(TERM_KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    phrases = spec.get("phrases", [])
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise ValueError(f"{where}.phrases must be a list of non-empty strings")
    _validate_token_patterns(spec, where)
    regexes = spec.get("regex", [])
    if not isinstance(regexes, list) or not all(isinstance(r, str) for r in regexes):
        raise ValueError(f"{where}.regex must be a list of strings")
    compiled = [Lazy(r) if _SHIPPED.get() else re.compile(r) for r in regexes]
    if required and not (phrases or spec.get("patterns") or compiled):
        raise ValueError(f"{where} needs at least one phrase, pattern or regex")
    return {**spec, "regex": compiled}


def _validate_token_patterns(spec: dict[str, Any], where: str) -> None:
    """patterns and tagged_patterns: lists of valid spaCy token patterns, the tagged ones (POS, TAG, DEP, ...)
    kept apart since they need a trained pipeline."""
    for key in ("patterns", "tagged_patterns"):
        patterns = spec.get(key, [])
        if not isinstance(patterns, list) or not all(
            isinstance(p, list) and p and all(isinstance(t, dict) for t in p) for p in patterns
        ):
            raise ValueError(f"{where}.{key} must be a list of token patterns (lists of tables)")
    for pattern in spec.get("patterns", []):
        if uses_tags(pattern):
            raise ValueError(f"{where}.patterns uses POS/TAG/DEP; put it in tagged_patterns")
    for key in ("patterns", "tagged_patterns"):
        for pattern in spec.get(key, []):
            problems = validate_token_pattern(pattern)
            if problems:
                raise ValueError(f"{where}.{key}: invalid token pattern {pattern}: {'; '.join(problems)}")


def uses_tags(pattern: list[dict[str, Any]]) -> bool:
    return any(key.upper() in _TAGGED_ATTRS for token in pattern for key in token)


def uses_lemmas(spec: dict[str, Any]) -> bool:
    return any(
        "LEMMA" in {k.upper() for k in token}
        for key in ("patterns", "tagged_patterns")
        for pattern in spec.get(key, [])
        for token in pattern
    )


def phrase_variants(phrase: str) -> list[str]:
    """The phrase as written, in capitals and title case (the tokenizer splits "U.S." and "u.s."
    differently), each with a typographic apostrophe too."""
    variants = []
    for form in (phrase, phrase.upper(), phrase.title()):
        variants.append(form)
        if "'" in form:
            variants.append(form.translate(_CURLY))
    return variants


_TOKENIZERS: dict[int, tuple[Any, dict[str, Any], bool]] = {}  # id -> (tokenizer, its special cases, plain words kept)


def plain_shape(text: str, pipeline: Any) -> tuple[str, ...] | None:
    """The lower-case words the tokenizer makes of `text` when that is certain without running it: ASCII words
    joined by single spaces, none a special case ("cannot") or holding a prefix, suffix or infix, each make one
    token; None otherwise. A special case spanning words could join them, so a tokenizer with one (words with
    spaces, or letters it splits) gets None always."""
    tokenizer = pipeline.nlp.tokenizer
    known = _TOKENIZERS.get(id(tokenizer))
    if known is None or known[0] is not tokenizer:
        rules = tokenizer.rules
        plain = not any(
            (any(c.isspace() for c in key) and not key.isspace()) or (key.isalpha() and _splits(tokenizer, key))
            for key in rules
        )
        known = _TOKENIZERS[id(tokenizer)] = (tokenizer, rules, plain)
    _, rules, plain = known
    words = text.split(" ")
    if not plain or not all(word.isascii() and word.isalpha() for word in words):
        return None
    for word in words:
        if word in rules or _splits(tokenizer, word):
            return None
    lower = pipeline.vocab.lex_attr_getters.get(LOWER, str.lower)
    return tuple(lower(word) for word in words)


def _splits(tokenizer: Any, word: str) -> bool:
    return bool(tokenizer.find_prefix(word) or tokenizer.find_suffix(word) or tokenizer.find_infix(word))


class CompiledTerms:
    def __init__(self, spec: dict[str, Any], pipeline: Any) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.regex: list[re.Pattern[str] | Lazy] = spec.get("regex", [])
        self.regex_needles = [needles(pattern) for pattern in self.regex]
        self.regex_more = [more_needles(pattern, found) for pattern, found in zip(self.regex, self.regex_needles)]
        self.regex_shared = [_shared_part(found) for found in self.regex_needles]
        self.regex_starts = [starts(pattern) for pattern in self.regex]
        # a pattern opening with \d ("5 years"): its starts in a text whose digits are all ASCII
        self.regex_digit_starts = [
            None if begins else starts(pattern, digits=True) for pattern, begins in zip(self.regex, self.regex_starts)
        ]
        # a pattern opening with a look-behind ("(?<![A-Za-z0-9_])") or \b: what it refuses before a match, to try it
        # only at words when its starts are too common to list their places (not a case-sensitive one: the engine's
        # own search for its literal start is fast)
        self.regex_before = [
            refused_before(pattern) if begins and all(s.isascii() for s in begins) and _ignores_case(pattern) else None
            for pattern, begins in zip(self.regex, self.regex_starts)
        ]
        self.phrase_matcher: Any = None
        self.matcher: Any = None
        self.labels: dict[int, str] = {}
        # one word of each phrase (its longest, not a stop word if it can, likely its rarest): a posting holding none
        # of them cannot match
        self.phrase_anchors: frozenset[int] = frozenset()
        self.phrase_longest = 0  # tokens in the longest phrase
        phrases = spec.get("phrases", [])
        if phrases:
            self.phrase_matcher = PhraseMatcher(pipeline.vocab, attr="LOWER")
            anchors = set()
            for phrase in phrases:
                key = pipeline.vocab.strings.add(phrase.lower())
                self.labels[key] = phrase
                docs: list[Any] = []
                seen: set[tuple[str, ...]] = set()
                for variant in phrase_variants(phrase):
                    if docs and plain_shape(variant, pipeline) in seen:
                        continue  # split as a variant already made: tokenizing it (its words new to the vocab) is slow
                    doc = pipeline.make_doc(variant)
                    shape = tuple(t.lower_ for t in doc)
                    if shape not in seen:
                        seen.add(shape)
                        docs.append(doc)
                        if len(doc):
                            anchors.add(max(doc, key=lambda t: (not t.is_stop, len(t.lower_))).lower)
                            self.phrase_longest = max(self.phrase_longest, len(doc))
                self.phrase_matcher.add(phrase.lower(), docs)
            self.phrase_anchors = frozenset(anchors)
        patterns = list(spec.get("patterns", []))
        if pipeline.tagged:
            patterns += spec.get("tagged_patterns", [])
        self.pattern_keys = None
        self.longest: int | None = None  # tokens in the longest match any pattern can make; None: unbounded
        if patterns:
            self.matcher = Matcher(pipeline.vocab, validate=True)
            for index, pattern in enumerate(patterns):
                self.matcher.add(f"pattern-{index}", [pattern])
            self.pattern_keys = _pattern_keys(patterns, pipeline.vocab)
            self.longest = _longest(patterns)

    def find(self, doc: Any, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, label) character ranges, longest first, in text order."""
        found: list[tuple[int, int, str]] = []
        if self.phrase_matcher is not None and not self.phrase_anchors.isdisjoint(_present(doc)):
            for match_id, start, end in self._phrase_matches(doc):
                span = doc[start:end]
                found.append((span.start_char, span.end_char, doc.vocab.strings[match_id]))
        if self.matcher is not None and (self.pattern_keys is None or _has_any(doc, self.pattern_keys)):
            for match_id, start, end in self._token_matches(doc):
                span = doc[start:end]
                found.append((span.start_char, span.end_char, doc.vocab.strings[match_id]))
        lower, exact = _lowered(doc, text) if self.regex else ("", False)
        for pattern, needed, more, shared, begins, digit_begins, before in zip(
            self.regex,
            self.regex_needles,
            self.regex_more,
            self.regex_shared,
            self.regex_starts,
            self.regex_digit_starts,
            self.regex_before,
        ):
            if exact and shared is not None and shared not in lower:
                continue  # one test for many needles: the part all of them hold is missing
            if digit_begins and exact and _ascii_digits(doc, text):
                begins = digit_begins
            letters = doc_letters(doc, text) if before and exact else None
            for match in search(pattern, text, lower, exact, needed, begins, more, before, letters):
                if match.end() > match.start():
                    found.append((match.start(), match.end(), pattern.pattern))
        return longest_first(found)

    def _phrase_matches(self, doc: Any) -> list[tuple[int, int, int]]:
        """The PhraseMatcher's matches in `doc`, in its order. Every match holds its phrase's anchor word, so when
        those occur a few times only, the matcher runs on the stretches around them (each run has a cost of its own,
        so many stretches cost more than one pass over the document)."""
        index = _index(doc)
        places = sorted(at for word in self.phrase_anchors.intersection(index.present) for at in index.places(word))
        if len(places) > _FEW_PLACES:
            return list(self.phrase_matcher(doc))
        matches = []
        for start, end in _around(places, self.phrase_longest, len(doc)):
            matches += self.phrase_matcher(doc[start:end])  # a Span's matches are numbered in the document
        return matches

    def _token_matches(self, doc: Any) -> list[tuple[int, int, int]]:
        """The token Matcher's matches in `doc`. spaCy's Matcher steps through every token in Python, so when every
        match is bounded and holds a word of a known set, it runs only on the stretches around those words."""
        if self.pattern_keys is None or self.longest is None:
            return list(self.matcher(doc))
        matches = []
        for start, end in _windows(doc, self.pattern_keys, self.longest):
            matches += [(key, start + s, start + e) for key, s, e in self.matcher(doc[start:end])]
        return matches


_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _ignores_case(pattern: re.Pattern[str] | Lazy) -> bool:
    """Whether the whole pattern ignores case (its flags, or inline flags opening it), without compiling it."""
    opening = _INLINE_FLAGS.match(pattern.pattern)
    return bool(pattern.flags & re.IGNORECASE) or (opening is not None and "i" in opening.group())


def _shared_part(found: frozenset[str] | None) -> str | None:
    """The longest string every one of several needles holds ("_" in a list of icon names), or None."""
    if not found or len(found) < 2:
        return None
    shortest = min(found, key=len)
    for length in range(len(shortest), 0, -1):
        for i in range(len(shortest) - length + 1):
            part = shortest[i : i + length]
            if not (length == 1 and part.isalpha()) and all(part in needle for needle in found):
                return part  # (a lone letter is in every text: no use)
    return None


def longest_first(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The longest matches first (then the earliest), each kept unless it overlaps one already kept. The kept
    spans are disjoint, so a sorted list of them answers "does this overlap?" from its two neighbours
    (n log n, where checking every kept span was quadratic on a posting of one repeated term)."""
    chosen: list[tuple[int, int, str]] = []
    starts: list[int] = []  # the kept non-empty spans, sorted by start (and so by end)
    ends: list[int] = []
    for start, end, label in sorted(found, key=lambda m: (-(m[1] - m[0]), m[0])):
        if start < end:
            at = bisect.bisect_right(starts, start)
            if at > 0 and start < ends[at - 1]:
                continue  # overlaps the kept span that starts at or before it
            if at < len(starts) and starts[at] < end:
                continue  # overlaps the next kept span
            starts.insert(at, start)
            ends.insert(at, end)
        chosen.append((start, end, label))
    return sorted(chosen)


def _pattern_keys(patterns: list[list[dict[str, Any]]], vocab: Any) -> list[list[set[int]]] | None:
    """For each pattern, the word sets of its mandatory tokens; None when a pattern has a token
    without a lower-case word list (it could match anything).

    A document must hold a word from every set of some pattern to match at all; otherwise the token
    Matcher is skipped (set lookups are far cheaper than running every pattern over every token).
    """
    keys: list[list[set[int]]] = []
    for pattern in patterns:
        sets: list[set[int]] = []
        for token in pattern:
            if _optional(token.get("OP")):
                continue
            # a token's LOWER is its ORTH (TEXT) lower-cased, so an exact spelling names its lower-case word too
            value = next((token[a] for a in ("LOWER", "ORTH", "TEXT") if a in token), None)
            values = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
            if values:
                sets.append({vocab.strings.add(v.lower()) for v in values})
        if not sets:
            return None
        keys.append(sets)
    return keys


def _longest(patterns: list[list[dict[str, Any]]]) -> int | None:
    """Tokens in the longest match of any pattern: each token counts its operator's most (1 for none, ? and !);
    None when some operator is unbounded (*, +, {n,})."""
    longest = 0
    for pattern in patterns:
        length = 0
        for token in pattern:
            op = token.get("OP")
            if op in ("*", "+"):
                return None
            if op and op.startswith("{"):
                most = op[1:-1].split(",")[-1].strip()
                if not most.isdigit():
                    return None
                length += int(most)
            else:
                length += 1
        longest = max(longest, length)
    return longest


def _windows(doc: Any, keys: list[list[set[int]]], longest: int) -> list[tuple[int, int]]:
    """Token ranges holding every match: a match of a pattern holds a word of each of its sets, so the words of
    its rarest set in this document, widened by the longest match on each side, cover all its matches."""
    index = _index(doc)
    present = index.present
    anchors: set[int] = set()
    for sets in keys:
        rarest: list[int] | None = None
        for words in sets:
            # the set's words in this document: a set intersection, then their places from the shared index
            found = words & present
            count = sum(index.count(word) for word in found)
            if rarest is None or count < len(rarest):
                rarest = [at for word in found for at in index.places(word)]
            if not rarest:
                break  # this pattern cannot match here
        if rarest is not None:
            anchors.update(rarest)
    return _around(sorted(anchors), longest, len(doc))


_FEW_PLACES = 8  # anchor words beyond which one PhraseMatcher pass over the document is cheaper than the stretches


def _around(places: list[int], longest: int, size: int) -> list[tuple[int, int]]:
    """The token ranges reaching `longest` tokens from each of `places` (sorted) on each side, overlaps merged."""
    windows: list[tuple[int, int]] = []
    for anchor in places:
        start, end = max(0, anchor - longest + 1), min(size, anchor + longest)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


class _WordIndex:
    """The lower-case words of a document (`present`) and the indexes of each one's tokens, in order. One sort of
    the words puts each word's tokens together; a dictionary of every word's list, filled token by token, cost
    several times more, and most words are never asked for. (The words are hashes beyond 2**62: Python makes a
    large integer of each, so only the distinct ones are made.)"""

    def __init__(self, lowers: Any) -> None:
        import numpy

        order = numpy.argsort(lowers)  # not stable: a word's places are put in order when asked for
        ranked = lowers[order]
        bounds = (numpy.flatnonzero(ranked[1:] != ranked[:-1]) + 1).tolist()
        self._firsts: list[int] = [0, *bounds, len(ranked)] if len(ranked) else [0]
        self._words: list[int] = ranked[self._firsts[:-1]].tolist()  # ascending
        self._order: list[int] = order.tolist()
        self.present: set[int] = set(self._words)

    def _span(self, word: int) -> tuple[int, int]:
        at = bisect.bisect_left(self._words, word)
        return self._firsts[at], self._firsts[at + 1]

    def places(self, word: int) -> list[int]:
        """The indexes of the tokens of `word` (present), in order."""
        start, end = self._span(word)
        return sorted(self._order[start:end])

    def count(self, word: int) -> int:
        start, end = self._span(word)
        return end - start


def _index(doc: Any) -> _WordIndex:
    """The document's word index, once per document, shared by every rule."""
    index: _WordIndex | None = doc.user_data.get("jdlint:lower-index")
    if index is None:
        index = doc.user_data["jdlint:lower-index"] = _WordIndex(_lower_array(doc))
    return index


def _lower_array(doc: Any) -> Any:
    from spacy.attrs import LOWER

    lowers = doc.user_data.get("jdlint:lower-array")  # one array per document, shared by every rule
    if lowers is None:
        lowers = doc.user_data["jdlint:lower-array"] = doc.to_array(LOWER)
    return lowers


def _lowered(doc: Any, text: str) -> tuple[str, bool]:
    """`text` lower-cased and whether its needles are where a match spells them, once per document."""
    cached = doc.user_data.get("jdlint:lowered")  # shared by every rule's term sets
    if cached is None or cached[0] is not text:
        lower = text.lower()
        cached = doc.user_data["jdlint:lowered"] = (text, lower, aligned(text, lower))
    return cached[1], cached[2]


def _ascii_digits(doc: Any, text: str) -> bool:
    """Whether every digit of `text` is ASCII, once per document."""
    cached = doc.user_data.get("jdlint:ascii-digits")
    if cached is None or cached[0] is not text:
        cached = doc.user_data["jdlint:ascii-digits"] = (text, ascii_digits(text))
    return bool(cached[1])


def _optional(op: str | None) -> bool:
    """True when a token with this operator may be absent from a match: ?, *, ! and {0,m}, {,m} or {0}."""
    if op in ("?", "*", "!"):
        return True
    if op and op.startswith("{"):
        return op[1:].split(",")[0].strip("}") in ("", "0")
    return False


def _present(doc: Any) -> set[int]:
    """The lower-case words of `doc`, once per document, shared by every rule."""
    return _index(doc).present


def _has_any(doc: Any, keys: list[list[set[int]]]) -> bool:
    if not len(doc):
        return False
    present = _present(doc)
    return any(all(not words.isdisjoint(present) for words in sets) for sets in keys)
