"""SIGTERM/SIGINT: stop accepting, finish the requests in flight, close the store, exit 0."""

import json
import signal
import socket
import time

import pytest

from payloads import payload
from receiver_process import post_head


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_signal_finishes_the_request_in_flight_and_exits_0(start_receiver, any_store, number):
    receiver = start_receiver(store=any_store.uri)
    body = payload("interview_started")
    head = post_head(len(body))
    with socket.create_connection(("127.0.0.1", receiver.port), timeout=10) as s:
        s.sendall(head + body[:100])  # in flight: half a body
        time.sleep(0.2)
        receiver.send_signal(number)
        time.sleep(0.5)
        # No longer accepting: a new connection is refused or closed unanswered.
        try:
            with socket.create_connection(("127.0.0.1", receiver.port), timeout=2) as other:
                other.sendall(head + body)
                assert not other.recv(100).startswith(b"HTTP/1.1 200")
        except OSError:
            pass
        s.sendall(body[100:])
        answer = s.recv(65536)

    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["status"] == "accepted"
    assert receiver.process.wait(15) == 0
    [row] = any_store.inbox()
    assert row["body"] == body.decode()


def test_a_stalled_request_holds_the_stop_only_until_its_deadline(start_receiver, any_store):
    # A client that sends half a request and then nothing cannot keep the receiver running:
    # the stop waits for requests in flight only until their --request-timeout deadline.
    receiver = start_receiver("--request-timeout", "2", store=any_store.uri)
    body = payload("interview_started")
    with socket.create_connection(("127.0.0.1", receiver.port), timeout=10) as s:
        s.sendall(post_head(len(body)) + body[:100])
        time.sleep(0.2)
        receiver.send_signal(signal.SIGTERM)
        started = time.monotonic()
        assert receiver.process.wait(8) == 0  # the default deadline, 10 s, would not exit
        assert time.monotonic() - started >= 1.5  # it did wait for the request in flight
    assert any_store.inbox() == []
