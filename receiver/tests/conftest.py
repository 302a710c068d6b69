"""Fixtures of the black-box tests of heymilo-receiver: each test starts its own receiver on a
free 127.0.0.1 port with a store in a temporary folder, and stops it. PostgreSQL tests share a
throwaway cluster per test session (postgres_cluster.py). Run with Debian's interpreter:

    HEYMILO_RECEIVER=build/receiver/heymilo-receiver HEYMILO_CLI=build/tools/heymilo \\
        /usr/bin/python3 -m pytest receiver/tests
"""

import os
import shutil
from pathlib import Path

import pytest

from postgres_cluster import PostgresCluster, postgres_binaries_missing
from receiver_process import ReceiverProcess
from stores import PostgresStore, SqliteStore

REPO = Path(__file__).resolve().parents[2]


def _binary(variable: str, default: str) -> Path:
    path = Path(os.environ.get(variable, REPO / default))
    if not os.access(path, os.X_OK):
        pytest.exit(f"{path} is not an executable: build it or set {variable}", returncode=2)
    return path


@pytest.fixture(scope="session")
def receiver_binary() -> Path:
    return _binary("HEYMILO_RECEIVER", "build/receiver/heymilo-receiver")


@pytest.fixture(scope="session")
def cli_binary() -> Path:
    return _binary("HEYMILO_CLI", "build/tools/heymilo")


@pytest.fixture
def start_receiver(receiver_binary, tmp_path):
    """start_receiver(*flags, store=URI or None, env={}, wrapper=[command prefix]) -> a running
    ReceiverProcess; every one still running at the end of the test is stopped (SIGKILL after
    10 s)."""
    started = []

    def start(*flags, store=None, env=None, wait=True, wrapper=()):
        store = store or f"sqlite:{tmp_path / 'inbox.db'}"
        process = ReceiverProcess(receiver_binary, flags, store, env or {},
                                  tmp_path / f"receiver-{len(started)}.log", wrapper)
        started.append(process)
        if wait:
            process.wait_ready()
        return process

    yield start
    # Whatever a test left running must still exit 0 on SIGTERM (a hang or crash shows here).
    exits = [(process, process.ensure_stopped()) for process in started if process.alive()]
    bad = [(process, code) for process, code in exits if code != 0]
    if bad:
        # The end of each one's log: a sanitizer's report or the error it stopped on.
        tails = "\n".join(f"--- {process.log_path.name}:\n" +
                          process.log_path.read_text(errors="replace")[-4000:]
                          for process, _ in bad)
        pytest.fail(f"receivers that did not exit 0 on SIGTERM within 10 s (exit code, or None "
                    f"when killed): {[(p.log_path.name, code) for p, code in bad]}\n{tails}")


@pytest.fixture
def sqlite_store(tmp_path) -> SqliteStore:
    return SqliteStore(tmp_path / "inbox.db")


@pytest.fixture(scope="session")
def postgres_cluster():
    missing = postgres_binaries_missing()
    if missing:
        pytest.skip(f"PostgreSQL server binaries are absent ({missing}): apt-get install postgresql")
    cluster = PostgresCluster()
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_store(postgres_cluster, request) -> PostgresStore:
    """A fresh database of the session's cluster, named after the test."""
    return PostgresStore(postgres_cluster, postgres_cluster.create_database(request.node.name))


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path):
    """Each test that takes it runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return SqliteStore(tmp_path / "inbox.db")
    return request.getfixturevalue("postgres_store")


def pytest_report_header():
    return f"strace: {shutil.which('strace') or 'absent'}"
