"""Disability wording: JD312 (a bodily method as a requirement) and JD313 (ableist idioms), over every entry of
data/ableist-language.toml: each entry fires in a sentence of ours, and its look-alike (the same word in an
idiom or a literal use) does not; tokenisation accidents (capitals, slashes, hyphens, brackets, glued
punctuation, plurals) change nothing."""

from __future__ import annotations

import pytest
from conftest import lint

from jdlint.checks.ableist import table
from jdlint.config import Config
from jdlint.model import Severity

PHYSICAL = Config(select=("JD312",))
IDIOM = Config(select=("JD313",))

# verb -> (a requirement naming the method, a look-alike with the same word that is no physical demand)
VERB_CASES = {
    "climb": ("Must be able to climb ladders.", "You will climb the ranks quickly."),
    "touch": ("Must be able to see, touch and smell.", "Please get in touch with our team."),
    "feel": ("Must be able to handle, touch or feel objects.", "You must feel comfortable presenting."),
    "hand": ("Must be able to hand, carry or lift supplies.", "Must be able to hand over projects cleanly."),
    "carry": ("Must be able to carry heavy boxes.", "Must be able to carry on a friendly conversation."),
    "lift": ("Must be able to lift 50 lbs.", "Must be able to lift team morale."),
    "reach": ("Must be able to reach overhead.", "Must be able to reach out to customers."),
    "throw": ("Must be able to throw bags of rubbish into the skip.", "Must be able to throw yourself into new work."),
    "read": ("Must be able to read small print.", "Must be able to read and speak French."),
    "see": ("Must be able to see clearly.", "Must be able to see the big picture."),
    "speak": ("Must be able to see, hear and speak.", "Must be able to speak Spanish with customers."),
    "talk": ("The job requires you to talk or hear.", "Must be able to talk customers through the options."),
    "hear": ("Must be able to hear alarms.", "We can't wait to hear from you."),
    "stand": ("Must be able to stand for 8 hours.", "Your work must stand out from the crowd."),
    "sit": ("Must be able to sit at a desk for long periods.", "You will sit in on client meetings."),
    "bend": ("Must be able to bend over.", "Must be willing to bend over backwards for clients."),
    "crouch": ("Must be able to crouch down to low shelves.", "Ability to crouch over the details of a contract."),
    "kneel": ("Must be able to kneel for long periods.", "Must be able to kneel before no deadline."),
    "crowd": ("Must be able to bend, crouch or crowd.", "Our app stands apart from the crowd."),
    "taste": ("Must be able to taste and smell.", "Must have good taste."),
    "smell": ("Must be able to smell.", "The plan must smell right to the board."),
    "type": ("Must be able to type 60 wpm.", "Must know every type of contract."),
    "walk": ("Must be able to walk up and down stairs.", "Must be able to walk us through your portfolio."),
    "run": ("Must be able to walk, run and jump.", "Must be able to run the team and hit the ground running."),
    "jump": ("Must be able to jump from ladders.", "Must be able to jump in where needed."),
    "crawl": ("Must be able to crawl under desks.", "Must be able to crawl websites with Scrapy."),
    "stoop": ("Must be able to stoop for long periods.", "Must never stoop to gossip."),
    "move": ("Must be able to move your wrists repeatedly.", "Must be able to move projects forward."),
    "twist": ("Must be able to twist and bend.", "Must be able to twist the plot of a story."),
    "squat": ("Must be able to squat down.", "Must be able to squat bugs."),
    "push": ("Must be able to push carts of 30 kg.", "Must be able to push code daily."),
    "pull": ("Must be able to pull heavy pallets.", "Must be able to pull data from many sources."),
    "balance": ("Must be able to balance on ladders.", "Must be able to balance priorities."),
    "handle": ("Must be able to finger, handle or feel objects.", "Must be able to handle pressure."),
    "finger": ("Must be able to grasp, finger and handle tools.", "Must be able to finger-point less."),
    "grasp": ("Must be able to grasp and lift boxes.", "Must be able to grasp new concepts."),
}


def physical(text: str):
    return lint(text, config=PHYSICAL).findings


def test_every_verb_of_the_table_has_a_case_and_the_dol_list_is_whole():
    entries = table()["verb"]
    assert sorted(VERB_CASES) == sorted(e["verb"] for e in entries)
    dol = [e for e in entries if not e.get("added")]
    assert len(dol) == 28
    for entry in dol:
        assert {"verb", "object_dependent", "objects", "alternatives", "example"} <= set(entry), entry["verb"]
    for entry in entries:
        assert entry["fires"] in ("physical", "list", "object") and entry["forms"], entry["verb"]


@pytest.mark.parametrize("verb", sorted(VERB_CASES))
def test_each_verb_fires_as_a_method_and_not_in_its_look_alike(verb):
    hit, lookalike = VERB_CASES[verb]
    found = physical(hit)
    assert found and found[0].severity is Severity.WARNING, hit
    forms = next(e["forms"] for e in table()["verb"] if e["verb"] == verb)
    assert any(form in found[0].text.lower() for form in forms), (hit, found[0].text)
    assert not physical(lookalike), lookalike


@pytest.mark.parametrize(
    "text",
    [
        "Must be able to think on your feet.",
        "You hit the ground running and stand out from the crowd.",
        "You will see the big picture and hear from customers daily.",
        "We look forward to hearing from you within 48 hours.",
        "You must be able to run the team and handle pressure.",
        "Attend daily stand-ups and walk-in clinics; hands-on work.",
        "Ability to pull data from many sources and carry out analyses.",
        "Must be able to carry on a friendly conversation with anyone.",
        "Where we stand on pay: see below.",
        "Must be able to read, write and speak English.",
        "Must have a strong stomach for feedback; sit down with the CEO weekly.",
        "Must be able to lift 50 lbs, with or without reasonable accommodation.",
        "You are comfortable across the stack and care about what users see and feel.",
        "We build a company where everyone can feel welcome and heard.",
        "Perks: a standing desk, sit/stand desks and a laptop.",
        "Help us see clearly how each team contributes.",
        "If climbing the academic ladder is not for you, apply.",
        "No sitting on the bench between projects.",
    ],
)
def test_idioms_with_a_physical_verb_are_no_physical_demand(text):
    assert not physical(text)


@pytest.mark.parametrize(
    "text, match",
    [
        ("MUST BE ABLE TO LIFT 50 LBS.", "LIFT 50 LBS"),
        ("Must be able to lift/carry 50 lbs.", "lift/carry 50 lbs"),
        ("Must be able to (lift 50lbs).", "lift 50lbs"),
        ("Must be able to lift:50 lbs.", "lift:50 lbs"),
        ("Requirements: able to stand,walk,bend.", "stand,walk,bend"),
        ("Must be able to Stand For 8 Hours.", "Stand For 8 Hours"),
        ("Must be able to lift heavy boxes.", "lift heavy boxes"),
        ("Must be able to lift a heavy box.", "lift a heavy box"),
        ("Must be able to climb a ladder.", "climb a ladder"),
        ("Physical strength to be on your feet for several hours.", "on your feet for several hours"),
        ("Must be able to stand\u2011up for long periods.", None),
    ],
)
def test_matching_ignores_tokenisation_accidents(text, match):
    found = physical(text)
    if match is None:
        assert not found
    else:
        assert [f.text for f in found] == [match]


def test_a_method_in_a_duty_is_info_and_a_requirement_is_a_warning():
    duty = physical("You will lift boxes onto the delivery van each morning.")
    assert [(f.text, f.severity) for f in duty] == [("lift boxes", Severity.INFO)]
    required = physical("Requirements:\n- Lifting up to 25 kg\n- Standing for long periods")
    assert [f.severity for f in required] == [Severity.WARNING, Severity.WARNING]
    heading = physical("Physical demands\n\nFrequently bending, twisting and reaching.")
    assert [f.severity for f in heading] == [Severity.WARNING]


def test_a_sentence_that_calls_the_demands_small_is_info():
    found = physical("Physical environment\n\nThe office requires minimal physical effort such as sitting and walking.")
    assert [(f.text, f.severity) for f in found] == [("sitting and walking", Severity.INFO)]


def test_an_accommodation_offer_in_the_sentence_clears_it_and_nearby_lowers_it():
    assert not physical("Must be able to stand for 8 hours with or without reasonable accommodation.")
    text = (
        "Physical demands\n\nReasonable accommodations may be made to enable people with disabilities to do the "
        "essential functions.\n\nMust be able to stand for 8 hours."
    )
    assert [f.severity for f in physical(text)] == [Severity.INFO]


def test_a_list_of_methods_is_one_finding_with_the_alternatives_of_each():
    found = physical("The employee is regularly required to stoop, kneel, crouch or crawl.")
    assert [f.text for f in found] == ["stoop, kneel, crouch or crawl"]
    assert "position self" in found[0].suggestions and "lower oneself" in found[0].suggestions
    assert found[0].suggestions[-1] == "with or without reasonable accommodation"


# idiom phrase -> a sentence of ours using it figuratively (the phrase as written must be found in it)
def _idiom_cases():
    for index, entry in enumerate(table()["idiom"]):
        for phrase in entry["phrases"]:
            if entry.get("after"):
                text = f"We support people who {phrase} {entry['after'][0]}."
            elif entry.get("just_after"):
                text = f"You are {phrase} {entry['just_after'][0]} details."
            elif entry.get("just_before"):
                text = f"Our lead is a {entry['just_before'][0]} {phrase} at times."
            else:
                text = f"Our backlog is {phrase} this year."
            yield pytest.param(entry, phrase, text, id=f"{index}-{phrase}")


IDIOM_CASES = list(_idiom_cases())


@pytest.mark.parametrize("entry, phrase, text", IDIOM_CASES)
def test_each_idiom_fires_in_any_spelling(entry, phrase, text):
    variants = [
        text,
        text.upper(),
        text.replace(phrase, f"({phrase})"),
        text if entry.get("just_after") else text.replace(phrase, f"{phrase}/ok"),
        text.replace(phrase, phrase.replace(" ", "-") if " " in phrase else phrase.replace("-", " ")),
    ]
    for variant in variants:
        found = lint(variant, config=IDIOM).findings
        assert found, variant
        assert found[0].severity is Severity(entry["severity"]), variant
        assert phrase.split()[0].split("-")[0].lower() in found[0].text.lower(), (variant, found[0].text)


@pytest.mark.parametrize(
    "text",
    [
        "Trucks come with blind spot monitoring and blind-spot detection.",
        "Always check mirrors and blind spots before reversing.",
        "Experience with children with spastic cerebral palsy.",
        "Treated with flame retarded coatings.",
        "We treat patients with OCD and anxiety.",
        "Our legacy code suffers from poor test coverage.",
        "He was the victim of a prank.",
        "We replaced every dumb terminal.",
        "We sell tree nuts and dried fruit.",
        "Mind the crazing on old glazes.",
        "A blinding light; a lamentable delay; a dumbbell rack.",
        "Advise on psycho-pedagogical issues.",
    ],
)
def test_idiom_look_alikes_stay_clean(text):
    assert not lint(text, config=IDIOM).findings


def test_idiom_plurals_and_capitals_inside_a_sentence():
    found = lint("Find the Blind Spots in our data. Try Crazy Egg for heat maps.", config=IDIOM).findings
    assert [(f.text, f.severity) for f in found] == [("Blind Spots", Severity.INFO), ("Crazy", Severity.INFO)]
    found = lint("Blind spots hide in every plan.", config=IDIOM).findings
    assert [(f.text, f.severity) for f in found] == [("Blind spots", Severity.WARNING)]
