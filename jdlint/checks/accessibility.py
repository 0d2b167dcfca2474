"""Accessibility of an HTML posting itself (WCAG 2.2): alt text, link purpose, language, heading order,
and information that only an image carries."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context
from ..document import HtmlOutline
from ..model import Match
from ..rule import Rule
from . import check

_PAY_IN_ALT = re.compile(r"[$£€]\s?\d|\d\s?(?:USD|EUR|GBP)\b|\bsalary\b|\bper (?:hour|year|annum)\b", re.I)
_ACCOMMODATION_IN_ALT = re.compile(r"accommodation|reasonable adjustment|applicants with disabilities", re.I)


def _html(context: Context) -> HtmlOutline:
    """The posting's HTML outline; an empty one for other formats."""
    outline = context.document.html if context.document.format == "html" else None
    return outline or HtmlOutline()


@check()
def image_without_alt(context: Context, rule: Rule) -> Iterator[Match]:
    for image in _html(context).images:
        if image.alt is None:
            yield Match.in_source(image.span, suggestions=('alt="what the image shows"', 'alt="" if it is decoration'))


@check()
def vague_link_text(context: Context, rule: Rule) -> Iterator[Match]:
    vague = set(rule.options["settings"]["vague"])
    for link in _html(context).links:
        text = " ".join(link.text.split()).strip(" .:!»>").lower()
        if text in vague:
            yield Match.in_source(
                link.span,
                params={"text": text},
                suggestions=("name the destination, e.g. 'Apply for the data analyst role'",),
            )


@check()
def missing_lang(context: Context, rule: Rule) -> Iterator[Match]:
    html = _html(context)
    if html.html_tag and not (html.lang or "").strip():
        yield Match.in_source(html.html_tag, suggestions=('<html lang="en">',))


@check()
def heading_skip(context: Context, rule: Rule) -> Iterator[Match]:
    previous = None
    for heading in _html(context).headings:
        if previous is not None and heading.level > previous + 1:
            yield Match.in_source(
                heading.span,
                params={"level": heading.level, "previous": previous},
                suggestions=(f"use h{previous + 1}",),
            )
        previous = heading.level


@check()
def only_in_image(context: Context, rule: Rule) -> Iterator[Match]:
    """Pay or the accommodation statement carried by an image's alt text and nowhere in the text."""
    text = context.document.text
    for image in _html(context).images:
        alt = image.alt or ""
        for what, pattern in (("the pay", _PAY_IN_ALT), ("the accommodation statement", _ACCOMMODATION_IN_ALT)):
            if pattern.search(alt) and not pattern.search(text):
                yield Match.in_source(
                    image.span, params={"what": what}, suggestions=(f"put {what} in the text of the posting",)
                )
