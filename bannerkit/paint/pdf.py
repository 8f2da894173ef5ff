"""Turn a Scene into a vector PDF with embedded fonts, through HTML/CSS and WeasyPrint."""

from __future__ import annotations

import io
import itertools
import math
from dataclasses import dataclass
from functools import cache

import jinja2
import pypdf
from pypdf.generic import FloatObject, NameObject
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..model import Color, FontFace, Polygon, QRCode, Scene, TextBlock

# PDF viewers stop at 14,400 units (200 in) a side. Larger pages are written at 1:k and
# carry /UserUnit k, so viewers and RIPs still see (and print) the physical size.
MAX_PAGE_MM = 200 * 25.4


@dataclass(frozen=True)
class _Run:
    """Consecutive polygons share one SVG; a text block or a QR code stands alone (painting
    order kept)."""

    polygons: tuple[Polygon, ...] = ()
    block: TextBlock | None = None
    qr: QRCode | None = None


def user_unit(scene: Scene) -> int:
    return max(1, math.ceil(max(scene.width, scene.height) / MAX_PAGE_MM - 1e-9))


def paint_pdf(scene: Scene, *, title: str = "", subject: str = "") -> bytes:
    unit = user_unit(scene)
    faces = {e.font for e in scene.elements if isinstance(e, TextBlock)}
    html = _template().render(scene=scene, runs=_runs(scene), faces=faces, title=title, subject=subject,
                              baseline_offset=_baseline_offset)
    font_config = FontConfiguration()
    fetcher = _FontsOnly({face.path.as_uri() for face in faces})
    pdf = HTML(string=html, url_fetcher=fetcher).write_pdf(font_config=font_config, zoom=1 / unit)
    return _set_user_unit(pdf, unit) if unit > 1 else pdf


def _runs(scene: Scene) -> list[_Run]:
    runs = []
    for is_polygon, group in itertools.groupby(scene.elements, key=lambda e: isinstance(e, Polygon)):
        if is_polygon:
            runs.append(_Run(polygons=tuple(group)))  # type: ignore[arg-type]
        else:
            runs += [_Run(qr=e) if isinstance(e, QRCode) else _Run(block=e) for e in group]  # type: ignore[arg-type]
    return runs


def qr_path(code: QRCode) -> str:
    """SVG path data for the dark modules, one rectangle per run of dark modules in a row (mm)."""
    m, parts = code.module, []
    for row, cells in enumerate(code.matrix):
        col = 0
        while col < len(cells):
            if not cells[col]:
                col += 1
                continue
            start = col
            while col < len(cells) and cells[col]:
                col += 1
            x, y = code.x + (code.quiet + start) * m, code.y + (code.quiet + row) * m
            parts.append(f"M{x:.4f} {y:.4f}h{(col - start) * m:.4f}v{m:.4f}h{-(col - start) * m:.4f}z")
    return "".join(parts)


def css_color(color: Color) -> str:
    """CMYK for print where the palette gives it (print shops work in CMYK), else sRGB."""
    if color.cmyk is None:
        return color.rgb
    return "device-cmyk({:g} {:g} {:g} {:g})".format(*color.cmyk)


def _baseline_offset(face: FontFace) -> float:
    """Distance (em) from the top of a `line-height: 1` box to its baseline, as Pango sets it."""
    return (1 - (face.ascent + face.descent)) / 2 + face.ascent


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("bannerkit", "paint"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["mm"] = lambda value: f"{value:.4f}mm"
    env.filters["css_color"] = css_color
    env.globals["qr_path"] = qr_path
    return env.get_template("page.html.j2")


class _FontsOnly(URLFetcher):
    """Serve the scene's own font files and refuse every other URL (no file or network reads)."""

    def __init__(self, allowed: set[str]) -> None:
        super().__init__(allowed_protocols=("file",))
        self._allowed = allowed

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        if url not in self._allowed:
            raise FatalURLFetchingError(f"refused to fetch {url!r}")
        return super().fetch(url, headers)


def _set_user_unit(pdf: bytes, unit: int) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        page[NameObject("/UserUnit")] = FloatObject(unit)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
