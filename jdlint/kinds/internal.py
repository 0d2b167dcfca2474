"""internal: findings the engine itself emits (an unused suppression); nothing is matched in text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..model import Match
from ..rule import Rule
from .base import BaseKind, only_known


class Internal(BaseKind):
    def validate(self, options: dict[str, Any]) -> dict[str, Any]:
        only_known(options, set())
        return options

    def find(self, context: Context, rule: Rule) -> Iterator[Match]:
        return iter(())
