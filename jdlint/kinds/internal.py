"""internal: findings the engine itself emits (an unused suppression); nothing is matched in text."""

from __future__ import annotations

from .base import Kind, only_known


class Internal(Kind):
    @classmethod
    def validate(cls, options):
        only_known(options, set())
        return options

    @classmethod
    def find(cls, context, rule):
        return ()
