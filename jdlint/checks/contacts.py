"""Contact addresses that lost their "@" ("notify accessibilitypinterest.com")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context
from ..model import Edit, Match
from ..rule import Rule
from . import check

# A bare host name glued to nothing on its left: no "@", no dot, no slash (so not a URL or real address).
_HOST = re.compile(r"(?<![\w@./-])([a-z][a-z0-9-]*+)((?:\.[a-z0-9-]++)++)(?![@/\w-])", re.I)


# a dot and the label after it, in the lower-cased text: every host ends with one
_DOT_LABEL = re.compile(r"\.([a-z0-9-]+)")
_OBFUSCATED_AT = re.compile(r"[\[({]\s*at\s*[\])}]\s*$", re.I)


def _may_hold_host(lower: str, tlds: set[str]) -> bool:
    """Whether the lower-cased text has a dot and a top-level domain after it (".com", ".io"), as every host that
    is looked at ends (its domain is compared lower-cased too): a scan for dots, far cheaper than the host regex."""
    return any(label.group(1) in tlds for label in _DOT_LABEL.finditer(lower))


@check(needs=("sentences",))
def lost_at_sign(context: Context, rule: Rule) -> Iterator[Match]:
    settings = rule.options["settings"]
    mailboxes = sorted(settings["mailboxes"], key=len, reverse=True)
    cues = set(settings["contact_words"])
    strong = set(settings["strong_words"])
    tlds = set(settings["tlds"])
    document = context.document
    text = document.text
    if not _may_hold_host(context.lowered_text, tlds):
        return
    words: set[str] | None = None  # the posting's words, read only once a host is worth checking against them
    sentence_words: dict[tuple[int, int], set[str]] = {}  # each sentence's words, read once however many hosts
    for match in _HOST.finditer(text):
        label, rest = match.group(1), match.group(2)
        if rest.rsplit(".", 1)[-1].lower() not in tlds:
            continue  # the possessive pattern never backtracks; the top-level domain is checked here
        if _OBFUSCATED_AT.search(text, max(0, match.start() - 8), match.start()):
            continue  # "hello [at] helloeve.co": written that way on purpose, and the name is whole
        lower = label.lower()
        mailbox = next((m for m in mailboxes if lower.startswith(m) and len(lower) - len(m) >= 3), None)
        if mailbox is None:
            continue
        domain_label = label[len(mailbox) :]
        window = context.window(match.start(), "sentence")
        if window not in sentence_words:
            sentence_words[window] = {w.lower() for w in re.findall(r"[A-Za-z-]+", text[window[0] : window[1]])}
        nearby = sentence_words[window]
        if not nearby & cues:
            continue
        # The domain's name elsewhere in the posting ("Pinterest"), or a cue that can only mean mail.
        if not nearby & strong:
            if words is None:
                words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9-]+", text)}
            if domain_label.lower() not in words:
                continue
        address = f"{label[: len(mailbox)]}@{domain_label}{rest}"
        span = document.to_source(match.start(), match.end())
        edits: tuple[Edit, ...] = ()
        if document.source.text[span.start : span.end] == match.group():
            edits = (Edit(span.start, span.end, address),)
        yield Match.in_source(span, suggestions=(address,), edits=edits, params={"suggestion": address})
