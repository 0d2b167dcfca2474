"""The ASGI application of `jdlint serve` (Starlette): the page, the JSON API, and the limits on both.

Requests never reach the file system: the posting comes in the body, settings that name files or packages are
the server's alone (checking.SERVER_ONLY_KEYS). Bound to 127.0.0.1 by the command; the Host header is checked
too, so a web page elsewhere cannot reach this server through a rebinding domain name.
"""

from __future__ import annotations

import datetime
import json
import secrets
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from .. import budget
from ..catalog import category_names
from ..config import Config
from ..report.html_report import templates
from ..version import __version__
from .checking import Checker, CheckRequest, RequestError
from .openapi import openapi

API = "/api/v1"
DEFAULT_MAX_REQUEST = 1_000_000  # bytes: a posting is a few KB; an export belongs to `jdlint check --records`
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


@dataclass
class ServeSettings:
    config: Config = field(default_factory=Config)
    max_request_bytes: int = DEFAULT_MAX_REQUEST
    allow_origins: tuple[str, ...] = ()  # CORS: none unless configured
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def _security_headers(response: Response, nonce: str | None = None) -> Response:
    script = f"'nonce-{nonce}'" if nonce else "'none'"
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src {script}; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


async def _body(request: Request, limit: int) -> bytes | JSONResponse:
    """The request body, read no further than `limit` bytes (a 413 answer past it)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        return _error(413, f"the request is larger than the server's limit of {limit:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return _error(413, f"the request is larger than the server's limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(settings: ServeSettings | None = None) -> Starlette:
    settings = settings or ServeSettings()
    checker = Checker(settings.config)
    page = templates().get_template("serve.html.j2")
    whys = {rule.code: rule.why for rule in checker.catalog.rules}  # the page says why each finding matters
    categories = {name: entry["name"] for name, entry in category_names().items()}  # plain names, in report order

    async def index(request: Request) -> Response:
        nonce = secrets.token_urlsafe(18)
        lint_date = settings.config.lint_date or datetime.date.today()
        html = page.render(
            version=__version__,
            nonce=nonce,
            api=API,
            lint_date=lint_date.isoformat(),
            max_request_bytes=settings.max_request_bytes,
            whys=whys,
            categories=categories,
        )
        return _security_headers(HTMLResponse(html), nonce)

    async def check(request: Request) -> Response:
        body = await _body(request, settings.max_request_bytes)
        if isinstance(body, Response):
            return _security_headers(body)
        if "application/json" not in request.headers.get("content-type", ""):
            return _security_headers(_error(415, "send the posting as JSON (Content-Type: application/json)"))
        try:
            parsed = json.loads(body)
        except (ValueError, RecursionError):
            return _security_headers(_error(400, "the request body is not valid JSON"))
        try:
            answer = checker.answer(CheckRequest.from_json(parsed))
        except RequestError as exc:
            return _security_headers(_error(422, str(exc)))
        except budget.TimeBudgetExceeded as exc:
            return _security_headers(_error(422, f"the posting took longer than {exc.seconds:g} s {exc.stage}"))
        return _security_headers(JSONResponse(answer))

    async def schema(request: Request) -> Response:
        return _security_headers(JSONResponse(openapi(settings.max_request_bytes)))

    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))]
    if settings.allow_origins:
        middleware.append(
            Middleware(CORSMiddleware, allow_origins=list(settings.allow_origins), allow_methods=["POST", "GET"])
        )
    routes = [
        Route("/", index),
        Route(f"{API}/check", check, methods=["POST"]),
        Route(f"{API}/openapi.json", schema),
    ]
    return Starlette(routes=routes, middleware=middleware)
