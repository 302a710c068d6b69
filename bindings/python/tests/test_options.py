"""The options: event, lenient, max_errors, max_bytes, max_depth, drift."""

import json

import pytest

import heymilo
from conftest import example

STARTED = example("interview_started")


def test_unknown_event_name_is_refused():
    with pytest.raises(ValueError, match="interview_started"):
        heymilo.validate(STARTED, "interview_finished")


def test_events_lists_auto_and_every_document():
    assert heymilo.EVENTS[0] == "auto" and "webhook_list" in heymilo.EVENTS


def test_lenient_needs_only_the_identifiers():
    minimal = {key: value for key, value in json.loads(STARTED).items() if key != "metadata"}
    text = json.dumps(minimal)
    assert not heymilo.validate(text, "interview_started").valid
    assert heymilo.validate(text, "interview_started", lenient=True).valid
    assert "metadata" not in heymilo.parse(text, "interview_started", lenient=True)


def test_max_errors_reports_several_in_order():
    result = heymilo.validate("{}", "interview_started", max_errors=10)
    assert [error.code for error in result.errors] == ["missing_field"] * 4
    assert result.errors[0] == heymilo.validate("{}", "interview_started").errors[0]
    with pytest.raises(heymilo.ValidationError) as raised:
        heymilo.parse("{}", "interview_started", max_errors=2)
    assert len(raised.value.errors) == 2


def test_drift_warns_of_unknown_fields_without_changing_the_verdict():
    text = STARTED.decode().replace("{", '{"new_field": 1, ', 1)
    assert heymilo.validate(text).warnings == []
    result = heymilo.validate(text, drift=True)
    assert result.valid
    assert [(w.code, w.path) for w in result.warnings] == [("unknown_field", "/new_field")]


def test_limits():
    assert heymilo.validate(STARTED, max_bytes=len(STARTED)).valid
    assert heymilo.validate(STARTED, max_bytes=len(STARTED) - 1).errors[0].code == "too_large"
    assert heymilo.validate(STARTED, max_depth=2).errors[0].code == "too_deep"
    assert heymilo.DEFAULT_MAX_BYTES == 64 << 20 and heymilo.DEFAULT_MAX_DEPTH == 1024


@pytest.mark.parametrize("options", [{"max_errors": -1}, {"max_bytes": -5}, {"lenient": "yes"}])
def test_bad_option_values_are_refused(options):
    with pytest.raises(TypeError):
        heymilo.validate(STARTED, **options)


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        heymilo.validate(STARTED, "auto", True)


def test_repr_shows_the_errors():
    assert "missing_field" in repr(heymilo.validate("{}", "interview_started"))
