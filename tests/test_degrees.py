"""JD401: a required degree is judged per requirement (list item or sentence); the suggestion keeps the
degree's level and subject; degrees a licence requires by law are information, not gatekeeping."""

from __future__ import annotations

import pytest
from conftest import lint

from jdlint.checks.degrees import degree_mentions, professions


def degree_findings(text: str, fmt: str = "text"):
    return [f for f in lint(text, fmt).findings if f.code == "JD401"]


def hits(text: str, fmt: str = "text") -> list[str]:
    return [f.text for f in degree_findings(text, fmt) if f.severity.value == "warning"]


# required, and nothing in the same requirement offers another way in
REQUIRED = [
    ("You must hold a Bachelor's degree in Biology. A PhD would be a bonus.", "Bachelor's degree"),
    (
        "Requirements:\n- Bachelor's degree in Finance\n- Equivalent experience with Excel is a plus",
        "Bachelor's degree",
    ),
    ("Requirements:\n- BSc in Chemistry\n- 3+ years in a lab, or equivalent", "BSc"),
    ("Requirements:\n- Master's degree in Statistics\n- PhD preferred", "Master's degree"),
    ("A bachelor's degree is required; a master's degree is a plus.", "bachelor's degree"),
    ("Bachelor's degree required, Master's degree preferred.", "Bachelor's degree"),
    ("You have an MBA from an accredited school.", "MBA"),
    ("You hold a PhD in computational biology.", "PhD"),
    ("Minimum qualifications: an associate degree in electronics.", "associate degree"),
    ("Applicants must have a BA or BS in economics.", "BA or BS"),
    (
        "Must have earned a Bachelor of Arts (BA) or Master of Arts (MA) degree.",
        "Bachelor of Arts (BA) or Master of Arts (MA) degree",
    ),
    ("Requirements:\n- Doctorate in clinical research\n- Publication record", "Doctorate"),
    ("Requirements:\n- MSc in Data Science or a related field\n- Fluent Python", "MSc"),
    ("Requirements:\n- B.S. in Civil Engineering\n- AutoCAD", "B.S."),
    ("A four-year degree is mandatory for this position.", "four-year degree"),
    ("Requirements:\n- University degree in Law or Economics", "University degree"),
    ("Education: Bachelor's degree in Accounting", "Bachelor's degree"),
    ("Qualifications\n- A Bachelor's Degree.\n- Good communication", "Bachelor's Degree"),
    ("Requirements:\n- Degree in Communications\n- Five years in PR", "Degree"),
    ("Requirements:\n- BS/MS in Computer Science or a related field, and 3 years of experience", "BS/MS"),
    ("Requirements:\n- BS in Physics or Math and experience with Python", "BS"),
    ("Requirements:\n- Bachelor's Degree required, preferably in physics or chemistry", "Bachelor's Degree"),
    ("Requirements:\n- Bachelor degree in a quantitative field, preferably Computer Science", "Bachelor degree"),
    ("Requirements:\n- A good degree (ideally a PhD) in mathematics", "good degree"),
    # a list introduced by a short line that names it, without a colon or a heading
    ("Job\n\nMust-have qualifications\n\n- Bachelor's degree in Nursing Informatics\n- SQL", "Bachelor's degree"),
    # a run-on posting where the degree is a sentence of its own
    (
        "We build tools. Bachelor's or Master's degree in geography or a related field. Strong SQL.",
        "Bachelor's or Master's degree",
    ),
    # experience that "will be considered" for something else is no path around the degree
    (
        "Applicants must have a PhD in Physics. Those with 5 years of experience will be considered for senior roles.",
        "PhD",
    ),
    # an item that is a wish does not make the items after it wishes
    ("Requirements\nSecurity clearance required; SCI preferred\nBS degree in Physics", "BS degree"),
    ("Qualifications\n- Python is a plus\n- Bachelors degree or higher", "Bachelors degree"),
    # said to be required under a heading of wishes
    ("Desired Skills\n- Kafka is a plus\n- Bachelor's degree is required", "Bachelor's degree"),
    # the preference in the next sentence is about a credential, not this degree
    ("Requirements:\n- A degree in finance is required. A CFA charter is highly preferred.", "degree"),
    ("Requirements:\n- University degree, ideally in marketing", "University degree"),
    ("Requirements:\n- BS (or higher, e.g., MS or PhD) in Chemistry", "BS (or higher, e.g., MS or PhD)"),
    (
        "Qualifications:\n- Bachelor's degree in History, or related field\n- Experience with archives",
        "Bachelor's degree",
    ),
    (
        "Requirements:\n- Bachelors’ degree in Law and 3 years in practice. A Master's degree is a plus.",
        "Bachelors’ degree",
    ),
]


@pytest.mark.parametrize(("text", "match"), REQUIRED)
def test_required_degree_without_its_own_alternative(text, match):
    assert hits(text) == [match]


EXCUSED = [
    "Requirements:\n- Bachelor's degree in Biology or equivalent experience",
    "Requirements:\n- BA/BS in Marketing, or equivalent practical experience",
    "You must hold a Master's degree in Statistics or relevant experience.",
    "Requirements:\n- Bachelor's degree or 4 years of experience in lieu of a degree",
    "Requirements:\n- A degree in Design, or comparable professional work",
    "Requirements:\n- A college degree or certification in networking",
    "Requirements:\n- Equivalent combination of education and experience; a bachelor's degree in business is typical",
    "Requirements:\n- Bachelor's degree or relevant knowledge and experience",
    "Requirements:\n- Master's degree preferred",
    "Requirements:\n- A PhD would be nice to have",
    "Requirements:\n- An MSc is a plus",
    "Requirements:\n- A bachelor's degree is a bonus, not a requirement",
    "You don't need a college degree for this job.",
    "Requirements:\n- Bachelor's degree in Accounting, or 6+ years of bookkeeping experience",
    "Requirements:\n- BS in CS or equivalent. 4 years of Java.",
    "A bachelor's degree is required. Equivalent experience will be considered in place of a degree.",
    "Requirements:\n- Degree in Geology, or related work experience",
    "Nice to have:\n- MBA\n- Experience in retail",
    "Requirements:\n- Ideally an MSc in Physics",
    "Requirements:\n- Doctorate desirable",
    "Requirements:\n- Ideally you will have a degree in computer science",
    "Requirements:\n- MS or PhD in a field such as Statistics, or Biology or 2+ years of relevant work experience",
    "Requirements:\n- We would prefer a Master's degree in Chemistry",
    "Requirements: a BS in Biology is required. Four years of lab work may be substituted for a Bachelor's degree.",
    "Requirements:\n- University/college degree or/and appropriate training",
    "Requirements:\n- Degree in statistics or similar quantitatively focused subject areas or job-related experience",
    "Requirements:\n- You will have a college degree in science or industrial experience.",
    "Education:\n- Bachelor's degree in Law and four years of practice; or\n- Master's degree in Law and two years of "
    "practice; or\n- Equivalent combination of education and experience.",
    "Requirements:\nPhD in a quantitative field (e.g. statistics or physics) or equivalent practical experience\n"
    "Experience with PyTorch",
    "Requirements:\n- At least 8 years of experience in analytics or data work OR a Masters Degree and 6 years OR a "
    "Doctorate and 3 years",
    "Requirements:\n- Graduate degree in economics and 2 years of work; 6+ years of experience without a degree",
    "Requirements:\n- At least 8 years of relevant experience OR a Master's degree and 5 years OR a PhD and 2 years",
    "Requirements:\n- Advanced university degree (e.g., MBA) or demonstrable equivalent.",
    "Requirements:\n- MBA, or a relevant Master's degree, or a professional accounting qualification.",
    "Requirements:\n- Working towards a BS in Geology, Physics, or a related science degree.",
    "Requirements:\n- You have a Bachelors’ degree in Law, plus 3 years of practice (or equivalent combination of "
    "education and experience).",
]


@pytest.mark.parametrize("text", EXCUSED)
def test_alternative_or_preference_in_the_same_requirement(text):
    assert hits(text) == []


LOOKALIKES = [
    "Requirements:\n- Comfortable with a high degree of autonomy",
    "Requirements:\n- You take 360-degree feedback well",
    "Requirements:\n- Able to work in rooms kept at 5 degrees",
    "Requirements:\n- Knowledge of angles to the nearest degree",
    "Requirements:\n- To a degree, you must enjoy ambiguity",
    "Requirements:\n- Able to treat third-degree burns",
    "Requirements:\n- You mentor PhD students and interns",
    "Requirements:\n- Currently pursuing a Bachelor's degree in Computer Science",
    "Requirements:\n- June 2026 grad with a BS/BA in an analytical discipline",
    "Requirements:\n- Proficient in MS Office and MS Excel",
    "Our office is in Boston, MA. You must live nearby.",
    "Requirements:\n- A degree of independence in planning your day",
    "We were founded by two PhDs. You must love learning.",
    "Benefits:\n- Tuition support for a Master's degree",
    "Requirements:\n- Mastery of SQL and a Scrum Master certificate",
    "Requirements:\n- Read the JD carefully and DO apply",
    "Requirements:\n- Comfortable with a good degree of independence",
    "Our team of PhDs and MBAs works in Leeds.",
    "Requirements:\n- This is a teaching role: no PhD requirement and no publications",
    "Requirements:\n- 3+ years of relevant work experience (less with a PhD)",
    "Requirements:\n- Power BI experience or an SSAS/AAS background",
    "Requirements:\n- Experience building LLM and RAG applications",
    "Requirements:\n- Experience with J.D. Power ratings\n- Based in Boston, MA.\n- Worked at M.D. Anderson",
    "Requirements:\n- You will build MFA and SSO systems",
    "Minimum Qualifications\nBA/BS in Physics, or equivalent practical experience.\nFluent English.\n\n"
    "Preferred Qualifications\nMaster's degree in Physics or a related field.\nPhD in Optics.",
    "Qualifications\nSQL.\nIt would be great if you also have:\nA Master's degree in Economics.",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_look_alikes_do_not_fire(text):
    assert hits(text) == []


REWRITES = [
    (
        "A master's degree in Statistics is required.",
        "master's degree in Statistics or equivalent practical experience",
    ),
    (
        "Requirements:\n- Associate's degree in Electronics",
        "Associate's degree in Electronics or equivalent practical experience",
    ),
    ("Requirements:\n- BA/BS in Economics", "BA/BS in Economics or equivalent practical experience"),
    ("Requirements:\n- BSc in Physics", "BSc in Physics or equivalent practical experience"),
    ("Requirements:\n- MBA required", "MBA or equivalent practical experience"),
    ("Requirements:\n- MSc in Geography", "MSc in Geography or equivalent practical experience"),
    ("Requirements:\n- PhD in Chemistry", "PhD in Chemistry or equivalent practical experience"),
    ("Requirements:\n- Doctorate in Education", "Doctorate in Education or equivalent practical experience"),
    (
        "Requirements:\n- Bachelor's degree in Statistics, Mathematics, or a related field",
        "Bachelor's degree in Statistics, Mathematics, or a related field, or equivalent practical experience",
    ),
]


@pytest.mark.parametrize(("text", "suggestion"), REWRITES)
def test_rewrite_keeps_the_level_and_subject(text, suggestion):
    (finding,) = degree_findings(text)
    assert finding.suggestions == (suggestion,)
    assert "Bachelor" not in suggestion or "Bachelor" in text


LICENSED = [
    ("Registered Nurse\n\nRequirements:\n- BSN required\n- Current RN license", "BSN", "registered nurse"),
    ("# Staff Pharmacist\n\n## Requirements\n\n- PharmD from an accredited school", "PharmD", "pharmacist"),
    ("Associate Attorney\n\nRequirements:\n- J.D. degree\n- Admitted to the bar in New York", "J.D. degree", "lawyer"),
    (
        "Requirements:\n- Doctorate in Clinical Psychology\n- Licensed psychologist in Oregon",
        "Doctorate",
        "licensed psychologist",
    ),
    (
        "Senior Accountant\n\nRequirements:\n- Bachelor's degree in Accounting\n- Active CPA",
        "Bachelor's degree",
        "certified public accountant",
    ),
    ("Physical Therapist\n\nRequirements:\n- DPT from an accredited program", "DPT", "physical therapist"),
    ("Clinical Social Worker\n\nRequirements:\n- MSW required\n- LCSW", "MSW", "social worker"),
    (
        "Requirements:\n- Bachelor's degree in Civil Engineering\n- PE license",
        "Bachelor's degree",
        "professional engineer",
    ),
    ("Veterinarian\n\nRequirements:\n- DVM or VMD", "DVM or VMD", "veterinarian"),
    ("Physician\n\nRequirements:\n- MD or DO from an accredited school", "MD or DO", "physician"),
    ("Associate Attorney\n\nRequirements:\n- J.D. required\n- Admitted to the bar", "J.D.", "lawyer"),
    (
        "Elementary Teacher\n\nRequirements:\n- Bachelor's degree\n- State teaching license",
        "Bachelor's degree",
        "teaching",
    ),
    (
        "Requirements:\n- Master's degree in Speech-Language Pathology\n- CCC-SLP",
        "Master's degree",
        "speech-language pathologist",
    ),
]


@pytest.mark.parametrize(("text", "match", "licence"), LICENSED)
def test_degree_a_licence_requires_is_information_with_the_reason(text, match, licence):
    (finding,) = degree_findings(text, "markdown" if text.startswith("#") else "text")
    assert (finding.text, finding.severity.value) == (match, "info")
    assert f"the {licence} licence" in finding.message
    assert finding.source.startswith("https://www.bls.gov/ooh/")


def test_each_degree_of_a_requirement_is_reported_once():
    text = "Requirements:\nMasters or PhD in Comp Sci. We later also ask for a bachelor's degree in physics."
    assert hits(text) == ["Masters or PhD", "bachelor's degree"]
    assert hits("Our founders met during a PhD at MIT.") == []
    assert hits("A PhD is required for this role.") == ["PhD"]


def test_a_degree_named_in_another_degrees_subject_is_part_of_it():
    text = "Requirements:\n- Advanced degree in business, economics, finance or related degree."
    assert hits(text) == ["Advanced degree"]
    text = "Requirements:\n- A bachelor's degree is required. Would prefer to have the degree in Statistics."
    assert hits(text) == ["bachelor's degree"]


def test_licence_only_covers_its_own_degree():
    # a nurse posting asking for an unrelated degree, and a software architect, are still gatekeeping
    assert hits("Registered Nurse\n\nRequirements:\n- Bachelor's degree in Marketing") == ["Bachelor's degree"]
    assert hits("Software Architect\n\nRequirements:\n- Bachelor's degree in Computer Science") == ["Bachelor's degree"]


def test_a_licence_the_job_would_only_like_does_not_excuse():
    text = "Requirements:\n- Bachelor's degree in Accounting is required. A CPA is preferred."
    assert [(f.text, f.severity.value) for f in degree_findings(text)] == [("Bachelor's degree", "warning")]


def test_levels_recognised():
    text = "AAS, BA, BSc, MSc, MBA, PhD, doctorate, Master of Science, Associate of Arts"
    levels = {text[s:e]: level for s, e, level, _ in degree_mentions(text)}
    assert levels["AAS"] == "associate" and levels["Associate of Arts"] == "associate"
    assert levels["BSc"] == "bachelor" and levels["MSc"] == "master" and levels["MBA"] == "master"
    assert levels["PhD"] == levels["doctorate"] == "doctorate"
    assert levels["Master of Science"] == "master"


def test_licence_table_is_sourced():
    table = professions()
    assert len(table) >= 15
    assert all(p.source.startswith("https://www.bls.gov/ooh/") for p in table)
