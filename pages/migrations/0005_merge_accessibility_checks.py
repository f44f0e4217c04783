

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0002_accessibility_statement'),
        ('pages', '0004_unique_slugs_in_each_language'),
    ]

    operations = [
    ]
