"""Load and validate the rule catalogs (rules/*.toml) into Rule objects."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from . import formats
from .kinds import KINDS
from .model import CATEGORIES, Severity
from .resources import data_path
from .rule import Catalog, Rule

FIX_SAFETY = ("safe", "unsafe", "none")
_CODE = re.compile(r"^JD\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_COMMON_KEYS = {
    "code", "name", "category", "kind", "severity", "message", "why", "source", "fix", "examples", "aliases",
    "exceptions",
}


class CatalogError(Exception):
    pass


def _fail(where: str, problem: str):
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
    if not (isinstance(fails, list) and fails and all(isinstance(x, str) for x in fails)):
        _fail(where, "examples.fail must be a non-empty list of strings")
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
        examples_fail=tuple(fails),
        examples_pass=tuple(passes),
        examples_format=example_format,
        examples_fail_encoding=fail_encoding,
        options=options,
        exceptions=tuple(entry.get("exceptions", ())),
        aliases=tuple(entry.get("aliases", ())),
        family=family,
        catalog=catalog,
    )


def load_catalog_files(files) -> Catalog:
    rules: list[Rule] = []
    for path in files:
        where = f"rules/{path.name}"
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            _fail(where, f"not valid TOML ({exc})")
        if "rule" not in data:
            continue  # a data table (sections, technologies, ...) rather than a catalog
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
