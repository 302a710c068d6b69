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
