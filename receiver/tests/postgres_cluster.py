"""A throwaway PostgreSQL cluster for one test session: initdb and pg_ctl from Debian's server
package in a temporary folder, listening on a free 127.0.0.1 port (and a socket in that folder),
run as the `postgres` user when the tests run as root, since PostgreSQL refuses root."""

import glob
import json
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from receiver_process import free_port


def _bin_dir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]))
    return Path(os.environ.get("HEYMILO_PG_BIN", found[-1] if found else "/usr/lib/postgresql/15/bin"))


def postgres_binaries_missing():
    """The names of the server programs that are not there ('' when all are)."""
    return " ".join(name for name in ("initdb", "pg_ctl", "postgres", "psql")
                    if not os.access(_bin_dir() / name, os.X_OK))


class PostgresCluster:
    def __init__(self):
        # Not under pytest's tmp folders: those are private to root, and the server runs
        # as `postgres`.
        self.dir = Path(tempfile.mkdtemp(prefix="heymilo-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.bin = _bin_dir()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
        self._databases = 0

    def _run(self, program, *args, input=None, check=True):
        command = [str(self.bin / program), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, input=input, capture_output=True, text=True,
                                timeout=60, cwd=self.dir)
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {result.stdout}{result.stderr}")
        return result

    def start(self):
        # -N: initdb's own files need no fsync; the server keeps fsync on (the default).
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-N",
                  "-E", "UTF8", "--locale=C")
        self.start_server()

    def start_server(self):
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
                   "-c max_connections=200 -c log_min_messages=warning")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "server.log"), "-o",
                  options, "-w", "-t", "60", "start")

    def stop_server(self, check=True):
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=check)

    def stop(self):
        self.stop_server(check=False)
        shutil.rmtree(self.dir, ignore_errors=True)

    def postmaster_pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def uri(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        self._databases += 1
        database = f"t{self._databases}_" + re.sub(r"[^a-z0-9]+", "_", name.lower())[:40]
        self.psql("postgres", f'CREATE DATABASE "{database}"')
        return database

    def psql(self, database: str, sql: str) -> str:
        return self._run("psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", str(self.dir),
                         "-p", str(self.port), "-U", "postgres", "-d", database,
                         input=sql).stdout

    def query(self, database: str, sql: str) -> list:
        """The rows of a SELECT, as dicts (bytea as PostgreSQL's hex text)."""
        out = self.psql(database, f"SELECT coalesce(json_agg(q), '[]') FROM ({sql}) q").strip()
        return json.loads(out)
