from django.db import migrations

# The vectors' GIN indexes take each new entry into their tree at once, instead of into a
# pending list (GIN's "fast update"): a search reads the whole pending list on every
# query, and the planner, seeing it, reads the entries table instead of the index. Only
# VACUUM or autovacuum empties that list, so its cost would depend on when they last ran
# (a rebuild of every entry fills it with every entry). Writing the tree costs more per
# entry, and the entries are written a row at a time, on a save.
LANGUAGES = ("fi", "en", "sv")


def without_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in LANGUAGES:
        name = f"kainuu_search_vector_{code}"
        schema_editor.execute(f'ALTER INDEX "{name}" SET (fastupdate = off)')
        # Turning it off keeps what the list holds: moved into the tree now.
        schema_editor.execute("SELECT gin_clean_pending_list(%s::regclass)", [name])


def with_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in LANGUAGES:
        schema_editor.execute(f'ALTER INDEX "kainuu_search_vector_{code}" RESET (fastupdate)')


class Migration(migrations.Migration):

    dependencies = [
        ("kainuu_portal", "0006_search_entry"),
    ]

    operations = [
        migrations.RunPython(without_pending_list, with_pending_list, elidable=False),
    ]
