"""Two receivers on one PostgreSQL database, the same payloads sent to both at once: each is
stored once (one `accepted`, one `duplicate`), and the --exec handler runs once per row."""

import json
import time
from concurrent.futures import ThreadPoolExecutor

from payloads import EVENTS, payload

PAYLOADS = 60


def test_two_replicas_store_and_handle_each_payload_once(start_receiver, postgres_store, tmp_path):
    runs = tmp_path / "runs.log"
    # One short line per run, appended with O_APPEND: lines of both replicas never mix.
    handler = f'echo "$HEYMILO_EVENT $HEYMILO_INTERVIEW_ID" >> {runs}'
    replicas = [start_receiver("--exec", handler, store=postgres_store.uri) for _ in range(2)]
    bodies = [payload(EVENTS[i % 3]) for i in range(PAYLOADS)]

    def deliver(job):
        i, replica = job
        try:
            return replicas[replica].post(bodies[i]).json()["status"]
        except OSError as error:
            return f"{error!r}; replica exit code {replicas[replica].process.poll()}"

    with ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(deliver, [(i, r) for i in range(PAYLOADS) for r in (0, 1)]))
    for i in range(PAYLOADS):
        assert sorted(answers[2 * i: 2 * i + 2]) == ["accepted", "duplicate"], (i, answers[2 * i: 2 * i + 2])

    rows = postgres_store.inbox()
    assert len(rows) == PAYLOADS
    deadline = time.monotonic() + 60
    while any(row["state"] != "done" for row in rows) and time.monotonic() < deadline:
        time.sleep(0.2)
        rows = postgres_store.inbox()
    assert all(row["state"] == "done" and row["attempts"] == 1 for row in rows), rows
    time.sleep(1)  # a second run, if any, would have started by now
    lines = runs.read_text().splitlines()
    expected = sorted(f"{EVENTS[i % 3]} {json.loads(body)['interview_id']}"
                      for i, body in enumerate(bodies))
    assert sorted(lines) == expected
