"""The OpenAPI 3.1 description of the API (served at /api/v1/openapi.json), for ATS and script integrations.

The response schemas describe the JSON contract of `jdlint check --format json` (schema_version 1): objects
allow properties beyond those listed, because the contract only ever grows (../shared/DESIGN.md section 5).
"""

from __future__ import annotations

from typing import Any

from .. import formats
from ..model import CATEGORIES
from ..records import METADATA
from ..version import __version__

_REF = "#/components/schemas/"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _REF + name}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [schema, {"type": "null"}]}


def _error_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


_INT = {"type": "integer", "minimum": 0}
_POSITION = {"type": "integer", "minimum": 1}
_STRINGS = {"type": "array", "items": {"type": "string"}}
_DAY = {"type": "string", "format": "date"}

SCHEMAS: dict[str, Any] = {
    "CheckRequest": {
        "type": "object",
        "required": ["text"],
        "additionalProperties": False,
        "properties": {
            "text": {"type": "string", "description": "The posting, as its author wrote it."},
            "format": {
                "type": "string",
                "enum": sorted(formats.names()),
                "default": "text",
                "description": "How to read `text`: plain text, Markdown (front matter allowed) or HTML.",
            },
            "path": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "default": "posting",
                "description": "A name for the posting, echoed as files[0].path. Never opened.",
            },
            "metadata": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": f"Fields of the posting from an ATS record; {', '.join(METADATA)} are read (as "
                "`jdlint check --records` reads them: the location decides which pay-transparency laws apply), "
                "other fields are ignored.",
                "examples": [{"title": "Data Analyst", "location": "Denver, CO"}],
            },
            "options": {
                "type": "object",
                "description": "jdlint settings as in [tool.jdlint] of a pyproject.toml (select, ignore, severity, "
                "allow, fail-on, language, repeated-text, gender-coding, rules, readability, must-have-limit); they "
                "stand in for the server's. Settings that name files or packages or set the server's limits "
                "(pipeline, exclude, per-file-ignores, max-file-size, lint-timeout, batch-size) are refused (422).",
                "examples": [{"ignore": ["JD6"], "rules": {"JD602": {"limit": 40}}}],
            },
            "date": {**_DAY, "description": "Judge pay-transparency laws as on this day [default: the server's]."},
        },
    },
    "Report": {
        "type": "object",
        "description": "The output of `jdlint check --format json`, schema_version 1.",
        "required": ["schema_version", "tool", "files", "summary"],
        "properties": {
            "schema_version": {"const": 1},
            "tool": {
                "type": "object",
                "required": ["name", "version"],
                "properties": {"name": {"const": "jdlint"}, "version": {"type": "string"}},
            },
            "files": {"type": "array", "items": _ref("File"), "description": "One entry: the posting."},
            "summary": _ref("Summary"),
        },
    },
    "File": {
        "type": "object",
        "required": ["path", "format", "encoding", "findings", "metrics"],
        "properties": {
            "path": {"type": "string"},
            "format": {"type": "string"},
            "encoding": {"type": "string"},
            "findings": {"type": "array", "items": _ref("Finding"), "description": "In source order."},
            "metrics": _ref("Metrics"),
        },
    },
    "Finding": {
        "type": "object",
        "required": ["code", "name", "category", "severity", "message", "span", "text", "suggestions", "fix"],
        "properties": {
            "code": {"type": "string", "pattern": "^JD[0-9]{3}$", "examples": ["JD201"]},
            "name": {"type": "string", "examples": ["gendered-job-title"]},
            "category": {
                "type": "string",
                "description": f"One of a fixed list that only grows: {', '.join(CATEGORIES)}.",
            },
            "severity": {"type": "string", "enum": ["info", "warning", "error"]},
            "message": {"type": "string"},
            "span": {
                **_nullable(_ref("Span")),
                "description": "Where in `text` of the request; null for a finding about the whole posting "
                "(a missing statement).",
            },
            "text": {**_nullable({"type": "string"}), "description": "The words the span covers."},
            "suggestions": {
                **_STRINGS,
                "description": "Replacements or statements to add; several are never applied automatically.",
            },
            "fix": {**_nullable(_ref("Fix")), "description": "The edits that fix it, if any."},
            "source": {**_nullable({"type": "string"}), "description": "The research, law or guide behind it."},
        },
    },
    "Span": {
        "type": "object",
        "description": "Code-point offsets into the request's `text` (end exclusive) and 1-based lines and columns.",
        "required": ["start", "end", "line", "column", "end_line", "end_column"],
        "properties": {
            "start": _INT,
            "end": _INT,
            "line": _POSITION,
            "column": _POSITION,
            "end_line": _POSITION,
            "end_column": _POSITION,
        },
    },
    "Fix": {
        "type": "object",
        "required": ["applicability", "edits"],
        "properties": {
            "applicability": {
                "type": "string",
                "enum": ["safe", "unsafe"],
                "description": "safe: `jdlint check --fix` applies it; unsafe: only with --unsafe-fixes (check "
                "the meaning).",
            },
            "edits": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["start", "end", "content"],
                    "properties": {"start": _INT, "end": _INT, "content": {"type": "string"}},
                    "description": "Replace text[start:end] (code points) by content.",
                },
            },
        },
    },
    "Metrics": {
        "type": "object",
        "required": ["words", "sentences", "flesch_kincaid_grade"],
        "properties": {
            "words": _INT,
            "sentences": _INT,
            "flesch_kincaid_grade": _nullable({"type": "number"}),
            "flesch_reading_ease": _nullable({"type": "number"}),
            "average_sentence_length": _nullable({"type": "number"}),
            "gender_coding": {
                "type": "object",
                "required": ["masculine", "feminine", "verdict"],
                "properties": {
                    "masculine": _STRINGS,
                    "feminine": _STRINGS,
                    "verdict": {
                        "type": "string",
                        "description": "strongly feminine-coded, feminine-coded, neutral, masculine-coded, "
                        "strongly masculine-coded, or empty (no coded word).",
                    },
                },
            },
            "pay_laws": _ref("PayLaws"),
        },
    },
    "PayLaws": {
        "type": "object",
        "description": "The day and the places the pay rules (JD501-JD503) judged the posting by; change them with "
        "the request's `date` and `metadata.location`.",
        "required": ["date", "jurisdictions", "laws"],
        "properties": {
            "date": _DAY,
            "jurisdictions": {
                "type": "array",
                "description": "The places with a pay-transparency law that the posting's location names or reaches.",
                "items": {
                    "type": "object",
                    "required": ["code", "name", "place", "evidence"],
                    "properties": {
                        "code": {"type": "string", "examples": ["US-CO"]},
                        "name": {"type": "string", "examples": ["Colorado"]},
                        "place": {"type": "string", "description": "The words that named it."},
                        "evidence": {"type": "string", "description": "Where they stand in the posting."},
                    },
                },
            },
            "laws": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["jurisdiction", "law", "effective", "in_force", "in_posting", "citation"],
                    "properties": {
                        "jurisdiction": {"type": "string"},
                        "law": {"type": "string"},
                        "effective": _DAY,
                        "in_force": {"type": "boolean", "description": "In force on `date`."},
                        "in_posting": {
                            "type": "boolean",
                            "description": "The pay must be in the posting itself (false: before the interview).",
                        },
                        "citation": {"type": "string"},
                        "pending": {
                            "type": "boolean",
                            "description": "An EU state that had not transposed Directive (EU) 2023/970 when the"
                            " table was checked: never in force, `effective` is the directive's deadline.",
                        },
                        "region": {
                            "type": "string",
                            "description": "Reached only through a region naming several countries ('the EU', "
                            "'DACH'): a possible law, not a certain one; empty when the place was named outright.",
                        },
                    },
                },
            },
        },
    },
    "Summary": {
        "type": "object",
        "required": ["files", "findings", "by_severity", "by_category"],
        "properties": {
            "files": _INT,
            "findings": _INT,
            "by_severity": {"type": "object", "additionalProperties": _INT},
            "by_category": {"type": "object", "additionalProperties": _INT},
        },
    },
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["status", "code", "message"],
                "properties": {
                    "status": {"type": "integer", "description": "The HTTP status, repeated."},
                    "code": {
                        "type": "string",
                        "description": "A stable word for programs: not_json, too_large, unsupported_media_type, "
                        "invalid_request, time_budget, bad_host, not_found, method_not_allowed, internal.",
                    },
                    "message": {"type": "string", "description": "One line: what was wrong and what to change."},
                },
            }
        },
    },
}


def openapi(max_request_bytes: int) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "jdlint",
            "version": __version__,
            "description": "Lint a job posting. The answer is the JSON output of `jdlint check --format json` "
            "(schema_version 1, which only grows). Requests are linted one at a time; the server reads no files.",
        },
        "paths": {
            "/api/v1/check": {
                "post": {
                    "operationId": "check",
                    "summary": "Lint one posting",
                    "requestBody": {
                        "required": True,
                        "description": f"At most {max_request_bytes:,} bytes.",
                        "content": {"application/json": {"schema": _ref("CheckRequest")}},
                    },
                    "responses": {
                        "200": {
                            "description": "The findings, as `jdlint check --format json` gives them.",
                            "content": {"application/json": {"schema": _ref("Report")}},
                        },
                        "400": _error_response("The body is not JSON, or the Host header does not name this server."),
                        "413": _error_response(f"The request is larger than {max_request_bytes:,} bytes."),
                        "415": _error_response("The body is not sent as application/json."),
                        "422": _error_response(
                            "A field or option is wrong (the message names it), or the posting took longer than "
                            "the server's time budget (code time_budget; the same posting would fail again)."
                        ),
                        "500": _error_response("A bug in jdlint; the message names it."),
                    },
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This description",
                    "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}},
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
