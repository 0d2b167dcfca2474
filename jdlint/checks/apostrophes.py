"""Apostrophes lost in transit: ambiguous contractions in context, and possessives of proper names."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..analyses.apostrophes import apostrophe_for
from ..analyses.dictionary import WITH_MISSPELLINGS, mostly_in
from ..analyses.scan import aligned, finditer_from
from ..analyses.shapes import word_pieces
from ..context import Context
from ..kinds.base import match_case
from ..language import COMMON_ZIPF, Language, get_language
from ..model import Edit, Match, Severity
from ..rule import Rule
from ..tokens import IDX, PUNCT, SPACE
from . import check

SENTENCE_START = "^"


_S_FORM = re.compile(r"\b([A-Z][a-z]{2,})s\b")
_FOLLOWING = re.compile(r" +([A-Za-z]+)\b(?!['’-])")
_PRECEDING = re.compile(r"([A-Za-z]+)([^A-Za-z]*)$")
_OPENERS = set(':;(-–—•"“')


def _sentence_starts(context: Context) -> set[int]:
    """Offset of the first word (not space or punctuation) of each sentence."""
    rows = context.token_table()
    starts = set()
    for first, end, _, _ in context.sentences():
        for i in range(first, end):
            if not rows[i, SPACE] and not rows[i, PUNCT]:
                starts.add(int(rows[i, IDX]))
                break
    return starts


@check(needs=("sentences",))
def ambiguous_contraction(context: Context, rule: Rule) -> Iterator[Match]:
    """Flag 'its', 'were', 'well', ... only in a context that shows the contraction (catalog settings).

    Works on words of the text rather than spaCy tokens: the tokenizer splits some of these forms
    ("Id" -> "I" "d", "Wed" -> "We" "d") and would hide them.
    """
    if "elisions" in rule.options["settings"]:
        yield from _lost_elisions(context, rule)
    if rule.options["settings"]["forms"]:
        yield from _contractions(context, rule)


def _contractions(context: Context, rule: Rule) -> Iterator[Match]:
    document = context.document
    text = document.text
    forms: dict[str, list[dict[str, Any]]] = {}
    for form in rule.options["settings"]["forms"]:
        forms.setdefault(form["word"], []).append(form)
    finder = context.compiled(
        (rule.code, "words"), lambda: re.compile(r"\b(?:" + "|".join(sorted(forms)) + r")\b", re.IGNORECASE)
    )
    lower = context.lowered_text
    # the words are tried only where one begins, unless lower-casing moved or folded a letter
    words = finditer_from(finder, text, lower, forms) if aligned(text, lower) else finder.finditer(text)
    quote = None
    for word in words:
        token = word.group()
        candidates = forms[token.lower()]
        if token != token.lower() and not token.istitle():
            continue  # "ID", "ITS": all-caps words are acronyms or shouting, not lost apostrophes
        after = _FOLLOWING.match(text, word.end())
        if after is None:
            continue  # the next word must follow after plain spaces ("Well, ..." is an interjection)
        following = after.group(1).lower()
        if not any(_may_follow(form, following) for form in candidates):
            continue  # the usual case, known before the word in front is looked for
        previous = _previous(context, word.start())
        for form in candidates:
            if form.get("capitalised") and not token[0].isupper():
                continue
            if "after" in form and previous not in form["after"]:
                continue
            if not _may_follow(form, following):
                continue
            quote = quote or apostrophe_for(document)
            fixed = match_case(token, form["contraction"].replace("'", quote))
            span = document.to_source(word.start(), word.end())
            edits = (Edit(span.start, span.end, fixed),) if document.source_text(span) == token else ()
            yield Match.in_source(span, suggestions=(fixed,), edits=edits, params={"suggestion": fixed})
            break


def _previous(context: Context, start: int) -> str:
    """What stands before a word: the word before it (lower-case), punctuation such as a comma, or
    SENTENCE_START (a sentence, line or parenthesis begins)."""
    text = context.document.text
    before = _PRECEDING.search(text, max(0, start - 60), start)
    between = before.group(2) if before else text[max(0, start - 60) : start]
    starts = context.memo(("apostrophes", "sentence starts"), lambda: _sentence_starts(context))
    if start in starts or before is None or any(ch in _OPENERS or ch == "\n" for ch in between):
        return SENTENCE_START
    if between.strip(" "):
        return between.strip()  # punctuation such as a comma
    return before.group(1).lower()


def _may_follow(form: dict[str, Any], following: str) -> bool:
    """Whether the contraction can stand before the next word."""
    return following in form.get("before", ()) or any(
        following.endswith(s) and len(following) > len(s) + 2 for s in form.get("before_suffix", ())
    )


_VOWEL_START = re.compile(r"[aeiouyhâàäéèêëîïôöûùüœæ]", re.IGNORECASE)


def _lost_elisions(context: Context, rule: Rule) -> Iterator[Match]:
    """A French elision that lost its apostrophe ("l equipe", "qu il", "d experience"): an elided word standing
    alone before a vowel-initial word of the language. Not after a figure (units: "5 m", "2 l"), not after or
    before a single letter (lists: "c, d et e"; "Plan B d"), capitalised only at a sentence start ("le C est")."""
    document, language = context.document, context.language
    text = document.text
    if not mostly_in(context, language, WITH_MISSPELLINGS):
        return
    settings = rule.options["settings"]["elisions"]
    never_before = set(settings["never_before"])
    finder = context.compiled(
        (rule.code, "elisions"),
        lambda: re.compile(
            r"(?:(?<=\s)|(?<=^)|(?<=[(«\"“]))("  # after a space or an opening mark: not "futur(e)s", "l.d"
            + "|".join(sorted(settings["words"], key=len, reverse=True))
            + r") ([^\W\d_]+)\b(?!['’])",
            re.IGNORECASE,
        ),
    )
    starts: set[int] | None = None
    quote = None
    for found in finder.finditer(text):
        elided, following = found.group(1), found.group(2)
        if not _VOWEL_START.match(following) or len(following) < 2 or following.lower() in never_before:
            continue
        if following[:1].isupper() and elided.lower() in settings["before_lower_only"]:
            continue  # "l'Europe", "d'Amazon"; but a pronoun ("s", "n", "j") elides before no proper name
        if following.lower() not in language.words() or following.isupper():
            continue
        before = _PRECEDING_TOKEN.search(text, max(0, found.start() - 40), found.start())
        previous = before.group(1) if before else ""
        if previous[-1:].isdigit() or (len(previous) == 1 and previous.isalpha()):
            continue
        if elided != elided.lower():
            if starts is None:
                starts = _sentence_starts(context)
            if found.start() not in starts or not elided[1:].islower() and len(elided) > 1:
                continue
        quote = quote or apostrophe_for(document)
        fixed = f"{elided}{quote}{following}"
        span = document.to_source(found.start(), found.end())
        edits = (Edit(span.start, span.end, fixed),) if document.source_text(span) == found.group() else ()
        yield Match.in_source(span, suggestions=(fixed,), edits=edits, params={"suggestion": fixed})


_PRECEDING_TOKEN = re.compile(r"(\S+)[ ,;:]*$")


def _next_word(doc: Any, i: int) -> Any:
    j = i + 1
    if j < len(doc) and not doc[j].is_space and not doc[j].is_punct:
        return doc[j]
    return None


@check(needs=("sentences",))
def lost_possessive(context: Context, rule: Rule) -> Iterator[Match]:
    """'Pinterests advanced team' where 'Pinterest' is a name elsewhere in the same posting.

    Narrow on purpose: the s-form must not be an English word ("Engineers", "Teams"), the word after
    it must be a lower-case English word that is not a verb or function word, and the s-form must
    never stand on its own as a name elsewhere ("Postmates is ...").
    """
    doc, document = context.doc, context.document
    english = get_language("en")  # lost possessives are an English problem, whatever the posting's language
    is_english_word = english.is_word
    not_before = set(rule.options["settings"]["not_before"])
    common = _COMMON_S_FORM.search(document.text) is not None
    may_hold: bool | None = None  # the first pass below, run at most once and only when asked
    if not common:
        may_hold = _may_hold_lost_possessive(document.text, is_english_word, word_pieces(context))
        if not may_hold:
            return
    if common and mostly_in(context, english, WITH_MISSPELLINGS):
        yield from _common_noun_possessives(context, rule, english, not_before)
    if may_hold is None:
        may_hold = _may_hold_lost_possessive(document.text, is_english_word, word_pieces(context))
    if not may_hold or not mostly_in(context, english):
        return  # German and Dutch nouns take a bare -s genitive: nothing was lost
    words = _posting_words(doc, not_before)
    quote = None
    for token in doc:
        stem = _lost_possessive_stem(doc, token, words, is_english_word)
        if stem is None or not _plain_word_follows(doc, token, not_before, is_english_word):
            continue
        quote = quote or apostrophe_for(document)
        fixed = f"{stem}{quote}s"
        span = document.to_source(token.idx, token.idx + len(token.text))
        yield Match.in_source(
            span, suggestions=(fixed,), edits=(Edit(span.start, span.end, fixed),), params={"suggestion": fixed}
        )


# a lower-case s-form between a determiner (or nothing) and a lower-case word: "our companys mission"
_COMMON_S_FORM = re.compile(r"(?<![\w'’-])([a-z]{2,}s)(?=[ \t]+([a-z]{3,})\b(?!['’-]))")
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)[ \t]+$")
BASE_ZIPF = 3.5  # the noun behind the s-form is a common word (a few times per 10 million words or more)
FUNCTION_ZIPF = 6.0  # ... but no function word ("thats", "whats" are contractions: JD110); nor is the next word
RARER_BY = 2.0  # the s-form is a hundred times rarer than the noun: a misspelling, not a word of its own
_CONSONANT_Y = re.compile(r"[^aeiou]y$")


def _common_noun_possessives(context: Context, rule: Rule, english: Language, not_before: set[str]) -> Iterator[Match]:
    """'our companys mission', 'the citys best', 'each teams goals': a common noun's possessive without its
    apostrophe. The s-form must be one no plural takes (a consonant and -y make -ies: "companys"; "mens",
    "todays": nouns whose plural is another word) and far rarer than its noun, or a plural after a determiner
    that only takes the singular ("each teams goals", reported at info); the next word must be a common word
    that can follow a possessive."""
    settings = rule.options["settings"]
    determiners, singular = set(settings["determiners"]), set(settings["singular_determiners"])
    no_plural = set(settings["no_s_plural"])
    document = context.document
    # what the s-form alone says is worked out once per process: most s-forms are plurals, left at once
    s_forms: dict[str, tuple[str, float, bool] | None] = context.compiled(
        (rule.code, "s-forms", english.code, *sorted(no_plural)), dict
    )
    quote = None
    for found in _COMMON_S_FORM.finditer(document.text):
        s_form, following = found.group(1), found.group(2)
        if s_form not in s_forms:
            if len(s_forms) > MAX_REMEMBERED:
                s_forms.clear()  # keep memory flat over a long audit
            s_forms[s_form] = _s_form_noun(s_form, english, no_plural)
        noun = s_forms[s_form]
        if noun is None:
            continue
        base, zb, misspelt = noun
        zf = english.common_frequency(following)
        if following in not_before or not COMMON_ZIPF <= zf < FUNCTION_ZIPF:
            continue
        previous = _WORD_BEFORE.search(document.text, max(0, found.start() - 40), found.start())
        before = previous.group(1).lower() if previous else ""
        if misspelt and english.frequency(s_form) <= zb - RARER_BY:
            severity = Severity.WARNING if before in determiners else Severity.INFO
        elif before in singular and english.common_frequency(s_form) <= zb:
            severity = Severity.INFO  # a plural more common than its singular ("sales", "news") is a noun of its own
        else:
            continue
        quote = quote or apostrophe_for(document)
        fixed = f"{base}{quote}s"
        span = document.to_source(found.start(1), found.end(1))
        edits = (Edit(span.start, span.end, fixed),) if document.source_text(span) == s_form else ()
        yield Match.in_source(span, suggestions=(fixed,), edits=edits, params={"suggestion": fixed}, severity=severity)


MAX_REMEMBERED = 100_000


def _s_form_noun(s_form: str, english: Language, no_plural: set[str]) -> tuple[str, float, bool] | None:
    """(the noun, its Zipf frequency, whether the s-form is no plural of it) when the s-form can be a possessive
    that lost its apostrophe; None when it cannot, whatever surrounds it: its noun is rare, no word or a function
    word, or it is a plural no rarer than its singular (the only other way it is reported, after "each")."""
    base = s_form[:-1]
    zb = english.common_frequency(base)
    if zb < BASE_ZIPF or not english.is_word(base) or not (zb < FUNCTION_ZIPF or base in no_plural):
        return None
    misspelt = _CONSONANT_Y.search(base) is not None or base in no_plural
    if not misspelt and english.common_frequency(s_form) > zb:
        return None
    return base, zb, misspelt


def _may_hold_lost_possessive(text: str, is_english_word: Callable[[str], bool], words: set[bytes]) -> bool:
    """Cheap first pass over the text: a capitalised word ending in "s" whose stem is also in the text (searched
    for only when it is one of the text's word pieces, `words`)."""
    # the set test first: most capitalised s-forms ("Benefits") have no stem among the pieces, and the dictionary
    # look-up costs more
    return any(
        m.group(1).encode() in words and not is_english_word(m.group()) and re.search(rf"\b{m.group(1)}\b", text)
        for m in _S_FORM.finditer(text)
    )


@dataclass(frozen=True)
class _PostingWords:
    """How the posting uses its words, gathered in one pass for lost_possessive."""

    names: set[str]  # capitalised words inside a sentence
    lower_words: set[str]  # words written in lower case somewhere
    standalone: set[str]  # capitalised words that stand on their own (sentence start, before a verb, ...)


def _posting_words(doc: Any, not_before: set[str]) -> _PostingWords:
    words = _PostingWords(set(), set(), set())
    for token in doc:
        if not token.is_alpha:
            continue
        following = _next_word(doc, token.i)
        if token.text[0].isupper():
            if not token.is_sent_start and token.i > 0 and not doc[token.i - 1].is_space:
                words.names.add(token.text)
            if token.is_sent_start or following is None or following.lower_ in not_before:
                words.standalone.add(token.text)
        elif token.text.islower():
            words.lower_words.add(token.text)
    return words


def _lost_possessive_stem(
    doc: Any, token: Any, words: _PostingWords, is_english_word: Callable[[str], bool]
) -> str | None:
    """The name in an s-form such as "Pinterests" that lost its apostrophe; None for any other token."""
    text: str = token.text
    if (
        not (token.is_alpha and len(text) > 3 and text.endswith("s") and text[0].isupper() and text[1:].islower())
        or token.is_sent_start
    ):
        return None
    stem = text[:-1]
    if stem.endswith("er") or (token.i and doc[token.i - 1].text == text):
        return None  # "Googlers", "Circlers": people named after the company; "Syncs Syncs": a glued heading
    if (
        stem not in words.names
        or stem.lower() in words.lower_words
        or text in words.standalone
        or is_english_word(text)
    ):
        return None
    return stem


def _plain_word_follows(doc: Any, token: Any, not_before: set[str], is_english_word: Callable[[str], bool]) -> bool:
    """Whether a lower-case English word that can follow a possessive comes right after the token."""
    following = _next_word(doc, token.i)
    if following is None or not following.is_alpha or not following.text.islower():
        return False
    return following.lower_ not in not_before and is_english_word(following.text)
