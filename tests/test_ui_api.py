"""The web server's ``/ask`` API, driven by gradio_client, and its file routes, by plain HTTP.

The server runs ``ui.web.serve`` in a subprocess on a free loopback port with the real model,
as ``planqa serve`` would; ``running_server`` is shared with the browser test. A few
fast tests of the page's escaping and error handling come first.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from assistant import Answer, Assistant, Citation
from corpus.errors import PlanqaError
from ui import chat, render, web
from ui.chat import (
    Turn,
    chat_messages,
    context_of,
    json_export,
    markdown_export,
    restored,
    saved,
)
from ui.legend import Legends
from ui.plan_view import example_questions

REPO_ROOT = Path(__file__).resolve().parent.parent

_SERVER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from assistant import Assistant
    from ui.web import serve
    embedder = None
    if sys.argv[4] == "fake":
        from tests.conftest import FakeEmbedder
        embedder = FakeEmbedder()
    bot = Assistant.load(sys.argv[5:] or None, index_dir=sys.argv[2], embedder=embedder)
    serve(bot, host="127.0.0.1", port=int(sys.argv[3]), index_root=sys.argv[2])
    """
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tail(path: Path) -> str:
    return path.read_text(errors="replace")[-3000:]


@contextlib.contextmanager
def running_server(
    index_dir: Path,
    *,
    fake_embedder: bool = False,
    startup_s: float = 180.0,
    corpus: tuple[Path, ...] = (),
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Serve planqa from a subprocess on a free loopback port; yields (url, process).

    ``corpus``: the reports to load (default: the bundled FY2019 report).
    """
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}
    log_path = index_dir.parent / f"server-{port}.log"
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-c", _SERVER, str(REPO_ROOT), str(index_dir), str(port),
             "fake" if fake_embedder else "real", *map(str, corpus)],
            cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + startup_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{_tail(log_path)}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server not up in {startup_s}s:\n{_tail(log_path)}")
            time.sleep(0.5)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    index_dir = tmp_path_factory.mktemp("ui-api") / "indexes"
    with running_server(index_dir) as (url, _):
        yield url, index_dir


@pytest.fixture(scope="module")
def client(server: tuple[str, Path]) -> Client:
    return Client(server[0], verbose=False)


def ask(client: Client, question: str, history: list[str] | None = None,
        ministries: list[str] | None = None, fiscal_years: list[int] | None = None
        ) -> dict[str, Any]:
    result = client.predict(question, history or [], ministries or [], fiscal_years or [],
                            api_name="/ask")
    assert isinstance(result, dict)
    return result


# -- rendering, without a server ---------------------------------------------------------


def _citation(text: str = "Held a <b>symposium</b> (July 2019).", number: int = 1) -> Citation:
    return Citation(
        number=number, effort_id="fy2019-1.1.1", text=text, ministries=("CAO",),
        ministry_names=("Cabinet <Office>",), section=1, section_title="Awareness & more",
        measure=1, measure_title="Public relations", fiscal_year=2019, dates=("2019-07",),
        source="fy2019_efforts.txt", line=7,
    )


@pytest.mark.parametrize(
    "question",
    ["<script>alert(1)</script>", "![x](http://127.0.0.1:9/x.png)", "[link](javascript:x)",
     "<img src=x onerror=alert(1)>", "    indented <b>", "**bold** `code` # head", "&lt;"],
)
def test_user_text_becomes_markdown_without_html_links_or_images(question: str) -> None:
    shown = render.plain_markdown(question)
    assert "<" not in shown
    assert "![" not in shown and "](" not in shown
    assert not shown.startswith(" ")


def test_answer_markdown_links_each_marker_to_its_card_and_disarms_html_and_images() -> None:
    shown = render.answer_markdown("**Yes** <img src=x> ![i](http://h/i.png) [a](http://h) [1]",
                                   {1: "pq-t3-s1"})
    assert "<img" not in shown and "![" not in shown and "](" not in shown
    assert '<a class="pq-ref" href="#pq-t3-s1"><span class="pq-sr">Source </span>1</a>' in shown
    assert shown.startswith("**Yes**")


def test_a_marker_no_citation_holds_stays_plain_text() -> None:
    shown = render.answer_markdown("See [2].", {1: "pq-t1-s1"})
    assert shown == "See [2]."


def test_a_source_card_is_one_line_that_opens_to_the_effort_and_its_source_line() -> None:
    card = render.source_card(_citation(), turn=3)
    assert card.startswith('<details class="pq-card" id="pq-t3-s1">') and "\n" not in card
    assert "<b>" not in card and "&lt;b&gt;symposium&lt;/b&gt;" in card
    assert 'title="Cabinet &lt;Office&gt;"' in card
    assert "§1 Awareness &amp; more › Public relations" in card
    assert "July 2019" in card and "FY2019" in card
    assert "fy2019_efforts.txt, line 7" in card and "page" not in card
    assert 'href="#pq-effort-fy2019-1.1.1"' in card


def test_a_source_card_shows_the_page_when_the_source_gives_one() -> None:
    cited = _citation().model_copy(update={"page": 12})
    assert "fy2019_efforts.txt, line 7, page 12" in render.source_card(cited)


def test_rendered_answer_lists_filters_and_numbered_cards() -> None:
    answer = Answer(question="q", text="It was held [1].", citations=(_citation(),),
                    kind="when")
    shown = render.render_answer(answer, {"CAO": "Cabinet Office"}, ("CAO",), (2019,))
    assert "Your filters: CAO (Cabinet Office); FY2019" in shown
    assert shown.count('class="pq-card"') == 1


def test_a_filtered_answer_states_its_filter_once() -> None:
    answer = Answer(question="q", text="It was held [1].\n\n_Filter applied: CAO, FY2019._",
                    citations=(_citation(),), kind="when")
    shown = render.render_answer(answer, {"CAO": "Cabinet Office"}, ("CAO",), (2019,))
    assert "Filter applied" not in shown
    assert shown.count("Your filters") == 1


def test_a_follow_up_says_what_it_carried_and_links_to_asking_without_it() -> None:
    answer = Answer(question="And MHLW?", text="_Following up on MEXT, FY2019._\n\nIt [1].",
                    citations=(_citation(),), kind="list", carried=("MEXT", "FY2019"))
    shown = render.render_answer(answer, {})
    assert shown.startswith('<div class="pq-context"><span>Following up on: MEXT, FY2019</span>')
    assert '<a class="pq-fresh" href="?q=And%20MHLW%3F">' in shown
    assert "_Following up on" not in shown


def test_a_glossary_answer_cites_the_legend_line_of_its_report(bot: Assistant) -> None:
    answer = bot.ask("What does METI stand for?")
    shown = chat_messages([Turn(question=answer.question, answer=answer)], bot.glossary,
                          Legends(bot))[1]["content"]
    assert 'href="#pq-t1-s0"' in shown and '<details class="pq-card" id="pq-t1-s0">' in shown
    assert "METI (Ministry of Economy, Trade and Industry)" in shown
    assert "fy2019_efforts.txt, line 29" in shown


# -- a turn of the page, without a server -------------------------------------------------


class _Failing:
    glossary: dict[str, str] = {}

    def __init__(self, error: Exception) -> None:
        self.error = error

    def ask(self, *args: object, **kwargs: object) -> Answer:
        raise self.error


def test_a_planqa_error_is_shown_in_the_chat() -> None:
    bot: Any = _Failing(PlanqaError("no report loaded for FY2030; loaded: FY2019"))
    turn = web.answer_turn(bot, "What about FY2030?", [], [], None)
    shown = chat_messages([turn], {}, Legends())
    assert "no report loaded for FY2030" in shown[-1]["content"]


def test_an_unexpected_error_shows_a_short_apology_not_a_traceback() -> None:
    bot: Any = _Failing(RuntimeError("boom /secret/path"))
    assert web.answer_turn(bot, "What did MEXT do?", [], [], None).error == web.APOLOGY


def test_an_empty_question_is_refused_at_the_box_and_adds_no_reply(bot: Assistant) -> None:
    chat, box, ask_button, note, pending = web.ChatPage(bot).typed("   ", [], None)
    assert chat == gr.skip() and pending == gr.skip() and ask_button == gr.skip()
    assert web.EMPTY_QUESTION in note and 'role="status"' in note


def test_a_question_shows_at_once_with_a_placeholder_and_disables_ask(bot: Assistant) -> None:
    chat, box, ask_button, _, pending = web.ChatPage(bot).typed("What did MEXT do?", [], None)
    assert [m["role"] for m in chat] == ["user", "assistant"]
    assert render.PENDING in chat[-1]["content"]
    assert box == "" and ask_button.interactive is False
    assert pending == {"question": "What did MEXT do?", "fresh": False}


def test_a_second_question_waits_for_the_first_answer(bot: Assistant) -> None:
    waiting = {"question": "What did MEXT do?", "fresh": False}
    chat, _, _, note, pending = web.ChatPage(bot).typed("And MHLW?", [], waiting)
    assert chat == gr.skip() and pending == gr.skip() and "Still looking" in note


def test_ask_again_without_context_drops_what_the_follow_up_took(bot: Assistant) -> None:
    page = web.ChatPage(bot)
    _, turns, *_ = page.finish({"question": "What did MEXT do in FY2019?", "fresh": False},
                               [], [], [])
    _, turns, *_ = page.finish({"question": "And MHLW?", "fresh": False}, [], [], turns)
    assert turns[-1].answer.carried
    _, turns, *_ = page.finish({"question": "And MHLW?", "fresh": True}, [], [], turns)
    assert turns[-1].answer.carried == ()


# -- examples -----------------------------------------------------------------------------


def test_examples_are_drawn_from_the_loaded_reports(bot: Assistant, multi: Assistant) -> None:
    for assistant in (bot, multi):
        examples = example_questions(assistant)
        latest = max(assistant.fiscal_years)
        assert f"FY{latest}" in examples[0]
        named = {w.strip("?,") for q in examples for w in q.split() if w.isupper()}
        assert named - {"FY" + str(y) for y in assistant.fiscal_years} <= set(assistant.ministries)


def test_every_example_stands_alone_and_is_answered(bot: Assistant) -> None:
    declined = {"invalid", "not_covered", "no_effort", "outside", "year_not_covered"}
    for question in example_questions(bot):
        assert not question.lower().startswith(("and ", "what about", "how about"))
        answer = bot.ask(question)
        assert answer.kind not in declined and not answer.abstained, (question, answer.text)
        assert answer.carried == ()


# -- kept in the browser and exported -----------------------------------------------------


def _turns(bot: Assistant, *questions: str) -> list[Turn]:
    turns: list[Turn] = []
    for question in questions:
        turns.append(web.answer_turn(bot, question, [], [], context_of(turns)))
    return turns


def test_a_kept_conversation_is_restored_with_its_citations(bot: Assistant) -> None:
    turns = _turns(bot, "What did MEXT do in FY2019?", "And MHLW?", "What does METI stand for?")
    kept = json.loads(json.dumps(saved(turns)))
    assert "Organized awareness-raising" not in json.dumps(kept["turns"][0]["cited"])
    assert restored(kept, bot) == (turns, 0)


def test_the_kept_copy_holds_the_newest_turns_that_fit_its_cap(
    bot: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    turns = _turns(bot, "What did MEXT do in FY2019?", "What did NPA do in FY2019?")
    cap = len(json.dumps(saved(turns[1:])["turns"][0], ensure_ascii=False).encode()) + 10
    monkeypatch.setattr(chat, "MAX_SAVED_BYTES", cap)
    kept = saved(turns)
    assert kept["dropped"] == 1
    assert restored(kept, bot) == (turns[1:], 1)


def test_the_kept_copy_fits_the_request_a_reload_sends_it_in() -> None:
    from ui.limits import MAX_BODY_BYTES

    assert chat.MAX_SAVED_BYTES + 32 * 1024 <= MAX_BODY_BYTES


@pytest.mark.parametrize(
    "kept",
    [None, "junk", {"version": 99, "turns": []},
     {"version": 1, "turns": [{"question": 7}]},
     {"version": 1, "turns": [{"question": "q", "answer": {"kind": "list"}, "cited": [[1, "x"]]}]}],
)
def test_an_unreadable_kept_conversation_starts_a_new_one(bot: Assistant, kept: Any) -> None:
    turns, _ = restored(kept, bot)
    assert turns == []


def test_the_markdown_export_has_every_answer_with_its_numbered_sources(bot: Assistant) -> None:
    turns = _turns(bot, "What did MEXT do in FY2019?", "What does METI stand for?")
    text = markdown_export(turns, Legends(bot), title="planqa")
    assert "## 1. What did MEXT do in FY2019?" in text and "## 2. What does METI stand for?" in text
    for c in turns[0].answer.citations:
        assert f"- [{c.number}] {c.text}" in text and f"{c.source}, line {c.line}" in text
    assert "list of abbreviations: - * NPA (National Police Agency)" in text
    assert "fy2019_efforts.txt, line 29" in text


def test_the_json_export_has_every_answer_as_the_api_gives_it(bot: Assistant) -> None:
    turns = _turns(bot, "What did MEXT do in FY2019?", "And MHLW?")
    data = json.loads(json_export(turns))
    assert [t["question"] for t in data["turns"]] == ["What did MEXT do in FY2019?", "And MHLW?"]
    assert data["turns"][1]["answer"] == turns[1].answer.model_dump(mode="json")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False),
     ("192.168.1.5", False), ("example.org", False)],
)
def test_only_loopback_hosts_count_as_local(host: str, loopback: bool) -> None:
    assert web._is_loopback(host) is loopback


# -- the /ask API -------------------------------------------------------------------------


@pytest.mark.slow
def test_ask_is_the_only_public_endpoint(client: Client) -> None:
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert set(endpoints) == {"/ask"}


@pytest.mark.slow
def test_view_api_names_each_parameter_and_types_the_answer(client: Client) -> None:
    ask_api = client.view_api(print_info=False, return_format="dict")["named_endpoints"]["/ask"]
    parameters = ask_api["parameters"]
    assert [p["parameter_name"] for p in parameters] == list(web.API_PARAMETERS["ask"])
    assert [p["label"] for p in parameters] == list(web.API_PARAMETERS["ask"])
    assert all(p["python_type"]["description"] for p in parameters)
    (returned,) = ask_api["returns"]
    assert returned["label"] == "answer"
    citation = returned["type"]["$defs"]["Citation"]["properties"]
    assert {"number", "effort_id", "source", "line"} <= set(citation)
    assert returned["python_type"]["type"].startswith("dict(question: str, text: str, citations")
    shown = client.view_api(print_info=False, return_format="str")
    assert "predict(question, history, ministries, fiscal_years" in shown and "-> answer" in shown


@pytest.mark.slow
def test_ask_keeps_its_answer_shape_for_existing_clients(client: Client) -> None:
    answer = ask(client, "What did MEXT do in FY2019?")
    assert {"question", "text", "citations", "abstained", "kind", "filters", "notice",
            "carried", "context", "total"} <= set(answer)
    assert {"number", "effort_id", "text", "ministries", "ministry_names", "section",
            "section_title", "measure", "measure_title", "fiscal_year", "dates", "source",
            "line"} <= set(answer["citations"][0])


@pytest.mark.slow
def test_answer_cites_numbered_efforts(client: Client) -> None:
    answer = ask(client, "What did MEXT do in FY2019?")
    numbers = [c["number"] for c in answer["citations"]]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers
    assert all("MEXT" in c["ministries"] for c in answer["citations"])
    assert all(f"[{n}]" in answer["text"] for n in numbers)
    assert answer["abstained"] is False


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    ["What did they do about SNS?", "awareness raising seminars", "What was done in 2019?"],
)
def test_ministry_filter_keeps_every_citation_to_that_ministry(
    client: Client, question: str
) -> None:
    answer = ask(client, question, ministries=["NPA"])
    assert answer["citations"], answer["text"]
    assert all("NPA" in c["ministries"] for c in answer["citations"])


@pytest.mark.slow
def test_fiscal_year_filter_keeps_citations_to_that_year(client: Client) -> None:
    answer = ask(client, "What did the police do?", fiscal_years=[2019])
    assert answer["citations"]
    assert {c["fiscal_year"] for c in answer["citations"]} == {2019}


@pytest.mark.slow
def test_follow_up_uses_the_earlier_questions(client: Client) -> None:
    answer = ask(client, "And MHLW?", history=["What did MEXT do in FY2019?"])
    assert answer["citations"], answer["text"]
    assert all("MHLW" in c["ministries"] for c in answer["citations"])


@pytest.mark.slow
@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question_gets_a_clear_message_not_an_error(client: Client, question: str) -> None:
    answer = ask(client, question)
    assert answer["kind"] == "invalid"
    assert "type a question" in answer["text"].lower()
    assert answer["citations"] == []


@pytest.mark.slow
def test_unknown_ministry_filter_is_refused_with_its_message(client: Client) -> None:
    with pytest.raises(AppError, match="unknown ministry 'XYZ'"):
        ask(client, "What did they do?", ministries=["XYZ"])


@pytest.mark.slow
def test_malformed_arguments_are_refused_with_a_message(client: Client) -> None:
    with pytest.raises(AppError, match="history must be a list"):
        client.predict("What did MEXT do?", "not a list", [], [], api_name="/ask")


# -- file routes --------------------------------------------------------------------------


def _get(url: str, path: str) -> tuple[int, bytes]:
    """GET ``path`` exactly as written: no client-side normalisation of ``..`` or escapes."""
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _file_route_paths(index_dir: Path) -> list[str]:
    index_files = [p for p in index_dir.rglob("*") if p.is_file()]
    assert index_files, "the server should have built its index"
    rel_up = "../" * len(REPO_ROOT.parts) + "etc/passwd"
    targets = [str(p) for p in index_files[:4]] + [
        "/etc/passwd",
        rel_up,
        rel_up.replace("/", "%2f").replace("..", "%2e%2e"),
        rel_up.replace("/", "%252f").replace("..", "%252e%252e"),
        "%2fetc%2fpasswd",
        "..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "....//....//....//etc/passwd",
        f"{index_dir}/../../../../../../etc/passwd",
        str(REPO_ROOT / "pyproject.toml"),
    ]
    return [f"{prefix}{t}" for prefix in ("/gradio_api/file=", "/file=") for t in targets]


@pytest.mark.slow
def test_file_routes_refuse_the_index_and_system_files(server: tuple[str, Path]) -> None:
    url, index_dir = server
    manifest = next(index_dir.rglob("manifest.json")).read_bytes()
    for path in _file_route_paths(index_dir):
        status, body = _get(url, path)
        assert status in (400, 403, 404), (path, status)
        assert b"root:x:0:0" not in body, path
        assert manifest[:200] not in body, path
        assert b"[build-system]" not in body, path
