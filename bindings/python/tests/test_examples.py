"""The docs' examples (tests/data/): valid, read as their document, parsed as `heymilo extract`
prints them."""

import json

import pytest

import heymilo
from conftest import DOCUMENTS, EVENTS, EXAMPLES, example


@pytest.mark.parametrize("document", DOCUMENTS)
def test_example_is_valid_as_its_document(document):
    result = heymilo.validate(example(document), document)
    assert result.valid and result
    assert result.event == document
    assert result.errors == [] and result.warnings == []


@pytest.mark.parametrize("event", EVENTS)
def test_event_is_detected(event):
    assert heymilo.validate(example(event)).event == event


@pytest.mark.parametrize("document", DOCUMENTS)
def test_parse_equals_extract(document, cli):
    code, out = cli("extract", "--event", document, EXAMPLES / f"{document}.json")
    assert code == 0
    assert heymilo.parse(example(document), document) == json.loads(out)


def test_parse_types_follow_the_declaration():
    report = heymilo.parse(example("report_available"))
    summary = report["agentic_data"]["web_interview_info"]["summary"]
    assert type(summary["match_score"]) is int  # an integer field
    assert type(report["timestamp"]) is float  # a number field
    assert isinstance(report["metadata"]["candidate_name"], str)


def test_webhook_list_is_a_list():
    webhooks = heymilo.parse(example("webhook_list"), "webhook_list")
    assert isinstance(webhooks, list) and webhooks
    assert all(isinstance(webhook["is_active"], bool) for webhook in webhooks)
