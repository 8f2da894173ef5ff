"""Turn an address and a size into a QR code that scans from where people stand, or refuse.

Size rule (delivr.com "QR code printing guidelines", gocreateqr.com "QR code size and placement
guide"): a code scans from about ten times its width; we add 25 % for poor light, dirt on hiflex
and older phones. The quiet zone is 4 modules (ISO/IEC 18004). Error correction is level Q (25 %)
for print outdoors, M (15 %) on screens, which stay clean. On screens each module is a whole
number of pixels, at least 3, on the pixel grid; in print it is a whole number of raster pixels
too, so the PNG is pixel-exact and the PDF draws the same squares as vector paths.
"""

from __future__ import annotations

import math
import urllib.parse
from dataclasses import dataclass
from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M, ERROR_CORRECT_Q
from qrcode.exceptions import DataOverflowError

from .errors import QRError
from .i18n import _
from .model import SizePreset

SCAN_DISTANCE_PER_WIDTH = 10
SCAN_MARGIN = 1.25
QUIET_MODULES = 4
MIN_SCREEN_MODULE_PX = 3
MAX_URL_LENGTH = 1000
_SAFE_IN_URL = "/:?#[]@!$&'()*+,;=%~-._"


@dataclass(frozen=True)
class QRPlan:
    matrix: tuple[tuple[bool, ...], ...]
    module: float  # mm, a whole number of raster pixels
    level: str

    @property
    def size(self) -> float:
        """The plate's side in mm, quiet zone included."""
        return (len(self.matrix) + 2 * QUIET_MODULES) * self.module


def check_url(url: str) -> str:
    """An http(s) address as it goes into the code: non-ASCII letters percent-encoded (UTF-8),
    a Vietnamese host name in its IDNA form; spaces, control characters and other schemes refused."""
    for position, ch in enumerate(url, 1):
        if ch.isspace() or ord(ch) < 32 or ord(ch) == 127:
            raise QRError(_("the QR address has a space or control character at position {pos}: {url!r}; "
                            "write a space as %20").format(pos=position, url=url))
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise QRError(_("the QR address {url!r} is not a web address; give one that starts with https://").format(url=url))
    if parts.username is not None or parts.password is not None:
        raise QRError(_("the QR address {url!r} carries a user name or password; anyone who scans the code would "
                        "see it: give the address without 'user:password@'").format(url=url))
    try:
        host = parts.netloc.encode("idna").decode("ascii")
    except UnicodeError:
        raise QRError(_("the QR address {url!r} has a host name that cannot be encoded").format(url=url)) from None
    encoded = urllib.parse.urlunsplit((parts.scheme.lower(), host, *(
        urllib.parse.quote(part, safe=_SAFE_IN_URL) for part in (parts.path, parts.query, parts.fragment))))
    if len(encoded) > MAX_URL_LENGTH:
        raise QRError(_("the QR address is {length} characters long; a printed code should hold a short address "
                        "(under 100 characters scans best)").format(length=len(encoded)))
    return encoded


def with_unit(url: str, unit_slug: str) -> str:
    """The address with ?unit=... so the office can count scans per unit."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True) + [("unit", unit_slug)]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def plan_qr(url: str, preset: SizePreset, max_size: float) -> QRPlan:
    """The code for this preset: modules large enough to scan from its scan distance, within max_size mm."""
    level = "M" if preset.pixel_native else "Q"
    matrix = _matrix(url, level)
    count = len(matrix)
    min_width = preset.scan_distance * 1000 / SCAN_DISTANCE_PER_WIDTH * SCAN_MARGIN
    pixels = math.ceil(min_width / count * preset.px_per_mm - 1e-9)
    if preset.pixel_native:
        pixels = max(pixels, MIN_SCREEN_MODULE_PX)
    plan = QRPlan(matrix, max(pixels, 1) / preset.px_per_mm, level)
    if plan.size > max_size:
        raise QRError(_(
            "a QR code for this address ({count} × {count} modules) must be {need:.0f} mm wide to scan from "
            "{distance:g} m, but {size} leaves room for {room:.0f} mm; shorten the address or choose a larger size"
        ).format(count=count, need=plan.size, distance=preset.scan_distance, size=preset.name, room=max_size))
    return plan


@lru_cache(maxsize=256)  # keyed by the address itself
def _matrix(url: str, level: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q if level == "Q" else ERROR_CORRECT_M, border=0)
    try:
        code.add_data(url, optimize=0)
        code.make(fit=True)
    except DataOverflowError:
        raise QRError(_("the QR address is too long for any QR code; shorten it")) from None
    return tuple(tuple(row) for row in code.get_matrix())
