"""The web server's ``/ask`` API, driven by gradio_client, and its file routes, by plain HTTP.

The server runs ``ui.web.serve`` in a subprocess on a free loopback port with the real model,
as ``planqa serve`` would; ``running_server`` is shared with the browser test. A few
fast tests of the page's escaping and error handling come first.
"""

from __future__ import annotations

import contextlib
import http.client
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

import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from assistant import Answer, Citation
from corpus.errors import PlanqaError
from ui import render, web

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
    bot = Assistant.load(index_dir=sys.argv[2], embedder=embedder)
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
    index_dir: Path, *, fake_embedder: bool = False, startup_s: float = 180.0
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Serve planqa from a subprocess on a free loopback port; yields (url, process)."""
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}
    log_path = index_dir.parent / f"server-{port}.log"
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-c", _SERVER, str(REPO_ROOT), str(index_dir), str(port),
             "fake" if fake_embedder else "real"],
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


# -- rendering and errors, without a server ----------------------------------------------


def _citation(text: str = "Held a <b>symposium</b> (July 2019).") -> Citation:
    return Citation(
        number=1, effort_id="fy2019-1.1.1", text=text, ministries=("CAO",),
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


def test_answer_markdown_keeps_markers_and_disarms_html_and_images() -> None:
    shown = render.answer_markdown("**Yes** <img src=x> ![i](http://h/i.png) [a](http://h) [1]")
    assert "<img" not in shown and "![" not in shown and "](" not in shown
    assert '<span class="pq-ref">[1]</span>' in shown
    assert shown.startswith("**Yes**")


def test_source_card_escapes_plan_text_and_shows_ministry_and_date() -> None:
    card = render.source_card(_citation())
    assert "<b>" not in card and "&lt;b&gt;symposium&lt;/b&gt;" in card
    assert 'title="Cabinet &lt;Office&gt;"' in card
    assert "§1 Awareness &amp; more › Public relations" in card
    assert "July 2019" in card and "FY2019" in card and "[1]" in card


def test_rendered_answer_lists_filters_and_numbered_cards() -> None:
    answer = Answer(question="q", text="It was held [1].", citations=(_citation(),),
                    kind="when")
    shown = render.render_answer(answer, {"CAO": "Cabinet Office"}, ("CAO",), (2019,))
    assert "Your filters: CAO (Cabinet Office); FY2019" in shown
    assert shown.count('class="pq-card"') == 1


class _Failing:
    glossary: dict[str, str] = {}

    def __init__(self, error: Exception) -> None:
        self.error = error

    def ask(self, *args: object, **kwargs: object) -> Answer:
        raise self.error


def test_a_planqa_error_is_shown_in_the_chat() -> None:
    bot: Any = _Failing(PlanqaError("no report loaded for FY2030; loaded: FY2019"))
    chat, box, _, history, _ = web.respond(bot, "What about FY2030?", [], [], [], [])
    assert "no report loaded for FY2030" in chat[-1]["content"]
    assert box == "" and history == []


def test_an_unexpected_error_shows_a_short_apology_not_a_traceback() -> None:
    bot: Any = _Failing(RuntimeError("boom /secret/path"))
    chat, *_ = web.respond(bot, "What did MEXT do?", [], [], [], [])
    assert chat[-1]["content"] == web.APOLOGY


def test_blank_question_gets_a_clear_message_without_asking() -> None:
    bot: Any = _Failing(AssertionError("must not be asked"))
    chat, *_ = web.respond(bot, "   ", [], [], [], [])
    assert chat == [{"role": "assistant", "content": web.EMPTY_QUESTION}]


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
