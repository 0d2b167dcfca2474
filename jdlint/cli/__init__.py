"""The command line: the `jdlint` group and its commands, one module each (check, audit, rules).

The only package that reads argv, writes to stdout/stderr and picks exit codes; the work itself is
done by the layers below it, which the Python API uses too.
"""

from __future__ import annotations

import click

from ..version import __version__
from . import audit, check, rules


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="jdlint", message="%(prog)s %(version)s")
def main() -> None:
    """jdlint: find what keeps qualified people from applying to a job posting."""


for command in (check.check, audit.audit, rules.rules, rules.rule):
    main.add_command(command)
