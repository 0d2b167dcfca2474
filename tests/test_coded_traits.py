"""JD210 reports a masculine-coded word only as a trait of the candidate or the team, with rewrites that fit."""

from __future__ import annotations

import pytest
from conftest import lint
from spacy.tokens import Doc

from jdlint.analyses.coded_traits import _table, inflect
from jdlint.analyses.gender_coding import _terms, analyse
from jdlint.config import Config
from jdlint.formats import parse
from jdlint.linter import Linter
from jdlint.nlp import Pipeline, get_pipeline
from jdlint.source import Source

ONLY = Config(select=("JD210",))


def reported(text: str, fmt: str = "text") -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.suggestions) for f in lint(text, fmt, config=ONLY).findings]


@pytest.mark.parametrize(
    "text, word",
    [
        ("You are competitive and always keen to win.", "competitive"),
        ("The ideal candidate is highly analytical.", "analytical"),
        ("We are looking for someone who is ambitious.", "ambitious"),
        ("Our team is competitive and fun.", "competitive"),
        ("We're a small, ambitious team of builders.", "ambitious"),
        ("You bring strong leadership skills.", "leadership"),
        ("Requirements\n\n- Analytical mindset\n- Fluent written English", "Analytical"),
        ("What you bring\n\n- Experience leading engineers through change", "leading"),
        ("You will lead by example.", "lead"),
        ("You challenge assumptions and ask why.", "challenge"),
        ("You are a natural leader.", "leader"),
        ("The successful applicant will be confident when presenting to clients.", "confident"),
        ("You work independently and ask questions early.", "independently"),
        ("You are determined to succeed.", "determined"),
        ("You thrive with autonomy.", "autonomy"),
        ("You are self-reliant.", "self-reliant"),
        ("We want a decisive, assertive engineer.", "decisive"),
        ("Candidates should be aggressive about closing deals.", "aggressive"),
        ("You have an intellectual curiosity about how things work.", "intellectual"),
        ("About you\n\n- A dominant presence in any room", "dominant"),
        ("Responsibilities\n\n- Lead the migration to the new platform", "Lead"),
        ("Your team\n\nWe are a crew of adventurous people.", "adventurous"),
        ("You ask hard questions and keep challenging the plan.", "challenging"),
        ("This is a fast track for an ambitious junior engineer.", "ambitious"),
        ("You have experience designing or leading studies.", "leading"),
        ("Responsibilities\n\n- Ship features\n\n8 years of experience leading engineering teams", "leading"),
        ("Responsibilities\n\n- Ship features\n\nStrong analytical and writing skills.", "analytical"),
    ],
)
def test_fires_on_traits_of_the_candidate_or_team(text, word):
    fmt = "markdown" if text.startswith(("Requirements", "What you", "About you", "Responsibilities")) else "text"
    assert word in [found for found, _ in reported(text, fmt)]


@pytest.mark.parametrize(
    "text",
    [
        "H2O is the market leader in open source AI.",
        "We are a leading provider of payroll software.",
        "The weeks leading up to the launch are busy ones.",
        "Our industry-leading platform serves banks.",
        "You will build data-driven dashboards and analytical models.",
        "We offer a competitive salary and equity.",
        "You will improve our decision-making process.",
        "You will work on self-driving cars.",
        "You will own lead generation for the region.",
        "You will administer Active Directory.",
        "This is an independent contractor role.",
        "You know decision trees and principal component analysis.",
        "You will tune the objective function of our ranking model.",
        "Lead time for parts is two weeks.",
        "You will report to the Lead Engineer.",
        "You will pair with the tech lead.",
        "You will solve challenging problems.",
        "You will protect our intellectual property.",
        "Our competitive landscape is changing fast, and you will track it.",
        "You will produce analytical reports for the board.",
        "The market is competitive.",
        "Armed Forces veterans are encouraged to apply.",
        "Our roadmap is determined by our customers.",
        "You will help our clients make confident business decisions.",
        "Your work will lead to better care.",
        "You will grow autonomous vehicle software.",
        "Our leadership team has founded three companies.",
        "You will shape our thought leadership.",
        "You will join our leadership development programme.",
        "You will mentor individual contributors and give individual feedback.",
        "You will document data mining principles.",
        "You will maintain the business logic of our billing service.",
        "You will challenge yourself with hard problems.",
        "You are confident that your background fits.",
        "You will join the Analytic team in Leeds.",
        "You will build on your previous analytic work and experience.",
        "Your projects will be determined based on your interests.",
        "We must lead with inclusion in everything the company does.",
        "We hire for leadership roles across the team.",
        "Our ambition is to make you a better cook.",
        "You will present to leadership every quarter.",
        "The role is in London and the salary is competitive for you.",
        "Your results will be independently verified.",
        "The remuneration you receive is competitive.",
        "Any other factor determined to be unlawful is excluded, and you know it.",
        "You will find we support every ambition.",
        "The lab builds analytic capabilities for the agency.",
        "You have built analytical (EDW, Data Lake) solutions.",
        "You will help us deliver a superior experience to customers.",
        "Objective 5: you grow the team.",
        "You will run hit to lead and lead optimization programs.",
        "You will work on new and challenging projects.",
    ],
)
def test_silent_on_company_idiom_and_technical_uses(text):
    assert reported(text) == []


def test_the_metric_counts_coded_uses_anywhere_but_not_words_spelled_alike():
    text = "We are a dominant, leading provider. Lead time is short. We protect intellectual property."
    coding = analyse(parse(Source("p.txt", text)))
    assert coding.masculine == ["dominant", "leading"]  # the company's position counts; homographs do not
    assert reported(text) == []  # and none of it describes the candidate


@pytest.mark.parametrize(
    "text, expected",
    [
        ("You will be leading a team of five.", ("leading", ("guiding", "coordinating"))),
        ("You lead projects end to end.", ("lead", ("guide", "coordinate"))),
        ("You have the autonomy to choose your tools.", ("autonomy", ("freedom",))),
        ("You work independently.", ("independently", ())),
        ("You are competitive.", ("competitive", ("motivated", "high-performing"))),
        ("You bring the determination to finish.", ("determination", ("dedication",))),
    ],
)
def test_suggestions_fit_the_part_of_speech(text, expected):
    assert reported(text) == [expected]


def test_inflect_puts_a_verb_in_the_matched_form():
    assert inflect("guide", "leading") == "guiding"
    assert inflect("coordinate", "leads") == "coordinates"
    assert inflect("keep going", "persists") == "keeps going"
    assert inflect("question", "challenged") == "questioned"


def test_every_masculine_term_has_a_trait_entry_and_no_rewrite_is_coded():
    for lexicon in ("research", "gender-decoder"):
        keys = {t.raw.rstrip("*").replace("-", "") for t in _terms(lexicon) if t.side == "masculine"}
        missing = keys - set(_table())
        if lexicon == "research":
            assert missing == set()
    for key, entry in _table().items():
        for pos, options in entry.suggest.items():
            assert pos in entry.forms.values(), (key, pos)  # no rewrite for a part of speech never reported
            for option in options:
                coding = analyse(parse(Source("p.txt", option)))
                assert coding.masculine == [], (key, option)


class Tagged(Pipeline):
    """The blank pipeline standing in for a trained one: the Docs come annotated from the test."""

    def __init__(self):
        super().__init__("blank")
        self.name, self.tagged = "test-tagged-traits", True


@pytest.mark.parametrize(
    "tag, fires",
    [("VERB", True), ("NOUN", False)],
)
def test_a_trained_tagger_decides_the_part_of_speech(tag, fires):
    text = "You hopefully lead the squad."
    words = ["You", "hopefully", "lead", "the", "squad", "."]
    spaces = [True, True, True, True, False, False]
    pos = ["PRON", "ADV", tag, "DET", "NOUN", "PUNCT"]
    pipeline = Tagged()
    document = parse(Source("p.txt", text))
    linter = Linter(ONLY, pipeline=pipeline)
    tagged = Doc(pipeline.vocab, words=words, spaces=spaces, pos=pos, sent_starts=[1, 0, 0, 0, 0, 0])
    assert bool(linter.lint_doc(document, tagged).findings) is fires
    # without tags, "lead" after an adverb other than the usual ones has no known doer: left alone
    blank = get_pipeline()
    plain = Doc(blank.vocab, words=words, spaces=spaces, sent_starts=[1, 0, 0, 0, 0, 0])
    assert Linter(ONLY, pipeline=blank).lint_doc(document, plain).findings == []
