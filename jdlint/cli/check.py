"""`jdlint check`: lint postings, optionally fix them or compare with a baseline, and report in a chosen format."""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import click

from .. import baseline, report
from ..changed import ChangedSinceError, Changes, filter_changed, since
from ..config import ConfigError, ConfigResolver, check_selectors
from ..fix import unified_diff
from ..fixing import FileFix, fix_files
from ..model import FileResult, Finding, InputError, Severity
from ..printable import shown
from ..protocols import Reporter
from ..source import LineIndex, parse_size
from .console import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, catalog, error, fail, note, write_text
from .linting import lint
from .options import (
    CheckOptions,
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

SEVERITIES = tuple(severity.value for severity in Severity)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(report.reporters())),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--select", multiple=True, help="Rules to check (codes, prefixes, names, categories); comma-separated.")
@click.option("--ignore", multiple=True, help="Rules to skip, added to the config's ignore list.")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Lowest severity that makes the exit code 1 [default: warning].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@config_option
@click.option("--statistics", is_flag=True, help="Show counts per rule instead of each finding.")
@click.option("--stdin-filename", help="Name (and so format) for text read from '-'.")
@click.option("--max-file-size", help="Largest file to read, e.g. 5MB.")
@timeout_option("Seconds one posting may take before it becomes an error naming the stage; 0: no limit [default: 60].")
@output_file_option("Write the report here.")
@click.option(
    "--also-write",
    multiple=True,
    metavar="FORMAT=FILE",
    help="Also write the report in FORMAT to FILE, from the same run (repeatable).",
)
@date_option("Judge pay-transparency laws as on this day (YYYY-MM-DD) [default: today].")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff and change nothing.")
@click.option("--show-fixes", is_flag=True, help="List the fixes that were applied.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not recorded in this file.")
@click.option(
    "--changed-since",
    metavar="REF",
    help="Report only findings on lines changed since this git revision (whole-posting ones if the posting changed).",
)
@language_option(
    "Lint every posting as this language (ISO 639-1), over its front matter, <html lang>, record field and "
    "detection [default: each posting's own, else detected, else the config's language]."
)
@records_option("Lint the postings of an ATS export (.jsonl, .csv, .json).")
@record_field_options()
@jobs_option("Processes that lint a large batch, this one included [default: the number of CPUs].")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the current findings in this file.")
@pass_options(CheckOptions)
def check(options: CheckOptions) -> None:
    """Lint job postings: files, folders (searched for .txt, .md, .html) or '-' for stdin."""
    _refuse_bad_inputs(options)
    changes = _changes(options.changed_since)  # before linting: a bad revision is a usage error
    if changes is not None and "-" in options.paths:
        changes.stdin_name = options.stdin_filename or "-"
    resolver = _resolver(options)
    reporter = report.get(options.fmt)
    extra = _extra_reports(options.also_write)
    stdin_data = sys.stdin.buffer.read() if "-" in options.paths else None
    results, errors = lint(
        options,
        resolver,
        want_metrics=any(r.WANTS_METRICS for r in (reporter, *extra.values())),
        stdin_data=stdin_data,
        stdin_name=options.stdin_filename,
    )
    broken = bool(errors)  # an input that could not be linted, fixed or written: exit 2
    if options.fix or options.diff:
        results, changed_files, failed = _fix(results, resolver, stdin_data, options, changes)
        broken = broken or failed > 0
        if options.diff:
            sys.exit(EXIT_ERROR if broken else EXIT_FINDINGS if changed_files and not options.exit_zero else EXIT_CLEAN)
    if options.write_baseline:
        _write_baseline(options.write_baseline, results)
    if options.baseline:
        try:
            results = baseline.filter_known(results, baseline.load(options.baseline))
        except baseline.BaselineError as exc:
            fail(str(exc))
    if changes is not None:
        for message in changes.notes(results):
            note(message)
        results = filter_changed(results, changes)
    # --fix of stdin writes the fixed posting to stdout: the report goes to stderr then, unless to a file
    _report(reporter, results, options, to_stderr=options.fix and stdin_data is not None, errors=errors)
    for path, extra_reporter in extra.items():
        write_text(path, map(click.unstyle, report.render_pieces(extra_reporter, results, errors=errors)))
    if broken:
        sys.exit(EXIT_ERROR)
    failing = [
        f
        for r in results
        for f in r.findings
        if f.severity.rank >= resolver.for_path(r.path if r.path != options.stdin_filename else None).fail_on.rank
    ]
    sys.exit(EXIT_FINDINGS if failing and not options.exit_zero else EXIT_CLEAN)


def _refuse_bad_inputs(options: CheckOptions) -> None:
    if not options.paths and not options.records:
        fail("no paths given; try `jdlint check posting.md`, `jdlint check -` for stdin, or --records EXPORT.jsonl")
    if options.records and (options.paths or options.fix or options.diff):
        fail("--records lints an export on its own: give no paths, and no --fix or --diff")
    if options.records and options.changed_since:
        fail("--changed-since compares files with git: it does not apply to --records")


def _extra_reports(values: tuple[str, ...]) -> dict[str, Reporter]:
    """--also-write FORMAT=FILE: {file: reporter}."""
    extra = {}
    for value in values:
        fmt, equals, path = value.partition("=")
        if not equals or not path:
            fail(f"--also-write {value!r}: give FORMAT=FILE, e.g. sarif=jdlint.sarif")
        try:
            extra[path] = report.get(fmt)
        except ValueError as exc:
            fail(f"--also-write: {exc}")
    return extra


def _changes(ref: str | None) -> Changes | None:
    if ref is None:
        return None
    try:
        return since(ref)
    except ChangedSinceError as exc:
        fail(str(exc))


def _resolver(options: CheckOptions) -> ConfigResolver:
    """The config for each input: found files (or --config), with the command line's options on top."""
    rules = catalog()
    overrides: dict[str, Any] = {}
    try:
        if options.select:
            overrides["select"] = check_selectors(_split(options.select), rules, "--select")
        if options.ignore:
            overrides["extend_ignore"] = check_selectors(_split(options.ignore), rules, "--ignore")
        if options.fail_on:
            overrides["fail_on"] = Severity(options.fail_on)
        if options.lint_date:
            overrides["lint_date"] = options.lint_date.date()
        if options.lint_timeout is not None:
            overrides["lint_timeout"] = options.lint_timeout
        if options.language:
            overrides["forced_language"] = options.language
        if options.max_file_size:
            try:
                overrides["max_file_size"] = parse_size(options.max_file_size)
            except ValueError as exc:
                raise ConfigError(f"--max-file-size {exc}") from None
        return ConfigResolver(rules, options.config_path, overrides)
    except ConfigError as exc:
        fail(str(exc))


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _fix(
    results: list[FileResult],
    resolver: ConfigResolver,
    stdin_data: bytes | None,
    options: CheckOptions,
    changes: Changes | None = None,
) -> tuple[list[FileResult], int, int]:
    """--fix or --diff over the linted files: (results after fixing, files changed, files that failed). With
    --changed-since only the findings the report shows are fixed: a fix never touches unchanged lines.

    With --fix, text read from stdin is written fixed to stdout, so the report goes to stderr (see _report)."""
    fixed_results, changed, failed = [], 0, 0
    for outcome in fix_files(
        results,
        resolver,
        unsafe=options.unsafe_fixes,
        write=not options.diff,
        stdin_data=stdin_data,
        stdin_name=options.stdin_filename,
        keep=changes.shows if changes is not None else None,
    ):
        fixed_results.append(outcome.result)
        for skipped in outcome.skipped:
            note(f"{_where(outcome, skipped.finding)}: {skipped.finding.code} not fixed: {skipped.reason}")
        if outcome.error:
            error(outcome.error)
            failed += 1
            continue
        if options.diff:
            if outcome.changed and outcome.original is not None and outcome.fixed is not None:
                changed += 1
                click.echo(unified_diff(outcome.path, outcome.original, outcome.fixed), nl=False)
            continue
        if outcome.from_stdin:
            sys.stdout.buffer.write(outcome.data)  # the text as read when nothing was fixed: stdout is the posting
            sys.stdout.flush()
        if not (outcome.written or outcome.from_stdin and outcome.changed):
            continue
        changed += 1
        if options.show_fixes:
            for finding in outcome.applied:
                assert finding.fix is not None  # only findings with a fix are applied
                click.echo(
                    f"{shown(outcome.path)}: fixed {finding.code} {finding.text!r} -> {finding.fix.edits[0].content!r}",
                    err=True,
                )
    if not options.diff and stdin_data is None:  # with stdin, stderr holds the report: nothing else in it
        click.echo(f"Fixed {changed} file{'s' * (changed != 1)}.", err=True)
    return fixed_results, changed, failed


def _where(outcome: FileFix, finding: Finding) -> str:
    """PATH:LINE:COL of a finding in the fixed text (PATH for a finding about the whole posting)."""
    if finding.span is None:
        return shown(outcome.path)
    line, column = LineIndex(outcome.after).position(finding.span.start)
    return f"{shown(outcome.path)}:{line}:{column}"


def _write_baseline(path: str, results: list[FileResult]) -> NoReturn:
    try:
        count = baseline.write(path, results)
    except OSError as exc:
        fail(f"{path}: cannot write ({exc.strerror or exc})")
    click.echo(f"Recorded {count} finding{'s' * (count != 1)} in {path}.", err=True)
    sys.exit(EXIT_CLEAN)


def _report(
    reporter: Reporter,
    results: list[FileResult],
    options: CheckOptions,
    to_stderr: bool = False,
    errors: list[InputError] | None = None,
) -> None:
    # the inputs that could not be linted go to the reporter too: a page lists them (others ignore them)
    pieces = report.render_pieces(reporter, results, statistics=options.statistics, errors=errors or [])
    output_file = options.output_file or reporter.DEFAULT_OUTPUT  # a page goes to a file, not the terminal
    if output_file:
        write_text(output_file, map(click.unstyle, pieces))
        if reporter.DEFAULT_OUTPUT:  # a file format says where it went
            click.echo(f"Wrote {shown(output_file)}", err=True)
    else:
        for piece in pieces:
            click.echo(piece, nl=False, err=to_stderr)
