"""Synthetic job postings for batch tests: varied, deterministic, written for these tests (no corpus text).

Each posting mixes clean sentences with problems jdlint reports (gendered titles, lost apostrophes,
mojibake, years beyond a technology's age, missing statements, pay) in plain text, Markdown with
front matter, or HTML, with optional location, salary and title fields as an ATS export has them.
"""

from __future__ import annotations

import random

TITLES = [
    "Backend Engineer",
    "Sales Associate",
    "Junior Data Analyst",
    "Warehouse Lead",
    "Product Designer",
    "Customer Support Specialist",
    "Site Reliability Engineer",
    "Marketing Manager",
]
LOCATIONS = ["Denver, CO", "Austin, TX", "Remote (US)", "Toronto, ON", "Berlin, Germany", "New York, NY", "", None]
SALARIES = ["$90,000 - $120,000", "€55.000 – €65.000", "", None, "competitive"]
OPENINGS = [
    "We build tools that help small clinics keep their schedules straight.",
    "Our team makes payroll software for restaurants across three countries.",
    "Were a growing company and youll join a friendly group of twelve people.",
    "Weâ€™re hiring a new colleague to help our customers every day.",
    "Join a team of ninjas and rockstars who move fast and break things.",
]
DUTIES = [
    "You will review pull requests and write clear design notes.",
    "The salesman will visit customers and keep records of every call.",
    "You will answer questions from customers by email and chat.",
    "He will report to the head of operations and plan the weekly rota.",
    "You will lift boxes of up to 50 pounds and stand for long periods.",
    "You will keep our dashboards accurate and explain them to the team.",
    "Its where you will spend most of your week, pairing with other engineers.",
]
REQUIREMENTS = [
    "A bachelor's degree in computer science is required.",
    "A degree in a related field, or equivalent practical experience.",
    "10+ years of experience with Kubernetes.",
    "3-5 years of professional experience with Python.",
    "Native English speaker.",
    "Strong communication skills and a collaborative attitude.",
    "Experience with SQL and spreadsheets.",
    "Must be a digital native who is young and energetic.",
]
CLOSINGS = [
    "We are an equal opportunity employer and value diversity of every kind.",
    "If you need a reasonable accommodation during the application process, email jobs@example.org.",
    "The salary range for this role is $85,000 to $105,000 per year.",
    "We offer a competitive salary and great benefits.",
    "Apply today! #LI-Remote",
    "",
]


def posting(rng: random.Random, number: int) -> dict:
    title = rng.choice(TITLES)
    opening = rng.choice(OPENINGS)
    duties = rng.sample(DUTIES, rng.randint(1, 4))
    requirements = rng.sample(REQUIREMENTS, rng.randint(1, 4))
    closings = [c for c in rng.sample(CLOSINGS, rng.randint(0, 3)) if c]
    kind = rng.choice(["text", "text", "markdown", "html"])
    if kind == "markdown":
        front = f"---\ntitle: {title}\n---\n\n" if rng.random() < 0.5 else ""
        text = (
            f"{front}# {title}\n\n{opening}\n\n## What you will do\n\n"
            + "".join(f"- {d}\n" for d in duties)
            + "\n## What you bring\n\n"
            + "".join(f"- {r}\n" for r in requirements)
            + ("\n" + "\n\n".join(closings) + "\n" if closings else "")
        )
    elif kind == "html":
        text = (
            f'<html lang="en"><body><h1>{title}</h1><p>{opening}</p><h2>What you will do</h2><ul>'
            + "".join(f"<li>{d}</li>" for d in duties)
            + "</ul><h2>What you bring</h2><ul>"
            + "".join(f"<li>{r}</li>" for r in requirements)
            + "</ul>"
            + "".join(f"<p>{c}</p>" for c in closings)
            + "</body></html>\n"
        )
    else:
        text = (
            f"{title}\n\n{opening}\n\nWhat you will do:\n"
            + "".join(f"* {d}\n" for d in duties)
            + "\nRequirements:\n"
            + "".join(f"* {r}\n" for r in requirements)
            + ("\n" + "\n".join(closings) + "\n" if closings else "")
        )
    return {
        "id": f"req-{number:04d}",
        "text": text,
        "format": kind,
        "title": title,
        "location": rng.choice(LOCATIONS),
        "salary": rng.choice(SALARIES),
    }


def postings(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    return [posting(rng, number) for number in range(count)]
