"""Turn changes on disk (layouts, artwork, catalogue) into a version number the page follows.

watchfiles reports changes; every cache that holds file contents is cleared, so the next render
reads the files again.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import watchfiles

from ..assets import _parse as parsed_assets
from ..catalogue import load_catalogue
from ..documents import load_documents
from ..palette import _read as read_palette
from ..resources import data_folder, package_data
from ..text.fit import fit_text
from ..text.phrases import _read as read_phrases


class Watcher:
    def __init__(self, layouts_dir: Path | None) -> None:
        self.paths = [data_folder("layouts"), data_folder("assets"), package_data("catalogue.toml").parent]
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
            forget_files()
            self.version += 1
            names = sorted({Path(path).name for _kind, path in changes})
            for queue in list(self.queues):
                queue.put_nowait({"version": self.version, "files": names})


def forget_files() -> None:
    """Clear what was read from files, so that edits show at once."""
    for cached in (parsed_assets, load_catalogue, load_documents, read_palette, read_phrases, fit_text):
        cached.cache_clear()
