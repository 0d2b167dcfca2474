from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from jdlint.cli import main
from jdlint.parallel import MIN_PARALLEL


def test_jobs_give_identical_results_in_input_order(tmp_path):
    for i in range(MIN_PARALLEL + 7):
        text = f"Posting {i}. We need a salesman and a foreman." if i % 3 else f"Posting {i}. Youll like it."
        (tmp_path / f"p{i:03d}.md").write_text(text)
    one = CliRunner().invoke(main, ["check", "--exit-zero", "--format", "json", "--jobs", "1", str(tmp_path)])
    two = CliRunner().invoke(main, ["check", "--exit-zero", "--format", "json", "--jobs", "2", str(tmp_path)])
    assert one.exit_code == two.exit_code == 0
    assert json.loads(one.output) == json.loads(two.output)
    paths = [f["path"] for f in json.loads(two.output)["files"]]
    assert paths == sorted(paths) and len(paths) == MIN_PARALLEL + 7


def test_records_in_parallel_match_one_process(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text(
        "".join(json.dumps({"id": i, "text": f"We need salesman number {i}."}) + "\n" for i in range(MIN_PARALLEL + 3))
    )
    args = ["check", "--exit-zero", "--format", "jsonl", "--records", str(export)]
    one = CliRunner().invoke(main, [*args, "--jobs", "1"])
    two = CliRunner().invoke(main, [*args, "--jobs", "2"])
    assert one.output == two.output and len(two.output.splitlines()) == MIN_PARALLEL + 3


def test_workers_are_forked_from_a_warm_parent_and_the_collector_is_restored(tmp_path, monkeypatch):
    import gc

    from jdlint.context import Context
    from jdlint.language import detect
    from jdlint.language.en import FREQUENCIES
    from jdlint.parallel import lint_in_workers

    monkeypatch.setattr(Context, "_compiled", {})  # as in a fresh process: nothing compiled yet
    monkeypatch.delitem(FREQUENCIES.__dict__, "_large", raising=False)
    detect._detector.cache_clear()
    paths = []
    for i in range(MIN_PARALLEL):
        path = tmp_path / f"p{i:03d}.txt"
        path.write_text(f"Posting {i}. We need a salesman.")
        paths.append(str(path))
    results = lint_in_workers("paths", paths, 2, None, {}, False)
    first = next(results)
    # the parent linted the built-in posting before forking: the rules' patterns are compiled once, here
    assert Context._compiled and gc.get_freeze_count() > 0
    # and loaded what the built-in posting does not need but a batch does: the workers share one copy
    assert "_large" in FREQUENCIES.__dict__ and detect._detector.cache_info().currsize == 1
    rest = list(results)
    assert [first.path] + [r.path for r in rest] == paths
    assert all(any(f.text == "salesman" for f in r.findings) for r in [first, *rest])
    assert gc.get_freeze_count() == 0


def test_a_config_the_parent_cannot_read_is_reported_per_posting_as_without_workers(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.jdlint]\nselect = ['JD1']\n[broken\n")
    postings = tmp_path / "postings"
    postings.mkdir()
    for i in range(MIN_PARALLEL):
        (postings / f"p{i:03d}.txt").write_text(f"Posting {i}.")
    monkeypatch.chdir(tmp_path)
    outputs = [CliRunner().invoke(main, ["check", "--jobs", jobs, "postings"]) for jobs in ("1", "2")]
    assert outputs[0].exit_code == outputs[1].exit_code == 2
    assert outputs[0].output == outputs[1].output
    assert "not valid TOML" in outputs[1].output and "internal error" not in outputs[1].output


def test_the_parent_lints_beside_its_workers_and_results_keep_task_order():
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from jdlint.parallel import _shared_with_parent

    def lint(task):  # slow for some tasks, so the worker's tasks finish out of step with the parent's
        time.sleep(0.02 if task % 3 == 0 else 0.001)
        return [(task, threading.get_ident())]

    with ThreadPoolExecutor(max_workers=1) as pool:
        batches = list(_shared_with_parent(pool, lint, iter(range(40)), ahead=2))
    results = [item for batch in batches for item in batch]
    assert [task for task, _ in results] == list(range(40))
    linted_by = {thread for _, thread in results}
    assert threading.get_ident() in linted_by and len(linted_by) == 2  # the caller's own thread took tasks too


def test_the_workers_get_their_next_task_before_a_result_is_handed_on():
    """What the caller does with a worker's result can take long (a posting handed back loads its language in the
    parent): by then the workers hold `ahead` tasks again, so they do not run dry meanwhile."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from jdlint.parallel import _shared_with_parent

    class Counting(ThreadPoolExecutor):
        submitted = 0

        def submit(self, fn, /, *args, **kwargs):
            Counting.submitted += 1
            return super().submit(fn, *args, **kwargs)

    drawn = 0

    def tasks():
        nonlocal drawn
        for task in range(30):
            drawn += 1
            yield task

    def lint(task):
        time.sleep(0.002)
        return [(task, threading.get_ident())]

    from_workers = 0
    checked = 0
    with Counting(max_workers=1) as pool:
        for batch in _shared_with_parent(pool, lint, tasks(), ahead=2):
            task, thread = batch[0]
            if thread != threading.get_ident():
                from_workers += 1
                if drawn < 30:
                    assert Counting.submitted - from_workers == 2, f"task {task}: the worker was not topped up"
                    checked += 1
    assert checked >= 3


@pytest.mark.parametrize("count", [0, 1, 3, 31, 200, 4274])
def test_tasks_cover_the_batch_in_order_and_shrink_toward_its_end(count):
    from jdlint.parallel import SMALLEST_CHUNK, _chunks

    items = [f"p{i}" for i in range(count)]
    chunks = list(_chunks(items, 32, 2))
    assert [item for chunk in chunks for item in chunk] == items
    assert all(0 < len(chunk) <= 32 for chunk in chunks)
    sizes = [len(chunk) for chunk in chunks]
    assert sizes == sorted(sizes, reverse=True)  # never larger once they shrink
    if count >= 1000:
        assert sizes[0] == 32 and sizes[-2] == SMALLEST_CHUNK  # full tasks first, the smallest last
        assert sum(size == 32 for size in sizes) * 32 >= count * 0.9  # and most of the batch in full ones


def test_with_jobs_two_the_batch_forks_one_worker(tmp_path, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor

    from jdlint import parallel

    sizes = []
    real = ProcessPoolExecutor.__init__

    def recording(self, max_workers=None, *args, **kwargs):
        sizes.append(max_workers)
        real(self, max_workers, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "__init__", recording)
    paths = []
    for i in range(MIN_PARALLEL * 2):
        path = tmp_path / f"p{i:03d}.txt"
        path.write_text(f"Posting {i}. We need a salesman.")
        paths.append(str(path))
    results = list(parallel.lint_in_workers("paths", paths, 2, None, {}, False))
    assert sizes == [1]
    assert [r.path for r in results] == paths and all(r.findings for r in results)


GERMAN = (
    "Wir suchen für unser Team in Leipzig eine Kollegin oder einen Kollegen, die oder der gern mit Zahlen arbeitet. "
    "Du betreust unsere wöchentlichen Berichte und erklärst sie den Teamleitern. Posting {i}."
)


def test_a_worker_hands_back_a_language_rare_among_its_postings_until_it_is_common():
    from jdlint.parallel import RARE, RareLanguages

    choose = RareLanguages({"en"})
    assert choose([{"en"}] * 30 + [{"de"}, {"fr"}]) == {"de", "fr"}  # one in 32 each: rare
    assert choose([{"ja"}, {"en"}]) == set()  # no data of its own for Japanese: nothing to load, nothing to hand back
    assert choose([{"de"}] * 40) == set() and "de" in choose.loaded  # now 41 of 74: the worker loads German
    assert choose([{"de"}, {"en", "de"}]) == set()  # and keeps it
    assert choose([{"en", "fr"}, {"fr"}]) == {"fr"}  # French, a passage's language too: 3 of 78 so far
    assert choose.met["fr"] * RARE < choose.total


def test_the_linter_hands_back_the_postings_it_is_told_to_and_lints_the_rest_in_order():
    from jdlint.config import Config
    from jdlint.formats import parse
    from jdlint.linter import HandedBack, Linter
    from jdlint.source import Source

    documents = [
        parse(Source(f"p{i}.txt", GERMAN.format(i=i) if i % 3 == 1 else f"Posting {i}. We need a salesman."))
        for i in range(6)
    ]
    linter = Linter(Config())
    asked = []

    def hand_back(languages):
        asked.append(languages)
        return {"de"}

    results = list(linter.lint(documents, hand_back=hand_back))
    assert asked == [[{"en"}, {"de"}, {"en"}, {"en"}, {"de"}, {"en"}]]
    assert [isinstance(r, HandedBack) for r in results] == [False, True, False, False, True, False]
    assert [r.document for r in results if isinstance(r, HandedBack)] == [documents[1], documents[4]]
    assert [r.path for r in results] == [f"p{i}.txt" for i in range(6)]
    alone = list(linter.lint([documents[0], documents[2], documents[3], documents[5]]))
    assert [r for r in results if not isinstance(r, HandedBack)] == alone


def test_the_parent_lints_what_its_worker_hands_back_with_the_same_results(tmp_path, monkeypatch):
    from jdlint import parallel

    handed_back = []
    lint_handed_back = parallel._lint_handed_back

    def counting(result, source_name):
        handed_back.append(result.path)
        return lint_handed_back(result, source_name)

    monkeypatch.setattr(parallel, "_lint_handed_back", counting)
    monkeypatch.setattr(parallel, "loaded_languages", lambda: {"en"})  # as after a warm-up on English alone
    for i in range(MIN_PARALLEL * 2):  # the first two tasks (16 and 15 postings) go to the worker, one German in each
        text = GERMAN.format(i=i) if i in (3, 20) else f"Posting {i}. We need a salesman and a foreman."
        (tmp_path / f"p{i:03d}.txt").write_text(text, encoding="utf-8")
    args = ["check", "--exit-zero", "--format", "json", str(tmp_path)]
    one = CliRunner().invoke(main, [*args, "--jobs", "1"])
    two = CliRunner().invoke(main, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert handed_back == [str(tmp_path / f"p{i:03d}.txt") for i in (3, 20)]
    files = json.loads(two.stdout)["files"]
    assert [f.get("language") for f in files if f["path"] in handed_back] == ["de"] * 2


def test_records_a_worker_hands_back_are_linted_by_the_parent_as_without_workers(tmp_path, monkeypatch):
    from jdlint import parallel

    monkeypatch.setattr(parallel, "loaded_languages", lambda: {"en"})
    export = tmp_path / "export.jsonl"
    texts = [GERMAN.format(i=i) if i in (2, 9) else f"We need salesman number {i}." for i in range(MIN_PARALLEL + 3)]
    export.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
    args = ["check", "--exit-zero", "--format", "jsonl", "--records", str(export)]
    one = CliRunner().invoke(main, [*args, "--jobs", "1"])
    two = CliRunner().invoke(main, [*args, "--jobs", "2"])
    assert one.stdout == two.stdout and len(two.stdout.splitlines()) == MIN_PARALLEL + 3
    assert [json.loads(line).get("language") for line in two.stdout.splitlines()][:10].count("de") == 2


def test_a_posting_with_a_passage_in_another_language_needs_that_language_too():
    from jdlint.config import Config
    from jdlint.formats import parse
    from jdlint.linter import HandedBack, Linter
    from jdlint.source import Source

    english = (
        "We are looking for a data analyst to join our reporting team. You will build the weekly dashboards, "
        "explain the figures to managers and keep the documentation up to date for the whole group."
    )
    text = f"{english}\n\n{GERMAN.format(i=1)} Wir freuen uns auf deine Bewerbung und bieten flexible Arbeitszeiten.\n"
    asked = []

    def hand_back(needs):
        asked.append(needs)
        return {"de"}

    result = next(Linter(Config()).lint([parse(Source("mixed.txt", text))], hand_back=hand_back))
    assert asked == [[{"en", "de"}]] and isinstance(result, HandedBack)
