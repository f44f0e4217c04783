"""
gunicorn settings of the Kainuu Portal: gunicorn -c deploy/gunicorn.conf.py

Used by deploy/kainuu-portal.service, scripts/deploy-smoke, scripts/fault-drill
and bench/run --shipped-config. From the environment: GUNICORN_BIND (default
127.0.0.1:8001, where nginx sends requests), GUNICORN_WORKERS (default one per
CPU core) and GUNICORN_THREADS (default 4). The choice is measured: see
docs/performance.md, "gunicorn".
"""

import multiprocessing
import os
from pathlib import Path

# The project folder (this file is in its deploy/ folder), so that
# "kainuu_portal" imports whatever the working directory is.
chdir = str(Path(__file__).resolve().parent.parent)
wsgi_app = "kainuu_portal.wsgi:application"

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# One process per core keeps every core busy with no time lost to switching; the
# threads let a process go on serving (cached pages above all) while some of its
# requests wait on the database, which a stall may make last the connect timeout.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
timeout = 30
graceful_timeout = 25
keepalive = 5
# Replace each worker now and then, so that no slow leak can grow: at the cached
# pages' full rate about every ten minutes, far less often under real traffic.
max_requests = 1_000_000
max_requests_jitter = 100_000

# Only the local nginx may say that a request came over HTTPS.
forwarded_allow_ips = "127.0.0.1,::1"

# Access and error log on standard output and standard error, one line each;
# systemd's journal keeps them (see docs/deploy.md, "Logs").
accesslog = "-"
errorlog = "-"
access_log_format = '%({x-forwarded-for}i)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'

# systemd starts, reloads and stops the service; no control socket (gunicornc).
control_socket_disable = True
