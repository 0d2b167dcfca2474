"""python: a function in jdlint/checks/ for what needs real context."""

from __future__ import annotations

from ..protocols import resolve_check
from .base import Kind, only_known


class PythonKind(Kind):
    @classmethod
    def validate(cls, options):
        check = options.get("check")
        if not isinstance(check, str):
            raise ValueError("needs check = \"module:function\" naming a function in jdlint/checks/")
        resolve_check(check)  # raises ValueError when it does not exist
        settings = options.get("settings", {})
        if not isinstance(settings, dict):
            raise ValueError("settings must be a table")
        only_known(options, {"check", "settings"})
        return {"check": check, "settings": settings}

    @classmethod
    def needs(cls, rule, tagged):
        return set(resolve_check(rule.options["check"]).needs)

    @classmethod
    def find(cls, context, rule):
        return resolve_check(rule.options["check"])(context, rule)
