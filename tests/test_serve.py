"""`jdlint serve`: the JSON API answers the check contract and refuses what it must (no server started: Starlette's
test client calls the application in process)."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from jdlint.serve import create_app


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(), base_url="http://127.0.0.1")


def test_check_answers_the_json_contract(client):
    answer = client.post("/api/v1/check", json={"text": "We need a salesman who is a digital native.\n"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["schema_version"] == 1 and set(body) == {"schema_version", "tool", "files", "summary"}
    assert "JD201" in [f["code"] for f in body["files"][0]["findings"]]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{", 400),
        (b'{"text": 1}', 422),
        (b'{"text": "x", "options": {"pipeline": "en_core_web_sm"}}', 422),
        (b'{"text": "x", "options": {"select": ["JD9999"]}}', 422),
    ],
)
def test_malformed_requests_are_refused(client, body, status):
    answer = client.post("/api/v1/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == status and answer.json()["error"]["message"]


def test_oversize_request_is_refused(client):
    assert client.post("/api/v1/check", json={"text": "x" * 1_100_000}).status_code == 413


def test_other_hosts_are_refused():
    assert TestClient(create_app(), base_url="http://attacker.example").get("/").status_code == 400
