"""The command line. The only module that reads argv, writes to stdout/stderr and picks exit codes."""

from __future__ import annotations

import os
import sys

import click

from .version import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("info", "warning", "error")


def _fail(message: str) -> None:
    click.echo(f"jdlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _catalog():
    from .catalog import CatalogError, load_catalog

    try:
        return load_catalog()
    except CatalogError as exc:
        _fail(f"rule catalog {exc}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="jdlint", message="%(prog)s %(version)s")
def main() -> None:
    """jdlint: find what keeps qualified people from applying to a job posting."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "sarif", "github", "html"]), default="text",
              show_default=True, help="Output format.")
@click.option("--select", multiple=True, help="Rules to check (codes, prefixes, names, categories); comma-separated.")
@click.option("--ignore", multiple=True, help="Rules to skip, added to the config's ignore list.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--config", "config_path", type=click.Path(), help="Use this config file instead of searching.")
@click.option("--statistics", is_flag=True, help="Show counts per rule instead of each finding.")
@click.option("--stdin-filename", help="Name (and so format) for text read from '-'.")
@click.option("--max-file-size", help="Largest file to read, e.g. 5MB.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--date", "lint_date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Judge pay-transparency laws as on this day (YYYY-MM-DD) [default: today].")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff and change nothing.")
@click.option("--show-fixes", is_flag=True, help="List the fixes that were applied.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not recorded in this file.")
@click.option("--records", type=click.Path(dir_okay=False), help="Lint the postings of an ATS export (.jsonl, .csv, .json).")
@click.option("--text-field", default="text", show_default=True, help="With --records: the field holding the posting.")
@click.option("--id-field", default="id", show_default=True, help="With --records: the field naming each record.")
@click.option("--location-field", help="With --records: the job's location (for the pay laws).")
@click.option("--salary-field", help="With --records: the advertised pay.")
@click.option("--title-field", help="With --records: the job title.")
@click.option("--format-field", help="With --records: a field saying text, markdown or html.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large batches [default: the number of CPUs].")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the current findings in this file.")
def check(paths, fmt, select, ignore, fail_on, exit_zero, config_path, statistics, stdin_filename,
          max_file_size, output_file, lint_date, fix, unsafe_fixes, diff, show_fixes, baseline, write_baseline,
          records, text_field, id_field, location_field, salary_field, title_field, format_field, jobs):
    """Lint job postings: files, folders (searched for .txt, .md, .html) or '-' for stdin."""
    from .config import ConfigError, ConfigResolver, check_selectors
    from .model import Severity
    from .report import render
    from .source import parse_size

    if not paths and not records:
        _fail("no paths given; try `jdlint check posting.md`, `jdlint check -` for stdin, or --records EXPORT.jsonl")
    if records and (paths or fix or diff):
        _fail("--records lints an export on its own: give no paths, and no --fix or --diff")
    catalog = _catalog()
    overrides: dict = {}
    try:
        if select:
            overrides["select"] = check_selectors(_split(select), catalog, "--select")
        if ignore:
            overrides["extend_ignore"] = check_selectors(_split(ignore), catalog, "--ignore")
        if fail_on:
            overrides["fail_on"] = Severity(fail_on)
        if lint_date:
            overrides["lint_date"] = lint_date.date()
        if max_file_size:
            try:
                overrides["max_file_size"] = parse_size(max_file_size)
            except ValueError as exc:
                raise ConfigError(f"--max-file-size {exc}") from None
        resolver = ConfigResolver(catalog, config_path, overrides)
    except ConfigError as exc:
        _fail(str(exc))

    stdin_data = sys.stdin.buffer.read() if "-" in paths else None
    fields = (text_field, id_field, location_field, salary_field, title_field, format_field)
    results, errors = _lint(paths, records, fields, resolver, config_path, overrides, jobs,
                            want_metrics=fmt in ("json", "jsonl", "html"), stdin_data=stdin_data,
                            stdin_name=stdin_filename)

    if fix or diff:
        results, changed = _apply_fixes(results, resolver, stdin_data, stdin_filename, unsafe_fixes, diff, show_fixes)
        if diff:
            sys.exit(EXIT_FINDINGS if changed and not exit_zero else EXIT_CLEAN)

    if write_baseline:
        from .baseline import write

        try:
            count = write(write_baseline, results)
        except OSError as exc:
            _fail(f"{write_baseline}: cannot write ({exc.strerror or exc})")
        click.echo(f"Recorded {count} finding{'s' * (count != 1)} in {write_baseline}.", err=True)
        sys.exit(EXIT_CLEAN)
    if baseline:
        from .baseline import BaselineError, filter_known, load

        try:
            results = filter_known(results, load(baseline))
        except BaselineError as exc:
            _fail(str(exc))

    output = render(fmt, results, statistics=statistics)
    if fmt == "html" and not output_file:
        from .report.html_report import DEFAULT_OUTPUT

        output_file = DEFAULT_OUTPUT  # a page, not terminal output
    if output_file:
        _write_text(output_file, click.unstyle(output))
        if fmt == "html":
            click.echo(f"Wrote {output_file}", err=True)
    else:
        click.echo(output, nl=False)

    if errors:
        sys.exit(EXIT_ERROR)
    failing = [f for r in results for f in r.findings
               if f.severity.rank >= resolver.for_path(r.path if r.path != stdin_filename else None).fail_on.rank]
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _lint(paths, records, fields, resolver, config_path, overrides, jobs, *, want_metrics,
          stdin_data=None, stdin_name=None):
    """Lint files, folders, stdin or an export, in worker processes when the batch is large."""
    from .nlp import PipelineError
    from .parallel import MIN_PARALLEL, default_jobs, lint_in_workers
    from .runner import InputError, collect, run, run_documents

    jobs = jobs or default_jobs()
    if records:
        from .records import Fields, read

        documents = list(read(records, Fields(*fields)))
        if jobs > 1 and len(documents) >= MIN_PARALLEL:
            items = lint_in_workers("documents", documents, jobs, config_path, overrides, want_metrics, records)
        else:
            items = run_documents(documents, resolver.for_path(records), want_metrics=want_metrics)
        total = len(documents)
    else:
        expanded = [item if isinstance(item, str) else item.path for item in collect(paths, resolver)]
        total = len(expanded)
        if jobs > 1 and total >= MIN_PARALLEL and "-" not in paths:
            items = lint_in_workers("paths", expanded, jobs, config_path, overrides, want_metrics)
        else:
            # the list is expanded already: run() then reads the files without walking folders again
            items = run(expanded, resolver, want_metrics=want_metrics, stdin_data=stdin_data, stdin_name=stdin_name)
    results, errors = [], []
    try:
        for item in _with_progress(items, total):
            if isinstance(item, InputError):
                errors.append(item)
                click.echo(f"jdlint: error: {item.message}", err=True)
            else:
                results.append(item)
    except PipelineError as exc:
        _fail(str(exc))
    return results, errors


PROGRESS_FROM = 200  # postings; smaller batches finish before a bar is worth drawing


def _with_progress(items, total: int):
    """A progress bar on stderr when it is a terminal and the batch is large; stdout stays clean."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(length=total, label="Linting", file=sys.stderr) as bar:
        for item in items:
            bar.update(1)
            yield item


def _apply_fixes(results, resolver, stdin_data, stdin_name, unsafe, diff_only, show):
    """Fix each linted file; write atomically (or print a diff). Returns the results after fixing."""
    from .linter import Linter
    from .fix import encode, fix_source, unified_diff
    from .formats import format_for
    from .source import SourceError, decode, read_path

    fixed_results, changed = [], 0
    for result in results:
        is_stdin = result.path == (stdin_name or "-") and stdin_data is not None
        config = resolver.for_path(None if is_stdin else result.path)
        try:
            fmt = format_for(result.path)
            source = (decode(stdin_data, result.path, fmt) if is_stdin
                      else read_path(result.path, config.max_file_size, fmt))
        except SourceError as exc:
            click.echo(f"jdlint: error: {exc}", err=True)
            fixed_results.append(result)
            continue
        fixed, applied, after = fix_source(source, Linter(config), unsafe=unsafe)
        fixed_results.append(after)
        if fixed.text == source.text:
            continue
        changed += 1
        if diff_only:
            click.echo(unified_diff(result.path, source.text, fixed.text), nl=False)
            continue
        if is_stdin:
            sys.stdout.buffer.write(encode(fixed))
            continue
        try:
            _write_atomically(result.path, encode(fixed))
        except OSError as exc:
            click.echo(f"jdlint: error: {result.path}: cannot write ({exc.strerror or exc})", err=True)
            continue
        if show:
            for finding in applied:
                click.echo(f"{result.path}: fixed {finding.code} {finding.text!r} -> "
                           f"{finding.fix.edits[0].content!r}", err=True)
    if not diff_only:
        click.echo(f"Fixed {changed} file{'s' * (changed != 1)}.", err=True)
    return fixed_results, changed


def _write_atomically(path: str, data: bytes) -> None:
    """Temporary file in the same folder, then rename: a crash leaves the old file or the new one."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".jdlint-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="spark: lint --input on Apache Spark and write Parquet and the audit to --output.")
@click.option("--input", "input_path", help="spark engine: Parquet, JSON Lines or CSV postings (file or folder).")
@click.option("--output", "output_dir", type=click.Path(file_okay=False),
              help="spark engine: folder for findings, metrics and errors (Parquet) and audit.json/html.")
@click.option("--master", default="local[*]", show_default=True, help="spark engine: the Spark master URL.")
@click.option("--records", type=click.Path(dir_okay=False), help="Audit the postings of an ATS export.")
@click.option("--text-field", default="text", show_default=True)
@click.option("--id-field", default="id", show_default=True)
@click.option("--location-field")
@click.option("--salary-field")
@click.option("--title-field")
@click.option("--format-field")
@click.option("--format", "fmt", type=click.Choice(["json", "html"]), default="json", show_default=True)
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the audit here.")
@click.option("--config", "config_path", type=click.Path(), help="Use this config file instead of searching.")
@click.option("--date", "lint_date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None)
def audit(paths, engine, input_path, output_dir, master, records, text_field, id_field, location_field,
          salary_field, title_field, format_field, fmt, output_file, config_path, lint_date, jobs):
    """Aggregate figures over a folder or an export: what is missing, what is flagged, how postings read."""
    from .audit import aggregate
    from .config import ConfigError, ConfigResolver

    overrides = {"lint_date": lint_date.date()} if lint_date else {}
    fields = (text_field, id_field, location_field, salary_field, title_field, format_field)
    if engine == "spark":
        if paths or records:
            _fail("the spark engine reads --input, not paths or --records")
        if not input_path or not output_dir:
            _fail("the spark engine needs --input POSTINGS and --output FOLDER")
        _spark_audit(input_path, output_dir, master, fields, config_path, overrides)
        return
    if input_path or output_dir:
        _fail("--input and --output go with --engine spark")
    if not paths and not records:
        _fail("give folders or files to audit, or --records EXPORT")
    try:
        resolver = ConfigResolver(_catalog(), config_path, overrides)
    except ConfigError as exc:
        _fail(str(exc))
    results, errors = _lint(paths, records, fields, resolver, config_path, overrides, jobs, want_metrics=True)
    figures = aggregate(results)
    output = _audit_document(figures, fmt)
    if fmt == "html":
        output_file = output_file or "jdlint-audit.html"
    if output_file:
        _write_text(output_file, output)
        click.echo(f"Wrote {output_file}", err=True)
    else:
        click.echo(output, nl=False)
    sys.exit(EXIT_ERROR if errors else EXIT_CLEAN)


def _audit_document(figures: dict, fmt: str) -> str:
    if fmt == "json":
        import json as json_module

        from .version import __version__

        return json_module.dumps({"tool": {"name": "jdlint", "version": __version__}, "audit": figures},
                                 indent=2, ensure_ascii=False) + "\n"
    from .report.html_report import render_audit

    return render_audit(figures)


def _spark_audit(input_path, output_dir, master, fields, config_path, overrides) -> None:
    """The spark engine: lint on Spark, write Parquet outputs and the audit, exit like the local engine."""
    from .config import ConfigError, ConfigResolver

    text_field, id_field, location_field, salary_field, title_field, format_field = fields
    try:
        config = ConfigResolver(_catalog(), config_path, overrides).for_path(
            input_path if os.path.exists(input_path) else None)
    except ConfigError as exc:
        _fail(str(exc))
    try:
        from pyspark.sql import SparkSession

        from . import spark as engine
    except ImportError as exc:
        _fail(f"the spark engine needs pyspark and pyarrow ({exc}): pip install 'jdlint[spark]'")
    try:
        kind = engine.input_format(input_path)
    except ValueError as exc:
        _fail(str(exc))

    ours = SparkSession.getActiveSession() is None  # a session the caller runs is theirs to stop
    try:
        session = engine.session(master)
    except Exception as exc:  # noqa: BLE001 - Java missing, bad master URL: one line, no traceback
        _fail(f"cannot start Spark ({_first_line(exc)})")
    try:
        frame, corrupt = engine.read_input(session, input_path, kind)
        columns = frame.columns
        if id_field not in columns:
            click.echo(f"{input_path}: no '{id_field}' column; postings are numbered instead", err=True)
            id_field = None
        linted = engine.lint_dataframe(engine.spread(frame), text=text_field, id=id_field, title=title_field,
                                       location=location_field, salary=salary_field, format=format_field,
                                       corrupt=corrupt, config=config)
        os.makedirs(output_dir, exist_ok=True)
        for name in ("findings", "metrics", "errors"):
            getattr(linted, name).write.mode("overwrite").parquet(os.path.join(output_dir, f"{name}.parquet"))
        figures = engine.audit_figures(linted)
        errors = linted.errors.count()
        linted.release()
    except ValueError as exc:
        _fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - Spark's own errors (unreadable input, ...): one line
        _fail(f"{input_path}: {_first_line(exc)}")
    finally:
        if ours:
            session.stop()
    for fmt, name in (("json", "audit.json"), ("html", "audit.html")):
        _write_text(os.path.join(output_dir, name), _audit_document(figures, fmt))
    click.echo(f"Linted {figures['postings']:,} postings on Spark; wrote findings, metrics and errors (Parquet), "
               f"audit.json and audit.html to {output_dir}", err=True)
    if errors:
        click.echo(f"{errors:,} postings could not be linted: see {os.path.join(output_dir, 'errors.parquet')}",
                   err=True)
    sys.exit(EXIT_ERROR if errors else EXIT_CLEAN)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _write_text(path: str, text: str) -> None:
    """Write a report or audit; a failure is a one-line error."""
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        _fail(f"{path}: cannot write ({exc.strerror or exc})")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def rules(fmt):
    """List every rule."""
    from .rulelist import render_rules

    click.echo(render_rules(_catalog(), fmt), nl=False)


@main.command()
@click.argument("code")
def rule(code):
    """Explain one rule: what, why, source, examples and fix safety."""
    from .rulelist import explain

    found = _catalog().by_code(code)
    if found is None:
        _fail(f"no rule '{code}'; `jdlint rules` lists them")
    click.echo(explain(found), nl=False)
