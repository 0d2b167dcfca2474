"""Age, culture and national-origin wording (JD30x, JD32x, JD33x) beyond the catalog examples: many phrasings
of each idea, the look-alikes that must stay clean, and for every list the proof that matching survives
hyphens, slashes, brackets, glued punctuation, capitals and plurals."""

from __future__ import annotations

import pytest
from conftest import lint

from jdlint.model import Severity


def hits(text: str, code: str, fmt: str = "text") -> list[str]:
    return [f.text for f in lint(text, fmt).findings if f.code == code]


def severities(text: str, code: str) -> list[Severity]:
    return [f.severity for f in lint(text).findings if f.code == code]


# (code, posting text, a text the finding must contain)
HITS = [
    # JD301 age-coded wording
    ("JD301", "Our young team of designers is growing.", "young team"),
    ("JD301", "We want young guns who love to close deals.", "young guns"),
    ("JD301", "The shop needs some young blood.", "young blood"),
    ("JD301", "Bring fresh blood to the agency.", "fresh blood"),
    ("JD301", "We're a young, hungry and ambitious squad.", "young, hungry and ambitious squad"),
    ("JD301", "A young & vibrant crew runs the bar.", "young & vibrant crew"),
    ("JD301", "Join a young, fast-growing team in Madrid.", "young, fast-growing team"),
    ("JD301", "Join our dynamic young team.", "dynamic young team"),
    ("JD301", "We are hiring a young person for the front desk.", "hiring a young person"),
    ("JD301", "Younger candidates preferred.", "Younger candidates preferred"),
    ("JD301", "The ideal hire is a digital-native marketer.", "digital-native"),
    ("JD301", "Digital natives thrive here.", "Digital natives"),
    ("JD301", "Perfect for someone straight out of university.", "straight out of university"),
    ("JD301", "You are fresh from school and eager to learn.", "fresh from school"),
    ("JD301", "Fresh grads only, please.", "Fresh grads only"),
    ("JD301", "Recent graduates (preferred).", "Recent graduates (preferred"),
    ("JD301", "A millennial team that loves memes.", "millennial team"),
    ("JD301", "Join a Gen-Z crew of creators.", "Gen-Z crew"),
    ("JD301", "We are a team of young professionals.", "team of young professionals"),
    ("JD301", "Early-career only (0-2 years).", "Early-career only"),
    ("JD301", "Looking for fresh-faced sales staff.", "fresh-faced"),
    ("JD301", "A youthful spirit is a must.", "youthful"),
    ("JD301", "Our 20-somethings run the show.", "20-somethings"),
    # JD302 age limits
    ("JD302", "Age: 21-30.", "Age: 21-30"),
    ("JD302", "Applicants must not be older than 35 years of age.", "not be older than 35 years of age"),
    ("JD302", "Age limit of 40 applies.", "Age limit of 40"),
    ("JD302", "This graduate scheme is for under-30s.", "under-30s"),
    ("JD302", "Candidates born in or after 1998 may apply.", "born in or after 1998"),
    ("JD302", "Ideal for people in your late 20s.", "in your late 20s"),
    # JD303 experience caps and overqualification
    ("JD303", "Please have at most 4 years of relevant experience.", "at most 4 years of relevant experience"),
    ("JD303", "You should not be overqualified for the role.", "not be overqualified"),
    ("JD303", "Over-qualified applicants will not be considered.", "Over-qualified applicants will not be considered"),
    ("JD303", "Three years of experience max.", "Three years of experience max"),
    # JD304 graduation dates and windows
    ("JD304", "Graduating between May 2026 and August 2027.", "Graduating between May 2026 and August 2027"),
    ("JD304", "Degree conferral between 2025 and 2026.", "Degree conferral between 2025 and 2026"),
    ("JD304", "Less than two years since graduation.", "Less than two years since graduation"),
    ("JD304", "You graduated after June 2023.", "graduated after June 2023"),
    ("JD304", "Open to 2025 graduates only.", "2025 graduates"),
    # JD331 culture fit
    ("JD331", "Team fit matters more than skills.", "Team fit"),
    ("JD331", "We look for culture/fit first.", "culture/fit"),
    ("JD331", "Someone who fits the mould.", "fits the mould"),
    ("JD331", "You'll fit into the family straight away.", "fit into the family"),
    ("JD331", "Are you the perfect Globex-fit?", "perfect Globex-fit"),
    ("JD331", "We are looking for the right wonkafit.", "right wonkafit"),
    # JD332 hero jargon
    ("JD332", "A marketing maven to run campaigns.", "marketing maven"),
    ("JD332", "We need a coding samurai.", "coding samurai"),
    ("JD332", "Growth hacker extraordinaire wanted.", "hacker extraordinaire"),
    ("JD332", "Become a sales superstar!", "sales superstar"),
    ("JD332", "Are you a super-hero of spreadsheets?", "super-hero"),
    ("JD332", "Our devops wizards keep the lights on.", "devops wizards"),
    ("JD332", "We hire only 10x engineers.", "10x engineers"),
    ("JD332", "Wunderkinds welcome.", "Wunderkinds"),
    # JD333 bro talk
    ("JD333", "We work hard and we play harder.", "work hard and we play harder"),
    ("JD333", "Work hard; party hard.", "Work hard; party hard"),
    ("JD333", "We work hard so we can play hard.", "work hard so we can play hard"),
    ("JD333", "Hard work, hard play.", "Hard work, hard play"),
    ("JD333", "A kickass product and a bad-ass team.", "kickass"),
    ("JD333", "Kick ass at customer support.", "Kick ass"),
    ("JD333", "No frat-boy energy here? Wrong: frat house all day.", "frat house"),
    ("JD333", "We crushed it last quarter.", "crushed it"),
    ("JD333", "Alpha personalities thrive in our sales team.", "Alpha personalities"),
    ("JD333", "Hey bro, come code with us.", "bro"),
    # JD334 family and pressure cliches
    ("JD334", "We are a family of 40+ dedicated engineers.", "family of 40+ dedicated engineers"),
    ("JD334", "Welcome to the family!", "Welcome to the family"),
    ("JD334", "We treat you like family.", "treat you like family"),
    ("JD334", "You need a thick skin for this desk.", "thick skin"),
    # JD335 hollow perks
    ("JD335", "Beer fridge, pingpong and foosball.", "Beer fridge"),
    # JD336 profanity
    ("JD336", "We make sh!t happen.", "sh!t"),
    ("JD336", "Zero bulls#!t.", "bulls#!t"),
    ("JD336", "Don't be an a**hole in code review.", "a**hole"),
    ("JD336", "This f*cking rocks.", "f*cking"),
    ("JD336", "No more sh*tty tools.", "sh*tty"),
    ("JD336", "We hate clusterfucks.", "clusterfucks"),
    ("JD336", "Goddamn good coffee.", "Goddamn"),
    ("JD336", "Pissed off customers become fans.", "Pissed off"),
    # JD321 native speaker and its kin
    ("JD321", "Native Portuguese speakers preferred.", "Native Portuguese speakers"),
    ("JD321", "Native-level English is essential.", "Native-level English"),
    ("JD321", "You speak Tamil at a native level.", "Tamil at a native level"),
    ("JD321", "Languages: Czech: native, German: B2.", "Czech: native"),
    ("JD321", "Native proficiency in Hebrew.", "Native proficiency"),
    ("JD321", "Swahili as a first language.", "Swahili as a first language"),
    ("JD321", "First-language English speakers only.", "First-language English speakers"),
    ("JD321", "Candidates whose mother tongue is Greek.", "mother tongue"),
    ("JD321", "Native speaker level Japanese.", "Native speaker level"),
    ("JD321", "Arabic native speakers wanted.", "Arabic native speakers"),
    # JD322 accent
    ("JD322", "Spoken English with minimal accent.", "minimal accent"),
    ("JD322", "Must speak without any accent.", "without any accent"),
    ("JD322", "No foreign accents on the phones.", "No foreign accents"),
    # JD323 Canadian experience
    ("JD323", "Canadian industry experience is mandatory.", "Canadian industry experience"),
    # JD324 citizenship as a condition
    ("JD324", "UK nationals only.", "UK nationals only"),
    ("JD324", "Citizens or permanent residents only.", "Citizens or permanent residents only"),
    ("JD324", "You must hold a Singaporean passport.", "must hold a Singaporean passport"),
    ("JD324", "Only Emirati nationals will be considered.", "Only Emirati nationals"),
    ("JD324", "Canadian citizenship required.", "Canadian citizenship required"),
    ("JD324", "PR holders only.", "PR holders only"),
    ("JD324", "You must be a citizen of Canada.", "must be a citizen of Canada"),
    ("JD324", "Requirements:\n* Bachelor's degree\n* Australian citizen\n", "Australian citizen"),
]


@pytest.mark.parametrize("code, text, expected", HITS, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(HITS)])
def test_phrasings_are_found(code, text, expected):
    found = hits(text, code)
    assert any(expected in f or f in expected for f in found), f"{code} on {text!r}: {found}"


LOOKALIKES = [
    ("JD301", "We are a young company with an old-school work ethic."),
    ("JD301", "We run sports clubs for young people aged 8 to 16."),
    ("JD301", "Teach young learners to read."),
    ("JD301", "Our young adult fiction list is growing."),
    ("JD301", "A fresh approach to payroll."),
    ("JD301", "New graduates and career changers welcome."),
    ("JD301", "Native mobile apps for a younger audience."),
    ("JD301", "Our marketing speaks to millennials and Gen Z consumers."),
    ("JD301", "Mentor early-career colleagues."),
    ("JD302", "Must be at least 21 years old to drive the van."),
    ("JD302", "Support groups for ages 13 to 17."),
    ("JD302", "We serve people aged 65 and over."),
    ("JD302", "There is no maximum age for this role."),
    ("JD303", "You might feel overqualified; we still want to hear from you."),
    ("JD303", "At least 3 years of experience."),
    ("JD304", "Revenue grew between 2019 and 2024."),
    ("JD304", "Share your degree and your portfolio."),
    ("JD304", "Sales grew 40% in 2024 over 2023."),
    ("JD331", "We offer benefits that fit your family."),
    ("JD331", "The right benefit for every life stage."),
    ("JD331", "A perfect outfit for the trade show."),
    ("JD331", "Tailored slim-fit suits and a great retrofit service."),
    ("JD331", "Helping non-profits find the right product-market fit."),
    ("JD332", "Configure the install wizard and the hero banner."),
    ("JD332", "Build the ninja kitchen product pages for SharkNinja."),
    ("JD332", "We are a fintech unicorn with 400 staff."),
    ("JD332", "Rock climbing wall and star-shaped office."),
    ("JD333", "Hard work pays off; we play fair."),
    ("JD333", "Crush the ice and stock the bar."),
    ("JD333", "Warner Bros. is our biggest client."),
    ("JD333", "Test the alpha release with customers."),
    ("JD333", "Kids play hard on our playgrounds; we work hard to keep them safe."),
    ("JD334", "Family-owned since 1952."),
    ("JD334", "Join our family of brands."),
    ("JD334", "Generous work-family balance policies."),
    ("JD335", "Brewery cellar hand: clean kegs and run the beer line."),
    ("JD336", "Assist the assessment team in Scunthorpe."),
    ("JD336", "Fit a stopcock and seal the shell."),
    ("JD336", "Shiitake risotto on the lunch menu."),
    ("JD336", "Dam maintenance and bass fishing trips."),
    ("JD336", "Use F# and C# in the trading platform."),
    ("JD321", "Build native iOS and Android apps."),
    ("JD321", "Near-native performance through WebAssembly."),
    ("JD321", "Cloud-native, React Native and native modules."),
    ("JD321", "English at C1 level, French at B2."),
    ("JD321", "Work with native plant species in the nursery."),
    ("JD321", "Fluency in a second language is a plus."),
    ("JD322", "Accent lighting and an accent wall."),
    ("JD324", "Must be authorized to work in the United States."),
    ("JD324", "Candidates must be eligible to work in Canada."),
    ("JD324", "You must be a U.S. Citizen or National to apply for this federal position."),
    ("JD324", "We welcome Canadian citizens, permanent residents and newcomers alike."),
    ("JD324", "Help Canadian citizens file their taxes."),
    ("JD324", "Applicants must be a Filipino citizen or have the right to work in the Philippines."),
    ("JD324", "Only US citizens and those authorized to work in the US can be considered."),
    ("JD324", "Eligibility:\n- US citizen;\n- On the travel orders of a Foreign Service officer at the embassy."),
    ("JD301", "Grow digital-native brands on social platforms."),
    ("JD301", "Offices in an up-and-coming neighbourhood; we use up and coming tools."),
    ("JD321", "Games reach near-native level performance in the browser."),
]


@pytest.mark.parametrize("code, text", LOOKALIKES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(LOOKALIKES)])
def test_lookalikes_stay_clean(code, text):
    assert hits(text, code) == []


# One term per list, written every way tokenisation could split it: each must still be found.
SPELLINGS = {
    "JD301": [
        "Young-Guns wanted.",
        "YOUNG GUNS wanted.",
        "(young guns) wanted.",
        "young guns/rockstars.",
        "young guns,now.",
    ],
    "JD302": ["Age: 25-35.", "AGE: 25 - 35.", "(age: 25-35)", "age:25-35/no exceptions"],
    "JD331": ["culture fit", "Culture-Fit", "CULTURE FIT", "(culture fit)", "culture fit/values", "culture-fit,values"],
    "JD332": ["rockstar", "Rock-Star", "rock stars", "ROCKSTARS", "(rockstar)", "rockstar/ninja", "rockstar,dev"],
    "JD333": ["work hard, play hard", "Work-Hard-Play-Hard", "WORK HARD / PLAY HARD", "(work hard, play hard)"],
    "JD334": ["a family of 50 people", "A Family Of 50 People", "(a family of 50 people)"],
    "JD335": ["beer pong", "Beer-Pong", "BEERPONG", "(beer pong)", "beer pong/darts"],
    "JD336": ["shit", "SH*T", "[sh]it", "Sh!t", "(sh*t)", "sh*t/stuff", "sh*t,stuff"],
    "JD321": [
        "native English speaker",
        "Native-English speakers",
        "NATIVE ENGLISH",
        "(native English)",
        "native English/French",
    ],
    "JD322": ["no accent", "NO ACCENT", "(no accent)", "no accent/dialect"],
    "JD324": ["US citizens only", "U.S. Citizens Only", "(US citizens only)", "US citizens only/no sponsorship"],
}


@pytest.mark.parametrize("code, spelling", [(code, s) for code, spellings in SPELLINGS.items() for s in spellings])
def test_every_list_survives_tokenisation(code, spelling):
    assert hits(f"About the job. {spelling} Apply today.", code), f"{code} missed {spelling!r}"


def test_doubtful_uses_are_info_and_sure_ones_warn():
    assert severities("Students and recent graduates are welcome.", "JD301") == [Severity.INFO]
    assert severities("Recent graduates only.", "JD301") == [Severity.WARNING]
    assert severities("Up-and-coming talent wanted.", "JD301") == [Severity.INFO]
    assert severities("A young, up and coming, developer.", "JD301") == [Severity.INFO]
    assert severities("Native speakers of Dutch run our support desk.", "JD321") == [Severity.WARNING]
    assert severities("We pair learners with native speakers.", "JD321") == []
    assert severities("Our tutors are native speakers.", "JD321") == [Severity.WARNING]


def test_a_sure_match_is_not_lowered_by_an_overlapping_doubtful_one():
    # "for a recent graduate" (warning) overlaps the bare "recent graduate" (info): one warning only
    assert severities("Ideal for a recent graduate.", "JD301") == [Severity.WARNING]


def test_masked_profanity_in_markdown_source_keeps_its_span():
    result = lint("We are making \\[sh]it happen.\n", "markdown")
    found = [f for f in result.findings if f.code == "JD336"]
    # the span covers the escaped bracket as the source spells it
    assert [f.text for f in found] == ["\\[sh]it"]
    assert result.text[found[0].span.start : found[0].span.end] == "\\[sh]it"


def test_citizenship_with_its_legal_reason_nearby_is_left_alone():
    text = "Permanent residents only.\nThis role is funded by a federal government contract."
    assert hits(text, "JD324") == []
