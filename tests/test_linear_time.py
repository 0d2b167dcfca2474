"""Steps that once took time growing with the square of the input, each checked by counting its work (never by
timing it), and each checked to give the same answers as before."""

from __future__ import annotations

import random
import re

from spacy.tokens import Doc

from jdlint.checks import gender
from jdlint.nlp import LONGEST_WORD, _block_boundaries, get_pipeline


class _CountingDoc(Doc):
    """A Doc that counts `has_annotation` calls: spaCy's sentence-start setter calls it, and it reads every token."""

    calls = 0

    def has_annotation(self, attr, *, require_complete=False):
        _CountingDoc.calls += 1
        return super().has_annotation(attr, require_complete=require_complete)


def _counting_doc(text: str) -> _CountingDoc:
    made = get_pipeline().make_doc(text)
    return _CountingDoc(made.vocab, words=[t.text for t in made], spaces=[bool(t.whitespace_) for t in made])


def test_line_breaks_become_sentence_starts_in_one_pass():
    # one has_annotation per line made the step lines x words: a posting of many short lines was quadratic
    text = "".join(f"Line {i} has a few words\n" for i in range(500))
    doc = _counting_doc(text)
    _CountingDoc.calls = 0
    _block_boundaries(doc)
    assert _CountingDoc.calls <= 1
    assert [t.i for t in doc if t.is_sent_start] == [0] + [t.i + 1 for t in doc[:-1] if t.text == "\n"]


def test_line_breaks_still_split_sentences():
    doc = next(get_pipeline().pipe(["Requirements\n\nPython and SQL\nGit\n  \nDocker"], {"sentences"}))
    assert [s.text.strip() for s in doc.sents] == ["Requirements", "Python and SQL", "Git", "Docker"]


def test_the_tokenizer_never_gets_a_long_run_whole(monkeypatch):
    # spaCy strips a word's affixes one at a time, searching the rest each time: n quotes cost n * n
    pipeline = get_pipeline()
    given: list[str] = []
    make_doc = pipeline.nlp.make_doc

    def recording(text):
        given.append(text)
        return make_doc(text)

    monkeypatch.setattr(pipeline.nlp, "make_doc", recording)
    for run in ('"' * 5000, "(" * 2000 + ")" * 2000, "’s" * 3000, "x" * 4000, "…" * 1000):
        given.clear()
        text = f"We hire. {run} And then\nmore text."
        doc = next(pipeline.pipe([text], {"sentences"}))
        assert doc.text == text and all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
        assert given and all(len(piece) <= LONGEST_WORD for word in given for piece in word.split())


def test_a_run_in_pieces_is_tokenized_as_a_whole():
    pipeline = get_pipeline()
    for run in ('"' * 700, "(" * 350 + ")" * 350, "!" * 700, "?." * 350):
        text = f"Ask {run} now.\nThen more."
        pieced = next(pipeline.pipe([text], {"sentences"}))
        whole = _block_boundaries(pipeline.nlp.get_pipe("sentencizer")(pipeline.make_doc(text)))  # short enough
        assert [t.text for t in pieced] == [t.text for t in whole]
        assert [t.whitespace_ for t in pieced] == [t.whitespace_ for t in whole]
        assert [s.text for s in pieced.sents] == [s.text for s in whole.sents]


def test_ordinary_words_are_tokenized_whole():
    pipeline = get_pipeline()
    text = "Apply at https://jobs.example.com/engineering/backend-engineer?ref=board&utm_source=x today."
    assert pipeline.tokenized(text) == text  # no word near the limit: the text goes to spaCy unchanged


class _ScanCounter:
    """Stands in for a compiled pattern and counts the characters each search may read."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.read = 0

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        end = len(string) if endpos is None else endpos
        self.read += end - pos
        return self.pattern.search(string, pos, end)


def test_named_person_search_reads_a_long_sentence_of_pronouns_about_once(monkeypatch):
    counter = _ScanCounter(gender._NAMED)
    monkeypatch.setattr(gender, "_NAMED", counter)
    text = "he " * 3000
    named = gender._NamedBefore(text)
    assert not any(named.within(0, m.start()) for m in re.finditer("he", text))
    assert counter.read < 3 * len(text)  # each pronoun's whole window was read: 3,000 * 9,000 / 2


def test_named_person_search_gives_the_answers_of_searching_each_window():
    rng = random.Random(15)
    words = ["he", "He", "His", "she", "said", "Ms", "Lee", "Jane", "Doe", ",", "Dr.", "Mr", "was", "and", "the", "  "]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 60)))
        named = gender._NamedBefore(text)
        window = 0
        for match in re.finditer(r"\bhe\b", text):
            if rng.random() < 0.2:
                window = rng.randrange(window, match.start() + 1)
                named = gender._NamedBefore(text)  # a new window starts a new search
            expected = gender._NAMED.search(text[window : match.start()]) is not None
            assert named.within(window, match.start()) == expected, (text, window, match.start())


def _reference_covered(findings, regions, rules_by_code):
    """What suppress did before: each finding checked against every region."""
    covered = set()
    for i, finding in enumerate(findings):
        rule = rules_by_code[finding.code]
        hit = [
            r
            for r in regions
            if r.directive.covers(rule)
            and (r.to_end if finding.span is None else r.start <= finding.span.start < r.end)
        ]
        for region in hit:
            region.used = True
        if hit:
            covered.add(i)
    return covered


def test_directive_regions_cover_what_checking_every_region_covered():
    from jdlint import suppress
    from jdlint.catalog import load_catalog
    from jdlint.model import Finding, Severity, Span

    rules_by_code = {rule.code: rule for rule in load_catalog().rules if rule.code in ("JD201", "JD204", "JD520")}
    selectors = [(), ("JD201",), ("JD2",), ("JD520",), ("gendered",)]
    rng = random.Random(15)
    for _ in range(300):
        findings = []
        for _ in range(rng.randrange(0, 12)):
            start = rng.randrange(0, 50)
            span = None if rng.random() < 0.15 else Span(start, start + rng.randrange(1, 5))
            code = rng.choice(sorted(rules_by_code))
            findings.append(Finding(code, "x", "x", Severity.WARNING, "m", span, None))

        def regions(seed):
            rng_regions = random.Random(seed)
            made = []
            for _ in range(rng_regions.randrange(0, 8)):
                start = rng_regions.randrange(0, 50)
                verb = rng_regions.choice(["ignore", "disable"])
                directive = suppress.ParsedDirective(verb, rng_regions.choice(selectors), Span(start, start))
                end = rng_regions.randrange(start, 60)
                made.append(suppress._Region(directive, start, end, verb == "disable" and rng_regions.random() < 0.5))
            return made

        seed = rng.random()
        new, old = regions(seed), regions(seed)
        assert suppress._covered(findings, new, rules_by_code) == _reference_covered(findings, old, rules_by_code)
        assert [r.used for r in new] == [r.used for r in old]


def test_ignore_directives_find_their_blocks_without_mapping_every_block_each_time(monkeypatch):
    # each ignore directive mapped every block of the posting to the source again: directives x blocks
    import jdlint
    from jdlint.document import Document

    calls = []
    to_source = Document.to_source

    def counting(self, start, end):
        calls.append(start)
        return to_source(self, start, end)

    text = "".join(f"<!-- jdlint: ignore[JD201] -->\nTeam {i} needs a salesman.\n\n" for i in range(300))
    monkeypatch.setattr(Document, "to_source", counting)
    result = jdlint.lint_text(text, format="markdown")
    assert not [f for f in result.findings if f.code in ("JD201", "JD902")]  # each directive still covers its block
    assert len(calls) < 20 * 300  # mapped about once per block and per finding, not 300 x 300 times


def _links(html: str):
    from jdlint.formats import parse
    from jdlint.source import Source

    outline = parse(Source("p.html", html, format="html")).html
    assert outline is not None
    return [(html[link.span.start : link.span.end], link.text) for link in outline.links]


def test_an_a_tag_inside_an_open_link_closes_it_as_browsers_do():
    html = '<p><a href="1">foo <a href="2">bar</a> baz</a> end</p>'
    assert _links(html) == [('<a href="1">foo ', "foo "), ('<a href="2">bar</a>', "bar")]


def test_deeply_nested_links_are_each_reported_once_with_their_own_text():
    # every level's span and text held all the levels inside it: 10,000 levels made about 700 MB of JSON
    depth = 2000
    html = '<a href="#">' * depth + "click here" + "</a>" * depth
    links = _links(html)
    assert len(links) == depth and [text for _, text in links] == [""] * (depth - 1) + ["click here"]
    assert sum(len(source) for source, _ in links) <= len(html)  # the spans do not nest


def test_the_text_since_an_offset_is_the_end_of_the_whole_text():
    from jdlint.document import Builder

    rng = random.Random(15)
    builder = Builder()
    builder.open("paragraph")
    for _ in range(400):
        action = rng.random()
        if action < 0.7:
            builder.text(rng.choice(["a", "bc ", "  ", "def", "\n"]), builder.last_src)
        else:
            builder.open(rng.choice(["paragraph", "list_item"]))  # closes the last block, trimming its spaces
        whole = "".join(builder.parts)
        for start in (0, len(whole) // 2, len(whole) - 1, len(whole), len(whole) + 3):
            assert builder.text_since(start) == whole[start:]


def test_a_code_span_across_a_line_break_is_skipped_within_its_backticks():
    # its content reads the break as a space, so a search of the rest of the block for it failed, once per span
    from jdlint.formats import markdown

    norm = "Use `git\nlog` daily, then ``a ` b`` and ```c``` too."
    assert markdown._skip_code("git log", norm, 4, len(norm)) == norm.index(" daily")
    assert markdown._skip_code("a ` b", norm, 20, len(norm)) == norm.index("`` and") + len("a ` b") - 5
    assert markdown._code_span_end(norm, 35, len(norm)) == norm.index(" too")
    assert markdown._skip_code("x", "no code here", 0, 12) == 0


def test_words_after_many_multi_line_code_spans_keep_their_offsets():
    import jdlint

    text = "".join(f"Team {i} uses `git\nlog` and needs a salesman.\n" for i in range(300))
    found = [f for f in jdlint.lint_text(text, format="markdown").findings if f.code == "JD201"]
    assert found and all(text[f.span.start : f.span.end] == "salesman" for f in found)


class _CountingText(str):
    """Posting text that counts the characters its rfind calls may read."""

    read = 0

    def rfind(self, sub, start=None, end=None):  # type: ignore[override]
        _CountingText.read += (len(self) if end is None else end) - (start or 0)
        return super().rfind(sub, start, end)


def _fake_context(text: str):
    from types import SimpleNamespace

    memo: dict = {}
    return SimpleNamespace(
        document=SimpleNamespace(text=text, sections=[]),
        memo=lambda key, factory: memo[key] if key in memo else memo.setdefault(key, factory()),
    )


def _reference_label_above(text: str, offset: int):
    line_start = text.rfind("\n", 0, offset)
    while line_start > 0:
        previous_start = text.rfind("\n", 0, line_start) + 1
        previous = text[previous_start:line_start].strip()
        if previous:
            if previous.endswith(":") or (len(previous) <= 40 and not previous.endswith(".")):
                return previous
            break
        line_start = previous_start - 1
    return None


def test_the_label_above_a_figure_is_found_without_reading_back_to_the_start():
    # each figure searched back for its line's start: thousands of figures on one line were quadratic
    from jdlint.checks import pay

    text = _CountingText("$50 " * 3000)
    context = _fake_context(text)
    _CountingText.read = 0
    assert all(pay._label_above(context, i * 4) is None for i in range(3000))
    assert _CountingText.read < 3 * len(text)


def test_the_label_above_a_figure_is_the_line_it_was():
    from jdlint.checks import pay

    rng = random.Random(15)
    lines = ["Salary:", "", "  ", "Pay range", "We offer a lot of things here.", "$50,000 - $60,000", "x" * 45]
    for _ in range(300):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randrange(1, 8)))
        context = _fake_context(text)
        for offset in range(0, len(text) + 1, 3):
            assert pay._label_above(context, offset) == _reference_label_above(text, offset), (text, offset)


def test_a_physical_demand_reads_a_bounded_stretch_after_its_verb(monkeypatch):
    # each verb copied the rest of its sentence to read its complement: one long sentence of demands was quadratic
    import jdlint
    from jdlint.checks import physical

    lengths: list[int] = []
    complement = physical._complement

    def recording(verb, after):
        lengths.append(len(after))
        return complement(verb, after)

    monkeypatch.setattr(physical, "_complement", recording)
    text = "lift 50 lbs " * 3000
    codes = {f.code for f in jdlint.lint_text(text, format="text").findings}
    assert "JD312" in codes and lengths and max(lengths) <= 2 * physical._WORDS_AFTER


def test_the_stretch_after_a_verb_reaches_past_a_run_of_spaces():
    from jdlint.checks import physical

    text = "stand" + " " * 1000 + "for 8 hours. Next sentence."
    after = physical._after(text, 5, text.index(" Next"))
    assert after.endswith("for 8 hours.")
    assert physical._after("lift " + "x " * 1000, 4, 2005) == (" " + "x " * 1000)[: physical._WORDS_AFTER]


def _reference_without_repeats(regions, matches, text):
    from jdlint.analyses.repeats import _normalised

    kept = []
    for match in matches:
        if match.start is not None and match.end is not None:
            region = next((r for r in regions if r[0] <= match.start and match.end <= r[1]), None)
            words = _normalised(text[match.start : match.end])
            if region is not None and any(
                o.start is not None
                and o.end is not None
                and region[2] <= o.start
                and o.end <= region[3]
                and _normalised(text[o.start : o.end]) == words
                for o in matches
            ):
                continue
        kept.append(match)
    return kept


def _repeats_context(text, regions):
    from types import SimpleNamespace

    return SimpleNamespace(document=SimpleNamespace(text=text), memo=lambda key, factory: regions)


def test_repeated_text_drops_the_same_matches_as_checking_every_pair():
    from jdlint.analyses import repeats
    from jdlint.model import Match

    rng = random.Random(15)
    text = "We need a Rockstar and a ninja rockstar. " * 4
    for _ in range(300):
        regions = []
        for _ in range(rng.randrange(1, 5)):
            a, b = sorted(rng.sample(range(len(text)), 2))
            c, d = sorted(rng.sample(range(len(text)), 2))
            regions.append((a, b, c, d))
        if rng.random() < 0.5:  # blocks: regions that do not overlap
            regions = [r for i, r in enumerate(sorted(regions)) if i == 0 or sorted(regions)[i - 1][1] <= r[0]]
        matches = []
        for _ in range(rng.randrange(0, 15)):
            start = rng.choice([m.start() for m in re.finditer(r"rockstar|ninja", text, re.I)])
            matches.append(Match.at(start, text.index(" ", start)) if rng.random() < 0.9 else Match.whole_posting())
        got = repeats.without_repeats(_repeats_context(text, regions), matches)
        assert got == _reference_without_repeats(regions, matches, text)


def test_repeated_text_reads_each_match_once(monkeypatch):
    # each match in a copy compared its words with every other match's: many repeated blocks were quadratic
    from jdlint.analyses import repeats
    from jdlint.model import Match

    calls = []
    normalised = repeats._normalised
    monkeypatch.setattr(repeats, "_normalised", lambda text: calls.append(text) or normalised(text))
    block = "We need a salesman. "
    text = block * 2000
    regions = [(i * len(block), (i + 1) * len(block), 0, len(block)) for i in range(1, 2000)]
    matches = [Match.at(i * len(block) + 10, i * len(block) + 18) for i in range(2000)]
    kept = repeats.without_repeats(_repeats_context(text, regions), matches)
    assert [(m.start, m.end) for m in kept] == [(10, 18)]
    assert len(calls) <= 2 * len(matches)


def _mojibake(word: str) -> str:
    return word.encode("utf-8").decode("cp1252", errors="replace")


def test_mojibake_repairs_give_difflib_only_short_windows(monkeypatch):
    # difflib compared whole lines: a line of one repeated damaged word took seconds at a few kilobytes
    import difflib

    import ftfy

    from jdlint.checks import characters

    sizes: list[int] = []
    matcher = difflib.SequenceMatcher

    def counting(junk, a, b, autojunk):
        sizes.append(len(a) + len(b))
        return matcher(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(characters.difflib, "SequenceMatcher", counting)
    line = " ".join(_mojibake("We’re") for _ in range(2000))
    fixed = ftfy.fix_encoding(line)
    runs = characters._changed_runs(line, fixed)
    assert len(runs) == 2000 and max(sizes) <= 2 * characters.WINDOW


def test_mojibake_repairs_rebuild_the_repaired_line():
    # the edits found window by window, applied to the line, give exactly what ftfy made of it
    import ftfy

    from jdlint.checks.characters import _changed_runs

    rng = random.Random(7)
    words = ["we’re", "café", "–", "naïve", "résumé", "“quoted”", "Zürich", "😀", "€50", "don’t", "ß", "°", "and"]
    for _ in range(300):
        line = " ".join(_mojibake(w) if rng.random() < 0.4 else w for w in rng.choices(words, k=rng.randint(1, 60)))
        fixed = ftfy.fix_encoding(line)
        rebuilt, position = [], 0
        for a1, a2, b1, b2 in _changed_runs(line, fixed):
            rebuilt.append(line[position:a1] + fixed[b1:b2])
            position = a2
        assert "".join(rebuilt) + line[position:] == fixed


def test_a_toml_key_of_thousands_of_dotted_parts_is_refused_before_parsing(monkeypatch):
    # tomli (as the standard library's tomllib) copies a dotted key's path for each part: 100,000 parts took half a
    # minute
    import tomli

    import jdlint

    calls: list[str] = []
    loads = tomli.loads
    monkeypatch.setattr(tomli, "loads", lambda raw: calls.append(raw) or loads(raw))
    header = "[" + ".".join(["a"] * 5000) + "]"
    posting = f"+++\ntitle = 'Engineer'\n{header}\nx = 1\n+++\nWe need a salesman.\n"
    result = jdlint.lint_text(posting, format="markdown")
    problems = [f for f in result.findings if f.code == "JD903"]
    assert len(problems) == 1 and "more than 1,000 dotted parts" in problems[0].message
    assert header not in "".join(calls)
    assert any(f.code == "JD201" for f in result.findings)  # the body is still linted


def test_a_toml_key_of_a_few_dotted_parts_is_read():
    import jdlint

    header = "[" + ".".join(["a"] * 50) + "]"
    posting = f"+++\ntitle = 'Engineer'\n{header}\nx = 1\n+++\nWe need a salesman.\n"
    result = jdlint.lint_text(posting, format="markdown")
    assert not [f for f in result.findings if f.code == "JD903"]


def test_mojibake_packed_closer_than_the_step_check_is_windowed_not_searched_each_time(monkeypatch):
    # damage every third character ("â\x80¦" over and over) never showed three equal characters in a row: each
    # difference fell back to difflib over 400 characters, a minute for a few kilobytes
    import difflib

    import ftfy

    from jdlint.checks import characters

    calls: list[int] = []
    matcher = difflib.SequenceMatcher

    def counting(junk, a, b, autojunk):
        calls.append(len(a))
        return matcher(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(characters.difflib, "SequenceMatcher", counting)
    line = "Read more " + _mojibake("…") * 1500
    fixed = ftfy.fix_encoding(line)
    assert fixed == "Read more " + "…" * 1500
    runs = characters._changed_runs(line, fixed)
    assert len(calls) <= len(line) // characters.WINDOW + 2
    assert sum(a2 - a1 for a1, a2, _, _ in runs) == 3 * 1500


def test_pay_cues_in_compounds_are_tried_from_a_word_start_only():
    # "\w*lohn" tried from every letter of a long word read the rest of the word each time (quadratic)
    from jdlint.checks.pay import _PAY_CUE

    assert "\\b\\w*(?:gehalt" in _PAY_CUE.pattern
    for cue in ("Stundenlohn", "Bruttogehalt", "Jahresgehalt:", "OffSalary", "the salary"):
        assert _PAY_CUE.search(cue), cue
    for not_cue in ("lohnen", "gehaltvoll", "a_long_word_" * 50):
        assert not _PAY_CUE.search(not_cue), not_cue


class _CountingText(str):
    """A text that counts str.find calls on it."""

    finds = 0

    def find(self, *args):  # type: ignore[override]
        _CountingText.finds += 1
        return super().find(*args)


def test_a_start_too_common_to_try_one_by_one_stops_being_listed_at_the_budget():
    """few_places lists a start's places only up to the budget (a thirty-second of the text): a posting that is a
    long run of one letter is not walked place by place before the whole-text search takes over."""
    from jdlint.kinds.needles import few_places

    text = _CountingText("a" * 64_000)
    _CountingText.finds = 0
    assert few_places(text, ["aa"]) is None
    assert _CountingText.finds <= 64_000 // 32 + 2
    _CountingText.finds = 0
    assert few_places(text, ["a", "b"]) is None  # a one-letter start is counted in one call, and not listed
    assert _CountingText.finds == 0
    _CountingText.finds = 0
    assert few_places(_CountingText("b" * 64_000 + "a"), ["a"]) == [64_000]  # few: each one listed
    assert _CountingText.finds == 2
