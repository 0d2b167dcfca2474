"""Python-coded checks, one module per concern. Each is a function (context, rule) -> Matches,
registered with @check (from jdlint.protocols) and named in the catalog as "module:function".

`needs` names the NLP features the check uses ("sentences", "lemmas", "pos"), so the engine runs
only the spaCy components the selected rules need.
"""

from __future__ import annotations

from ..protocols import check, resolve_check

__all__ = ["check", "resolve_check"]
