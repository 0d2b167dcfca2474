"""A small JSON-RPC client for `jdlint server` over stdio (Content-Length framing), for tests and benchmarks.

Messages the server sends are read by a thread into a queue; every wait has a timeout, so a server that hangs fails
the caller instead of blocking it.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60.0  # seconds for any one answer (the first includes the warm-up)


class LspClient:
    def __init__(self, cwd: str | None = None) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jdlint", "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd or str(ROOT),
            env=env,
        )
        self.ids = itertools.count(1)
        self.inbox: queue.Queue[dict] = queue.Queue()
        self.seen: list[dict] = []  # notifications and requests from the server, in order
        self.answers: dict[int, dict] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                return
            self.inbox.put(json.loads(stream.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> Any:
        number = next(self.ids)
        self.send({"id": number, "method": method, "params": params})
        message = self._until(lambda m: m.get("id") == number and "method" not in m, timeout)
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return message.get("result")

    def _until(self, wanted, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from the language server in time")
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                raise TimeoutError("no answer from the language server in time") from None
            if "method" in message and "id" in message:  # a request from the server: answer it
                self.send({"id": message["id"], "result": None})
            if wanted(message):
                return message
            self.seen.append(message)

    def notification(self, method: str, match=lambda params: True, timeout: float = TIMEOUT) -> dict:
        """The next notification `method` whose params satisfy `match` (earlier ones seen are searched first)."""
        for i, message in enumerate(self.seen):
            if message.get("method") == method and match(message.get("params")):
                del self.seen[i]
                return message["params"]
        found = self._until(lambda m: m.get("method") == method and "id" not in m and match(m.get("params")), timeout)
        return found["params"]

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = TIMEOUT) -> list[dict]:
        def match(params: dict) -> bool:
            return params["uri"] == uri and (version is None or params.get("version") == version)

        return self.notification("textDocument/publishDiagnostics", match, timeout)["diagnostics"]

    def initialize(self, encodings: list[str] | None = None, options: dict | None = None, root: str | None = None):
        general = {"positionEncodings": encodings} if encodings else {}
        capabilities = {
            "general": general,
            "workspace": {"workspaceEdit": {"documentChanges": True, "resourceOperations": ["create"]}},
            "textDocument": {"publishDiagnostics": {"versionSupport": True}},
        }
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": Path(root).as_uri() if root else None,
                "capabilities": capabilities,
                "initializationOptions": options or {},
            },
        )
        self.notify("initialized", {})
        return result

    def close(self, timeout: float = 30.0) -> int:
        """shutdown, exit; the server's exit code."""
        try:
            self.request("shutdown", None, timeout)
            self.notify("exit", None)
            return self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
