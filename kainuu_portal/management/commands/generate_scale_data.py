"""
Generate extra content at a multiple of the demo content's size, for query-count
checks and benchmarks (see ``kainuu_portal/demo/scale.py``).

``--scale N`` makes the database hold N times the demo content: N - 1 generated
copies of its shape. Running the command again replaces the generated content;
``--clear`` only removes it.

    manage.py generate_scale_data --scale 20   20x the demo content in all
    manage.py generate_scale_data --clear      remove the generated content
"""

from django.core.management.base import BaseCommand, CommandError

from kainuu_portal.demo.scale import MAX_SCALE, ScaleGenerator, SubSectorsNotGenerated


class Command(BaseCommand):
    help = "Generate extra content at N times the demo content's size, or remove it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=20,
            help="Make the content N times the demo content (default 20): N - 1 copies.",
        )
        parser.add_argument(
            "--clear", action="store_true", help="Only remove the generated content."
        )
        parser.add_argument("--seed", type=int, default=7, help="Seed of the names and figures.")

    def handle(self, *args, scale, clear, seed, **options):
        if not clear and not 1 <= scale <= MAX_SCALE:
            raise CommandError(f"--scale must be between 1 and {MAX_SCALE}, not {scale}.")
        generator = ScaleGenerator(seed)
        try:
            removed = generator.replace(copies=0 if clear else scale - 1)
        except SubSectorsNotGenerated as error:
            raise CommandError(error) from error
        if clear:
            self.stdout.write(self.style.SUCCESS(f"Generated content removed: {removed} rows."))
            return
        created = generator.created
        self.stdout.write(
            "\n".join(f"  {name}: {count}" for name, count in sorted(created.items()))
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {scale - 1} copies of the demo content's shape "
                f"({created.total()} rows; {removed} generated rows removed first)."
            )
        )
