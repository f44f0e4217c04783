"""
A slug in each language for the sectors, programmes and priorities that had one slug
for all: English keeps it, Finnish and Swedish get one made from the name or title in
that language (a programme's slug is its period in every language). Every address
that changes, the CSV downloads of programmes included, becomes a redirect to its item.
"""

from django.db import migrations
from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify
from django.utils.translation import override

LANGUAGES = ("fi", "en", "sv")


def give_slugs(items, title):
    """
    A slug in each language for ``items`` (siblings under one parent): English keeps
    today's slug, so English addresses stay; Finnish and Swedish get one made from the
    title in that language, or today's when the title is empty or the slug taken.
    """
    for item in items:
        item.slug_en = item.slug
    for code in ("fi", "sv"):
        natural = {item.pk: slugify(getattr(item, f"{title}_{code}") or "")[:100] for item in items}
        used = set()
        # Items without a title of their own keep today's slug: they choose first.
        for item in sorted(items, key=lambda item: bool(natural[item.pk])):
            for candidate in (natural[item.pk], item.slug, f"{item.slug}-{item.pk}"):
                if candidate and candidate not in used:
                    break
            used.add(candidate)
            setattr(item, f"slug_{code}", candidate)


def path(url_name, code, **kwargs):
    with override(code):
        try:
            return reverse(url_name, kwargs=kwargs)
        except NoReverseMatch:
            return ""


def redirect_old_addresses(apps, obj, addresses):
    """
    A redirect to ``obj`` from each of its addresses that changed: ``addresses`` is
    ``[(address name, url name, old kwargs, new kwargs for a language)]``.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Redirect = apps.get_model("publishing", "Redirect")
    content_type, _created = ContentType.objects.get_or_create(
        app_label=obj._meta.app_label, model=obj._meta.model_name
    )
    for name, url_name, old, new in addresses:
        for code in LANGUAGES:
            old_path = path(url_name, code, **old)
            new_path = path(url_name, code, **new(code))
            if old_path and old_path != new_path:
                Redirect.objects.update_or_create(
                    old_path=old_path,
                    defaults={
                        "content_type": content_type,
                        "object_id": obj.pk,
                        "language": code,
                        "address": name,
                        "is_automatic": True,
                    },
                )


def forwards(apps, schema_editor):
    Region = apps.get_model("regions", "Region")
    Sector = apps.get_model("priorities", "Sector")
    Programme = apps.get_model("priorities", "Programme")
    Priority = apps.get_model("priorities", "Priority")
    fields = ["slug_fi", "slug_en", "slug_sv"]
    regions = {region.pk: region for region in Region.objects.all()}

    sectors = list(Sector.objects.all())
    give_slugs(sectors, "name")
    Sector.objects.bulk_update(sectors, fields)
    programmes = {programme.pk: programme for programme in Programme.objects.all()}
    for programme in programmes.values():
        programme.slug_fi = programme.slug_en = programme.slug_sv = programme.slug
    Programme.objects.bulk_update(programmes.values(), fields)
    for programme in programmes.values():
        priorities = list(Priority.objects.filter(programme=programme))
        give_slugs(priorities, "title")
        Priority.objects.bulk_update(priorities, fields)

    for sector in sectors:
        redirect_old_addresses(
            apps,
            sector,
            [
                (
                    "page",
                    "priorities:sector-detail",
                    {"slug": sector.slug},
                    lambda code: {"slug": getattr(sector, f"slug_{code}")},
                )
            ],
        )
    for programme in programmes.values():
        region = regions[programme.region_id]
        old = {"region_slug": region.slug, "slug": programme.slug}

        def new(code):
            return {
                "region_slug": getattr(region, f"slug_{code}"),
                "slug": getattr(programme, f"slug_{code}"),
            }

        redirect_old_addresses(
            apps,
            programme,
            [
                ("page", "priorities:programme-detail", old, new),
                ("csv", "priorities:programme-csv", old, new),
            ],
        )
    for priority in Priority.objects.all():
        programme = programmes[priority.programme_id]
        region = regions[programme.region_id]
        redirect_old_addresses(
            apps,
            priority,
            [
                (
                    "page",
                    "priorities:priority-detail",
                    {
                        "region_slug": region.slug,
                        "programme_slug": programme.slug,
                        "slug": priority.slug,
                    },
                    lambda code: {
                        "region_slug": getattr(region, f"slug_{code}"),
                        "programme_slug": getattr(programme, f"slug_{code}"),
                        "slug": getattr(priority, f"slug_{code}"),
                    },
                )
            ],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("priorities", "0007_slugs_in_each_language"),
        ("regions", "0005_natural_slugs_and_redirects"),
        ("publishing", "0001_redirects"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
