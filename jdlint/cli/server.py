"""`jdlint server`: the language server for editors (jdlint.lsp), over stdin and stdout."""

from __future__ import annotations

import click


@click.command()
@click.option(
    "--stdio", is_flag=True, help="Talk over stdin and stdout (the only transport; accepted for clients that pass it)."
)
def server(stdio: bool) -> None:
    """Run the language server for editors (LSP over stdio): diagnostics, fixes, hovers."""
    from ..lsp.server import run  # pygls is loaded for this command only

    run()
