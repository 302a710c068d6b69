"""--tls-cert F --tls-key F: the receiver serves HTTPS with a self-signed certificate made by
the `openssl` command here; a client that trusts that certificate gets the same answers as over
plain HTTP, and a plain-HTTP request to the TLS port gets no 200 and does not stop it."""

import http.client
import shutil
import ssl
import subprocess
import time

import pytest

from payloads import interview_id_of, payload, post_invalid
from receiver_process import Response, send


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """(certificate file, key file) for 127.0.0.1 and localhost, valid for a day."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is absent (Debian: openssl)")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                    "-days", "1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key


class TlsClient:
    def __init__(self, receiver, cert):
        self.receiver = receiver
        self.context = ssl.create_default_context(cafile=str(cert))

    def request(self, method, path, body=None, headers=None, timeout=10.0) -> Response:
        connection = http.client.HTTPSConnection("127.0.0.1", self.receiver.port, timeout=timeout,
                                                 context=self.context)
        try:
            return send(connection, method, path, body, headers)
        finally:
            connection.close()

    def post(self, body: bytes) -> Response:
        return self.request("POST", "/webhook/heymilo", body, {"Content-Type": "application/json"})

    def wait_ready(self, timeout=30.0):
        """ReceiverProcess.wait_ready, over HTTPS."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.receiver.alive(), f"the receiver exited:\n{self.receiver.log()}"
            try:
                if self.request("GET", "/healthz", timeout=2).status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"no HTTPS /healthz answer within {timeout} s:\n{self.receiver.log()}")


@pytest.fixture
def tls_receiver(start_receiver, certificate):
    cert, key = certificate
    receiver = start_receiver("--tls-cert", str(cert), "--tls-key", str(key),
                              "--request-timeout", "2", wait=False)
    return TlsClient(receiver, cert).wait_ready()


def test_healthz_over_tls(tls_receiver):
    response = tls_receiver.request("GET", "/healthz")
    assert response.status == 200


def test_valid_payload_over_tls_is_accepted_and_stored(tls_receiver, sqlite_store):
    body = payload("interview_completed")

    response = tls_receiver.post(body)

    assert response.status == 200
    assert response.json() == {"status": "accepted", "event": "interview_completed",
                               "interview_id": interview_id_of(body)}
    assert [row["body"] for row in sqlite_store.inbox()] == [body.decode()]


def test_invalid_payload_over_tls_gets_400_with_the_cli_verdict(tls_receiver, sqlite_store, cli_binary):
    body = payload("interview_completed", workflow_completed="yes")  # a boolean in the docs
    post_invalid(tls_receiver, cli_binary, body)
    assert sqlite_store.inbox() == [] and len(sqlite_store.rejected()) == 1


def test_plain_http_to_the_tls_port_gets_no_200_and_the_receiver_stays_up(tls_receiver, sqlite_store):
    body = payload("interview_started")
    try:
        status = tls_receiver.receiver.post(body, timeout=10).status
    except (OSError, http.client.HTTPException):
        status = None  # closed or answered with TLS bytes: no HTTP response at all
    assert status != 200

    assert tls_receiver.receiver.alive()
    assert tls_receiver.post(payload("interview_started")).status == 200
    assert interview_id_of(body) not in [row["interview_id"] for row in sqlite_store.query(
        "SELECT interview_id FROM inbox")]
