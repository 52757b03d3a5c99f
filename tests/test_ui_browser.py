"""The web page in headless Chromium, as a reader uses it, on a laptop and on a phone.

The server runs with the fake embedder (the questions here are answered by rules, not by
similarity), so the test needs no model, only Chromium. Every test opens the page in a new
browser context: its own localStorage, so no test sees another's conversation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Chromium not installed (apt-get install chromium chromium-driver); "
                "skipping the browser test", allow_module_level=True)

from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright  # noqa: E402

from assistant.evaluate import corpus_paths  # noqa: E402
from tests.test_ui_api import running_server  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ANSWER_TIMEOUT_MS = 30_000
LAPTOP = {"width": 1360, "height": 1000}
PHONE = {"width": 390, "height": 844}


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


def open_page(browser: Browser, url: str, viewport: dict[str, int] = LAPTOP) -> Page:
    page = browser.new_context(viewport=viewport).new_page()  # type: ignore[arg-type]
    page.goto(url)
    page.locator("#pq-question textarea").wait_for()
    settle(page)
    return page


def settle(page: Page) -> None:
    """Wait until no Gradio event is running (its status trackers hidden) and fonts are in."""
    page.wait_for_function("""async () => {
        await document.fonts.ready;
        return [...document.querySelectorAll('[data-testid=status-tracker]')]
            .every((e) => e.classList.contains('hide'));
    }""")
    page.wait_for_timeout(200)


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    page = open_page(browser, base_url)
    yield page
    page.context.close()


def replies(page: Page) -> Locator:
    return page.locator('#pq-chat [data-testid="bot"]')


def answered(page: Page, count: int) -> Locator:
    """The last reply, once there are ``count`` replies and none is still being looked up."""
    expect(replies(page)).to_have_count(count, timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator("#pq-chat .pq-pending")).to_have_count(0, timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator("#pq-submit")).to_be_enabled(timeout=ANSWER_TIMEOUT_MS)
    return replies(page).nth(count - 1)


def ask(page: Page, question: str) -> Locator:
    """Submit a question and return the assistant's reply to it once it is shown."""
    before = replies(page).count()
    box = page.locator("#pq-question textarea")
    box.fill(question)
    box.press("Enter")
    return answered(page, before + 1)


def in_view(page: Page, element: Locator, *, within_ms: int = 5000) -> bool:
    """Whether the element's top line comes inside the window and inside the chat's box
    (within ``within_ms``: the page scrolls smoothly, which takes longer on a busy machine)."""
    script = """(e) => {
        const r = e.getBoundingClientRect();
        const box = document.querySelector('#pq-chat .bubble-wrap') || document.body;
        const b = box.getBoundingClientRect();
        return r.top >= Math.max(0, b.top) - 1 && r.top + 16 <= Math.min(innerHeight, b.bottom);
    }"""
    for _ in range(max(1, within_ms // 100)):
        if element.evaluate(script):
            return True
        page.wait_for_timeout(100)
    return False


# -- answers and their sources ------------------------------------------------------------


def test_answer_links_each_marker_to_a_numbered_source_card(page: Page) -> None:
    reply = ask(page, "What did MEXT do in FY2019?")
    expect(reply).to_contain_text("MEXT")
    cards = reply.locator(".pq-card")
    numbers = cards.locator(".pq-num").all_inner_texts()
    assert numbers == [str(n) for n in range(1, cards.count() + 1)] and numbers
    chips = reply.locator("a.pq-ref")
    assert {chips.nth(i).get_attribute("href") for i in range(chips.count())} == {
        f"#{cards.nth(i).get_attribute('id')}" for i in range(cards.count())}
    expect(chips.first).to_have_accessible_name("Source 1")
    badge = reply.locator(".pq-badge", has_text="MEXT").first
    assert "Ministry of Education" in (badge.get_attribute("title") or "")
    expect(reply.locator(".pq-filters")).to_contain_text("FY2019")


def test_a_chip_scrolls_to_and_highlights_its_card(page: Page) -> None:
    reply = ask(page, "What did NPA do in FY2019?")
    reply.locator("a.pq-ref").last.click()
    card = reply.locator(".pq-card").last
    expect(card).to_have_class(re.compile("pq-highlight"))
    expect(card).to_have_attribute("open", "")
    assert in_view(page, card)
    expect(card.locator("summary")).to_be_focused()


def test_a_chip_works_from_the_keyboard(page: Page) -> None:
    reply = ask(page, "What did MEXT do in FY2019?")
    chip = reply.locator("a.pq-ref").nth(1)
    chip.focus()
    assert chip.evaluate("(e) => getComputedStyle(e).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(reply.locator(".pq-card").nth(1)).to_have_class(re.compile("pq-highlight"))


def test_a_card_is_one_line_that_opens_to_the_effort_and_its_source_line(page: Page) -> None:
    reply = ask(page, "What did NPA do in FY2019?")
    card = reply.locator(".pq-card").first
    line_height = card.locator(".pq-card-line").evaluate("(e) => e.getBoundingClientRect().height")
    assert line_height < 30
    expect(card.locator(".pq-card-text")).to_be_hidden()
    card.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(card.locator(".pq-card-text")).to_be_visible()
    expect(card.locator(".pq-meta")).to_contain_text(re.compile(r"fy2019_efforts\.txt, line \d+"))


def test_a_five_source_answer_fits_a_laptop_screen(page: Page) -> None:
    reply = ask(page, "What did NPA do in FY2019?")
    expect(reply.locator(".pq-card")).to_have_count(5)
    height = reply.evaluate("(e) => e.getBoundingClientRect().height")
    assert height < LAPTOP["height"] * 0.7, height


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_answer_is_shown_from_its_first_line(
    browser: Browser, base_url: str, viewport: dict[str, int]
) -> None:
    page = open_page(browser, base_url, viewport)
    ask(page, "What did MEXT do in FY2019?")
    reply = ask(page, "What did NPA do in FY2019?")
    assert in_view(page, reply.locator("p, ol, ul").first)
    page.context.close()


def test_a_card_links_to_its_effort_in_browse_the_plan(page: Page) -> None:
    page.get_by_role("tab", name="Browse the plan").click()
    page.locator("#pq-browse-ministry input").click()
    page.get_by_role("option", name=re.compile(r"Ministry of Justice")).click()
    page.get_by_role("tab", name="Ask").click()
    reply = ask(page, "What did MEXT do in FY2019?")  # no MEXT effort in the MOJ view
    card = reply.locator(".pq-card").first
    card.locator("summary").click()
    effort_id = card.get_attribute("id") and card.locator(".pq-goto").get_attribute("href")
    card.locator(".pq-goto").click()
    effort = page.locator(f"[id='{(effort_id or '#')[1:]}']")
    expect(effort).to_be_visible()
    expect(effort).to_have_class(re.compile("pq-highlight"))
    expect(effort).to_be_focused()


def test_a_glossary_answer_cites_the_legend_line(page: Page) -> None:
    reply = ask(page, "What does METI stand for?")
    card = reply.locator(".pq-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("List of abbreviations")
    reply.locator("a.pq-legend-ref").click()
    expect(card.locator(".pq-meta")).to_contain_text("fy2019_efforts.txt, line 29")


# -- conversation context -----------------------------------------------------------------


def test_a_follow_up_says_what_it_took_and_can_be_asked_without_it(page: Page) -> None:
    ask(page, "What did MEXT do in FY2019?")
    reply = ask(page, "And MHLW?")
    expect(reply.locator(".pq-context")).to_contain_text("Following up on: FY2019")
    for badge in reply.locator(".pq-card").all():
        expect(badge.locator(".pq-badge", has_text="MHLW")).to_have_count(1)
    reply.get_by_role("link", name="Ask again without this context").click()
    again = answered(page, 3)
    expect(page.locator('[data-testid="user"]').last).to_have_text("And MHLW?")
    expect(again.locator(".pq-context")).to_have_count(0)


def test_new_conversation_clears_questions_and_context_but_keeps_filters(page: Page) -> None:
    page.locator("#pq-years").get_by_label("FY2019").check()
    ask(page, "What did MEXT do in FY2019?")
    page.get_by_role("button", name="New conversation").click()
    expect(replies(page)).to_have_count(0)
    expect(page.locator("#pq-years").get_by_label("FY2019")).to_be_checked()
    reply = ask(page, "And MHLW?")
    expect(reply.locator(".pq-context")).to_have_count(0)
    expect(reply.locator(".pq-filters")).to_contain_text("Your filters: FY2019")


# -- examples and loading -----------------------------------------------------------------


def test_each_example_is_asked_by_one_click_and_answered_on_its_own(page: Page) -> None:
    ask(page, "What did MEXT do in FY2019?")
    examples = page.locator("#pq-examples button")
    assert examples.count() >= 4
    for i in range(examples.count()):
        text = examples.nth(i).inner_text()
        examples.nth(i).click()
        reply = answered(page, i + 2)
        expect(page.locator('[data-testid="user"]').last).to_have_text(text)
        expect(reply.locator(".pq-context")).to_have_count(0)
        expect(reply).not_to_contain_text("Please type")


_WATCH_LOADING = """() => {
    window.__seen = [];
    new MutationObserver(() => {
        if (document.querySelector('#pq-chat .pq-pending')) {
            window.__seen.push({
                question: [...document.querySelectorAll('#pq-chat [data-testid=user]')].pop()
                    ?.innerText,
                askDisabled: document.querySelector('#pq-submit').disabled,
            });
        }
    }).observe(document.querySelector('#pq-chat'), {subtree: true, childList: true});
}"""


def test_the_question_shows_at_once_with_a_placeholder_and_ask_waits(page: Page) -> None:
    page.evaluate(_WATCH_LOADING)
    ask(page, "What did MEXT do in FY2019?")
    seen: list[dict[str, Any]] = page.evaluate("window.__seen")
    assert seen and seen[0] == {"question": "What did MEXT do in FY2019?", "askDisabled": True}
    expect(page.locator("#pq-submit")).to_be_enabled()


def test_a_double_click_gives_one_answer(page: Page) -> None:
    page.locator("#pq-question textarea").fill("What did MEXT do in FY2019?")
    page.locator("#pq-submit").dblclick()
    answered(page, 1)
    page.wait_for_timeout(1500)
    expect(replies(page)).to_have_count(1)
    expect(page.locator("#pq-note")).not_to_contain_text("Please type")


def test_an_empty_question_is_refused_at_the_box_without_a_reply(page: Page) -> None:
    page.locator("#pq-question textarea").fill("   ")
    page.locator("#pq-submit").click()
    expect(page.get_by_role("status").filter(has_text="Please type a question")).to_be_visible()
    expect(replies(page)).to_have_count(0)
    ask(page, "What did MEXT do in FY2019?")
    expect(page.locator("#pq-note")).not_to_contain_text("Please type")


# -- keep and share -----------------------------------------------------------------------


def test_the_conversation_survives_a_reload_and_carries_on(page: Page) -> None:
    ask(page, "What did MEXT do in FY2019?")
    page.reload()
    expect(replies(page)).to_have_count(1, timeout=ANSWER_TIMEOUT_MS)
    expect(replies(page).last.locator(".pq-card").first).to_be_attached()
    reply = ask(page, "And MHLW?")
    expect(reply.locator(".pq-context")).to_contain_text("FY2019")


def test_export_downloads_every_answer_with_its_sources(page: Page) -> None:
    first = ask(page, "What did MEXT do in FY2019?")
    ask(page, "What does METI stand for?")
    sources = first.locator(".pq-card .pq-card-text").all_text_contents()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download Markdown").click()
    assert download.value.suggested_filename == "planqa-conversation.md"
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert "## 1. What did MEXT do in FY2019?" in markdown
    assert "## 2. What does METI stand for?" in markdown
    for n, text in enumerate(sources, start=1):
        assert f"- [{n}] {text}" in markdown
    with page.expect_download() as download:
        page.get_by_role("button", name="Download JSON").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [t["question"] for t in data["turns"]] == [
        "What did MEXT do in FY2019?", "What does METI stand for?"]
    assert len(data["turns"][0]["answer"]["citations"]) == len(sources)


def test_a_q_link_opens_the_page_and_asks_its_question(browser: Browser, base_url: str) -> None:
    page = open_page(browser, base_url + "?q=What%20did%20MOJ%20do%20in%20FY2019%3F")
    reply = answered(page, 1)
    expect(page.locator('[data-testid="user"]').last).to_have_text("What did MOJ do in FY2019?")
    expect(reply.locator(".pq-card-by").first).to_contain_text("MOJ")
    assert "q=" not in page.url  # a reload does not ask it again
    page.context.close()


# -- accessibility ------------------------------------------------------------------------


def test_controls_have_names_a_screen_reader_reads(page: Page) -> None:
    expect(page.get_by_role("textbox", name="Your question")).to_be_visible()
    expect(page.get_by_role("button", name="Ask", exact=True)).to_be_visible()
    expect(page.get_by_role("combobox", name="Ministries")).to_be_visible()
    page.locator("#pq-ministries input").click()
    page.get_by_role("option", name=re.compile(r"National Police Agency")).click()
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Remove National Police Agency (NPA)")).to_be_visible()
    reply = ask(page, "What did they do about SNS?")
    assert reply.get_attribute("aria-label") is None  # Gradio's label is the raw HTML


def _serious(page: Page) -> list[str]:
    settle(page)
    violations = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
            for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_axe_finds_no_serious_violation_empty_answered_or_browsing(
    browser: Browser, base_url: str, theme: str, viewport: dict[str, int]
) -> None:
    page = open_page(browser, f"{base_url}?__theme={theme}", viewport)
    found = {"empty page": _serious(page)}
    ask(page, "What did MEXT do in FY2019?")
    reply = ask(page, "And MHLW?")
    reply.locator(".pq-card summary").first.click()
    reply.locator("a.pq-ref").first.click()
    found["after an answer"] = _serious(page)
    page.get_by_role("tab", name="Browse the plan").click()
    expect(page.locator("#pq-plan")).to_contain_text("fy2019-1.1.1")
    found["Browse the plan"] = _serious(page)
    page.context.close()
    assert found == {"empty page": [], "after an answer": [], "Browse the plan": []}


# -- safety and filters -------------------------------------------------------------------


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


def test_ministry_filter_applies_to_the_next_question_and_is_stated_once(page: Page) -> None:
    page.locator("#pq-ministries input").click()
    page.get_by_role("option", name=re.compile(r"National Police Agency")).click()
    page.keyboard.press("Escape")
    reply = ask(page, "What did they do about SNS?")
    expect(reply.locator(".pq-filters")).to_contain_text("Your filters: NPA")
    expect(reply).not_to_contain_text("Filter applied")
    cards = reply.locator(".pq-card")
    assert cards.count() >= 1
    for i in range(cards.count()):
        expect(cards.nth(i).locator(".pq-badge", has_text="NPA")).to_have_count(1)


# -- two years side by side ---------------------------------------------------------------


@pytest.fixture(scope="module")
def two_years_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over FY2019 and the invented FY2020 comparison report."""
    index_dir = tmp_path_factory.mktemp("ui-browser-two") / "indexes"
    with running_server(index_dir, fake_embedder=True,
                        corpus=tuple(corpus_paths("cmp1"))) as (url, _):
        yield url


def _side_by_side(page: Page) -> Locator:
    page.get_by_role("tab", name="Browse the plan").click()
    page.locator("#pq-browse-years input").click()
    page.get_by_role("option", name="FY2019 and FY2020 side by side").click()
    plan = page.locator("#pq-plan")
    expect(plan.locator("table.pq-cmp").first).to_be_visible()
    return plan


def test_browse_shows_two_years_side_by_side_with_each_effort_marked(
    browser: Browser, two_years_url: str
) -> None:
    page = open_page(browser, two_years_url)
    plan = _side_by_side(page)
    expect(plan.locator("h2")).to_contain_text("FY2019 → FY2020 · ")
    expect(plan).to_contain_text("matched by the similarity of their text")
    headers = plan.locator("table.pq-cmp").first.locator("th").all_inner_texts()
    assert headers == ["FY2019", "FY2020"]
    tags = set(plan.locator(".pq-tag").all_inner_texts())
    assert tags == {"new", "continued", "no longer reported"}
    # a continued pair sits on one row: its earlier effort beside its later one
    row = plan.locator("tr", has=page.locator(".pq-tag-continued")).first
    cells = row.locator("td").all_inner_texts()
    assert cells[0].count("fy2019-") == 1 and cells[1].count("fy2020-") == 1
    for new_row in plan.locator("tr", has=page.locator(".pq-tag-new")).all():
        assert new_row.locator("td").first.inner_text().strip() in ("", "none")
    page.context.close()


def test_the_side_by_side_view_follows_the_ministry_filter_and_resets(
    browser: Browser, two_years_url: str
) -> None:
    page = open_page(browser, two_years_url)
    plan = _side_by_side(page)
    page.locator("#pq-browse-ministry input").click()
    page.get_by_role("option", name=re.compile(r"Ministry of Justice")).click()
    expect(plan.locator("h2")).to_contain_text("· MOJ ·")
    for text in plan.locator("td:not(.pq-cmp-empty)").all_inner_texts():
        assert "MOJ" in text
    page.locator("#pq-browse-all").evaluate("(b) => b.click()")
    expect(plan.locator("table.pq-cmp")).to_have_count(0)
    expect(plan).to_contain_text("fy2020-1.1.1")
    page.context.close()


def test_a_one_year_corpus_offers_no_side_by_side_view(page: Page) -> None:
    page.get_by_role("tab", name="Browse the plan").click()
    expect(page.locator("#pq-browse-years")).to_have_count(0)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_serious_violation_in_the_side_by_side_view(
    browser: Browser, two_years_url: str, theme: str
) -> None:
    page = open_page(browser, f"{two_years_url}?__theme={theme}")
    _side_by_side(page)
    found = _serious(page)
    page.context.close()
    assert found == []
