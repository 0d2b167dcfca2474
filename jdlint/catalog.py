"""Load and validate the rule catalogs into Rule objects: rules/*.toml hold each rule's language-neutral
entry, rules/<language>/*.toml its data in that language (terms, examples, word lists)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

import tomli

from . import formats
from .kinds import KINDS
from .kinds.terms import shipped_catalog
from .language import DEFAULT_LANGUAGE, SHIPPED
from .model import CATEGORIES, Severity
from .options import RuleOption, option_from_table
from .protocols import Kind
from .resources import data_path
from .rule import POSTING, SCOPES, Catalog, Expectation, Rule

FIX_SAFETY = ("safe", "unsafe", "none")
_CODE = re.compile(r"^JD\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_COMMON_KEYS = {
    "code",
    "name",
    "category",
    "kind",
    "severity",
    "message",
    "why",
    "source",
    "fix",
    "examples",
    "aliases",
    "exceptions",
    "options",
    "checklist",
    "scope",
}
_EXAMPLE_KEYS = {"text", "match", "fix"}


class CatalogError(Exception):
    pass


def _fail(where: str, problem: str) -> NoReturn:
    raise CatalogError(f"{where}: {problem}")


def _rule(entry: dict[str, Any], where: str, family: str, catalog: str, language: str | None = None) -> Rule:
    """One validated Rule from its catalog entry (with its language data merged in, for a language variant)."""
    code = entry.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        _fail(where, f"rule code {code!r} is not of the form JD123")
    where = f"{where} {code}"
    kind, severity, fix = _check_header(entry, where, family)
    fail_texts, passes, example_format, fail_encoding, expectations = _examples(entry, where, fix)
    options = {k: v for k, v in entry.items() if k not in _COMMON_KEYS}
    try:
        options = kind.validate(options)
    except (ValueError, TypeError, re.error) as exc:
        _fail(where, str(exc))
    user_options = _user_options(entry.get("options", {}), where)
    checklist = entry.get("checklist", "")
    if not isinstance(checklist, str) or ("checklist" in entry and not checklist.strip()):
        _fail(where, 'checklist must be a non-empty label (what the posting should have, e.g. "Pay range")')
    scope = entry.get("scope", SCOPES[0])
    if scope not in SCOPES:
        _fail(where, f"scope must be one of {', '.join(SCOPES)}")
    if checklist and scope != POSTING:
        _fail(where, f'checklist is for rules that judge the whole posting (scope = "{POSTING}")')
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
        examples_pass=passes,
        examples_format=example_format,
        examples_fail_encoding=fail_encoding,
        options=options,
        exceptions=tuple(entry.get("exceptions", ())),
        aliases=tuple(entry.get("aliases", ())),
        family=family,
        catalog=catalog,
        language=language,
        user_options=user_options,
        expectations=expectations,
        checklist=checklist.strip(),
        scope=scope,
    )


def _check_header(entry: dict[str, Any], where: str, family: str) -> tuple[Kind, Severity, str]:
    """The entry's code family, required texts, name, category, kind, severity and fix safety."""
    if not entry["code"].startswith(family):
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
    return kind, severity, fix


def _examples(
    entry: dict[str, Any], where: str, fix: str
) -> tuple[tuple[str, ...], tuple[str, ...], str, str, tuple[Expectation, ...]]:
    """(fail texts, pass texts, format, fail encoding, expectations) of the entry's examples."""
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
    return fail_texts, tuple(passes), example_format, fail_encoding, expectations


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
        if isinstance(example, str):
            texts.append(example)
            continue
        expectation = _fail_example_table(example, fix, where, f"examples.fail[{index}]")
        texts.append(expectation.example)
        expectations.append(expectation)
    return tuple(texts), tuple(expectations)


def _fail_example_table(example: object, fix: str, where: str, at: str) -> Expectation:
    """The expectation a fail example written as a table { text, match, fix } states."""
    if not isinstance(example, dict):
        _fail(where, f"{at} must be a string or a table {{ text, match, fix }}")
    unknown = set(example) - _EXAMPLE_KEYS
    if unknown:
        _fail(where, f"{at} has unknown key(s): {', '.join(sorted(unknown))} (known: text, match, fix)")
    text = example.get("text")
    if not isinstance(text, str) or not text:
        _fail(where, f'{at} needs text = "..."')
    match = _expected_matches(example.get("match"), text, where, at)
    fixed = _expected_fix(example.get("fix"), text, fix, where, at)
    if match is None and fixed is None:
        _fail(where, f"{at} is a table without match or fix; write it as a plain string")
    return Expectation(text, match, fixed)


def _expected_matches(match: object, text: str, where: str, at: str) -> tuple[str, ...] | None:
    """A fail example's `match` (one string or a list), each of which must occur in its text; None if not given."""
    if match is None:
        return None
    matches = [match] if isinstance(match, str) else match
    if not (isinstance(matches, list) and matches and all(isinstance(m, str) and m for m in matches)):
        _fail(where, f"{at}.match must be a string or a list of strings")
    missing = [m for m in matches if m not in text]
    if missing:
        _fail(where, f"{at}.match {missing[0]!r} is not in the example's text")
    return tuple(matches)


def _expected_fix(fixed: object, text: str, fix: str, where: str, at: str) -> str | None:
    """A fail example's `fix`: its text after the fix, allowed only on a fixable rule; None if not given."""
    if fixed is None:
        return None
    if fix == "none":
        _fail(where, f'{at}.fix is given but the rule has fix = "none"')
    if not isinstance(fixed, str) or fixed == text:
        _fail(where, f"{at}.fix must be the example's text after the fix (a different string)")
    return fixed


def load_catalog_files(files: Iterable[Path], language_files: Mapping[str, Iterable[Path]] | None = None) -> Catalog:
    """The catalog of the language-neutral entries in `files`, each completed by its data in `language_files`
    (language code -> files of `[[rule]]` entries naming a neutral code). A rule with data in some language
    becomes one Rule per such language; a rule with none is language-neutral and runs on every posting."""
    neutral = _neutral_entries(files)
    by_language = {
        language: _language_entries(paths, language, neutral) for language, paths in (language_files or {}).items()
    }
    rules: list[Rule] = []
    for code, (entry, where, family, stem) in neutral.items():
        languages = [language for language, entries in by_language.items() if code in entries]
        if not languages:
            rules.append(_rule(entry, where, family, stem))
        for language in languages:
            data, data_where = by_language[language][code]
            rules.append(_rule({**entry, **data}, f"{where} + {data_where}", family, stem, language))
    _check_unique(rules)
    variants = tuple(sorted(rules, key=lambda r: (r.code, r.language != DEFAULT_LANGUAGE, r.language or "")))
    return Catalog(_one_per_code(variants), variants)


def _neutral_entries(files: Iterable[Path]) -> dict[str, tuple[dict[str, Any], str, str, str]]:
    entries: dict[str, tuple[dict[str, Any], str, str, str]] = {}
    for path in files:
        where = f"rules/{path.name}"
        data = _read(path, where)
        if "rule" not in data:
            _fail(where, "has no [[rule]] entries (rules/ holds rule catalogs only; data tables live in data/)")
        family = data.get("family")
        if not isinstance(family, str) or not re.fullmatch(r"JD\d", family):
            _fail(where, 'needs a top-level family = "JDn"')
        for entry in data["rule"]:
            code = entry.get("code")
            if not isinstance(code, str) or not _CODE.match(code):
                _fail(where, f"rule code {code!r} is not of the form JD123")
            if code in entries:
                _fail(f"{where} {code}", f"'{code}' is already used by a rule of {entries[code][1]}")
            entries[code] = (entry, where, family, path.stem)
    return entries


def _language_entries(
    paths: Iterable[Path], language: str, neutral: Mapping[str, tuple[dict[str, Any], str, str, str]]
) -> dict[str, tuple[dict[str, Any], str]]:
    """code -> (the rule's data in `language`, where it is) from rules/<language>/*.toml."""
    entries: dict[str, tuple[dict[str, Any], str]] = {}
    for path in paths:
        where = f"rules/{language}/{path.name}"
        for entry in _read(path, where).get("rule", []):
            code = entry.get("code")
            at = f"{where} {code}"
            if code not in neutral:
                _fail(at, "names no rule of rules/*.toml (language data completes a rule defined there)")
            if code in entries:
                _fail(at, f"is already given {language} data in {entries[code][1]}")
            if "scope" in entry:
                _fail(at, "sets scope, which is the rule's in every language (set it in rules/*.toml)")
            clash = sorted(set(entry) - {"code"} & set(neutral[code][0]))
            if clash:
                _fail(at, f"repeats {', '.join(clash)} of {neutral[code][1]}; language data only adds keys")
            entries[code] = ({k: v for k, v in entry.items() if k != "code"}, where)
    return entries


def _read(path: Path, where: str) -> dict[str, Any]:
    try:
        return tomli.loads(path.read_text(encoding="utf-8"))
    except tomli.TOMLDecodeError as exc:
        _fail(where, f"not valid TOML ({exc})")
    raise AssertionError("unreachable")


def _check_unique(rules: list[Rule]) -> None:
    """Codes, names and aliases name one rule (its language variants share them)."""
    seen: dict[str, str] = {}
    for rule in rules:
        for key in dict.fromkeys((rule.code, rule.name, *rule.aliases)):
            if seen.get(key, rule.code) != rule.code:
                raise CatalogError(f"rules/{rule.catalog}.toml {rule.code}: '{key}' is already used by {seen[key]}")
            seen[key] = rule.code


def _one_per_code(variants: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """The rule each code shows in listings and explanations: its default-language variant (sorted first)."""
    first: dict[str, Rule] = {}
    for rule in variants:
        first.setdefault(rule.code, rule)
    return tuple(first.values())


@lru_cache(maxsize=1)
def category_names() -> dict[str, dict[str, str]]:
    """Each finding category's name and one-line description for readers (data/categories.toml), in the order of
    model.CATEGORIES; every category must have both."""
    where = "data/categories.toml"
    table = _read(Path(str(data_path("data"))) / "categories.toml", where).get("category")
    if not isinstance(table, dict):
        _fail(where, "needs [category.NAME] tables")
    unknown = sorted(set(table) - set(CATEGORIES))
    if unknown:
        _fail(where, f"unknown category {unknown[0]!r}")
    names = {}
    for category in CATEGORIES:
        entry = table.get(category)
        if not isinstance(entry, dict) or set(entry) != {"name", "about"}:
            _fail(where, f"[category.{category}] needs exactly name and about")
        if not all(isinstance(entry[key], str) and entry[key].strip() for key in ("name", "about")):
            _fail(where, f"[category.{category}] name and about must be non-empty text")
        names[category] = {"name": entry["name"].strip(), "about": entry["about"].strip()}
    return names


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The shipped catalog: rules/*.toml and, for each shipped language, rules/<language>/*.toml."""
    folder = data_path("rules")
    with shipped_catalog():
        return load_catalog_files(
            _toml_files(folder),
            {
                language: _toml_files(folder.joinpath(language))
                for language in SHIPPED
                if folder.joinpath(language).is_dir()
            },
        )


def _toml_files(folder: Any) -> list[Path]:
    return sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
