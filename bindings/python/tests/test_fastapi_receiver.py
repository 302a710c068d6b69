"""The FastAPI example served by uvicorn on 127.0.0.1: 200 for the docs' example, 400 with
the errors otherwise."""

import json
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import uvicorn

from conftest import example

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
from fastapi_receiver import app  # noqa: E402


@pytest.fixture(scope="module")
def url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start within 10 s"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}/webhook/heymilo"
    server.should_exit = True
    thread.join(timeout=10)


def post(url, body):
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_valid_payload_is_received(url):
    assert post(url, example("report_available")) == (200, {"received": True})


def test_invalid_payload_gets_400_with_the_errors(url):
    status, body = post(url, b"{}")
    assert status == 400
    assert [error["code"] for error in body["errors"]] == ["unknown_event"]
