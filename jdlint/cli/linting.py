"""A command's lint batch: jdlint.batch does the work; here a progress bar and input errors go to stderr."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TypeVar

import click

from ..batch import lint_inputs
from ..config import ConfigResolver
from ..model import FileResult, InputError
from ..nlp import PipelineError
from .console import error, fail
from .options import InputOptions

PROGRESS_FROM = 200  # postings; smaller batches finish before a bar is worth drawing
Item = TypeVar("Item")


def lint(
    options: InputOptions,
    resolver: ConfigResolver,
    *,
    want_metrics: bool,
    stdin_data: bytes | None = None,
    stdin_name: str | None = None,
) -> tuple[list[FileResult], list[InputError]]:
    """(results, input errors) of the command's paths or --records; each error is printed as it comes."""
    total, items = lint_inputs(
        options.paths,
        resolver,
        records=options.records,
        fields=options.fields,
        jobs=options.jobs,
        want_metrics=want_metrics,
        stdin_data=stdin_data,
        stdin_name=stdin_name,
        config_path=options.config_path,
    )
    results, errors = [], []
    said: set[str] = set()  # a config error is every posting's below it: said once
    try:
        for item in with_progress(items, total):
            if isinstance(item, InputError):
                errors.append(item)
                if item.message not in said:
                    said.add(item.message)
                    error(item.message)
            else:
                results.append(item)
    except PipelineError as exc:
        fail(str(exc))
    print_notices(results)
    return results, errors


def print_notices(results: list[FileResult]) -> None:
    """Each distinct notice once on stderr (rules skipped for a language), with how many postings it concerns."""
    counts = Counter(notice for result in results for notice in result.notices)
    for notice, postings in counts.items():
        click.echo(f"jdlint: note: {notice} ({postings} posting{'s' * (postings != 1)})", err=True)


def with_progress(items: Iterable[Item], total: int) -> Iterator[Item]:
    """A progress bar on stderr when it is a terminal and the batch is large; stdout stays clean."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(length=total, label="Linting", file=sys.stderr) as bar:
        for item in items:
            bar.update(1)
            yield item
