"""Hostile postings, records and configs built from a grammar of the constructs that once broke jdlint.

Every generator takes a `random.Random` (or hypothesis's `st.randoms()`, whose choices shrink), so the
property tests (tests/test_fuzz.py) and the long run (benchmarks/fuzz.py) draw from the same grammar.
Written for these tests: no corpus text.
"""

from __future__ import annotations

import json
import random

# words that make rules fire, next to plain ones and look-alikes
_WORDS = (
    "we need a salesman who is a rockstar ninja and digital native with 10+ years of experience in Kubernetes "
    "he she his her they you will lift 50 lbs stand walk hear see must be young energetic native English speaker "
    "bachelor's degree required or equivalent experience pay $50 $90,000 - $120,000 per year competitive salary "
    "contact careersacme.com careers@acme.com Were youll its Its "
    "dont cant wont "  # codespell:ignore
    "equal opportunity employer "
    "reasonable accommodation disability veteran chairman foreman waitress manpower culture fit Python SQL "
    "Weâ€™re hiring Ã© cafÃ© J.D. M.D. 3-5 years experience 5 years Denver, CO New York, NY Remote (US) "
    "Apply nowApply now colour Élan naïve 数据 工程师 مرحبا שלום Ünïcödé"
)
WORDS = tuple(_WORDS.split())
ZERO_WIDTH_AND_BIDI = (
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\u00ad",
)
ODD_CHARS = (
    "\x00",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufffd",
    "\U0001f600",
    "\ud800",
    "\udcff",
)
NEWLINES = ("\n", "\r\n", "\r")
DIRECTIVE_BODIES = (
    "ignore[JD201]",
    "disable[JD2]",
    "enable[JD2]",
    "disable",
    "enable",
    "ignore",
    "ignore[JD9999]",
    "disable[gendered, JD201]",
    "bogus[JD201]",
    "ignore[",
    "",
    "disable[JD201]\n",
)


def word(rng: random.Random) -> str:
    return rng.choice(WORDS)


def sentence(rng: random.Random) -> str:
    words = [word(rng) for _ in range(rng.randint(1, 14))]
    return " ".join(words).capitalize() + rng.choice((".", "!", "?", ":", "", ";", "..."))


def run_of(rng: random.Random) -> str:
    """A long run of one risky unit: quotes, spaces after a number, dollar amounts, pronouns, terms."""
    unit = rng.choice(
        (
            '"',
            "'",
            " ",
            "$",
            "$50 ",
            "he ",
            "salesman ",
            "Zorblat ",
            "contact careersacme.com ",
            "lift 50 lbs ",
            "5 ",
            "experience 5" + " " * 50,
            "`",
            "*",
            "_",
            "#",
            "-",
            "&amp;",
            "&#",
            "<",
            ">",
            "\\",
            "%",
            "\t",
            "……",
            "’",
            "\u200b",
        )
    )
    return unit * rng.randint(1, 400)


def long_word(rng: random.Random) -> str:
    return rng.choice(("a", "x", "é", "数", "Ab", "-", "ab_cd")) * rng.randint(50, 3000)


def oddity(rng: random.Random) -> str:
    return rng.choice(ZERO_WIDTH_AND_BIDI + ODD_CHARS)


def char_reference(rng: random.Random) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 12))) + "9" * rng.choice((0, 0, 5000))
    return rng.choice(
        (
            f"&#{digits};",
            f"&#x{digits};",
            f"&#{digits}",
            "&amp;",
            "&nbsp;",
            "&bogus;",
            "&#0;",
            "&#xD800;",
            "&#x110000;",
            "&eacute",
            "&",
            "&#;",
            "&#x;",
            "&lt;p&gt;",
        )
    )


def directive(rng: random.Random) -> str:
    body = rng.choice(DIRECTIVE_BODIES)
    return rng.choice((f"<!-- jdlint: {body} -->", f"<!--jdlint:{body}-->", f"<!-- jdlint {body} -->", "<!-- jdlint:"))


def inline(rng: random.Random) -> str:
    """A piece of running text: words, runs, references, code spans, emphasis, oddities."""
    kind = rng.randrange(12)
    if kind == 0:
        return run_of(rng)
    if kind == 1:
        return long_word(rng)
    if kind == 2:
        return oddity(rng)
    if kind == 3:
        return char_reference(rng)
    if kind == 4:
        return "`" * rng.randint(1, 3) + sentence(rng) + "`" * rng.randint(0, 3)
    if kind == 5:
        mark = rng.choice(("*", "**", "_", "__", "~~"))
        return mark + sentence(rng) + rng.choice((mark, ""))
    if kind == 6:
        return directive(rng)
    if kind == 7:
        return f"[{sentence(rng)}]({rng.choice(('http://x.test', '', '<>', 'javascript:x', '(('))})"
    return sentence(rng)


def paragraph(rng: random.Random) -> str:
    return rng.choice((" ", "", "  ", "\t")).join(inline(rng) for _ in range(rng.randint(1, 6)))


def html(rng: random.Random, depth: int = 0) -> str:
    """Nested HTML with the constructs the stdlib parser and our extractor once tripped on."""
    kind = rng.randrange(14)
    if depth > 6 or kind < 3:
        return paragraph(rng)
    if kind == 3:
        return f"<![{rng.choice(('x', 'CDATA', 'if IE', '', 'INCLUDE'))}[{paragraph(rng)}]]>"
    if kind == 4:
        return rng.choice(("<!--", "<!---->", "<!-- x -- y -->", "<!", "<!DOCTYPE html>", "<?xml x?>", "</>", "<p"))
    if kind == 5:
        return directive(rng)
    if kind == 6:
        return "<script>" + paragraph(rng) + rng.choice(("</script>", ""))
    if kind == 7:
        return f'<a href="{char_reference(rng)}" title="{paragraph(rng)}">' + html(rng, depth + 1) + "</a>"
    if kind == 8:
        return "<ul>" + "".join("<li>" + html(rng, depth + 1) for _ in range(rng.randint(1, 4))) + "</ul>"
    if kind == 9:
        return "<div>" * rng.randint(1, 60) + paragraph(rng)  # never closed
    if kind == 10:
        return f'<html lang="{rng.choice(("en", "de", "xx", "", "Go", "en-US"))}"><body>' + html(rng, depth + 1)
    tag = rng.choice(("p", "div", "h1", "h2", "li", "span", "pre", "code", "table", "td", "br", "img", "b"))
    return f"<{tag}>" + html(rng, depth + 1) + rng.choice((f"</{tag}>", "", f"</{tag}", "</p></p>"))


def yaml_front_matter(rng: random.Random) -> str:
    lines = []
    for i in range(rng.randint(1, 6)):
        key = rng.choice(("title", "description", "lang", "tags", "location", "salary", f"k{i}", "? complex", "x"))
        kind = rng.randrange(11)
        if kind == 0:
            lines.append(f"{key}: &a{i} {sentence(rng)}")
        elif kind == 1:
            lines.append(f"{key}: [*a0, *a0, *a{max(0, i - 1)}]")
        elif kind == 2:
            lines.append(f'{key}: !!str "{sentence(rng)}\\t\\u00e9\\x41\\U0001F600 {char_reference(rng)}"')
        elif kind == 3:
            lines.append(f"{key}: >-\n  {sentence(rng)}\n\n  {sentence(rng)}\n   {sentence(rng)}")
        elif kind == 4:
            lines.append(f"{key}: |\n  {sentence(rng)}\n\t{sentence(rng)}")
        elif kind == 5:
            lines.append(f"{key}:\t'{sentence(rng)}'' quoted'")
        elif kind == 6:
            lines.append(f"{key}:\n  - {sentence(rng)}\n  - [{word(rng)}, {{a: {word(rng)}}}]\n  -\t{word(rng)}")
        elif kind == 7:
            lines.append(f"{key}: !custom {word(rng)}")
        elif kind == 8:
            lines.append(key + ": " + rng.choice(("[", "{", "*undefined", "&", "!!binary x", '"unterminated', ":")))
        elif kind == 9:
            lines.append(f"{key}: {'[' * rng.randint(1, 200)}")
        else:
            lines.append(f"{key}: {sentence(rng)}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def toml_front_matter(rng: random.Random) -> str:
    lines = []
    for i in range(rng.randint(1, 6)):
        key = rng.choice(("title", "description", "lang", f"k{i}", '"quoted key"', "a.b"))
        kind = rng.randrange(7)
        if kind == 0:
            lines.append(f'{key} = "{sentence(rng)}\\t\\u00e9"')
        elif kind == 1:
            lines.append(f"{key} = '''\n{sentence(rng)}\n{sentence(rng)}'''")
        elif kind == 2:
            lines.append(f"{key} = {'9' * rng.randint(1, 5000)}")
        elif kind == 3:
            lines.append(f"{key} = {'[' * rng.randint(1, 1200)}")
        elif kind == 4:
            lines.append(f'[{key}]\nx = "{sentence(rng)}"')
        elif kind == 5:
            lines.append(f'{key} = """{sentence(rng)}\\\n   {sentence(rng)}"""')
        else:
            lines.append(key + " = " + rng.choice(("", "[", "x", '"', "1979-05-27T07:32:00Z", "inf")))
    return "+++\n" + "\n".join(lines) + "\n+++\n"


def block(rng: random.Random) -> str:
    """One Markdown block."""
    kind = rng.randrange(10)
    if kind == 0:
        return "\n".join(f"{rng.choice('-*+')} {paragraph(rng)}" for _ in range(rng.randint(1, 5)))
    if kind == 1:
        return "\n".join(f"{n + 1}. {sentence(rng)}" for n in range(rng.randint(1, 4)))
    if kind == 2:
        fence = rng.choice(("```", "~~~", "````"))
        return f"{fence}{rng.choice(('', 'python', '`'))}\n{paragraph(rng)}\n" + rng.choice((fence, ""))
    if kind == 3:
        return "#" * rng.randint(1, 7) + " " + sentence(rng)
    if kind == 4:
        return "> " * rng.randint(1, 30) + paragraph(rng)
    if kind == 5:
        return "  " * rng.randint(1, 40) + "- " + sentence(rng)
    if kind == 6:
        return html(rng)
    if kind == 7:
        return f"| {word(rng)} | {word(rng)} |\n|---|---|\n| {sentence(rng)} | {char_reference(rng)} |"
    return paragraph(rng)


def markdown(rng: random.Random) -> str:
    head = rng.choice(("", "", yaml_front_matter(rng), toml_front_matter(rng)))
    return head + "\n\n".join(block(rng) for _ in range(rng.randint(1, 8)))


def plain(rng: random.Random) -> str:
    return "\n".join(rng.choice((paragraph(rng), sentence(rng), "", block(rng))) for _ in range(rng.randint(1, 10)))


def mix_newlines(rng: random.Random, text: str) -> str:
    """Each line break rewritten as LF, CRLF or a lone CR, chosen per break or once for the text."""
    if rng.random() < 0.5:
        newline = rng.choice(NEWLINES)
        return text.replace("\n", newline)
    return "".join(part + rng.choice(NEWLINES) for part in text.split("\n"))[: -1 if text else None]


def posting(rng: random.Random) -> tuple[str, str]:
    """(format, text): a hostile posting in one of the three formats, newlines mixed, maybe with a BOM."""
    fmt = rng.choice(("text", "markdown", "html"))
    text = {"text": plain, "markdown": markdown, "html": html}[fmt](rng)
    text = mix_newlines(rng, text)
    if rng.random() < 0.1:
        text = "\ufeff" + text
    return fmt, text


SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "shift_jis")


def encoded(rng: random.Random, text: str) -> bytes:
    """The text in some encoding (what it cannot hold replaced), sometimes cut mid-character or with stray bytes."""
    data = text.encode(rng.choice(ENCODINGS), errors="replace")
    cut = rng.random()
    if cut < 0.15 and data:
        data = data[: rng.randrange(len(data))]
    elif cut < 0.3:
        spot = rng.randint(0, len(data))
        data = data[:spot] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))) + data[spot:]
    return data


# -- records ---------------------------------------------------------------------------------------------------


def hostile_value(rng: random.Random) -> object:
    kind = rng.randrange(10)
    if kind == 0:
        return 10 ** rng.randint(1, 30)
    if kind == 1:
        return None
    if kind == 2:
        return [sentence(rng)]
    if kind == 3:
        return {"text": sentence(rng)}
    if kind == 4:
        return rng.choice((True, 1.5, float("inf"), -0.0))
    if kind == 5:
        return oddity(rng) * rng.randint(1, 3)
    if kind == 6:
        return rng.choice(("text", "markdown", "html", "HTML", "pdf", ""))
    return posting(rng)[1]


def json_line(rng: random.Random, number: int) -> str:
    kind = rng.randrange(14)
    if kind == 0:
        return "[" * rng.randint(900, 3000) + "]" * rng.randint(0, 3000)
    if kind == 1:
        return '{"id": 1, "text": ' + "9" * rng.randint(4300, 6000) + "}"
    if kind == 2:
        return '{"id": "s", "text": "lone \\ud800 surrogate salesman"}'
    if kind == 3:
        return rng.choice(("", "   ", "null", "[]", '"text"', "{", "}", "{'text': 'single'}", "NaN", "1e999999"))
    if kind == 4:
        return '{"text": "' + "\\u0000" * rng.randint(1, 10) + '"}'
    if kind == 5:
        return json.dumps({"text": sentence(rng)}) * 2  # two objects on one line
    fields: dict[str, object] = {"id": rng.choice((f"r{number}", number, None, "", "#", "a/b", "\u202e"))}
    fields["text"] = hostile_value(rng) if kind == 6 else posting(rng)[1]
    for key in ("format", "location", "salary", "title"):
        if rng.random() < 0.5:
            fields[key] = hostile_value(rng)
    return json.dumps(fields, ensure_ascii=rng.random() < 0.5, allow_nan=True)


def jsonl_records(rng: random.Random) -> bytes:
    lines = [json_line(rng, n) for n in range(rng.randint(1, 6))]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    if rng.random() < 0.2:
        spot = rng.randint(0, len(data))
        data = data[:spot] + rng.choice((b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\r", b"\x1a")) + data[spot:]
    return data


def csv_records(rng: random.Random) -> bytes:
    header = rng.choice(("id,text,format,location", "text", "id,title", "", "text,text", '"id","te""xt"'))
    rows = [header]
    for n in range(rng.randint(1, 6)):
        text = posting(rng)[1].replace("\x00", "")
        kind = rng.randrange(6)
        if kind == 0:
            rows.append(f'{n},"{text.replace(chr(34), chr(34) * 2)}",{rng.choice(("markdown", "html", "x"))},')
        elif kind == 1:
            rows.append(f'{n},"unterminated {text}')
        elif kind == 2:
            rows.append(f"{n},{text},,,,,,,")
        elif kind == 3:
            rows.append(f'{n},"{"x" * rng.randint(1, 200_000)}"')
        elif kind == 4:
            rows.append(f'{n},a"b"c,"d"e')
        else:
            rows.append(f"{n},{sentence(rng)}")
    data = "\n".join(rows).encode(rng.choice(("utf-8", "utf-8-sig", "utf-16", "cp1252")), errors="replace")
    if rng.random() < 0.2:
        spot = rng.randint(0, len(data))
        data = data[:spot] + b"\xff\x00" + data[spot:]
    return data


def json_records(rng: random.Random) -> bytes:
    items = [json_line(rng, n) for n in range(rng.randint(0, 5))]
    kind = rng.randrange(4)
    if kind == 0:
        body = "[" + ",".join(items) + "]"
    elif kind == 1:
        body = '{"postings": [' + ",".join(items) + "]}"
    elif kind == 2:
        body = "[" + ",".join(items)  # cut short
    else:
        body = rng.choice(("", "[]", "{}", "null", "1", '"x"', "[" * 5000))
    return body.encode("utf-8", "surrogatepass")


def records(rng: random.Random) -> tuple[str, bytes]:
    """(suffix, bytes): an ATS export with hostile rows."""
    suffix = rng.choice((".jsonl", ".csv", ".json"))
    maker = {".jsonl": jsonl_records, ".csv": csv_records, ".json": json_records}[suffix]
    return suffix, maker(rng)


# -- configs ---------------------------------------------------------------------------------------------------

CONFIG_KEYS = (
    "select",
    "ignore",
    "fail-on",
    "severity",
    "allow",
    "per-file-ignores",
    "exclude",
    "max-file-size",
    "language",
    "pipeline",
    "batch-size",
    "gender-coding",
    "repeated-text",
    "must-have-limit",
    "readability",
    "rules",
    "unknown-key",
)
TOML_VALUES = (
    '"JD201"',
    '["JD2", "gendered"]',
    "[1, 2]",
    "1",
    "-1",
    "0",
    "true",
    "1.5",
    "inf",
    "nan",
    '"inf"',
    '"5MB"',
    '"-5MB"',
    '"1e400"',
    '"999999999999999999999TB"',
    '""',
    '"error"',
    '"loud"',
    "{}",
    '{ JD201 = "error" }',
    "{ JD201 = 3 }",
    '{ "*.md" = "JD201" }',
    '{ "*.md" = ["JD201"] }',
    '{ "*.md" = [1] }',
    '{ JD404 = { max = "x" } }',
    "{ JD404 = { nope = 1 } }",
    '{ grade = "12" }',
    "[[1]]",
    '"\\ud800"',
    '"en"',
    '"xx"',
    '"blank"',
    '"first"',
    "1979-05-27",
)


def config_table(rng: random.Random) -> str:
    return "\n".join(f"{rng.choice(CONFIG_KEYS)} = {rng.choice(TOML_VALUES)}" for _ in range(rng.randint(0, 5)))


def config(rng: random.Random) -> tuple[str, bytes]:
    """(file name, bytes): a .jdlint.toml or pyproject.toml with wrong types, broken syntax or bad bytes."""
    body = config_table(rng)
    kind = rng.randrange(8)
    if kind == 0:
        name, text = "pyproject.toml", f"[tool.jdlint]\n{body}\n"
    elif kind == 1:
        name, text = "pyproject.toml", f"[tool]\njdlint = {rng.choice(TOML_VALUES)}\n{body}\n"
    elif kind == 2:
        name, text = "pyproject.toml", f"tool = {rng.choice(TOML_VALUES)}\n"
    elif kind == 3:
        name, text = "pyproject.toml", f"[tool.jdlint]\n{body}\n[project\nname = 1\n"
    elif kind == 4:
        rule = rng.choice(("JD404", "JD999", "salesman", '"x"'))
        name, text = ".jdlint.toml", f"{body}\n[rules.{rule}]\n{body}\n"
    else:
        name, text = ".jdlint.toml", body + "\n"
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.15:
        data = data.replace(b"=", b"= \xff", 1)
    return name, data


def baseline(rng: random.Random) -> bytes:
    return rng.choice(
        (
            b"1",
            b"[]",
            b"{}",
            b"[[[[]]]]",
            b'{"findings": 1}',
            b'{"version": 1, "findings": [[1, 2]]}',
            b"[" * 5000,
            b"\xff\xfe",
            b'{"a": ' + b"9" * 5000 + b"}",
            b"",
        )
    )
