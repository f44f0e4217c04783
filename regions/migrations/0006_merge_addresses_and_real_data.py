

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('regions', '0003_population_sources_and_areas'),
        ('regions', '0005_unique_slugs_in_each_language'),
    ]

    operations = [
    ]
