"""python: a function in jdlint/checks/ for what needs real context."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..model import Match
from ..protocols import resolve_check
from ..rule import Rule
from .base import BaseKind, only_known


class PythonKind(BaseKind):
    def validate(self, options: dict[str, Any]) -> dict[str, Any]:
        check = options.get("check")
        if not isinstance(check, str):
            raise ValueError('needs check = "module:function" naming a function in jdlint/checks/')
        resolve_check(check)  # raises ValueError when it does not exist
        settings = options.get("settings", {})
        if not isinstance(settings, dict):
            raise ValueError("settings must be a table")
        only_known(options, {"check", "settings"})
        return {"check": check, "settings": settings}

    def needs(self, rule: Rule, tagged: bool) -> set[str]:
        return set(resolve_check(rule.options["check"]).needs)

    def find(self, context: Context, rule: Rule) -> Iterator[Match]:
        yield from resolve_check(rule.options["check"])(context, rule)
