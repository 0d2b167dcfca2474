"""JUnit XML, for the test views of Jenkins, Azure Pipelines, GitLab and other CI: a posting is a test suite and
each finding a failed test case, so a clean posting shows as one passing test."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from ..model import FileResult, Finding, InputError
from ..printable import shown
from ..source import LineIndex
from . import printable
from .gitlab_report import report_path

NAME: str = "junit"
ORDER: int = 56
WANTS_METRICS: bool = False
DEFAULT_OUTPUT: str | None = None

PASSED = "jdlint"  # the one test case of a posting without findings
INPUT_ERROR_TYPE = "input-error"
# what XML 1.0 cannot hold at all, even as a character reference: C0 controls but tab, LF and CR, and the two
# noncharacters U+FFFE, U+FFFF (lone surrogates are gone already, report.printable)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Posting text a JUnit file can carry: each character XML 1.0 forbids written as `<U+001B>` so it is seen,
    not dropped; ElementTree escapes the rest (`<`, `&`, `>` and so `]]>`, quotes in attributes)."""
    return _NOT_XML.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def classname(path: str) -> str:
    """The dotted name CI views group by: the path without its suffix (as ESLint's JUnit output has it), folders
    as packages; a dot inside a name becomes `_` so it does not make a package of its own."""
    pure = PurePath(path.replace("\\", "/"))
    parts = pure.with_suffix("").parts if pure.name else pure.parts  # "/" and "" have no name to cut
    return ".".join(part.replace(".", "_") for part in parts if part not in ("/", ".", "..")) or path


def _where(index: LineIndex, finding: Finding) -> tuple[int, int] | None:
    return None if finding.span is None else index.position(finding.span.start)


def _case_name(finding: Finding, where: tuple[int, int] | None) -> str:
    """The code and where the finding starts."""
    return f"{finding.code} line {where[0]}:{where[1]}" if where else f"{finding.code} whole posting"


def _details(path: str, finding: Finding, where: tuple[int, int] | None) -> str:
    place = f"{path}:{where[0]}:{where[1]}" if where else f"{path} (whole posting)"
    lines = [f"{place}: {finding.code} {finding.name} [{finding.severity.value}]", finding.message]
    if finding.text:
        lines.append(f"Matched: {finding.text}")
    if finding.suggestions:
        lines.append("Suggestion: " + " | ".join(finding.suggestions))
    if finding.source:
        lines.append(f"Source: {finding.source}")
    return "\n".join(lines)


def _suite(parent: ET.Element, name: str, tests: int, failures: int, errors: int) -> ET.Element:
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(errors), "skipped": "0"}
    return ET.SubElement(parent, "testsuite", {"name": xml_text(name), **counts})


def render(results: list[FileResult], *, errors: list[InputError] | None = None, **_options: Any) -> str:
    results = printable(results)  # names and text every output can write
    errors = list(errors or [])
    root = ET.Element("testsuites", {"name": "jdlint"})
    tests = failures = 0
    for result in results:
        path = report_path(result.path)
        index = LineIndex(result.text)
        found = len(result.findings)
        suite = _suite(root, path, max(found, 1), found, 0)
        tests, failures = tests + max(found, 1), failures + found
        if not found:
            ET.SubElement(suite, "testcase", {"classname": xml_text(classname(path)), "name": PASSED})
        names: Counter[str] = Counter()
        for finding in result.findings:
            where = _where(index, finding)
            name = _case_name(finding, where)
            names[name] += 1
            if names[name] > 1:  # CI views merge test cases of one name: number the repeats
                name += f" #{names[name]}"
            case = ET.SubElement(suite, "testcase", {"classname": xml_text(classname(path)), "name": xml_text(name)})
            failure = ET.SubElement(
                case, "failure", {"message": xml_text(finding.message), "type": finding.severity.value}
            )
            failure.text = xml_text(_details(path, finding, where))
    for error in errors:
        path = report_path(error.path)
        suite = _suite(root, path, 1, 0, 1)
        case = ET.SubElement(suite, "testcase", {"classname": xml_text(classname(path)), "name": "input"})
        problem = ET.SubElement(case, "error", {"message": xml_text(shown(error.reason)), "type": INPUT_ERROR_TYPE})
        problem.text = xml_text(shown(error.message))
    root.attrib.update(tests=str(tests + len(errors)), failures=str(failures), errors=str(len(errors)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


if TYPE_CHECKING:  # mypy checks this module against the protocol
    from ..protocols import Reporter
    from . import junit_report  # noqa: PLW0406 - the module itself, for mypy

    _reporter: Reporter = junit_report
