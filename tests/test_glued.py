"""Glued words (JD140) and lost possessives of common nouns (JD112), found by word frequencies."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import lint

from jdlint.analyses.segmentation import seam_split, split_word
from jdlint.language import get_language

ENGLISH = get_language("en")
FILLER = "You will work with a friendly group of people on projects that matter to the business. "


def _found(text: str, code: str) -> list[tuple[str, str, str]]:
    result = lint(FILLER + text + " " + FILLER)
    return [
        (f.text, f.severity.value, f.fix.edits[0].content if f.fix else "") for f in result.findings if f.code == code
    ]


@pytest.mark.parametrize(
    "text, glued, fixed",
    [
        ("Come and join ourteam in Leeds.", "ourteam", "our team"),
        ("We expect thecandidate to travel monthly.", "thecandidate", "the candidate"),
        ("You will workwith designers and engineers.", "workwith", "work with"),
        ("Help yourteam grow every quarter.", "yourteam", "your team"),
        ("Support thecompany and its partners.", "thecompany", "the company"),
        ("Send your application andcover letter today.", "andcover", "and cover"),
        ("Great communication skills arerequired for the job.", "arerequired", "are required"),
        ("Applicants shouldhave a driving licence.", "shouldhave", "should have"),
        ("You will lead thedesign of new services.", "thedesign", "the design"),
    ],
)
def test_lower_case_joins_of_common_words_are_warnings(text, glued, fixed):
    assert (glued, "warning", fixed) in _found(text, "JD140")


@pytest.mark.parametrize(
    "text, glued, fixed",
    [
        ("Perks and benefits:Health cover from day one.", "benefits:Health", "benefits: Health"),
        ("What we offer:Flexible hours and a pension.", "offer:Flexible", "offer: Flexible"),
        ("You will support clients,managing their accounts.", "clients,managing", "clients, managing"),
        ("We value honesty,kindness and care.", "honesty,kindness", "honesty, kindness"),
        ("Plan the work;review the results weekly.", "work;review", "work; review"),
        ("We grew the team.Our office is new.", "team.Our", "team. Our"),
    ],
)
def test_punctuation_seams_are_warnings(text, glued, fixed):
    assert (glued, "warning", fixed) in _found(text, "JD140")


@pytest.mark.parametrize(
    "text, glued, fixed",
    [
        ("Our office is inChicago near the river.", "inChicago", "in Chicago"),
        ("We are a small team inBoston and Denver.", "inBoston", "in Boston"),
        ("A varied roleStrong communication skills are needed.", "roleStrong", "role Strong"),
        ("We are based nearLondon and Oxford.", "nearLondon", "near London"),
    ],
)
def test_a_word_glued_to_a_capitalised_word_is_info(text, glued, fixed):
    assert (glued, "info", fixed) in _found(text, "JD140")


@pytest.mark.parametrize(
    "text",
    [
        "Our workforce, teammates and healthcare onboarding at a nonprofit cannot wait.",
        "Draw it on the whiteboard with a coworker; teamwork and a mindset of ownership help.",
        "We use JavaScript, PostgreSQL, YouTube, GitHub, eBay, macOS, iPhone, LinkedIn, PowerPoint and WordPress.",
        "Call getItem() and setState, handle onClick and useEffect, fix fooBarBaz in utils.",
        "Read docs.example.com/ourteam or mail jobs@ourteam.com, https://example.com/workwith.",
        "Follow #ourteam and @thecandidate online.",
        "Phone 555 0100, mailto: jobs at the office.",
        "Wir suchen Verstärkung für unsere Arbeitszeit im Kindergarten und die Zusammenarbeit im Team.",
        "Our myCase portal links to the myCase app; we run vSphere, iOS and jQuery.",
        "Experience with the NHS, HMRC, GDPR and SaaS is welcome.",
        "Upskilling, reskilling and preboarding are part of offboarding too.",
        "We build datadriven and crossfunctional selfstarter teams.",
        "Time 10:30, ratio 3:1, values 1,000,000 and a,b lists.",
        'Quote: "It works" and Note: Please apply.',
    ],
)
def test_look_alikes_are_not_glued(text):
    assert _found(text, "JD140") == []


@pytest.mark.parametrize(
    "text, s_form, fixed, severity",
    [
        ("You will shape our companys mission.", "companys", "company's", "warning"),
        ("We serve the citys best restaurants.", "citys", "city's", "warning"),
        ("Join the worlds largest network.", None, None, None),
        ("Support the familys needs with care.", "familys", "family's", "warning"),
        ("We fund a childrens hospital nearby.", "childrens", "children's", "warning"),
        ("You will track each teams goals.", "teams", "team's", "info"),
        ("Every clients feedback is read.", "clients", "client's", "info"),
        ("Help shape todays workplace with us.", "todays", "today's", "info"),
    ],
)
def test_lost_possessives_of_common_nouns(text, s_form, fixed, severity):
    found = _found(text, "JD112")
    if s_form is None:
        assert found == []
    else:
        assert (s_form, severity, fixed) in found


@pytest.mark.parametrize(
    "text",
    [
        "Our teams work closely with the sales teams and the operations group.",
        "Each sales rep and every news desk has goals.",
        "The companys are listed here.",
        "Our company's mission and the city's best. Each team's goals are clear.",
        "Thats fine and whats next is clear.",
        "We hire engineers, designers and analysts across many teams.",
    ],
)
def test_possessive_look_alikes(text):
    assert _found(text, "JD112") == []


def test_segmentation_prefers_real_words_and_listed_compounds():
    assert split_word("ourteam", ENGLISH).parts == ("our", "team")
    assert split_word("thecandidatewill", ENGLISH).parts == ("the", "candidate", "will")
    for word in ("workforce", "teammate", "healthcare", "onboarding", "nonprofit", "cannot", "whiteboard", "fintech"):
        assert split_word(word, ENGLISH) is None, word
    assert split_word("zxqvbn", ENGLISH) is None


def test_seam_split_leaves_brands_listed_as_one_word():
    for left, right in (("linked", "In"), ("you", "Tube"), ("power", "Point"), ("word", "Press"), ("git", "Hub")):
        assert seam_split(left, right, ENGLISH) is None, left + right
    assert seam_split("in", "Chicago", ENGLISH) is not None


def test_frequencies_come_from_the_shipped_lists_without_the_network():
    assert ENGLISH.common_frequency("team") > 5.0
    assert ENGLISH.common_frequency("onboarding") == 0.0  # below the common list's floor
    assert 2.0 < ENGLISH.frequency("onboarding") < 3.0
    assert ENGLISH.frequency("ourteam") == 0.0


@pytest.mark.parametrize(
    "text, glued, fixed",
    [
        ("The role is hybrid; you work fromhome twice a week.", "fromhome", "from home"),
        ("Tell us whyyou want the job.", "whyyou", "why you"),
        ("You are responsiblefor the budget.", "responsiblefor", "responsible for"),
        ("We encourage you toapply early.", "toapply", "to apply"),
    ],
)
def test_more_lower_case_joins(text, glued, fixed):
    assert (glued, "warning", fixed) in _found(text, "JD140")


@pytest.mark.parametrize(
    "text, glued",
    [
        ("Key duties:Manage the rota and order stock.", "duties:Manage"),
        ("Working hours:Monday to Friday.", "hours:Monday"),
        ("We need patience,humour and care.", "patience,humour"),
    ],
)
def test_more_punctuation_seams(text, glued):
    assert glued in [found[0] for found in _found(text, "JD140")]


@pytest.mark.parametrize(
    "text, glued",
    [
        ("You will keep stock levels accurateExperience in retail helps.", "accurateExperience"),
        ("Our clinic is based inManchester city centre.", "inManchester"),
        ("Chair the weekly meetingStrong planning skills are needed.", "meetingStrong"),
    ],
)
def test_more_camel_seams_are_info(text, glued):
    assert (glued, "info") in [found[:2] for found in _found(text, "JD140")]


@pytest.mark.parametrize(
    "text",
    [
        "We sell on eBay and build for iOS, iPadOS and macOS with SwiftUI, jQuery and mRNA assays.",
        "Our inDesign files use camelCase names such as userName and getUserName.",
        "Use the toString method: value.toString() returns text.",
        "Initialisms such as SaaS, B2B, HR, IT, QA and KPIs are fine.",
        "Nous recherchons un responsable commercial pour notre équipe.",
        "Buscamos una persona responsable para nuestro equipo.",
        "She met O'Neil and McDonald at DeepMind.",
        "The uptime, downtime, lifecycle and codebase of our workstreams and runbooks.",
    ],
)
def test_more_look_alikes(text):
    assert _found(text, "JD140") == []


def test_two_content_words_glued_are_left_alone():
    """Closed compounds of two content words are too often real ("workstreams", "runbooks"): a lower-case
    join is reported only when one part is a function word (Zipf 6 or more)."""
    assert _found("Salary is reviewed everyyear in spring.", "JD140") == []


def test_word_lists_are_read_locally_without_importing_wordfreq():
    """The frequency lists come from the installed wheel's files; no socket is opened and wordfreq's own
    module (with its heavier imports) is never loaded."""
    script = (
        "import socket, sys\n"
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError('network')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from jdlint.language import get_language\n"
        "en = get_language('en')\n"
        "assert en.frequency('onboarding') > 2 and en.common_frequency('team') > 5\n"
        "assert 'wordfreq' not in sys.modules\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("Sorry, page not foundPage not found. We hire cooks.", "foundPage"),
        ("Click Apply nowApply now to join the kitchen team.", "nowApply"),
        ("Full details below. Show moreShow more", "moreShow"),
        ("Saved jobs: Save jobSave job", "jobSave"),
    ],
)
def test_a_page_label_glued_to_its_own_copy_is_a_warning(text, glued):
    # the copy makes the seam sure, even though the glued token repeats (which usually marks a name)
    assert [(found, severity) for found, severity, _ in _found(text, "JD140")] == [(glued, "warning")]


@pytest.mark.parametrize(
    "text",
    [
        "We use myCase daily; myCase keeps our files.",  # a name used twice, not copies around a seam
        "Our iPhone iPhone apps.",
        "Try airSlate.airSlate signs documents.",
    ],
)
def test_a_repeated_name_is_not_a_copied_label(text):
    assert _found(text, "JD140") == []


def test_a_label_copied_three_times_gives_both_seams():
    found = _found("Status: Job closedJob closedJob closed", "JD140")
    assert [(text, severity) for text, severity, _ in found] == [("closedJob", "warning"), ("closedJob", "warning")]
