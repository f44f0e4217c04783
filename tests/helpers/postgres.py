"""
A PostgreSQL server of its own, on a spare port, that a test, the fault drill
(scripts/fault_drill.py) or a benchmark (bench/pgbouncer_frozen.py) can freeze, stop and
restart: a throwaway cluster (initdb into a folder), run as the postgres user when root
(initdb refuses root).
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def spare_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OwnPostgres:
    """A throwaway cluster in ``folder``/pg, listening on 127.0.0.1:``port`` (a spare one)."""

    available = (PG_BIN / "initdb").exists()

    def __init__(self, folder, port=None):
        self.data = Path(folder) / "pg"
        self.port = port or spare_port()
        self.as_root = os.geteuid() == 0
        self.options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"

    def run(self, *args, check=True):
        """Run one of PostgreSQL's programs (``args[0]``), as postgres when root."""
        command = [str(PG_BIN / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def pg_ctl(self, action, check=True):
        log = str(self.data / "log")
        options = ["-o", self.options, "-l", log, "-m", "fast", "-w"]
        return self.run("pg_ctl", "-D", str(self.data), *options, action, check=check)

    def start(self):
        """Start the server, creating its cluster the first time."""
        if not self.data.exists():
            self.data.mkdir(parents=True)
            if self.as_root:
                shutil.chown(self.data, "postgres", "postgres")
            self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.pg_ctl("start")

    def stop(self):
        """Stop the server if it runs (a frozen one is woken first)."""
        if (self.data / "postmaster.pid").exists():
            self.signal(signal.SIGCONT)
        self.pg_ctl("stop", check=False)

    def pids(self):
        """The postmaster and every process it started."""
        main = int((self.data / "postmaster.pid").read_text().split()[0])
        pids = [main]
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            if parent == main:
                pids.append(int(entry.name))
        return pids

    def signal(self, number):
        """Signal the postmaster and every process it started."""
        for pid in self.pids():
            try:
                os.kill(pid, number)
            except ProcessLookupError:
                pass

    @contextmanager
    def frozen(self):
        """Every process of the server stopped (SIGSTOP) while the block runs."""
        self.signal(signal.SIGSTOP)
        try:
            yield
        finally:
            self.signal(signal.SIGCONT)


@contextmanager
def own_postgres():
    with tempfile.TemporaryDirectory(prefix="kainuu-test-pg-") as folder:
        os.chmod(folder, 0o755)
        server = OwnPostgres(folder)
        server.start()
        try:
            yield server
        finally:
            server.stop()
