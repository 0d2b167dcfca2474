"""`jdlint audit`: aggregate figures over many postings, linted here or (--engine spark) on Apache Spark."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import click

from ..audit import aggregate
from ..config import ConfigError
from ..report.audit_formats import AUDIT_FORMATS
from .console import EXIT_CLEAN, EXIT_ERROR, fail, resolver, write_text
from .linting import lint
from .options import (
    AuditOptions,
    config_option,
    date_option,
    jobs_option,
    language_option,
    output_file_option,
    pass_options,
    record_field_options,
    records_option,
    timeout_option,
)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="spark: lint --input on Apache Spark and write Parquet and the audit to --output.",
)
@click.option("--input", "input_path", help="spark engine: Parquet, JSON Lines, JSON or CSV postings (file or folder).")
@click.option(
    "--output",
    "output_dir",
    type=click.Path(file_okay=False),
    help="spark engine: folder for findings, metrics and errors (Parquet) and audit.json/html.",
)
@click.option("--master", default="local[*]", show_default=True, help="spark engine: the Spark master URL.")
@language_option("Audit every posting as this language (ISO 639-1), whatever it names or reads as.")
@records_option("Audit the postings of an ATS export.")
@record_field_options(documented=False)
@click.option("--format", "fmt", type=click.Choice(list(AUDIT_FORMATS)), default="json", show_default=True)
@output_file_option("Write the audit here.")
@config_option
@date_option()
@timeout_option()
@jobs_option()
@pass_options(AuditOptions)
def audit(options: AuditOptions) -> None:
    """Aggregate figures over a folder or an export: what is missing, what is flagged, how postings read."""
    if options.engine == "spark":
        _audit_on_spark(options)
    if options.input_path or options.output_dir:
        fail("--input and --output go with --engine spark")
    if not options.paths and not options.records:
        fail("give folders or files to audit, or --records EXPORT")
    results, errors = lint(options, resolver(options.config_path, options.overrides), want_metrics=True)
    audit_format = AUDIT_FORMATS[options.fmt]
    output = audit_format.render(aggregate(results, errors))
    output_file = options.output_file or audit_format.default_output
    if output_file:
        write_text(output_file, output)
        click.echo(f"Wrote {output_file}", err=True)
    else:
        click.echo(output, nl=False)
    sys.exit(EXIT_ERROR if errors else EXIT_CLEAN)


def _audit_on_spark(options: AuditOptions) -> NoReturn:
    """The spark engine: jdlint.spark lints and writes the outputs; the CLI reports and exits like the local engine."""
    if options.paths or options.records:
        fail("the spark engine reads --input, not paths or --records")
    if not options.input_path or not options.output_dir:
        fail("the spark engine needs --input POSTINGS and --output FOLDER")
    input_path, output_dir = options.input_path, options.output_dir
    try:
        config = resolver(options.config_path, options.overrides).for_path(
            input_path if os.path.exists(input_path) else None
        )
    except ConfigError as exc:
        fail(str(exc))
    from .. import spark  # loaded for the spark engine only, like pyspark, which it runs

    try:
        done = spark.audit_to_folder(
            input_path,
            output_dir,
            config=config,
            master=options.master,
            fields=options.fields,
            notify=lambda note: click.echo(note, err=True),
        )
    except spark.SparkEngineError as exc:
        fail(str(exc))
    click.echo(
        f"Linted {done.figures['postings']:,} postings on Spark; wrote findings, metrics and errors (Parquet), "
        f"audit.json and audit.html to {output_dir}",
        err=True,
    )
    if done.errors:
        click.echo(
            f"{done.errors:,} postings could not be linted: see {os.path.join(output_dir, 'errors.parquet')}", err=True
        )
    sys.exit(EXIT_ERROR if done.errors else EXIT_CLEAN)
