"""Load and validate the rule catalogs (rules/*.toml) into Rule objects."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import NoReturn

from . import formats
from .kinds import KINDS
from .model import CATEGORIES, Severity
from .options import RuleOption, option_from_table
from .resources import data_path
from .rule import Catalog, Expectation, Rule

FIX_SAFETY = ("safe", "unsafe", "none")
_CODE = re.compile(r"^JD\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_COMMON_KEYS = {
    "code", "name", "category", "kind", "severity", "message", "why", "source", "fix", "examples", "aliases",
    "exceptions", "options",
}
_EXAMPLE_KEYS = {"text", "match", "fix"}


class CatalogError(Exception):
    pass


def _fail(where: str, problem: str) -> NoReturn:
    raise CatalogError(f"{where}: {problem}")


def _rule(entry: dict, where: str, family: str, catalog: str) -> Rule:
    code = entry.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        _fail(where, f"rule code {code!r} is not of the form JD123")
    where = f"{where} {code}"
    if not code.startswith(family):
        _fail(where, f"code is outside this catalog's family {family}xx")
    for key in ("name", "category", "kind", "severity", "message", "why", "source"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            _fail(where, f"missing or empty '{key}'")
    if not _NAME.match(entry["name"]):
        _fail(where, f"name {entry['name']!r} must be lower-case words joined by hyphens")
    if entry["category"] not in CATEGORIES:
        _fail(where, f"unknown category {entry['category']!r}")
    kind = KINDS.get(entry["kind"])
    if kind is None:
        _fail(where, f"unknown kind {entry['kind']!r}; known: {', '.join(sorted(KINDS))}")
    try:
        severity = Severity(entry["severity"])
    except ValueError:
        _fail(where, f"unknown severity {entry['severity']!r}")
    fix = entry.get("fix", "none")
    if fix not in FIX_SAFETY:
        _fail(where, f"fix must be one of {', '.join(FIX_SAFETY)}")
    examples = entry.get("examples")
    if not isinstance(examples, dict):
        _fail(where, "missing examples (examples.fail and examples.pass)")
    fails, passes = examples.get("fail"), examples.get("pass")
    if not (isinstance(fails, list) and fails):
        _fail(where, "examples.fail must be a non-empty list of strings or tables")
    fail_texts, expectations = _fail_examples(fails, fix, where)
    if not (isinstance(passes, list) and passes and all(isinstance(x, str) for x in passes)):
        _fail(where, "examples.pass must be a non-empty list of strings")
    example_format = examples.get("format", "text")
    if example_format not in formats.names():
        _fail(where, f"examples.format must be one of {', '.join(formats.names())}")
    fail_encoding = examples.get("fail_encoding", "utf-8")
    try:
        "".encode(fail_encoding)
    except (LookupError, TypeError):
        _fail(where, f"examples.fail_encoding {fail_encoding!r} is not an encoding")
    unknown = set(examples) - {"fail", "pass", "format", "fail_encoding"}
    if unknown:
        _fail(where, f"unknown examples key(s): {', '.join(sorted(unknown))}")
    options = {k: v for k, v in entry.items() if k not in _COMMON_KEYS}
    try:
        options = kind.validate(options)
    except (ValueError, TypeError, re.error) as exc:
        _fail(where, str(exc))
    user_options = _user_options(entry.get("options", {}), where)
    declared = {option.name for option in user_options}
    for name in kind.required_options:
        if name not in declared:
            _fail(where, f"kind '{entry['kind']}' needs the option '{name}' (options.{name} = {{ ... }})")
    return Rule(
        code=code,
        name=entry["name"],
        category=entry["category"],
        kind=entry["kind"],
        severity=severity,
        message=entry["message"].strip(),
        why=" ".join(entry["why"].split()),
        source=entry["source"].strip(),
        fix=fix,
        examples_fail=fail_texts,
        examples_pass=tuple(passes),
        examples_format=example_format,
        examples_fail_encoding=fail_encoding,
        options=options,
        exceptions=tuple(entry.get("exceptions", ())),
        aliases=tuple(entry.get("aliases", ())),
        family=family,
        catalog=catalog,
        user_options=user_options,
        expectations=expectations,
    )


def _user_options(table, where: str) -> tuple[RuleOption, ...]:
    if not isinstance(table, dict):
        _fail(where, "options must be a table of option = { type, default, doc }")
    out = []
    for name, declaration in table.items():
        try:
            out.append(option_from_table(name, declaration))
        except ValueError as exc:
            _fail(where, str(exc))
    return tuple(out)


def _fail_examples(fails: list, fix: str, where: str) -> tuple[tuple[str, ...], tuple[Expectation, ...]]:
    """Fail examples are strings, or tables { text, match, fix } stating what the rule reports and repairs."""
    texts: list[str] = []
    expectations: list[Expectation] = []
    for index, example in enumerate(fails):
        at = f"examples.fail[{index}]"
        if isinstance(example, str):
            texts.append(example)
            continue
        if not isinstance(example, dict):
            _fail(where, f"{at} must be a string or a table {{ text, match, fix }}")
        unknown = set(example) - _EXAMPLE_KEYS
        if unknown:
            _fail(where, f"{at} has unknown key(s): {', '.join(sorted(unknown))} (known: text, match, fix)")
        text = example.get("text")
        if not isinstance(text, str) or not text:
            _fail(where, f"{at} needs text = \"...\"")
        match = example.get("match")
        if match is not None:
            match = [match] if isinstance(match, str) else match
            if not (isinstance(match, list) and match and all(isinstance(m, str) and m for m in match)):
                _fail(where, f"{at}.match must be a string or a list of strings")
            missing = [m for m in match if m not in text]
            if missing:
                _fail(where, f"{at}.match {missing[0]!r} is not in the example's text")
            match = tuple(match)
        fixed = example.get("fix")
        if fixed is not None:
            if fix == "none":
                _fail(where, f"{at}.fix is given but the rule has fix = \"none\"")
            if not isinstance(fixed, str) or fixed == text:
                _fail(where, f"{at}.fix must be the example's text after the fix (a different string)")
        if match is None and fixed is None:
            _fail(where, f"{at} is a table without match or fix; write it as a plain string")
        texts.append(text)
        expectations.append(Expectation(text, match, fixed))
    return tuple(texts), tuple(expectations)


def load_catalog_files(files) -> Catalog:
    rules: list[Rule] = []
    for path in files:
        where = f"rules/{path.name}"
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            _fail(where, f"not valid TOML ({exc})")
        if "rule" not in data:
            _fail(where, "has no [[rule]] entries (rules/ holds rule catalogs only; data tables live in data/)")
        family = data.get("family")
        if not isinstance(family, str) or not re.fullmatch(r"JD\d", family):
            _fail(where, "needs a top-level family = \"JDn\"")
        for entry in data["rule"]:
            rules.append(_rule(entry, where, family, path.stem))
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name, *rule.aliases):
            if key in seen:
                raise CatalogError(f"rules/{rule.catalog}.toml {rule.code}: '{key}' is already used by {seen[key]}")
            seen[key] = rule.code
    return Catalog(tuple(sorted(rules, key=lambda r: r.code)))


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    folder = data_path("rules")
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
    return load_catalog_files(files)
