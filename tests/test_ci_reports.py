"""GitLab Code Quality and JUnit XML: checked against a schema and read back by a real JUnit consumer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from jdlint import report
from jdlint.cli import main
from jdlint.model import FileResult, Finding, InputError, Severity, Span
from jdlint.printable import writable
from jdlint.report import gitlab_report, junit_report

SCHEMAS = Path(__file__).parent / "fixtures" / "schemas"
DIRTY = "We are hiring a salesman for our Denver office.\nAnother salesman joins later.\n"
CLEAN = (Path(__file__).parent / "fixtures" / "reports" / "posting.txt").read_text(encoding="utf-8")


def check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--date", "2026-11-26", *args])
    return result.exit_code, result.stdout


@pytest.fixture()
def postings(tmp_path, monkeypatch):
    """A folder with a posting with findings, one in a subfolder, and a file that cannot be read."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "jobs").mkdir()
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "jobs" / "b.md").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"x\0\0\0y")
    return tmp_path


def validate_gitlab(issues: list) -> None:
    import jsonschema

    schema = json.loads((SCHEMAS / "gitlab-codequality.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(issues, schema, cls=jsonschema.Draft202012Validator)


def junit_schema():
    import xmlschema

    return xmlschema.XMLSchema10(SCHEMAS / "junit-10.xsd")


# GitLab Code Quality


def test_gitlab_report_validates_and_places_each_finding(postings):
    code, out = check("--exit-zero", "--format", "gitlab", "./a.txt", "jobs/b.md", "binary.txt")
    assert code == 2  # an unreadable input still fails the run
    issues = json.loads(out)
    validate_gitlab(issues)
    assert {i["location"]["path"] for i in issues} == {"a.txt", "jobs/b.md", "binary.txt"}  # relative, no ./
    salesman = [i for i in issues if i["check_name"] == "JD201" and i["location"]["path"] == "a.txt"]
    assert [i["location"]["lines"] for i in salesman] == [{"begin": 1, "end": 1}, {"begin": 2, "end": 2}]
    assert all(i["severity"] == "minor" and "Suggestion: salesperson" in i["description"] for i in salesman)
    error = next(i for i in issues if i["location"]["path"] == "binary.txt")
    assert error["check_name"] == "jdlint/input-error" and error["severity"] == "blocker"
    assert "binary" in error["description"]
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == len(prints)  # unique across files, though a.txt and b.md have the same findings


def test_gitlab_severities_map_to_gitlab_levels():
    assert gitlab_report.SEVERITIES == {"error": "major", "warning": "minor", "info": "info"}
    code, out = check("--exit-zero", "--format", "gitlab", "tests/fixtures/reports/posting.txt")
    issues = json.loads(out)
    validate_gitlab(issues)
    levels = {i["check_name"]: i["severity"] for i in issues}
    assert (levels["JD501"], levels["JD201"], levels["JD603"]) == ("major", "minor", "info")
    whole = next(i for i in issues if i["check_name"] == "JD520")  # no span: on the first line
    assert whole["location"]["lines"] == {"begin": 1, "end": 1}


def test_gitlab_fingerprints_are_stable_across_runs_and_line_moves(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")

    def prints() -> list[str]:
        issues = json.loads(check("--exit-zero", "--select", "JD201", "--format", "gitlab", "a.txt")[1])
        return [i["fingerprint"] for i in issues]

    before = prints()
    assert len(before) == 2 and prints() == before
    (tmp_path / "a.txt").write_text("Intro.\n\n" + DIRTY, encoding="utf-8")
    assert prints() == before  # two lines down, same issues for GitLab


def test_gitlab_clean_run_is_an_empty_array(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text("Hello.\n", encoding="utf-8")
    code, out = check("--select", "JD201", "--format", "gitlab", "clean.txt")
    assert (code, out) == (0, "[]\n")
    validate_gitlab(json.loads(out))


def test_gitlab_output_file_and_fail_on(postings):
    code, out = check("--format", "gitlab", "--fail-on", "error", "--select", "JD201", "-o", "gl.json", "a.txt")
    assert (code, out) == (0, "")  # warnings only: below --fail-on error
    validate_gitlab(json.loads((postings / "gl.json").read_text(encoding="utf-8")))
    code, _ = check("--format", "gitlab", "--fail-on", "warning", "--select", "JD201", "-o", "gl.json", "a.txt")
    assert code == 1


# JUnit XML


def test_junit_validates_against_the_jenkins_schema_and_reads_back(postings):
    from junitparser import Error, Failure, JUnitXml

    (postings / "clean.txt").write_text("Hello.\n", encoding="utf-8")
    code, out = check("--exit-zero", "--select", "JD201", "--format", "junit", "-o", "r.xml", "a.txt", "jobs/b.md")
    assert (code, out) == (0, "")
    code, _ = check("--exit-zero", "--select", "JD201", "--format", "junit", "-o", "all.xml", "a.txt", "clean.txt",
                    "binary.txt")  # fmt: skip
    assert code == 2
    for name in ("r.xml", "all.xml"):
        junit_schema().validate(str(postings / name))
    xml = JUnitXml.fromfile(str(postings / "all.xml"))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {"a.txt", "clean.txt", "binary.txt"}
    a, clean, broken = suites["a.txt"], suites["clean.txt"], suites["binary.txt"]
    assert (a.tests, a.failures, a.errors) == (2, 2, 0)
    cases = list(a)
    assert [c.name for c in cases] == ["JD201 line 1:17", "JD201 line 2:9"]
    assert {c.classname for c in cases} == {"a"}
    failure = cases[0].result[0]
    assert isinstance(failure, Failure) and failure.type == "warning"
    assert failure.message == "'salesman' names one gender; use 'salesperson'."
    assert "a.txt:1:17: JD201" in failure.text and "Suggestion: salesperson" in failure.text
    assert (clean.tests, clean.failures) == (1, 0) and list(clean)[0].is_passed  # counted, and passing
    assert (broken.tests, broken.errors) == (1, 1)
    error = list(broken)[0].result[0]
    assert isinstance(error, Error) and error.type == "input-error" and "binary" in error.message
    assert (xml.tests, xml.failures, xml.errors) == (4, 2, 1)


def test_junit_names_repeated_cases_apart():
    from junitparser import JUnitXml

    findings = [
        Finding("JD501", "missing-pay-range", "missing", Severity.ERROR, f"law {n}", None, None) for n in (1, 2)
    ]
    result = FileResult(path="a.txt", format="text", encoding="utf-8", findings=findings, text="x")
    cases = list(list(JUnitXml.fromstring(junit_report.render([result]).encode("utf-8")))[0])
    assert [c.name for c in cases] == ["JD501 whole posting", "JD501 whole posting #2"]


def test_junit_classname_from_path():
    assert junit_report.classname("jobs/eng/posting.md") == "jobs.eng.posting"
    assert junit_report.classname("./a.txt") == "a"
    assert junit_report.classname("jobs/senior.engineer.md") == "jobs.senior_engineer"
    assert junit_report.classname("<stdin>") == "<stdin>"


HOSTILE = "a ]]> b <script>alert(\"x\")</script> & 'q' \x01\x1b\x0c end\ufffe"


def test_junit_escapes_untrusted_text():
    """Message, matched text, suggestion and file name may hold anything a posting holds."""
    from junitparser import JUnitXml

    text = "We need a salesman.\n"
    finding = Finding(
        code="JD201",
        name="gendered-job-title",
        category="gendered",
        severity=Severity.WARNING,
        message=HOSTILE,
        span=Span(10, 18),
        text=HOSTILE,
        suggestions=(HOSTILE,),
    )
    result = FileResult(path=f"odd{HOSTILE}.txt", format="text", encoding="utf-8", findings=[finding], text=text)
    error = InputError(path="bad\x02.txt", message=f"bad\x02.txt: {HOSTILE}")
    out = junit_report.render([result], errors=[error])
    assert "\x01" not in out and "\x1b" not in out and "\x02" not in out and "<script>" not in out
    assert "]]>" not in out  # written as ]]&gt; in text
    junit_schema().validate(out)
    xml = JUnitXml.fromstring(out.encode("utf-8"))
    suites = list(xml)
    failure = list(suites[0])[0].result[0]
    seen = "a ]]> b <script>alert(\"x\")</script> & 'q' <U+0001><U+001B><U+000C> end<U+FFFE>"
    assert failure.message == seen
    assert failure.text.count(seen) == 4  # file name, message, matched text, suggestion
    assert suites[1].name == "bad<U+0002>.txt" and list(suites[1])[0].result[0].message == seen


def test_junit_empty_run_is_valid():
    out = junit_report.render([], errors=[])
    junit_schema().validate(out)
    assert 'tests="0"' in out


@settings(max_examples=60, deadline=None)
@given(message=st.text(min_size=1), name=st.text(min_size=1).filter(lambda n: "\x00" not in n))
def test_junit_holds_any_text(message, name):
    """Whatever a posting or a file name holds, the file parses, validates, and says it visibly."""
    from junitparser import JUnitXml

    finding = Finding("JD201", "gendered-job-title", "gendered", Severity.WARNING, message, None, message)
    result = FileResult(path=name, format="text", encoding="utf-8", findings=[finding], text="x")
    out = junit_report.render(report.printable([result]))
    junit_schema().validate(out)
    failure = list(list(JUnitXml.fromstring(out.encode("utf-8")))[0])[0].result[0]
    expected = junit_report.xml_text(writable(message))
    assert failure.message == expected  # attributes keep even CR and tab (as character references)
    assert expected.replace("\r\n", "\n").replace("\r", "\n") in failure.text  # XML reads a CR in text as LF
