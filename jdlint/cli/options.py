"""Options shared by the commands, as reusable decorators, and the dataclasses click's parameters become.

A command takes one options object (pass_options) instead of one argument per option. Where check and audit
share an option, its name, type and default live here once; the help text stays each command's own (audit
documents fewer of its options).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Callable
from typing import Any, Self, TypeVar

import click

from ..config import parse_timeout
from ..language import language_code
from ..records import Fields

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]
FIELD_NAMES = tuple(field.name for field in dataclasses.fields(Fields))  # text, id, location, ...
FIELD_HELP = {
    "text": "With --records: the field holding the posting.",
    "id": "With --records: the field naming each record.",
    "location": "With --records: the job's location (for the pay laws).",
    "salary": "With --records: the advertised pay.",
    "title": "With --records: the job title.",
    "format": "With --records: a field saying text, markdown or html.",
    "language": "With --records: the posting's language (an ISO 639-1 code such as de, or en-GB).",
}


def stacked(*decorators: Decorator) -> Decorator:
    """Several decorators as one, applied as if written one above the other in this order."""

    def apply(function: Callable[..., Any]) -> Callable[..., Any]:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function

    return apply


config_option = click.option(
    "--config", "config_path", type=click.Path(), help="Use this config file instead of searching."
)


def date_option(help: str | None = None) -> Decorator:
    return click.option("--date", "lint_date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help=help)


def jobs_option(help: str | None = None) -> Decorator:
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help=help)


def _seconds(context: click.Context, parameter: click.Parameter, value: str | None) -> float | None:
    try:
        return None if value is None else parse_timeout(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def timeout_option(help: str | None = None) -> Decorator:
    return click.option("--timeout", "lint_timeout", metavar="SECONDS", callback=_seconds, help=help)


def _language(context: click.Context, parameter: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    code = language_code(value)
    if code is None:
        raise click.BadParameter(f"{value!r} is not an ISO 639-1 language code (such as en, de, fr or en-GB)")
    return code


def language_option(help: str | None = None) -> Decorator:
    return click.option("--language", "language", metavar="CODE", callback=_language, help=help)


def output_file_option(help: str) -> Decorator:
    return click.option("--output-file", "-o", type=click.Path(dir_okay=False), help=help)


def records_option(help: str) -> Decorator:
    return click.option("--records", type=click.Path(dir_okay=False), help=help)


def record_field_options(*, documented: bool = True) -> Decorator:
    """--text-field ... --format-field: which field of an export's records holds what (see records.Fields)."""
    defaults = Fields()
    return stacked(
        *(
            click.option(
                f"--{name}-field",
                default=getattr(defaults, name),
                show_default=getattr(defaults, name) is not None,
                help=FIELD_HELP[name] if documented else None,
            )
            for name in FIELD_NAMES
        )
    )


@dataclasses.dataclass(frozen=True, kw_only=True)
class InputOptions:
    """What to lint and how: the options check and audit share."""

    paths: tuple[str, ...]
    records: str | None
    fields: Fields
    config_path: str | None
    lint_date: datetime.datetime | None
    lint_timeout: float | None  # --timeout: seconds per posting (None: the config's lint-timeout)
    language: str | None  # --language: every posting's language, over what it names and what it reads as
    jobs: int | None

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> Self:
        """From click's parameters: the --*-field values become one Fields."""
        params = dict(params)
        fields = Fields(**{name: params.pop(f"{name}_field") for name in FIELD_NAMES})
        return cls(fields=fields, **params)


@dataclasses.dataclass(frozen=True, kw_only=True)
class CheckOptions(InputOptions):
    fmt: str
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    fail_on: str | None
    exit_zero: bool
    statistics: bool
    stdin_filename: str | None
    max_file_size: str | None
    output_file: str | None
    fix: bool
    unsafe_fixes: bool
    diff: bool
    show_fixes: bool
    baseline: str | None
    write_baseline: str | None
    changed_since: str | None
    also_write: tuple[str, ...]


@dataclasses.dataclass(frozen=True, kw_only=True)
class AuditOptions(InputOptions):
    engine: str
    input_path: str | None
    output_dir: str | None
    master: str
    fmt: str
    output_file: str | None

    @property
    def overrides(self) -> dict[str, Any]:
        overrides: dict[str, Any] = {"lint_date": self.lint_date.date()} if self.lint_date else {}
        if self.lint_timeout is not None:
            overrides["lint_timeout"] = self.lint_timeout
        if self.language:
            overrides["forced_language"] = self.language
        return overrides


Options = TypeVar("Options", bound=InputOptions)


def pass_options(cls: type[Options]) -> Callable[[Callable[[Options], None]], Callable[..., None]]:
    """The command gets one `cls` built from click's parameters (put this right above the function)."""

    def decorate(command: Callable[[Options], None]) -> Callable[..., None]:
        @functools.wraps(command)
        def with_options(**params: Any) -> None:
            command(cls.from_params(params))

        return with_options

    return decorate
