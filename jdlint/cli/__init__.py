"""The command line: the `jdlint` group and its commands, one module each (check, audit, rules, serve).

The only package that reads argv, writes to stdout/stderr and picks exit codes; the work itself is
done by the layers below it, which the Python API uses too.
"""

from __future__ import annotations

import click

from ..model import internal_error
from ..version import __version__
from . import audit, check, rules, serve, server
from .console import fail


class Group(click.Group):
    """The command group; a bug that escapes a command is one line and exit 2, never a traceback and exit 1
    (the code CI reads as "findings")."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, BrokenPipeError):
            raise  # click's own endings, and a reader that closed the pipe
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            fail(internal_error("running jdlint", exc))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="jdlint", message="%(prog)s %(version)s")
def main() -> None:
    """jdlint: find what keeps qualified people from applying to a job posting."""


for command in (check.check, audit.audit, rules.rules, rules.rule, serve.serve, server.server):
    main.add_command(command)
