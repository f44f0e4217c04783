"""
Queries whose SQL the ORM builds and compiles once per process, run again with other values.

Building a queryset and compiling its SQL costs a few thousand Python calls, however few
rows it returns: most of the cost of a small query. A query that a page runs on every
request, the same but for its values (the time, the words of a search, some ids), is built
once with stand-ins for those values, and each request runs its SQL with its own.
A statement holds SQL, never rows: nothing it returns is older than the request.
"""

import functools
import re
from datetime import UTC, datetime

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import CharField, Expression, F, Func, IntegerField
from django.utils import timezone

# A time long past, the stand-in for "now" in a statement's live() conditions.
STAND_IN_TIME = datetime(1900, 1, 1, tzinfo=UTC)


def stand_in_time(connection):
    """The stand-in time as the database is given it: one of a statement's ``stand_ins``."""
    return connection.ops.adapt_datetimefield_value(STAND_IN_TIME)


def stand_in_ids(count):
    """Ids no row has, distinct, in place of a request's ids (an ``IN`` list's, say)."""
    return [-1_000_000_000 - number for number in range(count)]


def now_for(connection, now=None):
    """``{stand-in time: now}`` as the database is given them: for ``Statement.rows()``."""
    adapt = connection.ops.adapt_datetimefield_value
    return {adapt(STAND_IN_TIME): adapt(now or timezone.now())}


class Constant(Expression):
    """
    A name written into the SQL itself, not passed with it as a parameter: a language's
    code, say. PostgreSQL plans a prepared statement once for all its runs only where the
    plan does not depend on a parameter's value; a condition that a partial index
    (``WHERE language = 'en'``) is chosen by must be in the text. Only a plain name
    (letters, digits, ``_`` and ``-``) is written, so nothing needs quoting.
    """

    output_field = CharField()

    def __init__(self, name):
        if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
            raise ValueError(f"not a plain name: {name!r}")
        super().__init__()
        self.name = name

    def as_sql(self, compiler, connection):
        return f"'{self.name}'", []


class Statement:
    """
    A queryset's SQL, compiled by the ORM once per process, run again with other values.

    It is compiled from a queryset built with ``stand_ins`` for the values, and notes
    which of the SQL's parameters hold one: a parameter that is a stand-in, or a string
    that contains one (a LIKE pattern ``%word%``). ``rows()`` puts the request's own
    values in their place. Content plays no part: a statement holds SQL, never rows.
    Its rows are what the queryset's ``values()`` rows would be: named as ``values()``
    names them (``programme__slug_fi``, not the column's own ``slug_fi``) and converted
    as the ORM converts them (SQLite's times made aware, for one), unless ``converted`` is
    false: then as the driver gives them, for many rows whose columns need no conversion.
    """

    def __init__(self, queryset, stand_ins, using=DEFAULT_DB_ALIAS, converted=True):
        self.using = using
        query = queryset.query
        compiler = query.get_compiler(using)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        # Of each parameter that holds stand-ins: its place, whether it is a text that
        # contains them (a LIKE pattern) rather than one itself, and the stand-ins.
        self.placed = [
            (index, isinstance(param, str), found)
            for index, param in enumerate(params)
            if (found := self._stand_ins_in(param, stand_ins))
        ]
        if query.selected:
            self.names = list(query.selected)
        else:
            self.names = [*query.extra_select, *query.values_select, *query.annotation_select]
        # The converters of the compiling connection: they read only its settings (the
        # time zone), and each row is converted with the connection that runs the query.
        selected = [column[0] for column in compiler.select[: compiler.col_count]]
        self.converters = list(compiler.get_converters(selected).items()) if converted else []

    @staticmethod
    def _stand_ins_in(param, stand_ins):
        if isinstance(param, str):
            return [
                stand_in
                for stand_in in stand_ins
                if isinstance(stand_in, str) and stand_in in param
            ]
        return [
            stand_in
            for stand_in in stand_ins
            if type(stand_in) is type(param) and stand_in == param
        ]

    def rows(self, values):
        """The rows, as dicts by column name, with ``values`` ({stand-in: value}) in place."""
        names = self.names
        return [dict(zip(names, row, strict=True)) for row in self.tuples(values)]

    def tuples(self, values):
        """The rows of ``rows()`` as tuples, their values in the order of ``names``."""
        params = self.params.copy()
        for index, in_text, stand_ins in self.placed:
            param = params[index]
            for stand_in in stand_ins:
                param = param.replace(stand_in, values[stand_in]) if in_text else values[stand_in]
            params[index] = param
        connection = connections[self.using]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters and rows:
            # Column by column: a converter is called in one loop over its column.
            columns = list(zip(*rows, strict=True))
            for index, (converters, expression) in self.converters:
                column = columns[index]
                for converter in converters:
                    column = [converter(value, expression, connection) for value in column]
                columns[index] = column
            rows = list(zip(*columns, strict=True))
        return rows


class StatementPages:
    """
    The rows of a list for a paginator (``count()`` and slices), from statements: its
    count, and each page a statement of its own (the ORM writes a slice's ``LIMIT`` and
    ``OFFSET`` into the SQL), so a page reads its own rows only, however long the list.

    ``build(now)`` builds the list's ``values()`` queryset, live at ``now``: a function of
    a module, the same each time, as its statements are kept by it; ``key`` is what else
    its SQL depends on (the active language, when it orders or reads by it).
    ``rows(rows)`` makes what the page shows of a page's rows (by default, the rows).
    """

    def __init__(self, build, key=(), rows=list, using=DEFAULT_DB_ALIAS):
        self.build = build
        self.key = key
        self.make = rows
        self.using = using

    def count(self):
        return self._rows(None)[0]["count"]

    def __getitem__(self, page):
        if page.start >= page.stop:
            return []  # the ORM compiles a slice of no rows to no query
        return self.make(self._rows((page.start, page.stop)))

    def _rows(self, shape):
        statement = _statement_of(self.build, self.key, shape, self.using)
        return statement.rows(now_for(connections[self.using]))


@functools.lru_cache(maxsize=256)
def _statement_of(build, key, shape, using):
    """``build``'s count (``shape`` None) or its slice ``(start, stop)``, as a statement."""
    queryset = build(STAND_IN_TIME)
    if shape is None:
        # COUNT(*) as a plain function: an aggregate would group by the selected columns.
        count = Func(F("pk"), function="COUNT", output_field=IntegerField())
        queryset = queryset.order_by().annotate(count=count).values("count")
    else:
        queryset = queryset[shape[0] : shape[1]]
    return Statement(queryset, [stand_in_time(connections[using])], using)
