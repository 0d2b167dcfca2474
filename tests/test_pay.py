"""Pay transparency: what counts as disclosed pay, and which law applies on which day."""

from __future__ import annotations

import datetime

import pytest
from click.testing import CliRunner
from conftest import lint

from jdlint.cli import main
from jdlint.config import Config

FILLER = " You will build data tools with our team, review code and talk to customers every week across the year."
PAY = Config(select=("missing-salary",))


def codes_for(text, fmt="text", config=PAY):
    return [(f.code, f.severity.value) for f in lint(text, fmt, config).findings]


@pytest.mark.parametrize(
    "pay",
    [
        "We offer a competitive salary of $90,000 - $110,000.",
        "Base: $85k–$105k.",
        "£45,000 - £55,000 per annum.",
        "Gehalt: 60.000 € – 72.000 € brutto.",
        "$25 - $30 per hour.",
        "Salary: $120,000 per year.",
        "221,000—455,000 USD",
        "Salaire : 60K à 70K",
        "Salary: PHP 150,000 - 183,000",
    ],
)
def test_disclosed_pay_forms(pay):
    assert codes_for("Location: Denver, CO\n\n" + pay + FILLER * 3) == []


@pytest.mark.parametrize(
    "money",
    [
        "We raised $20M from investors.",
        "Our customers saved $3,000,000 last year.",
        "Lift up to 50 pounds.",
        "A drug can cost up to $2B to develop.",
    ],
)
def test_money_that_is_not_pay(money):
    assert [c for c, _ in codes_for("Location: Denver, CO\n\n" + money + FILLER * 3)] == ["JD501"]


def test_law_in_force_makes_it_an_error_naming_the_law():
    text = "Location: Toronto, Ontario\n\n" + FILLER * 4
    before = lint(text, config=Config(select=("JD501",), lint_date=datetime.date(2025, 12, 31))).findings[0]
    after = lint(text, config=Config(select=("JD501",), lint_date=datetime.date(2026, 1, 1))).findings[0]
    assert before.severity.value == "warning" and "will be required by Ontario" in before.message
    assert after.severity.value == "error" and "Ontario Employment Standards Act" in after.message
    assert after.source.startswith("https://www.ontario.ca")


def test_no_known_law_is_a_warning():
    assert codes_for("Location: Yerevan, Armenia\n\n" + FILLER * 4) == [("JD501", "warning")]


@pytest.mark.parametrize(
    "where, law",
    [
        ("Location: Remote (US)", "Colorado"),
        ("Location: Seattle, WA", "Washington"),
        ("Office: Cambridge, MA", "Massachusetts"),
        ("Location: New York, NY", "New York"),
    ],
)
def test_locations_reach_laws(where, law):
    finding = lint(where + "\n\n" + FILLER * 4, config=Config(select=("JD501",))).findings[0]
    assert finding.severity.value == "error" and law in finding.message


@pytest.mark.parametrize("where", ["Location: Cambridge, UK", "Location: Newark-on-Trent", "Location: Remote"])
def test_places_that_only_look_like_covered_ones(where):
    assert codes_for(where + "\n\n" + FILLER * 4) == [("JD501", "warning")]


def test_vague_and_open_ended_pay():
    assert codes_for("Location: Chicago, IL\n\nCompetitive salary, DOE." + FILLER * 3) == [("JD502", "error")]
    assert codes_for("Location: Seattle, WA\n\nPay: up to $95,000 per year." + FILLER * 3) == [("JD503", "error")]
    assert codes_for("Location: Yerevan, Armenia\n\nPay: up to $1,500 per month." + FILLER * 3) == []


def test_front_matter_salary_counts():
    md = "---\nlocation: Denver, CO\nsalary: 90000-110000 USD\n---\n\n" + FILLER * 4
    assert codes_for(md, "markdown") == []


def test_date_option(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text("Location: Toronto, Ontario\n\n" + FILLER * 4)
    early = CliRunner().invoke(main, ["check", "--select", "JD501", "--date", "2025-06-01", str(posting)])
    late = CliRunner().invoke(
        main, ["check", "--select", "JD501", "--date", "2026-06-01", "--fail-on", "error", str(posting)]
    )
    assert early.exit_code == 1 and "will be required" in early.output
    assert late.exit_code == 1 and "in force since 2026-01-01" in late.output
    bad = CliRunner().invoke(main, ["check", "--date", "June 1st", str(posting)])
    assert bad.exit_code == 2


# ----------------------------------------------------------------------------- pay or perk
# A figure is the job's pay only when its words tie it to the job; our own phrasings, both sides.

NOWHERE = "Location: Yerevan, Armenia\n\n"  # no pay law: JD501 is a plain warning


@pytest.mark.parametrize(
    "pay",
    [
        "The salary for this role is $92,000 to $118,000.",
        "Pay: $24.50 per hour.",
        "Hourly rate $31–$38.",
        "Compensation: €55.000 – €65.000 gross per year.",
        "OTE of $140,000 with a 60/40 split.",
        "Base pay $130k-$150k plus equity and a $1,000 learning budget.",
        "We pay £28,500 per annum.",
        "Starting wage is $19/hr.",
        "This role pays $4,200 per month.",
        "Annual salary: CAD 78,000 - 92,000",
        "Compensation\n$150,000 - $170,000",
        "The base salary range for this position is:\n$120,000 – $140,000 USD",
        "$56,000 a year, paid monthly.",
        "Earn $22 an hour plus tips.",
        "Day rate: €450 per day, outside IR35.",
        "Salary range $85,000 - $95,000 depending on experience.",
        "You'll earn between $60k and $70k.",
        "The position is paid at $27.50/hour.",
        "Gehalt: 4.200,- € brutto monatlich.",
        "Pay range: $70,000-$80,000/year",
        "We offer $95,000 base salary and a $300 monthly home-office stipend.",
        "Paid training at $18/hour for the first two weeks.",
        "A volunteer year with 400,-€ pocket money per month.",
        "Salary: £80k - £100k depending on the equity stake you choose.",
        "Compensation\n3-5.4 LPA CTC",
        "We offer 12 lakhs per annum for this role.",
        "Annual salary: 7.5 to 9 million JPY, decided on experience.",
    ],
)
def test_figures_tied_to_the_job_are_pay(pay):
    assert codes_for(NOWHERE + pay + FILLER * 3) == []


@pytest.mark.parametrize(
    "perk",
    [
        "We offer a $300 monthly home-office stipend.",
        "Enjoy a $1,000 learning budget each year.",
        "We raised $2M in seed funding.",
        "Referral bonus: $2,500.",
        "A $5,000 sign-on bonus for new hires.",
        "We reimburse up to $500 for your home office setup.",
        "Get $100 per month toward your gym membership.",
        "Our customers saved $3,000,000 last year.",
        "$1,500 annual conference allowance.",
        "We are a $40 million company with 200 employees.",
        "Our clients in Tokyo spent ¥500 million with us last year.",
        "Phone and internet allowance of $75 a month.",
        "A $2,000 relocation package.",
        "Wellness stipend: $50/month.",
        "We give $250 a year to spend on books.",
        "Commuter benefit up to $300 per month.",
        "Annual bonus of up to $10,000.",
        "Our clients range from $1,000 to $50,000 in monthly spend.",
        "Donations of $25 help us plant trees.",
        "$500 in AWS credits for side projects.",
        "Tuition reimbursement up to $5,250 per year.",
        "Team offsites with a $200 per person budget.",
        "Internet stipend $60/mo.",
        "Every hire gets $150 in meal vouchers.",
        "Perks\n$1,200 - $2,400 yearly wellness budget",
    ],
)
def test_perks_and_company_money_are_not_pay(perk):
    assert codes_for(NOWHERE + perk + FILLER * 3) == [("JD501", "warning")]


def test_vague_pay_beside_a_perk_is_still_reported_under_the_law():
    text = "Location: New York\n\nWe offer highly competitive pay and a $300 monthly home-office stipend." + FILLER * 3
    finding = lint(text, config=PAY).findings
    assert [(f.code, f.severity.value, f.text) for f in finding] == [("JD502", "error", "highly competitive pay")]


def test_a_range_with_up_to_between_its_ends_is_complete():
    text = "Location: Seattle, WA\n\nThe base salary ranges from $43.13/hr up to $72.02/hr." + FILLER * 3
    assert codes_for(text) == []


# ----------------------------------------------------------------------------- where the job is


def first(text, **config):
    findings = lint(text, config=Config(select=("missing-salary",), lint_date=datetime.date(2026, 11, 26), **config))
    return findings.findings[0]


@pytest.mark.parametrize(
    "text",
    [
        "Senior engineer in Berlin. Join us remotely from anywhere in Germany." + FILLER * 4,
        "Location: Berlin\n\nWork with us remotely, tell us about you and let us know." + FILLER * 4,
        "About us\n\nWe are remote-first; write to us." + FILLER * 4,
        "Location: Berlin\n\nOur teams sit in Berlin, London and New York, and our office in Denver." + FILLER * 4,
        "Location: Remote\n\nWe have customers in California and Texas." + FILLER * 4,
        "We were featured in The New York Times and The Washington Post." + FILLER * 4,
        "ABOUT ME\n\nHI, this is the team. CO-OP and ON-CALL duties." + FILLER * 4,
        "Location: Cambridge\n\n" + FILLER * 4,
        "We work remotely from Lisbon and Porto; once a year the whole team meets in a hotel." + FILLER * 4,
        "If you are not based in Seattle, no problem: we are in Lisbon." + FILLER * 4,
    ],
)
def test_look_alikes_of_places_name_no_law(text):
    finding = first(text)
    assert (finding.code, finding.severity.value) == ("JD501", "warning")
    assert "Required" not in finding.message


@pytest.mark.parametrize(
    "text, law, evidence",
    [
        ("Location: New York\n\n" + FILLER * 4, "New York City", "Location New York, from 'Location: New York'"),
        ("Job location: Denver\n\n" + FILLER * 4, "Colorado", "from 'Job location: Denver'"),
        ("Senior Engineer\n\n" + FILLER * 8 + "\n\nYou will work from our Chicago office.", "Illinois", "Chicago"),
        ("Data Analyst\n\n" + FILLER * 8 + "\n\nThis position is based in Boston.", "Massachusetts", "based in Boston"),
        ("This role is remote and open to candidates in Colorado." + FILLER * 4, "Colorado", "Colorado"),
        ("We hire anywhere in the US." + FILLER * 4, "California", "anywhere in the US"),
        ("Senior engineer, Remote - US." + FILLER * 4, "Washington", "Remote - US"),
        ("Location: Hybrid\n\nThree days a week in our Seattle office." + FILLER * 4, "Washington", "Seattle"),
        ("Support lead, Portland, ME.\n\n" + FILLER * 4, "Maine", "Portland, ME"),
        ("---\nlocation: Jersey City\n---\n\n" + FILLER * 4, "Jersey City", "location: Jersey City"),
    ],
)
def test_location_signals_anywhere_name_the_law_and_the_evidence(text, law, evidence):
    finding = (
        first(text) if not text.startswith("---") else lint(text, "markdown", Config(select=("JD501",))).findings[0]
    )
    assert finding.severity.value == "error"
    assert law in finding.message and evidence in finding.message


def test_remote_us_reaches_the_laws_that_cover_remote_work():
    finding = first("Location: Remote (US)\n\n" + FILLER * 4)
    for law in ("Colorado", "California", "Washington", "New York City"):
        assert law in finding.message
    assert "Illinois" not in finding.message  # Illinois asks for a tie to an office or supervisor there
    assert "Location Remote (US), from 'Location: Remote (US)'" in finding.message


@pytest.mark.parametrize("where", ["Location: Vienna, Austria", "Dienstort: Wien", "Location: Graz"])
def test_austria_asks_for_the_collective_agreement_minimum(where):
    finding = first(where + "\n\n" + FILLER * 4)
    assert finding.severity.value == "error" and "GlBG" in finding.message
    assert finding.source.startswith("https://www.ris.bka.gv.at/")


def test_austrian_minimum_pay_line_is_pay():
    text = "Location: Linz\n\nFür diese Position gilt ein Mindestgehalt von EUR 3.100,-- brutto pro Monat." + FILLER * 3
    assert codes_for(text) == [("JD504", "error")]  # pay, but no word on overpayment


def test_laws_of_the_table_have_an_in_force_date_before_they_bite():
    text = "Location: Ithaca, NY\n\n" + FILLER * 4
    before = lint(text, config=Config(select=("JD501",), lint_date=datetime.date(2022, 8, 31))).findings[0]
    after = lint(text, config=Config(select=("JD501",), lint_date=datetime.date(2022, 9, 1))).findings[0]
    assert before.severity.value == "warning" and "(Ithaca, from 2022-09-01)" in before.message
    assert after.severity.value == "error" and "(Ithaca, in force since 2022-09-01)" in after.message


@pytest.mark.parametrize(
    "title",
    [
        "Customer Success Engineer $45K - $75K",
        "Sales Manager – $60,000 base salary",
        "Debt Collection Agent | $20/hr",
        "Investment Analyst, $85,000 - $95,000",
        "Grants Officer: $52,000 - $58,000",
    ],
)
def test_job_titles_with_money_words_keep_their_pay(title):
    assert codes_for(NOWHERE + title + "\n\n" + FILLER * 3) == []


@pytest.mark.parametrize("text", ["Salary: DOE.", "Pay is DOE", "Hourly rate - D.O.E."])
def test_doe_after_a_pay_word_is_vague_pay(text):
    assert codes_for(NOWHERE + text + FILLER * 3) == [("JD502", "warning")]


@pytest.mark.parametrize(
    "text", ["Use DOE’s and FMEA to find risks.", "Funded by the DOE and NSF.", "Run DOEs on the line."]
)
def test_doe_in_other_senses_is_not_vague_pay(text):
    assert codes_for(NOWHERE + text + FILLER * 3) == [("JD501", "warning")]


def test_a_minimum_meets_austrias_law_but_not_a_range_law():
    austria = "Location: Vienna\n\nGehalt: ab EUR 4.000 brutto, starting at EUR 4.000 per month." + FILLER * 3
    seattle = "Location: Seattle, WA\n\nSalary starting at $4,000 per month." + FILLER * 3
    assert codes_for(austria) == [("JD504", "error")]  # no JD503; the overpayment remark is missing
    assert codes_for(seattle) == [("JD503", "error")]
