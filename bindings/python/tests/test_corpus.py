"""The generated corpus (`heymilo generate`): parse equals `heymilo extract`, and validate
equals `heymilo validate --json`, document by document."""

import json

import pytest

import heymilo
from conftest import DOCUMENTS, EVENTS

COUNT = 12


def corpus(cli, document):
    code, out = cli("generate", "--event", document, "--count", COUNT, "--seed", 19, "--ndjson")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == COUNT
    return lines


@pytest.mark.parametrize("document", DOCUMENTS)
def test_parse_equals_extract(document, cli, tmp_path):
    for number, line in enumerate(corpus(cli, document)):
        path = tmp_path / f"{number}.json"
        path.write_bytes(line)
        code, out = cli("extract", "--event", document, path)
        assert code == 0
        assert heymilo.parse(line, document) == json.loads(out), f"document {number}"
        if document in EVENTS:
            assert heymilo.parse(line) == json.loads(out)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_validate_equals_cli(document, cli, tmp_path):
    lines = corpus(cli, document)
    # Valid documents, and each one cut short (invalid JSON at its end).
    inputs = lines + [line[: len(line) // 2] for line in lines]
    path = tmp_path / "corpus.ndjson"
    path.write_bytes(b"\n".join(inputs) + b"\n")
    code, out = cli("validate", "--json", "--ndjson", "--event", document, path)
    assert code == 1
    expected = [json.loads(line) for line in out.splitlines()]
    assert len(expected) == len(inputs)
    for text, verdict in zip(inputs, expected):
        result = heymilo.validate(text, document)
        assert result.valid == verdict["valid"]
        assert result.event == verdict["event"]
        assert [[e.code, e.path, e.offset, e.message] for e in result.errors] == [
            [e["code"], e["path"], e["offset"], e["message"]] for e in verdict["errors"]]
