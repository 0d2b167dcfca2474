"""Equal-opportunity and accommodation statements recognised by their structure (JD510, JD511, JD520).

Each phrasing below is placed in the same neutral posting; a statement that is there must silence the
"missing" rule, and a look-alike (housing, a diversity-values paragraph, a duty, a schedule perk) must not.
"""

from __future__ import annotations

import pytest
from conftest import lint

BODY = (
    "We are a small team building scheduling tools for clinics. You will write Python services, review pull "
    "requests, pair with designers and talk to customers every week. We pay between $90,000 and $110,000 a year "
    "and offer four weeks of paid leave."
)


def codes_for(statement: str, fmt: str = "text") -> set[str]:
    return {f.code for f in lint(f"{BODY}\n\n{statement}\n\nApply with your CV.", fmt=fmt).findings}


# The stock phrases the rules listed before they read structure; at least half of each list below avoids them.
OLD_EEO = (
    "equal opportunity", "equal opportunities", "equal employment opportunity", "eoe", "m/f/d/v",
    "minorities/females/disabled/veterans", "affirmative action employer", "without regard to", "does not discriminate",
    "do not discriminate", "will not discriminate", "all qualified applicants will receive consideration",
    "protected veteran", "disability and vet", "regardless of race", "regardless of their race", "regardless of age",
    "regardless of gender", "regardless of background",
)  # fmt: skip
OLD_ACCOMMODATION = (
    "reasonable accommodation", "request an accommodation", "request accommodation", "require an accommodation",
    "require accommodation", "need an accommodation", "need accommodation", "needs an accommodation",
    "accommodations are available", "accommodation is available", "accommodations available",
    "accommodation available", "applicants with disabilities", "candidates with disabilities", "reasonable adjustment",
    "alternative format", "disability confident", "accessibility needs", "accommodation needs",
    "adjustments to the interview", "adjustments during the", "accommodations during the", "accommodation during the",
    "accommodation on request", "accommodations on request", "accommodation upon request",
    "accommodations upon request", "accessible interview", "accessible format",
)  # fmt: skip

EEO = [
    # phrased as a welcome, with another connective, or as a list: none of the old stock phrases
    "We welcome applicants of every background, faith, age and ability.",
    "Candidates are selected without distinction as to sex, creed, colour or ethnic origin.",
    "Irrespective of nationality, marital status or pregnancy, every applicant is assessed on their skills.",
    "Nobody applying will be treated less favourably because of gender reassignment, race, or religion or belief.",
    "We hire on merit alone: ethnicity, caste, religion and gender play no part in our decisions.",
    "Discrimination on the grounds of age, sex, race or disability is not tolerated at any stage of our recruitment.",
    "People of all races, religions, genders and sexual orientations are encouraged to apply.",
    "We encourage applications from women, people of colour, LGBTQ+ people and disabled people.",
    "Whatever your age, ethnicity, religion or sexual orientation, we'd love to hear from you.",
    "We are committed to non-discrimination on the basis of race, colour, national origin or political opinion.",
    "The company prohibits discrimination based on caste, religion or place of birth.",
    "No applicant will be disadvantaged on the grounds of marital or civil partnership status, pregnancy or maternity.",
    "Applications are welcome from all sections of the community.",
    "You will be considered for this role regardless of your religion, belief, disability or sexual orientation.",
    "Every qualified candidate receives fair consideration irrespective of race or gender.",
    "We don't care about your gender, ethnicity, age or who you love; we care about your work.",
    "We will never turn anyone away because of their ethnicity, religion or disability.",
    "Applicants will not be excluded on account of pregnancy, marital status or national origin.",
    "We do not tolerate discrimination against applicants for their race, sex or age.",
    "Our recruitment is free from discrimination on grounds of sex, race, disability, age or sexual orientation.",
    "We are open to all applicants, whatever their gender identity, ethnicity or faith.",
    "Veterans, people with disabilities and members of ethnic minorities are warmly invited to apply.",
    "Employment decisions are based solely on qualifications and merit, never on race, colour, creed or sex.",
    "Candidates of all ethnic backgrounds and religions are welcome.",
    "We judge applications on the skills the job needs, not on age, sex, religion or ethnicity.",
    "Whoever you are, whatever your background or beliefs, we would love to hear from you.",
    "We consider every applicant equally, irrespective of caste, creed or gender.",
    "Diversity matters to us: applications are welcome from people of all ages, ethnicities and abilities.",
    "Nobody is treated less favourably here.\nThat includes on grounds of race, sex, disability and age.",
    "Hiring decisions are never based on:\n- where you studied\n- how you speak\n- your religion or your age",
    # the familiar formulas
    "Acme is an Equal Opportunity Employer.",
    "We are an equal opportunities employer.",
    "Acme is an EEO/AA employer. M/F/Disability/Vet.",
    "Minorities/Women/Veterans/Disabled are encouraged to apply.",
    "All qualified applicants will receive consideration for employment without regard to race, color, religion, "
    "sex, or national origin.",
    "We do not discriminate on the basis of race, religion, color, national origin, gender, sexual orientation, age, "
    "marital status, veteran status, or disability status.",
    "Acme is an equal opportunity employer and does not discriminate based on any legally protected status.",
    "EEO employer: disability and veteran.",
    "We are an affirmative action employer.",
    "Acme provides equal employment opportunities to all employees and applicants.",
    "We hire great people regardless of background.",
    "Equal Opportunity Employer – Disability and Vet.",
    "Acme considers all qualified applicants without regard to protected veteran status or disability.",
    "EOE.",
]

EEO_LOOKALIKES = [
    "We value diversity.",
    "We serve a diverse client base of retailers across Europe.",
    "We celebrate our diverse team of people from many cultures and backgrounds and build an inclusive culture "
    "where everyone belongs.",
    "We welcome applicants with a background in chemistry or biology.",
    "Applicants must be at least 18 years of age and hold a driving licence.",
    "You will investigate discrimination complaints based on race, sex and disability.",
    "We consider qualified applicants with criminal histories in line with EEOC guidelines and local law.",
    "Our team values fairness, openness and inclusivity for everyone, no matter your background.",
    "We build education and care for everyone, whatever their background, so all can reach their potential.",
    "We offer equal opportunities to grow through a yearly training budget.",
    "You have the ability to stay calm regardless of deadlines.",
    "Our Software Engineer (m/w/d) joins the platform team.",
    "We welcome candidates who thrive in a fast-paced culture.",
    "Regardless of your seniority, you will own projects end to end.",
    "You will build colour palettes that work regardless of platform.",
    "You will fix race conditions in our scheduler regardless of how rare they are.",
    "Tests must pass regardless of whether caching is enabled or disabled.",
    "Transparent pay regardless of where you live.\nHealth benefits: medical, dental, vision, life, disability.",
    "Offers are applied consistently regardless of candidate background or negotiation history.",
    "Studies show women and people of colour apply less often.\nIf you are excited by this role, we encourage you "
    "to apply.",
    "Writers covering ethnic minorities, religion and disability are eligible.\nWe encourage applicants from the "
    "region.",
]

ACCOMMODATION = [
    # without the old stock phrases: the offer is tied to a disability or to the hiring process, and says how to ask
    "Should you want any adjustments to how we interview you, write to hiring@example.org.",
    "Tell us what support you need to take part in the interviews and we will arrange it.",
    "If a disability or health condition means you need things done differently when you apply, let us know at "
    "talent@example.org and we will change it.",
    "Need any changes to our interview process because of a disability? Email jobs@example.org.",
    "We can give extra time in every test of our hiring process; just ask your recruiter.",
    "Deaf candidates can have a BSL interpreter at interview; call 020 7946 0000 to book one.",
    "We are happy to send the application pack in large print or braille; contact the people team.",
    "If you are neurodivergent and would like us to change how we run interviews, speak to the recruiter.",
    "Anyone with access needs can ask for the interview questions in advance by emailing jobs@example.org.",
    "We will make arrangements such as step-free access or a quiet room for your assessment day; tell us what helps.",
    "Living with a long-term condition? We'll adjust our interview format for you: email access@example.org.",
    "Our online assessments can be taken with screen-reader software; request it through your recruiter.",
    "Captions on video calls or a sign language interpreter at interview: tell us at talent@example.org.",
    "If you have a disability and need help completing the online application, call our team on 0800 123 4567.",
    "Please let us know if anything about our process makes it hard to apply because of a disability, and we "
    "will change it.",
    "We offer adapted interviews for dyslexic and autistic candidates; email jobs@example.org to set one up.",
    "Candidates who are blind can receive every test as audio or in braille; ask us at hr@example.org.",
    "If an adjustment would make interviewing easier for you, reach out to jobs@example.org.",
    "We'll happily accommodate disability-related needs during the hiring process; contact careers@example.org.",
    "Candidates can ask for adjustments at any point of the recruitment process via recruitment@example.org.",
    "If you require assistance because of a disability at any stage of applying, please tell us by phone or email.",
    "We want every candidate to show their best, so we adapt our interviews on request; speak to your recruiter.",
    "Let us know about any access requirements before your interview at people@example.org.",
    "Modifications to the interview, such as a different format, are yours for the asking: contact hr@example.org.",
    # with the familiar phrases
    "We provide reasonable accommodations to applicants with disabilities. To request one, contact jobs@example.org.",
    "If you need an accommodation during the application process, email accommodations@example.org.",
    "Accommodations are available on request for candidates taking part in the selection process. "
    "Contact hr@example.org.",
    "We are a Disability Confident employer; contact us to discuss any reasonable adjustments.",
    "Reasonable adjustments to the interview can be made; please tell the recruiter.",
    "This posting is available in alternative formats on request from hr@example.org.",
    "Applicants with disabilities may request reasonable accommodation by calling 555-123-4567.",
    "If you require an accommodation to participate in the hiring process, please contact our recruiting team.",
    "Accommodation is available upon request for applicants with disabilities; email careers@example.org.",
    "Please let us know about any accessibility needs you have for your interview.",
    "We will make adjustments during the assessment for candidates with disabilities; email us.",
    "If you need accommodation for an interview, please contact Jane Smith at 555-0100.",
    "Accessible interview rooms and accessible formats are available; email jobs@example.org.",
    "Acme will provide reasonable accommodation to qualified people with disabilities. Contact talent@example.org.",
    "Individuals needing accommodation in the application process may contact the HR office.",
    "Candidates with disabilities can request adjustments during the interview by emailing jobs@example.org.",
    "If you need an accommodation/adjustment for a disability while you apply, send a request to your recruiter.",
    "We want our recruitment process to be fair.\nIf you need any adjustments, let us know at jobs@example.org.",
    "Please tell us if you would like any adjustments; our recruiter Sam will sort them out.",
]

ACCOMMODATION_LOOKALIKES = [
    "Staff accommodation is provided and meals are included on every shift.",
    "You will be accommodating to customers and their requests.",
    "Accommodation provided for seasonal workers near the vineyard.",
    "Travel and accommodation for the final interview are paid by us.",
    "We offer reasonable adjustments to your working hours around school runs.",
    "You will support residents with learning disabilities to live independently.",
    "You must perform the essential functions of this job with or without reasonable accommodation.",
    "You will manage price adjustments and inventory counts.",
    "We help customers with disabilities find accessible holidays.",
    "You will support the recruitment team with interview scheduling.",
    "Ensure our website is accessible and make adjustments to layouts for screen readers.",
    "We are a diverse team and welcome applicants of every background.",
    "Free accommodation and flights are included for the onboarding week in Lisbon.",
    "You will design the contact centre application and support agency partners.\nApplication process: contact us.",
    "Support available: a weekly catch-up call with the founder.\n\nApplication process\n\nPlease contact Sam.",
    "You will adapt the application to new APIs and help us with risk assessment.",
    "Relocating? Let us know if you need accommodation near the site.",
    "You will make adjustments to machine settings on the packing line.",
    "Perks: free staff house accommodation, a shuttle bus and onboarding training.",
    "Still studying? Feel free to apply anyway, and we will find a way to accommodate your class schedule.",
    "Methods: differential recruitment, data imputation, ecological inference, quantifying uncertainty, choosing "
    "between alternate methodologies, identifying spurious drivers and sources of bias, sampling techniques, "
    "multilevel regression and post-stratification, multilevel and hierarchical modelling, and propensity "
    "adjustments.",
    "You will own change requests and new-account onboarding for the billing team.",
    "You will brief visitors on site, equipment and data access requirements before their first visit.",
    "Apply Interview Guide FAQ People Blog Companies Launch Library Partners Resources Support " * 3
    + "Requests for Startups Log in",
]

OFFERS_WITHOUT_A_WAY_TO_ASK = [
    "Reasonable accommodations are available for applicants with disabilities throughout the hiring process.",
    "If you have a disability, we will make adjustments to our interviews so that you can show us your best.",
    "We provide adjustments for disabled candidates at every stage of hiring.",
]


def test_half_of_each_list_avoids_the_old_stock_phrases():
    for statements, stock in ((EEO, OLD_EEO), (ACCOMMODATION, OLD_ACCOMMODATION)):
        assert len(statements) >= 40
        fresh = [s for s in statements if not any(phrase in s.lower() for phrase in stock)]
        assert len(fresh) >= len(statements) // 2, len(fresh)


@pytest.mark.parametrize("statement", EEO)
def test_equal_opportunity_statement_is_recognised(statement):
    assert "JD520" not in codes_for(statement)


@pytest.mark.parametrize("statement", EEO_LOOKALIKES)
def test_equal_opportunity_lookalike_is_not_a_statement(statement):
    assert "JD520" in codes_for(statement)


@pytest.mark.parametrize("statement", ACCOMMODATION)
def test_accommodation_statement_with_a_way_to_ask_is_recognised(statement):
    found = codes_for(statement)
    assert "JD510" not in found and "JD511" not in found


@pytest.mark.parametrize("statement", ACCOMMODATION_LOOKALIKES)
def test_accommodation_lookalike_is_not_a_statement(statement):
    assert "JD510" in codes_for(statement)


@pytest.mark.parametrize("statement", OFFERS_WITHOUT_A_WAY_TO_ASK)
def test_offer_without_a_way_to_ask(statement):
    found = codes_for(statement)
    assert "JD510" not in found and "JD511" in found


def test_list_items_after_a_colon_belong_to_the_sentence_that_opens_them():
    # in HTML the characteristics are list items, each its own sentence
    html = (
        f"<p>{BODY}</p><p>Hiring decisions here are never based on:</p>"
        "<ul><li>where you studied</li><li>how you speak</li><li>your faith or your age</li></ul>"
    )
    assert "JD520" not in {f.code for f in lint(html, fmt="html").findings}
    far = f"{BODY}\n\nHiring decisions here are never based on the weather.\n\nWe like your age of experience here."
    assert "JD520" in codes_for(far)


def test_the_way_to_ask_must_be_near_the_offer():
    offer = "Reasonable accommodations are available for applicants with disabilities."
    assert "JD511" not in codes_for(f"{offer} Email access@example.org to request one.")
    far = f"{offer}\n\n" + "\n\n".join(["Our office is near the river."] * 6) + "\n\nQuestions? hr@example.org"
    assert "JD511" in codes_for(far)
