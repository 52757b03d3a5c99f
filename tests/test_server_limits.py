"""What the server lets in: body size, uploads, logins, exposure, ports and API values.

The middleware and the login back-off are tested in process first; then ``planqa serve``
is refused before it loads anything; last, real servers (``ui.web.serve`` in a subprocess,
with the fake embedder) are driven over plain HTTP and sockets, and their logs are read.
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
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from tests.conftest import REPO_ROOT
from ui.cli import main
from ui.limits import MAX_BODY_BYTES, LoginThrottle, ServerLimits, api_call_error

ASK = ("question", "history", "ministries", "fiscal_years")


# -- the login back-off ------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_logins_are_free_five_times_then_wait_twice_as_long_each_time() -> None:
    clock = Clock()
    throttle = LoginThrottle(free=5, max_wait_s=300.0, clock=clock)
    waits = []
    for _ in range(12):
        waits.append(throttle.wait_s("10.0.0.1"))
        clock.now += waits[-1]  # the client waits just long enough, then tries again
        throttle.attempt("10.0.0.1")
    assert waits == [0.0] * 5 + [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0]
    for _ in range(5):
        throttle.attempt("10.0.0.1")
    assert throttle.wait_s("10.0.0.1") == 300.0  # at most max_wait_s
    assert throttle.wait_s("10.0.0.2") == 0.0  # per client


def test_a_success_or_a_quiet_window_forgets_the_failed_logins() -> None:
    clock = Clock()
    throttle = LoginThrottle(free=1, window_s=900.0, clock=clock)
    throttle.attempt("a")
    throttle.attempt("b")
    assert throttle.wait_s("a") > 0 and throttle.wait_s("b") > 0
    throttle.succeeded("a")
    clock.now += 901.0
    assert throttle.wait_s("a") == 0.0 and throttle.wait_s("b") == 0.0


def test_the_back_off_remembers_a_bounded_number_of_clients() -> None:
    throttle = LoginThrottle(free=0, max_clients=3, clock=Clock())
    for n in range(10):
        throttle.attempt(f"10.0.0.{n}")
    assert [throttle.wait_s(f"10.0.0.{n}") > 0 for n in range(10)] == [False] * 7 + [True] * 3


# -- the middleware, in process ----------------------------------------------------------


class EchoApp:
    """Answers every request with its body's length; counts the requests it saw."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.seen = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.seen += 1
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        await send({"type": "http.response.start", "status": self.status, "headers": []})
        await send({"type": "http.response.body", "body": str(len(body)).encode()})


def limited(app: EchoApp, **options: Any) -> TestClient:
    return TestClient(ServerLimits(app, api_parameters={"ask": ASK}, **options))


def test_a_body_over_the_limit_is_refused_before_the_app_sees_it() -> None:
    app = EchoApp()
    client = limited(app)
    refused = client.post("/gradio_api/call/ask", content=b"x" * (MAX_BODY_BYTES + 1))
    assert refused.status_code == 413 and "256 KB" in refused.json()["detail"]
    assert refused.headers["connection"] == "close"

    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b"x" * 65536

    assert client.post("/anything", content=chunks()).status_code == 413  # no Content-Length
    assert app.seen == 0
    body = json.dumps({"data": ["q" * 200_000, [], [], []]}).encode()
    assert client.post("/gradio_api/call/ask", content=body).text == str(len(body))


@pytest.mark.parametrize(
    "path", ["/gradio_api/upload", "/gradio_api/upload/", "//gradio_api/upload",
             "/gradio_api/upload_progress", "/gradio_api/process_recording",
             "/prefix/gradio_api/upload"],
)
def test_upload_routes_are_refused(path: str) -> None:
    app = EchoApp()
    response = limited(app).post(path, files={"files": ("a.txt", b"hello")})
    assert response.status_code == 403 and "no file uploads" in response.json()["detail"]
    assert app.seen == 0


def test_multipart_bodies_are_refused_except_the_login_form() -> None:
    app = EchoApp()
    client = limited(app)
    assert client.post("/gradio_api/component_server", files={"f": b"x"}).status_code == 403
    assert client.post("/login", data={"username": "a", "password": "b"},
                       files={"f": b""}).status_code == 200


@pytest.mark.parametrize(
    ("body", "v2", "expected"),
    [
        (b'{"data": ["q", [], [], []]}', False, None),
        (b'{"data": ["q"]}', False, '"data" holds 1'),
        (b'{"data": ["q", [], [], [], []]}', False, '"data" holds 5'),
        (b'{"data": {"question": "q"}}', False, 'send them as {"data": [...]}'),
        (b"not json", False, "the body is not JSON"),
        (b'{"question": "q"}', True, None),
        (b'{"question": "q", "years": [2019]}', True, 'it has no "years"'),
        (b'["q"]', True, "as a JSON object"),
    ],
)
def test_api_calls_of_the_wrong_shape_name_the_parameters(
    body: bytes, v2: bool, expected: str | None
) -> None:
    error = api_call_error(body, "ask", ASK, v2=v2)
    if expected is None:
        assert error is None
    else:
        assert error is not None and expected in error
        assert "question, history, ministries, fiscal_years" in error


def test_the_checked_api_parameters_are_those_of_the_ask_api() -> None:
    import inspect

    from ui import web

    parameters = list(inspect.signature(web.ask_json).parameters)
    assert web.API_PARAMETERS == {"ask": tuple(parameters[1:])}
    assert web.API_PARAMETERS["ask"] == ASK


# -- planqa serve refuses before loading anything ----------------------------------------


def _serve_without_loading(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Make ``planqa serve`` record what it would serve instead of loading and serving."""
    import ui.commands
    import ui.web

    served: dict[str, Any] = {}
    monkeypatch.setattr(ui.commands, "_load", lambda args, **kw: "bot")
    monkeypatch.setattr(ui.web, "serve", lambda bot, **kw: served.update(kw))
    return served


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_open_host_without_a_password_refuses_to_start(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PLANQA_AUTH", raising=False)
    served = _serve_without_loading(monkeypatch)
    assert main(["serve", "--host", "0.0.0.0", "--port", str(_free_port())]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("Error: serving on 0.0.0.0 without a password")
    assert "PLANQA_AUTH" in err[0] and "--auth-file" in err[0] and "--allow-open" in err[0]
    assert served == {}


@pytest.mark.parametrize("how", ["env", "file", "allow-open"])
def test_a_password_or_allow_open_lets_an_open_host_start(
    how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("PLANQA_AUTH", raising=False)
    served = _serve_without_loading(monkeypatch)
    argv = ["serve", "--host", "0.0.0.0", "--port", str(_free_port())]
    if how == "env":
        monkeypatch.setenv("PLANQA_AUTH", "reader:s3cret:with colon")
    elif how == "file":
        secret = tmp_path / "auth"
        secret.write_text("reader:s3cret:with colon\n", encoding="utf-8")
        secret.chmod(0o600)
        argv += ["--auth-file", str(secret)]
    else:
        argv += ["--allow-open"]
    assert main(argv) == 0
    assert capsys.readouterr().err == ""
    if how == "allow-open":
        assert served["auth"] is None and served["allow_open"] is True
    else:
        assert served["auth"] == ("reader", "s3cret:with colon")


def test_auth_on_the_command_line_still_works_with_a_warning_about_ps(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    served = _serve_without_loading(monkeypatch)
    assert main(["serve", "--auth", "reader:pw", "--port", str(_free_port())]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "`ps`" in err[0] and "PLANQA_AUTH" in err[0]
    assert "--auth-file" in err[0]
    assert served["auth"] == ("reader", "pw")


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "cannot read --auth-file"), ("no colon", "must hold USER:PASS"),
     (":pw", "must hold USER:PASS"), ("user:", "must hold USER:PASS")],
)
def test_a_bad_auth_file_is_refused_saying_what_it_must_hold(
    content: str | None, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    served = _serve_without_loading(monkeypatch)
    secret = tmp_path / "auth"
    if content is not None:
        secret.write_text(content, encoding="utf-8")
        secret.chmod(0o600)
    assert main(["serve", "--auth-file", str(secret), "--port", str(_free_port())]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("Error: ") and expected in err[0]
    assert served == {}


def test_an_auth_file_others_can_read_gets_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _serve_without_loading(monkeypatch)
    secret = tmp_path / "auth"
    secret.write_text("reader:pw", encoding="utf-8")
    secret.chmod(0o644)
    assert main(["serve", "--auth-file", str(secret), "--port", str(_free_port())]) == 0
    assert f"chmod 600 {secret}" in capsys.readouterr().err


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        yield int(busy.getsockname()[1])


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["--port", "99999"], "--port 99999 is not a port"),
     (["--port", "http"], "--port http is not a port"),
     (["--port", "BUSY"], "cannot serve on 127.0.0.1:"),
     (["--host", "0.0.0.0"], "without a password")],
)
def test_a_bad_port_or_an_open_host_fails_within_3_seconds_in_one_line(
    args: list[str], expected: str, busy_port: int
) -> None:
    args = [str(busy_port) if a == "BUSY" else a for a in args]
    env = {k: v for k, v in os.environ.items() if k != "PLANQA_AUTH"}
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "ui.cli", "serve", *args], cwd=REPO_ROOT,
                            env=env, capture_output=True, text=True, timeout=60)
    took = time.monotonic() - started
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and expected in lines[0], lines
    assert took < 3.0, f"took {took:.1f}s: the refusal should come before gradio and the model"


# -- real servers --------------------------------------------------------------------------

_SERVER = textwrap.dedent(
    """
    import json, logging, sys
    sys.path.insert(0, sys.argv[1])
    logging.basicConfig(level=logging.WARNING, format="%(message)s")  # as `planqa serve`
    from assistant import Assistant
    from tests.conftest import FakeEmbedder
    from ui.web import serve
    bot = Assistant.load(index_dir=sys.argv[2], embedder=FakeEmbedder())
    auth = tuple(json.loads(sys.argv[4])) or None
    serve(bot, host="127.0.0.1", port=int(sys.argv[3]), auth=auth, index_root=sys.argv[2])
    """
)

PASSWORD = ("reader", "correct horse battery staple")


class Server:
    """A planqa server in a subprocess: its address, log and Gradio upload folder."""

    def __init__(self, port: int, log: Path, uploads: Path) -> None:
        self.port = port
        self.log = log
        self.uploads = uploads

    def request(self, method: str, path: str, body: bytes | str | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def raw(self, head: bytes, body_parts: Iterable[bytes] = ()) -> bytes:
        """Send a request as bytes, as far as the server lets it; return what it answered."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as conn:
            conn.sendall(head)
            with contextlib.suppress(OSError):  # the server may close before it all is sent
                for part in body_parts:
                    conn.sendall(part)
            answer = b""
            with contextlib.suppress(OSError):
                while chunk := conn.recv(65536):
                    answer += chunk
            return answer

    def ask(self, data: str) -> tuple[int, str]:
        """POST /gradio_api/call/ask; the refusal's text, or the streamed result's."""
        status, _, body = self.request("POST", "/gradio_api/call/ask", data,
                                       {"Content-Type": "application/json"})
        if status != 200:
            return status, body.decode()
        event_id = json.loads(body)["event_id"]
        status, _, body = self.request("GET", f"/gradio_api/call/ask/{event_id}")
        return status, body.decode()

    def log_size(self) -> int:
        return self.log.stat().st_size

    def log_since(self, size: int) -> list[str]:
        with open(self.log, "rb") as log:
            log.seek(size)
            return log.read().decode(errors="replace").splitlines()


@contextlib.contextmanager
def planqa_server(tmp: Path, *, auth: tuple[str, str] | None = None) -> Iterator[Server]:
    port = _free_port()
    server = Server(port, tmp / "server.log", tmp / "gradio-uploads")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1",
           "GRADIO_TEMP_DIR": str(server.uploads)}
    with open(server.log, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-c", _SERVER, str(REPO_ROOT), str(tmp / "indexes"), str(port),
             json.dumps(list(auth or ()))],
            cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{server.log.read_text()[-3000:]}")
            # Its own line, not just an answer: another process may have taken the port.
            if f"answering on http://127.0.0.1:{port}" in server.log.read_text():
                with contextlib.suppress(OSError):
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                        break
            if time.monotonic() > deadline:
                raise RuntimeError(f"server not up:\n{server.log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with planqa_server(tmp_path_factory.mktemp("open-server")) as running:
        yield running


@pytest.fixture(scope="module")
def locked_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with planqa_server(tmp_path_factory.mktemp("auth-server"), auth=PASSWORD) as running:
        yield running


VALID = json.dumps({"data": ["What did MEXT do?", [], [], []]})


@pytest.mark.slow
def test_a_1mb_body_gets_413_before_it_is_read_and_the_server_answers_on(
    server: Server,
) -> None:
    head = (b"POST /gradio_api/call/ask HTTP/1.1\r\nHost: planqa\r\n"
            b"Content-Type: application/json\r\n")
    megabyte = 1024 * 1024
    # Only the headers are sent: the answer cannot wait for the body.
    answer = server.raw(head + b"Content-Length: %d\r\n\r\n" % megabyte)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    answer = server.raw(head + b"Content-Length: %d\r\n\r\n" % megabyte,
                        [b"x" * megabyte])
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    chunk = b"x" * 65536
    chunked = (b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(16))
    answer = server.raw(head + b"Transfer-Encoding: chunked\r\n\r\n", chunked)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]

    status, result = server.ask(VALID)
    assert status == 200 and "event: complete" in result and "MEXT" in result


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", ["/gradio_api/upload", "/gradio_api/upload?upload_id=abc", "/gradio_api/upload/",
             "/gradio_api/%75pload", "/gradio_api/process_recording",
             "/gradio_api/component_server"],
)
def test_uploads_are_refused_write_nothing_and_reveal_no_path(
    server: Server, path: str
) -> None:
    before = sorted(server.uploads.rglob("*")) if server.uploads.exists() else []
    boundary = "planqaboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; "
            f"filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\nsecret notes\r\n"
            f"--{boundary}--\r\n")
    status, _, answer = server.request(
        "POST", path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status in (403, 404, 413), (status, answer)
    assert b"/tmp" not in answer and str(server.uploads).encode() not in answer
    assert b"notes.txt" not in answer
    after = sorted(server.uploads.rglob("*")) if server.uploads.exists() else []
    assert after == before


@pytest.mark.slow
@pytest.mark.parametrize(
    ("data", "named"),
    [
        ('{"data": ["What did MEXT do?", [], [], [1e999]]}', "fiscal_years holds Infinity"),
        ('{"data": ["What did MEXT do?", [], [], ["last year"]]}', "which is not a year"),
        ('{"data": ["What did MEXT do?", [], [], [201]]}', "fiscal_years holds 201"),
        ('{"data": ["What did MEXT do?", [], [], [true]]}', "fiscal_years holds true"),
        ('{"data": ["What did MEXT do?", [], ["XYZ"], []]}', "unknown ministry 'XYZ'"),
        ('{"data": ["What did MEXT do?", [], [7], []]}', "ministries must be a list"),
        ('{"data": ["What did MEXT do?", "MEXT", [], []]}', "history must be a list"),
        ('{"data": [42, [], [], []]}', "question must be a string"),
        ('{"data": ["What did MEXT do?"]}', "/ask takes 4 values"),
        ('{"data": "What did MEXT do?"}', "/ask takes 4 values"),
        ("What did MEXT do?", "the body is not JSON"),
    ],
)
def test_invalid_api_values_get_a_message_and_one_log_line(
    server: Server, data: str, named: str
) -> None:
    size = server.log_size()
    status, answer = server.ask(data)
    assert named in answer
    assert status == 422 or "event: error" in answer
    logged = [line for line in server.log_since(size) if line.strip()]
    assert len(logged) == 1 and named in logged[0], logged
    assert "Traceback" not in "".join(server.log_since(size))


def _login(server: Server, password: str, client: str) -> tuple[int, dict[str, str]]:
    body = urllib.parse.urlencode({"username": PASSWORD[0], "password": password})
    status, headers, _ = server.request(
        "POST", "/login", body,
        # The server trusts X-Forwarded-For from loopback, as from a local reverse proxy.
        {"Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": client})
    return status, {k.lower(): v for k, v in headers.items()}


@pytest.mark.slow
def test_twenty_wrong_logins_in_a_row_are_throttled_per_client(locked_server: Server) -> None:
    size = locked_server.log_size()
    statuses = [_login(locked_server, f"guess {n}", "203.0.113.7")[0] for n in range(20)]
    why = f"{statuses}\n" + "\n".join(locked_server.log_since(size)[-20:])
    assert statuses[:5] == [400] * 5, why  # wrong password, answered
    assert statuses[5:].count(429) >= 10 and 200 not in statuses, why  # then refused
    status, headers = _login(locked_server, PASSWORD[1], "203.0.113.7")
    assert status == 429 and int(headers["retry-after"]) >= 1  # even the right one must wait
    assert _login(locked_server, PASSWORD[1], "203.0.113.8")[0] == 200  # others are not held

