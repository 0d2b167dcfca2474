"""Every rule's catalog examples, run end to end: fail examples must fire it, pass examples must not, and a fail
example written as a table must report exactly the spans it names (`match`) and fix to the text it gives (`fix`)."""

from __future__ import annotations

import pytest
from conftest import codes, lint, lint_bytes

from jdlint.catalog import load_catalog
from jdlint.config import Config
from jdlint.fix import fix_source
from jdlint.formats import parse
from jdlint.language import DEFAULT_LANGUAGE
from jdlint.linter import Linter
from jdlint.rule import Expectation, Rule
from jdlint.source import Source, decode

RULES = load_catalog().variants  # every language's examples


def _cases(which: str):
    for rule in RULES:
        examples = rule.examples_fail if which == "fail" else rule.examples_pass
        for index, example in enumerate(examples):
            yield pytest.param(rule, example, id=f"{rule.code}{_suffix(rule)}-{which}-{index}")


def _suffix(rule: Rule) -> str:
    return f"-{rule.language}" if rule.language and rule.language != DEFAULT_LANGUAGE else ""


def _config(rule: Rule, **options) -> Config:
    """Examples are written in the rule's language: lint them in it."""
    return Config(language=rule.language or DEFAULT_LANGUAGE, **options)


def _lint_example(rule, example: str, failing: bool):
    config = _config(rule)
    if failing and rule.examples_fail_encoding != "utf-8":
        return lint_bytes(example.encode(rule.examples_fail_encoding), "example.txt", config)
    return lint(example, rule.examples_format, config)


@pytest.mark.parametrize("rule, example", list(_cases("fail")))
def test_fail_example_fires(rule, example):
    result = _lint_example(rule, example, failing=True)
    assert rule.code in codes(result), f"{rule.code} did not fire on {example!r}"
    for finding in result.findings:
        if finding.span is not None:
            assert result.text[finding.span.start : finding.span.end] == finding.text


@pytest.mark.parametrize("rule, example", list(_cases("pass")))
def test_pass_example_is_clean(rule, example):
    result = _lint_example(rule, example, failing=False)
    hits = [f for f in result.findings if f.code == rule.code]
    assert not hits, f"{rule.code} fired on pass example {example!r}: {[h.text for h in hits]}"


def _expectations():
    for rule in RULES:
        for index, expectation in enumerate(rule.expectations):
            yield pytest.param(rule, expectation, id=f"{rule.code}{_suffix(rule)}-expected-{index}")


def _source(rule: Rule, example: str) -> Source:
    if rule.examples_fail_encoding != "utf-8":
        return decode(example.encode(rule.examples_fail_encoding), "example.txt", "text")
    name = {"text": "example.txt", "markdown": "example.md", "html": "example.html"}[rule.examples_format]
    return Source(name, example, format=rule.examples_format)


@pytest.mark.parametrize("rule, expectation", list(_expectations()))
def test_fail_example_reports_and_fixes_what_it_states(rule: Rule, expectation: Expectation):
    source = _source(rule, expectation.example)
    if expectation.match is not None:
        result = next(Linter(_config(rule)).lint([parse(source)]))
        assert tuple(f.text for f in result.findings if f.code == rule.code) == expectation.match
    if expectation.fix is not None:
        # what `jdlint check --select CODE --fix --unsafe-fixes` writes
        fixed, applied, _ = fix_source(source, Linter(_config(rule, select=(rule.code,))), unsafe=True)
        assert applied and {f.code for f in applied} == {rule.code}
        assert fixed.text == expectation.fix


def test_fixable_and_span_rules_state_their_expectations():
    """Every rule with a fix shows one fixed example; every rule that reports a span names one."""
    for rule in RULES:
        if rule.fixable:
            assert any(e.fix is not None for e in rule.expectations), f"{rule.code} has no example with fix"
        reports_spans = any(
            f.span is not None for f in _lint_example(rule, rule.examples_fail[0], True).findings if f.code == rule.code
        )
        if reports_spans:
            assert any(e.match is not None for e in rule.expectations), f"{rule.code} has no example with match"
        else:
            assert not any(e.match is not None for e in rule.expectations), rule.code
