"""What may reach the planqa server: who (exposure, login attempts) and how much (bodies, files).

:func:`ui.web.serve` puts :class:`ServerLimits`, one plain ASGI middleware, in front of
every Gradio route. Before Gradio reads anything it refuses:

- an upload (403): planqa takes no files, so Gradio's upload routes and every multipart
  body but the login form are refused, and nothing is written to disk;
- a login attempt from a client that failed too often (429 with ``Retry-After``), as
  :class:`LoginThrottle` decides;
- a body over :data:`MAX_BODY_BYTES` (413): by its ``Content-Length``, or, for a chunked
  body, as soon as the bytes read pass the limit;
- a call of a named API with the wrong number of values (422), which Gradio would
  otherwise answer with a traceback in the log.

Each refusal is one line in the log. :func:`check_exposure` is the start-up rule: a server
reachable from other machines needs a password, or the operator's explicit consent.

Example:
    >>> from starlette.middleware import Middleware
    >>> middleware = [Middleware(ServerLimits, api_parameters={"ask": ("question",)})]
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corpus.errors import PlanqaError

__all__ = ["MAX_BODY_BYTES", "LoginThrottle", "ServerLimits", "check_exposure", "is_loopback"]

log = logging.getLogger("planqa")

MAX_BODY_BYTES = 256 * 1024
"""The largest request body the server reads: questions are short and planqa takes no files."""

UPLOAD_ROUTES = ("/gradio_api/upload", "/gradio_api/upload_progress",
                 "/gradio_api/process_recording")
API_ROUTE = re.compile(r"/gradio_api/(?:call|run|api)/(?P<v2>v2/)?(?P<name>[^/]+)$")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only ("localhost", 127.0.0.1, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, *, has_auth: bool, allow_open: bool) -> None:
    """Refuse to serve other machines without a password, unless the operator says so.

    Example:
        >>> check_exposure("127.0.0.1", has_auth=False, allow_open=False)  # fine: local only
    """
    if is_loopback(host) or has_auth or allow_open:
        return
    raise PlanqaError(
        f"serving on {host} without a password would let anyone who can reach it use planqa; "
        "set PLANQA_AUTH=user:pass or pass --auth-file PATH (a file holding user:pass), "
        "or pass --allow-open to serve it open on purpose"
    )


class LoginThrottle:
    """Per-client back-off for logins: a few free attempts, then waits that double.

    Every attempt counts until one succeeds (so parallel guesses count too). The first
    ``free`` attempts cost nothing; after them a client waits 1, 2, 4, … seconds (at most
    ``max_wait_s``) from its last attempt. A success, or ``window_s`` without an attempt,
    forgets the client.

    Example:
        >>> throttle = LoginThrottle(free=1, clock=lambda: 0.0)
        >>> throttle.attempt("10.0.0.1"); throttle.wait_s("10.0.0.1")
        1.0
    """

    def __init__(
        self,
        *,
        free: int = 5,
        window_s: float = 900.0,
        max_wait_s: float = 300.0,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free = free
        self.window_s = window_s
        self.max_wait_s = max_wait_s
        self.max_clients = max_clients
        self._clock = clock
        # client -> (attempts since the last success, time of the last attempt); oldest first
        self._clients: OrderedDict[str, tuple[int, float]] = OrderedDict()

    def _record(self, client: str) -> tuple[int, float]:
        attempts, last = self._clients.get(client, (0, -math.inf))
        if self._clock() - last > self.window_s:
            self._clients.pop(client, None)
            return 0, -math.inf
        return attempts, last

    def wait_s(self, client: str) -> float:
        """Seconds ``client`` must wait before its next attempt (0.0: it may try now)."""
        attempts, last = self._record(client)
        if attempts < self.free:
            return 0.0
        wait = min(2.0 ** (attempts - self.free), self.max_wait_s)
        return max(0.0, last + wait - self._clock())

    def attempt(self, client: str) -> None:
        """Count an attempt that is let through to the password check."""
        attempts, _ = self._record(client)
        self._clients.pop(client, None)
        self._clients[client] = (attempts + 1, self._clock())
        while len(self._clients) > self.max_clients:
            self._clients.popitem(last=False)

    def succeeded(self, client: str) -> None:
        """Forget ``client``'s attempts: it knows the password."""
        self._clients.pop(client, None)


def json_text(value: Any, *, width: int = 40) -> str:
    """A value as an API caller wrote it (JSON, on one line), cut to ``width`` characters."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 3] + "..."


def api_call_error(body: bytes, name: str, parameters: Sequence[str], *, v2: bool) -> str | None:
    """What is wrong with the shape of a call of API ``name``, or None if its values fit.

    Only the shape is checked here; the values themselves are the API function's to check.

    Example:
        >>> api_call_error(b'{"data": ["q"]}', "ask", ("question", "history"), v2=False)
        '/ask takes 2 values: question, history (use [] for an empty list); "data" holds 1'
    """
    takes = f"/{name} takes {len(parameters)} values: {', '.join(parameters)}"
    try:
        payload = json.loads(body)
    except ValueError as error:
        return f"the body is not JSON ({error}); {takes}"
    if v2:
        if not isinstance(payload, dict):
            return f'{takes}; send them as a JSON object such as {{"{parameters[0]}": ...}}'
        unknown = sorted(set(payload) - set(parameters))
        if unknown:
            return f"{takes}; it has no {', '.join(map(json_text, unknown))}"
        return None
    data = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(data, list):
        return f'{takes}; send them as {{"data": [...]}}'
    if len(data) != len(parameters):
        return f'{takes} (use [] for an empty list); "data" holds {len(data)}'
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


async def _refuse(send: Send, status: int, message: str, *, retry_after: int | None = None
                  ) -> None:
    body = json.dumps({"detail": message}, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode()),
               # The body may be unread: close rather than read on to find the next request.
               (b"connection", b"close")]
    if retry_after is not None:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class ServerLimits:
    """ASGI middleware refusing uploads, oversized bodies, throttled logins and misshapen calls.

    Args:
        app: the application behind it (Gradio's).
        max_body_bytes: the largest body read; a larger one gets 413 before it is read.
        throttle: the login back-off; one per server.
        api_parameters: the parameter names of each named API (``{"ask": ("question", …)}``).
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int = MAX_BODY_BYTES,
        throttle: LoginThrottle | None = None,
        api_parameters: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.throttle = throttle or LoginThrottle()
        self.api_parameters = dict(api_parameters or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = re.sub("/+", "/", scope["path"]).rstrip("/") or "/"
        client = scope["client"][0] if scope.get("client") else "unknown"
        is_login = scope["method"] == "POST" and (path == "/login" or path.endswith("/login"))

        async def refuse(status: int, message: str, *, retry_after: int | None = None) -> None:
            log.warning("refused %s %r from %s (%d): %s",  # %r: a path may hold a newline
                        scope["method"], path[:100], client, status, message)
            await _refuse(send, status, message, retry_after=retry_after)

        content_type = (_header(scope, b"content-type") or "").lower()
        if path.endswith(UPLOAD_ROUTES) or (content_type.startswith("multipart/")
                                            and not is_login):
            await refuse(403, "planqa takes no file uploads; ask a question instead")
            return
        if is_login:
            wait = self.throttle.wait_s(client)
            if wait > 0:
                seconds = math.ceil(wait)
                await refuse(429, f"too many failed logins from {client}; "
                                  f"try again in {seconds} s", retry_after=seconds)
                return
            self.throttle.attempt(client)
            send = self._watch_login(send, client)

        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
            await refuse(413, self._too_large())
            return
        if length is not None or _header(scope, b"transfer-encoding") is not None:
            body = await self._read_body(receive)
            if body is None:
                await refuse(413, self._too_large())
                return
            api = API_ROUTE.search(path) if scope["method"] == "POST" else None
            if api and api["name"] in self.api_parameters:
                error = api_call_error(body, api["name"], self.api_parameters[api["name"]],
                                       v2=bool(api["v2"]))
                if error:
                    await refuse(422, error)
                    return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)

    def _too_large(self) -> str:
        return (f"request body over {self.max_body_bytes // 1024} KB; planqa takes short "
                "questions, not documents: send a shorter request")

    async def _read_body(self, receive: Receive) -> bytes | None:
        """The whole body, or None once it passes the limit (the rest is never read)."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)  # the client left; the app sees an empty body
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    def _watch_login(self, send: Send, client: str) -> Send:
        async def watched(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] < 400:
                self.throttle.succeeded(client)
            await send(message)

        return watched


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body already read, then whatever the client sends next."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
