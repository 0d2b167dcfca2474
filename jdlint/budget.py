"""The per-posting time budget (`lint-timeout`): a posting that takes longer becomes that posting's error, naming the
stage it was in, and the batch goes on.

In the main thread of a process (the CLI and each worker process) a SIGALRM timer interrupts the stage wherever it
is, even inside one regular-expression search (Python's regex engine checks for signals as it runs). Where no timer
can be set (another thread, a platform without `setitimer`, a timer someone else has set), the budget is checked
each time a stage begins, so a stage that never returns is not cut there.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


class TimeBudgetExceeded(Exception):
    """A posting took longer than its budget; the message names the stage (one line, without the path)."""

    def __init__(self, seconds: float, stage: str) -> None:
        super().__init__(f"took longer than {seconds:g} s {stage}; raise lint-timeout or split the file")
        self.seconds = seconds
        self.stage = stage
        self.subject: object = None  # what was being worked on, when the caller knows (the linter: the Document)


@dataclass
class _Budget:
    seconds: float
    deadline: float
    stage: str


_current: _Budget | None = None


@contextmanager
def limit(seconds: float | None, stage: str) -> Iterator[None]:
    """Run the block within `seconds` (None or 0: no limit), starting in `stage`.

    Raises TimeBudgetExceeded from wherever the block is when time runs out. Inside another limit the outer
    budget holds (the block is part of the same posting)."""
    global _current
    if not seconds or _current is not None:
        if _current is not None:
            enter(stage)
        yield
        return
    timed = _can_interrupt()
    previous = signal.signal(signal.SIGALRM, _on_alarm) if timed else None
    _current = _Budget(seconds, time.monotonic() + seconds, stage)
    try:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        _current = None  # first: an alarm due this instant finds no budget and does nothing
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def enter(stage: str) -> None:
    """Record the stage now starting (the error names it); past the deadline, stop here, naming the stage that
    overran (what a timer would have named)."""
    budget = _current
    if budget is None:
        return
    if time.monotonic() > budget.deadline:
        raise TimeBudgetExceeded(budget.seconds, budget.stage)
    budget.stage = stage


def _on_alarm(signum: int, frame: object) -> None:
    budget = _current
    if budget is not None:
        raise TimeBudgetExceeded(budget.seconds, budget.stage)


def _can_interrupt() -> bool:
    """A timer signal can cut the block: in the main thread, where setitimer exists and no other timer runs."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
