from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from hypothesis import HealthCheck, settings

from jdlint.catalog import load_catalog
from jdlint.config import Config
from jdlint.formats import format_for, parse
from jdlint.linter import Linter
from jdlint.source import Source, decode

# The fuzz tests (test_fuzz.py): few examples, the same ones every run, so CI is quick and reproducible;
# JDLINT_FUZZ_EXAMPLES=N runs N fresh examples per test instead (and keeps failures in .hypothesis/).
_FUZZ_EXAMPLES = os.environ.get("JDLINT_FUZZ_EXAMPLES")
settings.register_profile(
    "jdlint",
    max_examples=int(_FUZZ_EXAMPLES or 25),
    deadline=None,
    derandomize=not _FUZZ_EXAMPLES,
    database=None if not _FUZZ_EXAMPLES else settings.default.database,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
settings.load_profile("jdlint")

# Word tables built during the run are stored in a folder of the run's own, never in the user's cache folder; set
# here, before anything is linted, so the jdlint processes the tests start inherit it too.
_TABLE_CACHE = tempfile.mkdtemp(prefix="jdlint-test-tables-")
os.environ["JDLINT_CACHE_DIR"] = _TABLE_CACHE


def pytest_unconfigure(config):
    shutil.rmtree(_TABLE_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def linter(catalog):
    return Linter(Config(), catalog)


def lint(text: str, fmt: str = "text", config: Config | None = None, path: str | None = None):
    """Lint a string with the real pipeline; returns the FileResult."""
    linter = Linter(config or Config())
    name = path or {"text": "posting.txt", "markdown": "posting.md", "html": "posting.html"}[fmt]
    document = parse(Source(name, text, format=fmt))
    return next(linter.lint([document], want_metrics=True))


def lint_bytes(data: bytes, name: str = "posting.txt", config: Config | None = None):
    linter = Linter(config or Config())
    return next(linter.lint([parse(decode(data, name, format_for(name)))], want_metrics=True))


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, under Playwright) for the session's real-browser tests."""
    from playwright.sync_api import sync_playwright
    from real_browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def option_tables(value):
    """Every table (dict) in a rule's options, however deeply nested in tables and lists: term sets sit under
    terms, when, require, context, settings, ..."""
    if isinstance(value, dict):
        yield value
        for inner in value.values():
            yield from option_tables(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from option_tables(inner)
