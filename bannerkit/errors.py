"""The exceptions bannerkit raises for bad input: each message names the value and the fix."""

from __future__ import annotations


class BannerkitError(Exception):
    """Base of every error a user can cause; the CLI prints it as one line."""


class CatalogueError(BannerkitError, LookupError):
    """An unknown slogan, theme or anniversary, or a damaged catalogue file."""


class SizeError(BannerkitError, ValueError):
    """An unknown preset, a malformed custom size or an impossible density."""


class TextError(BannerkitError, ValueError):
    """Text that cannot be rendered: bad encoding, missing glyphs, does not fit."""


class LayoutError(BannerkitError, ValueError):
    """An unknown layout or a layout file with a mistake."""


class QRError(BannerkitError, ValueError):
    """An address that cannot become a QR code, or a code that would not scan at this size."""


class OutputError(BannerkitError, OSError):
    """An output path that cannot be written or an unknown format."""
