"""Pay in European postings: the number grammar, Austria's overpayment remark, the EU directive's states in force
and pending by the lint date, and European place names."""

from __future__ import annotations

import re

import pytest
from conftest import lint

from jdlint.analyses.amounts import NUMBER, parse_amount
from jdlint.config import Config

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
