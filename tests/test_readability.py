from __future__ import annotations

import pytest
from conftest import lint

from jdlint.config import ConfigError, read_file

PROSE = "We make maps for hikers. You will write code that draws trails. You will test it and ship it."


def test_metrics_include_reading_ease_and_sentence_length():
    metrics = lint(PROSE).metrics
    assert metrics.extra["average_sentence_length"] == pytest.approx(19 / 3, abs=0.1)
    assert metrics.extra["flesch_reading_ease"] > 70
    assert metrics.flesch_kincaid_grade < 6


def test_headings_short_items_and_boilerplate_are_left_out():
    text = (
        "Requirements\n\n- Python\n- SQL\n- Git\n\n" + PROSE + "\n\nWe are an equal opportunity employer and consider "
        "all qualified applicants without regard to race, colour, religion, sex, national origin, disability or "
        "veteran status.\n"
    )
    with_extras = lint(text).metrics
    alone = lint(PROSE).metrics
    assert with_extras.flesch_kincaid_grade == alone.flesch_kincaid_grade
    assert with_extras.extra["average_sentence_length"] == alone.extra["average_sentence_length"]
    assert with_extras.sentences > alone.sentences  # the plain counts still see everything


def test_long_sentence_span_is_the_sentence():
    long = (
        "You will work with our product managers, designers and data scientists to plan, build, test and ship "
        "the features that customers in forty countries use every single day to run their shops and pay their staff."
    )
    result = lint("Short intro here. " + long + " Short end.")
    hits = [f for f in result.findings if f.code == "JD602"]
    assert [h.text for h in hits] == [long]


DENSE = (
    "Our organization operationalizes sophisticated financial infrastructure. You will architect resilient, "
    "internationally distributed microservices. Everybody contributes to architectural decision-making."
)


def test_thresholds_come_from_config(tmp_path, catalog):
    assert "JD601" in {f.code for f in lint(DENSE).findings}
    (tmp_path / ".jdlint.toml").write_text("[readability]\ngrade = 30\nlong-sentence = 5\n")
    config = read_file(tmp_path / ".jdlint.toml", catalog)
    codes = {f.code for f in lint(DENSE, config=config).findings}
    assert "JD601" not in codes and "JD602" in codes
    (tmp_path / ".jdlint.toml").write_text("[readability]\ngrad = 2\n")
    with pytest.raises(ConfigError, match="unknown key 'readability.grad'"):
        read_file(tmp_path / ".jdlint.toml", catalog)
