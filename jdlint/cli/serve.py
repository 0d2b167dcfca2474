"""`jdlint serve`: the local web page and JSON API (jdlint.serve), run on uvicorn."""

from __future__ import annotations

import os

import click

from ..config import ConfigError
from .console import fail, resolver
from .options import config_option, date_option, timeout_option


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (this computer only).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--allow-origin",
    "allow_origins",
    multiple=True,
    help="A web origin allowed to call the API from its pages (CORS); none by default.",
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
@timeout_option("Seconds one posting may take [default: the config's lint-timeout].")
def serve(host, port, allow_origins, max_request_size, config_path, lint_date, lint_timeout) -> None:
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
    hosts = LOCAL_HOSTS if host in LOCAL_HOSTS else (*LOCAL_HOSTS, host)
    settings = ServeSettings(
        config=config, max_request_bytes=max_request_size, allow_origins=tuple(allow_origins), allowed_hosts=hosts
    )
    click.echo(f"jdlint serve: open http://{'localhost' if host in LOCAL_HOSTS else host}:{port}/ (Ctrl+C stops)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
