"""bannerkit: official Vietnamese slogans as print-ready panels, banners, posters and LED images.

    from bannerkit import Job, RenderOptions, produce, render, run_batch
    png, pdf = produce(Job(slogan=5), RenderOptions(size="pano-3x6"))       # bytes
    paths = render(Job(slogan=5), RenderOptions(size="a3"), out_dir=Path("out"))  # files
    report = run_batch(Path("don-vi.xlsx"), Path("out"), settings=BatchSettings(book=True))

docs/api.md shows more. The names below are imported on first use, so `import bannerkit` (and
the command's start) stays fast.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

__version__ = "0.1.0"

# Public name -> the module that defines it.
_EXPORTS = {
    **{name: "errors" for name in ("BannerkitError", "BatchError", "CatalogueError", "LayoutError", "OptionError",
                                   "OutputError", "PreviewError", "QRError", "SizeError", "SpecError", "TextError")},
    "Catalogue": "catalogue", "load_catalogue": "catalogue",
    "Job": "job", "RenderOptions": "options", "Output": "design", "produce": "design", "render": "pipeline",
    "find_size": "sizes", "load_presets": "sizes",
    "run_batch": "batch", "check_spec": "batch", "BatchSettings": "batch", "BatchReport": "batch", "Problem": "batch",
    "Cover": "book", "BookPage": "book", "approval_book": "book",
    "OfficeConfig": "config", "load_config": "config", "Office": "office", "init_folder": "office",
    "set_language": "i18n",
}
__all__ = ["__version__", *_EXPORTS]

logging.getLogger("bannerkit").addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'bannerkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
