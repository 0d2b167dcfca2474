"""`jdlint rules` and `jdlint rule CODE`: the catalog, listed and explained."""

from __future__ import annotations

import click

from ..rulelist import RULE_LIST_FORMATS, explain, render_rules
from .console import catalog, fail


@click.command()
@click.option("--format", "fmt", type=click.Choice(RULE_LIST_FORMATS), default="text", show_default=True)
def rules(fmt: str) -> None:
    """List every rule."""
    click.echo(render_rules(catalog(), fmt), nl=False)


@click.command()
@click.argument("code")
def rule(code: str) -> None:
    """Explain one rule: what, why, source, examples and fix safety."""
    found = catalog().by_code(code)
    if found is None:
        fail(f"no rule '{code}'; `jdlint rules` lists them")
    click.echo(explain(found), nl=False)
