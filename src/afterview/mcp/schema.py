"""Small builders for the JSON Schemas a model reads: every field says what it is for."""

from __future__ import annotations

from enum import Enum
from typing import Any

Schema = dict[str, Any]


def obj(properties: dict[str, Schema], required: tuple[str, ...] = ()) -> Schema:
    """An object that takes exactly these fields (a typo is an error, not ignored)."""
    schema: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return schema


def text(description: str, max_length: int = 200, **extra: Any) -> Schema:
    return {"type": "string", "description": description, "maxLength": max_length, **extra}


def ident(description: str) -> Schema:
    return {"type": "integer", "minimum": 1, "description": description}


def integer(description: str, minimum: int, maximum: int) -> Schema:
    return {"type": "integer", "minimum": minimum, "maximum": maximum, "description": description}


def number(description: str, minimum: float, maximum: float) -> Schema:
    return {"type": "number", "minimum": minimum, "maximum": maximum, "description": description}


def flag(description: str) -> Schema:
    return {"type": "boolean", "description": description}


def choice(kind: type[Enum] | tuple[str, ...], description: str) -> Schema:
    """One of an enum's values, read from the code so the schema never drifts from it."""
    values = list(kind) if isinstance(kind, tuple) else [str(m.value) for m in kind]
    return {"type": "string", "enum": values, "description": description}


def texts(description: str, max_items: int = 50) -> Schema:
    return {
        "type": "array",
        "items": {"type": "string", "maxLength": 2000},
        "maxItems": max_items,
        "description": description,
    }


def moment(description: str) -> Schema:
    return text(
        f"{description} ISO 8601, e.g. 2026-03-10T14:30 (read in the user's time zone "
        "unless it carries an offset) or 'now'.",
        40,
    )


def day(description: str) -> Schema:
    return text(f"{description} A date, e.g. 2026-03-20, or 'today' / 'tomorrow'.", 20)
