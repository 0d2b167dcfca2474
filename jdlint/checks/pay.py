"""Pay transparency: is pay disclosed, only vaguely, or open-ended; and which laws apply where the job is.

Pay counts when the text (or the front matter / record metadata) gives a range or a single figure
with a currency or a pay word nearby: "$85k–$105k", "£45,000 - £55,000 per annum",
"60.000 € – 72.000 €", "$25 - $30 per hour", "221,000—455,000 USD". Money about funding, revenue
or customers does not count.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..context import Context
from ..document import Document
from ..model import Match, Severity
from ..resources import data_path
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
_NUM = r"\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_AMOUNT = rf"(?:{_NUM})(?:\s?[kK]\b|\s?(?:M|m|mil|mn|B|b|bn|million|billion)\b)?"
_TOO_BIG = re.compile(r"\d\s?(?:M|m|mil|mn|B|b|bn|million|billion)\b")  # funding and costs, never a salary
_MONEY = rf"(?:{_CUR_PRE}\s?{_AMOUNT}|{_AMOUNT}{_CUR_POST})"
_DASH = r"\s*(?:-|–|—|−|â€”|â€“|/|to|and|till|until|bis|à|a|al|do)\s*"
_RANGE = re.compile(rf"(?:between\s+)?(?:{_MONEY}{_DASH}(?:{_MONEY}|{_AMOUNT})|{_AMOUNT}{_DASH}{_MONEY})", re.I)
_SINGLE = re.compile(_MONEY, re.I)
_BARE_RANGE = re.compile(
    rf"(?<![\d.,])\d{{2,3}}(?:[.,]\d)?\s?[kK]{_DASH}\d{{2,3}}(?:[.,]\d)?\s?[kK]\b"
    rf"|(?<![\d.,])\d{{2,3}}[,.]\d{{3}}{_DASH}\d{{2,3}}[,.]\d{{3}}(?![\d])"
)
_OPEN = re.compile(
    rf"\b(?:up\s+to|upto|from|starting\s+(?:at|from)|min(?:imum)?(?:\s+of)?|at\s+least)\s+{_MONEY}"
    rf"|{_MONEY}\s?\+|{_MONEY}\s+(?:and\s+(?:up|above)|or\s+more|plus)\b",
    re.I,
)
_PAY_WORDS = re.compile(
    r"\b(?:salar(?:y|ies)|pay|paid|compensation|wages?|rate|base|ote|earn(?:ings?)?|stipend|hourly|per\s+hour|"
    r"an\s+hour|per\s+annum|p\.?\s?a\.?|per\s+year|a\s+year|annual(?:ly)?|per\s+month|monthly|range|package|"
    r"remuneration|bonus|gross|/\s?(?:yr|year|hr|hour|month|mo|h)\b|"
    # other languages postings come in
    r"salaire|rémunération|fourchette|brut|gehalt|brutto|vergütung|salario|sueldo|retribución|stipendio|"
    r"retribuzione|wynagrodzenie|salaris|lön|lønn|løn|palkka)",
    re.I,
)
_NOT_PAY = re.compile(
    r"\b(?:fund(?:ing|ed|s)?|raised?|revenue|series\s+[a-e]|valuation|invest(?:ment|ors|ed)?|arr|"
    r"billion|customers?|spend|market|grants?|prizes?|assets|loans?|portfolio|budget|sales|gmv|"
    r"transactions?|donat(?:e|ion|ions)|price|pricing|cost|fees?|tuition)\b",
    re.I,
)
_VAGUE = re.compile(
    r"\b(?:competitive\s+(?:salary|salaries|pay|compensation|wages?|base|rates?|package|remuneration)"
    r"|attractive\s+(?:salary|pay|compensation|package|remuneration)"
    r"|(?:salary|pay|compensation)\s*(?::|is|will\s+be)?\s*(?:negotiable|competitive|attractive|doe)\b"
    r"|d\.?o\.?e\.?(?=\W|$)|depending\s+on\s+(?:experience|qualifications)|dependent\s+on\s+experience"
    r"|commensurate\s+with\s+(?:experience|qualifications|skills)|market[-\s](?:rate|related|competitive)"
    r"|salary\s+negotiable|negotiable\s+salary)",
    re.I,
)
_METADATA_PAY_KEYS = re.compile(r"salary|pay|compensation|wage|rate|remuneration", re.I)
_REMOTE_US = re.compile(
    r"remote[^.\n]{0,25}\b(?:US|USA|U\.S\.A?\.?|United States)\b|\b(?:US|USA|U\.S\.|United States)"
    r"[^.\n]{0,12}\bremote|anywhere in the (?:US|U\.S\.|United States)",
    re.I,
)
_REMOTE_CA = re.compile(r"remote[^.\n]{0,25}\bCanada\b|\bCanada[^.\n]{0,12}\bremote", re.I)
_LOCATION_KEYS = re.compile(r"location|city|state|country|region|office|based|where", re.I)
_LOCATION_LABEL = re.compile(r"^\s*(?:job\s+)?(?:location|locations|based\s+in|office|where|work\s+location)\b", re.I)


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


def _is_pay(text: str, start: int, end: int, window: tuple[int, int], has_currency: bool) -> bool:
    if _TOO_BIG.search(text, start, end):
        return False
    sentence = text[window[0] : window[1]]
    if _PAY_WORDS.search(sentence):
        return True
    # money words close by ("raised $20M from investors"), not anywhere in a long run-on line
    if _NOT_PAY.search(text, max(window[0], start - 60), min(window[1], end + 60)):
        return False
    return has_currency


_CURRENCY_HINT = re.compile(r"[$£€¥₹]|(?<![A-Za-z])(?:[A-Z]{3})(?![a-z])|zł|\bkr\b|dollars|euros", re.IGNORECASE)
_CODES = set(re.findall(r"[A-Z]{3}", _CUR_PRE))
HINT_REACH = 80  # characters around a currency mark that a range or "up to" phrase can span


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around currency marks; the costly money patterns only run there."""
    spans: list[list[int]] = []
    for hint in _CURRENCY_HINT.finditer(text):
        word = hint.group()
        if len(word) == 3 and word.isalpha() and word.upper() not in _CODES:
            continue
        start, end = max(0, hint.start() - HINT_REACH), min(len(text), hint.end() + HINT_REACH)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [(a, b) for a, b in spans]


def _finditer(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    seen: set[tuple[int, int]] = set()
    for start, end in windows:
        for match in pattern.finditer(text, start, end):
            if match.span() not in seen:
                seen.add(match.span())
                yield match


def find_pay(context: Context) -> Pay:
    def compute() -> Pay:
        document = context.document
        text = document.text
        pay = Pay()
        windows = _windows(text)
        for key, value in document.metadata.items():
            if (
                _METADATA_PAY_KEYS.search(str(key))
                and isinstance(value, (str, int, float))
                and re.search(r"\d", str(value))
            ):
                pay.in_metadata = True
        for match in _finditer(_OPEN, text, windows):
            if _is_pay(text, *match.span(), context.window(match.start(), "sentence"), True):
                pay.open_ended.append(match.span())
        for pattern, has_currency, bucket in (
            (_RANGE, True, pay.ranges),
            (_BARE_RANGE, False, pay.ranges),
            (_SINGLE, True, pay.singles),
        ):
            matches = pattern.finditer(text) if pattern is _BARE_RANGE else _finditer(pattern, text, windows)
            for match in matches:
                span = match.span()
                if _inside(span, pay.ranges):
                    continue
                if not _is_pay(text, *span, context.window(span[0], "sentence"), has_currency):
                    continue
                if bucket is pay.singles and not re.search(r"\d{2}", match.group()):
                    continue  # "$5" coffee budgets and "€1" are not salaries
                bucket.append(span)
        pay.vague = [m.span() for m in _VAGUE.finditer(text)]
        return pay

    return context.memo("pay", compute)


# ----------------------------------------------------------------------------- jurisdictions


@lru_cache(maxsize=1)
def jurisdictions() -> tuple[dict[str, Any], ...]:
    data = tomllib.loads(data_path("data").joinpath("jurisdictions.toml").read_text(encoding="utf-8"))
    return tuple(data["jurisdiction"])


def _location_text(document: Document) -> str:
    parts = [
        f"{v}" for k, v in document.metadata.items() if _LOCATION_KEYS.search(str(k)) and isinstance(v, (str, list))
    ]
    parts = [" ; ".join(map(str, p)) if isinstance(p, list) else p for p in parts]
    text = document.text
    for segment in document.segments:
        chunk = text[segment.start : segment.end]
        if segment.scope in ("heading", "metadata") or _LOCATION_LABEL.match(chunk):
            parts.append(chunk)
    parts.append(text[:500])
    return "\n".join(parts)


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _law_patterns() -> tuple[
    list[tuple[dict[str, Any], re.Pattern[str] | None, frozenset[str] | None]], re.Pattern[str], re.Pattern[str]
]:
    """Compiled once: each law's name pattern, and one pattern for every state or province abbreviation."""
    by_name = []
    for law in jurisdictions():
        raw = law.get("names", []) + law.get("cities", [])
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in raw) + r")\b") if raw else None
        # A name can only match where its first word stands as a whole word: a set lookup spares the search.
        firsts = [_WORD_RUN.match(n) for n in raw]
        first_words = frozenset(m.group() for m in firsts if m) if all(firsts) else None
        by_name.append((law, pattern, first_words))
    codes = "|".join(sorted({re.escape(law["abbreviation"]) for law in jurisdictions() if law.get("abbreviation")}))
    in_text = re.compile(rf"[A-Z][a-z]+,\s*({codes})\b(?!\.)|\(({codes})\)")  # "Denver, CO" or "(CO)"
    in_location = re.compile(rf"(?:,\s*|\b)({codes})\b(?!\.)")
    return by_name, in_text, in_location


def applicable(document: Document) -> list[dict[str, Any]]:
    """Jurisdictions with a pay-in-posting law that the posting's location names or reaches."""
    where = _location_text(document)
    by_name, in_text, in_location = _law_patterns()
    words = set(_WORD_RUN.findall(where))
    abbreviations: set[str] | None = None  # found once, when a law's name did not match
    found = []
    for law, names, first_words in by_name:
        hit = bool(
            names is not None and (first_words is None or not words.isdisjoint(first_words)) and names.search(where)
        )
        if not hit and law.get("abbreviation"):
            if abbreviations is None:
                abbreviations = {m.group(1) or m.group(2) for m in in_text.finditer(document.text)}
                abbreviations |= {m.group(1) for m in in_location.finditer(where)}
            hit = law["abbreviation"] in abbreviations
        if not hit and law.get("remote") == "yes":
            remote = (
                _REMOTE_US if law["code"].startswith("US-") else _REMOTE_CA if law["code"].startswith("CA-") else None
            )
            hit = bool(remote is not None and remote.search(where))
        if hit:
            found.append(law)
    return found


def _lint_date(context: Context) -> datetime.date:
    return context.config.lint_date or datetime.date.today()


def _law_requirement(context: Context) -> tuple[Severity, str, str] | None:
    """(severity, sentence naming the laws, source) for the laws of the posting's location on the lint date."""
    today = _lint_date(context)
    laws = [law for law in context.memo("pay-laws", lambda: applicable(context.document)) if law.get("in_ad")]
    in_force = [law for law in laws if law["effective"] <= today]
    if in_force:
        names = "; ".join(f"{law['law']} ({law['name']}, in force since {law['effective']})" for law in in_force)
        return Severity.ERROR, f" Required in the posting by {names}.", in_force[0]["citation"]
    if laws:
        names = "; ".join(f"{law['law']} ({law['name']}, from {law['effective']})" for law in laws)
        return Severity.WARNING, f" It will be required by {names}.", laws[0]["citation"]
    return None


def _requirement(context: Context) -> tuple[Severity, str, str | None]:
    """The laws' requirement, or (where no law applies) the general case for stating pay."""
    return _law_requirement(context) or (
        Severity.WARNING,
        " Many jurisdictions now require one, and candidates skip postings without it.",
        None,
    )


@check(needs=("sentences",))
def missing_pay(context: Context, rule: Rule) -> Iterator[Match]:
    if context.word_count < context.option(rule, "min-words"):
        return
    pay = find_pay(context)
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
    requirement = _law_requirement(context)
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
