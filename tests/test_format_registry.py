"""The input-format registry: what it discovers, how it picks a format, and that a new format is one new module."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from jdlint import formats
from jdlint.catalog import load_catalog
from jdlint.config import ConfigResolver
from jdlint.formats import FormatError, MarkupError
from jdlint.runner import collect
from jdlint.source import Source

ROOT = Path(__file__).resolve().parent.parent
FORMATS_DIR = ROOT / "jdlint" / "formats"


def _defines_name(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "NAME" for t in node.targets)
        for node in tree.body
    )


def test_every_format_module_is_discovered():
    modules = {path.stem for path in FORMATS_DIR.glob("*.py") if _defines_name(path)}
    assert modules == {"text", "markdown", "html"}
    assert set(formats.names()) == modules
    assert formats.names() == ("text", "markdown", "html")  # listing order, as messages show it
    for fmt in formats.input_formats():
        assert fmt.parse(Source(f"p{fmt.suffixes[0]}", "We need a salesman.\n", format=fmt.name)).format == fmt.name


def test_names_and_suffixes_are_unique_lower_case_and_dotted():
    assert len(set(formats.names())) == len(formats.names())
    every = [s for fmt in formats.input_formats() for s in fmt.suffixes + fmt.explicit_suffixes]
    assert len(set(every)) == len(every)
    assert all(s.startswith(".") and s == s.lower() for s in every)
    assert formats.suffixes() == (".txt", ".md", ".markdown", ".html", ".htm")


def test_format_for_picks_by_suffix_in_any_case_and_falls_back_to_text():
    assert formats.format_for("a.md") == formats.format_for("dir/A.MARKDOWN") == "markdown"
    assert formats.format_for("a.HTM") == formats.format_for("a.Html") == "html"
    assert formats.format_for("a.txt") == formats.format_for("a.unknown") == formats.format_for("-") == "text"
    assert formats.format_for("export.jsonl#17") == "text"


def test_explicit_suffixes_are_read_but_not_searched(tmp_path):
    assert formats.format_for("a.mdown") == "markdown" and formats.format_for("a.TEXT") == "text"
    for name in ("a.txt", "b.MD", "c.markdown", "d.html", "e.htm", "f.mdown", "g.text", "h.py", "i.json"):
        (tmp_path / name).write_text("We need a salesman.\n")
    found = [os.path.basename(str(p)) for p in collect([str(tmp_path)], ConfigResolver(load_catalog()))]
    assert found == ["a.txt", "b.MD", "c.markdown", "d.html", "e.htm"]


def test_override_wins_over_the_suffix():
    assert formats.format_for("a.txt", "html") == "html"
    assert formats.format_for("a.md", "text") == "text"
    with pytest.raises(FormatError, match="unknown input format 'rtf' \\(known: text, markdown, html\\)"):
        formats.format_for("a.txt", "rtf")


def test_parse_reads_an_unknown_format_as_text_and_markup_error_is_the_format_error():
    document = formats.parse(Source("a.x", "Role\n\nWe need a salesman.\n", format="docx"))
    assert document.text == "Role\n\nWe need a salesman." and document.format == "docx"
    assert MarkupError is FormatError


def test_pre_commit_files_pattern_matches_exactly_the_registry_suffixes():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks and all("files" in hook for hook in hooks)
    explicit = [s for fmt in formats.input_formats() for s in fmt.explicit_suffixes]
    for hook in hooks:
        pattern = re.compile(hook["files"])
        for suffix in formats.suffixes():
            assert pattern.search(f"jobs/posting{suffix}"), (hook["id"], suffix)
        for name in [
            "x.py",
            "x.json",
            "x.yaml",
            "x.toml",
            "x.csv",
            "x.mdx",
            "x.txt.bak",
            "x.rst",
            *(f"x{s}" for s in explicit),
        ]:
            assert not pattern.search(name), (hook["id"], name)


_RST_FORMAT = '''"""reStructuredText, read as plain text (a test format)."""

from __future__ import annotations

from ..document import Document
from ..source import Source
from . import text

NAME = "rst"
SUFFIXES = (".rst",)


def parse(source: Source) -> Document:
    return text.parse(source)
'''

_PROBE = """
import json, os, sys
import jdlint
from jdlint import formats
results, errors = jdlint.lint_paths([sys.argv[1]])
print(json.dumps({
    "package": jdlint.__file__,
    "names": formats.names(),
    "suffixes": formats.suffixes(),
    "format_for": formats.format_for("a.RST"),
    "lint_text": [f.code for f in jdlint.lint_text("We need a salesman.", format="rst").findings],
    "folder": [(os.path.basename(r.path), r.format, [f.code for f in r.findings]) for r in results],
    "errors": [str(e) for e in errors],
}))
"""


def test_adding_an_input_format_is_one_new_module(tmp_path):
    shutil.copytree(ROOT / "jdlint", tmp_path / "jdlint", ignore=shutil.ignore_patterns("__pycache__"))
    for data in ("rules", "data", "reports"):  # the checkout's data beside the package, as in ROOT
        (tmp_path / data).symlink_to(ROOT / data)
    (tmp_path / "jdlint" / "formats" / "rst.py").write_text(_RST_FORMAT, encoding="utf-8")
    postings = tmp_path / "postings"
    postings.mkdir()
    (postings / "job.rst").write_text("Sales role\n\nWe need a salesman.\n", encoding="utf-8")
    (postings / "notes.py").write_text("print('not a posting')\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(postings)],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["package"] == str(tmp_path / "jdlint" / "__init__.py")
    assert report["names"] == ["text", "markdown", "html", "rst"]
    assert report["suffixes"][-1] == ".rst"
    assert report["format_for"] == "rst"
    assert "JD201" in report["lint_text"]
    assert report["errors"] == []
    assert [(name, fmt) for name, fmt, _ in report["folder"]] == [("job.rst", "rst")]
    assert "JD201" in report["folder"][0][2]
