"""--retain-days N: done rows handled more than N days ago are deleted (when the receiver starts,
then hourly); pending and failed rows, and done rows handled more recently, are kept. Rows are
aged by rewriting their timestamps in the store while the receiver is stopped."""

import sqlite3
from datetime import datetime, timedelta, timezone

from payloads import payload
from receiver_process import wait_for
from stores import SqliteStore

# The handler fails the interview ids that start with "F" (one attempt: failed at once).
HANDLER = 'cat > /dev/null; case "$HEYMILO_INTERVIEW_ID" in F*) exit 1;; esac'


def age(store, interview_id: str, days: float):
    """Sets the row's received_at and handled_at to `days` ago."""
    if isinstance(store, SqliteStore):
        moment = datetime.now(timezone.utc) - timedelta(days=days)
        text = moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
        with sqlite3.connect(store.path, timeout=10) as db:
            db.execute("UPDATE inbox SET received_at = ?1, handled_at = ?1 WHERE interview_id = ?2",
                       (text, interview_id))
        return
    store.cluster.psql(store.database,
                       f"UPDATE inbox SET received_at = now() - interval '{days} days', "
                       f"handled_at = now() - interval '{days} days' "
                       f"WHERE interview_id = '{interview_id}'")


def states(store) -> dict:
    return {row["interview_id"]: row["state"] for row in store.inbox()}


def test_done_rows_older_than_retain_days_are_deleted_and_the_rest_kept(start_receiver, any_store):
    ids = {"old_done": "D000000000000001", "recent_done": "D000000000000002",
           "old_failed": "F000000000000003", "old_pending": "P000000000000004"}
    handled = {ids["old_done"]: "done", ids["recent_done"]: "done", ids["old_failed"]: "failed"}

    receiver = start_receiver("--exec", HANDLER, "--exec-attempts", "1", "--retain-days", "0",
                              store=any_store.uri)
    for interview_id in handled:
        assert receiver.post(payload("interview_completed", interview_id)).status == 200
    wait_for(lambda: states(any_store) == handled, what=f"the rows to be {handled}", receiver=receiver)
    assert receiver.stop() == 0

    # Without --exec the new row stays pending.
    receiver = start_receiver("--retain-days", "0", store=any_store.uri)
    assert receiver.post(payload("interview_completed", ids["old_pending"])).status == 200
    assert receiver.stop() == 0

    for key in ("old_done", "old_failed", "old_pending"):
        age(any_store, ids[key], 30)
    age(any_store, ids["recent_done"], 6)
    everything = {**handled, ids["old_pending"]: "pending"}

    # 0 keeps every row, however old.
    receiver = start_receiver("--retain-days", "0", store=any_store.uri)
    assert receiver.stop() == 0
    assert states(any_store) == everything

    receiver = start_receiver("--retain-days", "7", store=any_store.uri)
    wait_for(lambda: "deleted 1 done rows older than 7 days" in receiver.log(),
             timeout=10, what="the retention sweep's log line", receiver=receiver)
    del everything[ids["old_done"]]
    assert states(any_store) == everything
    assert receiver.stop() == 0
