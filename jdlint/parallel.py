"""Batch linting in worker processes: each worker builds its pipeline once and lints whole chunks.

Results come back in input order, identical to a single-process run. Workers are forked, so they
start with the parent's imports and catalog instead of loading them again, and with its warm pipeline: the
parent lints the built-in posting first (compiling the rules' patterns, loading the tables), then freezes what it
holds out of the garbage collector's reach, so the workers share those pages with it instead of each building and
holding a copy. The parent is one of the `jobs` processes that lint: it takes the next chunk itself whenever the
oldest chunk given out is still being linted, so `--jobs 2` forks one worker, not two (a worker's own memory, the
pages it writes, is a third of the batch's peak). A worker hands a posting back to the parent, unlinted, when its
language, or that of a passage in it, has data of its own (a pipeline, word lists, rules) that the worker has not
loaded and is rare among the postings the worker has met: a batch's few German or French postings then load German
or French in the parent only (the first one costs a process about a second and 50 MB).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor

from .catalog import load_catalog
from .config import ConfigResolver
from .formats import parse
from .language import is_shipped
from .linter import HandedBack
from .model import FileResult, InputError
from .nlp import PipelineError, loaded_languages
from .runner import run, run_documents
from .source import Source
from .warmup import POSTINGS, load_tables

CHUNK = 32  # postings per task: big enough to batch through spaCy, small enough to spread the work
SMALLEST_CHUNK = 4  # ... and toward the end of the batch, down to this many (see _chunks)
MIN_PARALLEL = 64  # below this many inputs, starting workers costs more than it saves
RARE = 8  # a language is rare in a worker's share of a batch while under one posting in RARE is in it


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


_state: dict = {}


def _init(config_path, overrides, want_metrics):
    _state["resolver"] = ConfigResolver(load_catalog(), config_path, overrides)
    _state["want_metrics"] = want_metrics


def _init_worker(config_path, overrides, want_metrics):
    _init(config_path, overrides, want_metrics)
    _state["hand_back"] = RareLanguages(loaded_languages())


class RareLanguages:
    """A worker's choice of the postings to hand back to the parent (Linter.lint's `hand_back`): those in a language
    with data of its own that the worker has not loaded, while under one posting in RARE of those it has met is in
    it. Once a language is common enough, the worker loads it and keeps it."""

    def __init__(self, loaded: set[str]) -> None:
        self.loaded = set(loaded)
        self.met: Counter[str] = Counter()
        self.total = 0

    def __call__(self, postings: list[set[str]]) -> set[str]:
        for languages in postings:
            self.met.update(languages)
        self.total += len(postings)
        rare = set()
        for language in set().union(*postings) - self.loaded:
            if is_shipped(language) and self.met[language] * RARE < self.total:
                rare.add(language)
            else:
                self.loaded.add(language)
        return rare


def _lint_handed_back(result: HandedBack, source_name: str | None) -> FileResult | InputError:
    """Lint, in the parent, a posting a worker handed back, with the config a worker would have used."""
    config = _state["resolver"].for_path(source_name if source_name is not None else result.path)
    return next(run_documents([result.document], config, want_metrics=_state["want_metrics"]))


def _warm_up(want_metrics: bool) -> None:
    """Lint the built-in posting in each format with the parent's own resolver (see _init), and load the tables
    it does not need but a batch does, so that what every worker needs is loaded once, before the fork."""
    try:
        config = _state["resolver"].for_path(None)
        documents = [parse(Source(f"warm-up.{fmt}", text, format=fmt)) for fmt, text in POSTINGS]
        list(run_documents(documents, config.with_overrides(lint_timeout=0), want_metrics=want_metrics))
        load_tables()
    except Exception:  # noqa: BLE001 - only a head start: the workers meet (and report) a bad config or pipeline
        return


def _lint_paths(paths: list[str]) -> list:
    def lint(chunk):
        return run(chunk, _state["resolver"], want_metrics=_state["want_metrics"], hand_back=_state.get("hand_back"))

    return _each(paths, lint)


def _lint_documents(args) -> list:
    source_name, items = args
    config = _state["resolver"].for_path(source_name)

    def lint(chunk):
        return run_documents(chunk, config, want_metrics=_state["want_metrics"], hand_back=_state.get("hand_back"))

    return _each(items, lint)


def _each(items: list, lint) -> list:
    """The chunk's results; should the chunk fail outside any one posting's guard, each item again on its own,
    so an exception raised in a worker costs one posting, not the chunk or (re-raised by the pool) the run."""
    try:
        return list(lint(items))
    except PipelineError:
        raise
    except Exception:
        pass
    results: list = []
    for item in items:
        try:
            results.extend(lint([item]))
        except PipelineError:
            raise
        except Exception as exc:
            path = item if isinstance(item, str) else item.path if isinstance(item, InputError) else item.source.path
            results.append(InputError.internal(path, "linting", exc))
    return results


def _chunks(items: Sequence, size: int, jobs: int) -> Iterator[list]:
    """`items` in tasks of `size`, then smaller ones as the end nears (each at most a quarter of each process's
    share of what is left, down to SMALLEST_CHUNK): when the last task is taken, a worker can still hold two, and
    the other processes would wait for them with nothing left to do."""
    start = 0
    while start < len(items):
        left = len(items) - start
        step = max(SMALLEST_CHUNK, min(size, left // (4 * jobs)))
        yield list(items[start : start + step])
        start += step


def lint_in_workers(
    kind: str, items: Sequence, jobs: int, config_path, overrides, want_metrics, source_name: str | None = None
) -> Iterator:
    """kind "paths": items are paths; kind "documents": parsed Documents (and InputErrors) of one export."""
    context = multiprocessing.get_context("fork")
    _init(config_path, overrides, want_metrics)
    _warm_up(want_metrics)
    gc.freeze()  # the collector would otherwise write to every shared object's page in each worker
    lint: Callable[..., list]
    tasks: Iterator
    if kind == "paths":
        lint, tasks = _lint_paths, _chunks(items, CHUNK, jobs)
    else:
        lint, tasks = _lint_documents, ((source_name, chunk) for chunk in _chunks(items, CHUNK, jobs))
    workers = max(1, jobs - 1)
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(config_path, overrides, want_metrics),
        ) as pool:
            for batch in _shared_with_parent(pool, lint, tasks, ahead=2 * workers):
                for item in batch:
                    yield _lint_handed_back(item, source_name) if isinstance(item, HandedBack) else item
    finally:
        gc.unfreeze()


def _shared_with_parent(pool: Executor, lint: Callable, tasks: Iterator, ahead: int) -> Iterator[list]:
    """Each task's results, in task order. The workers hold up to `ahead` tasks (one running, one queued each);
    while the oldest task out is unfinished, the parent lints the next task itself instead of waiting. The workers
    are given their next task before a result is handed on: what is done with it can take a while (a posting
    handed back loads its language in the parent, a second or so), and they would run out of work meanwhile."""
    queue: deque[Future | list] = deque()  # every task taken, in order: a worker's future or the parent's results
    given_out = 0  # futures in the queue
    task = next(tasks, None)

    def give_out() -> None:  # the workers' share, topped up to `ahead`
        nonlocal given_out, task
        while task is not None and given_out < ahead:
            queue.append(pool.submit(lint, task))
            given_out += 1
            task = next(tasks, None)

    give_out()
    while queue:
        head = queue[0]
        if task is not None and isinstance(head, Future) and not head.done():
            queue.append(lint(task))
            task = next(tasks, None)
            continue
        queue.popleft()
        if isinstance(head, Future):
            given_out -= 1
            result = head.result()
            give_out()
            yield result
        else:
            yield head
