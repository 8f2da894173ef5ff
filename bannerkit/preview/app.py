"""Turn HTTP requests on loopback into preview pages, renders and change notifications.

Built on Starlette (routing, responses) and served by uvicorn; only the routes below exist, so
any other path, "../" included, is a 404.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
from collections.abc import AsyncIterator
from functools import cache
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request as HttpRequest
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from ..catalogue import load_catalogue
from ..errors import BannerkitError, PreviewBusy, PreviewError
from ..formats import FORMATS
from ..layout import layout_files
from ..options import STRING_FIELDS, RenderOptions, from_strings
from ..themes import theme_files
from .guard import LoopbackOnly, RenderLimiter
from .render import DEFAULT_SIZES, PREVIEW_LONG_SIDE_PX, Request, describe, render
from .watch import Watcher

KEEPALIVE_S = 15


def create_app(options: RenderOptions = RenderOptions(), *, watch: bool = True, port: int | None = None,
               images: tuple[tuple[str, Path], ...] = ()) -> Starlette:
    """The preview of designs with `options` (their folders and files: layouts, sizes, phrases)
    and `images` in the layouts' slots; each request's path and query choose the size, layout,
    format and the options of options.STRING_FIELDS (dpi, upper, led_colors, theme), as a batch
    spec's columns do."""
    layouts_dir = options.layouts_dir
    watcher = Watcher(layouts_dir)
    limiter = RenderLimiter()

    def job(request: HttpRequest, layout: str, size: str, fmt: str = "png") -> Request:
        query = request.query_params
        slogan = query.get("slogan", "")
        chosen = dataclasses.replace(options, size=size, layout=layout, formats=(fmt,),
                                     max_side_px=PREVIEW_LONG_SIDE_PX if query.get("preview") == "1" else None)
        return Request(from_strings(query, chosen), slogan=int(slogan) if slogan.isdigit() else None,
                       text=query.get("text") or None, images=images)

    async def page(request: HttpRequest) -> Response:
        names = list(layout_files(layouts_dir))
        sizes = [s for s in request.query_params.get("sizes", ",".join(DEFAULT_SIZES)).split(",") if s.strip()]
        return HTMLResponse(_template().render(
            slogans=load_catalogue().slogans, layouts=names, options=STRING_FIELDS,
            layout=request.query_params.get("layout", "classic"), themes=list(theme_files(layouts_dir)),
            theme=request.query_params.get("theme", ""),
            sizes=sizes, slogan=request.query_params.get("slogan", "5"), text=request.query_params.get("text", "")))

    async def info(request: HttpRequest) -> Response:
        try:
            chosen = job(request, request.path_params["layout"], request.path_params["size"])
            data = await limiter.run(describe, chosen)
        except BannerkitError as exc:
            return _refused(exc)
        return JSONResponse({**data, "version": watcher.version})

    async def image(request: HttpRequest) -> Response:
        fmt = request.path_params["fmt"]
        if fmt not in FORMATS:
            return Response(status_code=404)
        try:
            chosen = job(request, request.path_params["layout"], request.path_params["size"], fmt)
            data = await limiter.run(render, chosen)
        except BannerkitError as exc:
            return _refused(exc)
        return Response(data, media_type=FORMATS[fmt].media_type, headers={"Cache-Control": "no-store"})

    async def events(request: HttpRequest) -> Response:
        return StreamingResponse(_stream(watcher), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store"})

    async def script(request: HttpRequest) -> Response:
        return Response(_static("preview.js"), media_type="text/javascript")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.create_task(watcher.run()) if watch else None
        yield
        if task:
            task.cancel()

    return Starlette(routes=[
        Route("/", page),
        Route("/preview.js", script),
        Route("/events", events),
        Route("/info/{layout:str}/{size:str}", info),
        Route("/render/{layout:str}/{size:str}.{fmt:str}", image),
    ], lifespan=lifespan, middleware=[Middleware(LoopbackOnly, port=port)])


def _refused(exc: BannerkitError) -> Response:
    """A request the preview cannot render: 413 when too large, 503 when busy, else 400 (a bad
    size, layout, text or option in the address), always with the message."""
    status = 503 if isinstance(exc, PreviewBusy) else 413 if isinstance(exc, PreviewError) else 400
    return JSONResponse({"error": str(exc)}, status_code=status)


async def _stream(watcher: Watcher) -> AsyncIterator[str]:
    queue = watcher.subscribe()
    try:
        yield f"event: hello\ndata: {watcher.version}\n\n"
        while True:
            try:
                change = await asyncio.wait_for(queue.get(), KEEPALIVE_S)
                yield f"event: change\ndata: {json.dumps(change)}\n\n"
            except TimeoutError:
                yield ": keepalive\n\n"
    finally:
        watcher.unsubscribe(queue)


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.PackageLoader("bannerkit", "preview"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template("page.html.j2")


@cache
def _static(name: str) -> bytes:
    return (Path(__file__).parent / name).read_bytes()
