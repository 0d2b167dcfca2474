"""Pay in European postings: the number grammar, Austria's overpayment remark, the EU directive's states in force
and pending by the lint date, and European place names."""

from __future__ import annotations

import datetime
import re

import pytest
from conftest import lint

from jdlint.analyses.amounts import NUMBER, parse_amount
from jdlint.analyses.location import locate
from jdlint.config import Config
from jdlint.formats import parse
from jdlint.source import Source

FILLER = " You will build data tools with our team, review code and talk to customers every week across the year."
PAY = Config(select=("missing-salary",))


def codes(text: str, config: Config = PAY) -> list[str]:
    return [f.code for f in lint(text, "text", config).findings]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("55.000", 55000),
        ("55,000", 55000),
        ("55 000", 55000),
        ("55\u00a0000", 55000),
        ("55\u202f000", 55000),
        ("90'000", 90000),
        ("90\u2019000", 90000),
        ("1.234.567", 1234567),
        ("1 234 567", 1234567),
        ("4.250,50", 4250.5),
        ("4,250.50", 4250.5),
        ("4 250,50", 4250.5),
        ("2.800,-", 2800),
        ("400,--", 400),
        ("45k", 45000),
        ("45 K", 45000),
        ("45 Tsd.", 45000),
        ("62,5k", 62500),
        ("3100", 3100),
        ("18.50", 18.5),
    ],
)
def test_figures_in_every_style_have_their_value(written, value):
    assert parse_amount(written) == value


@pytest.mark.parametrize(
    "written",
    ["01.06.2026", "12.03.25", "030 123 456 78", "+49 30 1234 5678", "1.2.3", "55.00.000", "55,0000", "055.000", "k45"],
)
def test_dates_phone_numbers_and_broken_groups_are_not_figures(written):
    assert parse_amount(written) is None


@pytest.mark.parametrize(
    "text",
    ["Start: 01.06.2026", "Tel. 030 123 456 78", "Call +49 30 1234 5678", "Postfach 10 20 30", "v1.2.3"],
)
def test_no_figure_is_read_from_inside_a_date_or_a_phone_number(text):
    assert [m.group() for m in re.finditer(NUMBER, text)] == []


@pytest.mark.parametrize(
    "pay",
    [
        "Gehalt: € 55.000 - 65.000",
        "Salary: 55.000 € – 65.000 €",
        "Salary: 55 000 € - 65 000 €",
        "Salary: 55\u00a0000 € - 65\u00a0000 €",
        "Salary: 55\u202f000 € – 65\u202f000 €",
        "Salary: 45 k€ - 55 k€",
        "Salary: 45-55 k€",
        "Salary: 45 Tsd. € - 55 Tsd. €",
        "Salary: 45-55 Tsd. EUR",
        "Salary: EUR 4.000 brutto",
        "Salary: CHF 90'000 - 110'000 per year",
        "Salary: 90\u2019000 CHF per year",
        "£45,000-£55,000",
        "Salary: 4.250,50 € per month",
        "Salary: EUR 55.000,00 - 65.000,00",
        "Salary: 3.100,- € per month",
        "Salary: 1 234 567 HUF per year",
    ],
)
def test_european_pay_formats_count_as_pay(pay):
    assert codes("Location: Vienna, Austria\n\n" + pay + FILLER * 3, Config(select=("JD501",))) == []


@pytest.mark.parametrize(
    "look_alike",
    [
        "Start date: 01.06.2026.",
        "Call us on +49 30 1234 5678.",
        "We are ISO 9001 certified.",
        "Version 2.0 ships in spring.",
        "Our office: 10115 Berlin.",
        "We serve 3.000 customers in 12 countries.",
        "Since 2019 we have grown to 1.200 people.",
        "We have 45 k users.",
    ],
)
def test_look_alikes_of_european_figures_are_not_pay(look_alike):
    text = "Location: Vienna, Austria\n\n" + look_alike + FILLER * 3
    assert codes(text, Config(select=("JD501",))) == ["JD501"]


def first(text: str, select: str = "JD501", date: datetime.date = datetime.date(2026, 11, 29)):
    findings = lint(text, "text", Config(select=(select,), lint_date=date)).findings
    return findings[0] if findings else None


def nowhere_pay(where: str, pay: str) -> str:
    return where + "\n\n" + pay + FILLER * 3


# ----------------------------------------------------------------------------- Austria: GlBG section 9(2)


@pytest.mark.parametrize(
    "pay",
    [
        "Salary: EUR 55.000 - 65.000 gross per year under the collective agreement; overpayment is possible.",
        "The minimum salary under the collective agreement is EUR 3.100 gross per month; we are willing to pay more"
        " depending on experience.",
        "Salary: EUR 3.100 per month (collective agreement), a higher salary is possible with relevant experience.",
        "Mindestgehalt EUR 3.100 brutto pro Monat, Überzahlung je nach Qualifikation.",
        "Salary: from EUR 45.000 per year; pay above the collective agreement depending on qualifications.",
    ],
)
def test_austrian_pay_with_the_overpayment_remark_meets_the_law(pay):
    assert first(nowhere_pay("Location: Vienna, Austria", pay), "missing-salary") is None


def test_austrian_minimum_without_the_remark_is_an_error_naming_the_law():
    finding = first(nowhere_pay("Location: Wien, Österreich", "Salary: EUR 3.100 gross per month."), "JD504")
    assert finding is not None and finding.code == "JD504" and finding.severity.value == "error"
    assert finding.text == "EUR 3.100" and "GlBG" in finding.message and "Wien, Österreich" in finding.message
    assert finding.source.startswith("https://www.ris.bka.gv.at/")


def test_an_austrian_range_without_the_remark_is_information():
    finding = first(nowhere_pay("Location: Graz", "Salary: EUR 55.000 - 65.000 gross per year."), "JD504")
    assert finding is not None and finding.severity.value == "info" and "upper end" in finding.message


@pytest.mark.parametrize(
    "where", ["Location: Munich, Germany", "Location: Denver, CO", "Location: DACH", "Senior engineer, remote (EU)"]
)
def test_the_overpayment_remark_is_asked_only_where_the_law_asks_it(where):
    assert first(nowhere_pay(where, "Salary: EUR 3.100 gross per month."), "JD504") is None


def test_the_overpayment_phrases_are_rule_data():
    from jdlint.catalog import load_catalog

    variants = [r for r in load_catalog().variants if r.code == "JD504"]
    assert variants and all(isinstance(p, str) for r in variants for p in r.options["settings"]["overpayment"])


# ----------------------------------------------------------------------------- EU states: in force and pending


def test_a_transposition_bites_from_its_date():
    text = nowhere_pay("Location: Milano, Italia", "We build tools for farmers.")
    before = first(text, date=datetime.date(2026, 6, 6))
    after = first(text, date=datetime.date(2026, 6, 7))
    assert before.severity.value == "warning" and "will be required" in before.message and "Italy" in before.message
    assert after.severity.value == "error" and "in force since 2026-06-07" in after.message


@pytest.mark.parametrize(
    ("where", "state"),
    [
        ("Location: München, Deutschland", "Germany"),
        ("Standort: Köln", "Germany"),
        ("Location: Paris", "France"),
        ("Lieu de travail : Lyon, France", "France"),
        ("Location: Île-de-France", "France"),
        ("Location: Dublin, Ireland", "Ireland"),
        ("Location: Amsterdam", "Netherlands"),
        ("Location: Madrid, España", "Spain"),
    ],
)
def test_pending_states_give_a_warning_citing_the_directive_on_any_date(where, state):
    text = nowhere_pay(where, "We build tools for farmers.")
    for date in (datetime.date(2026, 6, 6), datetime.date(2026, 11, 29), datetime.date(2030, 1, 1)):
        finding = first(text, date=date)
        assert finding.severity.value == "warning", (where, date)
        assert f"{state} had not transposed it" in finding.message and "2023/970" in finding.message
        assert finding.source == "https://eur-lex.europa.eu/eli/dir/2023/970/oj"


def test_the_pay_laws_metric_shows_a_pending_state_and_its_evidence():
    result = lint(nowhere_pay("Location: Köln, Deutschland", "We build tools."), "text", Config(select=("JD501",)))
    metric = result.metrics.extra["pay_laws"]
    assert metric["jurisdictions"][0]["code"] == "DE" and "Köln" in metric["jurisdictions"][0]["evidence"]
    law = metric["laws"][0]
    assert law["pending"] is True and law["in_force"] is False and law["region"] == ""


# ----------------------------------------------------------------------------- places in their own languages


@pytest.mark.parametrize(
    ("where", "code"),
    [
        ("Location: Wien", "AT"),
        ("Arbeitsort: Österreich", "AT"),
        ("Location: Vienna", "AT"),
        ("Location: München", "DE"),
        ("Location: Frankfurt", "DE"),
        ("Standort: Deutschland", "DE"),
        ("Location: Frankreich", "FR"),
        ("Location: Paris, France", "FR"),
        ("We are hiring in our Berlin office.", "DE"),
        ("Location: Warszawa, Polska", "PL"),
        ("Location: Praha", "CZ"),
        ("Location: Kraków", "PL"),
    ],
)
def test_places_in_their_own_languages_name_their_state(where, code):
    assert code in locate(parse(Source("posting.txt", where + "\n\n" + FILLER, format="text")))


@pytest.mark.parametrize(
    "text",
    [
        "We love the Paris Hilton documentary.",
        "Try a Berliner at our Friday breakfast.",
        "Our Wiener schnitzel lunch is on Fridays.",
        "Location: Belfast, Northern Ireland",
        "Location: Dublin, OH",
        "Office: Porto Alegre, Brazil",
        "Location: Zürich, Schweiz",
        "We sell to EU customers across Europe.",
        "Our customers in the DACH region love us.",
    ],
)
def test_look_alikes_of_european_places_name_no_state(text):
    assert locate(parse(Source("posting.txt", text + "\n\n" + FILLER, format="text"))) == {}


@pytest.mark.parametrize("where", ["Location: Remote (EU)", "Senior engineer, remote within the EU", "Location: DACH"])
def test_a_region_reaches_its_members_laws_as_a_warning_only(where):
    finding = first(nowhere_pay(where, "We build tools for farmers."))
    assert finding.severity.value == "warning"
    assert "Austria" in finding.message and "includes places whose law requires it" in finding.message


def test_a_compound_of_location_is_no_location_label():
    text = FILLER * 5 + "\n\nLocation-specific benefits (Hamburg, Berlin, Barcelona) are on our site."
    assert locate(parse(Source("posting.txt", text, format="text"))) == {}
    dashed = FILLER * 5 + "\n\nLocation - Hamburg"
    assert locate(parse(Source("posting.txt", dashed, format="text")))["DE"].quote == "Location - Hamburg"


def test_a_region_is_quoted_whole():
    evidence = locate(parse(Source("posting.txt", "Engineer | Remote (EU) | Full-time\n\n" + FILLER, format="text")))
    assert evidence["FR"].place == "Remote (EU)" and evidence["FR"].region == "the EU"


@pytest.mark.parametrize("where", ["Location: 1 Main Street, Vienna, VA 22180", "Location: Vienna, Virginia"])
def test_vienna_in_virginia_is_not_austria(where):
    assert "AT" not in locate(parse(Source("posting.txt", where + "\n\n" + FILLER, format="text")))


@pytest.mark.parametrize(
    "pay",
    [
        "Annual salary: 55.000 - 65.000 gross",
        "Annual salary: 55 000 – 65 000 gross",
        "Annual salary: 55\u202f000 – 65\u202f000 gross",
        "Annual salary: 90'000-110'000 gross",
    ],
)
def test_a_range_without_currency_counts_beside_pay_words(pay):
    assert codes(nowhere_pay("Location: Vienna, Austria", pay), Config(select=("JD501",))) == []


def test_number_ranges_without_pay_words_are_not_pay():
    text = nowhere_pay("Location: Vienna, Austria", "Our museum welcomes 20 000 - 30 000 visitors a week.")
    assert codes(text, Config(select=("JD501",))) == ["JD501"]


@pytest.mark.parametrize(
    ("where", "reached"),
    [
        ("Location: Europe", True),
        ("Location: EU / Remote", True),
        ("Location: DACH region", True),
        ("We hire people based in Europe.", True),
        ("Location: London, United Kingdom, Europe", False),
        ("Location: Zürich, Switzerland (Europe)", False),
    ],
)
def test_a_region_counts_in_a_field_only_when_it_is_the_whole_place(where, reached):
    evidence = locate(parse(Source("posting.txt", where + "\n\n" + FILLER, format="text")))
    assert ("AT" in evidence and evidence["AT"].region != "") is reached


def test_several_pending_states_are_listed_in_one_sentence():
    finding = first(nowhere_pay("Location: Hamburg or Barcelona", "We build tools for farmers."))
    assert "Germany and Spain had not transposed it" in finding.message


def test_many_states_are_counted_not_listed():
    finding = first(nowhere_pay("Location: Remote (EU)", "We build tools for farmers."))
    assert re.search(r"[A-Z]\w+, [A-Z]\w+, [A-Z]\w+, [A-Z]\w+ and \d+ more had not transposed it", finding.message)
