"""JSON Lines: one line per posting, each the `files` entry of the JSON format (for large record batches)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..model import FileResult
from . import printable
from .json_report import file_dict

NAME: str = "jsonl"
ORDER: int = 30
WANTS_METRICS: bool = True
DEFAULT_OUTPUT: str | None = None


def render(results: list[FileResult], **_options: Any) -> str:
    results = printable(results)  # names and text every output can write
    return "".join(json.dumps(file_dict(r), ensure_ascii=False) + "\n" for r in results)


if TYPE_CHECKING:  # mypy checks this module against the protocol
    from ..protocols import Reporter
    from . import jsonl_report  # noqa: PLW0406 - the module itself, for mypy

    _reporter: Reporter = jsonl_report
