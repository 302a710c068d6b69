"""Type stubs of heymilo._heymilo (re-exported by `import heymilo`)."""

from typing import Any, Final, Literal, Union

Body = Union[bytes, bytearray, memoryview, str]
Event = Literal["auto", "interview_started", "interview_completed", "report_available",
                "webhook_create_request", "webhook", "webhook_list"]

DEFAULT_MAX_BYTES: Final[int]
DEFAULT_MAX_DEPTH: Final[int]
EVENTS: Final[tuple[str, ...]]

class Error:
    """An error (code: one of the contract's nine) or a warning (code: "unknown_field")."""
    @property
    def code(self) -> str: ...
    @property
    def path(self) -> str:
        """RFC 6901 JSON Pointer; "" is the root."""
    @property
    def offset(self) -> int:
        """Byte offset into the input (UTF-8 for a str), or -1."""
    @property
    def message(self) -> str: ...

class Validation:
    @property
    def valid(self) -> bool: ...
    @property
    def event(self) -> str | None:
        """What the input was read as, valid or not; None when detection could not tell."""
    @property
    def errors(self) -> list[Error]: ...
    @property
    def warnings(self) -> list[Error]: ...
    def __bool__(self) -> bool: ...

class ValidationError(ValueError):
    """Raised by parse(); .errors lists why."""
    errors: list[Error]

def validate(body: Body, event: Event = "auto", *, lenient: bool = False, max_errors: int = 1,
             max_bytes: int = ..., max_depth: int = ..., drift: bool = False) -> Validation:
    """Validates a payload against the contract. The GIL is released meanwhile; bytes and
    str are read in place, other buffers copied first."""

def parse(body: Body, event: Event = "auto", *, lenient: bool = False, max_errors: int = 1,
          max_bytes: int = ..., max_depth: int = ..., drift: bool = False) -> Any:
    """Validates and extracts every documented and example-only field: a dict (a list for
    webhook_list) equal to json.loads of `heymilo extract`'s output. Raises ValidationError."""
