"""The posting `jdlint serve` lints at start-up, in each input format, so that every lazy load (the lemma tables,
the hyphenation dictionary behind syllable counts, word frequencies, the rules' compiled patterns, the Markdown and
HTML readers) happens before the first request rather than during it.

It is written for this purpose (not taken from any posting): a title, a location line, a pay sentence, a degree
requirement, years of experience, gender-coded and exclusionary words, broken text (mojibake, a lost apostrophe,
a leaked entity), statements, and a few long sentences, so
that the rule families and the metrics all find something to do.
"""

from __future__ import annotations

TITLE = "Senior Data Analyst"
LOCATION = "Denver, CO"

_BODY = """\
Location: Denver, CO (hybrid)

About the team
We are a fast-paced analytics group of rockstars who build the dashboards our clinics rely on every morning.
Our chairman founded the company in 2009, and we still work hard and play hard together.
Weâ€™re proud of it: youll see our founders&amp;team at every release party.

What you will do
- Own the weekly reporting pipeline and explain its figures to managers who are not analysts.
- Lead a competitive, aggressive roadmap of data quality fixes and support your colleagues with reviews.
- Stand for long periods during on-site workshops and lift boxes of printed reports when needed.
- Write clear documentation so that a new colleague can run every job without asking for help, even when the
  person who wrote it is on leave, travelling or simply busy with another urgent project that week.

What you bring
- A bachelor's degree in statistics, economics or computer science is required.
- 10+ years of experience with SQL and at least 8 years with Python; digital natives preferred.
- Native English speaker with excellent communication skills and a strong, dominant personality.
- Recent graduates from the class of 2024 are encouraged to apply.

Pay and benefits
We offer a competitive salary and great benefits, including a yearly bonus and a generous pension.
The pay range for this role is $85,000 - $105,000 per year, depending on experience.

We are an equal opportunity employer: we consider every applicant regardless of race, religion, sex, sexual
orientation, gender identity, national origin, age or disability. If you need a reasonable accommodation during
the application process, please email jobs@example.com and we will help.
"""

TEXT = f"{TITLE}\n\n{_BODY}"
MARKDOWN = f"---\ntitle: {TITLE}\nlocation: {LOCATION}\n---\n\n# {TITLE}\n\n{_BODY}"
_PARAGRAPHS = "".join(f"<p>{line}</p>\n" for line in _BODY.splitlines() if line.strip())
HTML = (
    f'<!doctype html>\n<html lang="en"><head><title>{TITLE}</title></head>\n'
    f"<body><h1>{TITLE}</h1>\n{_PARAGRAPHS}</body></html>\n"
)

POSTINGS = (("text", TEXT), ("markdown", MARKDOWN), ("html", HTML))


def load_tables() -> None:
    """Load what nearly every real batch or server meets but the built-in posting does not: wordfreq's large English
    list (its words are too common to need it) and lingua's models (it is plainly English, so never detected)."""
    from .language.detect import load_models  # here, not at import: a one-posting run never warms up
    from .language.en import FREQUENCIES as ENGLISH_FREQUENCIES

    ENGLISH_FREQUENCIES.load()
    load_models()
