"""Slow clients: a request whose headers or body trickle in a byte at a time (each byte well
within any per-read timeout) is dropped at the whole-request deadline, --request-timeout, and
does not hold a worker past it: other clients are served meanwhile."""

import socket
import threading
import time

import pytest

from payloads import payload
from receiver_process import post_head

DEADLINE = 1.5  # --request-timeout, seconds
BYTE_EVERY = 0.1  # the whole request would take 30+ s at this pace


def trickle(port, data: bytes, start_with: bytes = b"", stop: threading.Event = None) -> float:
    """Sends `start_with` at once, then `data` a byte at a time; returns the seconds until the
    server closed the connection (or stop was set, or all was sent: then inf)."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(start_with)
        s.setblocking(False)
        for byte in data:
            if stop is not None and stop.is_set():
                return float("inf")
            try:
                if s.recv(4096) == b"":  # closed (an answer before it, if any, was read)
                    return time.monotonic() - started
            except BlockingIOError:
                pass
            except OSError:
                return time.monotonic() - started
            try:
                s.send(bytes([byte]))
            except OSError:
                return time.monotonic() - started
            time.sleep(BYTE_EVERY)
    return float("inf")


def request_bytes():
    body = payload("interview_started")
    head = post_head(len(body))
    return head, body


@pytest.mark.parametrize("part", ["headers", "body"])
def test_trickled_request_is_dropped_at_the_deadline(start_receiver, sqlite_store, part):
    receiver = start_receiver("--request-timeout", str(DEADLINE))
    head, body = request_bytes()
    if part == "headers":
        seconds = trickle(receiver.port, head + body)
    else:
        seconds = trickle(receiver.port, body, start_with=head)
    # Dropped by the deadline (with room for a loaded machine), not after the 30 s it would take.
    assert DEADLINE * 0.9 <= seconds <= DEADLINE + 3, seconds
    assert sqlite_store.inbox() == []


def test_slow_clients_do_not_hold_the_workers(start_receiver, sqlite_store):
    receiver = start_receiver("--request-timeout", str(DEADLINE), "--threads", "1")
    head, body = request_bytes()
    stop = threading.Event()
    slow = [threading.Thread(target=trickle, args=(receiver.port, head + body, b"", stop))
            for _ in range(8)]
    for thread in slow:
        thread.start()
    try:
        time.sleep(0.3)  # all eight are trickling
        started = time.monotonic()
        response = receiver.post(payload("interview_started"), timeout=10)
        served_in = time.monotonic() - started
    finally:
        stop.set()
        for thread in slow:
            thread.join(10)
    assert response.status == 200
    assert served_in < DEADLINE, f"served after {served_in:.2f} s, behind the slow clients"
