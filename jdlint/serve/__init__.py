"""`jdlint serve`: a local web application where a recruiter pastes a posting and sees the findings beside it.

app.py is the ASGI application (Starlette): the page, the JSON API and their limits; checking.py turns one
API request into a linted posting with the one warm Linter the process keeps. Starlette and uvicorn are
imported only here and by the `serve` command, so linting never pays for them.
"""

from __future__ import annotations

from .app import ServeSettings, create_app

__all__ = ["ServeSettings", "create_app"]
