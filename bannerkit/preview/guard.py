"""What keeps the preview to its own page: requests must name the loopback address (a web page
elsewhere cannot reach it through DNS rebinding), renders must come from the page itself (not
from another site open in the same browser), and renders run a few at a time within a time
limit, so a burst of large requests cannot starve the page or hold the memory."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import PreviewBusy, PreviewError
from ..i18n import _

LOOPBACK_HOSTS = ("127.0.0.1", "localhost")
SAME_SITE = ("same-origin", "none")  # Sec-Fetch-Site of the page's own requests and of typed addresses
RENDERS_AT_ONCE = 2
QUEUE_WAIT_S = 20.0
RENDER_TIMEOUT_S = 60.0
T = TypeVar("T")


class LoopbackOnly:
    """ASGI middleware: refuse (403) any request whose Host is not the loopback address at the
    server's port, and any cross-site request to a path other than the page itself."""

    def __init__(self, app: ASGIApp, port: int | None = None) -> None:
        self.app, self.port = app, port

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            problem = self._problem(headers, scope["path"])
            if problem:
                await PlainTextResponse(problem, status_code=403)(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _problem(self, headers: dict[str, str], path: str) -> str:
        host, _sep, port = headers.get("host", "").partition(":")
        if host not in LOOPBACK_HOSTS or (self.port is not None and port != str(self.port)):
            return _("the preview answers only at http://127.0.0.1:{port}/").format(port=self.port or "PORT")
        if path == "/":
            return ""
        origin = headers.get("origin")
        allowed = {f"http://{h}:{self.port}" for h in LOOPBACK_HOSTS} if self.port else None
        if headers.get("sec-fetch-site", "none") not in SAME_SITE or (
                origin is not None and (allowed is None or origin not in allowed)):
            return _("the preview serves its renders to its own page only")
        return ""


class RenderLimiter:
    """At most RENDERS_AT_ONCE renders run; a request waits at most QUEUE_WAIT_S for its turn and
    gets its answer within RENDER_TIMEOUT_S, else a PreviewError saying the preview is busy."""

    def __init__(self) -> None:
        self.slots = asyncio.Semaphore(RENDERS_AT_ONCE)

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        try:
            await asyncio.wait_for(self.slots.acquire(), QUEUE_WAIT_S)
        except TimeoutError:
            raise PreviewBusy(_("the preview is busy with other renders; try again in a moment")) from None
        # The slot is freed when the render ends, not when the request gives up: a thread cannot be
        # stopped, and the next render must not start beside it.
        task = asyncio.ensure_future(asyncio.to_thread(function, *args))
        task.add_done_callback(lambda _done: self.slots.release())
        try:
            return await asyncio.wait_for(asyncio.shield(task), RENDER_TIMEOUT_S)
        except TimeoutError:
            raise PreviewError(_("this render took longer than {seconds:.0f} s; choose a smaller size").format(
                seconds=RENDER_TIMEOUT_S)) from None
