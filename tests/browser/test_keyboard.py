"""Keyboard only: from the top of the home page to its main content, every stop visibly marked."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Describes the focused element, tags it so that its style can be read again once the focus
# has moved on, and returns its focus marking (outline and box-shadow) as computed now.
FOCUSED = """
(index) => {
  const el = document.activeElement;
  el.dataset.tabStop = index;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    text: el.textContent.trim(),
    href: el.getAttribute("href"),
    area: el.closest("main") ? "main"
      : el.closest(".language-switcher") ? "languages"
      : el.closest(".main-nav") ? "menu"
      : el.closest("header") ? "header" : "other",
    marking: [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow],
    onScreen: rect.width > 0 && rect.height > 0 && rect.top >= 0 && rect.left >= 0
      && rect.bottom <= innerHeight && rect.right <= innerWidth,
  };
}
"""

UNFOCUSED_MARKING = """
(index) => {
  const style = getComputedStyle(document.querySelector(`[data-tab-stop="${index}"]`));
  return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow];
}
"""


def is_marked(marking):
    outline_style, outline_width, _colour, box_shadow = marking
    has_outline = outline_style != "none" and float(outline_width.removesuffix("px")) >= 2
    return has_outline or box_shadow != "none"


def test_tabbing_from_the_top_reaches_the_main_content_and_marks_every_stop(
    live_server, demo, page
):
    page.goto(f"{live_server.url}/en/")
    stops = []
    for index in range(40):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED, index)
        if stops:
            stops[-1]["unfocused"] = page.evaluate(UNFOCUSED_MARKING, index - 1)
        stops.append(stop)
        if stop["area"] == "main":
            break
    page.keyboard.press("Tab")
    stops[-1]["unfocused"] = page.evaluate(UNFOCUSED_MARKING, len(stops) - 1)

    skip_link = stops[0]
    assert (skip_link["href"], skip_link["text"]) == ("#main-content", "Skip to main content")
    assert skip_link["onScreen"], "the skip link shows when it has the focus"
    areas = [stop["area"] for stop in stops]
    assert [stop["text"] for stop in stops if stop["area"] == "languages"] == [
        "Suomi",
        "English",
        "Svenska",
    ]
    assert [stop["text"] for stop in stops if stop["area"] == "menu"] == [
        "Home",
        "Regions",
        "Sectors",
        "Smart specialisation",
    ]
    assert areas.index("languages") < areas.index("main")
    assert areas.index("menu") < areas.index("main")
    assert areas[-1] == "main"
    for stop in stops:
        assert is_marked(stop["marking"]), stop
        assert stop["marking"] != stop["unfocused"], stop
        assert stop["onScreen"], stop


def test_the_skip_link_moves_the_focus_to_the_main_content(live_server, demo, page):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")
