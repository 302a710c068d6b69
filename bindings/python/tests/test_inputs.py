"""Every accepted input type, offsets as UTF-8 byte offsets, and the types refused."""

import array

import pytest

import heymilo
from conftest import example

STARTED = example("interview_started")


@pytest.mark.parametrize("make", [bytes, bytearray, memoryview, lambda b: b.decode(),
                                  lambda b: memoryview(bytearray(b)),
                                  lambda b: array.array("B", b)],
                         ids=["bytes", "bytearray", "memoryview", "str", "memoryview(bytearray)",
                              "array"])
def test_accepted_types_give_the_same_result(make):
    assert heymilo.validate(make(STARTED)).valid
    assert heymilo.parse(make(STARTED)) == heymilo.parse(STARTED)


def test_str_offsets_count_utf8_bytes():
    text = '{"interview_id": "é€", "posting_id": 5}'
    error = heymilo.validate(text, "interview_started").errors[0]
    assert error.code == "wrong_type"
    assert error.offset == text.encode().index(b"5")
    assert error.offset != text.index("5")


def test_a_lone_surrogate_in_str_is_invalid_input():
    result = heymilo.validate('{"interview_id": "\ud800"}', "interview_started")
    assert [error.code for error in result.errors] == ["invalid_json"]


def test_escaped_lone_surrogate_parses_as_json_loads_does():
    import json
    text = STARTED.decode().replace('"interview_id": "', '"interview_id": "\\ud800', 1)
    if heymilo.validate(text).valid:
        assert heymilo.parse(text) == json.loads(text)
    else:
        assert heymilo.validate(text).errors[0].code == "invalid_json"


@pytest.mark.parametrize("body", [None, 5, 1.5, ["{}"], {"a": 1}])
def test_other_types_are_refused(body):
    with pytest.raises(TypeError):
        heymilo.validate(body)


def test_a_non_contiguous_buffer_is_refused():
    with pytest.raises((TypeError, BufferError, ValueError)):
        heymilo.validate(memoryview(STARTED)[::2])
