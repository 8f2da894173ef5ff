"""Turn English message ids into the user's language.

Every user-facing string goes through `_` so that a Vietnamese catalogue (gettext .mo files in
bannerkit/locale) can be added later without touching call sites. Until then it is the identity.
"""

from __future__ import annotations

import gettext
from importlib.resources import files

_translation = gettext.translation(
    "bannerkit", localedir=str(files("bannerkit") / "locale"), fallback=True
)


def _(message: str) -> str:
    """Translate one message id (use str.format for values, after translating)."""
    return _translation.gettext(message)
