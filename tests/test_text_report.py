"""The text report is written a file at a time; its bytes must be those of the report made whole."""

from __future__ import annotations

from collections import Counter

import click

from jdlint.config import Config
from jdlint.formats import parse
from jdlint.language.detect import language_name
from jdlint.linter import Linter
from jdlint.report import printable, text_report
from jdlint.source import LineIndex, Source

POSTINGS = [
    ("a.txt", "We need a rockstar salesman.\nHe will lead.\n", "text"),
    ("b.md", "# Ninja wanted\n\nNative English speaker, 25-35.\n", "markdown"),
    ("clean.txt", "We hire engineers.\n", "text"),
    ("c.txt", "Wir suchen einen Verkäufer für unser Team in Berlin. Sie arbeiten mit Kunden.\n", "text"),
    ("a.txt", "A chairman is wanted.\n", "text"),  # the same path again: one file in the count
]


def _results(folder: str = "", postings=POSTINGS):
    documents = [parse(Source(folder + p, t, format=f)) for p, t, f in postings]
    return list(Linter(Config()).lint(documents, want_metrics=True))


def _whole(results, statistics: bool) -> str:
    """The report as it was made before it came in pieces: every line, then joined."""
    results = printable(results)
    findings = [(r, f) for r in results for f in r.findings]
    out: list[str] = []
    if statistics:
        counts = Counter((f.code, f.name) for _, f in findings)
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            out.append(f"{count:>6}  {code}  {name}")
    else:
        for result in results:
            index = LineIndex(result.text)
            out.extend(text_report._line(result.path, index, f) for f in result.findings)
    severities = Counter(f.severity.value for _, f in findings)
    if findings:
        parts = [f"{severities[s]} {s}" for s in ("error", "warning", "info") if severities[s]]
        files = len({r.path for r, _ in findings})
        out.append(
            f"Found {len(findings)} finding{'s' * (len(findings) != 1)} "
            f"({', '.join(parts)}) in {files} file{'s' * (files != 1)}."
        )
    else:
        out.append(f"No findings in {len(results)} file{'s' * (len(results) != 1)}.")
    languages = Counter(r.language for r in results if r.language)
    if set(languages) - {"en"}:
        out.append("Languages: " + ", ".join(f"{language_name(c)} {n}" for c, n in languages.most_common()) + ".")
    return "\n".join(out) + "\n"


def test_pieces_join_to_the_whole_report():
    results = _results()
    assert sum(1 for r in results if r.findings) >= 3 and any(r.language == "de" for r in results)
    for statistics in (False, True):
        for count in range(len(results) + 1):
            chosen = results[:count]
            pieces = list(text_report.render_pieces(chosen, statistics=statistics))
            assert "".join(pieces) == text_report.render(chosen, statistics=statistics) == _whole(chosen, statistics)
            assert all(piece.endswith("\n") for piece in pieces)
    with_findings = [r.path for r in results if r.findings]
    assert with_findings.count("a.txt") == 2  # a path given twice is one file in the count
    assert f"in {len(set(with_findings))} files." in text_report.render(results)


def test_each_file_with_findings_is_a_piece_of_its_own():
    results = _results()
    pieces = list(text_report.render_pieces(results))
    with_findings = [r for r in results if r.findings]
    for result, piece in zip(with_findings, pieces):
        assert piece.count("\n") == len(result.findings)
        assert all(click.unstyle(line).startswith(result.path + ":") for line in piece.splitlines())


def test_the_cli_writes_text_piece_by_piece(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from jdlint.cli import main

    for name, text, _ in POSTINGS[:4]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    expected = click.unstyle(_whole(_results(f"{tmp_path}/", POSTINGS[:4]), statistics=False))

    def held_whole(*_args, **_kwargs):
        raise AssertionError("the CLI rendered the whole report at once")

    monkeypatch.setattr(text_report, "render", held_whole)
    paths = [str(tmp_path / name) for name, _, _ in POSTINGS[:4]]
    printed = CliRunner().invoke(main, ["check", "--exit-zero", *paths])
    assert printed.exit_code == 0, printed.output
    assert printed.stdout == expected
