"""JSON Lines: one line per posting, each the `files` entry of the JSON format (for large record batches)."""

from __future__ import annotations

import json

from .json_report import file_dict


def render(results, **_options) -> str:
    return "".join(json.dumps(file_dict(r), ensure_ascii=False) + "\n" for r in results)
