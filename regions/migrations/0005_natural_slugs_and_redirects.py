"""
A slug in each language for the regions and municipalities that had one slug for all:
English keeps it, Finnish and Swedish get one made from the name in that language.
Every address that changes (those under /fi/ and /sv/ with the English slug) becomes
a redirect to its item.
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
    Municipality = apps.get_model("regions", "Municipality")
    fields = ["slug_fi", "slug_en", "slug_sv"]
    regions = {region.pk: region for region in Region.objects.all()}
    give_slugs(list(regions.values()), "name")
    Region.objects.bulk_update(regions.values(), fields)
    for region in regions.values():
        municipalities = list(Municipality.objects.filter(region=region))
        give_slugs(municipalities, "name")
        Municipality.objects.bulk_update(municipalities, fields)

    for region in regions.values():
        redirect_old_addresses(
            apps,
            region,
            [
                (
                    "page",
                    "regions:region-detail",
                    {"slug": region.slug},
                    lambda code: {"slug": getattr(region, f"slug_{code}")},
                )
            ],
        )
    for municipality in Municipality.objects.all():
        region = regions[municipality.region_id]
        redirect_old_addresses(
            apps,
            municipality,
            [
                (
                    "page",
                    "regions:municipality-detail",
                    {"region_slug": region.slug, "slug": municipality.slug},
                    lambda code: {
                        "region_slug": getattr(region, f"slug_{code}"),
                        "slug": getattr(municipality, f"slug_{code}"),
                    },
                )
            ],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0004_slugs_in_each_language"),
        ("publishing", "0001_redirects"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
