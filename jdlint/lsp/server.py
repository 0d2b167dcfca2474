"""The pygls language server: documents in, diagnostics, code actions and hovers out.

Documents are synchronised in full (each change sends the whole text: a posting is small, and every position is
then converted by `positions.py` alone). A posting is linted at once when opened or saved, and after a pause in
typing (`debounce`, default 250 ms; the client's initializationOptions {"debounce": ms} changes it, 0 in the
benchmark) when changed: a newer change cancels the pending lint, so the latest version wins. Everything runs in
the event loop's thread, the main thread, so the per-posting time budget's SIGALRM timer works as in the CLI.
Nothing a handler raises ends the process: it is logged to the client (window/logMessage).
"""

from __future__ import annotations

import asyncio
import os
import traceback
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from ..config import CONFIG_FILES
from ..serve.checking import Checker
from ..version import __version__
from . import actions, diagnostics
from .postings import Posting, PostingCrash, Postings, uri_to_path

DEBOUNCE = 0.25  # seconds of quiet after a change before it is linted


class JdlintServer(LanguageServer):
    def __init__(self, checker: Checker | None = None) -> None:
        super().__init__("jdlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.postings = Postings(checker)
        self.linted: dict[str, Posting] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.debounce = DEBOUNCE

    # -- linting

    def log(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def refresh(self, uri: str) -> Posting | None:
        """Lint the open document's current text and publish its diagnostics."""
        document = self.workspace.get_text_document(uri)
        try:
            posting = self.postings.lint(uri, document.source, document.version, document.language_id)
        except PostingCrash as crash:
            self.log("".join(traceback.format_exception(crash.cause)))
            posting = crash.posting
        if posting is None:
            return None
        self.linted[uri] = posting
        self.publish(posting)
        return posting

    def publish(self, posting: Posting) -> None:
        catalog = self.postings.checker.catalog
        if posting.error is not None:
            found = [diagnostics.error(posting.error)]
        else:
            found = [diagnostics.diagnostic(f, posting.positions, catalog) for f in posting.findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=posting.uri, diagnostics=found, version=posting.version)
        )

    def current(self, uri: str) -> Posting | None:
        """The posting as linted at the document's current version (linted now if a change is pending)."""
        posting = self.linted.get(uri)
        document = self.workspace.get_text_document(uri)
        if posting is None or posting.version != document.version or posting.text != document.source:
            self.cancel(uri)
            posting = self.refresh(uri)
        return posting

    def cancel(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()

    def later(self, uri: str) -> None:
        self.cancel(uri)
        self.pending[uri] = asyncio.get_running_loop().create_task(self._after_pause(uri))

    async def _after_pause(self, uri: str) -> None:
        await asyncio.sleep(self.debounce)
        self.pending.pop(uri, None)
        guarded(self, self.refresh, uri)

    def relint_all(self) -> None:
        self.postings.reload_config()
        for uri in list(self.linted):
            self.cancel(uri)
            self.refresh(uri)


def guarded(server: JdlintServer, function, *args) -> Any:
    """Call a handler's work; an exception is logged to the client, never the end of the server."""
    try:
        return function(*args)
    except Exception as exc:
        server.log(f"jdlint: {type(exc).__name__}: {exc}\n{traceback.format_exc()}")
        return None


def _is_config(uri: str) -> bool:
    path = uri_to_path(uri)
    return path is not None and os.path.basename(path) in CONFIG_FILES


def initialize(ls: JdlintServer, params: types.InitializeParams) -> None:
    encoding = ls.workspace.position_encoding or types.PositionEncodingKind.Utf16
    ls.postings.encoding = getattr(encoding, "value", encoding)
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("debounce"), int | float):
        ls.debounce = max(0.0, float(options["debounce"]) / 1000)


def initialized(ls: JdlintServer, params: types.InitializedParams) -> None:
    watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watch and watch.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
        registration = types.Registration(
            id="jdlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


def did_open(ls: JdlintServer, params: types.DidOpenTextDocumentParams) -> None:
    guarded(ls, ls.refresh, params.text_document.uri)


def did_change(ls: JdlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.later(params.text_document.uri)


def did_save(ls: JdlintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if _is_config(uri):
        guarded(ls, ls.relint_all)
    else:
        ls.cancel(uri)
        guarded(ls, ls.refresh, uri)


def did_close(ls: JdlintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.cancel(uri)
    if ls.linted.pop(uri, None) is not None:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def watched(ls: JdlintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(_is_config(change.uri) for change in params.changes):
        guarded(ls, ls.relint_all)


def code_action(ls: JdlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    def work() -> list[types.CodeAction] | None:
        posting = ls.current(params.text_document.uri)
        if posting is None or posting.error is not None:
            return None
        edits = ls.client_capabilities.workspace and ls.client_capabilities.workspace.workspace_edit
        operations = (edits and edits.resource_operations) or []
        return actions.code_actions(
            ls.postings,
            posting,
            params.range,
            params.context.only,
            ls.workspace.root_path,
            types.ResourceOperationKind.Create in operations,
        )

    return guarded(ls, work)


def hover(ls: JdlintServer, params: types.HoverParams) -> types.Hover | None:
    def work() -> types.Hover | None:
        posting = ls.current(params.text_document.uri)
        if posting is None:
            return None
        catalog = ls.postings.checker.catalog
        return diagnostics.hover(posting.findings, posting.positions, params.position, catalog)

    return guarded(ls, work)


def create_server(checker: Checker | None = None) -> JdlintServer:
    server = JdlintServer(checker)
    server.feature(types.INITIALIZE)(initialize)
    server.feature(types.INITIALIZED)(initialized)
    server.feature(types.TEXT_DOCUMENT_DID_OPEN)(did_open)
    server.feature(types.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    server.feature(types.TEXT_DOCUMENT_DID_SAVE)(did_save)
    server.feature(types.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(watched)
    server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]),
    )(code_action)
    server.feature(types.TEXT_DOCUMENT_HOVER)(hover)
    return server


def run() -> None:
    """Serve over stdin and stdout until the client says exit."""
    create_server(Checker()).start_io()
