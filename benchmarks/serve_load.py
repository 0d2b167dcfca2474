"""Load on `jdlint serve`: start it on 127.0.0.1 (a free port, its own process), send a bounded load from concurrent
clients, and print latency p50/p95/max, throughput and errors. It prints figures only; nothing is asserted.

    python benchmarks/serve_load.py                          # 500 requests from 8 clients, the posting below
    python benchmarks/serve_load.py --requests 2000 --clients 16 --posting my-posting.md --format markdown

First it times the first request after start-up and a run of single requests one after another (the latency a
person typing in the page sees), then the concurrent load. Requests go over HTTP/1.1 keep-alive connections, one
per client (http.client, so the benchmark needs nothing beyond jdlint itself).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

# A representative posting written for this benchmark (about 600 words): title, location, duties, requirements,
# pay, benefits and statements, with the kinds of wording jdlint reports.
POSTING = """\
Customer Success Manager (m/w/d)
Location: Austin, TX - hybrid, three days a week in our downtown office

About us
We build scheduling software for community clinics, and more than four hundred clinics across Texas, Colorado and
New Mexico use it every day to book appointments, send reminders and keep waiting rooms calm. We are a team of
sixty people, and we care about clear writing, honest estimates and leaving work at a reasonable hour.

The role
As our Customer Success Manager you will be the person our clinics call first. You will own a portfolio of about
seventy accounts, learn how each clinic works, and help them get the most out of the product. You will work
closely with our support engineers, our product managers and our training team, and you will report to the Head of
Customer Experience. This is a new role on a growing team, so you will also help us decide how the work is done.

What you will do
- Run onboarding for new clinics: plan the first ninety days, train the front-desk staff and check in weekly.
- Hold quarterly reviews with clinic managers and turn what you hear into clear requests for the product team.
- Watch usage figures and reach out before a clinic gets stuck, not after it has already given up.
- Write and keep up to date the help articles that your clinics read most often.
- Represent our customers in planning meetings, and push back when a change would make their day harder.
- Be a rockstar who thrives under pressure and can handle a fast-paced, aggressive environment.
- Travel to clinics in the region about four times a quarter; a driver's license is required.

What we are looking for
- At least 3 years of experience in customer success, account management or a similar role in software.
- A bachelor's degree in business, communications or a related field.
- Excellent written and spoken English; native speakers preferred.
- Comfort explaining technical ideas to people who are busy and not technical at all.
- Experience with a CRM such as HubSpot or Salesforce, and with spreadsheets for simple reporting.
- Digital natives who are young and energetic will fit right in with our team.
- Nice to have: Spanish, experience in healthcare, or time spent working in a clinic yourself.

How we work
We plan in six-week cycles and write things down, so you will never have to guess what is expected of you. Most
meetings have an agenda and end early. We keep Fridays free of internal meetings so that everyone has time to think,
write and catch up. We expect you to work hard and play hard, and to be available on weekends during launches.

Pay and benefits
We offer a competitive salary and an annual bonus. Health, dental and vision insurance for you and your family,
with the premiums fully paid. Twenty-five days of paid time off plus public holidays, and a paid week off between
Christmas and New Year. A yearly learning budget of $1,500 for courses, books and conferences. A 401(k) plan with
a four percent match from your first day. A home-office allowance for the days you work from home.

How to apply
Send us your resume and a short note about a customer you helped and what you learned from it. We read every
application, and we reply to every applicant within two weeks. The process has three steps: a thirty-minute call
with the hiring manager, a conversation with two people from the team about a real account, and a final call with
our Head of Customer Experience. We do not ask for take-home assignments.

We are an equal opportunity employer and value diversity at our company. We do not discriminate on the basis of
race, religion, color, national origin, gender, sexual orientation, age, marital status, veteran status, or
disability status. If you need an accommodation at any stage of the process, tell us and we will arrange it.
"""


def start_server() -> tuple[subprocess.Popen, str, int]:
    """`jdlint serve --port 0` in its own process: (process, host, port) once it prints its address."""
    command = [sys.executable, "-m", "jdlint", "serve", "--port", "0", "--host", "127.0.0.1"]
    checkout = str(Path(__file__).resolve().parents[1])  # this checkout's jdlint, not another installed one
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([checkout, os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    started = time.perf_counter()
    assert process.stdout is not None
    line = process.stdout.readline()
    if "http://" not in line:
        process.kill()
        raise SystemExit(f"jdlint serve did not start: {line}{process.communicate()[1]}")
    address = line.split("http://", 1)[1].split("/", 1)[0]
    print(f"server ready after {time.perf_counter() - started:.1f} s (start-up and warm-up) at {address}")
    return process, "127.0.0.1", int(address.rsplit(":", 1)[1])


def cpu_seconds(pid: int) -> float | None:
    """The server process's CPU time so far (user + system; Linux /proc), or None elsewhere: per request it shows
    the work done, whatever else the machine runs."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_per_request(before: float | None, after: float | None, requests: int) -> str:
    if before is None or after is None or not requests:
        return ""
    return f"; server CPU {(after - before) * 1000 / requests:.1f} ms per request"


def post(connection: http.client.HTTPConnection, body: bytes) -> tuple[int, float]:
    started = time.perf_counter()
    connection.request("POST", "/api/v1/check", body, {"Content-Type": "application/json", "Host": "localhost"})
    answer = connection.getresponse()
    answer.read()
    return answer.status, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def figures(label: str, latencies: list[float]) -> None:
    ms = [v * 1000 for v in latencies]
    print(
        f"{label}: p50 {statistics.median(ms):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms, max {max(ms):.1f} ms "
        f"({len(ms)} requests)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--sequential", type=int, default=50, help="single requests timed one after another")
    parser.add_argument("--posting", type=Path, help="a posting file to send instead of the built-in one")
    parser.add_argument("--format", default="text", choices=["text", "markdown", "html"])
    args = parser.parse_args()
    text = args.posting.read_text(encoding="utf-8") if args.posting else POSTING
    body = json.dumps({"text": text, "format": args.format, "metadata": {"title": "Customer Success Manager"}}).encode()
    print(f"posting: {len(text.split())} words, request {len(body):,} bytes")

    process, host, port = start_server()
    try:
        connection = http.client.HTTPConnection(host, port, timeout=60)
        status, first = post(connection, body)
        print(f"first request after start-up: {first * 1000:.1f} ms (status {status})")
        cpu = cpu_seconds(process.pid)
        sequential = [post(connection, body) for _ in range(args.sequential)]
        figures("one client, one request at a time", [t for _, t in sequential])
        print(
            f"errors: {sum(status != 200 for status, _ in sequential)}"
            + cpu_per_request(cpu, cpu_seconds(process.pid), len(sequential))
        )
        connection.close()
        if not args.requests:
            return

        latencies: list[float] = []
        errors: list[int] = []
        lock = threading.Lock()
        counter = iter(range(args.requests))

        def client() -> None:
            own = http.client.HTTPConnection(host, port, timeout=120)
            while True:
                with lock:
                    if next(counter, None) is None:
                        break
                try:
                    status, took = post(own, body)
                except (OSError, http.client.HTTPException):
                    status, took = 0, 0.0
                    own.close()
                    own = http.client.HTTPConnection(host, port, timeout=120)
                with lock:
                    (latencies if status == 200 else errors).append(took if status == 200 else status)
            own.close()

        cpu = cpu_seconds(process.pid)
        started = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        figures(f"{args.clients} concurrent clients", latencies)
        print(
            f"throughput: {len(latencies) / wall:.1f} requests/s over {wall:.1f} s; errors: {len(errors)}"
            + cpu_per_request(cpu, cpu_seconds(process.pid), args.requests)
        )
        if errors:
            print(f"error statuses: {sorted(set(errors))}")
    finally:
        process.terminate()
        process.wait(10)


if __name__ == "__main__":
    main()
