"""Working the admin as an editor does: its addresses, its forms, and staff users."""

from django.apps import apps as global_apps
from django.contrib.auth.models import User
from django.urls import reverse

from kainuu_portal.publishing import roles
from kainuu_portal.publishing.models import Status
from regions.models import Region
from tests import factories
from tests.helpers.html import form_values

# One minimal object of every content model, keyed by its model label.
MAKERS = {
    "regions.region": factories.make_region,
    "regions.municipality": factories.make_municipality,
    "regions.populationfigure": lambda: factories.make_population(region=factories.make_region()),
    "regions.strength": factories.make_strength,
    "regions.regionlink": factories.make_region_link,
    "priorities.sector": factories.make_sector,
    "priorities.regionkeysector": factories.make_key_sector,
    "priorities.programme": factories.make_programme,
    "priorities.programmelink": factories.make_programme_link,
    "priorities.priority": factories.make_priority,
    "priorities.focusarea": factories.make_focus_area,
    "priorities.crosscuttingtheme": factories.make_theme,
    "pages.page": factories.make_page,
}


def make_staff(username, *group_names):
    user = User.objects.create_user(username, password="not-used-in-tests", is_staff=True)
    groups = roles.sync_groups(global_apps)
    user.groups.add(*(groups[name] for name in group_names))
    return user


def content_models():
    return roles.content_models(global_apps)


def admin_url(model_label, view, *args):
    app_label, model_name = model_label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def change_form(client, obj):
    """The admin change form of ``obj`` as the browser would submit it unchanged."""
    url = admin_url(obj._meta.label_lower, "change", obj.pk)
    page = client.get(url)
    return url, form_values(page.content.decode(), f"{obj._meta.model_name}_form")


def save(client, obj, **changes):
    """Submit the change form of ``obj`` with ``changes``, as an editor pressing Save."""
    url, data = change_form(client, obj)
    for name, value in changes.items():
        data[name] = [value]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def management_form(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def programme_post_data(region, **fields):
    data = {
        "region": str(region.pk),
        "start_year": "2022",
        "end_year": "2027",
        "slug_fi": "2022-2027",
        "title_fi": "Kainuun älykäs erikoistuminen 2022–2027",
        "title_en": "Smart Specialisation in Kainuu 2022–2027",
        "title_sv": "",
        "summary_fi": "Strategian tiivistelmä.",
        "body_fi": "<p>Teksti.</p>",
        "aims_fi": "",
        "status": Status.DRAFT,
        "publish_at_0": "",
        "publish_at_1": "",
        **management_form("priorities"),
        **management_form("themes"),
        **management_form("links"),
    }
    return data | fields


def region_post_data(**fields):
    data = {
        "slug_fi": "kainuu",
        "kind": Region.Kind.FINNISH,
        "name_fi": "Kainuu",
        "name_sv": "Kajanaland",
        "country": "fi",
        "status": Status.PUBLISHED,
        "publish_at_0": "",
        "publish_at_1": "",
        **management_form("municipalities"),
        **management_form("strengths"),
        **management_form("population_figures"),
        **management_form("links"),
        **management_form("key_sectors"),
    }
    return data | fields
