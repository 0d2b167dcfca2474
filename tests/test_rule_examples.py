"""Every rule's catalog examples, run end to end: fail examples must fire it, pass examples must not."""

from __future__ import annotations

import pytest

from jdlint.catalog import load_catalog
from jdlint.config import Config

from conftest import codes, lint, lint_bytes

RULES = load_catalog().rules


def _cases(which: str):
    for rule in RULES:
        examples = rule.examples_fail if which == "fail" else rule.examples_pass
        for index, example in enumerate(examples):
            yield pytest.param(rule, example, id=f"{rule.code}-{which}-{index}")


def _lint_example(rule, example: str, failing: bool):
    config = Config()
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
