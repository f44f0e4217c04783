from django.db import migrations

from kainuu_portal.publishing import roles


class Migration(migrations.Migration):
    """The Publishers group (Editors' permissions and publishing); Editors submit for review."""

    dependencies = [
        ("kainuu_portal", "0004_content_version"),
        ("publishing", "0002_pending_changes"),
    ]

    operations = [
        migrations.RunPython(roles.sync_groups, migrations.RunPython.noop),
    ]
