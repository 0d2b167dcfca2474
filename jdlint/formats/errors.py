"""The one error an input format raises: a document that cannot be read as its format."""

from __future__ import annotations


class FormatError(Exception):
    """E.g. front matter that is not valid YAML; the message is one line for the user."""


MarkupError = FormatError  # the name callers have always caught
