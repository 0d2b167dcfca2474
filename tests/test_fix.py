"""--fix, --unsafe-fixes, --diff: only the fixed spans change; encoding, BOM and newlines survive."""

from __future__ import annotations

from click.testing import CliRunner

from jdlint.cli import main

POSTING = "We’re hiring a salesman in Leeds.\r\nYoull like it &amp; more.\r\nIts a great time to join.\r\n"


def run(*args):
    return CliRunner().invoke(main, ["check", "--select", "JD1,JD2", *args])


def test_fix_keeps_bom_crlf_and_everything_else(tmp_path):
    path = tmp_path / "p.txt"
    broken = POSTING.replace("We’re", "Weâ€™re")
    path.write_bytes(b"\xef\xbb\xbf" + broken.encode("utf-8"))
    result = run("--fix", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 3
    assert data[3:].decode("utf-8") == (
        "We’re hiring a salesperson in Leeds.\r\nYou’ll like it & more.\r\nIts a great time to join.\r\n"
    )
    assert result.exit_code == 1  # the unsafe "Its" fix is still to do
    assert "JD111" in result.output
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind
    before = path.read_bytes()
    assert run("--fix", str(path)).exit_code == 1 and path.read_bytes() == before  # a second --fix changes nothing


def test_unsafe_fixes_need_the_flag(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("Its a great time to join.\n", encoding="utf-8")
    run("--fix", str(path))
    assert path.read_text(encoding="utf-8") == "Its a great time to join.\n"
    result = run("--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == "It's a great time to join.\n" and result.exit_code == 0


def test_cp1252_posting_stays_cp1252(tmp_path):
    path = tmp_path / "p.txt"
    text = "Café team – we need a salesman.\nLots of coffee, and a friendly crew at the counter every day.\n"
    path.write_bytes(text.encode("cp1252"))
    run("--fix", str(path))
    assert path.read_bytes() == text.replace("salesman", "salesperson").encode("cp1252")


def test_diff_prints_and_writes_nothing(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("We need a salesman.\n", encoding="utf-8")
    result = run("--diff", str(path))
    assert result.exit_code == 1
    assert "-We need a salesman.\n+We need a salesperson.\n" in result.output
    assert path.read_text(encoding="utf-8") == "We need a salesman.\n"
    assert run("--diff", str(tmp_path / "p.txt"), "--ignore", "JD2").exit_code == 0


def test_overlapping_fixes_are_applied_one_round_at_a_time():
    from jdlint.fix import apply_findings
    from jdlint.model import Applicability, Edit, Finding, Fix, Severity, Span

    def finding(start, end, content):
        return Finding(
            "JD999",
            "x",
            "encoding",
            Severity.WARNING,
            "m",
            Span(start, end),
            "t",
            fix=Fix(Applicability.SAFE, (Edit(start, end, content),)),
        )

    text, chosen = apply_findings("abcdef", [finding(0, 3, "X"), finding(2, 4, "Y"), finding(4, 6, "Z")])
    assert text == "XdZ" and len(chosen) == 2


def test_show_fixes_lists_what_was_applied(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("We need a salesman.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--select", "JD2", "--fix", "--show-fixes", str(path)])
    assert f"{path}: fixed JD201 'salesman' -> 'salesperson'" in result.stderr
    assert "Fixed 1 file." in result.stderr and result.exit_code == 0
