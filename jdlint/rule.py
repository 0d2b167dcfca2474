"""A rule as the catalog defines it, and the catalog itself: plain data that every layer may read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Severity


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    kind: str
    severity: Severity
    message: str
    why: str
    source: str
    fix: str
    examples_fail: tuple[str, ...]
    examples_pass: tuple[str, ...]
    examples_format: str = "text"
    examples_fail_encoding: str = "utf-8"  # fail examples are stored in this encoding (for encoding rules)
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    exceptions: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    family: str = ""
    catalog: str = ""
    language: str | None = None  # the language whose data this rule carries; None: language-neutral

    @property
    def fixable(self) -> bool:
        return self.fix != "none"


@dataclass(frozen=True)
class Catalog:
    rules: tuple[Rule, ...]

    def by_code(self, code: str) -> Rule | None:
        for rule in self.rules:
            if code.upper() == rule.code or code in rule.aliases or code == rule.name:
                return rule
        return None
