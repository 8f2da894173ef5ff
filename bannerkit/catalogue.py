"""Stage 1: turn the catalogue data file into validated Slogan, Theme and Anniversary records."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .caches import file_cache
from .documents import load_documents
from .errors import CatalogueError
from .i18n import _
from .model import Anniversary, Document, Slogan, Theme
from .resources import package_data, read_toml
from .text.normalise import fold, normalise

Entry = Slogan | Theme | Anniversary


@dataclass(frozen=True)
class Catalogue:
    slogans: tuple[Slogan, ...]
    themes: tuple[Theme, ...]
    anniversaries: tuple[Anniversary, ...]

    def slogan(self, slogan_id: int) -> Slogan:
        for slogan in self.slogans:
            if slogan.id == slogan_id:
                return slogan
        ids = [s.id for s in self.slogans]
        raise CatalogueError(
            _("unknown slogan {id}; slogans are numbered {first} to {last}. "
              "See 'bannerkit slogans'.").format(id=slogan_id, first=min(ids), last=max(ids))
        )

    def anniversary(self, anniversary_id: str) -> Anniversary:
        for entry in self.anniversaries:
            if entry.id == anniversary_id:
                return entry
        raise CatalogueError(_("unknown anniversary {id!r}; choose one of: {ids}. See 'bannerkit slogans "
                               "--kind anniversary'.").format(id=anniversary_id,
                                                              ids=", ".join(a.id for a in self.anniversaries)))

    def search(self, query: str, entries: tuple[Entry, ...]) -> list[Entry]:
        """Entries whose text holds every word of the query, diacritics and case ignored."""
        words = fold(query).split()
        return [e for e in entries if all(_has_word(fold(e.text), w) for w in words)]


def _has_word(folded_text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded_text) is not None


@file_cache
def load_catalogue() -> Catalogue:
    """The built-in catalogue, read once per process."""
    data = read_toml(package_data("catalogue.toml"))
    sources = load_documents()
    return Catalogue(
        slogans=tuple(Slogan(**_entry(e, sources)) for e in data["slogans"]),
        themes=tuple(Theme(**_entry(e, sources)) for e in data["themes"]),
        anniversaries=tuple(Anniversary(**_entry(e, sources)) for e in data["anniversaries"]),
    )


def _entry(fields: dict[str, Any], sources: dict[str, Document]) -> dict[str, Any]:
    """Resolve the source key and check the text is stored exactly as it will be rendered."""
    if normalise(fields["text"]) != fields["text"]:
        raise CatalogueError(f"catalogue text {fields['id']!r} is not NFC with single spaces")
    return {**fields, "source": sources[fields["source"]]}
