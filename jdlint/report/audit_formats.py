"""The audit's output formats: the figures of jdlint.audit as a JSON document or an HTML page.

Not a reporter (those render lint results); `jdlint audit --format` and the Spark engine's audit.json and
audit.html both come from AUDIT_FORMATS.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from ..version import __version__
from .audit_page import render as render_page


@dataclass(frozen=True)
class AuditFormat:
    name: str
    render: Callable[[dict], str]  # the audit figures in, the document out
    default_output: str | None = None  # a page is written here when no -o is given


def render_json(figures: dict) -> str:
    return (
        json.dumps({"tool": {"name": "jdlint", "version": __version__}, "audit": figures}, indent=2, ensure_ascii=False)
        + "\n"
    )


AUDIT_FORMATS: dict[str, AuditFormat] = {
    audit_format.name: audit_format
    for audit_format in (
        AuditFormat("json", render_json),
        AuditFormat("html", render_page, default_output="jdlint-audit.html"),
    )
}
