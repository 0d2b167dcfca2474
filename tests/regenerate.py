"""Regenerate every artefact made from the rule catalogs, so a catalog change needs no hand edit elsewhere.

    python tests/regenerate.py           # rewrite what is stale
    python tests/regenerate.py --check   # change nothing; exit 1 naming what is stale (tests/test_regenerate.py)

The artefacts: README.md's rule table and rule-option table (between their <!-- ...:start/end --> markers), the
rules block (runs[0].tool.driver.rules) of the SARIF golden file tests/fixtures/reports/posting.sarif.txt, and
data/jurisdictions.md, the readable table of the pay-transparency laws in data/jurisdictions.toml.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SARIF_GOLDEN = ROOT / "tests" / "fixtures" / "reports" / "posting.sarif.txt"
JURISDICTIONS = ROOT / "data" / "jurisdictions.md"


def _between_markers(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    if not pattern.search(text):
        raise SystemExit(f"README.md has no <!-- {name}:start --> ... <!-- {name}:end --> block")
    return pattern.sub(lambda m: m.group(1) + body.rstrip("\n") + "\n" + m.group(2), text, count=1)


def readme(current: str) -> str:
    from jdlint.catalog import load_catalog
    from jdlint.rulelist import render_options, render_rules

    catalog = load_catalog()
    text = _between_markers(current, "rules", render_rules(catalog, "markdown"))
    return _between_markers(text, "options", render_options(catalog))


def sarif_golden(current: str) -> str:
    from jdlint.catalog import load_catalog
    from jdlint.report.sarif_report import driver_rules

    document = json.loads(current)
    document["runs"][0]["tool"]["driver"]["rules"] = driver_rules(load_catalog().rules)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"  # as the SARIF reporter writes it


def jurisdiction_table(current: str) -> str:
    from jdlint.analyses.location import jurisdictions, regions

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|")

    rows = [
        "# Pay-transparency laws jdlint knows",
        "",
        "Generated from `jurisdictions.toml` by `python tests/regenerate.py`; edit the TOML, not this file.",
        "JD501-JD503 name the laws of the posting's location that are in force on the lint date (`--date`) as errors,",
        "and laws not yet in force as warnings. 'In the ad': the pay must be in the posting itself (otherwise before",
        "the interview is enough, and jdlint does not raise the severity). 'Remote': whether remote jobs that can be",
        "done from there are covered ('yes' lets 'Remote (US)' reach the law). 'Pending': an EU member state that",
        "had not transposed Directive (EU) 2023/970 on the day shown (the deadline is the directive's); JD501 gives a",
        "warning naming the directive, never an error. JD504 reports pay without the overpayment remark where the law",
        "asks for it ('the minimum and whether more is paid'). Not legal advice; check the citation.",
        "",
        "| code | where | law | in force | in the ad | remote | employers covered | citation |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for law in jurisdictions():
        rows.append(
            "| "
            + " | ".join(
                cell(v)
                for v in (
                    law["code"],
                    law["name"],
                    law["law"],
                    f"pending (checked {law['checked']}; deadline {law['effective']})"
                    if law.get("pending")
                    else law["effective"],
                    _in_ad(law),
                    law["remote"],
                    law["threshold"],
                    law["citation"],
                )
            )
            + " |"
        )
    rows += [
        "",
        "## Regions",
        "",
        "A location naming several countries reaches each member's law as a warning only: the job is in one of them.",
        "",
        "| region | names | members |",
        "|---|---|---|",
    ]
    for region in regions():
        rows.append(f"| {cell(region['name'])} | {cell(', '.join(region['names']))} | {', '.join(region['members'])} |")
    return "\n".join(rows) + "\n"


def _in_ad(law: dict) -> str:
    if not law["in_ad"]:
        return "no"
    if law.get("overpayment"):
        return "yes, the minimum and whether more is paid"
    return "yes, the minimum" if law.get("minimum_only") else "yes"


GENERATORS = {README: readme, SARIF_GOLDEN: sarif_golden, JURISDICTIONS: jurisdiction_table}


def stale() -> dict[Path, str]:
    """Each artefact whose content differs from what the catalogs give now, with the new content."""
    out = {}
    for path, generate in GENERATORS.items():
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        fresh = generate(current)
        if fresh != current:
            out[path] = fresh
    return out


def main(argv: list[str]) -> int:
    check = argv == ["--check"]
    if argv and not check:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    outdated = stale()
    for path, fresh in outdated.items():
        name = path.relative_to(ROOT).as_posix()
        if check:
            print(f"{name} is stale: run python tests/regenerate.py", file=sys.stderr)
        else:
            path.write_text(fresh, encoding="utf-8")
            print(f"regenerated {name}")
    return 1 if check and outdated else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))  # the checkout's jdlint, whatever is installed
    raise SystemExit(main(sys.argv[1:]))
