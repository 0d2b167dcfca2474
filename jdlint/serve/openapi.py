"""The OpenAPI 3.1 description of the API (served at /api/v1/openapi.json), for ATS and script integrations."""

from __future__ import annotations

from ..version import __version__


def openapi(max_request_bytes: int) -> dict:
    error = {
        "description": "The request was refused; the message says why.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "jdlint",
            "version": __version__,
            "description": "Lint a job posting. The answer is the JSON output of `jdlint check --format json` "
            "(schema_version 1).",
        },
        "paths": {
            "/api/v1/check": {
                "post": {
                    "summary": "Lint one posting",
                    "requestBody": {
                        "required": True,
                        "description": f"At most {max_request_bytes:,} bytes.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}}},
                    },
                    "responses": {
                        "200": {
                            "description": "The findings, as `jdlint check --format json` gives them.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}},
                        },
                        "400": error,
                        "413": error,
                        "415": error,
                        "422": error,
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "CheckRequest": {
                    "type": "object",
                    "required": ["text"],
                    "additionalProperties": False,
                    "properties": {
                        "text": {"type": "string", "description": "The posting."},
                        "format": {"type": "string", "enum": ["text", "markdown", "html"], "default": "text"},
                        "path": {"type": "string", "maxLength": 200, "description": "A name for the posting."},
                        "metadata": {
                            "type": "object",
                            "additionalProperties": {"type": "string"},
                            "description": "Fields of the posting, e.g. title and location (used for pay laws).",
                        },
                        "options": {
                            "type": "object",
                            "description": "jdlint settings as in [tool.jdlint] (select, ignore, severity, allow, "
                            "rule options); they stand in for the server's. Not pipeline, exclude, "
                            "per-file-ignores, max-file-size or lint-timeout.",
                        },
                        "date": {"type": "string", "format": "date", "description": "Judge pay laws as on this day."},
                    },
                },
                "Report": {"type": "object", "required": ["schema_version", "tool", "files", "summary"]},
                "Error": {
                    "type": "object",
                    "properties": {
                        "error": {
                            "type": "object",
                            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
                        }
                    },
                },
            }
        },
    }
