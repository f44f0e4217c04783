from django.db import migrations

from kainuu_portal.publishing import roles


class Migration(migrations.Migration):
    """Create the Editors group with exactly the permissions on the content models."""

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("regions", "0001_initial"),
        ("priorities", "0001_initial"),
        ("pages", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(roles.sync_editors_group, migrations.RunPython.noop),
    ]
