"""The engines bannerkit loads on demand, and what to install when one is missing.

WeasyPrint needs Pango and cairo from the system; PyAV (video) and the preview server are optional
parts (extras). A missing one is one line that says what to install, never a traceback; `bannerkit
doctor` asks the same questions up front.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import SetupError
from .i18n import N_, _

SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libcairo2"
# Optional module -> (extra that installs it, what needs it).
EXTRAS = {
    "av": ("video", N_("MP4 video")),
    "starlette": ("preview", N_("the live preview")),
    "uvicorn": ("preview", N_("the live preview")),
    "watchfiles": ("preview", N_("the live preview")),
}


def missing_system_library(engine: str, exc: OSError) -> SetupError:
    return SetupError(_("{engine} cannot load a system library ({reason}); install it with: sudo apt-get install "
                        "{packages} (./setup.sh does it), then run 'bannerkit doctor'").format(
        engine=engine, reason=str(exc).splitlines()[0], packages=SYSTEM_PACKAGES))


def load(module: str) -> ModuleType:
    """Import an optional or system-backed engine, or raise a SetupError that says what to install."""
    try:
        return importlib.import_module(module)
    except OSError as exc:
        raise missing_system_library(module.split(".")[0], exc) from None
    except ImportError:
        extra, purpose = EXTRAS.get(module.split(".")[0], ("", module))
        if not extra:
            raise
        raise SetupError(_("{purpose} needs the optional part '{extra}': install it with pip install "
                           "'bannerkit[{extra}]' (./setup.sh installs every part)").format(
            purpose=_(purpose), extra=extra)) from None
