"""Inclusive-language rules beyond the catalog examples: gender coding, pronouns in context, config."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import lint
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from jdlint.analyses.gender_coding import analyse, gender_decoder_words, verdict
from jdlint.cli import main
from jdlint.config import Config, ConfigError, read_file
from jdlint.formats import parse
from jdlint.linter import Linter
from jdlint.source import Source


def doc(text: str, fmt: str = "text"):
    return parse(Source("p.txt", text, format=fmt))


@pytest.mark.parametrize(
    "feminine, masculine, expected",
    [
        (0, 0, "empty"),
        (2, 2, "neutral"),
        (3, 1, "feminine-coded"),
        (6, 2, "strongly feminine-coded"),
        (1, 2, "masculine-coded"),
        (0, 4, "strongly masculine-coded"),
        (1, 5, "strongly masculine-coded"),
    ],
)
def test_verdict_scale(feminine, masculine, expected):
    assert verdict(feminine, masculine) == expected


def test_research_lexicon_spares_posting_boilerplate():
    text = (
        "Senior Analyst\n\nResponsibilities: analysis of dependencies. We pay a competitive salary. "
        "Join as an individual contributor; qualified individuals welcome. Our app has 2M monthly active users."
    )
    coding = analyse(doc(text))
    assert coding.masculine == [] and coding.feminine == [] and coding.verdict == "empty"


def test_research_lexicon_counts_traits():
    coding = analyse(doc("A competitive, dominant leader who is self-confident and supportive."))
    assert coding.masculine == ["competitive", "dominant", "leader", "self-confident"]
    assert coding.feminine == ["supportive"]
    assert coding.verdict == "masculine-coded"


def test_lead_in_a_heading_is_a_title_not_a_trait():
    coding = analyse(doc("# Tech Lead\n\nYou will lead the platform team.\n", "markdown"))
    assert coding.masculine == ["lead"]


def test_gender_decoder_cleanup_and_matching():
    # non-ASCII becomes a space, punctuation splits, hyphenated words split unless a hyphenated term
    assert gender_decoder_words("Café co-operative, self-confident; well-known!") == [
        "caf",
        "co-operative",
        "self-confident",
        "well",
        "known",
    ]
    coding = analyse(doc("A dominant, supportive team using SharePoint."), "gender-decoder")
    # "dominant" starts with both "domina" and "dominant": the tool counts it twice
    assert coding.masculine == ["dominant", "dominant"]
    assert coding.feminine == ["supportive"]  # "sharepoint" is never counted
    assert coding.verdict == "masculine-coded"


def test_lexicon_is_chosen_in_config(tmp_path, catalog):
    (tmp_path / ".jdlint.toml").write_text('[gender-coding]\nlexicon = "gender-decoder"\n')
    config = read_file(tmp_path / ".jdlint.toml", catalog)
    assert config.gender_coding_lexicon == "gender-decoder"
    text = "We analyse data and collaborate."
    assert lint(text).metrics.extra["gender_coding"]["verdict"] == "empty"
    assert lint(text, config=config).metrics.extra["gender_coding"] == {
        "masculine": ["analyse"],
        "feminine": ["collaborate"],
        "verdict": "neutral",
    }
    (tmp_path / ".jdlint.toml").write_text('[gender-coding]\nlexicon = "mine"\n')
    with pytest.raises(ConfigError, match="gender-coding.lexicon must be one of"):
        read_file(tmp_path / ".jdlint.toml", catalog)
    (tmp_path / ".jdlint.toml").write_text('[gender-coding]\nlexcon = "research"\n')
    with pytest.raises(ConfigError, match="unknown key 'gender-coding.lexcon'"):
        read_file(tmp_path / ".jdlint.toml", catalog)


def test_gender_coding_in_json_metrics(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text("We want a competitive, dominant and ambitious leader who is decisive.")
    data = json.loads(CliRunner().invoke(main, ["check", "--format", "json", "--exit-zero", str(posting)]).output)
    coding = data["files"][0]["metrics"]["gender_coding"]
    assert coding == {
        "masculine": ["competitive", "dominant", "ambitious", "leader", "decisive"],
        "feminine": [],
        "verdict": "strongly masculine-coded",
    }
    infos = [f for f in data["files"][0]["findings"] if f["code"] == "JD210"]
    assert len(infos) == 5 and {f["severity"] for f in infos} == {"info"}


def test_masculine_words_reported_only_when_the_posting_leans_masculine():
    balanced = lint("You will lead a supportive, collaborative and understanding team.")
    assert not [f for f in balanced.findings if f.code == "JD210"]


def test_candidate_pronoun_and_trained_pipeline_entities():
    """With a trained pipeline, a PERSON entity before the pronoun marks it as about that person."""
    from jdlint.nlp import Pipeline

    class Tagged(Pipeline):
        def __init__(self):
            super().__init__("blank")
            self.name, self.tagged = "test-ner", True

    pipeline = Tagged()
    text = "Talk to Sam today. He will report to the CTO."
    document = doc(text)
    words = ["Talk", "to", "Sam", "today", ".", "He", "will", "report", "to", "the", "CTO", "."]
    spaces = [True, True, True, False, True, True, True, True, True, True, False, False]
    starts = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    linter = Linter(Config(select=("JD203",)), pipeline=pipeline)

    plain = Doc(pipeline.vocab, words=words, spaces=spaces, sent_starts=starts)
    assert [f.text for f in linter.lint_doc(document, plain).findings] == ["He"]

    annotated = Doc(pipeline.vocab, words=words, spaces=spaces, sent_starts=starts)
    annotated.ents = [SpacySpan(annotated, 2, 3, label="PERSON")]
    assert linter.lint_doc(document, annotated).findings == []


@pytest.mark.parametrize(
    "text",
    [
        "Lead the team through two launches.",
        "We offer a competitive salary and a supportive environment.",
        "Senior engineer wanted.",
        "We are looking for a native Android developer.",
    ],
)
def test_lookalikes_raise_no_warning(text):
    result = lint(text)
    assert not [f for f in result.findings if f.severity.value != "info" and f.code[:3] in ("JD2", "JD3")], [
        f.code for f in result.findings
    ]


def test_every_inclusive_finding_offers_a_rewrite(catalog):
    for rule in catalog.rules:
        if rule.family not in ("JD2", "JD3"):
            continue
        for example in rule.examples_fail:
            for finding in lint(example, rule.examples_format).findings:
                if finding.code == rule.code:
                    assert finding.suggestions, (rule.code, example)
