"""YAML (---) or TOML (+++) front matter at the top of a Markdown posting: the document's metadata.

Scalar string fields are linted too: each becomes a `metadata` block mapped to where its value sits in the file.
"""

from __future__ import annotations

import re

from ..document import Builder
from .errors import FormatError

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)(?:\r?\n)?^\1[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def read_front_matter(text: str, builder: Builder) -> tuple[dict, int]:
    """(metadata, offset where the body starts); ({}, 0) without front matter. Raises FormatError."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    raw = match.group(2)
    is_toml = match.group(1) == "+++"
    try:
        data = _load(raw, is_toml)
    except Exception as exc:  # noqa: BLE001 - any parser error is the user's front matter
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise FormatError(f"front matter is not valid {'TOML' if is_toml else 'YAML'}: {first}") from None
    if not isinstance(data, dict):
        data = {}
    _add_string_fields(data, raw, match.start(2), builder)
    return data, match.end()


def _load(raw: str, is_toml: bool) -> object:
    # Both parsers load lazily: most postings have no front matter.
    if is_toml:
        import tomllib

        return tomllib.loads(raw)
    import yaml

    return yaml.safe_load(raw)


def _add_string_fields(data: dict, raw: str, body_start: int, builder: Builder) -> None:
    for key, value in data.items():
        if not isinstance(value, str) or not value.strip():
            continue
        line = re.search(rf"^[ \t]*{re.escape(str(key))}[ \t]*[:=][ \t]*(['\"]?)(.*?)\1[ \t]*$", raw, re.M)
        if line and line.group(2) == value:
            builder.open("metadata")
            builder.text(value, body_start + line.start(2))
            builder.close()
