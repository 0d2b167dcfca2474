"""`jdlint serve`: the JSON API answers the check contract field for field and refuses what it must; the page and
every error carry the security headers; the command binds, warns and fails in one line. Most tests call the
application in process (Starlette's test client); a few run it on uvicorn on 127.0.0.1 (a free port, a thread or
a subprocess). Nothing reaches the network."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2
import jsonschema
import pytest
import referencing
from click.testing import CliRunner
from referencing.jsonschema import DRAFT202012
from starlette.testclient import TestClient

from jdlint import warmup
from jdlint.catalog import load_catalog
from jdlint.cli import main
from jdlint.config import KNOWN_KEYS, Config, ConfigError, from_table
from jdlint.serve import ServeSettings, create_app
from jdlint.serve.app import SECURITY_HEADERS, host_allowed
from jdlint.serve.checking import REQUEST_KEYS, SERVER_ONLY_KEYS, Checker, CheckRequest

ROOT = Path(__file__).resolve().parents[1]  # this checkout, for the subprocess
CHECK = "/api/v1/check"
DAY = "2026-11-26"
SUFFIX = {"text": "txt", "markdown": "md", "html": "html"}
SHORT = "We need a salesman who is a digital native.\n"


@pytest.fixture(scope="module")
def app():
    return create_app(ServeSettings())


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app, base_url="http://127.0.0.1")


def cli_json(args: list[str]) -> dict:
    result = CliRunner().invoke(main, ["check", "--exit-zero", "--format", "json", "--date", DAY, *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# ----------------------------------------------------------------------------- the contract


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_answer_equals_the_cli_json_field_for_field(client, tmp_path, monkeypatch, fmt):
    text = dict(warmup.POSTINGS)[fmt]
    name = f"posting.{SUFFIX[fmt]}"
    (tmp_path / name).write_text(text, encoding="utf-8", newline="")
    monkeypatch.chdir(tmp_path)
    expected = cli_json([name])
    answer = client.post(CHECK, json={"text": text, "format": fmt, "path": name, "date": DAY})
    assert answer.status_code == 200
    body = answer.json()
    assert body == expected
    findings = body["files"][0]["findings"]
    assert {"JD201", "JD210", "JD401"} <= {f["code"] for f in findings}
    assert any(f["fix"] for f in findings)
    for finding in findings:  # spans index the posting as sent
        if finding["span"] is not None:
            assert text[finding["span"]["start"] : finding["span"]["end"]] == finding["text"]


def test_metadata_reaches_the_linter_as_an_export_records_fields(client, tmp_path, monkeypatch):
    record = {"id": "r1", "text": "We need a salesman for our sales team.\n", "location": "Seattle, WA", "title": "Rep"}
    (tmp_path / "export.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    expected = cli_json(["--records", "export.jsonl", "--location-field", "location", "--title-field", "title"])
    posting = {
        "text": record["text"],
        "path": "export.jsonl#r1",
        "metadata": {"location": "Seattle, WA", "title": "Rep"},
        "date": DAY,
    }
    body = client.post(CHECK, json=posting).json()
    assert body == expected
    assert [j["code"] for j in body["files"][0]["metrics"]["pay_laws"]["jurisdictions"]] == ["US-WA"]


def test_options_stand_in_for_the_config(client, tmp_path, monkeypatch):
    (tmp_path / "posting.txt").write_text(warmup.TEXT, encoding="utf-8")
    (tmp_path / "jdlint.toml").write_text('ignore = ["JD6", "culture"]\n[rules.JD404]\nlimit = 3\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    expected = cli_json(["--config", "jdlint.toml", "posting.txt"])
    options = {"ignore": ["JD6", "culture"], "rules": {"JD404": {"limit": 3}}}
    body = client.post(CHECK, json={"text": warmup.TEXT, "path": "posting.txt", "date": DAY, "options": options})
    assert body.json() == expected
    assert not [f for f in expected["files"][0]["findings"] if f["code"].startswith("JD6")]


def test_pay_laws_show_the_date_and_places_and_follow_the_request(client):
    text = "Account Manager\n\nWe are hiring an account manager to look after our clients.\n"
    plain = client.post(CHECK, json={"text": text, "date": DAY}).json()["files"][0]["metrics"]["pay_laws"]
    assert plain == {"date": DAY, "jurisdictions": [], "laws": []}

    def laws(date: str) -> tuple[dict, list]:
        posting = {"text": text, "date": date, "metadata": {"location": "Denver, CO"}}
        entry = client.post(CHECK, json=posting).json()["files"][0]
        return entry["metrics"]["pay_laws"], entry["findings"]

    now, _ = laws(DAY)
    assert now["date"] == DAY
    assert now["jurisdictions"] == [
        {"code": "US-CO", "name": "Colorado", "place": "Denver, CO", "evidence": "location: Denver, CO"}
    ]
    (law,) = now["laws"]
    assert law["jurisdiction"] == "US-CO" and law["effective"] == "2021-01-01" and law["in_force"] is True
    assert law["in_posting"] is True and law["citation"].startswith("https://")
    before, _ = laws("2020-06-01")
    assert before["date"] == "2020-06-01" and before["laws"][0]["in_force"] is False


def test_pay_laws_on_the_command_line_too(tmp_path, monkeypatch):
    (tmp_path / "posting.md").write_text("---\nlocation: Denver, CO\n---\nWe are hiring.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    metrics = cli_json(["posting.md"])["files"][0]["metrics"]
    assert metrics["pay_laws"]["date"] == DAY and metrics["pay_laws"]["jurisdictions"][0]["code"] == "US-CO"


# ----------------------------------------------------------------------------- refusals


def refusal(answer, status: int, code: str) -> str:
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert error["status"] == status and error["code"] == code and "\n" not in error["message"]
    return error["message"]


def test_not_json_is_400(client):
    answer = client.post(CHECK, content=b"{", headers={"content-type": "application/json"})
    assert "not valid JSON" in refusal(answer, 400, "not_json")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "", "json"])
def test_wrong_content_type_is_415(client, content_type):
    answer = client.post(CHECK, content=json.dumps({"text": "x"}).encode(), headers={"content-type": content_type})
    refusal(answer, 415, "unsupported_media_type")


def test_json_with_a_charset_is_accepted(client):
    answer = client.post(
        CHECK, content=json.dumps({"text": SHORT}).encode(), headers={"content-type": "application/json; charset=utf-8"}
    )
    assert answer.status_code == 200


def test_oversize_declared_length_is_413():
    small = TestClient(create_app(ServeSettings(max_request_bytes=1000, warm=False)), base_url="http://127.0.0.1")
    assert "1,000 bytes" in refusal(small.post(CHECK, json={"text": "x" * 2000}), 413, "too_large")
    assert small.post(CHECK, json={"text": SHORT}).status_code == 200


def test_oversize_streamed_body_is_413():
    small = TestClient(create_app(ServeSettings(max_request_bytes=1000, warm=False)), base_url="http://127.0.0.1")
    sent = []

    def chunks():
        for _ in range(100):  # no Content-Length: sent chunked
            sent.append(1)
            yield b'{"text": "' + b"x" * 100

    answer = small.post(CHECK, content=chunks(), headers={"content-type": "application/json"})
    refusal(answer, 413, "too_large")


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ([1, 2], "JSON object"),
        ({"text": 1}, "'text'"),
        ({"posting": "x"}, "unknown field(s): posting"),
        ({"text": "x", "format": "pdf"}, "'format'"),
        ({"text": "x", "metadata": {"location": 5}}, "'metadata'"),
        ({"text": "x", "metadata": "Denver"}, "'metadata'"),
        ({"text": "x", "options": []}, "'options'"),
        ({"text": "x", "path": ""}, "'path'"),
        ({"text": "x", "path": "p" * 201}, "'path'"),
        ({"text": "x", "date": "26/11/2026"}, "'date'"),
        ({"text": "x", "date": 20261126}, "'date'"),
        ({"text": "we need \ud800 people"}, "lone surrogate"),
        ({"text": "x", "options": {"select": ["JD9999"]}}, "JD9999"),
        ({"text": "x", "options": {"colour": "red"}}, "unknown key 'colour'"),
        ({"text": "x", "options": {"rules": {"JD602": {"limit": "long"}}}}, "limit"),
    ],
)
def test_bad_fields_are_422(client, body, words):
    answer = client.post(CHECK, content=json.dumps(body).encode(), headers={"content-type": "application/json"})
    assert words in refusal(answer, 422, "invalid_request")


@pytest.mark.parametrize("options", [{"select": ["JD9999"]}, {"fail-on": "fatal"}, {"language": "tlh"}])
def test_bad_options_give_the_config_modules_message(client, options):
    with pytest.raises(ConfigError) as raised:
        from_table(options, None, ".", load_catalog())
    answer = client.post(CHECK, json={"text": "x", "options": options})
    assert refusal(answer, 422, "invalid_request") == str(raised.value)


def test_every_config_key_is_either_a_requests_or_the_servers():
    assert set(KNOWN_KEYS) == SERVER_ONLY_KEYS | REQUEST_KEYS and not SERVER_ONLY_KEYS & REQUEST_KEYS
    assert {"pipeline", "exclude", "per-file-ignores", "max-file-size", "lint-timeout"} <= SERVER_ONLY_KEYS


@pytest.mark.parametrize("key", sorted(SERVER_ONLY_KEYS))
def test_options_that_name_files_or_limits_are_refused(client, key):
    value = {"per-file-ignores": {"*.txt": ["JD2"]}, "exclude": ["*"]}.get(key, "en_core_web_sm")
    answer = client.post(CHECK, json={"text": "x", "options": {key: value}})
    assert key in refusal(answer, 422, "invalid_request")


def test_a_posting_over_the_time_budget_is_422_with_the_stage():
    slow = TestClient(create_app(ServeSettings(config=Config(lint_timeout=1e-9))), base_url="http://127.0.0.1")
    message = refusal(slow.post(CHECK, json={"text": warmup.TEXT}), 422, "time_budget")
    assert "longer than the server's limit" in message and "while" in message


def test_unknown_paths_are_404_and_wrong_methods_405_as_json(client):
    refusal(client.get("/api/v1/nothing"), 404, "not_found")
    answer = client.get(CHECK)
    refusal(answer, 405, "method_not_allowed")
    assert answer.headers["allow"] == "POST"
    refusal(client.put("/"), 405, "method_not_allowed")


# ----------------------------------------------------------------------------- headers, hosts, origins


def test_security_headers_on_every_answer(client):
    answers = [
        client.get("/"),
        client.get("/api/v1/openapi.json"),
        client.post(CHECK, json={"text": SHORT}),
        client.post(CHECK, content=b"{", headers={"content-type": "application/json"}),
        client.get("/missing"),
        client.delete(CHECK),
        TestClient(client.app, base_url="http://attacker.example").get("/"),
    ]
    for answer in answers:
        for name in SECURITY_HEADERS:
            assert name in answer.headers, (answer.request.url, name)
        assert "access-control-allow-origin" not in answer.headers
    page = answers[0]
    assert "script-src 'nonce-" in page.headers["content-security-policy"]  # the page's own policy is kept
    assert "default-src 'none'" in answers[2].headers["content-security-policy"]


@pytest.mark.parametrize("host", ["attacker.example", "localhost.attacker.example", "127.0.0.1.nip.example"])
def test_other_host_names_are_refused(app, host):
    answer = TestClient(app, base_url=f"http://{host}").post(CHECK, json={"text": SHORT})
    assert host in refusal(answer, 400, "bad_host")


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:9", "[::1]:8000", "10.0.0.5"])
def test_this_computers_names_and_ip_addresses_are_served(app, host):
    assert TestClient(app, base_url=f"http://{host}").post(CHECK, json={"text": SHORT}).status_code == 200


def test_host_names():
    names = ("127.0.0.1", "localhost", "[::1]")
    assert host_allowed("LOCALHOST:80", names) and host_allowed("[::1]", names) and host_allowed("192.0.2.1:1", names)
    assert not host_allowed("", names) and not host_allowed("evil.example:8000", names)


def test_no_cors_headers_unless_an_origin_is_allowed(client):
    origin = {"origin": "https://ats.example.com"}
    answer = client.post(CHECK, json={"text": SHORT}, headers=origin)
    assert answer.status_code == 200 and "access-control-allow-origin" not in answer.headers
    preflight = {**origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type"}
    assert "access-control-allow-origin" not in client.options(CHECK, headers=preflight).headers


def test_cors_for_the_allowed_origin_only():
    settings = ServeSettings(allow_origins=("https://ats.example.com",), warm=False)
    cors = TestClient(create_app(settings), base_url="http://127.0.0.1")
    preflight = {"access-control-request-method": "POST", "access-control-request-headers": "content-type"}
    allowed = cors.options(CHECK, headers={"origin": "https://ats.example.com", **preflight})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://ats.example.com"
    answer = cors.post(CHECK, json={"text": SHORT}, headers={"origin": "https://ats.example.com"})
    assert answer.headers["access-control-allow-origin"] == "https://ats.example.com"
    other = cors.post(CHECK, json={"text": SHORT}, headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


# ----------------------------------------------------------------------------- OpenAPI


def test_openapi_description_is_valid_openapi_3_1(client):
    from openapi_spec_validator import OpenAPIV31SpecValidator, validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    validate(document, cls=OpenAPIV31SpecValidator)
    broken = {**document, "paths": {CHECK: {"post": {"responses": {"200": {}}}}}}  # a response needs a description
    with pytest.raises(OpenAPIValidationError):
        validate(broken, cls=OpenAPIV31SpecValidator)


def _validator(document: dict, name: str) -> jsonschema.Draft202012Validator:
    resource = referencing.Resource.from_contents(document, default_specification=DRAFT202012)
    registry = referencing.Registry().with_resource("urn:jdlint-openapi", resource)
    return jsonschema.Draft202012Validator(
        {"$ref": f"urn:jdlint-openapi#/components/schemas/{name}"},
        registry=registry,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def test_answers_validate_against_the_described_schemas(client):
    document = client.get("/api/v1/openapi.json").json()
    report = _validator(document, "Report")
    for fmt, text in warmup.POSTINGS:
        report.validate(client.post(CHECK, json={"text": text, "format": fmt, "metadata": {"location": "NYC"}}).json())
    report.validate(client.post(CHECK, json={"text": ""}).json())
    _validator(document, "CheckRequest").validate({"text": "x", "format": "html", "date": DAY})
    with pytest.raises(jsonschema.ValidationError):
        _validator(document, "CheckRequest").validate({"text": "x", "posting": 1})
    error = client.post(CHECK, content=b"[", headers={"content-type": "application/json"}).json()
    _validator(document, "Error").validate(error)
    with pytest.raises(jsonschema.ValidationError):  # the schema has teeth: a finding without a code fails
        broken = client.post(CHECK, json={"text": SHORT}).json()
        del broken["files"][0]["findings"][0]["code"]
        report.validate(broken)


# ----------------------------------------------------------------------------- the warm pipeline


def test_the_checker_keeps_its_linters_and_warms_up_once(monkeypatch):
    checker = Checker()
    built = []
    monkeypatch.setattr("jdlint.serve.checking.Linter", lambda *a: built.append(a) or pytest.fail("rebuilt"))
    for _ in range(3):
        checker.answer(CheckRequest(SHORT))
    assert not built
    assert len(checker._linters) == 1


def test_request_configurations_are_kept_warm_and_bounded():
    checker = Checker(warm=False)
    for limit in range(20, 35):
        checker.answer(CheckRequest(SHORT, options={"rules": {"JD602": {"limit": limit}}}))
    assert len(checker._linters) == 8


# ----------------------------------------------------------------------------- on uvicorn


@pytest.fixture(scope="module")
def served():
    """The application on uvicorn, 127.0.0.1 and a free port, in a background thread."""
    import uvicorn

    from jdlint.cli.serve import bind

    sock = bind("127.0.0.1", 0)
    settings = ServeSettings(config=Config(lint_date=None), max_request_bytes=50_000)
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(10)


def test_concurrent_requests_all_succeed(served):
    postings = [(fmt, text.replace("Denver", city)) for fmt, text in warmup.POSTINGS for city in ("Denver", "Austin")]

    def post(i: int) -> tuple[int, dict]:
        fmt, text = postings[i % len(postings)]
        answer = httpx2.post(f"{served}{CHECK}", json={"text": text, "format": fmt, "date": DAY}, timeout=60)
        return answer.status_code, answer.json()

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(post, range(48)))
    assert {status for status, _ in answers} == {200}
    for i, (_, body) in enumerate(answers):  # each answer is its own posting's, even under concurrency
        assert body == answers[i % len(postings)][1]


def test_real_server_refuses_streamed_oversize_and_other_hosts(served):
    def chunks():
        for _ in range(100):
            yield b"x" * 1000

    answer = httpx2.post(f"{served}{CHECK}", content=chunks(), headers={"content-type": "application/json"})
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"
    answer = httpx2.get(f"{served}/", headers={"host": "rebind.attacker.example"})
    assert answer.status_code == 400 and "x-frame-options" in answer.headers
    assert httpx2.get(f"{served}/", headers={"host": "localhost"}).status_code == 200


def test_serve_command_in_a_process_cuts_a_slow_posting_with_its_timer(tmp_path):
    """The command's own uvicorn runs the lint in the main thread, where SIGALRM interrupts it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "jdlint", "serve", "--port", "0", "--timeout", "0.000001", "--date", DAY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])},
    )
    try:
        line = process.stdout.readline()
        assert "jdlint serve: open http://localhost:" in line, process.stderr.read()
        url = line.split("open ", 1)[1].split()[0]
        answer = httpx2.post(f"{url}api/v1/check", json={"text": warmup.TEXT}, timeout=30)
        assert answer.status_code == 422 and answer.json()["error"]["code"] == "time_budget"
        assert httpx2.get(f"{url}api/v1/openapi.json").status_code == 200  # still serving
    finally:
        process.terminate()
        process.wait(10)


# ----------------------------------------------------------------------------- the command


@pytest.fixture()
def no_server(monkeypatch):
    """`jdlint serve` up to the point of serving: binds, warms up, prints; uvicorn's loop is not started."""
    import uvicorn

    ran = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: ran.append(sockets))
    monkeypatch.setattr(Checker, "warm_up", lambda self: None)
    return ran


def test_serve_prints_the_real_url_of_a_free_port(no_server):
    result = CliRunner().invoke(main, ["serve", "--port", "0"])
    assert result.exit_code == 0, result.output
    (sockets,) = no_server
    port = sockets[0].getsockname()[1]
    assert f"http://localhost:{port}/" in result.stdout and port != 0 and not result.stderr
    sockets[0].close()


def test_serve_warns_when_listening_beyond_this_computer(no_server):
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "0"])
    assert result.exit_code == 0, result.output
    assert "warning: listening on 0.0.0.0" in result.stderr
    no_server[0][0].close()


def test_serve_open_opens_the_page(no_server, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--open"])
    assert result.exit_code == 0, result.output
    assert opened == [result.stdout.split("open ", 1)[1].split()[0]]
    no_server[0][0].close()


def test_port_in_use_is_one_line_and_exit_2(no_server):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2 and not no_server
    assert result.stderr.startswith("jdlint: error: cannot listen on 127.0.0.1 port") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_bad_config_is_one_line_and_exit_2(no_server, tmp_path):
    bad = tmp_path / "jdlint.toml"
    bad.write_text("colour = 'red'\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--config", str(bad)])
    assert result.exit_code == 2 and not no_server
    assert "unknown key 'colour'" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("origin", ["*", "ats.example.com", "https://ats.example.com/jobs"])
def test_allow_origin_takes_origins_only(no_server, origin):
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--allow-origin", origin])
    assert result.exit_code == 2 and "is not an origin" in result.output and not no_server


def test_no_deprecation_warning_from_the_test_client():
    code = "import warnings; warnings.simplefilter('error'); import starlette.testclient"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
    assert Path(httpx2.__file__).exists()


def test_the_warm_up_reads_the_large_word_list_and_the_language_models_so_no_request_pays_for_them(monkeypatch):
    from jdlint.language import detect
    from jdlint.language.en import FREQUENCIES

    monkeypatch.delitem(FREQUENCIES.__dict__, "_large", raising=False)
    detect._detector.cache_clear()
    Checker()
    assert "_large" in FREQUENCIES.__dict__
    assert detect._detector.cache_info().currsize == 1
