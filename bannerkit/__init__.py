"""bannerkit: official Vietnamese slogans as print-ready panels, banners, posters and LED images.

    from bannerkit import Job, RenderOptions, produce
    png, pdf = produce(Job(slogan=5), RenderOptions(size="pano-3x6"))
"""

import logging

__version__ = "0.1.0"

from .catalogue import Catalogue, load_catalogue  # noqa: E402
from .errors import (  # noqa: E402
    BannerkitError,
    BatchError,
    CatalogueError,
    LayoutError,
    OptionError,
    OutputError,
    PreviewError,
    QRError,
    SizeError,
    SpecError,
    TextError,
)
from .job import Job  # noqa: E402
from .options import RenderOptions  # noqa: E402
from .produce import Output, produce  # noqa: E402
from .sizes import find_size, load_presets  # noqa: E402

logging.getLogger("bannerkit").addHandler(logging.NullHandler())

__all__ = [
    "BannerkitError",
    "BatchError",
    "Catalogue",
    "CatalogueError",
    "Job",
    "LayoutError",
    "OptionError",
    "Output",
    "OutputError",
    "PreviewError",
    "QRError",
    "RenderOptions",
    "SizeError",
    "SpecError",
    "TextError",
    "__version__",
    "find_size",
    "load_catalogue",
    "load_presets",
    "produce",
]
