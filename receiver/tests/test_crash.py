"""Crash: N distinct valid payloads sent concurrently, every 200 recorded, `kill -9` of the
receiver in the middle, a restart on the same store: every payload that got a 200 is stored
exactly once, and sending all N again gives `accepted` exactly for the ones lost before their
commit and `duplicate` for the rest. SQLite and PostgreSQL."""

import json
import threading
from concurrent.futures import ThreadPoolExecutor

from payloads import EVENTS, payload

N = 240
CLIENTS = 16


def _rows_by_key(store):
    rows = {}
    for row in store.inbox():
        rows.setdefault((row["event"], row["interview_id"]), []).append(row)
    return rows


def test_kill_9_loses_no_acknowledged_payload(start_receiver, any_store):
    bodies = [payload(EVENTS[i % 3]) for i in range(N)]
    keys = [(EVENTS[i % 3], json.loads(body)["interview_id"]) for i, body in enumerate(bodies)]
    receiver = start_receiver(store=any_store.uri)
    acknowledged = set()
    lock = threading.Lock()
    killed = threading.Event()

    def deliver(i):
        try:
            response = receiver.post(bodies[i], timeout=10)
        except OSError:
            return  # the receiver died with this request in flight
        if response.status == 200:
            assert response.json()["status"] == "accepted"
            with lock:
                acknowledged.add(i)
                if len(acknowledged) >= N // 3 and not killed.is_set():
                    killed.set()
                    receiver.kill()

    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(deliver, range(N)))
    assert killed.is_set(), "the receiver answered too few requests to be killed mid-way"
    assert len(acknowledged) < N, "every request was answered before the kill"

    restarted = start_receiver(store=any_store.uri)
    stored = _rows_by_key(any_store)
    assert all(len(rows) == 1 for rows in stored.values())
    for i in acknowledged:
        assert keys[i] in stored, f"payload {i} got a 200 but is not in the store after kill -9"
        assert stored[keys[i]][0]["body"] == bodies[i].decode()

    with ThreadPoolExecutor(CLIENTS) as pool:
        answers = list(pool.map(lambda i: restarted.post(bodies[i]).json()["status"], range(N)))
    for i, answer in enumerate(answers):
        assert answer == ("duplicate" if keys[i] in stored else "accepted"), (i, answer)

    final = _rows_by_key(any_store)
    assert sorted(final) == sorted(keys)
    assert all(len(rows) == 1 for rows in final.values())
