"""
The accessibility statement and the privacy notice, over HTTP: what the Act on the Provision
of Digital Services (306/2019) asks the statement to hold, editors changing it in the admin,
and both linked from the footer of every page.
"""

import re
from html import unescape

import pytest
from django.apps import apps as global_apps
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import override

from kainuu_portal.publishing import roles
from pages.models import Page
from tests.helpers.html import parse
from tests.helpers.pages import LANGUAGES, public_page_urls

FEEDBACK_EMAIL = "kirjaamo@kainuunliitto.fi"

# Per language: the statement's sections (its h2 headings), then phrases it must hold.
STATEMENT = {
    "en": (
        [
            "Compliance status",
            "Content that is not accessible",
            "Accessible alternatives",
            "How this statement was prepared",
            "Feedback",
            "Supervisory authority",
            "Results of the automated checks",
        ],
        [
            "WCAG) 2.1",
            "partially meets the accessibility requirements of WCAG 2.1 level AA",
            "Why:",
            "prepared on 27 November 2026 and last reviewed on 27 November 2026",
            "self-assessment",
            "We reply within 14 days",
            "Finnish Transport and Communications Agency Traficom",
            "www.saavutettavuusvaatimukset.fi",
            "saavutettavuus@traficom.fi",
        ],
    ),
    "fi": (
        [
            "Vaatimustenmukaisuus",
            "Ei-saavutettava sisältö",
            "Saavutettavat vaihtoehdot",
            "Selosteen laatiminen",
            "Palaute",
            "Valvontaviranomainen",
            "Automaattisten tarkistusten tulokset",
        ],
        [
            "täyttää WCAG 2.1 -tason AA saavutettavuusvaatimukset osittain",
            "Syy:",
            "laadittu 27.11.2026, ja se on tarkistettu viimeksi 27.11.2026",
            "itsearviona",
            "Vastaamme 14 päivän kuluessa",
            "Liikenne- ja viestintävirasto Traficom",
            "saavutettavuus@traficom.fi",
        ],
    ),
    "sv": (
        [
            "Överensstämmelse med kraven",
            "Innehåll som inte är tillgängligt",
            "Tillgängliga alternativ",
            "Hur utlåtandet har utarbetats",
            "Respons",
            "Tillsynsmyndighet",
            "Resultat av de automatiska kontrollerna",
        ],
        [
            "uppfyller tillgänglighetskraven på nivå AA i WCAG 2.1 delvis",
            "Orsak:",
            "utarbetats den 27.11.2026 och senast granskats den 27.11.2026",
            "självutvärdering",
            "Vi svarar inom 14 dagar",
            "Transport- och kommunikationsverket Traficom",
            "saavutettavuus@traficom.fi",
        ],
    ),
}


def headings(response):
    """The h2 headings of the main content."""
    return [
        " ".join(h2.text.split())
        for h2 in parse(response).find_all("h2")
        if not h2.is_inside("footer")
    ]


def footer_links(response):
    return [link.get("href") for link in parse(response).find_all("a") if link.is_inside("footer")]


def text_of(response):
    return " ".join(unescape(strip_tags(response.content.decode())).split())


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", is_staff=True)
    groups = roles.sync_groups(global_apps)  # an editor who also publishes
    user.groups.add(groups[roles.EDITORS_GROUP], groups[roles.PUBLISHERS_GROUP])
    return user


def statement_url(language):
    with override(language):
        return Page.objects.get(slug_en="accessibility").get_absolute_url()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_statement_holds_what_the_law_asks(client, demo, language):
    response = client.get(statement_url(language))
    assert response.status_code == 200
    sections, phrases = STATEMENT[language]
    assert headings(response) == sections
    text = text_of(response)
    for phrase in phrases:
        assert phrase in text
    assert f'href="mailto:{FEEDBACK_EMAIL}"' in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_the_accessibility_statement_and_the_privacy_notice(
    client, demo, language
):
    with override(language):
        wanted = {
            Page.objects.get(slug_en="accessibility").get_absolute_url(),
            Page.objects.get(slug_en="privacy").get_absolute_url(),
        }
    for name, url in public_page_urls(language).items():
        response = client.get(url)
        assert wanted <= set(footer_links(response)), name


def test_the_privacy_notice_says_what_is_processed_and_the_rights(client, demo):
    with override("en"):
        response = client.get(Page.objects.get(slug_en="privacy").get_absolute_url())
    text = text_of(response)
    for phrase in [
        "Controller",
        "no cookies",
        "Server logs",
        "Your rights",
        "Data Protection Ombudsman",
        FEEDBACK_EMAIL,
    ]:
        assert phrase in text
    assert response.cookies == {}


def form_data(form):
    """What the browser would post for the form as it was rendered."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        widget_data = {}
        if hasattr(field.widget, "widgets"):  # split fields such as publish_at
            for index, part in enumerate(field.widget.decompress(value)):
                if part is not None:
                    widget_data[f"{name}_{index}"] = part
        elif value is True:
            widget_data[name] = "on"
        elif value not in (None, False):
            widget_data[name] = value
        data.update(widget_data)
    return data


def test_an_editor_changes_the_feedback_address_of_the_statement(client, demo, editor):
    page = Page.objects.get(slug_en="accessibility")
    admin_url = reverse("admin:pages_page_change", args=[page.pk])
    client.force_login(editor)
    response = client.get(admin_url)
    assert response.status_code == 200

    data = form_data(response.context["adminform"].form)
    data["body_en"] = data["body_en"].replace(FEEDBACK_EMAIL, "accessibility@example.fi")
    response = client.post(admin_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    client.logout()
    response = client.get(statement_url("en"))
    assert re.search(r"e-mail at <a href=\"mailto:accessibility@example.fi\">", response.text)
