"""HeyMilo webhook payloads, validated against the contract and extracted by the heymilo C++
library. See bindings/README.md."""

from ._heymilo import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    EVENTS,
    Error,
    Validation,
    ValidationError,
    parse,
    validate,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "EVENTS",
    "Error",
    "Validation",
    "ValidationError",
    "parse",
    "validate",
]
