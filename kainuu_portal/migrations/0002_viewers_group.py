from django.db import migrations

from kainuu_portal.publishing import roles


class Migration(migrations.Migration):
    """Create the Viewers group (view permissions only) and bring the Editors group up to date."""

    dependencies = [
        ("kainuu_portal", "0001_editors_group"),
        ("regions", "0002_media"),
        ("priorities", "0002_media"),
    ]

    operations = [
        migrations.RunPython(roles.sync_groups, migrations.RunPython.noop),
    ]
