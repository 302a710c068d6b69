"""--exec: the handler gets the raw payload on stdin and HEYMILO_EVENT, HEYMILO_INTERVIEW_ID,
HEYMILO_POSTING_ID; a failure is retried with exponential backoff up to --exec-attempts, then
the row is failed (and --requeue-failed queues it again); a handler past --exec-timeout is
killed; a row whose handler was running when the receiver died runs again after restart."""

import json
import subprocess
import time

import metrics_text as m
from payloads import example, payload
from receiver_process import wait_for


def single_row(store, state):
    rows = store.inbox()
    return rows[0] if len(rows) == 1 and rows[0]["state"] == state else None


def test_handler_gets_the_payload_on_stdin_and_the_ids_in_its_environment(
        start_receiver, any_store, tmp_path):
    handler = (f'cat > {tmp_path}/stdin; env | grep -E "^HEYMILO_(EVENT|INTERVIEW_ID|POSTING_ID)=" | sort > {tmp_path}/env')
    receiver = start_receiver("--exec", handler, store=any_store.uri)
    body = payload("report_available")
    interview_id = json.loads(body)["interview_id"]

    assert receiver.post(body).status == 200
    row = wait_for(lambda: single_row(any_store, "done"), what="the row to be done", receiver=receiver)

    assert row["attempts"] == 1
    assert (tmp_path / "stdin").read_bytes() == body
    assert (tmp_path / "env").read_text().splitlines() == [
        "HEYMILO_EVENT=report_available",
        f"HEYMILO_INTERVIEW_ID={interview_id}",
        f"HEYMILO_POSTING_ID={example('report_available')['posting_id']}",
    ]
    assert m.Metrics(receiver.metrics()).value(m.HANDLER_RUNS) == 1


def test_failures_are_retried_with_exponential_backoff_until_success(
        start_receiver, sqlite_store, tmp_path):
    times = tmp_path / "times"
    # Fails twice, then succeeds; records when each run started.
    handler = (f'date +%s.%N >> {times}; [ "$(wc -l < {times})" -ge 3 ]')
    receiver = start_receiver("--exec", handler, "--exec-backoff", "0.4", "--exec-attempts", "5")

    assert receiver.post(payload("interview_started")).status == 200
    row = wait_for(lambda: single_row(sqlite_store, "done"), what="the third run", receiver=receiver)

    assert row["attempts"] == 3
    started = [float(line) for line in times.read_text().split()]
    gaps = [b - a for a, b in zip(started, started[1:])]
    assert gaps[0] >= 0.4 * 0.9 and gaps[1] >= 0.8 * 0.9, gaps  # 0.4 s, then doubled
    metrics = m.Metrics(receiver.metrics())
    assert (metrics.value(m.HANDLER_RUNS), metrics.value(m.HANDLER_FAILURES)) == (3, 2)


def test_row_fails_after_the_attempt_limit_and_can_be_requeued(
        start_receiver, receiver_binary, sqlite_store):
    receiver = start_receiver("--exec", "echo broken >&2; exit 3", "--exec-backoff", "0.1",
                              "--exec-attempts", "3")
    assert receiver.post(payload("interview_started")).status == 200

    row = wait_for(lambda: single_row(sqlite_store, "failed"), what="the row to fail", receiver=receiver)
    assert row["attempts"] == 3 and row["last_error"]
    time.sleep(0.5)
    assert single_row(sqlite_store, "failed")["attempts"] == 3  # no run past the limit
    assert receiver.stop() == 0

    requeue = subprocess.run([str(receiver_binary), "--store", sqlite_store.uri, "--requeue-failed"],
                             capture_output=True, text=True, timeout=30)
    assert requeue.returncode == 0, requeue.stderr
    assert "1" in requeue.stdout
    row = single_row(sqlite_store, "pending")
    assert row is not None and row["attempts"] == 0


def test_handler_past_the_timeout_is_killed_and_retried(start_receiver, sqlite_store, tmp_path):
    pids = tmp_path / "pids"
    handler = f"echo $$ >> {pids}; exec sleep 60"
    receiver = start_receiver("--exec", handler, "--exec-timeout", "0.5", "--exec-backoff", "0.1",
                              "--exec-attempts", "2")
    assert receiver.post(payload("interview_started")).status == 200

    row = wait_for(lambda: single_row(sqlite_store, "failed"), timeout=20, what="two timed-out runs", receiver=receiver)
    assert row["attempts"] == 2 and row["last_error"]
    for pid in map(int, pids.read_text().split()):
        wait_for(lambda: not _running(pid), timeout=5, what=f"handler {pid} to be killed")


def _running(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_a_handler_interrupted_by_kill_9_runs_again_after_restart(start_receiver, any_store, tmp_path):
    runs = tmp_path / "runs"
    handler = f"echo start >> {runs}; sleep 1.5; echo end >> {runs}"
    receiver = start_receiver("--exec", handler, "--exec-timeout", "20", store=any_store.uri)
    assert receiver.post(payload("interview_started")).status == 200
    wait_for(lambda: runs.exists() and "start" in runs.read_text(), what="the handler to start")

    receiver.kill()
    start_receiver("--exec", handler, "--exec-timeout", "20", store=any_store.uri)

    row = wait_for(lambda: single_row(any_store, "done"), what="the row to be done after restart")
    assert runs.read_text().count("start") >= 2  # at least once: it ran again
    assert row["state"] == "done"
