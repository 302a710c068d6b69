"""Every row of issue #16's HTTP behaviour table, one or more tests each, against the running
binary: accepted, duplicate, invalid, --reject-status, 413, 415, 401, 405/404, GET on the
path, /healthz, /metrics, rule 11, the log line."""

import json
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import metrics_text as m
from payloads import EVENTS, example, new_id, payload, post_invalid, validate_json
from receiver_process import post_head

PATH = "/webhook/heymilo"


def accepted_body(event, interview_id):
    return {"status": "accepted", "event": event, "interview_id": interview_id}


# --- 200 accepted, after the commit -----------------------------------------------------------

@pytest.mark.parametrize("event", EVENTS)
def test_valid_payload_is_accepted_and_stored(start_receiver, any_store, event):
    receiver = start_receiver(store=any_store.uri)
    body = payload(event)
    interview_id = json.loads(body)["interview_id"]

    response = receiver.post(body)

    assert response.status == 200, response.body
    assert response.json() == accepted_body(event, interview_id)
    assert response.headers["content-type"].startswith("application/json")
    # Answered after the commit: another connection reads the row at once.
    [row] = any_store.inbox()
    assert (row["event"], row["interview_id"], row["posting_id"]) == (
        event, interview_id, example(event)["posting_id"])
    assert row["body"] == body.decode()
    assert row["state"] == "pending" and row["attempts"] == 0
    assert any_store.rejected() == []


def test_the_three_events_of_one_interview_are_three_rows(start_receiver, sqlite_store):
    receiver = start_receiver()
    interview_id = new_id()
    for event in EVENTS:
        assert receiver.post(payload(event, interview_id)).json() == accepted_body(event, interview_id)
    assert sorted(row["event"] for row in sqlite_store.inbox()) == sorted(EVENTS)


# --- 200 duplicate ---------------------------------------------------------------------------

def test_same_event_and_interview_id_is_a_duplicate_whatever_the_body(start_receiver, any_store):
    receiver = start_receiver(store=any_store.uri)
    interview_id = new_id()
    first = payload("interview_started", interview_id)
    differing = payload("interview_started", interview_id, posting_id="ANOTHER")
    assert receiver.post(first).json()["status"] == "accepted"

    same = receiver.post(first)
    other = receiver.post(differing)

    for response in (same, other):
        assert response.status == 200
        assert response.json() == {"status": "duplicate", "event": "interview_started",
                                   "interview_id": interview_id}
    [row] = any_store.inbox()
    assert row["body"] == first.decode()  # nothing stored again, the first copy kept
    metrics = m.Metrics(receiver.metrics())
    assert metrics.value(m.DUPLICATES) == 2
    assert metrics.value(m.DUPLICATES_DIFFERING) == 1
    records = [r for r in receiver.log_records() if r.get("outcome") == "duplicate"]
    assert [bool(r.get("body_differs")) for r in records] == [False, True]


def test_concurrent_copies_one_accepted_and_duplicates_only_after_the_commit(start_receiver, any_store):
    copies = 16
    receiver = start_receiver(store=any_store.uri)
    body = payload("report_available")

    def deliver(_):
        response = receiver.post(body)
        # A duplicate may only be answered once the first copy is committed: it is in the
        # store by the time the answer arrives.
        stored = len(any_store.inbox()) if response.json()["status"] == "duplicate" else None
        return response.status, response.json()["status"], stored

    with ThreadPoolExecutor(copies) as pool:
        results = list(pool.map(deliver, range(copies)))

    assert all(status == 200 for status, _, _ in results)
    assert sorted(kind for _, kind, _ in results) == ["accepted"] + ["duplicate"] * (copies - 1)
    assert all(stored == 1 for _, kind, stored in results if kind == "duplicate")
    assert len(any_store.inbox()) == 1


# --- invalid: stored as rejected, then --reject-status with `heymilo validate --json`'s object -

INVALID = {
    "missing_field": lambda: payload("interview_started", metadata={"candidate_name": "A"}),
    "wrong_type": lambda: payload("interview_completed", workflow_completed="yes"),
    "out_of_range": lambda: json.dumps(_with_match_score(101)).encode(),
    "duplicate_key": lambda: b'{"interview_id":"a","interview_id":"b","posting_id":"p",'
                             b'"timestamp":1,"metadata":{}}',
    "invalid_json": lambda: b'{"interview_id": "A1", "posting_id": ',
    "unknown_event": lambda: b'{"interview_id":"A1","posting_id":"P","timestamp":1}',
    "not_an_object": lambda: b"[1,2,3]",
    "empty_body": lambda: b"",
    "too_deep": lambda: b'{"interview_id":"a","metadata":' + b"[" * 2000 + b"]" * 2000 + b"}",
}


def _with_match_score(score):
    report = example("report_available")
    report["interview_id"] = new_id()
    report["agentic_data"]["web_interview_info"]["summary"]["match_score"] = score
    return report


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_payload_is_stored_as_rejected_and_answered_400_with_the_cli_object(
        start_receiver, any_store, cli_binary, case):
    receiver = start_receiver(store=any_store.uri)
    body = INVALID[case]()
    expected = post_invalid(receiver, cli_binary, body)
    assert any_store.inbox() == []
    [row] = any_store.rejected()
    error = expected["errors"][0]
    assert (row["error_code"], row["error_path"], row["error_offset"], row["error_message"]) == (
        error["code"], error["path"], error["offset"], error["message"])
    assert row["event"] == expected["event"]
    assert row["body"] == body


def _three_violations():
    report = _with_match_score(101)
    report["posting_id"] = 7
    report["agentic_data"]["web_interview_info"]["scorecard"]["questions"][0]["question"] = []
    return json.dumps(report).encode()


_QUESTIONS = "/agentic_data/web_interview_info/scorecard/questions"


def _with_unknown_fields(question):
    """A valid report with two unknown fields: one at the root, one in a scorecard question."""
    report = example("report_available")
    report["interview_id"] = new_id()
    report["new_root_field"] = 1
    report["agentic_data"]["web_interview_info"]["scorecard"]["questions"][question]["mood"] = "ok"
    return json.dumps(report).encode()


def test_drift_and_max_errors_keep_every_error_and_count_unknown_fields(
        start_receiver, any_store, cli_binary):
    receiver = start_receiver("--drift", "--max-errors", "5", store=any_store.uri)
    invalid = _three_violations()
    expected = validate_json(cli_binary, invalid, max_errors=5)
    assert len(expected["errors"]) == 3

    response = receiver.post(invalid)

    assert response.status == 400
    answer = response.json()
    answer.pop("input", None)
    assert answer == expected  # every error, and no "warnings": the CLI's object without --drift
    [row] = any_store.rejected()
    report = json.loads(row["report"])
    report.pop("input", None)
    assert report == expected
    assert (row["error_code"], row["error_path"]) == (
        expected["errors"][0]["code"], expected["errors"][0]["path"])

    for question in (0, 1):  # the same pattern twice, through different array indices
        assert receiver.post(_with_unknown_fields(question)).json()["status"] == "accepted"

    metrics = m.Metrics(receiver.metrics())
    assert metrics.value(m.UNKNOWN_FIELDS, path="/new_root_field") == 2
    assert metrics.value(m.UNKNOWN_FIELDS, path=_QUESTIONS + "/*/mood") == 2
    assert metrics.types[m.UNKNOWN_FIELDS] == "counter"
    deadline = time.monotonic() + 5
    while True:
        accepted = [r for r in receiver.log_records() if r.get("outcome") == "accepted"]
        if len(accepted) >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    # In document order: the root's new field is its last key.
    assert [r["warnings"] for r in accepted] == [
        [{"code": "unknown_field", "path": f"{_QUESTIONS}/{question}/mood"},
         {"code": "unknown_field", "path": "/new_root_field"}]
        for question in (0, 1)]
    [rejected] = [r for r in receiver.log_records() if r.get("outcome") == "rejected"]
    assert rejected["errors"] == 3


def test_lenient_accepts_what_strict_rejects_as_the_cli_does(start_receiver, tmp_path, cli_binary):
    body = payload("interview_started", metadata={"candidate_name": "A"})  # fields missing
    strict = start_receiver(store=f"sqlite:{tmp_path / 'strict.db'}")
    lenient = start_receiver("--lenient", store=f"sqlite:{tmp_path / 'lenient.db'}")
    assert validate_json(cli_binary, body, lenient=True)["valid"] is True
    assert strict.post(body).status == 400
    assert lenient.post(body).json()["status"] == "accepted"


def test_reject_status_200_acknowledges_an_invalid_payload(start_receiver, sqlite_store, cli_binary):
    receiver = start_receiver("--reject-status", "200")
    body = INVALID["out_of_range"]()

    response = receiver.post(body)

    assert response.status == 200
    answer = response.json()
    answer.pop("input", None)
    assert answer == validate_json(cli_binary, body)
    assert len(sqlite_store.rejected()) == 1 and sqlite_store.inbox() == []


def test_rejected_table_is_capped_oldest_dropped_first(start_receiver, sqlite_store):
    receiver = start_receiver("--rejected-max-bytes", "8192")
    bodies = [b'{"unknown":"%s","pad":"%s"}' % (str(i).encode(), b"x" * 1000) for i in range(30)]
    for body in bodies:
        assert receiver.post(body).status == 400
    kept = [row["body"] for row in sqlite_store.rejected()]
    assert 0 < len(kept) < len(bodies)
    assert sum(map(len, kept)) <= 8192
    assert kept == bodies[-len(kept):]  # the newest, in order


# --- 413, 415, 401, 405, 404 -----------------------------------------------------------------

def raw_exchange(port, head: bytes, body: bytes = b"", timeout=10.0) -> bytes:
    """Sends `head` and `body` on a new connection and returns what the server sends before
    closing (or until the timeout)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(head + body)
        received = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                received += chunk
                if b"\r\n\r\n" in received and _complete(received):
                    break
        except socket.timeout:
            pass
        return received


def _complete(response: bytes) -> bool:
    head, _, body = response.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def status_of(response: bytes) -> int:
    assert response.startswith(b"HTTP/1."), response[:200]
    return int(response.split(b" ", 2)[1])


def test_body_over_max_bytes_is_413_with_the_rest_never_sent(start_receiver, sqlite_store):
    receiver = start_receiver("--max-bytes", "1024")
    assert receiver.post(payload("interview_started")).status == 200  # 322 bytes fit
    big = payload("report_available")
    assert receiver.post(big).status == 413

    # Content-Length of 100 MB announced, 10 bytes sent: the answer comes without the body.
    head = post_head(100 << 20)
    assert status_of(raw_exchange(receiver.port, head, b'{"a":"0123')) == 413
    assert len(sqlite_store.inbox()) == 1 and sqlite_store.rejected() == []


def test_chunked_body_over_max_bytes_is_413(start_receiver):
    receiver = start_receiver("--max-bytes", "1024")
    head = post_head()
    chunk = b"400\r\n" + b" " * 1024 + b"\r\n"
    assert status_of(raw_exchange(receiver.port, head, chunk * 3)) == 413


@pytest.mark.parametrize("content_type,status", [
    ("application/json", 200),
    ("application/json; charset=utf-8", 200),
    ("Application/JSON", 200),  # media types are case-insensitive (RFC 9110 8.3.1)
    ("text/plain", 415),
    ("application/x-www-form-urlencoded", 415),
    ("application/jsonx", 415),
    (None, 415),
])
def test_content_type_must_be_application_json(start_receiver, sqlite_store, content_type, status):
    receiver = start_receiver()
    response = receiver.post(payload("interview_started"), content_type=content_type)
    assert response.status == status
    assert len(sqlite_store.inbox()) == (1 if status == 200 else 0)


@pytest.mark.parametrize("query,status", [
    ("", 401), ("?token=wrong", 401), ("?token=s3cre", 401), ("?token=s3cret0", 401),
    ("?token=", 401), ("?token=s3cret", 200), ("?other=1&token=s3cret", 200),
])
def test_secret_env_requires_the_token(start_receiver, sqlite_store, query, status):
    receiver = start_receiver("--secret-env", "HEYMILO_TEST_TOKEN", env={"HEYMILO_TEST_TOKEN": "s3cret"})
    response = receiver.post(payload("interview_started"), path=PATH + query)
    assert response.status == status
    # An invalid payload with a bad token is 401 too, and never stored.
    invalid = receiver.post(b"[1]", path=PATH + query)
    assert invalid.status == (401 if status == 401 else 400)
    assert len(sqlite_store.inbox()) == (1 if status == 200 else 0)
    assert len(sqlite_store.rejected()) == (0 if status == 401 else 1)


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_on_the_path_are_405(start_receiver, method):
    receiver = start_receiver()
    response = receiver.request(method, PATH, payload("interview_started"),
                                {"Content-Type": "application/json"})
    assert response.status == 405
    assert "POST" in response.headers.get("allow", "")


def test_get_on_the_path_is_405_saying_to_register_with_post(start_receiver, sqlite_store):
    receiver = start_receiver()
    response = receiver.request("GET", PATH + "?interview_id=A1")
    assert response.status == 405
    assert "post" in response.body.decode().lower()
    assert sqlite_store.inbox() == [] and sqlite_store.rejected() == []


@pytest.mark.parametrize("method,path", [
    ("POST", "/webhook/other"), ("POST", "/"), ("GET", "/nothing"), ("POST", PATH + "/x"),
])
def test_other_paths_are_404(start_receiver, method, path):
    receiver = start_receiver()
    assert receiver.request(method, path, payload("interview_started"),
                            {"Content-Type": "application/json"}).status == 404


def test_path_flag_moves_the_webhook(start_receiver):
    receiver = start_receiver("--path", "/hooks/hm")
    assert receiver.post(payload("interview_started"), path="/hooks/hm").status == 200
    assert receiver.post(payload("interview_started")).status == 404


# --- /healthz and /metrics -------------------------------------------------------------------

def test_healthz_is_503_when_the_sqlite_store_is_gone(start_receiver, tmp_path):
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    receiver = start_receiver(store=f"sqlite:{store_dir / 'inbox.db'}")
    assert receiver.request("GET", "/healthz").status == 200
    for file in store_dir.iterdir():
        file.unlink()
    store_dir.rmdir()
    assert receiver.request("GET", "/healthz").status == 503


def test_healthz_follows_postgresql_down_and_up(start_receiver, postgres_store, postgres_cluster):
    receiver = start_receiver(store=postgres_store.uri)
    assert receiver.request("GET", "/healthz").status == 200
    postgres_cluster.stop_server()
    try:
        assert receiver.request("GET", "/healthz").status == 503
        # A webhook that cannot be stored is not acknowledged.
        assert receiver.post(payload("interview_started")).status >= 500
    finally:
        postgres_cluster.start_server()
    deadline = time.monotonic() + 20
    while receiver.request("GET", "/healthz").status != 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert receiver.request("GET", "/healthz").status == 200
    assert receiver.post(payload("interview_started")).status == 200


def test_metrics_count_requests_errors_duplicates_and_latency(start_receiver):
    receiver = start_receiver()
    started = payload("interview_started")
    receiver.post(started)
    receiver.post(started)
    receiver.post(payload("interview_completed"))
    receiver.post(INVALID["out_of_range"]())
    receiver.post(INVALID["invalid_json"]())
    receiver.post(payload("interview_started"), content_type="text/plain")

    response = receiver.request("GET", "/metrics")

    assert response.status == 200
    assert response.headers["content-type"].startswith("text/plain")
    metrics = m.Metrics(response.body.decode())
    assert metrics.value(m.REQUESTS, event="interview_started", outcome="accepted") == 1
    assert metrics.value(m.REQUESTS, event="interview_started", outcome="duplicate") == 1
    assert metrics.value(m.REQUESTS, event="interview_completed", outcome="accepted") == 1
    assert metrics.value(m.REQUESTS, event="report_available", outcome="rejected") == 1
    assert metrics.value(m.ERRORS, code="out_of_range") == 1
    assert metrics.value(m.ERRORS, code="invalid_json") == 1
    assert metrics.value(m.ERRORS) == 2
    assert metrics.value(m.DUPLICATES) == 1
    assert metrics.has(m.HANDLER_RUNS) and metrics.has(m.HANDLER_FAILURES)
    assert metrics.types[m.LATENCY] == "histogram"
    count = metrics.value(m.LATENCY + "_count")
    assert count >= 6
    assert metrics.value(m.LATENCY + "_bucket", le="+Inf") == count
    buckets = [v for name, labels, v in metrics.samples if name == m.LATENCY + "_bucket"]
    assert buckets == sorted(buckets)  # cumulative
    assert metrics.value(m.LATENCY + "_sum") > 0


# --- rule 11 and the log ---------------------------------------------------------------------

def _reordered(event, deciding_last):
    document = example(event)
    document["interview_id"] = new_id()
    keys = sorted(document, key=lambda k: (k in ("metadata", "report_url", "agentic_data",
                                                 "interview_data_model", "workflow_completed",
                                                 "completion_timestamp",
                                                 "parent_conversation_id")) == deciding_last)
    return json.dumps({k: document[k] for k in keys}).encode()


@pytest.mark.parametrize("deciding_last", [False, True])
@pytest.mark.parametrize("event", EVENTS)
def test_rule_11_tells_the_events_apart_in_any_key_order(start_receiver, sqlite_store, event,
                                                         deciding_last):
    receiver = start_receiver()
    body = _reordered(event, deciding_last)
    assert receiver.post(body).json()["event"] == event
    assert sqlite_store.inbox()[0]["event"] == event


def test_one_json_log_line_per_request(start_receiver):
    receiver = start_receiver()
    started = payload("interview_started")
    interview_id = json.loads(started)["interview_id"]
    receiver.post(started)
    receiver.post(started)
    receiver.post(INVALID["out_of_range"]())
    receiver.request("POST", "/elsewhere", b"{}", {"Content-Type": "application/json"})
    receiver.post(started, content_type="text/plain")

    # Without start_receiver's /healthz probes; a line may follow its answer by a moment.
    deadline = time.monotonic() + 5
    while True:
        records = [r for r in receiver.log_records() if r.get("outcome", "health") != "health"]
        if len(records) >= 5 or time.monotonic() > deadline:
            break
        time.sleep(0.05)

    assert [r["outcome"] for r in records] == [
        "accepted", "duplicate", "rejected", "not_found", "unsupported_media_type"]
    for record in records:
        for key in ("time", "event", "interview_id", "outcome", "error_code", "error_path",
                    "latency_ms"):
            assert key in record, (key, record)
        assert record["latency_ms"] >= 0
    assert (records[0]["event"], records[0]["interview_id"]) == ("interview_started", interview_id)
    rejected = records[2]
    assert (rejected["event"], rejected["error_code"], rejected["error_path"]) == (
        "report_available", "out_of_range", "/agentic_data/web_interview_info/summary/match_score")
