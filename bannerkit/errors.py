"""Every exception bannerkit raises for bad input: each message names the value and the fix.

The CLI prints any BannerkitError as one line and exits 1; anything else is a bug (exit 70).
"""

from __future__ import annotations


class BannerkitError(Exception):
    """Base of every error a user can cause; the CLI prints it as one line."""


class CatalogueError(BannerkitError, LookupError):
    """An unknown slogan, theme or anniversary, a bad list of slogan numbers, or a damaged catalogue."""


class SizeError(BannerkitError, ValueError):
    """An unknown preset, a malformed custom size or an impossible density."""


class TextError(BannerkitError, ValueError):
    """Text that cannot be rendered: bad encoding, missing glyphs, does not fit."""


class TextTooLong(TextError):
    """Text that does not fit its block at a legible size: the one reason an optional block may give way."""


class LayoutError(BannerkitError, ValueError):
    """An unknown layout or a layout file with a mistake."""


class QRError(BannerkitError, ValueError):
    """An address that cannot become a QR code, or a code that would not scan at this size."""


class OptionError(BannerkitError, ValueError):
    """A render option bannerkit does not know: a format, LED colours, motion timing."""


class OutputError(BannerkitError, OSError):
    """An output path that cannot be created or written."""


class SpecError(BannerkitError, ValueError):
    """A batch spec file that cannot be read at all."""


class BatchError(BannerkitError):
    """The batch stopped: --strict and a problem."""


class PreviewError(BannerkitError):
    """A request the preview will not render (too large, or not a known format)."""


class PreviewBusy(PreviewError):
    """The preview has more renders under way than it runs at once; the request may try again."""


class ImageError(BannerkitError, ValueError):
    """An image for a layout's slot that is missing, unreadable, too small for its size or too large to read."""


class SetupError(BannerkitError, RuntimeError):
    """A system library or an optional part that this machine lacks: says what to install."""
