"""Shared by the tests: the repository, the `heymilo` command (HEYMILO_CLI, default
build/tools/heymilo) that the bindings must agree with, and the shared error cases."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[3]
EXAMPLES = REPOSITORY / "tests" / "data"
DOCUMENTS = ["interview_started", "interview_completed", "report_available",
             "webhook_create_request", "webhook", "webhook_list"]
EVENTS = DOCUMENTS[:3]


def example(document: str) -> bytes:
    return (EXAMPLES / f"{document}.json").read_bytes()


def pointer_set(document, pointer: str, value) -> None:
    *parents, last = pointer.split("/")[1:]
    for token in parents:
        document = document[int(token)] if isinstance(document, list) else document[token]
    document[last] = value


def case_input(case: dict) -> str:
    """The input of a case in bindings/tests/error_cases.json."""
    if "text" in case:
        return case["text"]
    text = example(case["example"]).decode()
    if "set" in case:
        document = json.loads(text)
        pointer_set(document, *case["set"])
        text = json.dumps(document)
    if "prefix" in case:
        brace = text.index("{") + 1
        text = text[:brace] + case["prefix"] + text[brace:]
    return text


ERROR_CASES = json.loads((REPOSITORY / "bindings" / "tests" / "error_cases.json").read_text())["cases"]


@pytest.fixture(scope="session")
def cli():
    """Runs the `heymilo` command; returns (exit code, stdout)."""
    path = Path(os.environ.get("HEYMILO_CLI", REPOSITORY / "build" / "tools" / "heymilo"))
    if not path.exists():
        pytest.fail(f"the heymilo command is not at {path}; build it or set HEYMILO_CLI")

    def run(*args, stdin=None):
        done = subprocess.run([str(path), *map(str, args)], input=stdin, capture_output=True)
        return done.returncode, done.stdout

    return run
