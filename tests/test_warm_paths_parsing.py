"""The parsers' shortcuts give what the long way gives: HTML whitespace collapsed in one regex pass makes the
pieces a builder call per word made, a section is named by the phrases starting with the label's words rather
than by every phrase, a label line is told by a set lookup, and a Markdown block without inline syntax gets the
inline tokens markdown-it's inline stage gives."""

from __future__ import annotations

import random

from jdlint.document import Builder
from jdlint.formats import frontmatter, htmltext, markdown, sections

# whitespace of every kind HTML collapses (NBSP too), alone and in runs, words, and Unicode spaces it keeps
_BITS = [" ", "  ", "\n", "\r\n", "\t", "\u00a0", " \u00a0 ", "\f", "\v", "\n\n   ", "a", "word", "Wörd", "x.y",
         "\u2003", "\u200b", "&", ";"]  # fmt: skip


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_BITS) for _ in range(rng.randrange(0, 12)))


def _run(rng: random.Random, add) -> tuple:
    """The same random steps (blocks opened and closed, plain text, collapsed text) with `add` collapsing."""
    builder = Builder()
    src = 0
    steps = []
    for _ in range(rng.randrange(1, 25)):
        step = rng.random()
        if step < 0.15 or not builder.is_open:
            builder.open(rng.choice(["paragraph", "list_item", "heading"]))
        elif step < 0.25:
            builder.close()
        elif step < 0.4:
            plain = rng.choice(["a", "b ", " ", "\n"])
            builder.text(plain, src)
            src += len(plain) + rng.choice([0, 0, 3])  # a tag between, or not
        else:
            text = _random_text(rng)
            add(builder, text, src)
            steps.append((builder.length, builder.ends_with_space(), builder.at_block_start()))
            src += len(text) + rng.choice([0, 0, 5])
    text, pieces, segments = builder.result()
    return text, pieces, segments, steps


def test_collapsed_whitespace_in_one_pass_makes_the_pieces_of_a_call_per_word():
    for seed in range(3000):
        fast = _run(random.Random(seed), htmltext.add_collapsed)
        slow = _run(random.Random(seed), htmltext._add_collapsed_each)
        assert fast == slow, seed


def test_a_builder_that_maps_offsets_collapses_a_call_per_word():
    # each call judges its alignment on mapped offsets, so the one-pass path is not taken
    text = "Our  team\n\n  builds &  ships"
    mapped = Builder(lambda offset: offset * 2)
    mapped.open("paragraph")
    htmltext.add_collapsed(mapped, text, 0)
    reference = Builder(lambda offset: offset * 2)
    reference.open("paragraph")
    htmltext._add_collapsed_each(reference, text, 0)
    assert mapped.result() == reference.result()


def test_joined_text_makes_the_pieces_of_one_call_per_stretch():
    rng = random.Random(7)
    for _ in range(2000):
        joined_builder, each_builder = Builder(), Builder()
        for builder in (joined_builder, each_builder):
            builder.open("paragraph")
            builder.text("lead", 0)
        src = rng.choice([4, 6])  # contiguous with the lead text, or not
        out: list[str] = []
        ranges: list[tuple[int, int]] = []
        calls: list[tuple[str, int, int]] = []
        position = src
        for _ in range(rng.randrange(0, 8)):
            if rng.random() < 0.5:
                stretch = "".join(rng.choice("abc ") for _ in range(rng.randrange(1, 5)))
                out.append(stretch)
                calls.append((stretch, position, position + len(stretch)))
                position += len(stretch)
            else:
                width = rng.randrange(1, 4)
                out.append(" ")
                ranges.append((position, position + width))
                calls.append((" ", position, position + width))
                position += width
        joined_builder.text_joined("".join(out), src, ranges)
        for text, start, end in calls:
            each_builder.text(text, start, end)
        assert joined_builder.result() == each_builder.result()


def _section_name_the_long_way(label: str) -> str | None:
    padded = f" {sections.normalise_label(label)} "
    for name, phrases in sections.vocabulary():
        if any(f" {phrase} " in padded for phrase in phrases):
            return name
    return None


def _is_label_the_long_way(text: str) -> bool:
    stripped = text.strip().strip("*_#").strip()
    if not stripped or len(stripped.split()) > sections.MAX_LABEL_WORDS:
        return False
    if stripped.endswith(":"):
        return True
    named = _section_name_the_long_way(stripped) is not None
    return named and sections.normalise_label(stripped) in sections._phrases()


def test_section_names_and_labels_by_first_word_are_those_of_every_phrase():
    phrases = [phrase for _, group in sections.vocabulary() for phrase in group]
    words = sorted({word for phrase in phrases for word in phrase.split()})
    extra = ["our", "team", "What", "YOU'LL", "Do", "benefits:", "-", "**", "#", "nice-to", "have", "", " ", "to"]
    rng = random.Random(11)
    labels = [*phrases, *(p.upper() for p in phrases), *(f"## {p}:" for p in phrases), ""]
    for _ in range(10000):
        parts = [rng.choice(words + extra) for _ in range(rng.randrange(0, rng.choice([10, 40])))]
        labels.append(rng.choice([" ", "  ", " - ", ", "]).join(parts))
        labels.append(rng.choice(phrases) + rng.choice(["", " ", ":", " and more", "s"]))
    for label in labels:
        assert sections.section_name(label) == _section_name_the_long_way(label), label
        assert sections._is_label(label) == _is_label_the_long_way(label), label


def test_the_parser_runs_the_rules_the_plain_text_shortcut_was_written_for():
    # plain_children follows markdown-it's text and newline rules, and a block skips the inline stage only when
    # it holds none of the characters that start the other rules: a rule added here needs a look first
    md = markdown._markdown()
    assert md.core.ruler.get_active_rules() == ["normalize", "block", "inline", "text_join"]
    assert md.inline.ruler.get_active_rules() == [
        "text", "newline", "escape", "backticks", "emphasis", "link", "image", "autolink", "html_inline", "entity"
    ]  # fmt: skip
    assert md.inline.ruler2.get_active_rules() == ["balance_pairs", "emphasis", "fragments_join"]


_MARKDOWN_BITS = ["word", "Wörd", " ", "  ", "   ", "\t", "\n", "\n  ", "  \n", " \n", "\n\n", "- ", "1. ", "# ",
                  "> ", ":", "!", "~", "]", "(x)", "|", "---", "    code", "http://x.y", "\u00a0", "\u2003", "#",
                  "*", "_", "`", "[", "<b>", "&amp;", "\\", "![a](b)", "[l](u)", "\x00", "=", "+", "@"]  # fmt: skip


def _children(token) -> list[tuple[str, str]]:
    return [(child.type, child.content) for child in token.children or []]


def test_plain_blocks_get_the_inline_tokens_the_parser_gives():
    md = markdown._markdown()
    rng = random.Random(5)
    plain_seen = 0
    for _ in range(4000):
        text = "".join(rng.choice(_MARKDOWN_BITS) for _ in range(rng.randrange(0, 30)))
        full = md.parse(text)
        ours = markdown._tokens(md, text)
        assert [(t.type, t.content, t.map) for t in ours] == [(t.type, t.content, t.map) for t in full]
        for mine, theirs in zip(ours, full):
            if mine.type != "inline":
                continue
            if markdown._INLINE_SYNTAX.search(mine.content):
                assert _children(mine) == _children(theirs), text
            else:
                plain_seen += 1
                got = [(c.type, c.content) for c in markdown.plain_children(mine.content)]
                assert got == _children(theirs), text
    assert plain_seen > 1000


def test_plain_children_follow_the_text_and_newline_rules_on_any_text():
    # content as a block hands it (trimmed) and as it could be (spaces and tabs anywhere, empty lines)
    md = markdown._markdown()
    rng = random.Random(9)
    alphabet = ["a", "Z", " ", "  ", "\t", "\n", ":", "!", "~", "-", "]", "é", "\u00a0", "\u3000"]
    for _ in range(20000):
        content = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 16)))
        expected = md.inline.parse(content, md, {}, [])
        got = [(c.type, c.content) for c in markdown.plain_children(content)]
        assert got == [(t.type, t.content) for t in expected], repr(content)


def test_a_value_written_as_it_reads_is_placed_as_its_characters_are():
    rng = random.Random(12)
    bits = ["a", "Z", " ", "  ", "'", "''", '"', "\\", "\\n", "\n", "\t", "é", "#", ":", "-", "x y"]
    for _ in range(20000):
        inner = "".join(rng.choice(bits) for _ in range(rng.randrange(0, 8)))
        style = rng.choice([None, "'", '"'])
        quote = style or ""
        lead = rng.choice(["", " ", "!!str ", "- "])
        raw = f"{lead}{quote}{inner}{quote}{rng.choice(['', ' # c', 'tail'])}"
        value = rng.choice([inner, inner.replace("''", "'"), inner.strip(), inner[1:], inner + "x"])
        end = rng.randrange(len(raw) // 2, len(raw) + 1)
        start = rng.randrange(0, len(lead) + 1)
        fast = _placed(frontmatter._align_scalar, value, raw, start, end, style)
        assert fast == _placed(frontmatter._align_each, value, raw, start, end, style), (raw, value, style)


def _placed(align, value: str, raw: str, start: int, end: int, style: str | None) -> tuple:
    """What a builder holds after a scalar is added as `align` places it (as _add_scalar adds it)."""
    builder = Builder()
    builder.open("metadata")
    placed = align(value, raw, start, end, style)
    for text, src_start, src_end in placed or [(value, start, end)]:
        builder.text(text, src_start, src_end)
    return placed is None, builder.result()


def test_sections_end_where_reading_back_to_their_start_ends_them(monkeypatch):
    # a Builder's segments come in the order they start; every segment was once searched for every section
    from jdlint.document import Segment

    rng = random.Random(21)
    words = ["Requirements", "Benefits:", "About you", "We offer", "Our team builds things.", "Salary", "- item"]
    cases = []
    for _ in range(1500):
        segments, text, position = [], "", 0
        for _ in range(rng.randrange(0, 14)):
            words_here = rng.choice(words)
            text += words_here + "\n\n"
            scope = rng.choice(["heading", "paragraph", "list_item"])
            segments.append(Segment(position, position + len(words_here), scope, rng.randrange(0, 8)))
            position = len(text)
        cases.append((text, segments))
    fast = [sections.assign_sections(text, segments) for text, segments in cases]
    monkeypatch.setattr(
        sections, "_last_end", lambda found, start: max((s.end for s in found if s.start >= start), default=start)
    )
    assert fast == [sections.assign_sections(text, segments) for text, segments in cases]
