"""Reading what the receiver stored, from outside, through its documented tables (receiver/
README.md, "The store"): `inbox` (accepted payloads, unique on (event, interview_id), with the
handler's state) and `rejected` (invalid payloads with their first error)."""

import sqlite3
from pathlib import Path

INBOX_COLUMNS = "event, interview_id, posting_id, body, state, attempts, last_error"
REJECTED_COLUMNS = "event, error_code, error_path, error_offset, error_message, body, report"


class SqliteStore:
    kind = "sqlite"

    def __init__(self, path: Path):
        self.path = path

    @property
    def uri(self) -> str:
        return f"sqlite:{self.path}"

    def query(self, sql: str) -> list:
        # Read-only, so that the test never creates the file or takes the writer's lock.
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10) as db:
            db.row_factory = sqlite3.Row
            return [dict(row) for row in db.execute(sql)]

    def inbox(self) -> list:
        rows = self.query(f"SELECT {INBOX_COLUMNS} FROM inbox ORDER BY id")
        for row in rows:
            if isinstance(row["body"], bytes):
                row["body"] = row["body"].decode()
        return rows

    def rejected(self) -> list:
        rows = self.query(f"SELECT {REJECTED_COLUMNS} FROM rejected ORDER BY id")
        for row in rows:
            if isinstance(row["body"], str):
                row["body"] = row["body"].encode()
        return rows


class PostgresStore:
    kind = "postgresql"

    def __init__(self, cluster, database: str):
        self.cluster = cluster
        self.database = database

    @property
    def uri(self) -> str:
        return self.cluster.uri(self.database)

    def query(self, sql: str) -> list:
        return self.cluster.query(self.database, sql)

    def inbox(self) -> list:
        return self.query(f"SELECT {INBOX_COLUMNS} FROM inbox ORDER BY id")

    def rejected(self) -> list:
        rows = self.query(f"SELECT {REJECTED_COLUMNS} FROM rejected ORDER BY id")
        for row in rows:  # bytea comes as "\x<hex>"
            row["body"] = bytes.fromhex(row["body"][2:])
        return rows
