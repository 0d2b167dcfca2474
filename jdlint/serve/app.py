"""The ASGI application of `jdlint serve` (Starlette): the page, the JSON API, and the limits on both.

Requests never reach the file system: the posting comes in the body, settings that name files or packages are
the server's alone (checking.SERVER_ONLY_KEYS). Bound to 127.0.0.1 by the command; the Host header is checked
too, so a web page elsewhere cannot reach this server through a rebinding domain name. Every answer, errors
included, carries the security headers; no answer carries CORS headers unless origins were allowed.
"""

from __future__ import annotations

import datetime
import ipaddress
import json
import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import budget
from ..catalog import category_names
from ..config import Config
from ..model import internal_error
from ..report.html_report import templates
from ..version import __version__
from .checking import Checker, CheckRequest, RequestError
from .openapi import openapi

API = "/api/v1"
DEFAULT_MAX_REQUEST = 1_000_000  # bytes: a posting is a few KB; an export belongs to `jdlint check --records`
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
# A posting over the time budget is 422: the same posting fails the same way on every try, so it is the request's
# content the server cannot process, not a passing state of the server (503/504 would invite retries) nor a client
# too slow to send (408).
TIMEOUT_STATUS = 422
# On every answer that does not set its own (the page sets a CSP with its script's nonce)
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "no-store",
}
log = logging.getLogger("jdlint.serve")


@dataclass
class ServeSettings:
    config: Config = field(default_factory=Config)
    max_request_bytes: int = DEFAULT_MAX_REQUEST
    allow_origins: tuple[str, ...] = ()  # CORS: none unless configured
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS  # names the Host header may give; IP addresses always pass
    warm: bool = True  # lint the built-in posting at start-up (tests of refusals skip it)


def _error(status: int, message: str, code: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """An error answer: {"error": {"status", "code", "message"}} (`code` a stable word for programs)."""
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status, headers)


def _security_headers(response: Response, nonce: str | None = None) -> Response:
    script = f"'nonce-{nonce}'" if nonce else "'none'"
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src {script}; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def host_name(header: str) -> str:
    """The name in a Host header, without its port: "[::1]:8000" -> "::1", "localhost:80" -> "localhost"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def host_allowed(header: str, names: tuple[str, ...]) -> bool:
    """A DNS-rebinding attack needs the Host header to be the attacker's domain name: an IP address (any) or one
    of the names this server answers to is safe."""
    name = host_name(header)
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return name in {host_name(n) for n in names}


class Guard:
    """The outermost layer: refuses a Host header that is not this server, and adds the security headers to
    every answer (the framework's own 404, 405 and 500 answers too)."""

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...]) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        if not host_allowed(host, self.allowed_hosts):
            shown = host[:60] or "(none)"
            refusal = _error(400, f"the Host header {shown!r} does not name this server", "bad_host")
            await refusal(scope, receive, self._send(send))
            return
        await self.app(scope, receive, self._send(send))

    @staticmethod
    def _send(send: Send) -> Send:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return send_with_headers


async def _body(request: Request, limit: int) -> bytes | JSONResponse:
    """The request body, read no further than `limit` bytes (a 413 answer past it, whether the client declared
    its length or streams it in chunks)."""
    declared = request.headers.get("content-length")
    too_large = f"the request is larger than the server's limit of {limit:,} bytes"
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        return _error(413, too_large, "too_large")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return _error(413, too_large, "too_large")
        chunks.append(chunk)
    return b"".join(chunks)


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


def create_app(settings: ServeSettings | None = None) -> Starlette:
    settings = settings or ServeSettings()
    # The Linters live here, one Checker per application, warmed before the first request.
    checker = Checker(settings.config, warm=settings.warm)
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
        if not _is_json(request.headers.get("content-type", "")):
            return _error(415, "send the posting as JSON (Content-Type: application/json)", "unsupported_media_type")
        body = await _body(request, settings.max_request_bytes)
        if isinstance(body, Response):
            return body
        try:
            parsed = json.loads(body)
        except (ValueError, RecursionError):
            return _error(400, "the request body is not valid JSON", "not_json")
        # The lint runs here, in the event loop's thread, one request at a time: uvicorn runs that loop in the
        # process's main thread, the only one where the time budget's SIGALRM timer can cut a runaway stage (in a
        # worker thread only the checks between stages would stop it); the Linters, their compiled-pattern caches
        # and spaCy's vocabulary are not made for concurrent use; and a warm lint takes tens of milliseconds, so
        # threads would buy nothing on the GIL. A posting over its budget holds the others back at most that long.
        try:
            answer = checker.answer(CheckRequest.from_json(parsed))
        except RequestError as exc:
            return _error(422, str(exc), "invalid_request")
        except budget.TimeBudgetExceeded as exc:
            message = f"the posting took longer than the server's limit of {exc.seconds:g} s {exc.stage}"
            return _error(TIMEOUT_STATUS, message, "time_budget")
        except Exception as exc:  # a bug: one line for the caller, the traceback in the server's log
            log.exception("jdlint serve: internal error")
            return _error(500, internal_error("linting", exc), "internal")
        return JSONResponse(answer)

    async def schema(request: Request) -> Response:
        return JSONResponse(openapi(settings.max_request_bytes))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = {404: f"no such page: {request.url.path[:100]}", 405: f"{request.method} is not allowed here"}
        return _error(exc.status_code, message.get(exc.status_code, str(exc.detail)), code, exc.headers)

    middleware = [Middleware(Guard, allowed_hosts=settings.allowed_hosts)]
    if settings.allow_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.allow_origins),
                allow_methods=["POST", "GET"],
                allow_headers=["Content-Type"],
            )
        )
    routes = [
        Route("/", index),
        Route(f"{API}/check", check, methods=["POST"]),
        Route(f"{API}/openapi.json", schema),
    ]
    return Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: http_error})
