"""Python-coded checks. Each is a function (context, rule) -> Matches, registered with @check.

`needs` names the NLP features the check uses ("sentences", "lemmas", "pos"), so the engine runs
only the spaCy components the selected rules need.
"""

from __future__ import annotations

import importlib

_REGISTRY: dict[str, object] = {}


def check(*, needs: tuple[str, ...] = ()):
    def register(func):
        func.needs = tuple(needs)
        _REGISTRY[f"{func.__module__.rsplit('.', 1)[-1]}:{func.__name__}"] = func
        return func

    return register


def resolve(name: str):
    if name not in _REGISTRY:
        module = name.split(":", 1)[0]
        try:
            importlib.import_module(f"{__name__}.{module}")
        except ModuleNotFoundError:
            raise ValueError(f"no check module jdlint/checks/{module}.py") from None
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ValueError(f"no check '{name}' in jdlint/checks/") from None
