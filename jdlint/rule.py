"""A rule as the catalog defines it, and the catalog itself: plain data that every layer may read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Severity
from .options import RuleOption

# What a rule's finding is about: words where they stand (a paragraph in another language is linted by that
# language's variant of the rule), or the posting as a whole (its title, statements, pay and reading figures,
# judged in the posting's language only).
PASSAGE, POSTING = "passage", "posting"
SCOPES = (PASSAGE, POSTING)


@dataclass(frozen=True)
class Expectation:
    """What a fail example must produce: the source text of each of the rule's findings (in order), and the
    example's text after `--fix --unsafe-fixes` with only this rule selected. None: not stated."""

    example: str
    match: tuple[str, ...] | None = None
    fix: str | None = None


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
    user_options: tuple[RuleOption, ...] = ()  # thresholds a config may change (`[rules.CODE]`)
    expectations: tuple[Expectation, ...] = ()  # for the fail examples written as tables
    checklist: str = ""  # the label of what the rule checks a posting has ("Pay range"); "": not a checklist item
    scope: str = PASSAGE  # PASSAGE or POSTING

    @property
    def fixable(self) -> bool:
        return self.fix != "none"

    def option(self, name: str) -> RuleOption:
        """The declared option; asking for one the catalog does not declare is a programming error."""
        for option in self.user_options:
            if option.name == name:
                return option
        raise KeyError(f"{self.code} declares no option '{name}'")


@dataclass(frozen=True)
class Catalog:
    """`rules`: one Rule per code, for listings and explanations (the default language's variant);
    `variants`: every Rule the linter may run, one per code and language (defaults to `rules`)."""

    rules: tuple[Rule, ...]
    variants: tuple[Rule, ...] = ()

    def __post_init__(self) -> None:
        if not self.variants:
            object.__setattr__(self, "variants", self.rules)

    def by_code(self, code: str) -> Rule | None:
        for rule in self.rules:
            if code.upper() == rule.code or code in rule.aliases or code == rule.name:
                return rule
        return None
