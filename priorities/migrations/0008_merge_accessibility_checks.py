

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('priorities', '0004_accessibility_checks'),
        ('priorities', '0007_merge_addresses_and_real_data'),
    ]

    operations = [
    ]
