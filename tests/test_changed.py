"""`check --changed-since REF`: findings on lines changed since a git revision, in a real temporary repository."""

from __future__ import annotations

import json
import subprocess

import pytest
from click.testing import CliRunner

from jdlint.changed import parse_diff, touched_lines
from jdlint.cli import main

INTRO = "We are a small team building tools for farmers. " * 5
POSTING = f"# Data engineer\n\n{INTRO}\n\nWe need a salesman.\n\nYou will build pipelines for customers.\n"


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository with two commits; the second leaves `same.md` alone. The tests work in its folder."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.name", "jdlint tests")  # local to this repository: no global config needed
    git(tmp_path, "config", "user.email", "tests@jdlint.invalid")
    git(tmp_path, "config", "commit.gpgsign", "false")
    (tmp_path / "same.md").write_text(POSTING)
    (tmp_path / "edit.md").write_text(POSTING)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    (tmp_path / "other.md").write_text("Notes.\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "second")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args):
    return CliRunner().invoke(main, ["check", "--select", "JD2,JD5", *args])


def report(*args):
    result = check("--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return {f["path"]: f for f in json.loads(result.stdout)["files"]}


def codes(entry):
    return sorted((f["code"], f["span"]["line"] if f["span"] else None) for f in entry["findings"])


def test_only_changed_lines_and_changed_postings(repo):
    (repo / "edit.md").write_text(POSTING.replace("for customers", "for customers with a foreman"))
    files = report("--changed-since", "HEAD~1", "same.md", "edit.md")
    # the unchanged posting is checked (it is in the report) but shows nothing, and its checklist says why
    assert files["same.md"]["findings"] == []
    assert {item["status"] for item in files["same.md"]["checklist"]} == {"not shown"}
    assert all("not changed since HEAD~1" in item["reason"] for item in files["same.md"]["checklist"])
    # the edited one: the new finding on line 7, not the old one on line 5, and its whole-posting findings
    shown = codes(files["edit.md"])
    assert ("JD201", 7) in shown and ("JD201", 5) not in shown
    assert ("JD501", None) in shown
    # without the option everything is there
    everything = codes(report("same.md", "edit.md")["same.md"])
    assert ("JD201", 5) in everything and ("JD501", None) in everything


def test_staged_and_unstaged_changes_count_against_head(repo):
    (repo / "edit.md").write_text(POSTING.replace("customers.", "customers.\n\nAnd a chairman.\n"))
    git(repo, "add", "edit.md")
    (repo / "same.md").write_text(POSTING + "\nA fireman too.\n")
    files = report("--changed-since", "HEAD", "same.md", "edit.md")
    assert [f["text"] for f in files["edit.md"]["findings"] if f["code"] == "JD201"] == ["chairman"]
    assert [f["text"] for f in files["same.md"]["findings"] if f["code"] == "JD201"] == ["fireman"]


def test_untracked_and_ignored_files_count_as_changed_throughout(repo):
    (repo / "new.md").write_text(POSTING)
    (repo / ".gitignore").write_text("ignored.md\n")
    (repo / "ignored.md").write_text(POSTING)
    files = report("--changed-since", "HEAD", "new.md", "ignored.md")
    for name in ("new.md", "ignored.md"):
        assert ("JD201", 5) in codes(files[name]) and ("JD501", None) in codes(files[name])


def test_renamed_file_counts_on_the_lines_git_says_changed(repo):
    git(repo, "mv", "edit.md", "moved.md")
    (repo / "moved.md").write_text(POSTING.replace("for customers", "for customers with a foreman"))
    shown = codes(report("--changed-since", "HEAD", "moved.md")["moved.md"])
    assert ("JD201", 7) in shown and ("JD201", 5) not in shown


def test_a_pure_rename_is_no_change(repo):
    git(repo, "mv", "edit.md", "moved.md")
    assert report("--changed-since", "HEAD", "moved.md")["moved.md"]["findings"] == []


def test_gate_fails_only_on_changed_lines(repo):
    assert check("--changed-since", "HEAD~1", "same.md", "edit.md").exit_code == 0
    assert check("same.md").exit_code == 1
    (repo / "edit.md").write_text(POSTING.replace("for customers", "for customers with a foreman"))
    text = check("--changed-since", "HEAD", "--fail-on", "error", "edit.md")
    assert text.exit_code == 0 and "foreman" in text.stdout and "salesman" not in text.stdout
    assert check("--changed-since", "HEAD", "edit.md").exit_code == 1


def test_works_with_every_format_and_a_baseline(repo):
    (repo / "edit.md").write_text(POSTING.replace("for customers", "for customers with a foreman"))
    github = check("--changed-since", "HEAD", "--format", "github", "edit.md")
    assert "foreman" in github.stdout and "salesman" not in github.stdout
    sarif = json.loads(check("--changed-since", "HEAD", "--format", "sarif", "edit.md").stdout)
    assert {r["message"]["text"].split("'")[1] for r in sarif["runs"][0]["results"] if r["ruleId"] == "JD201"} == {
        "foreman"
    }
    assert check("--write-baseline", "base.json", "edit.md").exit_code == 0  # records every finding
    assert check("--changed-since", "HEAD", "--baseline", "base.json", "edit.md").exit_code == 0


def test_fix_changes_only_the_lines_it_reports(repo):
    (repo / "edit.md").write_text(POSTING.replace("for customers", "for customers with a foreman"))
    result = check("--changed-since", "HEAD", "--fix", "--unsafe-fixes", "edit.md")
    text = (repo / "edit.md").read_text()
    assert "salesman" in text and "foreman" not in text, result.output
    assert "supervisor" in text


def test_paths_with_spaces_non_ascii_and_crlf(repo):
    name = "postes été/offre n°1 (crlf).md"
    (repo / "postes été").mkdir()
    path = repo / name
    path.write_bytes(POSTING.replace("\n", "\r\n").encode())
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "third")
    path.write_bytes(POSTING.replace("for customers", "for customers with a foreman").replace("\n", "\r\n").encode())
    files = report("--changed-since", "HEAD", name)
    shown = codes(files[name])
    assert ("JD201", 7) in shown and ("JD201", 5) not in shown


def test_bad_revision_and_no_repository_are_one_line_errors(repo, tmp_path_factory, monkeypatch):
    bad = check("--changed-since", "no-such-branch", "edit.md")
    assert (
        bad.exit_code == 2
        and bad.stderr.strip() == "jdlint: error: --changed-since: unknown git revision 'no-such-branch'"
    )
    option = check("--changed-since", "--exit-zero", "edit.md")  # a revision that looks like an option
    assert option.exit_code == 2 and "unknown git revision" in option.stderr
    elsewhere = tmp_path_factory.mktemp("plain")
    (elsewhere / "a.md").write_text(POSTING)
    monkeypatch.chdir(elsewhere)
    outside = check("--changed-since", "HEAD", "a.md")
    assert outside.exit_code == 2 and "not inside a git repository" in outside.stderr
    assert "Traceback" not in outside.output + outside.stderr
    records = check("--changed-since", "HEAD", "--records", "export.jsonl")
    assert records.exit_code == 2 and "--records" in records.stderr


def test_files_outside_the_repository_are_shown_in_full_with_a_note(repo, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("outside") / "a.md"
    elsewhere.write_text(POSTING)
    result = check("--changed-since", "HEAD", str(elsewhere))
    assert result.exit_code == 1 and "salesman" in result.stdout
    assert "outside the git repository" in result.stderr


def test_diff_parsing_of_quoted_names_and_binary_files():
    diff = (
        b'diff --git "a/caf\\303\\251 \\"x\\".md" "b/caf\\303\\251 \\"x\\".md"\n'
        b'--- "a/caf\\303\\251 \\"x\\".md"\n+++ "b/caf\\303\\251 \\"x\\".md"\n'
        b"@@ -2 +2,2 @@\n-old\n+new\n+newer\n@@ -9,3 +10,0 @@\n-gone\n"
        b"diff --git a/with space.md b/with space.md\n--- a/with space.md\t\n+++ b/with space.md\t\n@@ -1 +1 @@\n"
        b"diff --git a/gone.md b/gone.md\ndeleted file mode 100644\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n"
        b"diff --git a/u16.txt b/u16.txt\nBinary files a/u16.txt and b/u16.txt differ\n"
    )
    files = parse_diff(diff)
    assert files['café "x".md'].lines == {2, 3} and files['café "x".md'].changed
    assert files["with space.md"].lines == {1}
    assert files["u16.txt"].lines is None and files["u16.txt"].changed
    assert "gone.md" not in files


def test_touched_lines_count_line_feeds_as_git_does():
    text = "one\r\ntwo\rstill two\nthree\n"
    assert touched_lines(text, 5, 8) == (2, 2)
    assert touched_lines(text, 9, 14) == (2, 2)  # a lone \r is no line break to git
    assert touched_lines(text, 0, 5) == (1, 1)  # a span that ends with its line break stays on its line
    assert touched_lines(text, 2, 21) == (1, 3)


def test_from_a_subfolder_and_from_stdin(repo, monkeypatch):
    (repo / "sub").mkdir()
    (repo / "sub" / "job.md").write_text(POSTING)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "third")
    monkeypatch.chdir(repo / "sub")
    assert report("--changed-since", "HEAD", "job.md", "../edit.md")["job.md"]["findings"] == []
    piped = CliRunner().invoke(
        main, ["check", "--select", "JD2", "--changed-since", "HEAD", "--stdin-filename", "job.md", "-"], input=POSTING
    )
    assert piped.exit_code == 1 and "salesman" in piped.stdout and "read from stdin" in piped.stderr
