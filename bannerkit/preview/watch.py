"""Turn changes on disk (layouts, artwork, catalogue) into a version number the page follows.

watchfiles reports changes; everything read from data files is forgotten (caches.forget_all;
layout files are cached by modification time), so the next render reads the files again.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import watchfiles

from ..caches import forget_all
from ..resources import data_folder, package_data


class Watcher:
    def __init__(self, layouts_dir: Path | None) -> None:
        self.paths = [data_folder("layouts"), data_folder("assets"), data_folder("fonts"),
                      package_data("catalogue.toml").parent]
        self.paths += [layouts_dir] if layouts_dir else []
        self.version = 0
        self.queues: set[asyncio.Queue] = set()

    def subscribe(self) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue()
        self.queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue) -> None:
        self.queues.discard(queue)

    async def run(self) -> None:
        async for changes in watchfiles.awatch(*self.paths, debounce=100, step=50):
            forget_all()
            self.version += 1
            names = sorted({Path(path).name for _kind, path in changes})
            for queue in list(self.queues):
                queue.put_nowait({"version": self.version, "files": names})
