"""Ordered items: dragged into order in the admin, kept in that order on the public pages."""

import json
import re

import pytest
from django.test import Client
from django.utils.translation import override

from tests import factories
from tests.helpers.admin import admin_url, change_form


def titles_on(url, titles):
    """``titles`` in the order they appear on the public page at ``url``."""
    page = Client().get(url).content.decode()
    return sorted(titles, key=page.index)


def test_dragging_focus_areas_in_the_priority_form_orders_the_public_page(editor_client):
    priority = factories.make_priority()
    areas = [
        factories.make_focus_area(priority=priority, title_en=f"Area {c}", title_fi=f"Ala {c}")
        for c in "ABC"
    ]
    url, data = change_form(editor_client, priority)
    # What the drag-and-drop script does: it renumbers the hidden order inputs.
    assert all(data[f"focus_areas-{i}-order"] for i in range(3))
    for position, index in enumerate([2, 0, 1], start=1):
        data[f"focus_areas-{index}-order"] = [str(position)]

    assert editor_client.post(url, data).status_code == 302

    with override("en"):
        public = priority.get_absolute_url()
    assert titles_on(public, [a.title_en for a in areas]) == ["Area C", "Area A", "Area B"]


def test_dragging_priorities_in_the_change_list_orders_the_programme_page(editor_client):
    programme = factories.make_programme()
    first = factories.make_priority(programme=programme, title_en="First", order=1)
    second = factories.make_priority(programme=programme, title_en="Second", order=2)
    changelist = editor_client.get(admin_url("priorities.priority", "changelist"))
    assert 'class="drag handle"' in changelist.content.decode()

    response = editor_client.post(
        admin_url("priorities.priority", "sortable_update"),
        json.dumps({"updatedItems": [[second.pk, 1], [first.pk, 2]]}),
        content_type="application/json",
    )

    assert response.status_code == 200
    with override("en"):
        public = programme.get_absolute_url()
    assert titles_on(public, ["First", "Second"]) == ["Second", "First"]


@pytest.mark.parametrize(
    ("model_label", "inline_prefix", "make_parent"),
    [
        ("priorities.programme", "priorities", factories.make_programme),
        ("priorities.programme", "themes", factories.make_programme),
        ("priorities.priority", "focus_areas", factories.make_priority),
        ("regions.region", "strengths", factories.make_region),
        ("regions.region", "key_sectors", factories.make_region),
    ],
)
def test_ordered_inlines_can_be_dragged(editor_client, model_label, inline_prefix, make_parent):
    parent = make_parent()
    child = {
        "priorities": factories.make_priority,
        "themes": factories.make_theme,
        "focus_areas": factories.make_focus_area,
        "strengths": factories.make_strength,
    }
    if inline_prefix in child:
        parent_field = {"priorities": "programme", "themes": "programme"}.get(
            inline_prefix, parent._meta.model_name
        )
        child[inline_prefix](**{parent_field: parent})
    else:
        factories.make_key_sector(region=parent)

    response = editor_client.get(admin_url(model_label, "change", parent.pk))

    formsets = {f.formset.prefix: f for f in response.context["inline_admin_formsets"]}
    assert "sortable" in formsets[inline_prefix].classes.split()
    assert formsets[inline_prefix].formset.form.base_fields["order"].widget.is_hidden
    content = response.content.decode()
    for form in formsets[inline_prefix].formset.forms:
        assert content.count(f'name="{form.prefix}-order"') == 1


@pytest.mark.parametrize(
    "model_label",
    [
        "priorities.priority",
        "priorities.focusarea",
        "priorities.crosscuttingtheme",
        "priorities.regionkeysector",
        "regions.strength",
    ],
)
def test_ordered_change_lists_have_drag_handles_and_local_scripts(editor_client, model_label):
    factories.make_focus_area()
    factories.make_theme()
    factories.make_key_sector()
    factories.make_strength()

    response = editor_client.get(admin_url(model_label, "changelist"))

    content = response.content.decode()
    assert 'id="admin_sortable2_config"' in content
    assert 'type="application/json"' in content
    scripts = re.findall(r'<script [^>]*src="([^"]+)"', content)
    assert any("adminsortable2/js/adminsortable2" in src for src in scripts)
    assert any("adminsortable2/js/actions-6.1.js" in src for src in scripts)
    for src in scripts:
        assert src.startswith("/") and not src.startswith("//"), src
        assert editor_client.get(src).status_code == 200, src
    # No inline script: the page keeps working under a strict content security policy.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", content)
    assert all('type="application/json"' in attrs for attrs in inline), inline
