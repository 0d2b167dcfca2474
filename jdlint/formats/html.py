"""HTML: the rendered text of the page, its <title> and <html lang> as metadata, and its outline for the
accessibility checks."""

from __future__ import annotations

from ..document import Builder, Document
from ..source import Source
from .directives import directive_in_comment
from .htmltext import add_html
from .sections import finish_document

NAME = "html"
SUFFIXES = (".html", ".htm")
ORDER = 2


def parse(source: Source) -> Document:
    builder = Builder()
    extractor = add_html(builder, source.text, 0, len(source.text))
    metadata: dict = {}
    if extractor.title and extractor.title.strip():
        metadata["title"] = " ".join(extractor.title.split())
    if extractor.outline.lang is not None:
        metadata["lang"] = extractor.outline.lang
    document = finish_document(source, builder, metadata)
    document.html = extractor.outline
    found = (directive_in_comment(source.text, start, end) for start, end in extractor.comments)
    document.directives = [directive for directive in found if directive is not None]
    return document
