"""Every error code (bindings/tests/error_cases.json, shared with the Node tests), through
validate and parse, and equal to what `heymilo validate --json` reports."""

import json

import pytest

import heymilo
from conftest import ERROR_CASES, case_input

CLI_FLAGS = {"event": "--event", "max_bytes": "--max-bytes", "max_depth": "--max-depth"}


def test_every_error_code_has_a_case():
    codes = {case["code"] for case in ERROR_CASES}
    assert codes == {"invalid_json", "too_deep", "too_large", "wrong_type", "missing_field",
                     "duplicate_key", "out_of_range", "invalid_value", "unknown_event"}


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda case: case["name"])
def test_validate_reports_the_error(case):
    result = heymilo.validate(case_input(case), **case.get("options", {}))
    assert not result.valid and not result
    assert result.event == case["event"]
    assert len(result.errors) == 1
    error = result.errors[0]
    assert (error.code, error.path) == (case["code"], case["path"])
    assert isinstance(error.offset, int) and error.message


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda case: case["name"])
def test_parse_raises_validation_error(case):
    with pytest.raises(heymilo.ValidationError) as raised:
        heymilo.parse(case_input(case), **case.get("options", {}))
    assert isinstance(raised.value, ValueError)
    assert [error.code for error in raised.value.errors] == [case["code"]]
    assert case["code"] in str(raised.value)


# Extra inputs for the all-errors comparison: several errors, and an unknown field.
SEVERAL = [
    {"name": "four_missing", "text": "{}", "options": {"event": "interview_started"}},
    {"name": "unknown_and_wrong", "example": "interview_started",
     "prefix": "\"surprise\": [1], \"posting_id\": 7, \"timestamp\": \"now\","},
]
ALL_ERRORS = {"flags": ["--max-errors", 100, "--drift"], "options": {"max_errors": 100, "drift": True}}
DEFAULT = {"flags": [], "options": {}}


@pytest.mark.parametrize("mode", [DEFAULT, ALL_ERRORS], ids=["default", "all_errors_drift"])
@pytest.mark.parametrize("case", ERROR_CASES + SEVERAL, ids=lambda case: case["name"])
def test_errors_equal_the_cli(case, mode, cli, tmp_path):
    options = case.get("options", {})
    path = tmp_path / "case.json"
    path.write_text(case_input(case))
    flags = [item for key, value in options.items() for item in (CLI_FLAGS[key], value)]
    code, out = cli("validate", "--json", *flags, *mode["flags"], path)
    assert code == 1
    expected = json.loads(out)
    result = heymilo.validate(path.read_bytes(), **options, **mode["options"])
    assert result.event == expected["event"]
    assert [vars_of(error) for error in result.errors] == expected["errors"]
    assert [vars_of(warning) for warning in result.warnings] == expected.get("warnings", [])
    if mode is ALL_ERRORS and case["name"] == "unknown_and_wrong":
        assert len(result.errors) >= 2 and len(result.warnings) == 1


def vars_of(error):
    return {"code": error.code, "path": error.path, "offset": error.offset, "message": error.message}
