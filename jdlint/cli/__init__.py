"""The command line: the `jdlint` group and its commands, one module each (check, audit, rules, serve).

The only package that reads argv, writes to stdout/stderr and picks exit codes; the work itself is
done by the layers below it, which the Python API uses too.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import NoReturn

import click

from ..model import internal_error
from ..version import __version__
from . import audit, check, rules, serve, server
from .console import EXIT_ERROR, fail


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


def run() -> NoReturn:
    """The `jdlint` program (the console script and `python -m jdlint`): `main`, then an end without Python's
    teardown. Freeing spaCy's pipeline and the catalog object by object costs a one-file check a tenth of a second
    and a batch a quarter, time every pre-commit run and editor save would wait for, while the system frees a
    process's memory at once. The commands close their own files; what the standard streams hold is flushed here."""
    try:
        main()
        code = 0
    except SystemExit as ending:
        code = _exit_code(ending.code)
    os._exit(_flushed(code))


def _exit_code(code: object) -> int:
    """The status SystemExit(code) gives a process: none is 0, a number itself, anything else printed and 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _flushed(code: int) -> int:
    """`code` once stdout and stderr are flushed; EXIT_ERROR when the report could not be written (a full disk), as
    Python's own end would fail. A reader that closed the pipe early keeps the code (click ends such a run)."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            print(f"jdlint: error: writing the report: {exc.strerror or exc}", file=sys.stderr)
            code = EXIT_ERROR
    except ValueError:  # stdout closed by the command: nothing held
        pass
    with contextlib.suppress(OSError, ValueError):  # nowhere left to say anything
        sys.stderr.flush()
    return code
