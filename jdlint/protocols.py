"""The typed extension points: what a rule kind, a Python check and a reporter look like.

Kinds live in jdlint/kinds/, checks in jdlint/checks/, reporters in jdlint/report/; each is
annotated with the protocol it implements here, and mypy checks them against it. Checks are found
by name ("module:function", as the catalog writes them) through the registry below, so a kind never
imports a check module: the module is loaded on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from .context import Context
from .model import FileResult, Match
from .rule import Rule

# What a rule can ask of the NLP pipeline; tokens are always there.
FEATURES = frozenset({"sentences", "lemmas", "pos", "entities"})


class Check(Protocol):
    """A Python-coded check: the document (in its Context) and its Rule in, Matches out."""

    needs: tuple[str, ...]  # NLP features the check uses, set by @check(needs=...)

    def __call__(self, context: Context, rule: Rule) -> Iterable[Match]: ...


class Kind(Protocol):
    """A rule kind: validates a catalog entry's options at load time and finds its Matches."""

    @property
    def term_options(self) -> tuple[str, ...]: ...  # options holding a term set (read for NLP needs)

    @property
    def required_options(
        self,
    ) -> tuple[str, ...]: ...  # user options (`options.NAME`) every rule of the kind must declare

    def validate(self, options: dict[str, Any]) -> dict[str, Any]: ...

    def needs(self, rule: Rule, tagged: bool) -> set[str]: ...

    def find(self, context: Context, rule: Rule) -> Iterable[Match]: ...


class Reporter(Protocol):
    """An output format: a module jdlint/report/<name>_report.py with these attributes (see report/__init__.py)."""

    NAME: str  # what `--format` takes
    ORDER: int  # place in the list of formats (`--help`); ties go by NAME
    WANTS_METRICS: bool  # the linter computes metrics (readability, gender coding) only for formats that show them
    DEFAULT_OUTPUT: str | None  # a file format (a page) is written here when no -o is given, and says so on stderr

    def render(self, results: list[FileResult], **options: Any) -> str: ...


CHECKS_PACKAGE = "jdlint.checks"
_CHECKS: dict[str, Check] = {}


def check(*, needs: tuple[str, ...] = ()) -> Callable[[Callable[[Context, Rule], Iterable[Match]]], Check]:
    """Register a check under "module:function", naming the NLP features it needs."""
    unknown = set(needs) - FEATURES
    if unknown:
        raise ValueError(f"unknown NLP feature(s): {', '.join(sorted(unknown))}")

    def register(func: Callable[[Context, Rule], Iterable[Match]]) -> Check:
        func.needs = tuple(needs)  # type: ignore[attr-defined]
        _CHECKS[f"{func.__module__.rsplit('.', 1)[-1]}:{func.__name__}"] = func  # type: ignore[assignment]
        return func  # type: ignore[return-value]

    return register


def resolve_check(name: str) -> Check:
    """The check named "module:function"; its module in jdlint/checks/ is imported on first use."""
    if name not in _CHECKS:
        module = name.split(":", 1)[0]
        try:
            importlib.import_module(f"{CHECKS_PACKAGE}.{module}")
        except ModuleNotFoundError:
            raise ValueError(f"no check module jdlint/checks/{module}.py") from None
    try:
        return _CHECKS[name]
    except KeyError:
        raise ValueError(f"no check '{name}' in jdlint/checks/") from None
