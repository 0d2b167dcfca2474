"""Import spaCy without its command line: about half of `import spacy` is `spacy.cli`, which a linter never runs.

spaCy's `__init__` does `from .cli.info import info`, and `spacy.cli.info` imports `spacy.cli`, which imports every
CLI command with typer, weasel, httpx and requests behind them: 0.4-0.8 s of a 1 s import. `install()` puts two
stand-in modules under `spacy.cli` and `spacy.cli.info` in sys.modules before spaCy is first imported, so that
line costs nothing. The stand-ins stay faithful: `spacy.info` and `spacy.cli.info.info` are wrappers that call the
real function, and any other attribute of either (`spacy.cli.download`, `spacy.cli.app`, ...) swaps the real
modules in on first use and answers from them; `import spacy.cli.train` still finds the real submodule.

Importing this module calls `install()`, and jdlint's package `__init__` imports it first thing, so every spaCy
import in jdlint goes through it. It does nothing when spaCy is already imported (the host process chose) or is not
the version range this was tested with (pyproject.toml pins it; tests/test_spacy_import.py fails loudly when an
upgrade breaks the trick).
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import re
import sys
import types
from typing import Any

# The spaCy minor releases whose __init__ was read and tested for this (pyproject.toml pins the same range).
TESTED = ((3, 8),)
_NAMES = ("spacy.cli.info", "spacy.cli")
_VERSION = re.compile(r"""^__version__\s*=\s*["'](\d+)\.(\d+)""", re.M)


class _StandIn(types.ModuleType):
    """A module that becomes the real one on first use of anything but `info`."""

    def __getattr__(self, name: str) -> Any:
        if name == "info" and self.__name__ == "spacy.cli.info":
            # spaCy's __init__ asking (`from .cli.info import info`): the package is half-built in sys.modules
            # and gets its `spacy.cli` attribute here, as a real import of the submodule would have set it.
            spacy = sys.modules.get("spacy")
            if spacy is not None and not hasattr(spacy, "cli"):
                spacy.cli = sys.modules.get("spacy.cli")  # type: ignore[attr-defined]
            return _info
        if name.startswith("__"):  # the import system probing (__path__ of a plain module, ...): not a use
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)


def _info(*args: Any, **kwargs: Any) -> Any:
    return _real("spacy.cli.info").info(*args, **kwargs)


def _real(name: str) -> types.ModuleType:
    """Drop the stand-ins and import the real `name` (and `spacy.cli` behind it); `spacy.cli` points at it."""
    for stand_in in _NAMES:
        if isinstance(sys.modules.get(stand_in), _StandIn):
            del sys.modules[stand_in]
    module = importlib.import_module(name)
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = sys.modules["spacy.cli"]  # type: ignore[attr-defined]
    return module


def _tested_version(locations: list[str]) -> bool:
    # spacy/about.py, read rather than imported (importing it would import spaCy's __init__ first)
    for location in locations:
        try:
            with open(f"{location}/about.py", encoding="utf-8") as handle:
                found = _VERSION.search(handle.read())
        except OSError:
            continue
        return found is not None and (int(found[1]), int(found[2])) in TESTED
    return False


def install() -> bool:
    """Put the stand-ins in place if spaCy is not imported yet; True when they are in place."""
    if any(isinstance(sys.modules.get(name), _StandIn) for name in _NAMES):
        return True
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return False
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations or not _tested_version(spec.submodule_search_locations):
        return False
    cli_dirs = [f"{location}/cli" for location in spec.submodule_search_locations]
    cli = _StandIn("spacy.cli", "spaCy's command line, imported on first use (see jdlint.spacy_import).")
    cli.__path__ = cli_dirs
    cli.__spec__ = importlib.machinery.ModuleSpec("spacy.cli", None, is_package=True)
    cli.__spec__.submodule_search_locations = cli_dirs
    info = _StandIn("spacy.cli.info", "spacy.cli.info, imported on first use (see jdlint.spacy_import).")
    info.__spec__ = importlib.machinery.ModuleSpec("spacy.cli.info", None)
    cli.info = _info  # type: ignore[attr-defined]  # as in spaCy: the function hides the submodule
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info
    return True


def cli_is_stand_in() -> bool:
    """Whether `spacy.cli` is still the stand-in (for tests and benchmarks)."""
    return isinstance(sys.modules.get("spacy.cli"), _StandIn)


install()
