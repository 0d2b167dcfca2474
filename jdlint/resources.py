"""Where the shipped data lives: inside the wheel (jdlint/_data) or beside the package in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(name: str):
    """The `rules`, `data` or `reports` folder, as a Traversable."""
    packaged = resources.files("jdlint").joinpath("_data").joinpath(name)
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name
