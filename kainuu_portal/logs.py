"""Logging: one event a line, as JSON, so a log collector never splits an event."""

import json
import logging
from datetime import UTC, datetime


class OneLineFormatter(logging.Formatter):
    """
    Formats a record as one JSON object on one line: time, level, logger and
    message, the request's method, path and status when the record has them
    (django.request, django.security), the record's ``fields`` (passed as
    ``extra={"fields": {...}}``, as the sign-in events are), and the traceback as
    one string.
    """

    def format(self, record):
        event = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            event["status"] = status_code
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            event["method"] = request.method
            event["path"] = request.path
        event.update(getattr(record, "fields", None) or {})
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            event["exception"] = record.exc_text
        if record.stack_info:
            event["stack"] = self.formatStack(record.stack_info)
        return json.dumps(event, ensure_ascii=False, default=str)


class AsWarningWithoutTraceback(logging.Filter):
    """
    Logs the record as one WARNING without its traceback: for events that are the
    client's doing, such as a request for a host the site does not serve.
    """

    def filter(self, record):
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        record.exc_info = None
        record.exc_text = None
        return True
