"""An editor's whole day in the admin, in a real browser."""

import pytest
from django.apps import apps as global_apps
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.translation import override
from PIL import Image
from pypdf import PdfWriter

from kainuu_portal.publishing import roles
from kainuu_portal.publishing.models import Status
from priorities.models import Priority, Programme
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-password-for-the-browser-test"


@pytest.fixture
def editor(db):
    user = User.objects.create_user("kaisa", password=PASSWORD, is_staff=True)
    groups = roles.sync_groups(global_apps)  # an editor who also publishes
    user.groups.add(groups[roles.EDITORS_GROUP], groups[roles.PUBLISHERS_GROUP])
    return user


@pytest.fixture
def kainuu(db):
    return factories.make_region(
        slug="kainuu", name_fi="Kainuu", name_en="Kainuu", name_sv="Kajanaland", is_home=True
    )


@pytest.fixture
def files(tmp_path):
    photo = tmp_path / "Vuokatti in winter.jpg"
    Image.new("RGB", (2400, 1600), "#2f5d8a").save(photo, "JPEG")
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    document = tmp_path / "S3 strategy 2022-2025.pdf"
    with document.open("wb") as out:
        writer.write(out)
    return {"photo": photo, "document": document}


def public_url(obj, language):
    with override(language):
        return obj.get_absolute_url()


def save_and_continue(page):
    page.locator('input[name="_continue"]').first.click()
    page.wait_for_load_state()
    errors = page.locator(".errornote, .errorlist")
    assert errors.count() == 0, errors.all_inner_texts()


def type_rich_text(page, field, text):
    editor = page.locator(f'.field-{field} [contenteditable="true"]')
    editor.click()
    page.keyboard.type(text)


def add_focus_areas(page, areas):
    for index, (title_fi, title_en) in enumerate(areas):
        page.locator("#focus_areas-group .add-row a").click()
        page.fill(f"#id_focus_areas-{index}-title_fi", title_fi)
        page.fill(f"#id_focus_areas-{index}-title_en", title_en)
        page.select_option(f"#id_focus_areas-{index}-status", Status.PUBLISHED)


def test_an_editors_day(live_server, page, browser, editor, kainuu, files):
    site = live_server.url
    visitor = browser.new_context(locale="fi-FI").new_page()

    # Log in.
    page.goto(f"{site}/admin/")
    page.fill("#id_username", "kaisa")
    page.fill("#id_password", PASSWORD)
    page.locator('input[type="submit"]').click()
    assert page.locator("#site-name").is_visible()

    # A new programme period with two priorities, saved as a draft.
    page.goto(f"{site}{reverse('admin:priorities_programme_add')}")
    assert page.locator("#id_region option[selected]").inner_text() == "Kainuu"
    page.fill("#id_start_year", "2022")
    page.fill("#id_end_year", "2025")
    page.locator("#id_end_year").dispatch_event("change")
    for language in ("fi", "en", "sv"):  # the slug in each language, filled in from the years
        assert page.locator(f"#id_slug_{language}").input_value() == "2022-2025"
    page.fill("#id_title_fi", "Kainuun älykäs erikoistuminen 2022–2025")
    page.fill("#id_title_en", "Smart Specialisation in Kainuu 2022–2025")
    page.fill("#id_summary_fi", "Kainuun strategia vuosille 2022–2025.")
    page.fill("#id_summary_en", "Kainuu's strategy for 2022–2025.")
    type_rich_text(page, "body_en", "The strategy builds on the region's strengths.")
    assert page.locator("#id_status").input_value() == Status.DRAFT
    for index, (title, slug) in enumerate(
        [("Teknologiateollisuus", "teknologiateollisuus"), ("Biotalous", "biotalous")]
    ):
        page.locator("#priorities-group .add-row a").click()
        page.fill(f"#id_priorities-{index}-title_fi", title)
        page.fill(f"#id_priorities-{index}-slug_fi", slug)
        page.select_option(f"#id_priorities-{index}-status", Status.PUBLISHED)
    save_and_continue(page)

    programme = Programme.objects.get(region=kainuu, slug="2022-2025")
    assert programme.status == Status.DRAFT
    assert "region's strengths" in programme.body_en
    technology, bioeconomy = Priority.objects.filter(programme=programme).order_by("order")

    # Each priority gets its English title and focus areas in Finnish and English.
    focus_areas = {
        technology: [
            ("Mittaustekniikka", "Measurement technology"),
            ("Metalliteollisuus", "Metal industry"),
        ],
        bioeconomy: [("Metsätalous", "Forestry"), ("Elintarvikkeet", "Food")],
    }
    english = {technology: "Technology industry", bioeconomy: "Bioeconomy"}
    for priority, areas in focus_areas.items():
        page.goto(f"{site}{reverse('admin:priorities_priority_change', args=[priority.pk])}")
        page.fill("#id_title_en", english[priority])
        add_focus_areas(page, areas)
        save_and_continue(page)

    # A visitor cannot see the draft.
    response = visitor.goto(f"{site}{public_url(programme, 'fi')}")
    assert response.status == 404

    # The editor previews it through "View on site".
    page.goto(f"{site}{reverse('admin:priorities_programme_change', args=[programme.pk])}")
    page.locator("a.viewsitelink").click()
    page.wait_for_load_state()
    assert "Draft preview" in page.locator(".preview-banner").inner_text()
    assert "Measurement technology" in page.locator("main").inner_text()

    # Publish it.
    page.goto(f"{site}{reverse('admin:priorities_programme_change', args=[programme.pk])}")
    page.select_option("#id_status", Status.PUBLISHED)
    save_and_continue(page)

    # It is on the public site, in both languages.
    visitor.goto(f"{site}{public_url(programme, 'fi')}")
    finnish = visitor.locator("main").inner_text()
    assert "Kainuun älykäs erikoistuminen 2022–2025" in finnish
    assert "Mittaustekniikka" in finnish and "Elintarvikkeet" in finnish
    assert visitor.locator(".preview-banner").count() == 0
    visitor.goto(f"{site}{public_url(programme, 'en')}")
    english_page = visitor.locator("main").inner_text()
    assert "Smart Specialisation in Kainuu 2022–2025" in english_page
    assert "Technology industry" in english_page and "Forestry" in english_page

    # Change a priority's title ...
    change_url = f"{site}{reverse('admin:priorities_priority_change', args=[technology.pk])}"
    page.goto(change_url)
    page.fill("#id_title_en", "Technology industries, renamed by mistake")
    save_and_continue(page)
    visitor.goto(f"{site}{public_url(technology, 'en')}")
    assert "renamed by mistake" in visitor.locator("h1").inner_text()

    # ... compare it with the version before, and revert that change from the history.
    page.goto(f"{site}{reverse('admin:priorities_priority_history', args=[technology.pk])}")
    rows = page.locator("#change-history tbody tr")
    assert "kaisa" in rows.first.inner_text()
    rows.nth(1).locator('input[name="version_id1"]').check()
    rows.first.locator('input[name="version_id2"]').check()
    page.locator('#change-history input[type="submit"]').click()
    compared = page.locator("#content-main").inner_text()
    assert "Technology industry" in compared and "renamed by mistake" in compared
    page.goto(f"{site}{reverse('admin:priorities_priority_history', args=[technology.pk])}")
    page.locator("#change-history tbody tr").nth(1).locator("th a").click()
    assert page.locator("#id_title_en").input_value() == "Technology industry"
    page.locator('input[name="_save"]').first.click()
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count() == 1
    visitor.goto(f"{site}{public_url(technology, 'en')}")
    assert visitor.locator("h1").inner_text() == "Technology industry"

    # Upload an image with its alt text, and the strategy document.
    page.goto(f"{site}{reverse('admin:priorities_programme_change', args=[programme.pk])}")
    page.set_input_files("#id_image", str(files["photo"]))
    page.fill("#id_image_alt_fi", "Vuokatin rinteet talvella")
    page.fill("#id_image_alt_en", "The slopes of Vuokatti in winter")
    page.fill("#id_image_alt_sv", "Vuokattis backar på vintern")
    page.set_input_files("#id_source_document", str(files["document"]))
    page.fill("#id_source_document_title_en", "The strategy document")
    save_and_continue(page)

    visitor.goto(f"{site}{public_url(programme, 'en')}")
    image = visitor.locator("main img").first
    assert image.get_attribute("alt") == "The slopes of Vuokatti in winter"
    assert "1600w" in image.get_attribute("srcset")
    link = visitor.get_by_role("link", name="The strategy document")
    download = visitor.request.get(f"{site}{link.get_attribute('href')}")
    assert download.status == 200
    assert download.headers["content-disposition"].startswith("attachment")
    assert download.body().startswith(b"%PDF-")
    visitor.context.close()


def test_focus_areas_are_put_in_order_with_the_sortable_controls(live_server, page, editor, kainuu):
    programme = factories.make_programme(region=kainuu)
    priority = factories.make_priority(programme=programme, title_en="Priority")
    for position, name in enumerate(["First", "Second", "Third"], start=1):
        factories.make_focus_area(priority=priority, title_fi=name, title_en=name, order=position)
    site = live_server.url
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "kaisa")
    page.fill("#id_password", PASSWORD)
    page.locator('input[type="submit"]').click()

    page.goto(f"{site}{reverse('admin:priorities_priority_change', args=[priority.pk])}")
    headings = page.locator("#focus_areas-group .inline-related.has_original h3")
    # django-admin-sortable2's script (served from this site, no CDN) renumbers
    # the hidden order inputs when a row is dragged or, as here, moved with the
    # "Move to first position" control of its handle bar. (Headless Chromium
    # does not turn synthetic mouse moves into the HTML5 drag events that its
    # SortableJS listens for.)
    headings.nth(2).locator("i.move-begin").click()
    orders = [page.locator(f"#id_focus_areas-{index}-order").input_value() for index in range(3)]
    assert orders == ["2", "3", "1"]
    save_and_continue(page)

    page.goto(f"{site}{public_url(priority, 'en')}")
    items = page.locator("main .focus-areas li, main li").all_inner_texts()
    shown = [text.strip() for text in items if text.strip() in {"First", "Second", "Third"}]
    assert shown == ["Third", "First", "Second"]
