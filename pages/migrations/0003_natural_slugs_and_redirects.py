"""
A slug in each language for the pages that had one slug for all: English keeps it,
Finnish and Swedish get one made from the title in that language. Every address that
changes becomes a redirect to its page.
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
    Page = apps.get_model("pages", "Page")
    pages = list(Page.objects.all())
    give_slugs(pages, "title")
    Page.objects.bulk_update(pages, ["slug_fi", "slug_en", "slug_sv"])
    for page in pages:
        redirect_old_addresses(
            apps,
            page,
            [
                (
                    "page",
                    "pages:page-detail",
                    {"slug": page.slug},
                    lambda code: {"slug": getattr(page, f"slug_{code}")},
                )
            ],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_slugs_in_each_language"),
        ("publishing", "0001_redirects"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
