"""`jdlint serve`: the local web page and JSON API (jdlint.serve), run on uvicorn."""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import webbrowser

import click

from ..config import ConfigError
from .console import fail, resolver
from .options import config_option, date_option, timeout_option

LOOPBACK_NAMES = ("localhost", "localhost.localdomain")
_ORIGIN = re.compile(r"https?://[^/\s*]+")


def _origins(context: click.Context, parameter: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """Each --allow-origin is one web origin, scheme://host[:port]: no path, and no "*" (that would be every site)."""
    for value in values:
        if not _ORIGIN.fullmatch(value):
            raise click.BadParameter(f"{value!r} is not an origin such as https://ats.example.com")
    return tuple(values)


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (0: any free port); raises OSError with the system's reason."""
    family, kind, proto, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart may reuse a port in TIME_WAIT
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket, host: str) -> str:
    address, port = sock.getsockname()[:2]
    shown = "localhost" if is_loopback(host) else host
    if ipaddress.ip_address(address).is_unspecified:  # 0.0.0.0 or ::: this computer's name reaches it
        shown = socket.gethostname()
    return f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. The default reaches this computer only; another address is reachable from the "
    "network (a warning is printed).",
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port; 0 picks a free one."
)
@click.option(
    "--allow-origin",
    "allow_origins",
    multiple=True,
    metavar="ORIGIN",
    callback=_origins,
    help="A web origin (https://ats.example.com) allowed to call the API from its pages (CORS); none by default.",
)
@click.option(
    "--max-request-size",
    type=click.IntRange(min=1),
    default=1_000_000,
    show_default=True,
    help="Largest request, in bytes.",
)
@config_option
@date_option("Judge pay-transparency laws as on this day (YYYY-MM-DD) [default: today].")
@timeout_option("Seconds one request may take [default: the config's lint-timeout].")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser once it is ready.")
def serve(host, port, allow_origins, max_request_size, config_path, lint_date, lint_timeout, open_browser) -> None:
    """Open a local page where you paste a posting and see what to fix (and a JSON API for other tools)."""
    import uvicorn  # loaded for this command only

    from ..serve import ServeSettings, create_app
    from ..serve.app import LOCAL_HOSTS

    overrides: dict = {}
    if lint_date:
        overrides["lint_date"] = lint_date.date()
    if lint_timeout is not None:
        overrides["lint_timeout"] = lint_timeout
    try:
        config = resolver(config_path, overrides).for_path(os.getcwd() if config_path is None else None)
    except ConfigError as exc:
        fail(str(exc))
    try:
        sock = bind(host, port)
    except OSError as exc:
        fail(f"cannot listen on {host} port {port}: {exc.strerror or exc}; choose another --port (0: any free one)")
    if not is_loopback(host):
        click.echo(
            f"jdlint: warning: listening on {host}, which other computers can reach; the page and API have no "
            "login, so anyone on the network can use them",
            err=True,
        )
    names = LOCAL_HOSTS if is_loopback(host) else (*LOCAL_HOSTS, host, socket.gethostname(), socket.getfqdn())
    settings = ServeSettings(
        config=config, max_request_bytes=max_request_size, allow_origins=tuple(allow_origins), allowed_hosts=names
    )
    app = create_app(settings)  # the warm-up lint runs here, before the address is shown
    url = url_of(sock, host)
    click.echo(f"jdlint serve: open {url} in your browser (Ctrl+C stops)")
    if open_browser:
        webbrowser.open(url)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", server_header=False))
    server.run(sockets=[sock])
