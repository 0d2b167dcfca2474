"""The spaCy pipeline: blank by default, only what the rules need, and the trained-pipeline path."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from jdlint.catalog import load_catalog_files
from jdlint.config import Config
from jdlint.formats import parse
from jdlint.linter import Linter
from jdlint.nlp import Pipeline, PipelineError, get_pipeline
from jdlint.source import Source


def test_default_is_blank_english_built_once():
    pipeline = get_pipeline()
    assert pipeline is get_pipeline("blank")
    assert pipeline.nlp.lang == "en" and not pipeline.tagged
    assert pipeline.nlp.pipe_names[:1] == ["sentencizer"]  # jdlint's, which starts a sentence at each line too


def test_only_needed_components_run():
    pipeline = Pipeline("blank")
    assert "lemmatizer" not in pipeline.nlp.pipe_names  # loaded only when a rule needs lemmas
    doc = next(pipeline.pipe(["Teams were working."], set()))
    assert not doc.has_annotation("SENT_START") and doc[1].lemma_ == ""
    doc = next(pipeline.pipe(["Teams were working."], {"lemmas"}))
    assert doc[1].lemma_ == "be" and not doc.has_annotation("SENT_START")
    assert set(pipeline.disabled_for(set())) == {"sentencizer", "lemmatizer"}
    assert pipeline.disabled_for({"sentences", "lemmas"}) == []


def test_block_breaks_are_sentence_breaks():
    doc = next(get_pipeline().pipe(["Requirements\n\nPython and SQL\nGit"], {"sentences"}))
    assert [s.text.strip() for s in doc.sents] == ["Requirements", "Python and SQL", "Git"]


def test_missing_trained_pipeline_names_the_package():
    with pytest.raises(PipelineError, match="'en_core_web_nonexistent' is configured but not installed"):
        Pipeline("en_core_web_nonexistent")


def test_missing_trained_pipeline_is_a_one_line_cli_error(tmp_path):
    from click.testing import CliRunner

    from jdlint.cli import main

    (tmp_path / ".jdlint.toml").write_text('pipeline = "en_core_web_nonexistent"\n')
    (tmp_path / "p.txt").write_text("We need a salesman.\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "p.txt")])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("jdlint: error: spaCy pipeline 'en_core_web_nonexistent'")


TAGGED_RULE = """family = "JD2"
[[rule]]
code = "JD298"
name = "pronoun-for-candidate"
category = "gendered"
kind = "matcher"
severity = "info"
message = "'{match}' assumes the candidate's gender."
why = "w"
source = "https://example.org"
patterns = [[{LOWER = "he"}, {LOWER = "will"}]]
tagged_patterns = [[{LOWER = "he"}, {POS = "AUX"}, {POS = "VERB"}]]
examples.fail = ["He will report to the CTO."]
examples.pass = ["They will report to the CTO."]
"""


class TaggedPipeline(Pipeline):
    """The blank pipeline standing in for a trained one: the Docs come annotated from the test."""

    def __init__(self):
        super().__init__("blank")
        self.name = "test-tagged"
        self.tagged = True


def test_tagged_patterns_run_on_annotated_docs(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(TAGGED_RULE)
    catalog = load_catalog_files([path])
    text = "He must report weekly. He will travel."
    document = parse(Source("p.txt", text))
    words = ["He", "must", "report", "weekly", ".", "He", "will", "travel", "."]
    spaces = [True, True, True, False, True, True, True, False, False]
    pos = ["PRON", "AUX", "VERB", "ADV", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"]

    tagged = TaggedPipeline()
    doc = Doc(tagged.vocab, words=words, spaces=spaces, pos=pos, sent_starts=[1, 0, 0, 0, 0, 1, 0, 0, 0])
    result = Linter(Config(), catalog, pipeline=tagged).lint_doc(document, doc)
    assert [f.text for f in result.findings] == ["He must report", "He will travel"]

    # The blank pipeline has no tags: only the plain pattern applies.
    blank = get_pipeline()
    plain_doc = Doc(blank.vocab, words=words, spaces=spaces)
    result = Linter(Config(), catalog, pipeline=blank).lint_doc(document, plain_doc)
    assert [f.text for f in result.findings] == ["He will"]


def test_trained_pipeline_loads_when_installed(tmp_path, monkeypatch):
    """The trained path: spacy.load gets the configured name, and block boundaries go before the parser."""
    import spacy

    saved = tmp_path / "fake_trained"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", name="parser")  # stands in for a parser: a component named 'parser'
    nlp.to_disk(saved)
    real_load = spacy.load
    monkeypatch.setattr(spacy, "load", lambda name, **kw: real_load(saved, **kw) if name == "en_core_web_sm" else None)
    pipeline = Pipeline("en_core_web_sm")
    assert pipeline.nlp.pipe_names == ["jdlint_block_boundaries", "parser"]
    doc = next(pipeline.pipe(["Requirements\n\nPython"], {"sentences"}))
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize("code", ["en", "de", "fr"])
def test_each_languages_blank_pipeline_is_spacys_blank_pipeline(code):
    """Each language makes its pipeline from spaCy's Language class, not spacy.blank (which also resolves a training
    config): the same tokenizer, the same lexeme attributes, the same components and settings."""
    import spacy

    from jdlint.language import get_language

    ours, theirs = get_language(code).blank_pipeline(), spacy.blank(code)
    assert type(ours) is type(theirs) and ours.pipe_names == theirs.pipe_names == []
    assert ours.config["nlp"] == theirs.config["nlp"] and ours.max_length == theirs.max_length
    text = (
        "Don't e-mail j.doe@example.com: we're U.S.-based (NYC), 5+ yrs, $120k-$150k/yr, C++ & C#.\n"
        "L'équipe d'aujourd'hui cherche un·e développeur·se, z.B. für die Straße 3a; ca. 10 % — 'quoted' «ok» ...\n"
        "https://example.com/jobs?id=7&ref=x :-) #hiring @jdlint 1,000.50 3rd 2026-11-30 🙂"
    )
    attributes = ("text", "whitespace_", "norm_", "lower_", "shape_", "prefix_", "suffix_", "is_stop", "like_num")
    for a, b in zip(ours(text), theirs(text), strict=True):
        assert [getattr(a, name) for name in attributes] == [getattr(b, name) for name in attributes]
