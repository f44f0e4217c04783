from django.db import migrations

from kainuu_portal.publishing import roles


class Migration(migrations.Migration):
    """Editors add, change and remove the redirects of old addresses; Viewers see them."""

    dependencies = [
        ("kainuu_portal", "0002_viewers_group"),
        ("publishing", "0001_redirects"),
        ("regions", "0006_unique_slugs_in_each_language"),
        ("priorities", "0009_unique_slugs_in_each_language"),
        ("pages", "0004_unique_slugs_in_each_language"),
    ]

    operations = [
        migrations.RunPython(roles.sync_groups, migrations.RunPython.noop),
    ]
