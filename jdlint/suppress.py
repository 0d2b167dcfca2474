"""Suppression: per-file ignores, allow-listed terms, and inline directives in comments.

    <!-- jdlint: ignore[JD201] -->      the next block only
    <!-- jdlint: disable[JD2] -->       from here ...
    <!-- jdlint: enable[JD2] -->        ... to here (or to the end of the file)

Without brackets a directive covers every rule. A directive that cannot be parsed is reported
as JD901; one that suppresses nothing is reported as JD902.
"""

from __future__ import annotations

import bisect
import itertools
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
    blocks = _Blocks(document) if any(directive.verb == "ignore" for directive in directives) else None
    for directive in directives:
        if blocks is not None and directive.verb == "ignore":
            block = blocks.next_after(directive.span.end)
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


class _Blocks:
    """The first block (in document order) starting at or after a source offset, for each ignore directive.

    Mapping every block again for each directive was directives x blocks. The running maximum of the blocks' starts
    never decreases, and the first block whose start reaches an offset is the first where that maximum does."""

    def __init__(self, document: Document) -> None:
        self.spans = [document.to_source(segment.start, segment.end) for segment in document.segments]
        self.reached = list(itertools.accumulate((span.start for span in self.spans), max))

    def next_after(self, offset: int) -> Span | None:
        i = bisect.bisect_left(self.reached, offset)
        return self.spans[i] if i < len(self.spans) else None


def apply(
    findings: list[Finding], document: Document, config: Config, rules_by_code: dict, catalog, unused_rule=None
) -> list[Finding]:
    """Drop suppressed findings; add unused-directive findings when `unused_rule` is enabled."""
    ignored_here = config.file_ignores(document.source.path)
    allow = set(config.allow)
    directives = parsed_directives(document, catalog) if document.directives else []
    regions = _regions(document, directives)
    candidates: list[Finding] = []
    for finding in findings:
        rule = rules_by_code[finding.code]
        if ignored_here and any(matches(s, rule) for s in ignored_here):
            continue
        if allow and finding.text is not None and normalise_term(finding.text) in allow:
            continue
        candidates.append(finding)
    covered = _covered(candidates, regions, rules_by_code) if regions else set()
    kept = [finding for i, finding in enumerate(candidates) if i not in covered]
    if unused_rule is not None:
        enabled = list(rules_by_code.values())
        for region in regions:
            if region.used or region.directive.verb == "enable":
                continue
            if not any(region.directive.covers(rule) for rule in enabled if rule.code != unused_rule.code):
                continue  # names only rules that are switched off in this run
            kept.append(make_finding(unused_rule, Match.in_source(region.directive.span), document, config))
    return kept


def _covered(findings: list[Finding], regions: list[_Region], rules_by_code: dict) -> set[int]:
    """The indexes of the findings a region covers (a region covers a finding that starts inside it; a finding of
    the whole posting only when it is a disable left open to the end), marking each region that covers one used.

    Worked out rule by rule over sorted offsets: checking each finding against every region was findings x
    directives."""
    covered: set[int] = set()
    by_code: dict[str, list[int]] = {}
    for i, finding in enumerate(findings):
        by_code.setdefault(finding.code, []).append(i)
    for code, indexes in by_code.items():
        rule = rules_by_code[code]
        mine = [region for region in regions if region.directive.covers(rule)]
        if not mine:
            continue
        whole = [i for i in indexes if findings[i].span is None]  # missing-statement findings
        open_to_end = [region for region in mine if region.to_end]
        if whole and open_to_end:
            covered.update(whole)
            for region in open_to_end:
                region.used = True
        points = sorted((span.start, i) for i in indexes if (span := findings[i].span) is not None)
        starts = [start for start, _ in points]
        for region in mine:
            first = bisect.bisect_left(starts, region.start)
            if first < len(starts) and starts[first] < region.end:
                region.used = True
        union: list[list[int]] = []  # the regions' [start, end) merged into disjoint runs
        for start, end in sorted((region.start, region.end) for region in mine if region.start < region.end):
            if union and start <= union[-1][1]:
                union[-1][1] = max(union[-1][1], end)
            else:
                union.append([start, end])
        union_starts = [start for start, _ in union]
        for start, i in points:
            at = bisect.bisect_right(union_starts, start) - 1
            if at >= 0 and start < union[at][1]:
                covered.add(i)
    return covered
