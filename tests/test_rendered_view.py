"""The rendered view's pieces: blocks from jdlint's parse, source spans mapped back onto the extracted text, job
titles, and bidi isolates closed before the page isolates posting text."""

from __future__ import annotations

from jdlint.formats import parse
from jdlint.model import Span
from jdlint.printable import visible_controls
from jdlint.report.isolation import balanced
from jdlint.report.rendered import blocks, document_of, extracted_range, title_of
from jdlint.source import Source

MARKDOWN = (
    "---\ntitle: Line Cook\n---\n\n### Line Cook\n\nWe are **hiring** a cook &amp; a dishwasher.\n\n"
    "- Its fun\n- Youll grow\n\n# About us\n\nA small kitchen.\n"
)


def document(text: str, fmt: str):
    return parse(Source(f"p.{'md' if fmt == 'markdown' else fmt}", text, format=fmt))


def test_blocks_are_paragraphs_items_and_headings_that_never_skip_a_level():
    doc = document(MARKDOWN, "markdown")
    shown = [(b.tag, b.kind, doc.text[b.start : b.end]) for b in blocks(doc)]
    assert shown == [
        ("p", "metadata", "Line Cook"),
        ("h4", "heading", "Line Cook"),  # ### under the page's h3: h4, never h6 after h3
        ("p", "paragraph", "We are hiring a cook & a dishwasher."),
        ("li", "list_item", "Its fun"),
        ("li", "list_item", "Youll grow"),
        ("h4", "heading", "About us"),  # # ranks above ###: no deeper than the first
        ("p", "paragraph", "A small kitchen."),
    ]


def test_source_spans_map_back_to_the_extracted_text():
    doc = document(MARKDOWN, "markdown")
    source = doc.source.text
    for word in ("hiring", "dishwasher", "Youll", "small kitchen"):
        start = source.index(word)
        found = extracted_range(doc.offsets.pieces, Span(start, start + len(word)))
        assert found is not None and doc.text[found[0] : found[1]] == word
    entity = source.index("&amp;")
    found = extracted_range(doc.offsets.pieces, Span(entity, entity + 5))
    assert found is not None and doc.text[found[0] : found[1]] == "&"
    bold = source.index("**hiring**")  # markup around words maps to the words
    found = extracted_range(doc.offsets.pieces, Span(bold, bold + 10))
    assert found is not None and doc.text[found[0] : found[1]] == "hiring"


def test_a_span_of_markup_only_has_no_place_in_the_rendered_text():
    text = '<html lang="en"><body><p>We need a cook.</p><img src="x.png"><p>Apply.</p></body></html>'
    doc = document(text, "html")
    start = text.index("<img")
    assert extracted_range(doc.offsets.pieces, Span(start, text.index(">", start) + 1)) is None


def test_an_insertion_point_maps_to_a_point():
    doc = document("We need a cook.\n", "text")
    found = extracted_range(doc.offsets.pieces, Span(3, 3))
    assert found == (3, 3)


def test_titles():
    assert title_of(document(MARKDOWN, "markdown"), "p.md") == "Line Cook"
    assert title_of(document("# Head Chef\n\nWe cook.\n", "markdown"), "p.md") == "Head Chef"
    assert title_of(document("Senior Baker\n\nWe bake bread every day.\n", "text"), "p.txt") == "Senior Baker"
    assert title_of(None, "postings/sub/req-1.html") == "req-1.html"
    assert document_of("p.md", MARKDOWN, "markdown") is not None


def test_open_isolates_are_closed_and_controls_can_be_shown():
    assert balanced("plain") == "plain"
    assert balanced("a\u2066b") == "a\u2066b\u2069"
    assert balanced("a\u2067b\u2069c\u2068") == "a\u2067b\u2069c\u2068\u2069"
    assert balanced("a\u2069\u2066") == "a\u2069\u2066\u2069"  # a stray PDI closes nothing
    assert balanced("\u202ereversed") == "\u202ereversed"  # an override ends at the isolate's end anyway
    assert visible_controls("'\u202esalesman'") == "'<U+202E>salesman'"
