"""
Reflow, text size, print, pages without JavaScript and the weight of the home page.

WCAG 1.4.10 and 1.4.4: at 320 CSS pixels wide, and with the browser's text size at 200%,
no page scrolls sideways and no two pieces of text overlap.
"""

import pytest

from tests.helpers.pages import LANGUAGES, public_page_urls

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOME_PAGE_BUDGET = 100_000  # bytes of HTML, CSS and JavaScript before compression

# Every visible piece of text as boxes (one per line), then the pairs of boxes from different
# text nodes that overlap by more than a hair, and the boxes that stick out of the page.
TEXT_LAYOUT = """
() => {
  const boxes = [];
  const { FILTER_ACCEPT, FILTER_REJECT, SHOW_TEXT } = NodeFilter;
  const walker = document.createTreeWalker(document.body, SHOW_TEXT, {
    acceptNode: (node) => node.textContent.trim() ? FILTER_ACCEPT : FILTER_REJECT,
  });
  const range = document.createRange();
  for (let node = walker.nextNode(), index = 0; node; node = walker.nextNode(), index++) {
    const parent = node.parentElement;
    if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const own = parent.getBoundingClientRect();
    if (own.width <= 1 || own.height <= 1) continue;  // visually hidden text
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width < 1 || rect.height < 1 || rect.bottom + scrollY <= 0) continue;
      boxes.push({
        index, text: node.textContent.trim().slice(0, 40),
        left: rect.left + scrollX, right: rect.right + scrollX,
        top: rect.top + scrollY, bottom: rect.bottom + scrollY,
      });
    }
  }
  const slack = 2;
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.index !== b.index && a.left < b.right - slack && b.left < a.right - slack
          && a.top < b.bottom - slack && b.top < a.bottom - slack) {
        overlaps.push(`${a.text} | ${b.text}`);
      }
    }
  }
  const width = document.documentElement.clientWidth;
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: width,
    overlaps,
    outside: boxes.filter((box) => box.left < -1 || box.right > width + 1).map((box) => box.text),
  };
}
"""


def set_text_size(page, pixels):
    """The browser's own text size setting (16 px is 100 %), as a reader would change it."""
    session = page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": pixels, "fixed": pixels}})


def layout_problems(page, url):
    page.goto(url)
    layout = page.evaluate(TEXT_LAYOUT)
    problems = []
    if layout["scrollWidth"] > layout["clientWidth"]:
        problems.append(f"scrolls sideways: {layout['scrollWidth']} > {layout['clientWidth']}")
    problems += [f"overlaps: {pair}" for pair in layout["overlaps"]]
    problems += [f"outside the page: {text}" for text in layout["outside"]]
    return [f"{url}: {problem}" for problem in problems]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("width", "text_size"),
    [(320, 16), (1280, 32), (640, 32)],
    ids=["320px", "200%-text", "200%-text-640px"],
)
def test_no_page_scrolls_sideways_or_overlaps(live_server, demo, page, language, width, text_size):
    page.set_viewport_size({"width": width, "height": 800})
    set_text_size(page, text_size)
    page.goto(f"{live_server.url}/{language}/")
    assert page.evaluate("getComputedStyle(document.body).fontSize") == f"{text_size}px"
    problems = []
    for path in public_page_urls(language).values():
        problems += layout_problems(page, live_server.url + path)
    assert problems == []


def test_printed_pages_leave_out_the_navigation_and_show_link_targets(live_server, demo, page):
    page.emulate_media(media="print")
    paths = public_page_urls("en")
    page.goto(live_server.url + paths["region"])
    for selector in [".skip-link", ".language-switcher", ".main-nav", ".breadcrumb"]:
        assert page.eval_on_selector(selector, "el => getComputedStyle(el).display") == "none"
    assert page.get_by_role("heading", level=1).is_visible()
    website = page.locator("main a[href^='https://']").first
    href = website.get_attribute("href")
    assert href in website.evaluate("el => getComputedStyle(el, '::after').content")

    page.goto(live_server.url + paths["page-accessibility"])
    mail = page.locator("main a[href^='mailto:']").first
    assert "kirjaamo@kainuunliitto.fi" in mail.evaluate(
        "el => getComputedStyle(el, '::after').content"
    )


def test_pages_can_be_read_and_navigated_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/en/")
        assert page.get_by_role("heading", level=1, name="Kainuu at a glance").is_visible()
        menu = page.get_by_role("navigation", name="Main")
        menu.get_by_role("link", name="Regions").click()
        assert page.get_by_role("heading", level=1, name="Regions").is_visible()
        page.get_by_role("link", name="Kainuu", exact=True).first.click()
        assert page.get_by_role("heading", level=1, name="Kainuu").is_visible()
        page.get_by_role("navigation", name="Language").get_by_role("link", name="Svenska").click()
        assert page.get_by_role("heading", level=1, name="Kajanaland").is_visible()
        assert page.url.startswith(f"{live_server.url}/sv/")
        page.locator(".main-nav").get_by_role("link").last.click()
        assert page.url.startswith(f"{live_server.url}/sv/")
        assert page.get_by_role("heading", level=1).is_visible()
    finally:
        context.close()


def test_the_home_page_weighs_under_100_kb_with_everything_it_loads(live_server, demo, page):
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{live_server.url}/en/", wait_until="load")
    sizes = {
        response.url: len(response.body())
        for response in responses
        if not 300 <= response.status < 400  # a redirect has no body
    }
    kinds = {response.request.resource_type for response in responses}
    assert "stylesheet" in kinds
    assert all(url.startswith(live_server.url) for url in sizes)
    assert sum(sizes.values()) < HOME_PAGE_BUDGET, sizes
