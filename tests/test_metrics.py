from __future__ import annotations

from conftest import lint


def test_metrics_counts_and_grade_order():
    simple = lint("We make maps. You draw them. We pay well. Come and join us.")
    hard = lint(
        "Candidates must demonstrate comprehensive organizational capabilities, "
        "interdisciplinary communication proficiency, and sophisticated analytical methodologies."
    )
    assert simple.metrics.words == 13 and simple.metrics.sentences == 4
    assert hard.metrics.sentences == 1
    assert simple.metrics.flesch_kincaid_grade < 3 < 14 < hard.metrics.flesch_kincaid_grade


def test_list_items_count_as_sentences():
    result = lint("Requirements:\n- Python\n- SQL databases\n- Git")
    assert result.metrics.sentences == 4


def test_syllables_never_touch_the_network(monkeypatch):
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("nltk tried to download")

    monkeypatch.setattr(nltk, "download", refuse)
    result = lint("Understanding extraordinary responsibilities.")
    assert result.metrics.flesch_kincaid_grade is not None


def test_empty_document_metrics():
    result = lint("")
    assert (result.metrics.words, result.metrics.sentences, result.metrics.flesch_kincaid_grade) == (0, 0, None)


def test_readability_works_offline_without_importing_nltk():
    """textstat's own dictionary loader imports NLTK to download data; jdlint stands in for it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from jdlint.language import get_language\n"
        "assert get_language('en').syllables('Engineers building reliable systems') == 11\n"
        "assert 'nltk' not in sys.modules, 'nltk imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_one_word_count_for_the_metric_the_minimums_and_posting_length():
    from jdlint.config import Config

    # numbers count as words for the reader ("2 shifts", "$18"), not only alphabetic tokens
    text = "Shifts of 8 hours, 5 days a week, at $18 an hour. " * 3 + "Apply today."
    short = lint(text, config=Config(select=("JD520",)))
    assert short.metrics.words == 38 and not short.findings  # under the 40-word minimum: not judged
    result = lint(text + " Ask us about it now.", config=Config(select=("JD603", "JD520")))
    assert result.metrics.words == 43  # 34 of them alphabetic
    assert "has 43 words" in next(f.message for f in result.findings if f.code == "JD603")
    assert "JD520" in {f.code for f in result.findings}
