"""A posting whose text is HTML shown as text: tags written as entities (`&lt;p&gt;Our team&lt;/p&gt;`, common in
ATS exports) or decoded into the text an HTML or Markdown page shows. Such a posting is read again as the HTML it
spells, every offset still mapped to the source, so the rules see the words a candidate should have seen."""

from __future__ import annotations

import html
import re

from ..document import Builder, Document
from .htmltext import ENTITY, add_html, unescape
from .sections import finish_document

# block tags: they give a description its paragraphs and lists (an inline <b> or <u> alone reads as text)
_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|table|tr|td|th|section|article|blockquote)\b[^<>\n]{0,300}?/?>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
MIN_TAGS = 3  # a posting that names a tag or two ("experience with <div>") is not markup


def read_as_html(document: Document) -> Document | None:
    """The document read as the HTML its text spells, or None when its text is not markup."""
    # Every posting passes here: decide with C-speed unescaping, and build the offset map only for markup.
    if len(_TAG.findall(unescape(document.text))) < MIN_TAGS:
        return None
    decoded, to_text = _decode_entities(document.text)
    if len(_TAG.findall(decoded)) < MIN_TAGS:  # html.unescape also reads references without ";": look again
        return None
    offsets = document.offsets
    builder = Builder(lambda offset: offsets.source_offset(to_text[offset]))
    add_html(builder, decoded, 0, len(decoded))
    readable = finish_document(document.source, builder, document.metadata)
    readable.html_as_text = True
    # the tags a reader saw as text (the text of a page, never the page's own markup)
    readable.shown_tags = tuple(name.lower() for name in _ANY_TAG.findall(decoded))
    readable.front_matter_problem = document.front_matter_problem
    readable.directives = document.directives
    return readable


def _decode_entities(text: str) -> tuple[str, list[int]]:
    """`text` with its character references decoded, and each decoded offset's offset in `text` (one past the
    end included). A reference stands for its characters; the HTML parser then reads the tags it spelled."""
    out: list[str] = []
    to_text: list[int] = []
    position = 0
    for match in ENTITY.finditer(text):
        for i in range(position, match.start()):
            out.append(text[i])
            to_text.append(i)
        value = html.unescape(match.group())
        for ch in value:
            out.append(ch)
            to_text.append(match.start())
        position = match.end()
    for i in range(position, len(text)):
        out.append(text[i])
        to_text.append(i)
    to_text.append(len(text))
    return "".join(out), to_text
