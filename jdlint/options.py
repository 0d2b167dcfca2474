"""A rule's user options: declared once in its catalog entry, checked the same way wherever a value comes from.

A catalog entry declares each option as `options.NAME = { type = ..., default = ..., doc = ..., min = ...,
max = ..., alias = ... }`; the catalog loader builds a RuleOption from it, and the config checks every value a
user gives (per-rule table or alias key) with `RuleOption.check`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

OPTION_TYPES = ("int", "float", "string", "bool")  # or a list of strings: one of these choices
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_ALIAS = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?$")  # a top-level config key, or table.key
_KEYS = {"type", "default", "doc", "min", "max", "alias"}


@dataclass(frozen=True)
class RuleOption:
    name: str
    type: str | tuple[str, ...]  # one of OPTION_TYPES, or the allowed strings of a choice
    default: Any
    doc: str
    minimum: int | float | None = None
    maximum: int | float | None = None
    alias: str | None = None  # an older config key that sets this option ("must-have-limit", "readability.grade")

    @property
    def bounds(self) -> str:
        """ ">= 1", "1..20", "<= 5" or "" (no bounds)."""
        if self.minimum is not None and self.maximum is not None:
            return f"{self.minimum}..{self.maximum}"
        if self.minimum is not None:
            return f">= {self.minimum}"
        if self.maximum is not None:
            return f"<= {self.maximum}"
        return ""

    @property
    def type_name(self) -> str:
        """The type as `jdlint rule` and the README show it: `int >= 1`, `"a" | "b"`."""
        if isinstance(self.type, tuple):
            return " | ".join(f'"{choice}"' for choice in self.type)
        return f"{self.type} {self.bounds}".strip()

    def check(self, value: Any) -> Any:
        """The value if it fits this option; else ValueError saying what it must be (a phrase to put after the key)."""
        if isinstance(self.type, tuple):
            if value not in self.type:
                raise ValueError(f"must be one of {', '.join(self.type)} (got {value!r})")
            return value
        out_of_bounds = _has_type(value, self.type) and (
            self.minimum is not None and value < self.minimum or self.maximum is not None and value > self.maximum
        )
        if not _has_type(value, self.type) or out_of_bounds:
            wanted = f"{_ARTICLE[self.type]} {self.bounds}".strip()
            raise ValueError(f"must be {wanted} (got {value!r})")
        return value


_ARTICLE = {"int": "an integer", "float": "a number", "string": "a string", "bool": "true or false"}


def _has_type(value: Any, type_: str) -> bool:
    if type_ == "bool":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False  # True is an int to Python, never a number to a user
    if type_ == "int":
        return isinstance(value, int)
    if type_ == "float":
        return isinstance(value, (int, float))  # kept as given: a default of 10 still reads "10"
    return isinstance(value, str)


def option_from_table(name: str, table: Any) -> RuleOption:
    """A RuleOption from its catalog declaration; raises ValueError naming the problem."""
    if not _NAME.match(name):
        raise ValueError(f"option name {name!r} must be lower-case words joined by hyphens")
    if not isinstance(table, dict):
        raise ValueError(f"option '{name}' must be a table with type, default and doc")
    unknown = set(table) - _KEYS
    if unknown:
        raise ValueError(f"option '{name}' has unknown key(s): {', '.join(sorted(unknown))}")
    for key in ("type", "default", "doc"):
        if key not in table:
            raise ValueError(f"option '{name}' needs '{key}'")
    type_ = _declared_type(name, table["type"])
    if not isinstance(table["doc"], str) or not table["doc"].strip():
        raise ValueError(f"option '{name}' needs a non-empty doc")
    bounds = _declared_bounds(name, table, type_)
    alias = table.get("alias")
    if alias is not None and (not isinstance(alias, str) or not _ALIAS.match(alias)):
        raise ValueError(f'option \'{name}\': alias must be a config key such as "must-have-limit" or "table.key"')
    option = RuleOption(
        name, type_, table["default"], " ".join(table["doc"].split()), bounds["min"], bounds["max"], alias
    )
    try:
        option.check(option.default)
    except ValueError as exc:
        raise ValueError(f"option '{name}': default {exc}") from None
    return option


def _declared_type(name: str, declared: Any) -> str | tuple[str, ...]:
    """One of OPTION_TYPES, or the choices of a choice type (a list of distinct strings)."""
    if isinstance(declared, list):
        if not declared or not all(isinstance(c, str) for c in declared) or len(set(declared)) != len(declared):
            raise ValueError(f"option '{name}': a choice type is a list of distinct strings")
        return tuple(declared)
    if declared in OPTION_TYPES:
        return str(declared)
    raise ValueError(f"option '{name}': type must be one of {', '.join(OPTION_TYPES)} or a list of choices")


def _declared_bounds(name: str, table: dict[str, Any], type_: str | tuple[str, ...]) -> dict[str, Any]:
    """{"min": ..., "max": ...} (None where not given); bounds only fit int and float options."""
    bounds = {key: table.get(key) for key in ("min", "max")}
    for key, bound in bounds.items():
        if bound is not None and (type_ not in ("int", "float") or not _has_type(bound, type_)):
            raise ValueError(f"option '{name}': {key} applies to int and float options and must be of that type")
    if bounds["min"] is not None and bounds["max"] is not None and bounds["min"] > bounds["max"]:
        raise ValueError(f"option '{name}': min is above max")
    return bounds
