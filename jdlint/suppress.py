"""Suppression: per-file ignores, allow-listed terms, and inline directives in comments.

    <!-- jdlint: ignore[JD201] -->      the next block only
    <!-- jdlint: disable[JD2] -->       from here ...
    <!-- jdlint: enable[JD2] -->        ... to here (or to the end of the file)

Without brackets a directive covers every rule. A directive that cannot be parsed is reported
as JD901; one that suppresses nothing is reported as JD902.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .config import Config, matches, normalise_term
from .document import Directive, Document
from .findings import make_finding
from .model import Finding, Match, Span

VERBS = ("ignore", "disable", "enable")
_GRAMMAR = re.compile(r"^(?P<verb>[a-z-]+)\s*(?:\[(?P<selectors>[^\]]*)\])?$")


class DirectiveError(ValueError):
    pass


@dataclass(frozen=True)
class ParsedDirective:
    verb: str
    selectors: tuple[str, ...]  # empty: every rule
    span: Span

    def covers(self, rule) -> bool:
        return not self.selectors or any(matches(s, rule) for s in self.selectors)


def parse_directive(directive: Directive, catalog) -> ParsedDirective:
    body = " ".join(directive.body.split())
    match = _GRAMMAR.match(body)
    if not match:
        raise DirectiveError(f"cannot read '{body}'; write ignore[CODE], disable[CODE] or enable[CODE]")
    verb = match.group("verb")
    if verb not in VERBS:
        raise DirectiveError(f"unknown directive '{verb}'; use ignore, disable or enable")
    raw = match.group("selectors")
    selectors: tuple[str, ...] = ()
    if raw is not None:
        selectors = tuple(s.strip() for s in raw.split(",") if s.strip())
        if not selectors:
            raise DirectiveError(f"'{verb}[]' names no rule")
        for selector in selectors:
            if not any(matches(selector, rule) for rule in catalog.rules):
                raise DirectiveError(f"'{selector}' matches no rule")
    return ParsedDirective(verb, selectors, directive.span)


def parsed_directives(document: Document, catalog) -> list[ParsedDirective]:
    out = []
    for directive in document.directives:
        try:
            out.append(parse_directive(directive, catalog))
        except DirectiveError:
            continue  # reported by the invalid-directive check
    return out


@dataclass
class _Region:
    directive: ParsedDirective
    start: int
    end: int  # source offsets
    to_end: bool  # open until the end of the file: covers document-level findings too
    used: bool = False


def _regions(document: Document, directives: list[ParsedDirective]) -> list[_Region]:
    regions: list[_Region] = []
    open_disables: list[_Region] = []
    length = len(document.source.text)
    for directive in directives:
        if directive.verb == "ignore":
            block = _next_block(document, directive.span.end)
            if block is not None:
                regions.append(_Region(directive, block.start, block.end, False))
        elif directive.verb == "disable":
            region = _Region(directive, directive.span.end, length, True)
            regions.append(region)
            open_disables.append(region)
        else:  # enable closes the disables it names (all of them when it names none)
            for region in list(open_disables):
                if not directive.selectors or set(region.directive.selectors) <= set(directive.selectors):
                    region.end, region.to_end = directive.span.start, False
                    open_disables.remove(region)
    return regions


def _next_block(document: Document, offset: int) -> Span | None:
    for segment in document.segments:
        span = document.to_source(segment.start, segment.end)
        if span.start >= offset:
            return span
    return None


def apply(
    findings: list[Finding], document: Document, config: Config, rules_by_code: dict, catalog, unused_rule=None
) -> list[Finding]:
    """Drop suppressed findings; add unused-directive findings when `unused_rule` is enabled."""
    ignored_here = config.file_ignores(document.source.path)
    allow = set(config.allow)
    directives = parsed_directives(document, catalog) if document.directives else []
    regions = _regions(document, directives)
    kept: list[Finding] = []
    for finding in findings:
        rule = rules_by_code[finding.code]
        if ignored_here and any(matches(s, rule) for s in ignored_here):
            continue
        if allow and finding.text is not None and normalise_term(finding.text) in allow:
            continue
        hit = [r for r in regions if r.directive.covers(rule) and _inside(finding.span, r)]
        if hit:
            for region in hit:
                region.used = True
            continue
        kept.append(finding)
    if unused_rule is not None:
        enabled = list(rules_by_code.values())
        for region in regions:
            if region.used or region.directive.verb == "enable":
                continue
            if not any(region.directive.covers(rule) for rule in enabled if rule.code != unused_rule.code):
                continue  # names only rules that are switched off in this run
            kept.append(make_finding(unused_rule, Match.in_source(region.directive.span), document, config))
    return kept


def _inside(span: Span | None, region: _Region) -> bool:
    if span is None:  # a missing-statement finding: only a disable left open to the end covers it
        return region.to_end
    return region.start <= span.start < region.end
