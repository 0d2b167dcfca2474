"""Code actions on a linted posting: each finding's fix, every safe fix at once, an inline directive, an allowed term.

Fixes are jdlint's own: a finding's edits as `--fix` writes them (a fix `fix.skip_reason` refuses is not offered),
and "fix all" is `fix.fix_text` over the posting, round after round, exactly the text `jdlint check --fix` writes.
"Ignore JDxxx here" writes `<!-- jdlint: ignore[JDxxx] -->` before the finding's block: on a line of its own in
Markdown (a comment at a paragraph's start would turn the paragraph into an HTML block), inside the block's tag in
HTML. Plain text has no comments, so no directive. "Allow 'term'" adds the finding's text to `allow` in the config
file `jdlint check` reads for the posting (.jdlint.toml, or pyproject.toml's [tool.jdlint]), or creates a
.jdlint.toml in the workspace folder when there is none and the editor can create files.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types

from .. import formats
from ..config import normalise_term
from ..fix import skip_reason
from ..model import Applicability, Finding
from ..rule import Catalog
from .diagnostics import diagnostic
from .positions import Positions
from .postings import Posting, Postings

FIX_ALL = "source.fixAll.jdlint"
FIX_ALL_TITLE = "Fix all safe jdlint problems"
DIRECTIVE_FORMATS = ("markdown", "html")
MAX_TERM = 60  # longer matched text is a passage, not a term anyone allows
_HEADER = re.compile(r"^[ \t]*\[", re.M)
_TOOL_TABLE = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*jdlint[ \t]*\][ \t]*(#.*)?(\r\n|\r|\n|$)", re.M)
_ALLOW = re.compile(r"^[ \t]*allow[ \t]*=[ \t]*\[", re.M)


def wanted(kind: str, only: Sequence[str] | None) -> bool:
    return not only or any(kind == want or kind.startswith(want + ".") for want in only)


def code_actions(
    postings: Postings,
    posting: Posting,
    request: types.Range,
    only: Sequence[str] | None = None,
    root: str | None = None,
    can_create: bool = False,
) -> list[types.CodeAction]:
    catalog = postings.checker.catalog
    positions = posting.positions
    start, end = positions.offset(request.start), positions.offset(request.end)
    actions: list[types.CodeAction] = []
    for finding in posting.findings:
        span = finding.span
        if span is None or span.start > end or start > span.end:
            continue
        if wanted(types.CodeActionKind.QuickFix, only):
            fix = fix_action(posting, finding, catalog)
            if fix is not None:
                actions.append(fix)
            ignore = ignore_action(posting, finding, catalog)
            if ignore is not None:
                actions.append(ignore)
            allow = allow_action(posting, finding, catalog, root, can_create)
            if allow is not None:
                actions.append(allow)
    if wanted(FIX_ALL, only) and any(_safe(posting, f) for f in posting.findings):
        actions.append(fix_all_action(postings, posting))
    return actions


def _safe(posting: Posting, finding: Finding) -> bool:
    return (
        finding.fix is not None
        and finding.fix.applicability is Applicability.SAFE
        and skip_reason(posting.source.text, finding, "utf-8") is None
    )


def _shown(text: str) -> str:
    shown = text if text.isprintable() else ascii(text)[1:-1]
    return shown if len(shown) <= 40 else shown[:39] + "…"


def fix_title(text: str, finding: Finding) -> str:
    assert finding.fix is not None
    unsafe = " (unsafe)" if finding.fix.applicability is not Applicability.SAFE else ""
    if len(finding.fix.edits) == 1:
        edit = finding.fix.edits[0]
        old, new = text[edit.start : edit.end], edit.content
        if old and new:
            return f"Fix {finding.code}: replace '{_shown(old)}' with '{_shown(new)}'{unsafe}"
        if old:
            return f"Fix {finding.code}: remove '{_shown(old)}'{unsafe}"
        return f"Fix {finding.code}: insert '{_shown(new)}'{unsafe}"
    return f"Fix {finding.code} ({finding.name}){unsafe}"


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def fix_action(posting: Posting, finding: Finding, catalog: Catalog) -> types.CodeAction | None:
    if finding.fix is None or skip_reason(posting.source.text, finding, "utf-8") is not None:
        return None
    edits = [types.TextEdit(posting.positions.range(e.start, e.end), e.content) for e in finding.fix.edits]
    return types.CodeAction(
        title=fix_title(posting.source.text, finding),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(finding, posting.positions, catalog)],
        is_preferred=finding.fix.applicability is Applicability.SAFE,
        edit=_edit(posting.uri, edits),
    )


def fix_all_action(postings: Postings, posting: Posting) -> types.CodeAction:
    edit = replacement(posting.text, postings.fixed_text(posting), posting.positions)
    return types.CodeAction(
        title=FIX_ALL_TITLE, kind=FIX_ALL, edit=_edit(posting.uri, [edit] if edit is not None else [])
    )


def replacement(before: str, after: str, positions: Positions) -> types.TextEdit | None:
    """One edit turning `before` (the editor's text) into `after`: the part between their common prefix and suffix."""
    if before == after:
        return None
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    if prefix and before[prefix - 1] == "\r":  # never cut a \r\n in two
        prefix -= 1
    end = len(before) - suffix
    if 0 < end < len(before) and before[end - 1] == "\r" and before[end] == "\n":
        suffix -= 1
        end += 1
    shift = positions.shift
    return types.TextEdit(positions.range(prefix - shift, end - shift), after[prefix : len(after) - suffix])


def ignore_action(posting: Posting, finding: Finding, catalog: Catalog) -> types.CodeAction | None:
    if posting.format not in DIRECTIVE_FORMATS or finding.span is None:
        return None
    at = _block_start(posting, finding.span.start)
    if at is None:
        return None
    text = posting.source.text
    directive = f"<!-- jdlint: ignore[{finding.code}] -->"
    if posting.format == "markdown":
        line = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
        indent = re.match(r"[ \t]*", text[line:]).group()  # type: ignore[union-attr]
        at, insert = line, f"{indent}{directive}{posting.source.newline}"
    else:
        insert = directive
    return types.CodeAction(
        title=f"Ignore {finding.code} here",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(finding, posting.positions, catalog)],
        edit=_edit(posting.uri, [types.TextEdit(posting.positions.range(at, at), insert)]),
    )


def _block_start(posting: Posting, offset: int) -> int | None:
    """The source offset where the block holding `offset` starts (what an ignore directive covers)."""
    try:
        document = formats.parse(posting.source)
    except formats.MarkupError:
        return None
    start = None
    for segment in document.segments:
        span = document.to_source(segment.start, segment.end)
        if span.start <= offset:
            start = span.start if start is None else max(start, span.start)
    return start


def allow_action(
    posting: Posting, finding: Finding, catalog: Catalog, root: str | None, can_create: bool
) -> types.CodeAction | None:
    term = normalise_term(finding.text or "")
    if not term or len(term) > MAX_TERM or not term.isprintable() or posting.config is None:
        return None
    quoted = json.dumps(term, ensure_ascii=False)
    config = posting.config.path
    title = f"Allow '{term}'"
    if config is None:
        if not can_create or posting.path is None:
            return None
        folder = root if root and _inside(posting.path, root) else os.path.dirname(posting.path)
        uri = Path(folder, ".jdlint.toml").as_uri()
        zero = types.Range(types.Position(0, 0), types.Position(0, 0))
        edit = types.WorkspaceEdit(
            document_changes=[
                types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True)),
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
                    edits=[types.TextEdit(zero, f"allow = [{quoted}]\n")],
                ),
            ]
        )
        title += " (in a new .jdlint.toml)"
    else:
        text_edit = allow_edit(config, quoted, posting.positions.encoding)
        if text_edit is None:
            return None
        edit = _edit(Path(config).as_uri(), [text_edit])
        title += f" (in {os.path.basename(config)})"
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(finding, posting.positions, catalog)],
        edit=edit,
    )


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([os.path.abspath(path), os.path.abspath(folder)]) == os.path.abspath(folder)
    except ValueError:
        return False


def allow_edit(config: str, quoted: str, encoding: str) -> types.TextEdit | None:
    """The edit adding the TOML string `quoted` to `allow` in the jdlint table of `config`; None when the file
    cannot be read or keeps its table in a form this does not edit (dotted keys, an inline table)."""
    try:
        with open(config, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    if os.path.basename(config) == "pyproject.toml":
        header = _TOOL_TABLE.search(text)
        if header is None:
            return None
        start = header.end()
        if not header.group(2):  # the header is the file's last line
            text_at, insert = start, f"{newline}allow = [{quoted}]{newline}"
            return _text_edit(text, text_at, insert, encoding)
    else:
        start = 0
    following = _HEADER.search(text, start)
    end = following.start() if following else len(text)
    allow = _ALLOW.search(text, start, end)
    if allow is None:
        return _text_edit(text, start, f"allow = [{quoted}]{newline}", encoding)
    rest = text[allow.end() :].lstrip(" \t\r\n")
    return _text_edit(text, allow.end(), quoted if rest.startswith("]") else f"{quoted}, ", encoding)


def _text_edit(text: str, at: int, insert: str, encoding: str) -> types.TextEdit:
    positions = Positions(text, encoding)
    return types.TextEdit(positions.range(at, at), insert)
