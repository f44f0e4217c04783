"""
Rich and plain text through the admin: hostile payloads in every editor-writable
text field of every content model are cleaned (rich text) or kept as typed and
escaped (plain text), and no page, public or admin, would run them.
"""

import pytest
from django import forms
from django.test import Client
from django.utils.translation import override
from django_prose_editor.fields import ProseEditorFormField
from reversion.models import Version

from kainuu_portal.publishing.richtext import ALLOWLIST
from tests.helpers.admin import MAKERS, admin_url
from tests.helpers.html import dangers, form_values

MARKER = "1337"

# Each piece alone would run script if a page let it through.
PAYLOADS = [
    f"<script>alert({MARKER})</script>",
    f'<a href="javascript:alert({MARKER})">js</a>',
    f'<a href="jav&#9;ascript:alert({MARKER})">tab</a>',
    f'<a href=" JaVaScRiPt:alert({MARKER})">case</a>',
    f'<a href="data:text/html,&lt;script&gt;alert({MARKER})&lt;/script&gt;">data</a>',
    f'<p onclick="alert({MARKER})">handler</p>',
    f"<img src=x onerror=alert({MARKER})>",
    f"<style>.x{MARKER} {{ color: red }}</style>",
    f'<iframe src="https://example.com/{MARKER}"></iframe>',
    f'<svg onload="alert({MARKER})"></svg>',
]
RICH_PAYLOAD = "<p>kept text</p>" + "".join(PAYLOADS)
PLAIN_MIN_LENGTH = 30  # shorter fields (codes such as FI-05) cannot hold a payload


def plain_payload(max_length):
    """As many payloads as fit in a field of ``max_length`` characters."""
    text = ""
    for payload in PAYLOADS:
        if max_length is not None and len(text + payload) > max_length:
            break
        text += payload
    return text


def text_fields(form):
    """The rich and the plain text fields of an admin form, by name."""
    rich, plain = {}, {}
    for name, field in form.fields.items():
        if field.widget.is_hidden or field.disabled:
            continue
        if isinstance(field, ProseEditorFormField):
            rich[name] = RICH_PAYLOAD
        elif (
            type(field) is forms.CharField
            and (field.max_length or 10_000) >= PLAIN_MIN_LENGTH
            and not getattr(field, "choices", None)
        ):
            plain[name] = plain_payload(field.max_length)
    return rich, plain


def assert_clean(page, where):
    found = dangers(page, MARKER)
    assert not found, (where, found)


def public_urls(obj):
    urls = []
    for language in ("fi", "en", "sv"):
        with override(language):
            urls.append(obj.get_absolute_url())
    return urls


@pytest.mark.parametrize("model_label", sorted(MAKERS))
def test_payloads_in_every_text_field_never_reach_a_page(editor_client, model_label):
    obj = MAKERS[model_label]()
    model = type(obj)
    change_url = admin_url(model_label, "change", obj.pk)
    form_id = f"{model._meta.model_name}_form"

    # A first save, so that the history has a version to compare the payload with.
    page = editor_client.get(change_url)
    data = form_values(page.content.decode(), form_id) | {"_continue": ["1"]}
    for name, field in page.context["adminform"].form.fields.items():
        if field.required and not any(data.get(name, [])):
            data[name] = ["Nimi"]  # the factories fill English, the admin asks for Finnish
    assert editor_client.post(change_url, data).status_code == 302

    page = editor_client.get(change_url)
    rich, plain = text_fields(page.context["adminform"].form)
    assert rich or plain
    data = form_values(page.content.decode(), form_id) | {"_continue": ["1"]}
    for name, value in (rich | plain).items():
        data[name] = [value]
    response = editor_client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    saved = model.objects.get(pk=obj.pk)
    for name in plain:
        assert getattr(saved, name) == plain[name], name  # plain text is kept as typed
    for name in rich:
        value = getattr(saved, name)
        assert "kept text" in value, name
        for tag in ("<script", "<style", "<iframe", "<img", "<svg", " on"):
            assert tag not in value.lower(), (name, value)
        assert_clean(value, name)

    anonymous = Client()
    for url in public_urls(saved):
        assert_clean(anonymous.get(url).content.decode(), url)
        assert_clean(editor_client.get(url).content.decode(), url)
    versions = list(Version.objects.get_for_object(saved).values_list("pk", flat=True))
    assert len(versions) >= 2
    compare_url = admin_url(model_label, "compare", obj.pk)
    for url in [
        change_url,
        admin_url(model_label, "changelist"),
        admin_url(model_label, "changelist") + f"?q={MARKER}",
        admin_url(model_label, "history", obj.pk),
        f"{compare_url}?version_id1={versions[-1]}&version_id2={versions[0]}",
        admin_url(model_label, "revision", obj.pk, versions[-1]),
        admin_url(model_label, "delete", obj.pk),
    ]:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert_clean(response.content.decode(), url)


@pytest.mark.parametrize(
    ("model_label", "field"),
    [
        ("regions.region", "website"),
        ("regions.regionlink", "url_fi"),
        ("priorities.programmelink", "url_en"),
        ("regions.municipality", "website"),
    ],
)
@pytest.mark.parametrize(
    "url",
    [
        f"javascript:alert({MARKER})",
        f"data:text/html,<script>alert({MARKER})</script>",
        f"jav\tascript:alert({MARKER})",
    ],
)
def test_a_script_address_in_a_link_field_is_a_form_error(editor_client, model_label, field, url):
    obj = MAKERS[model_label]()
    change_url = admin_url(model_label, "change", obj.pk)
    page = editor_client.get(change_url)
    data = form_values(page.content.decode(), f"{type(obj)._meta.model_name}_form")
    data[field] = [url]

    response = editor_client.post(change_url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.has_error(field, code="invalid")
    assert getattr(type(obj).objects.get(pk=obj.pk), field) != url
    assert_clean(response.content.decode(), change_url)


def test_the_allow_list_is_what_the_public_pages_style():
    assert ALLOWLIST["tags"] == {
        "p",
        "h2",
        "h3",
        "h4",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "a",
        "blockquote",
    }
    assert ALLOWLIST["url_schemes"] == {"http", "https", "mailto"}
    assert set(ALLOWLIST["attributes"]) == {"a", "ol"}
    assert not any(
        name.startswith("on") for names in ALLOWLIST["attributes"].values() for name in names
    )


def test_the_admin_editor_offers_only_the_allowed_formatting(editor_client):
    response = editor_client.get(admin_url("priorities.programme", "add"))

    widget = response.context["adminform"].form.fields["body_en"].widget
    extensions = widget.get_config()["extensions"]
    assert {"Bold", "Italic", "Heading", "BulletList", "OrderedList", "Blockquote", "Link"} <= set(
        extensions
    )
    for extra in ("Image", "Table", "HTML", "CodeBlock", "TextAlign", "Color", "HardBreak"):
        assert extra not in extensions
    assert extensions["Heading"] == {"levels": [2, 3, 4]}
    assert "data-django-prose-editor-configurable" in response.content.decode()
