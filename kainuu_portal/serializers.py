"""
JSON for fixtures and backups that keeps times to the microsecond.

Django's JSON encoder cuts datetimes to milliseconds (as ECMAScript does), so
a backup restored from ``dumpdata`` would change every timestamp a little.
This is Django's JSON format with full ISO 8601 times; it reads the same
files as before. Registered as "json" in SERIALIZATION_MODULES.
"""

import datetime

from django.core.serializers import json
from django.core.serializers.json import Deserializer  # noqa: F401 - part of the format
from django.utils.timezone import is_aware


class ExactJSONEncoder(json.DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            value = o.isoformat()
            return value.removesuffix("+00:00") + "Z" if value.endswith("+00:00") else value
        if isinstance(o, datetime.time):
            if is_aware(o):
                raise ValueError("JSON can't represent timezone-aware times.")
            return o.isoformat()
        return super().default(o)


class Serializer(json.Serializer):
    def _init_options(self):
        self.options.setdefault("cls", ExactJSONEncoder)
        super()._init_options()
