"""
manage.py import_population: population figures from Statistics Finland's table 11ra.

    manage.py import_population --fetch            # ask the PxWeb API
    manage.py import_population 11ra.json          # a JSON-stat2 file saved from it

See regions/statfin.py for how the table is read and what the import changes.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from regions import statfin
from regions.models import Municipality, Region


class Command(BaseCommand):
    help = (
        "Import population figures of the home region (or --region) and its municipalities "
        "from Statistics Finland's table 11ra in JSON-stat2: from a file, or with --fetch "
        "from the PxWeb API. Adds new figures and updates the ones it imported before; "
        "never changes or deletes a figure an editor entered."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("path", nargs="?", help="A JSON-stat2 file of the table.")
        source.add_argument(
            "--fetch", action="store_true", help="Post the query to the PxWeb API instead."
        )
        parser.add_argument(
            "--region",
            action="append",
            metavar="SLUG",
            help="A region to import, with its municipalities (again for more); "
            "the home region by default.",
        )
        parser.add_argument(
            "--api-url",
            default=statfin.DEFAULT_API_URL,
            help=f"The PxWeb API (version 2); default {statfin.DEFAULT_API_URL}.",
        )
        parser.add_argument(
            "--table",
            default=statfin.DEFAULT_TABLE,
            help=f"The table's id in the API; default {statfin.DEFAULT_TABLE}.",
        )
        parser.add_argument(
            "--measure",
            help="The code of the population among the table's contents, if the import "
            "cannot tell it by its label.",
        )
        parser.add_argument(
            "--language",
            choices=statfin.LANGUAGES,
            default="en",
            help="The language of the file's texts (its source); default en.",
        )

    def handle(self, *args, path, fetch, region, api_url, table, measure, language, **options):
        owners = self.owners(region)
        codes = list(owners)
        try:
            if fetch:
                result = statfin.fetch_table(codes, api_url=api_url, table=table, measure=measure)
            else:
                result = statfin.read_table(
                    self.read(path), codes, measure=measure, language=language, table_id=table
                )
            report = statfin.import_figures(result, owners)
        except statfin.StatFinError as error:
            raise CommandError(f"{error} Nothing was changed.") from None

        updated = f", updated {result.updated:%Y-%m-%d}" if result.updated else ""
        self.stdout.write(f"Statistics Finland table {result.table_id}{updated}: {result.label}")
        for code in result.missing:
            self.stdout.write(self.style.WARNING(f"Not in the table: {owners[code]} ({code})"))
        for line in report.added:
            self.stdout.write(f"Added {line}")
        for line in report.changed:
            self.stdout.write(f"Changed {line}")
        for line in report.kept:
            self.stdout.write(f"Kept as an editor entered it: {line}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(report.added)} added, {len(report.changed)} changed, "
                f"{report.unchanged} unchanged, {len(report.kept)} kept as editors entered them."
            )
        )

    def read(self, path):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        return statfin.load_json(file.read_bytes().decode("utf-8", "replace"), path)

    def owners(self, slugs):
        """{area code: region or municipality} for the regions asked for."""
        if slugs:
            regions = list(Region.objects.filter(slug__in=slugs))
            unknown = sorted(set(slugs) - {region.slug for region in regions})
            if unknown:
                raise CommandError(f"No region with the slug {', '.join(unknown)}.")
        else:
            regions = list(Region.objects.home())
            if not regions:
                raise CommandError("There is no home region; name one with --region.")
        owners = {}
        for region in regions:
            if not region.code:
                raise CommandError(
                    f"{region} has no Statistics Finland region code; set it in the admin "
                    "(for example 18 for Kainuu)."
                )
            owners[region.statistics_code] = region
            for municipality in Municipality.objects.filter(region=region).exclude(code=""):
                owners[municipality.statistics_code] = municipality
        return owners
