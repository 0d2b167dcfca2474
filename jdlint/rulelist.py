"""The rule list, rule options and rule explanations, rendered from the catalog (for `jdlint rules`, `rule` and
the README)."""

from __future__ import annotations

import json
import textwrap

RULE_LIST_FORMATS = ("text", "json", "markdown")


def render_rules(catalog, fmt: str = "text") -> str:
    rows = [(r.code, r.name, r.category, r.severity.value, r.fix) for r in catalog.rules]
    if fmt == "json":
        return (
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "category": r.category,
                        "kind": r.kind,
                        "severity": r.severity.value,
                        "fix": r.fix,
                        "message": r.message,
                        "why": r.why,
                        "source": r.source,
                    }
                    for r in catalog.rules
                ],
                indent=2,
            )
            + "\n"
        )
    if fmt == "markdown":
        lines = ["| code | name | category | severity | fix |", "|---|---|---|---|---|"]
        for r in catalog.rules:
            lines.append(f"| {r.code} | `{r.name}` | {r.category} | {r.severity.value} | {r.fix} |")
        return "\n".join(lines) + "\n"
    header = ("code", "name", "category", "severity", "fix")
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip() for row in [header, *rows]]
    return "\n".join(lines) + "\n"


def _value(value) -> str:
    """A default as it is written in TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)


def render_options(catalog) -> str:
    """The README's table of every rule option: how to set it, its type, default and older alias."""
    lines = ["| rule | option | type | default | alias | meaning |", "|---|---|---|---|---|---|"]
    for rule in catalog.rules:
        for option in rule.user_options:
            alias = f"`{option.alias}`" if option.alias else ""
            lines.append(
                f"| {rule.code} `{rule.name}` | `{option.name}` | {option.type_name.replace('|', '&#124;')} "
                f"| {_value(option.default)} | {alias} | {option.doc} |"
            )
    return "\n".join(lines) + "\n"


def explain(rule) -> str:
    wrap = lambda text: textwrap.fill(text, 96, initial_indent="  ", subsequent_indent="  ")  # noqa: E731
    fix = {
        "safe": "safe (applied by --fix)",
        "unsafe": "unsafe (needs --unsafe-fixes)",
        "none": "none (suggestions only)",
    }[rule.fix]
    parts = [
        f"{rule.code} {rule.name}",
        f"  category: {rule.category}   severity: {rule.severity.value}   kind: {rule.kind}   fix: {fix}",
        "",
        "What it reports:",
        wrap(rule.message),
        "",
        "Why:",
        wrap(rule.why),
        "",
        f"Source: {rule.source}",
        "",
        "Flagged:",
        *[wrap(f"- {x}") for x in rule.examples_fail],
        "",
        "Not flagged:",
        *[wrap(f"- {x}") for x in rule.examples_pass],
    ]
    if rule.user_options:
        parts += ["", f"Options (set in [tool.jdlint.rules.{rule.code}]):"]
        for option in rule.user_options:
            alias = f"; also `{option.alias}`" if option.alias else ""
            parts.append(wrap(f"- {option.name} = {_value(option.default)} ({option.type_name}{alias}): {option.doc}"))
    statement = rule.options.get("statement")
    if statement:
        parts += ["", "Suggested text:", wrap(statement)]
    return "\n".join(parts) + "\n"
