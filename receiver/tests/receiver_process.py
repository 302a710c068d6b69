"""One heymilo-receiver process under test, and a small HTTP client for it (http.client, one
connection per request unless a test holds one itself)."""

import http.client
import json
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


def sanitizer_environment(traced: bool) -> dict:
    """Under AddressSanitizer (fuzz/ci.sh sets ASAN_OPTIONS), a small quarantine: ASan keeps
    freed blocks resident, which would count against the memory bounds the tests measure.
    Under strace (`traced`), no leak check: LeakSanitizer cannot run under ptrace and fails
    the exit code."""
    options = os.environ.get("ASAN_OPTIONS")
    if options is None:
        return {}
    if "quarantine_size_mb" not in options:
        options += ":quarantine_size_mb=1"
    if traced:
        options += ":detect_leaks=0"
    return {"ASAN_OPTIONS": options}


class ReceiverProcess:
    def __init__(self, binary, flags, store, env, log_path, wrapper=()):
        self.port = free_port()
        self.log_path = log_path
        command = [*wrapper, str(binary), "--listen", f"127.0.0.1:{self.port}",
                   "--store", store, *flags]
        with open(log_path, "ab") as log:
            self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=log, env={**os.environ, **sanitizer_environment(bool(wrapper)), **env})
        self.wrapped = bool(wrapper)
        self._pid = None if wrapper else self.process.pid

    # --- life cycle ---------------------------------------------------------------------------

    def wait_ready(self, timeout=30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the receiver exited with {self.process.returncode}:\n{self.log()}")
            try:
                if self.request("GET", "/healthz", timeout=2).status == 200:
                    self.pid  # noqa: B018 - resolved while the wrapper's child surely runs
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"the receiver did not answer /healthz within {timeout} s:\n{self.log()}")

    @property
    def pid(self) -> int:
        """The receiver's own pid, also when it runs under a wrapper such as strace."""
        if self._pid is None:
            with open(f"/proc/{self.process.pid}/task/{self.process.pid}/children") as children:
                self._pid = int(children.read().split()[0])
        return self._pid

    def pid_alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
            return True
        except ProcessLookupError:
            return False

    def send_signal(self, number):
        os.kill(self.pid, number)

    def stop(self, number=signal.SIGTERM, timeout=15.0) -> int:
        """Sends the signal and returns the exit code."""
        self.send_signal(number)
        return self.process.wait(timeout)

    def kill(self):
        self.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def ensure_stopped(self):
        """SIGTERM, then SIGKILL after 10 s; returns the exit code, or None when killed."""
        if self.process.poll() is not None:
            return self.process.returncode
        try:
            return self.stop(timeout=10)
        except (subprocess.TimeoutExpired, ProcessLookupError, FileNotFoundError, IndexError):
            self.process.kill()
            self.process.wait(10)
            return None

    def alive(self) -> bool:
        return self.process.poll() is None

    # --- what it wrote ------------------------------------------------------------------------

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def log_records(self) -> list:
        """The JSON objects among its stderr lines (one per request)."""
        records = []
        for line in self.log().splitlines():
            if line.startswith("{"):
                try:
                    records.append(json.loads(line))
                except ValueError:
                    pass
        return records

    # --- HTTP ---------------------------------------------------------------------------------

    def connection(self, timeout=30.0) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=30.0) -> Response:
        connection = self.connection(timeout)
        try:
            return send(connection, method, path, body, headers)
        finally:
            connection.close()

    def post(self, body, content_type="application/json", path="/webhook/heymilo",
             headers=None, timeout=30.0) -> Response:
        if isinstance(body, str):
            body = body.encode()
        all_headers = {"Content-Type": content_type} if content_type else {}
        all_headers.update(headers or {})
        return self.request("POST", path, body, all_headers, timeout)

    def metrics(self) -> str:
        return self.request("GET", "/metrics").body.decode()


def wait_for(condition, timeout=30.0, what="the condition", receiver=None):
    """The first truthy value of condition(), polled every 50 ms until the timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    state = "" if receiver is None else f" (receiver exit code: {receiver.process.poll()})"
    raise AssertionError(f"timed out after {timeout} s waiting for {what}{state}")


def post_head(length: int = None, path="/webhook/heymilo") -> bytes:
    """The head of a raw JSON POST: with Content-Length `length`, or chunked when None."""
    framing = "Transfer-Encoding: chunked" if length is None else f"Content-Length: {length}"
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"{framing}\r\n\r\n").encode()


def send(connection, method, path, body=None, headers=None) -> Response:
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return Response(response.status, {k.lower(): v for k, v in response.getheaders()},
                    response.read())
