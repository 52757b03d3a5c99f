"""The web page in headless Chromium: ask, follow up, and stay safe with hostile questions.

The server runs with the fake embedder (the questions here are answered by rules, not by
similarity), so the test needs no model, only Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Chromium not installed (apt-get install chromium chromium-driver); "
                "skipping the browser test", allow_module_level=True)

from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright  # noqa: E402

from tests.test_ui_api import running_server  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ANSWER_TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    index_dir = tmp_path_factory.mktemp("ui-browser") / "indexes"
    with running_server(index_dir, fake_embedder=True) as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(base_url)
    page.locator("#pq-question textarea").wait_for()
    yield page
    context.close()


def ask(page: Page, question: str) -> Locator:
    """Submit a question and return the assistant's reply to it once it is shown."""
    replies = page.locator('[data-testid="bot"]')
    before = replies.count()
    box = page.locator("#pq-question textarea")
    box.fill(question)
    box.press("Enter")
    expect(replies).to_have_count(before + 1, timeout=ANSWER_TIMEOUT_MS)
    return replies.last


def test_answer_shows_its_text_and_numbered_source_cards(page: Page) -> None:
    reply = ask(page, "What did MEXT do in FY2019?")
    expect(reply).to_contain_text("MEXT")
    cards = reply.locator(".pq-card")
    assert cards.count() >= 1
    numbers = [cards.nth(i).locator(".pq-num").inner_text() for i in range(cards.count())]
    assert numbers == [f"[{n}]" for n in range(1, cards.count() + 1)]
    markers = set(reply.locator(".pq-ref").all_inner_texts())
    assert markers == set(numbers)
    badge = reply.locator(".pq-badge", has_text="MEXT").first
    assert "Ministry of Education" in (badge.get_attribute("title") or "")
    expect(reply.locator(".pq-filters")).to_contain_text("FY2019")
    page.get_by_role("button", name=re.compile("Copy answer as Markdown")).click()
    expect(page.locator("#pq-markdown")).to_contain_text("**Sources**")


def test_follow_up_builds_on_the_previous_question(page: Page) -> None:
    ask(page, "What did MEXT do in FY2019?")
    reply = ask(page, "And MHLW?")
    cards = reply.locator(".pq-card")
    assert cards.count() >= 1
    for i in range(cards.count()):
        expect(cards.nth(i).locator(".pq-badge", has_text="MHLW")).to_have_count(1)


def test_script_in_a_question_is_shown_as_text_and_never_runs(page: Page) -> None:
    question = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">"
    ask(page, question)
    expect(page.locator('[data-testid="user"]').last).to_have_text(question)
    page.wait_for_timeout(500)
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_markdown_image_in_a_question_loads_nothing(page: Page) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    question = "![x](http://127.0.0.1:9/x.png) what about this?"
    ask(page, question)
    page.wait_for_timeout(500)
    assert not [u for u in requested if "127.0.0.1:9/" in u]
    assert page.locator('#pq-chat img[src*="127.0.0.1:9"]').count() == 0
    expect(page.locator('[data-testid="user"]').last).to_contain_text("![x](http://127.0.0.1:9/x.png)")


def test_browse_tab_lists_efforts_and_filters_by_ministry(page: Page) -> None:
    page.get_by_role("tab", name="Browse the plan").click()
    plan = page.locator("#pq-plan")
    expect(plan).to_contain_text("fy2019-1.1.1")
    total = plan.locator("li").count()
    dropdown = page.locator("#pq-browse-ministry input")
    dropdown.click()
    page.get_by_role("option", name=re.compile(r"Ministry of Justice")).click()
    expect(plan.locator("li")).not_to_have_count(total)
    for text in plan.locator("li").all_inner_texts():
        assert "MOJ" in text


def test_ministry_filter_applies_to_the_next_question_and_is_shown(page: Page) -> None:
    page.locator("#pq-ministries input").click()
    page.get_by_role("option", name=re.compile(r"National Police Agency")).click()
    page.keyboard.press("Escape")
    reply = ask(page, "What did they do about SNS?")
    expect(reply.locator(".pq-filters")).to_contain_text("Your filters: NPA")
    cards = reply.locator(".pq-card")
    assert cards.count() >= 1
    for i in range(cards.count()):
        expect(cards.nth(i).locator(".pq-badge", has_text="NPA")).to_have_count(1)
