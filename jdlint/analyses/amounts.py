"""Amounts of money written in any of the number styles postings use, language-neutral.

One grammar for the figure itself, told apart by structure rather than by language:
- thousands groups are exactly three digits after one separator used throughout the figure: "55,000" (English),
  "55.000" (German), "55 000" with a space, a no-break space or a narrow no-break space (French, ISO 80000),
  "90'000" or "90’000" (Swiss);
- a decimal part is one or two digits after the other mark: "4.250,50", "4,250.50", "2.800,-" / "400,--" (the
  German and Austrian whole-amount dash);
- a multiplier may follow: "45k", "45 K", "45 Tsd." (German "Tausend").
A figure never starts inside another run of digits and never stops short of one, so dates ("01.06.2026"), phone
numbers ("030 123 456 78") and postcodes split by a space do not yield a figure from their middle. Whether a figure
is money is the caller's question (a currency or pay words beside it): "3.000 customers" is a fine number.
"""

from __future__ import annotations

import re

_SPACES = "\u0020\u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
_APOSTROPHES = "'\u2019"
# a whole-amount dash: "2.800,-", "400,--", "3.100,–"
_DASH_CENTS = r",(?:-{1,2}|–)"
_GROUPED = (
    rf"[1-9]\d{{0,2}}(?:\.\d{{3}})+(?:,\d{{1,2}}|{_DASH_CENTS})?"  # 55.000 / 4.250,50 / 2.800,-
    rf"|[1-9]\d{{0,2}}(?:,\d{{3}})+(?:\.\d{{1,2}})?"  # 55,000 / 4,250.50
    rf"|[1-9]\d{{0,2}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d{{1,2}}|{_DASH_CENTS})?"  # 55 000 / 4 250,50
    rf"|[1-9]\d{{0,2}}(?:[{_APOSTROPHES}]\d{{3}})+(?:[.,]\d{{1,2}})?"  # 90'000 / 90’000.50
)
_PLAIN = rf"(?:0|[1-9]\d*)(?:[.,]\d{{1,2}}|{_DASH_CENTS})?"
# not inside a longer run of digits: no digit (or digit and separator) on either side
_BEFORE = rf"(?<![\d.,{_APOSTROPHES}])(?<!\d[{_SPACES}])"
_AFTER = rf"(?![.,{_APOSTROPHES}]?\d)(?![{_SPACES}]\d)"
NUMBER = rf"{_BEFORE}(?:{_GROUPED}|{_PLAIN}){_AFTER}"
# thousands: "45k", "45 K", "45 Tsd." (the dot is part of the abbreviation); no capture groups, so the pattern
# can be repeated inside a larger one
THOUSANDS = r"(?:[kK](?![a-zA-Z])|Tsd\.|Tsd(?![a-zA-Z])|Tausend(?![a-zA-Z]))"

_WHOLE = re.compile(rf"\s*(?P<number>{_GROUPED}|{_PLAIN})\s?(?P<thousands>{THOUSANDS})?\s*")


def parse_amount(text: str) -> float | None:
    """The value of one written figure, or None when the text is not one figure in the grammar above:
    "55.000" -> 55000, "4.250,50" -> 4250.5, "90'000" -> 90000, "45 k" -> 45000, "01.06.2026" -> None."""
    match = _WHOLE.fullmatch(text)
    if match is None:
        return None
    number = match.group("number")
    for dash in (",--", ",-", ",–"):
        number = number.removesuffix(dash)
    decimal = re.search(r"[.,](\d{1,2})$", number)
    cents = 0.0
    if decimal and not re.search(r"[.,]\d{3}$", number):
        cents = int(decimal.group(1)) / (10 ** len(decimal.group(1)))
        number = number[: decimal.start()]
    whole = int(re.sub(rf"[.,{_SPACES}{_APOSTROPHES}]", "", number))
    value = whole + cents
    return value * 1000 if match.group("thousands") else value
