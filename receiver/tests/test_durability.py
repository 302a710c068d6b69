"""Durable before 200: under strace, every `accepted` response is written after the store
wrote the row (a write whose bytes hold its interview_id) and then synced that file
(fdatasync/fsync). Requests go one at a time and then many at once (group commit).

SQLite: in WAL mode only synchronous=FULL (or EXTRA) syncs the WAL at each commit; NORMAL
syncs at checkpoints, so these tests fail under it. PostgreSQL: the receiver's backends and
the WAL writer are traced with it; with synchronous_commit=off the WAL is flushed later, after
the answer."""

import json
import shutil
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from payloads import payload
from strace_log import read_calls

pytestmark = pytest.mark.skipif(shutil.which("strace") is None, reason="strace is absent")

SYSCALLS = "fdatasync,fsync,write,pwrite64,writev,pwritev,sendto,sendmsg"


def strace_command(log, attach=()):
    command = ["strace", "-f", "-ttt", "-T", "-y", "-s", "65536", "-e", f"trace={SYSCALLS}",
               "-o", str(log)]
    for pid in attach:
        command += ["-p", str(pid)]
    return command


def send_and_collect(receiver, sequential=12, concurrent=24):
    """Posts `sequential` payloads one by one, then `concurrent` at once; returns the ids."""
    ids = []

    def deliver(_):
        body = payload("interview_started")
        response = receiver.post(body)
        assert response.status == 200 and response.json()["status"] == "accepted", response.body
        return json.loads(body)["interview_id"]

    ids += [deliver(i) for i in range(sequential)]
    with ThreadPoolExecutor(concurrent) as pool:
        ids += list(pool.map(deliver, range(concurrent)))
    return ids


def assert_each_answer_follows_the_sync_of_its_row(calls, ids, is_store_file):
    syncs = [c for c in calls if c.name in ("fdatasync", "fsync") and is_store_file(c.fd_path())]
    store_writes = [c for c in calls if c.name.startswith(("write", "pwrite")) and is_store_file(c.fd_path())]
    answers = [c for c in calls if c.name in ("write", "writev", "sendto", "sendmsg")
               and '\\"status\\":\\"accepted\\"' in c.text]
    assert syncs, "no fdatasync/fsync of the store was traced"
    for interview_id in ids:
        [answer] = [c for c in answers if interview_id in c.text]
        row_written = min((c.end for c in store_writes if interview_id in c.text), default=None)
        assert row_written is not None, f"{interview_id}: no write of the store holds it"
        assert row_written < answer.start, f"{interview_id}: answered before its row was written"
        assert any(row_written <= sync.start and sync.end <= answer.start for sync in syncs), (
            f"{interview_id}: no sync of the store between its row's write ({row_written:.6f}) "
            f"and its answer ({answer.start:.6f})")


def test_sqlite_answers_after_the_wal_sync(start_receiver, sqlite_store, tmp_path):
    log = tmp_path / "strace.log"
    receiver = start_receiver(wrapper=strace_command(log))

    ids = send_and_collect(receiver)
    assert receiver.stop() == 0

    assert sqlite_store.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
    store = str(sqlite_store.path)
    assert_each_answer_follows_the_sync_of_its_row(
        read_calls(log), ids, lambda path: path == store + "-wal")


def _children(pid):
    with open(f"/proc/{pid}/task/{pid}/children") as children:
        return [int(child) for child in children.read().split()]


def test_postgresql_answers_after_the_wal_flush(start_receiver, postgres_store, postgres_cluster,
                                                tmp_path):
    assert postgres_store.query("SELECT current_setting('synchronous_commit') AS s")[0]["s"] == "on"
    assert postgres_store.query("SELECT current_setting('fsync') AS s")[0]["s"] == "on"
    log = tmp_path / "strace.log"
    postmaster = postgres_cluster.postmaster_pid()
    # The postmaster (it forks the receiver's backends) and the processes it runs already
    # (the WAL writer among them).
    receiver = start_receiver(store=postgres_store.uri,
                              wrapper=strace_command(log, [postmaster, *_children(postmaster)]))
    try:
        ids = send_and_collect(receiver)
        receiver.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 15
        while receiver.pid_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        receiver.process.send_signal(signal.SIGINT)  # strace detaches from PostgreSQL
        try:
            receiver.process.wait(15)
        except subprocess.TimeoutExpired:
            receiver.process.kill()

    # No setting of the database or role turns synchronous_commit off for the receiver.
    settings = postgres_store.query("SELECT setconfig FROM pg_db_role_setting")
    assert not any("synchronous_commit" in str(row) for row in settings)
    assert_each_answer_follows_the_sync_of_its_row(
        read_calls(log), ids, lambda path: "/pg_wal/" in path)
