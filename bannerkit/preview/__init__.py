"""Live preview for designers: every size of a design side by side, refreshed as files change."""

from .app import create_app
from .render import DEFAULT_SIZES, PreviewError

__all__ = ["DEFAULT_SIZES", "PreviewError", "create_app"]
