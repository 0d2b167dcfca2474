"""One way in for every batch the CLI lints: files, folders, stdin or an export's records, in worker
processes when the batch is large. Errors are values (InputErrors among the results), as in jdlint.runner."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from .config import ConfigError, ConfigResolver
from .model import FileResult, InputError
from .parallel import MIN_PARALLEL, default_jobs, lint_in_workers
from .records import Fields, read
from .runner import collect, run, run_documents


def lint_inputs(
    paths: Sequence[str],
    resolver: ConfigResolver,
    *,
    records: str | None = None,
    fields: Fields = Fields(),
    jobs: int | None = None,
    want_metrics: bool = False,
    stdin_data: bytes | None = None,
    stdin_name: str | None = None,
    config_path: str | None = None,
) -> tuple[int, Iterator[FileResult | InputError]]:
    """(how many inputs, their results and errors in input order) for paths ('-' is stdin) or an export.

    Workers rebuild the resolver from `config_path` (the --config file `resolver` was made with, if any) and
    its overrides. Inputs are linted as the iterator is consumed; it raises PipelineError if spaCy cannot start.
    """
    jobs = jobs or default_jobs()
    overrides = resolver.overrides
    items: Iterable[FileResult | InputError]
    if records:
        try:
            config = resolver.for_path(records)
        except ConfigError as exc:  # a broken config above the export: its one error, nothing linted
            return 1, iter([InputError(records, str(exc))])
        documents = list(read(records, fields, config.lint_timeout))
        if jobs > 1 and len(documents) >= MIN_PARALLEL:
            items = lint_in_workers("documents", documents, jobs, config_path, overrides, want_metrics, records)
        else:
            items = run_documents(documents, config, want_metrics=want_metrics)
        return len(documents), iter(items)
    expanded = [item if isinstance(item, str) else item.path for item in collect(paths, resolver)]
    if jobs > 1 and len(expanded) >= MIN_PARALLEL and "-" not in paths:
        items = lint_in_workers("paths", expanded, jobs, config_path, overrides, want_metrics)
    else:
        # the list is expanded already: run() then reads the files without walking folders again
        items = run(expanded, resolver, want_metrics=want_metrics, stdin_data=stdin_data, stdin_name=stdin_name)
    return len(expanded), iter(items)
