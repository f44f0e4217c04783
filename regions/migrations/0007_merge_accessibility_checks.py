

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('regions', '0003_accessibility_checks'),
        ('regions', '0006_merge_addresses_and_real_data'),
    ]

    operations = [
    ]
