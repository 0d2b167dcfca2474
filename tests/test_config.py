from __future__ import annotations

import pytest
from conftest import codes, lint

from jdlint.config import Config, ConfigError, ConfigResolver, find_config_file, read_file
from jdlint.model import Severity

POSTING = "We need a salesman. Above all we hire for culture fit."


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_wins(tmp_path, catalog):
    write(tmp_path / "pyproject.toml", '[tool.jdlint]\nignore = ["JD201"]\n')
    write(tmp_path / "team" / ".jdlint.toml", 'ignore = ["culture"]\n')
    write(tmp_path / "team" / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")  # no [tool.jdlint]: skipped
    assert find_config_file(tmp_path / "team" / "sub") == str(tmp_path / "team" / ".jdlint.toml")
    assert find_config_file(tmp_path) == str(tmp_path / "pyproject.toml")
    resolver = ConfigResolver(catalog)
    assert resolver.for_path(str(tmp_path / "team" / "sub" / "a.md")).ignore == ("culture",)
    assert resolver.for_path(str(tmp_path / "b.md")).ignore == ("JD201",)


def test_jdlint_toml_beats_pyproject_in_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.jdlint]\nignore = ["JD201"]\n')
    write(tmp_path / ".jdlint.toml", 'ignore = ["JD331"]\n')
    assert find_config_file(tmp_path).endswith(".jdlint.toml")


def test_unknown_key_is_named(tmp_path, catalog):
    path = write(tmp_path / ".jdlint.toml", 'selct = ["JD2"]\n')
    with pytest.raises(ConfigError, match="unknown key 'selct'"):
        read_file(path, catalog)


@pytest.mark.parametrize(
    "body, problem",
    [
        ('select = ["JD7"]', "'JD7' matches no rule"),
        ('fail-on = "fatal"', "not a severity"),
        ('max-file-size = "huge"', "max-file-size"),
        ('severity = { JD201 = "loud" }', "not a severity"),
        ("batch-size = 0", "batch-size"),
        ("select = [", "not valid TOML"),
    ],
)
def test_bad_values_are_config_errors(tmp_path, catalog, body, problem):
    path = write(tmp_path / ".jdlint.toml", body + "\n")
    with pytest.raises(ConfigError, match=problem):
        read_file(path, catalog)


def test_pyproject_without_table_is_an_error_when_named(tmp_path, catalog):
    path = write(tmp_path / "pyproject.toml", "[project]\nname='x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.jdlint\]"):
        read_file(path, catalog)


@pytest.mark.parametrize("selector", ["JD201", "JD2", "JD20", "gendered-job-title", "gendered"])
def test_select_by_code_prefix_name_category(selector):
    result = lint(POSTING, config=Config(select=(selector,)))
    assert codes(result) == ["JD201"]


@pytest.mark.parametrize("selector", ["JD201", "JD2", "gendered-job-title", "gendered"])
def test_ignore_by_code_prefix_name_category(selector):
    result = lint(POSTING, config=Config(ignore=(selector,)))
    assert "JD201" not in codes(result) and "JD331" in codes(result)


def test_severity_override_most_specific_wins(catalog):
    config = Config(severity=(("ALL", Severity.INFO), ("JD201", Severity.ERROR)))
    result = lint(POSTING, config=config)
    by_code = {f.code: f.severity for f in result.findings}
    assert by_code == {"JD201": Severity.ERROR, "JD331": Severity.INFO}


def test_allow_list_is_per_term():
    result = lint(POSTING + " The foreman agrees.", config=Config(allow=("salesman",)))
    texts = [f.text for f in result.findings if f.code == "JD201"]
    assert texts == ["foreman"]


def test_per_file_ignores(tmp_path, catalog):
    write(tmp_path / ".jdlint.toml", '[per-file-ignores]\n"legacy/*.md" = ["JD2"]\n')
    config = read_file(tmp_path / ".jdlint.toml", catalog)
    assert config.file_ignores(str(tmp_path / "legacy" / "old.md")) == ("JD2",)
    assert config.file_ignores(str(tmp_path / "new.md")) == ()
    result = lint(POSTING, config=config, path=str(tmp_path / "legacy" / "old.txt"))
    assert "JD201" in codes(result)  # .txt is not matched by the glob
    result = lint(POSTING, "markdown", config=config, path=str(tmp_path / "legacy" / "old.md"))
    assert "JD201" not in codes(result) and "JD331" in codes(result)


@pytest.mark.parametrize(
    "body, problem",
    [
        ('tool.jdlint = "string"', "the jdlint settings must be a table"),
        ('tool = "jdlint"', "'tool' must be a table"),
        ("tool = 5", "'tool' must be a table"),
        ('[tool.jdlint]\nper-file-ignores = { "*.md" = 5 }', r"per-file-ignores: '\*.md' must be a list of strings"),
    ],
)
def test_wrong_shapes_in_pyproject_are_config_errors(tmp_path, catalog, body, problem):
    path = write(tmp_path / "pyproject.toml", body + "\n")
    with pytest.raises(ConfigError, match=problem):
        read_file(path, catalog)


def test_non_utf8_pyproject_is_a_config_error_naming_the_file(tmp_path, catalog):
    path = tmp_path / "pyproject.toml"
    path.write_bytes(b'[tool.jdlint]\nselect = ["\xff"]\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml: not UTF-8"):
        read_file(path, catalog)
    # found on the way up from a posting, it is reported too, not skipped in silence
    assert find_config_file(tmp_path) == str(path)


def test_broken_pyproject_with_our_table_is_found_but_others_are_skipped(tmp_path):
    write(tmp_path / "a" / "pyproject.toml", '[tool.jdlint]\nselect = ["JD2"]\n[other\n')
    write(tmp_path / "b" / "pyproject.toml", "[project\nname = 'jdlint'\n")
    assert find_config_file(tmp_path / "a") == str(tmp_path / "a" / "pyproject.toml")
    assert find_config_file(tmp_path / "b") is None


def test_per_file_ignores_accepts_one_selector_as_a_string(tmp_path, catalog):
    path = write(tmp_path / ".jdlint.toml", 'per-file-ignores = { "*.md" = "JD201" }\n')
    assert read_file(path, catalog).per_file_ignores == (("*.md", ("JD201",)),)
