"""Payloads for the tests: the docs' three examples (tests/data/) with a fresh interview_id each,
and what `heymilo validate --json` says of any body, the oracle for the receiver's 400s."""

import itertools
import json
import subprocess
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
EVENTS = ("interview_started", "interview_completed", "report_available")

_ids = itertools.count(1)


def example(event: str) -> dict:
    return json.loads((DATA / f"{event}.json").read_text())


def new_id() -> str:
    return f"T{next(_ids):015d}"


def payload(event: str, interview_id: str = None, **changes) -> bytes:
    """The docs' example of `event`, compact, with its root interview_id set (a new one when
    none is given) and any root fields replaced."""
    document = example(event)
    document["interview_id"] = interview_id or new_id()
    document.update(changes)
    return json.dumps(document, separators=(",", ":")).encode()


def interview_id_of(body: bytes) -> str:
    return json.loads(body)["interview_id"]


def post_invalid(receiver, cli: Path, body: bytes) -> dict:
    """Posts an invalid body; checks the answer is 400 with the object `heymilo validate
    --json` prints for it (without "input"), and returns that object."""
    expected = validate_json(cli, body)
    assert expected["valid"] is False
    response = receiver.post(body)
    assert response.status == 400
    answer = response.json()
    answer.pop("input", None)
    assert answer == expected
    return expected


def validate_json(cli: Path, body: bytes, lenient=False, max_errors=None) -> dict:
    """The object `heymilo validate --json -` prints for the body, without its "input"."""
    command = [str(cli), "validate", "--json", *(["--lenient"] if lenient else []),
               *(["--max-errors", str(max_errors)] if max_errors else []), "-"]
    result = subprocess.run(command, input=body, capture_output=True, timeout=60)
    assert result.returncode in (0, 1), result.stderr.decode(errors="replace")
    verdict = json.loads(result.stdout)
    verdict.pop("input", None)
    return verdict
