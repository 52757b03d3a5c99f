"""The web server's ``/ask`` API, driven by gradio_client, and its file routes, by plain HTTP.

The server runs ``ui.web.serve`` in a subprocess on a free loopback port with the real model,
as ``planqa serve`` would; ``running_server`` is shared with the browser test and the load
benchmark.
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

REPO_ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

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


# -- the /ask API -------------------------------------------------------------------------


def test_ask_is_the_only_public_endpoint(client: Client) -> None:
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert set(endpoints) == {"/ask"}


def test_answer_cites_numbered_efforts(client: Client) -> None:
    answer = ask(client, "What did MEXT do in FY2019?")
    numbers = [c["number"] for c in answer["citations"]]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers
    assert all("MEXT" in c["ministries"] for c in answer["citations"])
    assert all(f"[{n}]" in answer["text"] for n in numbers)
    assert answer["abstained"] is False


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


def test_fiscal_year_filter_keeps_citations_to_that_year(client: Client) -> None:
    answer = ask(client, "What did the police do?", fiscal_years=[2019])
    assert answer["citations"]
    assert {c["fiscal_year"] for c in answer["citations"]} == {2019}


def test_follow_up_uses_the_earlier_questions(client: Client) -> None:
    answer = ask(client, "And MHLW?", history=["What did MEXT do in FY2019?"])
    assert answer["citations"], answer["text"]
    assert all("MHLW" in c["ministries"] for c in answer["citations"])


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question_gets_a_clear_message_not_an_error(client: Client, question: str) -> None:
    answer = ask(client, question)
    assert answer["kind"] == "invalid"
    assert "type a question" in answer["text"].lower()
    assert answer["citations"] == []


def test_unknown_ministry_filter_is_refused_with_its_message(client: Client) -> None:
    with pytest.raises(AppError, match="unknown ministry 'XYZ'"):
        ask(client, "What did they do?", ministries=["XYZ"])


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


def test_file_routes_refuse_the_index_and_system_files(server: tuple[str, Path]) -> None:
    url, index_dir = server
    manifest = next(index_dir.rglob("manifest.json")).read_bytes()
    for path in _file_route_paths(index_dir):
        status, body = _get(url, path)
        assert status in (400, 403, 404), (path, status)
        assert b"root:x:0:0" not in body, path
        assert manifest[:200] not in body, path
        assert b"[build-system]" not in body, path
