"""A PostgreSQL server of a test's own, on a spare port, that the test can freeze and restart."""

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
    """A throwaway cluster (initdb into a temporary folder), run as postgres when root."""

    available = (PG_BIN / "initdb").exists()

    def __init__(self, folder):
        self.data = Path(folder) / "pg"
        self.port = spare_port()
        self.as_root = os.geteuid() == 0
        self.options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"

    def run(self, *args):
        command = [str(PG_BIN / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)

    def pg_ctl(self, action):
        log = str(self.data / "log")
        options = ["-o", self.options, "-l", log, "-m", "fast", "-w"]
        self.run("pg_ctl", "-D", str(self.data), *options, action)

    def start(self):
        if not self.data.exists():
            self.data.mkdir(parents=True)
            if self.as_root:
                shutil.chown(self.data.parent, "postgres", "postgres")
                shutil.chown(self.data, "postgres", "postgres")
            self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.pg_ctl("start")

    def signal(self, number):
        """Signal the postmaster and every process it started."""
        main = int((self.data / "postmaster.pid").read_text().split()[0])
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            if int(entry.name) == main or parent == main:
                try:
                    os.kill(int(entry.name), number)
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
            server.signal(signal.SIGCONT)
            server.pg_ctl("stop")
