"""`jdlint server`: a real LSP session over stdio (tests/lsp_client.py frames JSON-RPC), and position conversion.

Each server is started once per module (the warm-up costs seconds): one with no encoding offered (UTF-16), one
for UTF-8 and one for UTF-32. Every wait has a timeout, so a hang fails a test instead of blocking the run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_client import ROOT, LspClient
from lsprotocol import types

from jdlint.catalog import load_catalog
from jdlint.lsp.positions import Positions, units
from jdlint.rulelist import explain

# A posting written for these tests: an astral-plane emoji before findings on the same line, CRLF line breaks,
# gendered titles with safe fixes, hero jargon without a fix.
POSTING = (
    "# Chairman 😀 wanted\r\n"
    "\r\n"
    "Our 🚀 chairman leads a team of rockstar engineers.\r\n"
    "The salesman role reports to the chairman.\r\n"
)
_BREAK = re.compile(r"\r\n|\r|\n")


# -- an independent reading of positions, for checking the server's


def _lines(text: str) -> list[tuple[int, int]]:
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    ends = [m.start() for m in _BREAK.finditer(text)] + [len(text)]
    return list(zip(starts, ends, strict=True))


def _width(text: str, encoding: str) -> int:
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text.encode("utf-8"))


def expected_position(text: str, index: int, encoding: str) -> dict:
    for line, (start, end) in enumerate(_lines(text)):
        if start <= index <= end:
            return {"line": line, "character": _width(text[start:index], encoding)}
    raise AssertionError(index)


def index_of(text: str, position: dict, encoding: str) -> int:
    start, end = _lines(text)[position["line"]]
    for index in range(start, end + 1):
        if _width(text[start:index], encoding) >= position["character"]:
            return index
    return end


def apply_edits(text: str, edits: list[dict], encoding: str) -> str:
    spans = [
        (index_of(text, e["range"]["start"], encoding), index_of(text, e["range"]["end"], encoding), e) for e in edits
    ]
    for start, end, edit in sorted(spans, key=lambda s: s[0], reverse=True):
        text = text[:start] + edit["newText"] + text[end:]
    return text


# a bare environment, but for the test run's folder of stored word tables (conftest.py)
_BARE_ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "JDLINT_CACHE_DIR": os.environ["JDLINT_CACHE_DIR"]}


def cli_json(path: Path) -> list[dict]:
    run = subprocess.run(
        [sys.executable, "-m", "jdlint", "check", "--format", "json", "--exit-zero", str(path)],
        capture_output=True,
        check=True,
        cwd=path.parent,
        env=_BARE_ENV,
    )
    return json.loads(run.stdout)["files"][0]["findings"]


def cli_fix(path: Path) -> bytes:
    subprocess.run(
        [sys.executable, "-m", "jdlint", "check", "--fix", "--exit-zero", str(path)],
        capture_output=True,
        cwd=path.parent,
        env=_BARE_ENV,
    )
    return path.read_bytes()


# -- the servers


def _start(encodings: list[str] | None, options: dict | None = None) -> tuple[LspClient, dict]:
    client = LspClient()
    result = client.initialize(encodings, options)
    return client, result


@pytest.fixture(scope="module")
def utf16():
    client, result = _start(None, {"debounce": 50})
    assert result["capabilities"].get("positionEncoding", "utf-16") == "utf-16"
    yield client
    assert client.close() == 0


@pytest.fixture(scope="module", params=["utf-8", "utf-32"])
def offered(request):
    # the client lists its preference first; the server takes the first it supports
    client, result = _start([request.param, "utf-16"], {"debounce": 0})
    assert result["capabilities"]["positionEncoding"] == request.param
    yield client, request.param
    assert client.close() == 0


def _open(client: LspClient, path: Path, text: str, language: str = "markdown", version: int = 1) -> list[dict]:
    uri = path.as_uri()
    item = {"uri": uri, "languageId": language, "version": version, "text": text}
    client.notify("textDocument/didOpen", {"textDocument": item})
    return client.diagnostics(uri, version)


def _change(client: LspClient, path: Path, text: str, version: int) -> None:
    params = {"textDocument": {"uri": path.as_uri(), "version": version}, "contentChanges": [{"text": text}]}
    client.notify("textDocument/didChange", params)


def _actions(client: LspClient, path: Path, rng: dict, only: list[str] | None = None) -> list[dict]:
    context: dict = {"diagnostics": []}
    if only:
        context["only"] = only
    params = {"textDocument": {"uri": path.as_uri()}, "range": rng, "context": context}
    return client.request("textDocument/codeAction", params) or []


def _close(client: LspClient, path: Path) -> list[dict]:
    client.notify("textDocument/didClose", {"textDocument": {"uri": path.as_uri()}})
    return client.diagnostics(path.as_uri())


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _spans(findings: list[dict], text: str, encoding: str, shift: int = 0) -> list[tuple]:
    out = []
    for finding in findings:
        span = finding["span"]
        if span is None:
            out.append((finding["code"], {"line": 0, "character": 0}, {"line": 0, "character": 0}))
        else:
            start = expected_position(text, span["start"] + shift, encoding)
            out.append((finding["code"], start, expected_position(text, span["end"] + shift, encoding)))
    return sorted(out, key=repr)


def _ranges(diagnostics: list[dict]) -> list[tuple]:
    return sorted(((d["code"], d["range"]["start"], d["range"]["end"]) for d in diagnostics), key=repr)


# -- positions (unit)


def test_units_of_an_astral_character():
    assert [units("😀", enc) for enc in ("utf-8", "utf-16", "utf-32")] == [4, 2, 1]
    assert [units("é", enc) for enc in ("utf-8", "utf-16", "utf-32")] == [2, 1, 1]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_positions_round_trip_over_emoji_crlf_and_lone_cr(encoding):
    text = "a😀b\r\nc\rd🚀é\nend"
    positions = Positions(text, encoding)
    for index in range(len(text) + 1):
        if index and text[index - 1] == "\r" and text[index : index + 1] == "\n":
            continue  # between the two characters of one break: not a position
        position = positions.position(index)
        assert (position.line, position.character) == tuple(expected_position(text, index, encoding).values())
        assert positions.offset(position) == index


def test_positions_count_a_bom_the_editor_keeps():
    text = "\ufeffChairman 😀 x"
    positions = Positions(text, "utf-16", shift=1)
    assert positions.position(0) == types.Position(0, 1)  # jdlint's offset 0 is after the BOM
    assert positions.position(11) == types.Position(0, 13)  # after the emoji: two UTF-16 units
    assert positions.offset(types.Position(0, 13)) == 11


def test_positions_clamp_and_round():
    positions = Positions("a😀\r\nb", "utf-16")
    assert positions.offset(types.Position(0, 2)) == 1  # inside the surrogate pair: before the emoji
    assert positions.offset(types.Position(0, 99)) == 2  # past the line's end: its end, not the next line
    assert positions.offset(types.Position(9, 0)) == 5  # past the last line: the end
    assert positions.position(3) == types.Position(0, 3)  # between \r and \n: the line's end


# -- the session


def test_diagnostics_match_the_json_spans_in_utf16(utf16, tmp_path):
    path = _write(tmp_path, "posting.md", POSTING)
    diagnostics = _open(utf16, path, POSTING)
    assert {d["code"] for d in diagnostics} >= {"JD201", "JD332"}
    assert _ranges(diagnostics) == _spans(cli_json(path), POSTING, "utf-16")
    chairman = next(d for d in diagnostics if d["code"] == "JD201" and d["range"]["start"]["line"] == 2)
    assert chairman["range"] == {"start": {"line": 2, "character": 7}, "end": {"line": 2, "character": 15}}
    assert chairman["severity"] == 2 and chairman["source"] == "jdlint"
    assert chairman["codeDescription"]["href"].startswith("https://")
    assert _close(utf16, path) == []


def test_diagnostics_match_the_json_spans_in_the_offered_encoding(offered, tmp_path):
    client, encoding = offered
    path = _write(tmp_path, "posting.md", POSTING)
    diagnostics = _open(client, path, POSTING)
    assert _ranges(diagnostics) == _spans(cli_json(path), POSTING, encoding)
    chairman = next(d for d in diagnostics if d["code"] == "JD201" and d["range"]["start"]["line"] == 2)
    emoji = {"utf-8": 4, "utf-32": 1}[encoding]
    assert chairman["range"]["start"] == {"line": 2, "character": 4 + emoji + 1}
    # a fix lands on the right characters in this encoding too
    fixes = [a for a in _actions(client, path, chairman["range"]) if a["title"].startswith("Fix JD201")]
    fixed = apply_edits(POSTING, fixes[0]["edit"]["changes"][path.as_uri()], encoding)
    assert fixed == POSTING.replace("Our 🚀 chairman", "Our 🚀 chair")
    _close(client, path)


def test_a_bom_in_the_editor_text_shifts_every_range(utf16, tmp_path):
    path = _write(tmp_path, "posting.txt", POSTING)
    text = "\ufeff" + POSTING
    diagnostics = _open(utf16, path, text, "plaintext")
    assert _ranges(diagnostics) == _spans(cli_json(path), text, "utf-16", shift=1)
    title = next(d for d in diagnostics if d["code"] == "JD201" and d["range"]["start"]["line"] == 0)
    assert title["range"]["start"] == {"line": 0, "character": 3}  # BOM, '#', ' '
    everything = _actions(utf16, path, title["range"], ["source.fixAll.jdlint"])
    fixed = apply_edits(text, everything[0]["edit"]["changes"][path.as_uri()], "utf-16")
    assert fixed.startswith("\ufeff# Chair 😀")
    _close(utf16, path)


def test_quick_fixes_are_preferred_when_safe_and_fix_all_writes_what_check_fix_writes(utf16, tmp_path):
    path = _write(tmp_path, "posting.md", POSTING)
    diagnostics = _open(utf16, path, POSTING)
    salesman = next(d for d in diagnostics if d["code"] == "JD201" and d["range"]["start"]["line"] == 3)
    found = _actions(utf16, path, salesman["range"])
    fix = next(a for a in found if a["title"].startswith("Fix JD201"))
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True and "(unsafe)" not in fix["title"]
    assert fix["diagnostics"][0]["code"] == "JD201"
    fixed = apply_edits(POSTING, fix["edit"]["changes"][path.as_uri()], "utf-16")
    assert "The salesperson role" in fixed or "The sales" in fixed
    assert fixed.count("\r\n") == POSTING.count("\r\n")
    everything = next(a for a in found if a["kind"] == "source.fixAll.jdlint")
    assert everything["title"] == "Fix all safe jdlint problems"
    after = apply_edits(POSTING, everything["edit"]["changes"][path.as_uri()], "utf-16")
    assert after.encode("utf-8") == cli_fix(path)
    # asked for fix-all only (an editor's "fix on save"), the quick fixes are left out
    only = _actions(utf16, path, salesman["range"], ["source.fixAll"])
    assert [a["kind"] for a in only] == ["source.fixAll.jdlint"]
    _close(utf16, path)


def test_an_unsafe_fix_is_labelled_and_not_preferred(utf16, tmp_path):
    text = "Data Analyst\n\nYoull join a small team; its a friendly place.\n"
    path = _write(tmp_path, "posting.txt", text)
    diagnostics = _open(utf16, path, text, "plaintext")
    unsafe = []
    for diagnostic in diagnostics:
        unsafe += [a for a in _actions(utf16, path, diagnostic["range"]) if "(unsafe)" in a["title"]]
    assert unsafe, [d["code"] for d in diagnostics]
    assert all(not a.get("isPreferred") for a in unsafe)
    _close(utf16, path)


def test_changes_update_the_diagnostics_and_the_latest_version_wins(utf16, tmp_path):
    path = _write(tmp_path, "posting.md", POSTING)
    _open(utf16, path, POSTING)
    for version in (2, 3, 4):
        _change(utf16, path, POSTING.replace("rockstar", "x" * version), version)
    latest = utf16.diagnostics(path.as_uri(), 4)
    assert "JD332" not in {d["code"] for d in latest}
    assert not [
        m
        for m in utf16.seen
        if m.get("params", {}).get("uri") == path.as_uri() and m["params"].get("version") in (2, 3)
    ]
    _change(utf16, path, POSTING, 5)
    assert "JD332" in {d["code"] for d in utf16.diagnostics(path.as_uri(), 5)}
    _close(utf16, path)


def test_hover_shows_the_rule_explanation(utf16, tmp_path):
    path = _write(tmp_path, "posting.md", POSTING)
    diagnostics = _open(utf16, path, POSTING)
    jargon = next(d for d in diagnostics if d["code"] == "JD332")
    inside = {"line": jargon["range"]["start"]["line"], "character": jargon["range"]["start"]["character"] + 2}
    hover = utf16.request("textDocument/hover", {"textDocument": {"uri": path.as_uri()}, "position": inside})
    assert hover["contents"]["kind"] == "markdown"
    assert explain(load_catalog().by_code("JD332")) in hover["contents"]["value"]
    nowhere = utf16.request(
        "textDocument/hover", {"textDocument": {"uri": path.as_uri()}, "position": {"line": 1, "character": 0}}
    )
    assert nowhere is None
    _close(utf16, path)


@pytest.mark.parametrize(
    ("name", "language", "text"),
    [
        ("posting.md", "markdown", "# Analyst\n\nIntro line.\n\n- Report to the chairman weekly.\n- Other duties.\n"),
        (
            "posting.html",
            "html",
            "<html><body><h1>Analyst</h1><p>Intro.</p><p>Report to the chairman.</p></body></html>\n",
        ),
    ],
)
def test_ignore_here_inserts_a_directive_that_silences_the_finding(utf16, tmp_path, name, language, text):
    path = _write(tmp_path, name, text)
    diagnostics = _open(utf16, path, text, language)
    chairman = next(d for d in diagnostics if d["code"] == "JD201")
    ignore = next(a for a in _actions(utf16, path, chairman["range"]) if a["title"] == "Ignore JD201 here")
    edited = apply_edits(text, ignore["edit"]["changes"][path.as_uri()], "utf-16")
    assert "<!-- jdlint: ignore[JD201] -->" in edited
    _change(utf16, path, edited, 2)
    codes = {d["code"] for d in utf16.diagnostics(path.as_uri(), 2)}
    assert "JD201" not in codes and "JD902" not in codes and "JD901" not in codes
    _close(utf16, path)


def test_plain_text_has_no_directive_to_offer(utf16, tmp_path):
    text = "Analyst\n\nReport to the chairman.\n"
    path = _write(tmp_path, "posting.txt", text)
    chairman = next(d for d in _open(utf16, path, text, "plaintext") if d["code"] == "JD201")
    titles = [a["title"] for a in _actions(utf16, path, chairman["range"])]
    assert not [t for t in titles if t.startswith("Ignore")]
    assert "Allow 'chairman' (in a new .jdlint.toml)" in titles
    _close(utf16, path)


@pytest.mark.parametrize(
    ("name", "config", "expected"),
    [
        (".jdlint.toml", 'select = ["ALL"]\nallow = []\n', 'select = ["ALL"]\nallow = ["chairman"]\n'),
        (".jdlint.toml", 'allow = ["rockstar"]\n', 'allow = ["chairman", "rockstar"]\n'),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.jdlint]\nignore = ["JD6"]\n', None),
    ],
)
def test_allow_term_edits_the_config_and_the_server_reads_it_again(utf16, tmp_path, name, config, expected):
    config_path = _write(tmp_path, name, config)
    text = "Analyst\n\nReport to the chairman.\n"
    path = _write(tmp_path, "posting.txt", text)
    chairman = next(d for d in _open(utf16, path, text, "plaintext") if d["code"] == "JD201")
    allow = next(a for a in _actions(utf16, path, chairman["range"]) if a["title"].startswith("Allow"))
    assert allow["title"] == f"Allow 'chairman' (in {name})"
    edited = apply_edits(config, allow["edit"]["changes"][config_path.as_uri()], "utf-16")
    if expected is not None:
        assert edited == expected
    else:
        assert edited == config.replace("[tool.jdlint]\n", '[tool.jdlint]\nallow = ["chairman"]\n')
    config_path.write_text(edited)
    change = {"changes": [{"uri": config_path.as_uri(), "type": 2}]}
    utf16.notify("workspace/didChangeWatchedFiles", change)
    assert "JD201" not in {d["code"] for d in utf16.diagnostics(path.as_uri(), 1)}
    _close(utf16, path)


def test_a_broken_config_is_one_diagnostic_and_the_server_goes_on(utf16, tmp_path):
    (tmp_path / ".jdlint.toml").write_text("select = [\n")
    path = _write(tmp_path, "posting.md", POSTING)
    diagnostics = _open(utf16, path, POSTING)
    assert len(diagnostics) == 1 and diagnostics[0]["severity"] == 1
    assert "not valid TOML" in diagnostics[0]["message"]
    assert diagnostics[0]["range"] == {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}
    (tmp_path / ".jdlint.toml").write_text('select = ["JD201"]\n')
    _change(utf16, path, POSTING, 2)  # the config's new modification time is seen at the next lint
    assert {d["code"] for d in utf16.diagnostics(path.as_uri(), 2)} == {"JD201"}
    _close(utf16, path)


def test_whole_posting_findings_sit_at_the_start(utf16, tmp_path):
    text = "Data Analyst\n\n" + "We analyse data for our clinics and report to managers every week. " * 30 + "\n"
    path = _write(tmp_path, "posting.txt", text)
    diagnostics = _open(utf16, path, text, "plaintext")
    whole = [f for f in cli_json(path) if f["span"] is None]
    assert whole
    top = [
        d
        for d in diagnostics
        if d["range"] == {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}
    ]
    assert sorted(d["code"] for d in top) == sorted(f["code"] for f in whole)
    _close(utf16, path)


def test_other_files_are_not_linted(utf16, tmp_path):
    other = _write(tmp_path, "notes.py", "chairman = 1\n")
    item = {"uri": other.as_uri(), "languageId": "python", "version": 1, "text": "chairman = 1\n"}
    utf16.notify("textDocument/didOpen", {"textDocument": item})
    path = _write(tmp_path, "posting.md", POSTING)
    _open(utf16, path, POSTING)  # answered after the .py file, which published nothing
    assert not [m for m in utf16.seen if m.get("params", {}).get("uri") == other.as_uri()]
    _close(utf16, path)


def test_shutdown_and_exit_end_the_process_with_0(tmp_path):
    client, _ = _start(None)
    assert client.close() == 0


def test_a_crash_while_linting_is_logged_and_becomes_the_posting_s_error(monkeypatch, tmp_path):
    """In process: the parse raises, the client gets the traceback as a log message and one error diagnostic."""
    from pygls.workspace import Workspace

    from jdlint.lsp import postings, server
    from jdlint.serve.checking import Checker

    ls = server.create_server(Checker(warm=False))
    ls.protocol._workspace = Workspace(None, types.TextDocumentSyncKind.Full)
    uri = (tmp_path / "posting.md").as_uri()
    ls.workspace.put_text_document(types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text="Hello"))
    logged, published = [], []
    monkeypatch.setattr(ls, "window_log_message", logged.append)
    monkeypatch.setattr(ls, "text_document_publish_diagnostics", published.append)

    def broken(source):
        raise RuntimeError("a bug")

    monkeypatch.setattr(postings.formats, "parse", broken)
    posting = ls.refresh(uri)
    assert posting is not None and "RuntimeError: a bug" in (posting.error or "")
    assert "Traceback" in logged[0].message and logged[0].type == types.MessageType.Error
    [diagnostic] = published[0].diagnostics
    assert diagnostic.severity == types.DiagnosticSeverity.Error and "RuntimeError: a bug" in diagnostic.message
    # a handler's own failure is logged too, and answered with nothing
    assert server.guarded(ls, lambda: 1 / 0) is None
    assert "ZeroDivisionError" in logged[-1].message


def test_saving_the_config_in_the_editor_lints_open_postings_again(utf16, tmp_path):
    config = _write(tmp_path, ".jdlint.toml", 'select = ["ALL"]\n')
    path = _write(tmp_path, "posting.md", POSTING)
    assert "JD332" in {d["code"] for d in _open(utf16, path, POSTING)}
    config.write_text('ignore = ["JD332"]\n')
    utf16.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    assert "JD332" not in {d["code"] for d in utf16.diagnostics(path.as_uri(), 1)}
    _close(utf16, path)
