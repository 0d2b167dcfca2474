"""Each input format: every span in extracted text maps back to the exact source characters."""

from __future__ import annotations

from conftest import lint

from jdlint.document import Builder, HeadingTag, HtmlOutline, LinkTag
from jdlint.formats import parse
from jdlint.formats.htmltext import add_html
from jdlint.source import Source


def doc(text: str, fmt: str):
    return parse(Source(f"p.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[fmt] }", text, format=fmt))


def source_of(document, needle: str) -> str:
    start = document.text.index(needle)
    span = document.to_source(start, start + len(needle))
    return document.source.text[span.start : span.end]


def test_plain_text_maps_one_to_one():
    text = "About us:\r\nWe build things.\r\n\r\n- Python\r\n- SQL, daily\n"
    document = doc(text, "text")
    for needle in ("About us:", "We build things.", "Python", "SQL, daily"):
        assert source_of(document, needle) == needle
    assert [s.scope for s in document.segments] == ["heading", "paragraph", "list_item", "list_item"]


def test_plain_text_joins_wrapped_lines():
    document = doc("We are looking for a person who\nenjoys writing tests.\n", "text")
    assert "who enjoys" in document.text
    assert source_of(document, "who enjoys") == "who\nenjoys"


def test_html_entities_and_tags():
    html = (
        '<html lang="en"><head><title>Sales &amp; Ops</title><style>p{x:1}</style></head><body>'
        "<h2>What we&rsquo;re looking for</h2><p>R&amp;D <b>salesman</b>&nbsp;needed.</p>"
        "<script>var salesman = 1;</script><ul><li>Python &#38; SQL</li></ul></body></html>"
    )
    document = doc(html, "html")
    assert "var salesman" not in document.text and "p{x:1}" not in document.text
    assert "What we’re looking for" in document.text
    assert source_of(document, "we’re") == "we&rsquo;re"
    assert source_of(document, "R&D") == "R&amp;D"
    assert source_of(document, "salesman") == "salesman"
    assert source_of(document, "Python & SQL") == "Python &#38; SQL"
    assert document.metadata == {"title": "Sales & Ops", "lang": "en"}
    assert document.sections[0].name == "requirements"
    scopes = {document.text[s.start : s.end]: s.scope for s in document.segments}
    assert scopes["Python & SQL"] == "list_item"


def test_html_whitespace_collapses_but_maps_back():
    document = doc("<p>equal\n   opportunity   employer</p>", "html")
    assert document.text == "equal opportunity employer"
    assert source_of(document, "equal opportunity employer") == "equal\n   opportunity   employer"


def test_markdown_links_emphasis_and_code():
    md = (
        "# Role\n\nWe need a *great* [salesman](https://example.com/salesman) to `sell`.\n\n"
        "```\nsalesman in code\n```\n\n- R&amp;D **lead**\n"
    )
    document = doc(md, "markdown")
    assert "salesman in code" not in document.text
    assert "sell" not in document.text
    assert source_of(document, "great") == "great"
    assert source_of(document, "salesman") == "salesman"
    index = md.index("[salesman]") + 1
    start = document.text.index("salesman")
    assert document.to_source(start, start + 8).start == index
    assert source_of(document, "R&D") == "R&amp;D"
    assert source_of(document, "We need a great") == "We need a *great"
    assert [s.scope for s in document.segments] == ["heading", "paragraph", "list_item"]


def test_markdown_escapes_and_crlf():
    md = "Intro line one\r\nline two \\*not emphasis\\*\r\n\r\n## Requirements\r\n\r\n* Python\r\n"
    document = doc(md, "markdown")
    assert source_of(document, "line one line two") == "line one\r\nline two"
    assert source_of(document, "*not emphasis*") == "\\*not emphasis\\*"
    assert source_of(document, "Python") == "Python"
    assert document.section_at(document.text.index("Python")) == "requirements"


def test_yaml_front_matter_becomes_metadata_mapped_to_source():
    md = "---\ntitle: Senior Salesman\nlocation: Denver, CO\nsalary: 90000\n---\n\nBody text.\n"
    document = doc(md, "markdown")
    assert document.metadata == {"title": "Senior Salesman", "location": "Denver, CO", "salary": 90000}
    assert source_of(document, "Senior Salesman") == "Senior Salesman"
    start = document.text.index("Senior Salesman")
    assert document.to_source(start, start + 6).start == md.index("Senior")
    assert document.segments[0].scope == "metadata"
    assert source_of(document, "Body text.") == "Body text."


def test_toml_front_matter():
    md = '+++\ntitle = "Data Analyst"\nlocation = "Remote (US)"\n+++\nBody.\n'
    document = doc(md, "markdown")
    assert document.metadata["location"] == "Remote (US)"
    assert source_of(document, "Data Analyst") == "Data Analyst"


def test_markdown_html_block_is_extracted():
    md = "Intro.\n\n<div>\n<p>Apply &amp; join</p>\n</div>\n"
    document = doc(md, "markdown")
    assert source_of(document, "Apply & join") == "Apply &amp; join"


def test_sections_from_labels_and_headings():
    text = (
        "About us:\nWe make maps.\n\nWhat you'll do:\nShip features.\n\nRequirements:\nPython.\n\n"
        "Nice to have:\nGo.\n\nBenefits:\nHealth cover.\n\nHow to apply:\nEmail us.\n"
    )
    document = doc(text, "text")
    assert [s.name for s in document.sections] == [
        "about",
        "responsibilities",
        "requirements",
        "preferred",
        "benefits",
        "how-to-apply",
    ]
    assert document.section_at(document.text.index("Go.")) == "preferred"
    assert document.section_at(document.text.index("Python.")) == "requirements"


def test_label_line_with_content_is_not_a_heading():
    document = doc("Location: Remote\nWe hire everywhere.\n", "text")
    assert document.segments[0].scope == "paragraph"


def test_empty_documents():
    for fmt in ("text", "markdown", "html"):
        document = doc("", fmt)
        assert document.text == "" and document.segments == []


def test_directives_are_found_with_source_spans():
    md = "<!-- jdlint: ignore[JD201] -->\nWe need a salesman.\n"
    document = doc(md, "markdown")
    assert [d.body for d in document.directives] == ["ignore[JD201]"]
    span = document.directives[0].span
    assert md[span.start : span.end] == "<!-- jdlint: ignore[JD201] -->"
    html = "<p>One</p><!-- jdlint: disable[JD2] --><p>Two</p>"
    document = doc(html, "html")
    span = document.directives[0].span
    assert html[span.start : span.end] == "<!-- jdlint: disable[JD2] -->"


def test_html_outline_is_typed_and_mapped_to_source():
    html = (
        '<html lang="en"><body><h1>Role</h1><h3>Pay</h3><img src="a.png"><img src="b.png" alt="Team photo">'
        '<p><a href="/apply">Click <b>here</b></a></p><script><img src="x.png"></script></body></html>'
    )
    outline = doc(html, "html").html
    assert isinstance(outline, HtmlOutline) and outline.html_tag is not None
    assert html[outline.html_tag.start : outline.html_tag.end] == '<html lang="en">' and outline.lang == "en"
    assert [(html[i.span.start : i.span.end], i.alt) for i in outline.images] == [
        ('<img src="a.png">', None),
        ('<img src="b.png" alt="Team photo">', "Team photo"),
    ]
    assert outline.links == [LinkTag(outline.links[0].span, "/apply", "Click here")]
    assert html[outline.links[0].span.start : outline.links[0].span.end] == '<a href="/apply">Click <b>here</b></a>'
    assert [(html[h.span.start : h.span.end], h.level) for h in outline.headings] == [("<h1>", 1), ("<h3>", 3)]
    assert all(isinstance(h, HeadingTag) for h in outline.headings)


def test_only_html_postings_have_an_outline():
    assert doc("<p>Hello</p>", "html").html == HtmlOutline()
    assert doc("<div>\n<p>Hello</p>\n</div>\n", "markdown").html is None
    assert doc("Hello", "text").html is None


def test_a_list_typed_with_bullet_characters_is_a_list_in_markdown():
    md = "## Responsibilities\n\n• Greet guests at the door\n• Take orders\n• Keep the floor clean\n"
    document = doc(md, "markdown")
    items = [document.text[s.start : s.end] for s in document.segments if s.scope == "list_item"]
    assert items == ["• Greet guests at the door", "• Take orders", "• Keep the floor clean"]
    assert {s.section for s in document.segments if s.scope == "list_item"} == {"responsibilities"}
    assert source_of(document, "Take orders") == "Take orders"


def test_list_like_lines_end_sentences_and_wrapped_prose_does_not():
    md = (
        "What you bring\nTwo years in a busy kitchen\nA food hygiene certificate\n\n"
        "We are a small team that cooks for\nthe whole town every single night.\n"
    )
    document = doc(md, "markdown")
    assert "What you bring\nTwo years in a busy kitchen\nA food hygiene certificate" in document.text
    assert "cooks for the whole town" in document.text  # a wrapped line stays one sentence
    result = lint(md, "markdown")
    assert result.metrics.sentences == 4


def test_a_line_ending_in_punctuation_is_running_text():
    document = doc("Short line here,\nAnother line follows.\n", "markdown")
    assert "here, Another" in document.text


def test_plain_text_duties_one_per_line_are_separate_sentences():
    text = (
        "Server\n\nWhat you will do\ngreet guests at the door\ntake orders\nkeep the floor clean\n\n"
        "We are a team that\nbuilds software for the whole town, every day.\n"
    )
    document = doc(text, "text")
    blocks = [document.text[s.start : s.end] for s in document.segments]
    assert "greet guests at the door" in blocks and "take orders" in blocks
    assert "We are a team that builds software for the whole town, every day." in blocks  # wrapped prose joins


def test_plain_text_o_bullets_are_list_items():
    document = doc("Duties\no Greet guests\no Take orders\n", "text")
    items = [document.text[s.start : s.end] for s in document.segments if s.scope == "list_item"]
    assert items == ["Greet guests", "Take orders"]


def test_an_unknown_marked_section_is_a_bogus_comment_in_html_and_markdown():
    # the stdlib parser raises AssertionError on <![x[; a browser skips it up to the first ">"
    document = doc("<p>We need a <![x[ salesman ]]> salesman</p>\n", "html")
    assert document.text == "We need a salesman"
    assert source_of(document, "salesman") == "salesman"
    markdown = doc(
        "# Sales\n\n<div>\n<![x[ anything ]]>\n<![ [ no name ]]>\n</div>\n\nWe need a salesman.\n", "markdown"
    )
    assert markdown.text == "Sales\n\nWe need a salesman."
    assert [f.code for f in lint("<p>A <![x[ y ]]> salesman</p>", "html").findings] == ["JD201"]


def test_a_numeric_reference_with_thousands_of_digits_is_read_not_a_traceback():
    zeros = "0" * 5000
    text = f"<p>A &#{zeros}65; and &#x{zeros}41; and &#{'9' * 5000}; salesman</p>"
    document = doc(text, "html")
    assert document.text == "A A and A and \ufffd salesman"
    first = document.to_source(2, 3)
    assert text[first.start : first.end] == f"&#{zeros}65;"
    assert source_of(document, "salesman") == "salesman"
    assert [f.code for f in lint(text, "html").findings] == ["JD201"]
    for fmt in ("markdown", "text"):  # the HTML block of Markdown, and the check for HTML shown as text
        assert "JD201" in [f.code for f in lint(f"{text}\n\n<p>x</p><p>y</p><div>z</div>\n", fmt).findings]


def test_comment_spans_cover_bogus_comments_exactly():
    text = "<p>a <!-- real --> b <!bogus> c <![x[ marked ]]> d</p>"
    extractor = add_html(Builder(), text, 0, len(text))
    assert [text[start:end] for start, end in extractor.comments] == ["<!-- real -->", "<!bogus>", "<![x[ marked ]]>"]


def test_a_numeric_reference_with_thousands_of_digits_in_an_attribute():
    zeros = "0" * 5000
    text = f'<p><a href="x&#{zeros}65;">We need a salesman</a> <img alt="&#x{zeros}41;&#{"9" * 5000};"></p>'
    document = doc(text, "html")
    assert [image.alt for image in document.html.images] == ["A\ufffd"]
    assert [link.href for link in document.html.links] == ["xA"]
    assert source_of(document, "salesman") == "salesman"
