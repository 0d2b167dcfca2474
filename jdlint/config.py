"""Configuration: `[tool.jdlint]` in pyproject.toml or a `.jdlint.toml`, the nearest one wins.

Keys are validated; an unknown key is an error that names it. Selectors (for select, ignore,
severity, per-file ignores and inline directives) are rule codes, code prefixes (JD2, JD20),
rule names, categories, or ALL.

Rule options (thresholds) are declared in the catalogs and set per rule: `[rules.JD404] limit = 12`, by code
or name. Older keys (`must-have-limit`, `[readability] grade`, ...) are aliases the catalog declares for
an option; when both are given, the per-rule table wins.
"""

from __future__ import annotations

import datetime
import fnmatch
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli

from .language import DEFAULT_LANGUAGE, SHIPPED, is_shipped, language_code
from .model import CATEGORIES, Severity
from .options import RuleOption
from .rule import Catalog, Rule
from .source import DEFAULT_MAX_BYTES, parse_size

CONFIG_FILES = (".jdlint.toml", "pyproject.toml")
KNOWN_KEYS = {
    "select": "rules to enable (codes, prefixes, names, categories, ALL)",
    "ignore": "rules to disable",
    "fail-on": "lowest severity that fails the run: info, warning or error",
    "severity": "table of selector = severity overrides",
    "allow": "terms that are never reported",
    "per-file-ignores": "table of glob = [selectors]",
    "exclude": "glob patterns of paths to skip when searching folders",
    "max-file-size": "largest file to read, e.g. 5MB",
    "lint-timeout": "seconds one posting may take before it becomes an error naming the stage (0: no limit)",
    "pipeline": "spaCy pipeline: 'blank' (built in) or an installed package such as en_core_web_sm",
    "batch-size": "documents per spaCy batch",
    "gender-coding": "table: lexicon = 'research' (default) or 'gender-decoder'",
    "rules": "table per rule (code or name) of option = value; `jdlint rule CODE` lists a rule's options",
    "readability": "alias table: grade (JD601 grade), long-sentence (JD602 limit), min-words and max-words (JD603)",
    "must-have-limit": "alias of JD404's limit",
    "language": "language of postings that do not name their own (front matter lang, <html lang>): 'en'",
    "repeated-text": "findings in text a posting repeats (an excerpt, a title as heading): 'first' (once, in the body "
    "when front matter copies it) or 'all'",
}
DEFAULT_LINT_TIMEOUT = 60.0
GENDER_CODING_LEXICONS = ("research", "gender-decoder")  # data/gender-coding.toml


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    severity: tuple[tuple[str, Severity], ...] = ()
    allow: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_BYTES
    lint_timeout: float = DEFAULT_LINT_TIMEOUT  # seconds per posting; 0: no limit
    pipeline: str = "blank"
    language: str = DEFAULT_LANGUAGE
    forced_language: str | None = None  # --language: every posting's language, whatever it says or reads as
    repeated_text: str = "first"  # "all": report findings in repeated text every time
    batch_size: int = 16
    gender_coding_lexicon: str = "research"
    lint_date: datetime.date | None = None  # laws in force on this day; None: today
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False)  # code -> option -> value
    path: str | None = None  # the file this came from
    root: str = field(default_factory=os.getcwd)  # folder that relative globs are matched from

    def with_overrides(self, **changes) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def option(self, rule: Rule, name: str) -> Any:
        """The value of one of the rule's declared options: set in this config, else the catalog's default."""
        default = rule.option(name).default
        return self.rule_options.get(rule.code, {}).get(name, default)

    def enabled_rules(self, catalog):
        rules = [r for r in catalog.variants if any(matches(s, r) for s in self.select)]
        return [r for r in rules if not any(matches(s, r) for s in self.ignore)]

    def severity_for(self, rule, found: Severity | None = None) -> Severity:
        """The configured override if any, else what the check found, else the rule's own severity."""
        chosen = found or rule.severity
        best = -1
        for selector, severity in self.severity:
            if matches(selector, rule) and specificity(selector, rule) > best:
                best, chosen = specificity(selector, rule), severity
        return chosen

    def file_ignores(self, path: str) -> tuple[str, ...]:
        rel = relative_posix(path, self.root)
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if glob_matches(rel, pattern):
                out.extend(selectors)
        return tuple(out)

    def is_excluded(self, path: str) -> bool:
        rel = relative_posix(path, self.root)
        return any(glob_matches(rel, pattern) for pattern in self.exclude)


def relative_posix(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:
        rel = path
    return Path(rel).as_posix()


def glob_matches(rel: str, pattern: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(rel, f"*/{pattern}")


_PREFIX = re.compile(r"^JD\d{0,3}$")


def matches(selector: str, rule) -> bool:
    selector = selector.strip()
    upper = selector.upper()
    if upper == "ALL":
        return True
    if _PREFIX.match(upper):
        return rule.code.startswith(upper) or any(a.startswith(upper) for a in rule.aliases)
    return selector.lower() in (rule.name, rule.category) or selector in rule.aliases


def specificity(selector: str, rule) -> int:
    """More specific selectors win when several severity overrides apply (code > prefix > category > ALL)."""
    upper = selector.strip().upper()
    if upper == "ALL":
        return 0
    if selector.lower() == rule.category:
        return 1
    if _PREFIX.match(upper):
        return 1 + len(upper)
    return 10


def check_selectors(selectors, catalog, where: str) -> tuple[str, ...]:
    out = []
    for selector in selectors:
        if not isinstance(selector, str) or not selector.strip():
            raise ConfigError(f"{where}: selectors must be non-empty strings")
        if selector.strip().lower() not in CATEGORIES and not any(matches(selector, r) for r in catalog.rules):
            raise ConfigError(f"{where}: '{selector}' matches no rule (use a code, prefix, name or category)")
        out.append(selector.strip())
    return tuple(out)


def _severity(value, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(f"{where}: '{value}' is not a severity (info, warning, error)") from None


def from_table(table: dict[str, Any], path: str | None, root: str, catalog: Catalog) -> Config:
    """A Config from a `[tool.jdlint]` table (or a .jdlint.toml), every key validated."""
    where = path or "config"
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: the jdlint settings must be a table")
    for key in table:
        if key not in KNOWN_KEYS:
            known = ", ".join(sorted(KNOWN_KEYS))
            raise ConfigError(f"{where}: unknown key '{key}' (known keys: {known})")
    changes: dict[str, Any] = {"path": path, "root": root}
    changes.update(_selection(table, catalog, where))
    changes.update(_reading(table, where))
    rule_options = _rule_options(table, catalog, where)
    if rule_options:
        changes["rule_options"] = rule_options
    return replace(Config(), **changes)


def _string_list(table: dict[str, Any], key: str, where: str) -> list[str]:
    value = table[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return value


def _selection(table: dict[str, Any], catalog: Catalog, where: str) -> dict[str, Any]:
    """Which rules run, how severe their findings are, and what is never reported."""
    changes: dict[str, Any] = {}
    if "select" in table:
        changes["select"] = check_selectors(_string_list(table, "select", where), catalog, f"{where}: select")
    if "ignore" in table:
        changes["ignore"] = check_selectors(_string_list(table, "ignore", where), catalog, f"{where}: ignore")
    if "fail-on" in table:
        changes["fail_on"] = _severity(table["fail-on"], f"{where}: fail-on")
    if "severity" in table:
        if not isinstance(table["severity"], dict):
            raise ConfigError(f"{where}: 'severity' must be a table of selector = severity")
        changes["severity"] = tuple(
            (check_selectors([k], catalog, f"{where}: severity")[0], _severity(v, f"{where}: severity.{k}"))
            for k, v in table["severity"].items()
        )
    if "allow" in table:
        changes["allow"] = tuple(normalise_term(t) for t in _string_list(table, "allow", where))
    if "per-file-ignores" in table:
        value = table["per-file-ignores"]
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [selectors]")
        changes["per_file_ignores"] = tuple(
            (
                glob,
                check_selectors(
                    _string_list(value, glob, f"{where}: per-file-ignores"), catalog, f"{where}: per-file-ignores"
                ),
            )
            for glob in value
        )
    if "exclude" in table:
        changes["exclude"] = tuple(_string_list(table, "exclude", where))
    return changes


def _reading(table: dict[str, Any], where: str) -> dict[str, Any]:
    """How postings are read: size limit, language, spaCy pipeline, batch size, gender-coding lexicon."""
    changes: dict[str, Any] = {}
    if "max-file-size" in table:
        try:
            changes["max_file_size"] = parse_size(table["max-file-size"])
        except ValueError as exc:
            raise ConfigError(f"{where}: max-file-size {exc}") from None
    changes.update(_limits(table, where))
    if "language" in table:
        code = language_code(table["language"])
        if code is None or not is_shipped(code):
            raise ConfigError(f"{where}: language must be one of {', '.join(SHIPPED)} (got {table['language']!r})")
        changes["language"] = code
    if "pipeline" in table:
        if not isinstance(table["pipeline"], str) or not table["pipeline"].strip():
            raise ConfigError(f"{where}: 'pipeline' must be a package name or 'blank'")
        changes["pipeline"] = table["pipeline"].strip()
    if "batch-size" in table:
        value = table["batch-size"]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError(f"{where}: 'batch-size' must be a positive integer")
        changes["batch_size"] = value
    if "gender-coding" in table:
        changes["gender_coding_lexicon"] = _gender_coding(table["gender-coding"], where)
    if "repeated-text" in table:
        if table["repeated-text"] not in ("first", "all"):
            raise ConfigError(f"{where}: repeated-text must be 'first' or 'all'")
        changes["repeated_text"] = table["repeated-text"]
    return changes


def _limits(table: dict[str, Any], where: str) -> dict[str, Any]:
    """The per-posting time budget."""
    if "lint-timeout" not in table:
        return {}
    try:
        return {"lint_timeout": parse_timeout(table["lint-timeout"])}
    except ValueError as exc:
        raise ConfigError(f"{where}: lint-timeout {exc}") from None


def parse_timeout(value: object) -> float:
    """Seconds a posting may take: a finite number >= 0 (0: no limit), as a number or a numeric string."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"must be a number of seconds (got {value!r})")
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(f"must be a number of seconds (got {value!r})") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"must be a finite number of seconds >= 0 (0: no limit; got {value!r})")
    return seconds


def _gender_coding(value: object, where: str) -> str:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'gender-coding' must be a table, e.g. gender-coding.lexicon = \"research\"")
    for key in value:
        if key != "lexicon":
            raise ConfigError(f"{where}: unknown key 'gender-coding.{key}' (known keys: lexicon)")
    lexicon = value.get("lexicon", "research")
    if lexicon not in GENDER_CODING_LEXICONS:
        raise ConfigError(f"{where}: gender-coding.lexicon must be one of {', '.join(GENDER_CODING_LEXICONS)}")
    return str(lexicon)


def _option_value(option: RuleOption, value: Any, key: str, where: str) -> Any:
    try:
        return option.check(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: {key} {exc}") from None


def _rule_options(table: dict, catalog, where: str) -> dict[str, dict[str, Any]]:
    """Option values by rule code: the alias keys first, then the per-rule tables, which win."""
    found: dict[str, dict[str, Any]] = {}
    aliases = {option.alias: (rule, option) for rule in catalog.rules for option in rule.user_options if option.alias}
    # Each setting is checked as soon as it is read, so errors come in the order the keys are read.
    for rule, option, value, key in _alias_settings(table, aliases, where):
        found.setdefault(rule.code, {})[option.name] = _option_value(option, value, key, where)
    for rule, option, value, key in _per_rule_settings(table, catalog, where):
        found.setdefault(rule.code, {})[option.name] = _option_value(option, value, key, where)
    return found


_Setting = tuple[Rule, RuleOption, Any, str]  # (rule, its option, the value given, the key that gave it)


def _alias_settings(table: dict, aliases: dict[str, tuple[Rule, RuleOption]], where: str) -> Iterator[_Setting]:
    """The options set by alias keys: dotted ones (`[readability] grade`) first, then plain ones."""
    for head in dict.fromkeys(alias.split(".")[0] for alias in aliases if "." in alias):
        if head not in table:
            continue
        value = table[head]
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: '{head}' must be a table")
        known = [alias.split(".", 1)[1] for alias in aliases if alias.startswith(f"{head}.")]
        for key, number in value.items():
            if key not in known:
                raise ConfigError(f"{where}: unknown key '{head}.{key}' (known keys: {', '.join(known)})")
            rule, option = aliases[f"{head}.{key}"]
            yield rule, option, number, f"{head}.{key}"
    for alias, (rule, option) in aliases.items():
        if "." not in alias and alias in table:
            yield rule, option, table[alias], alias


def _per_rule_settings(table: dict, catalog, where: str) -> Iterator[_Setting]:
    """The options set in the per-rule tables, `[rules.JD404] limit = 12`, by code or name."""
    per_rule = table.get("rules", {})
    if not isinstance(per_rule, dict):
        raise ConfigError(f"{where}: 'rules' must be a table of rule = {{ option = value }}, e.g. [rules.JD404]")
    set_by: dict[tuple[str, str], str] = {}
    for selector, values in per_rule.items():
        rule = catalog.by_code(selector)
        if rule is None:
            raise ConfigError(f"{where}: rules.{selector}: no such rule (use a code such as JD404 or a rule name)")
        if not isinstance(values, dict):
            raise ConfigError(f"{where}: rules.{selector} must be a table of option = value")
        for name, value in values.items():
            key = f"rules.{selector}.{name}"
            declared = _declared_option(rule, name, key, where)
            if (rule.code, name) in set_by:
                raise ConfigError(f"{where}: {key} sets the same option as {set_by[rule.code, name]}")
            set_by[rule.code, name] = key
            yield rule, declared, value, key


def _declared_option(rule: Rule, name: str, key: str, where: str) -> RuleOption:
    """The rule's option called `name`; an error listing the options it has otherwise."""
    declared = next((o for o in rule.user_options if o.name == name), None)
    if declared is None:
        names = ", ".join(o.name for o in rule.user_options)
        has = f"has the options {names}" if names else "has no options"
        raise ConfigError(f"{where}: unknown option '{key}' ({rule.code} {rule.name} {has})")
    return declared


def normalise_term(term: str) -> str:
    return " ".join(term.replace("’", "'").casefold().split())


def read_file(path: str | os.PathLike, catalog) -> Config:
    """Load one config file; pyproject.toml must hold [tool.jdlint]."""
    path = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            data = tomli.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory, not a config file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except tomli.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 (byte {exc.start}); TOML files must be UTF-8") from None
    root = os.path.dirname(os.path.abspath(path))
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: 'tool' must be a table")
        table = tool.get("jdlint")
        if table is None:
            raise ConfigError(f"{path}: has no [tool.jdlint] table")
        return from_table(table, path, root, catalog)
    return from_table(data, path, root, catalog)


def find_config_file(start: str) -> str | None:
    """The nearest .jdlint.toml, or pyproject.toml with [tool.jdlint], from `start` upwards."""
    folder = os.path.abspath(start)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError:
        return False
    try:
        tool = tomli.loads(raw.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomli.TOMLDecodeError):
        # a broken file that names our table is ours: read_file then reports what is wrong with it
        return _NAMES_TABLE.search(raw) is not None
    return isinstance(tool, dict) and "jdlint" in tool


_NAMES_TABLE = re.compile(rb"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*jdlint\b|^[ \t]*tool[ \t]*\.[ \t]*jdlint\b", re.M)


class ConfigResolver:
    """Finds and caches the config for each input's folder (or uses one given with --config)."""

    def __init__(self, catalog, explicit: str | None = None, overrides: dict | None = None) -> None:
        self.catalog = catalog
        self.overrides = overrides or {}
        self._by_file: dict[str | None, Config] = {}
        self._by_folder: dict[str, Config] = {}
        self.explicit = read_file(explicit, catalog) if explicit else None

    def _apply(self, config: Config) -> Config:
        changes = dict(self.overrides)
        extra_ignore = changes.pop("extend_ignore", ())
        config = config.with_overrides(**changes)
        if extra_ignore:
            config = replace(config, ignore=config.ignore + tuple(extra_ignore))
        return config

    def for_path(self, path: str | None) -> Config:
        if self.explicit is not None:
            return self._cached(None, lambda: self.explicit)
        folder = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        if folder not in self._by_folder:
            found = find_config_file(folder)
            self._by_folder[folder] = self._cached(found, lambda: read_file(found, self.catalog) if found else Config())
        return self._by_folder[folder]

    def _cached(self, key, load) -> Config:
        if key not in self._by_file:
            self._by_file[key] = self._apply(load())
        return self._by_file[key]
