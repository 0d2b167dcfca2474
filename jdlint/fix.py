"""Fixes: apply non-overlapping edits, re-lint, repeat until nothing more applies (bounded).

Pure functions over Sources; reading and writing files is jdlint.fixing's job. A fix is written only when it
keeps everything around it: the file's encoding must be able to write it, it must not join two line breaks
into one (removing the text between a lone \\r and a \\n), and it must write the same line breaks as the text it
replaces (a rewrite of the whole posting excepted). Such a fix is skipped and said why, never forced.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable

from .formats import parse
from .linter import Linter
from .model import Applicability, FileResult, Finding
from .source import Source

MAX_ROUNDS = 10  # a fix that keeps producing new fixes is stopped here
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclasses.dataclass(frozen=True)
class Skipped:
    """A fixable finding that was not applied, and why (one line, for the user)."""

    finding: Finding
    reason: str


@dataclasses.dataclass(frozen=True)
class FixOutcome:
    source: Source  # the fixed Source
    applied: tuple[Finding, ...]
    result: FileResult  # the findings of the fixed text
    skipped: tuple[Skipped, ...] = ()  # findings of `result` whose fix could not be written


def applicable(finding, unsafe: bool) -> bool:
    return finding.fix is not None and (finding.fix.applicability is Applicability.SAFE or unsafe)


def _breaks(text: str) -> int:
    return len(_LINE_BREAK.findall(text))


def _joins_line_breaks(text: str, finding: Finding) -> bool:
    """Whether the finding's edits change how the line breaks around them pair up (a lone \\r and a \\n that
    become one \\r\\n when the text between them goes). Each run of touching edits is judged with the characters
    just outside it: the breaks of `before + content + after` less the content's own must not change."""
    assert finding.fix is not None
    runs: list[list] = []
    for edit in sorted(finding.fix.edits, key=lambda e: e.start):
        if runs and runs[-1][1] == edit.start:
            runs[-1][1], runs[-1][2] = edit.end, runs[-1][2] + edit.content
        else:
            runs.append([edit.start, edit.end, edit.content])
    for start, end, content in runs:
        before, after = text[max(0, start - 1) : start], text[end : end + 1]
        old = text[start:end]
        if _breaks(before + content + after) - _breaks(content) != _breaks(before + old + after) - _breaks(old):
            return True
    return False


def _unwritable(finding: Finding, encoding: str | None) -> str | None:
    """The first character of the fix that `encoding` cannot write, or None."""
    if encoding is None:
        return None
    assert finding.fix is not None
    for edit in finding.fix.edits:
        for char in edit.content:
            try:
                char.encode(encoding)
            except UnicodeEncodeError:
                return char
    return None


def skip_reason(text: str, finding: Finding, encoding: str | None = None) -> str | None:
    """Why this finding's fix must not be written into `text` (None: it may be)."""
    char = _unwritable(finding, encoding)
    if char is not None:
        return f"the file's encoding ({encoding}) cannot write {char!r} (U+{ord(char):04X})"
    if _joins_line_breaks(text, finding):
        return "it would join two line breaks into one"
    if _changes_line_breaks(text, finding):
        return "it would change the line breaks inside the text it replaces"
    return None


def _changes_line_breaks(text: str, finding: Finding) -> bool:
    """Whether an edit writes other line breaks than the text it replaces holds (fewer, more, another style).
    A rewrite of the whole posting (JD121's) is the exception: it writes the file's breaks itself."""
    assert finding.fix is not None
    return any(
        _LINE_BREAK.findall(text, e.start, e.end) != _LINE_BREAK.findall(e.content)
        for e in finding.fix.edits
        if (e.start, e.end) != (0, len(text))
    )


def plan(text: str, findings, encoding: str | None = None) -> tuple[list[Finding], list[Skipped]]:
    """(findings to apply together, findings whose fix must not be written): a finding whose edits overlap or
    touch one already taken waits for the next round, so the characters next to each edit are the text's own."""
    taken: list[tuple[int, int]] = []
    chosen, skipped = [], []
    for finding in sorted(findings, key=lambda f: min(e.start for e in f.fix.edits)):
        reason = skip_reason(text, finding, encoding)
        if reason is not None:
            skipped.append(Skipped(finding, reason))
            continue
        edits = finding.fix.edits
        if any(e.start <= end and start <= e.end for e in edits for start, end in taken):
            continue
        taken.extend((e.start, e.end) for e in edits)
        chosen.append(finding)
    return chosen, skipped


def apply_findings(text: str, findings, encoding: str | None = None) -> tuple[str, list]:
    """Apply each finding's edits together, skipping a finding whose edits overlap one already taken and one
    whose fix must not be written (see `plan`)."""
    chosen, _ = plan(text, findings, encoding)
    return _apply(text, chosen), chosen


def _apply(text: str, chosen: list[Finding]) -> str:
    edits = sorted((e for f in chosen for e in f.fix.edits), key=lambda e: e.start)  # type: ignore[union-attr]
    parts, position = [], 0
    for edit in edits:
        parts.append(text[position : edit.start])
        parts.append(edit.content)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def codec(source: Source) -> str:
    """The codec that writes `source`'s text back as the file had it (byte order included, BOM excluded)."""
    return f"{source.encoding}-{source.byte_order}" if source.byte_order else source.encoding


Keep = Callable[[FileResult, Finding], bool]  # whether a finding of a result is one to fix


def fix_text(source: Source, linter: Linter, *, unsafe: bool = False, keep: Keep | None = None) -> FixOutcome:
    """Fix `source` round after round until nothing more applies (or MAX_ROUNDS); with `keep`, only the findings
    it keeps (those the report shows, e.g. on changed lines: fixes never move line breaks, so lines stay put)."""

    def fixable(result: FileResult) -> list[Finding]:
        return [f for f in result.findings if applicable(f, unsafe) and (keep is None or keep(result, f))]

    applied: list[Finding] = []
    current = source
    encoding = codec(source)
    for _ in range(MAX_ROUNDS):
        result = next(linter.lint([parse(current)], want_metrics=True))
        chosen, skipped = plan(current.text, fixable(result), encoding)
        text = _apply(current.text, chosen)
        if not chosen or text == current.text:
            return FixOutcome(current, tuple(applied), result, tuple(skipped))
        applied.extend(chosen)
        current = dataclasses.replace(current, text=text)
    result = next(linter.lint([parse(current)], want_metrics=True))
    _, skipped = plan(current.text, fixable(result), encoding)
    return FixOutcome(current, tuple(applied), result, tuple(skipped))


def fix_source(source: Source, linter: Linter, *, unsafe: bool = False) -> tuple[Source, list[Finding], FileResult]:
    """(fixed Source, findings applied, FileResult of the fixed text)."""
    outcome = fix_text(source, linter, unsafe=unsafe)
    return outcome.source, list(outcome.applied), outcome.result


NO_NEWLINE = b"\\ No newline at end of file\n"


def unified_diff(path: str, before: Source, after: Source) -> bytes:
    """A unified diff of the file's bytes that `patch -p1` and `git apply` take: lines end at \\n only (a lone
    \\r stays inside its line, as those tools read it), and a last line without \\n is marked as such.

    UTF-16/32 files are not split into lines by a \\n byte, so their diff shows the text in UTF-8: readable,
    but not a patch for the file itself (--fix writes it)."""
    if before.encoding in ("utf-16", "utf-32"):
        old, new = before.text.encode("utf-8"), after.text.encode("utf-8")
    else:
        old, new = encode(before), encode(after)
    name = path.encode("utf-8", "surrogateescape")
    lines = difflib.diff_bytes(
        difflib.unified_diff, _lines(old), _lines(new), fromfile=b"a/" + name, tofile=b"b/" + name, lineterm=b"\n"
    )
    out = []
    for line in lines:
        if line.startswith((b"---", b"+++", b"@@")):
            out.append(line if line.endswith(b"\n") else line + b"\n")
        elif line.endswith(b"\n"):
            out.append(line)
        else:
            out.append(line + b"\n" + NO_NEWLINE)
    return b"".join(out)


def _lines(data: bytes) -> list[bytes]:
    """`data` split after each \\n byte (bytes.splitlines would also split at \\r and other breaks)."""
    parts = data.split(b"\n")
    lines = [part + b"\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def encode(source: Source) -> bytes:
    """The fixed text in the file's own encoding, with its byte-order mark (and byte order) if it had one."""
    if source.encoding == "utf-8":
        return (b"\xef\xbb\xbf" if source.bom else b"") + source.text.encode("utf-8")
    if source.encoding in ("utf-16", "utf-32") and source.byte_order:
        bom = "\ufeff".encode(codec(source)) if source.bom else b""
        return bom + source.text.encode(codec(source))
    return source.text.encode(source.encoding)  # utf-16/32 without a known order: the codec writes its BOM
