

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('priorities', '0006_remove_sector_nace_codes'),
        ('priorities', '0006_unique_slugs_in_each_language'),
    ]

    operations = [
    ]
