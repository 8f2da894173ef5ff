"""bannerkit: official Vietnamese slogans as print-ready panels, banners, posters and LED images."""

import logging

__version__ = "0.1.0"

from .catalogue import Catalogue, load_catalogue  # noqa: E402
from .errors import (  # noqa: E402
    BannerkitError,
    CatalogueError,
    LayoutError,
    OutputError,
    QRError,
    SizeError,
    TextError,
)
from .sizes import find_size, load_presets  # noqa: E402

logging.getLogger("bannerkit").addHandler(logging.NullHandler())

__all__ = [
    "BannerkitError",
    "Catalogue",
    "CatalogueError",
    "LayoutError",
    "OutputError",
    "QRError",
    "SizeError",
    "TextError",
    "__version__",
    "find_size",
    "load_catalogue",
    "load_presets",
]
