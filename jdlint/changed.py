"""Changed lines: keep only the findings on lines changed since a git revision (`check --changed-since REF`).

git runs as a subprocess in the repository that holds the current directory, once per run: `git diff -U0 REF`
of the working tree (staged and unstaged changes alike), with rename detection so a moved file counts only on the
lines git says changed. A file git does not track (untracked, ignored) or outside the repository counts as changed
throughout; a tracked file that git lists no change for has none. Lines are counted as git counts them, at \\n.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .model import MISSING, NOT_SHOWN, FileResult, Finding

_RUN = Callable[..., subprocess.CompletedProcess]
ALL = None  # FileChange.lines for a file changed throughout


class ChangedSinceError(Exception):
    """Why --changed-since cannot be used (no git, no repository, unknown revision): one line for the user."""


@dataclass(frozen=True)
class FileChange:
    lines: frozenset[int] | None  # the 1-based lines added or changed; None: every line counts as changed
    changed: bool  # the posting's content differs from the revision (whole-posting findings are shown)
    note: str | None = None  # why the file counts as changed throughout, when the user should know


UNCHANGED = FileChange(frozenset(), changed=False)
EVERYTHING = FileChange(ALL, changed=True)


@dataclass
class Changes:
    """The changes of a repository's working tree since `ref` (`revision`: the commit it names)."""

    ref: str
    revision: str
    root: str  # the repository's top-level folder (real path)
    files: dict[str, FileChange]  # changed files by path relative to root, with /
    tracked: set[str]  # every file in the index (relative to root): one not in `files` is unchanged
    stdin_name: str | None = None  # the name text read from stdin goes by: that text is not what git has
    _seen: dict[str, FileChange] = field(default_factory=dict)

    def of(self, path: str) -> FileChange:
        """The change of the file `path` (as given on the command line) since the revision."""
        if path not in self._seen:
            self._seen[path] = self._find(path)
        return self._seen[path]

    def _find(self, path: str) -> FileChange:
        if path.startswith("<") or path in ("-", self.stdin_name):
            return FileChange(ALL, True, f"{path}: read from stdin, not from the repository: every finding is shown")
        full = os.path.join(os.path.realpath(os.path.dirname(os.path.abspath(path))), os.path.basename(path))
        relative = os.path.relpath(full, self.root)
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return FileChange(ALL, True, f"{path}: outside the git repository {self.root}: every finding is shown")
        key = relative.replace(os.sep, "/")
        if key in self.files:
            return self.files[key]
        return UNCHANGED if key in self.tracked else EVERYTHING

    def shows(self, result: FileResult, finding: Finding) -> bool:
        """Whether `finding` of `result` touches a changed line (a whole-posting finding: the posting changed)."""
        change = self.of(result.path)
        if finding.span is None or change.lines is ALL:
            return change.changed
        if not change.lines:
            return False
        first, last = touched_lines(result.text, finding.span.start, finding.span.end)
        return any(line in change.lines for line in range(first, last + 1))

    def notes(self, results: list[FileResult]) -> list[str]:
        """One note per result whose file counts as changed throughout for a reason the user should know."""
        return [note for note in (self.of(r.path).note for r in results) if note]


def touched_lines(text: str, start: int, end: int) -> tuple[int, int]:
    """The first and last 1-based line (counted at \\n, as git does) of the span [start, end)."""
    breaks = _breaks(text)
    last = max(start, end - 1)  # a span ending just after a line break does not touch the next line
    return bisect.bisect_left(breaks, start) + 1, bisect.bisect_left(breaks, last) + 1


@functools.lru_cache(maxsize=4)  # one posting's findings ask in turn: its breaks are found once (str hashes are cached)
def _breaks(text: str) -> list[int]:
    return [match.start() for match in re.finditer("\n", text)]


def filter_changed(results: list[FileResult], changes: Changes) -> list[FileResult]:
    """Drop the findings on lines unchanged since the revision, as baseline.filter_known drops known ones: a
    checklist item whose finding is dropped says it is not shown, and why."""
    reason = f"the posting has not changed since {changes.ref}"
    for result in results:
        kept = [f for f in result.findings if changes.shows(result, f)]
        dropped = {f.code for f in result.findings} - {f.code for f in kept}
        result.findings = kept
        result.checklist = tuple(
            replace(item, status=NOT_SHOWN, reason=reason) if item.code in dropped and item.status == MISSING else item
            for item in result.checklist
        )
    return results


def since(ref: str, cwd: str | None = None, run: _RUN = subprocess.run) -> Changes:
    """The changes since `ref` of the repository holding `cwd` (the current directory by default)."""
    top = _git(run, cwd, "rev-parse", "--show-toplevel", problem="not inside a git repository")
    root = os.path.realpath(os.fsdecode(top.rstrip(b"\n")))
    revision = _git(
        run, root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}",
        problem=f"unknown git revision {ref!r}",
    ).strip()  # fmt: skip
    revision_text = revision.decode("ascii")
    diff = _git(
        run, root, "diff", "--no-ext-diff", "--no-textconv", "--no-color", "--no-relative", "--unified=0",
        "--find-renames", "--src-prefix=a/", "--dst-prefix=b/", "--ignore-submodules", revision_text, "--",
        problem="git diff failed",
    )  # fmt: skip
    tracked = _git(run, root, "ls-files", "-z", "--cached", "--full-name", problem="git ls-files failed")
    return Changes(
        ref=ref,
        revision=revision_text,
        root=root,
        files=parse_diff(diff),
        tracked={os.fsdecode(name) for name in tracked.split(b"\0") if name},
    )


def _git(run: _RUN, cwd: str | None, *args: str, problem: str) -> bytes:
    command = ["git", "-c", "core.quotepath=false", *args]
    try:
        done = run(command, cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise ChangedSinceError("--changed-since needs git, and git was not found") from None
    except OSError as exc:
        raise ChangedSinceError(f"--changed-since: cannot run git ({exc.strerror or exc})") from None
    if done.returncode != 0:
        detail = os.fsdecode(done.stderr).strip().splitlines()
        where = f" ({os.path.abspath(cwd or os.curdir)})" if problem.startswith("not inside") else ""
        suffix = f": {detail[-1]}" if detail and not problem.startswith(("not inside", "unknown")) else ""
        raise ChangedSinceError(f"--changed-since: {problem}{where}{suffix}")
    return bytes(done.stdout)


def parse_diff(diff: bytes) -> dict[str, FileChange]:
    """{path relative to the repository: its change} from `git diff --unified=0` output (paths in b/)."""
    files: dict[str, FileChange] = {}
    current: str | None = None
    lines: set[int] = set()
    hunks = whole = False

    def close() -> None:
        if current is not None:
            files[current] = EVERYTHING if whole else FileChange(frozenset(lines), hunks)

    for raw in diff.split(b"\n"):
        if raw.startswith(b"diff --git "):
            close()
            current, lines, hunks, whole = None, set(), False, False
        elif raw.startswith(b"+++ "):
            name = _unquote(raw[4:].rstrip(b"\t"))
            current = name[2:] if name.startswith("b/") else None  # /dev/null: a deleted file
        elif raw.startswith(b"@@ ") and current is not None:
            hunks = True
            start, count = _new_range(raw)
            lines.update(range(start, start + count))
        elif raw.startswith(b"Binary files ") and raw.endswith(b" differ"):
            current, whole = _binary_name(raw), True  # git shows no lines: every line counts as changed
    close()
    return files


def _new_range(hunk: bytes) -> tuple[int, int]:
    """(first line, count) of the new side of a hunk header `@@ -a,b +c,d @@`."""
    new = hunk.split(b" ")[2][1:]
    start, _, count = new.partition(b",")
    return int(start), int(count) if count else 1


def _binary_name(line: bytes) -> str | None:
    new = line[len(b"Binary files ") : -len(b" differ")].rpartition(b" and ")[2]
    name = _unquote(new)
    return name[2:] if name.startswith("b/") else None


_ESCAPES = {b"a": 7, b"b": 8, b"t": 9, b"n": 10, b"v": 11, b"f": 12, b"r": 13, b'"': 34, b"\\": 92}


def _unquote(name: bytes) -> str:
    """A path as git writes it in a diff: as it is, or in C quotes with escapes and octal bytes."""
    if not (name.startswith(b'"') and name.endswith(b'"') and len(name) >= 2):
        return os.fsdecode(name)
    out = bytearray()
    body, i = name[1:-1], 0
    while i < len(body):
        if body[i : i + 1] == b"\\" and i + 1 < len(body):
            code = body[i + 1 : i + 2]
            if code.isdigit():
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(code, code[0]))
            i += 2
            continue
        out.append(body[i])
        i += 1
    return os.fsdecode(bytes(out))
