"""Pay transparency: is pay disclosed, only vaguely, or open-ended; and which laws apply where the job is.

Pay counts when the text (or the front matter / record metadata) gives a range or a single figure
with a currency or a pay word nearby: "$85k–$105k", "£45,000 - £55,000 per annum",
"60.000 € – 72.000 €", "$25 - $30 per hour", "221,000—455,000 USD". Money about funding, revenue
or customers does not count.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy

from ..analyses.amounts import NUMBER, THOUSANDS
from ..analyses.location import Evidence, jurisdictions, locate
from ..analyses.scan import FOLDED, WORD, Lazy, Letters, aligned, finditer_words, letters_of, matches_at, occurrences
from ..context import Context
from ..document import Document
from ..kinds.needles import starts
from ..model import Match, Severity
from ..rule import Rule
from . import check

# ISO codes written before or after the amount; the patterns list them in this order
# fmt: off
# (kept in rows: one code a line would run to fifty lines)
_CURRENCY_CODES = (
    "USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "PLN", "INR", "JPY", "NZD", "SGD", "PHP", "MXN",
    "BRL", "ZAR", "HKD", "CNY", "RMB", "KRW", "TRY", "AED", "SAR", "ILS", "CZK", "HUF", "RON", "AMD", "UAH", "RUB",
    "NGN", "KES", "EGP", "ARS", "CLP", "COP", "PEN", "IDR", "MYR", "THB", "VND", "PKR", "BDT", "LKR",
)
# fmt: on
_CODE_ALTERNATION = "|".join(_CURRENCY_CODES)
_CUR_PRE = rf"(?:US\$|C\$|CA\$|A\$|AU\$|NZ\$|S\$|HK\$|R\$|\$|£|€|¥|₹|(?:{_CODE_ALTERNATION})\s?)"
_CUR_POST = rf"(?:\s?(?:{_CODE_ALTERNATION}|zł|kr|dollars|euros)(?![a-z])|\s?[€£$])"
# the figure's grammar (thousands and decimal marks of every style, "2.800,-") is analyses/amounts.py's
_NUM = NUMBER
_AMOUNT = rf"(?:{_NUM})(?:\s?{THOUSANDS}|\s?(?:M|m|mil|mn|B|b|bn|million|billion)\b)?"
_TOO_BIG = Lazy(r"\d\s?(?:M|m|mil|mn|B|b|bn|million|billion)\b")  # funding and costs, never a salary
# ... except in currencies whose salaries run to millions ("7.5 to 9 million JPY per annum")
_MILLIONS_CURRENCY = Lazy(r"JPY|¥|KRW|₩|IDR|VND|HUF|CLP|COP|UGX|TZS", re.I)
# Indian salaries in lakhs per annum: "3-5.4 LPA CTC", "12 lakhs per annum"
_LAKHS = Lazy(
    r"(?<![\d.])\d{1,3}(?:\.\d{1,2})?(?:\s*(?:-|–|to)\s*\d{1,3}(?:\.\d{1,2})?)?\s*"
    r"(?:LPA|L\.P\.A\.?|lakhs?(?:\s+(?:per\s+annum|p\.?a\.?|a\s+year))|lacs?\s+p\.?a\.?)(?!\w)",
    re.I,
)
_MONEY = rf"(?:{_CUR_PRE}\s?{_AMOUNT}|{_AMOUNT}{_CUR_POST})"
# a unit between the two ends: "$43.13/hr up to $72.02/hr", "$20 an hour to $25 an hour"
_UNIT = r"(?:\s?/\s?(?:hr|hour|h|yr|year|month|mo|annum)\b|\s(?:per|an?)\s(?:hour|year|month|annum)\b)?"
_DASH = r"\s*(?:-|–|—|−|â€”|â€“|/|to|up\s+to|and|till|until|bis|à|a|al|do)\s*"
_RANGE = Lazy(rf"(?:between\s+)?(?:{_MONEY}{_UNIT}{_DASH}(?:{_MONEY}|{_AMOUNT})|{_AMOUNT}{_DASH}{_MONEY})", re.I)
_SINGLE = Lazy(_MONEY, re.I)
_BARE_RANGE = Lazy(
    rf"(?<![\d.,])\d{{2,3}}(?:[.,]\d)?\s?[kK]{_DASH}\d{{2,3}}(?:[.,]\d)?\s?[kK]\b"
    # "55.000 - 65.000", "55 000 – 65 000", "90'000-110'000": a thousands mark of any style (see analyses/amounts.py)
    rf"|(?<![\d.,])\d{{2,3}}[,.'’\u00a0\u202f ]\d{{3}}{_DASH}\d{{2,3}}[,.'’\u00a0\u202f ]\d{{3}}(?![\d]|[ .,]\d)"
)
_OPEN = Lazy(
    rf"\b(?:up\s+to|upto|from|starting\s+(?:at|from)|min(?:imum)?(?:\s+of)?|at\s+least)\s+{_MONEY}"
    rf"|{_MONEY}\s?\+|{_MONEY}\s+(?:and\s+(?:up|above)|or\s+more|plus)\b",
    re.I,
)
# What ties a figure to the job: pay nouns, and units of time that only pay is counted in
_PAY_CUE = Lazy(
    # glued or compound: "OffSalary", "Stundenlohn" (tried from a word's start only: from every letter of a long
    # word, \w* would read the rest of it each time)
    r"(?:salar(?:y|ies)|\b\w*(?:gehalt|lohn|salaris|vergütung)\b|"
    r"\b(?:pay(?:\s+(?:range|rate|scale|band))?|paid|compensation|wages?|rates?|base|ote|"
    r"on[\s-]target\s+earnings|earn(?:ings?)?|(?:based|depending|dependent)\s+on\s+experience|doe|remuneration|package|range|band|hourly|per\s+hour|an\s+hour|"
    r"per\s+annum|p\.?\s?a\.?|per\s+year|a\s+year|annual(?:ly)?|per\s+month|a\s+month|monthly|yearly|gross|"
    r"/\s?(?:yr|year|hr|hour|month|mo|h|annum)\b|"
    # other languages postings come in
    r"salaire|rémunération|fourchette|brut|brutto|entgelt|pro\s+(?:monat|stunde|jahr)|per\s+maand|"
    r"monatlich|jährlich|salario|sueldo|retribución|stipendio|retribuzione|wynagrodzenie|loon|"
    r"lön|lønn|løn|palkka))",
    re.I,
)
# What ties a figure to something else: perks and one-off bonuses, on either side of the figure
_PERK_CUE = Lazy(
    r"\b(?:stipends?|allowances?|budgets?|perks?|benefits?|reimburs\w*|per\s+diem|vouchers?|credits?|discounts?|"
    r"(?:referral|sign[\s-]?on|signing|retention|relocation|joining|welcome)\s+(?:bonus|payment|package)|"
    r"bonus(?:es)?|commissions?|401\s?\(?k\)?|matching|equity|stock|shares|home[\s-]?office|commut\w*)\b",
    re.I,
)
# the company's money, after the figure ("$2M in seed funding", "$3,000 in savings for customers")
_COMPANY_AFTER = Lazy(
    r"\b(?:fund(?:ing|ed|s)?|financing|round|raised?|revenues?|run\s+rate|series\s+[a-e]|seed|valuation|valued|"
    r"invest(?:ment|ors|ed)?|arr|customers?|clients?|users?|employees|spend|market|grants?|prizes?|awards?|assets|"
    r"under\s+management|aum|loans?|debts?|portfolio|sales|gmv|transactions?|donat\w*|price|pricing|cost|fees?|"
    r"deals?|worth|savings?|saved)\b",
    re.I,
)
# ... and before it, only as the verb or noun the figure completes ("has raised over $20M", "revenue of $5M");
# a job title ahead of its range ("Customer Success Engineer $45K - $75K") says nothing against it
_COMPANY_BEFORE = Lazy(
    r"\b(?:rais(?:ed|ing)|saved?|sav(?:es|ing)|spen[dt]|spending|costs?|worth|valued\s+at|backed\s+by|"
    r"(?:revenues?|valuation|funding|financing|investment|grants?|loans?|donations?|prizes?|awards?|assets|price|fees?|"
    r"sales|deals?)\s*(?:of|at|:|=|over|totall?ing|exceeding|reached|reaching|hit))(?:\s+[\w-]+){0,3}\s*$",
    re.I,
)
# a purpose after the figure makes it a perk: "$1,000 a year for books and conferences"
_PURPOSE = Lazy(
    r"\b(?:for|towards?|on|to\s+(?:spend|use)\s+on)\s+(?:your\s+|the\s+|a\s+|an\s+|our\s+)?(?:\w+\s+){0,2}?"
    r"(?:home[\s-]?office|co-?working|internet|phone|mobile|gym|fitness|wellness|well-?being|learning|courses?|"
    r"professional\s+development|education|tuition|training|conferences?|books?|equipment|laptop|setup|desk|"
    r"commut\w*|transit|travel|meals?|lunch(?:es)?|food|childcare|relocation|moving|therapy|health)\b",
    re.I,
)
_UNIT_AFTER = Lazy(
    r"^\s*(?:/\s?(?:hr|hour|h|yr|year|month|mo|annum|day|week|wk|shift)\b|"
    r"(?:per|an?|each)\s+(?:hour|year|annum|month|day|week|shift)\b|hourly|daily|weekly|annually|yearly|monthly|"
    r"p\.?\s?a\.?(?!\w)|pro\s+(?:monat|stunde|jahr)|brutto|gross)",
    re.I,
)
# strong pay nouns win over a perk word in the same short phrase ("base salary with equity")
_PAY_NOUN = Lazy(r"\b(?:salar(?:y|ies)|wages?|pay|compensation|ote|base|rates?|remuneration|gehalt)\b", re.I)
_BREAK = Lazy(r"[.;!?•·|\n]\s|[;\n•·|]|\s&\s|\s(?:plus|and|with|as\s+well\s+as|including|also)\s|\s?\+\s|,\s", re.I)
_BREAK_BEFORE = Lazy(  # not "with": "starting with $400"
    r"[.;!?•·|\n]\s|[;\n•·|]|\s&\s|\s(?:plus|and|as\s+well\s+as|including|also)\s|\s?\+\s|,\s", re.I
)
# a figure that opens a line or a "|" cell of a title line: "| $150k |", "UP TO £65,000"
_OWN_CELL = Lazy(r"(?:^|[\n|•·]|\s-\s)[\s*_:>-]*(?i:(?:up\s+to|upto|from|starting\s+at|circa|c\.|approx\.?|~)\s*)?$")
# "Salary: £80k - £100k depending on the equity stake": the label ties it, a perk word further on does not untie it
_PAY_LABEL = Lazy(
    r"\b(?:salary|pay|compensation|wages?|rate|remuneration|ote)(?:\s+range)?\s*(?:[:=–-]|is|of)\s*"
    r"(?:up\s+to|from|between)?\s*$",
    re.I,
)
VAGUE_PAY = "JD502"  # the rule whose per-language data lists vague pay phrases
NEAR = 60  # characters either side of a figure where the words it belongs to stand
# "DOE" counts only after a pay word: alone it is also "design of experiments" or the Department of Energy
_VAGUE = Lazy(
    r"\b(?:(?:highly\s+|very\s+)?competitive\s+(?:salary|salaries|pay|compensation|wages?|base|rates?|package|"
    r"remuneration)"
    r"|attractive\s+(?:salary|pay|compensation|package|remuneration)"
    r"|(?:salary|pay|compensation)\s*(?::|is|will\s+be)?\s*(?:negotiable|competitive|attractive|doe)\b"
    r"|(?:salary|pay|compensation|wages?|rate|remuneration)\s*(?::|-|–|is)?\s*(?:\w+\s+){0,2}?"
    r"(?-i:D\.?O\.?E\.?|doe)(?![\w'’])|depending\s+on\s+(?:experience|qualifications)|dependent\s+on\s+experience"
    r"|commensurate\s+with\s+(?:experience|qualifications|skills)|market[-\s](?:rate|related|competitive)"
    r"|salary\s+negotiable|negotiable\s+salary)",
    re.I,
)
_METADATA_PAY_KEYS = Lazy(r"salary|pay|compensation|wage|rate|remuneration", re.I)
_MONEY_ANYWHERE = Lazy(rf"{_CUR_PRE}\s?\d|\d{_CUR_POST}", re.I)


@dataclass
class Pay:
    ranges: list[tuple[int, int]] = field(default_factory=list)  # extracted-text offsets
    singles: list[tuple[int, int]] = field(default_factory=list)
    open_ended: list[tuple[int, int]] = field(default_factory=list)
    vague: list[tuple[int, int]] = field(default_factory=list)
    in_metadata: bool = False

    @property
    def disclosed(self) -> bool:
        return bool(self.ranges or self.singles or self.in_metadata)

    @property
    def complete(self) -> bool:
        """A range or a fixed figure, not only "up to" / "from" amounts."""
        return bool(self.ranges or self.in_metadata or [s for s in self.singles if not _inside(s, self.open_ended)])


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _near(text: str, start: int, end: int, window: tuple[int, int]) -> tuple[str, str]:
    """The words before and after a figure up to the nearest clause break: the phrase it belongs to."""
    before = text[max(window[0], start - NEAR) : start]
    cuts = list(_BREAK_BEFORE.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    after = text[end : min(window[1], end + NEAR)]
    cut = _BREAK.search(after)
    money = _MONEY_ANYWHERE.search(after)  # "$90k salary, $5k sign-on bonus": the next figure has its own words
    stop = min(x.start() for x in (cut, money) if x is not None) if (cut or money) else len(after)
    return before, after[:stop]


def _tied(text: str, start: int, end: int, window: tuple[int, int]) -> bool | None:
    """True when the figure is the job's pay, False when it is a perk or the company's money, None when unsaid."""
    before, after = _near(text, start, end, window)
    perk_after = _PERK_CUE.search(after) or _COMPANY_AFTER.search(after) or _PURPOSE.search(after)
    labelled = _PAY_LABEL.search(before) and perk_after and len(after[: perk_after.start()].split()) >= 2
    if perk_after and not labelled and not _PAY_NOUN.search(after, 0, perk_after.start()):
        return False  # "$300 monthly home-office stipend", "$2M in seed funding"
    perks_before = list(_PERK_CUE.finditer(before))
    if perks_before and not _PAY_NOUN.search(before, perks_before[-1].end()):
        return False  # "a learning budget of $1,000", "referral bonus: $500"
    if _COMPANY_BEFORE.search(before):
        return False  # "the company has raised over $200 million", "revenue of $5M"
    if _UNIT_AFTER.match(after):
        return True  # "$18/hour", "£30,000 per annum"
    if _PAY_CUE.search(before) or _PAY_CUE.search(after):
        return True
    return None


def _is_pay(
    text: str,
    start: int,
    end: int,
    window: tuple[int, int],
    context: Context,
    is_range: bool,
    cues: dict[tuple[int, int], bool],
) -> bool:
    """`cues` remembers whether each sentence holds a pay cue: a sentence of many figures is searched once."""
    if _TOO_BIG.search(text, start, end) and not _MILLIONS_CURRENCY.search(text, start, end):
        return False
    tied = _tied(text, start, end, window)
    if tied is not None:
        return tied
    # nothing in the phrase: the sentence, the line it leads, then the heading or label above it
    if window not in cues:
        cues[window] = _PAY_CUE.search(text, *window) is not None
    if cues[window]:
        return True
    if _OWN_CELL.search(text, max(0, start - 40), start):
        return True  # "£45,000 - £55,000" or "Up to £85,000 plus bonus" opening a line: a perk would say what it is
    label = _label_above(context, start)
    if label is not None and _PAY_CUE.search(label):
        return True
    if label is not None and (_PERK_CUE.search(label) or _COMPANY_AFTER.search(label)):
        return False
    return is_range  # a range of money stands for pay in a posting; a lone figure needs words


def _label_above(context: Context, offset: int) -> str | None:
    """The line introducing the figure ("Salary:", "...the base salary range is:"), else its section's heading."""
    document = context.document
    text = document.text
    # the line breaks found once: searching back from each figure for its line's start was quadratic on one line
    newlines = context.memo("newlines", lambda: [m.start() for m in re.finditer("\n", text)])
    i = bisect.bisect_left(newlines, offset) - 1
    line_start = newlines[i] if i >= 0 else -1
    while line_start > 0:
        previous_start = (newlines[i - 1] if i >= 1 else -1) + 1
        previous = text[previous_start:line_start].strip()
        if previous:
            if previous.endswith(":") or (len(previous) <= 40 and not previous.endswith(".")):
                return previous
            break
        line_start = previous_start - 1
        i -= 1
    for section in document.sections:
        if section.start <= offset < section.end:
            return section.label
    return None


_CURRENCY_HINT = Lazy(r"[$£€¥₹]|(?<![A-Za-z])(?:[A-Z]{3})(?![a-z])|zł|\bkr\b|dollars|euros", re.IGNORECASE)
_CODES = set(re.findall(r"[A-Z]{3}", _CUR_PRE))
HINT_REACH = 80  # characters around a currency mark that a range or "up to" phrase can span


def _windows(text: str, lower: str) -> list[tuple[int, int]]:
    """Stretches of text around currency marks; the costly money patterns only run there."""
    spans: list[list[int]] = []
    for hint in _hints(text, lower):
        word = hint.group()
        if len(word) == 3 and word.isalpha() and word.upper() not in _CODES:
            continue
        start, end = max(0, hint.start() - HINT_REACH), min(len(text), hint.end() + HINT_REACH)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [(a, b) for a, b in spans]


# letters [A-Za-z] stands for under IGNORECASE beyond ASCII: a text holding one is searched the long way
_HINT_SYMBOLS = "$£€¥₹"
_HINT_WORDS = ("kr", "dollars", "euros")  # and "zł", in a text that is not all ASCII


def _hints(text: str, lower: str) -> Iterator[re.Match[str]]:
    """_CURRENCY_HINT.finditer(text), without the regex engine trying its six alternatives at every character: the
    hints are the currency symbols and words (found as substrings) and the words of exactly three letters that are
    currency codes (found with numpy). Every other three-letter word matches the pattern only to be skipped by the
    caller; all it changes is that "zł" cannot begin as the last letter of one ("abzł")."""
    ascii_only = text.isascii()  # most postings: no other symbol, no "zł", nothing folded
    if not ascii_only and (not aligned(text, lower) or any(c in text for c in FOLDED)):
        yield from _CURRENCY_HINT.finditer(text)
        return
    three, codes = _three_letter_words(text)
    positions = set(codes)
    for symbol in "$" if ascii_only else _HINT_SYMBOLS:
        positions.update(occurrences(text, symbol))
    for word in _HINT_WORDS if ascii_only else (*_HINT_WORDS, "zł"):
        for at in occurrences(lower, word):
            if word != "zł" or at - 2 not in three:  # else the "z" ends a three-letter word
                positions.add(at)
    yield from matches_at(_CURRENCY_HINT, text, sorted(positions))


def _three_letter_words(text: str) -> tuple[set[int], list[int]]:
    """The offsets of the runs of exactly three ASCII letters, and of those that spell a currency code (any case)."""
    points = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)  # lone surrogates too
    letter = numpy.zeros(len(points) + 2, dtype=bool)  # with a non-letter either side
    letter[1:-1] = ((points | 32) - 97) < 26  # unsigned: below "a" wraps round to a large number
    edges = numpy.flatnonzero(letter[1:] != letter[:-1])
    starts, ends = edges[0::2], edges[1::2]  # runs of letters alternate start, end
    at = starts[ends - starts == 3]
    if not len(at):
        return set(), []
    keys = ((points[at] | 32) << 16) | ((points[at + 1] | 32) << 8) | (points[at + 2] | 32)
    found = numpy.searchsorted(_CODE_KEYS, keys)
    is_code = _CODE_KEYS[numpy.minimum(found, len(_CODE_KEYS) - 1)] == keys
    return set(at.tolist()), at[is_code].tolist()


# the codes as numbers (each letter lower-cased), sorted for a binary search
_CODE_KEYS = numpy.array(
    sorted((ord(c[0]) | 32) << 16 | (ord(c[1]) | 32) << 8 | (ord(c[2]) | 32) for c in _CURRENCY_CODES),
    dtype=numpy.uint32,
)


def _finditer(pattern: re.Pattern[str] | Lazy, text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    seen: set[tuple[int, int]] = set()
    for start, end in windows:
        for match in pattern.finditer(text, start, end):
            if match.span() not in seen:
                seen.add(match.span())
                yield match


# What can stand between the two figures of a range (after the first one's last digit, before the second one's first):
# the first one's tail, multiplier, currency and unit, the dash, the second one's currency; the same pieces as in
# _RANGE, a few in wider forms (any three letters for a currency code, no look-arounds). A window in which no run of
# other characters between two digits is one holds no range: _RANGE, the costliest pattern to compile (a hundredth
# of a second) and to search, is neither compiled nor searched there.
_GAP = Lazy(
    rf"(?:,(?:-{{1,2}}|–))?(?:\s?{THOUSANDS}|\s?(?:M|m|mil|mn|B|b|bn|million|billion))?"
    rf"(?:\s?(?:[a-z]{{3}}|zł|kr|dollars|euros)|\s?[€£$])?{_UNIT}{_DASH}"
    r"(?:(?:US\$|C\$|CA\$|A\$|AU\$|NZ\$|S\$|HK\$|R\$|\$|£|€|¥|₹|[a-z]{3}\s?)\s?)?",
    re.I,
)
_GAPS = Lazy(r"\d(\D+)(?=\d)")  # each run of other characters between two digits


def _may_range(text: str, start: int, end: int) -> bool:
    """False when text[start:end] holds no match of _RANGE (see _GAP)."""
    return any(_GAP.fullmatch(gap.group(1)) for gap in _GAPS.finditer(text, start, end))


# every match of _OPEN holds one of these, case aside: "up to", "upto", "from", "starting", "min", "at least", "+",
# "and up", "and above", "or more", "plus"
_OPEN_NEEDLES = ("up", "from", "starting", "min", "least", "+", "above", "more", "plus")


def _holding(text: str, lower: str, windows: list[tuple[int, int]], needles: tuple[str, ...]) -> list[tuple[int, int]]:
    """The windows holding one of the needles: a pattern all of whose matches hold one needs only those (and is
    compiled only when one is left)."""
    if not aligned(text, lower):
        return windows
    return [(start, end) for start, end in windows if any(lower.find(n, start, end) >= 0 for n in needles)]


def find_pay(context: Context) -> Pay:
    def compute() -> Pay:
        document = context.document
        text = document.text
        pay = Pay()
        lower = context.lowered_text
        windows = _windows(text, lower)
        cues: dict[tuple[int, int], bool] = {}
        for key, value in document.metadata.items():
            if (
                _METADATA_PAY_KEYS.search(str(key))
                and isinstance(value, (str, int, float))
                and re.search(r"\d", str(value))
            ):
                pay.in_metadata = True
        for match in _finditer(_OPEN, text, _holding(text, lower, windows, _OPEN_NEEDLES)):
            if _is_pay(text, *match.span(), context.window(match.start(), "sentence"), context, False, cues):
                pay.open_ended.append(match.span())
        judged: list[tuple[int, int]] = []  # ranges found to be perks or company money
        ranged = [(start, end) for start, end in windows if _may_range(text, start, end)]
        for pattern, is_range, bucket in (
            (_RANGE, True, pay.ranges),
            (_BARE_RANGE, False, pay.ranges),  # "90k-110k": only with words tying it to the job
            (_LAKHS, True, pay.ranges),  # the unit says it is a salary
            (_SINGLE, False, pay.singles),
        ):
            unhinted = pattern is _BARE_RANGE or pattern is _LAKHS  # no currency mark to find them by
            searched = ranged if pattern is _RANGE else windows
            matches = _unhinted(pattern, text, lower) if unhinted else _finditer(pattern, text, searched)
            for match in matches:
                span = match.span()
                if _inside(span, pay.ranges) or _inside(span, judged):
                    continue  # an end of a range is judged with the range
                if not _is_pay(text, *span, context.window(span[0], "sentence"), context, is_range, cues):
                    if is_range:
                        judged.append(span)
                    continue
                if bucket is pay.singles and not re.search(r"\d{2}", match.group()):
                    continue  # "$5" coffee budgets and "€1" are not salaries
                bucket.append(span)
        pay.vague = _vague(context, text, lower)
        return pay

    return context.memo("pay", compute)


def _vague(context: Context, text: str, lower: str) -> list[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for pattern, begins, before in _vague_patterns(context):
        if begins is None:
            found.update(m.span() for m in pattern.finditer(text))
        else:  # tried at the words that begin a start
            found.update(m.span() for m in finditer_words(pattern, text, lower, begins, before, letters_of(context)))
    return sorted(found)


_VaguePatterns = list[tuple[re.Pattern[str] | Lazy, frozenset[str] | None, str]]


def _vague_patterns(context: Context) -> _VaguePatterns:
    """The vague-pay patterns for the posting's language, each with the words its matches begin with (None: any) and
    the characters none of which stands before a match: the English grammar above, or the phrases of the vague-pay
    rule's data in that language (`settings.vague`, e.g. German "attraktive Vergütung"), whole words, any case."""
    code = context.language.code
    if code == "en":
        return [(_VAGUE, _VAGUE_STARTS, WORD)]  # it opens with \b and a letter

    def compile_phrases() -> _VaguePatterns:
        phrases = [
            phrase
            for rule in context.catalog.variants
            if rule.code == VAGUE_PAY and rule.language == code
            for phrase in rule.options.get("settings", {}).get("vague", ())
        ]
        if not phrases:
            return [(_VAGUE, _VAGUE_STARTS, WORD)]
        words = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I)
        return [(pattern, starts(pattern), WORD + "-")]

    return context.compiled(("vague-pay", code), compile_phrases)


# the words every match of _VAGUE begins with (kinds/needles.py reads the same from its parse; a test compares)
_VAGUE_STARTS = frozenset(
    {
        "attractive", "commensurate", "compensation", "competitive", "dependent", "depending", "highly", "market",
        "negotiable", "pay", "rate", "remuneration", "salary", "very", "wage",
    }
)  # fmt: skip
# every match of _LAKHS holds one of these
_LAKHS_NEEDLES = ("lakh", "lac", "lpa", "l.p.a")
_DIGIT_RUN = Lazy(r"\d+")


def _unhinted(pattern: Lazy, text: str, lower: str) -> Iterator[re.Match[str]]:
    """The matches of a pattern that begins with the figure: none for lakhs without the word."""
    if pattern is _LAKHS and aligned(text, lower) and not any(needle in lower for needle in _LAKHS_NEEDLES):
        return iter(())
    return _from_digit_runs(pattern, text)


def _run_starts(text: str) -> list[int]:
    """Where each run of digits (\\d+) begins: in an ASCII text (most postings) found with numpy, as the regex engine
    trying \\d+ at every character costs more; in any other, Unicode digits count too, by the regex."""
    if not text.isascii():
        return [run.start() for run in _DIGIT_RUN.finditer(text)]
    codes = numpy.frombuffer(text.encode("ascii"), dtype=numpy.uint8)
    digit = numpy.zeros(len(codes) + 1, dtype=bool)  # with a non-digit before the first character
    digit[1:] = (codes - 48) < 10  # unsigned: below "0" wraps round to a large number
    starts: list[int] = numpy.flatnonzero(digit[1:] & ~digit[:-1]).tolist()
    return starts


def _from_digit_runs(pattern: re.Pattern[str] | Lazy, text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a pattern whose matches begin a run of digits (its first token is a digit that
    follows none): tried only there, where the regex engine would try every character."""
    yield from matches_at(pattern, text, _run_starts(text))


# ----------------------------------------------------------------------------- jurisdictions


def applicable(
    document: Document, lower: str | None = None, letters: Letters | None = None
) -> list[tuple[dict[str, Any], Evidence]]:
    """Jurisdictions with a pay-in-posting law that the posting's location names or reaches, with the evidence
    (`lower`, `letters`: the text lower-cased and its Letters, when the caller has them)."""
    where = locate(document, lower, letters)
    return [(law, where[law["code"]]) for law in jurisdictions() if law["code"] in where]


def _lint_date(context: Context) -> datetime.date:
    return context.config.lint_date or datetime.date.today()


def _laws(context: Context) -> list[tuple[dict[str, Any], Evidence]]:
    # the lower-cased text and Letters the other checks share, not made again for the location's search
    return context.memo("pay-laws", lambda: applicable(context.document, context.lowered_text, letters_of(context)))


def pay_laws(context: Context) -> dict[str, Any]:
    """The `pay_laws` metric: the day and the places the pay rules judged this posting by, and the laws found
    there, so a reader can see (and a caller change, with the date and the location field) what JD501-JD503 used."""
    today = _lint_date(context)
    found = _laws(context)
    return {
        "date": today.isoformat(),
        "jurisdictions": [
            {"code": law["code"], "name": law["name"], "place": e.place, "evidence": e.quote} for law, e in found
        ],
        "laws": [
            {
                "jurisdiction": law["code"],
                "law": law["law"],
                "effective": law["effective"].isoformat(),
                "in_force": law["effective"] <= today and not law.get("pending", False),
                "pending": bool(law.get("pending", False)),
                "in_posting": bool(law["in_ad"]),
                "citation": law["citation"],
                "region": e.region,
            }
            for law, e in found
        ],
    }


def _evidence(found: list[tuple[dict[str, Any], Evidence]]) -> str:
    """Where the location came from, the strongest evidence first: " Location New York, from 'Location: New York'." """
    shown: list[Evidence] = []
    for _, evidence in sorted(found, key=lambda item: -item[1].strength):
        if all(evidence.quote != e.quote for e in shown):
            shown.append(evidence)
    parts = [f"{e.place}, from '{e.quote}'" if e.quote != e.place else f"'{e.place}'" for e in shown[:2]]
    return f" Location {'; '.join(parts)}." if parts else ""


def _law_requirement(context: Context, range_only: bool = False) -> tuple[Severity, str, str] | None:
    """(severity, sentence naming the laws and the location's evidence, source) on the lint date; with
    `range_only`, only the laws that ask for both ends (Austria asks for the minimum: "from EUR 4.000" meets it)."""
    today = _lint_date(context)
    reached = [(law, e) for law, e in _laws(context) if law["in_ad"] and not law.get("pending", False)]
    if range_only:
        reached = [(law, e) for law, e in reached if not law.get("minimum_only", False)]
    found = [(law, e) for law, e in reached if not e.region]  # a region's member laws are possible, not certain
    in_force = [(law, e) for law, e in found if law["effective"] <= today]
    if in_force:
        names = "; ".join(f"{law['law']} ({law['name']}, in force since {law['effective']})" for law, _ in in_force)
        return Severity.ERROR, f" Required in the posting by {names}.{_evidence(in_force)}", in_force[0][0]["citation"]
    if found:
        names = "; ".join(f"{law['law']} ({law['name']}, from {law['effective']})" for law, _ in found)
        return Severity.WARNING, f" It will be required by {names}.{_evidence(found)}", found[0][0]["citation"]
    if range_only:
        return None
    return _possible_requirement(context, [(law, e) for law, e in reached if law["effective"] <= today])


DIRECTIVE = "https://eur-lex.europa.eu/eli/dir/2023/970/oj"


def _listed(names: list[str], most: int = 4) -> str:
    """ "Germany", "Germany and Spain", "Belgium, Bulgaria, Croatia, Cyprus and 17 more"."""
    if len(names) > most:
        return ", ".join(names[:most]) + f" and {len(names) - most} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _possible_requirement(
    context: Context, regional: list[tuple[dict[str, Any], Evidence]]
) -> tuple[Severity, str, str] | None:
    """A warning for laws that may apply but cannot make an error: those of a region's members ("Remote (EU)": the
    job is in one of them, not all) and the EU directive where the posting's state had not transposed it."""
    pending = [(law, e) for law, e in _laws(context) if law.get("pending", False) and not e.region]
    regional_pending = [(law, e) for law, e in _laws(context) if law.get("pending", False) and e.region]
    parts = []
    if regional:
        region = regional[0][1].region
        names = _listed([law["name"] for law, _ in regional])
        parts.append(
            f" {region[0].upper()}{region[1:]} includes places whose law requires it in the posting ({names})."
        )
    if pending or regional_pending:
        states = _listed([law["name"] for law, _ in pending or regional_pending])
        checked = (pending or regional_pending)[0][0]["checked"]
        deadline = (pending or regional_pending)[0][0]["effective"]
        parts.append(
            f" Directive (EU) 2023/970 art. 5 gives candidates the starting pay or its range, in the vacancy notice or"
            f" before the interview; {states} had not transposed it when last checked ({checked}; deadline {deadline})."
        )
    if not parts:
        return None
    used = regional + pending + regional_pending
    source = regional[0][0]["citation"] if regional else DIRECTIVE
    return Severity.WARNING, "".join(parts) + _evidence(used), source


def _requirement(context: Context) -> tuple[Severity, str, str | None]:
    """The laws' requirement, or (where no law applies) the general case for stating pay."""
    return _law_requirement(context) or (
        Severity.WARNING,
        " Many jurisdictions now require one, and candidates skip postings without it.",
        None,
    )


@check(needs=("sentences",))
def missing_pay(context: Context, rule: Rule) -> Iterator[Match]:
    if context.too_short(rule):
        return
    pay = find_pay(context)
    if pay.vague and not pay.disclosed:
        context.judged_missing(rule, "the pay is given only in vague words (see the vague-pay finding)")
    if pay.disclosed or pay.vague:
        return  # vague pay has its own finding
    severity, requirement, source = _requirement(context)
    yield Match.whole_posting(
        suggestions=(rule.options["settings"]["statement"],),
        severity=severity,
        source=source,
        params={"requirement": requirement},
    )


@check(needs=("sentences",))
def vague_pay(context: Context, rule: Rule) -> Iterator[Match]:
    pay = find_pay(context)
    if pay.disclosed:
        return  # "competitive salary of $90,000 - $110,000" says the numbers
    severity, requirement, source = _requirement(context)
    for start, end in pay.vague[:1]:
        yield Match.at(
            start,
            end,
            suggestions=(rule.options["settings"]["statement"],),
            severity=severity,
            source=source,
            params={"requirement": requirement},
        )


@check(needs=("sentences",))
def open_ended_pay(context: Context, rule: Rule) -> Iterator[Match]:
    pay = find_pay(context)
    if not pay.open_ended or pay.complete:
        return
    requirement = _law_requirement(context, range_only=True)
    if requirement is None:
        return  # no law here asks for a range: an "up to" figure is still information
    severity, sentence, source = requirement
    for start, end in pay.open_ended[:1]:
        yield Match.at(
            start,
            end,
            suggestions=("state the minimum and maximum, e.g. $60,000 - $75,000 per year",),
            severity=severity,
            source=source,
            params={"requirement": sentence},
        )


def _overpayment_phrases(rule: Rule) -> re.Pattern[str] | None:
    """The rule's `overpayment` phrases in the posting's language, as one pattern (spaces match any run of them)."""
    phrases = rule.options["settings"].get("overpayment", [])
    if not phrases:
        return None
    words = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.I)


@check(needs=("sentences",))
def missing_overpayment(context: Context, rule: Rule) -> Iterator[Match]:
    """A law that asks for the minimum pay and whether more may be paid (Austria's GlBG section 9(2)): pay is given
    but the remark is not. A range counts as information only: its upper end shows that more may be paid."""
    laws = [(law, e) for law, e in _laws(context) if law["in_ad"] and law.get("overpayment") and not e.region]
    if not laws:
        return
    phrases = context.memo(f"overpayment:{rule.language}", lambda: _overpayment_phrases(rule))
    if phrases is None:
        context.not_judged(rule, "no overpayment wording is known for the posting's language")
        return
    pay = find_pay(context)
    text = context.document.text
    if not pay.disclosed or phrases.search(text):
        return
    today = _lint_date(context)
    in_force = [(law, e) for law, e in laws if law["effective"] <= today]
    chosen = in_force or laws
    names = "; ".join(f"{law['law']} ({law['name']})" for law, _ in chosen)
    when = "Required" if in_force else f"It will be required from {chosen[0][0]['effective']}"
    requirement = f" {when} by {names}.{_evidence(chosen)}"
    severity = Severity.ERROR if in_force else Severity.WARNING
    if pay.ranges and not pay.singles:
        severity = Severity.INFO  # the range's upper end already says more than the minimum may be paid
        requirement += " A range's upper end may already be read as that remark."
    spans = sorted(pay.singles + pay.ranges)
    statement = rule.options["settings"].get("statement")
    suggestion = (statement,) if statement else ()
    source = chosen[0][0]["citation"]
    if spans:
        yield Match.at(
            *spans[0], suggestions=suggestion, severity=severity, source=source, params={"requirement": requirement}
        )
    else:  # the pay is in the front matter or record fields only
        yield Match.whole_posting(
            suggestions=suggestion,
            severity=severity,
            source=source,
            params={"requirement": requirement, "match": "The pay field"},
        )
