"""
gunicorn settings of the Kainuu Portal: gunicorn -c deploy/gunicorn.conf.py

Used by deploy/kainuu-portal.service and scripts/deploy-smoke. Two values come
from the environment: GUNICORN_BIND (default 127.0.0.1:8001, where nginx
sends requests) and GUNICORN_WORKERS (default two per CPU core, plus one).
"""

import multiprocessing
import os
from pathlib import Path

# The project folder (this file is in its deploy/ folder), so that
# "kainuu_portal" imports whatever the working directory is.
chdir = str(Path(__file__).resolve().parent.parent)
wsgi_app = "kainuu_portal.wsgi:application"

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
# nginx buffers slow clients, so plain synchronous workers are enough.
worker_class = "sync"
timeout = 30
graceful_timeout = 25
keepalive = 5
# Replace each worker now and then, so that no slow leak can grow.
max_requests = 2000
max_requests_jitter = 200

# Only the local nginx may say that a request came over HTTPS.
forwarded_allow_ips = "127.0.0.1,::1"

# Access and error log on standard output and standard error, one line each;
# systemd's journal keeps them (see docs/deploy.md, "Logs").
accesslog = "-"
errorlog = "-"
access_log_format = '%({x-forwarded-for}i)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'

# systemd starts, reloads and stops the service; no control socket (gunicornc).
control_socket_disable = True
