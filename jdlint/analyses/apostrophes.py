"""The apostrophe a posting writes: fixes and suggestions use the document's own style."""

from __future__ import annotations

from ..document import Document


def apostrophe_for(document: Document) -> str:
    """The document's own apostrophe: typographic if it uses more of those than straight ones."""
    text = document.text
    curly = text.count("’") + text.count("â€™")  # a mojibake apostrophe was a curly one before the damage
    return "’" if curly > text.count("'") else "'"
