"""Turn a Scene into a vector PDF/X-4 with embedded fonts, through HTML/CSS and WeasyPrint.

Print PDFs are PDF/X-4 (ISO 15930-7), as print shops' preflight expects: every colour CMYK, an
output intent carrying a CMYK profile (bannerkit/data/cmyk-fogra39.icc: offset on coated paper,
made with ArgyllCMS from the FOGRA39 data Debian ships under the zlib licence, see
tools/make_cmyk_profile.sh; the ECI and Adobe FOGRA39 profiles may not be redistributed), the
PDF/X version in the document information and the XMP metadata, Trapped, a file identifier, and
creation and modification dates: SOURCE_DATE_EPOCH when set (reproducible builds), else now.
WeasyPrint writes all of it (pdf_variant "pdf/x-4"); bannerkit adds the version key to the
information dictionary and, for pages over 200 inches, /UserUnit (PDF 1.6, as X-4 is).
"""

from __future__ import annotations

import atexit
import hashlib
import itertools
import math
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import jinja2

from ..engines import missing_system_library

try:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse
except OSError as exc:  # Pango or cairo missing: one line that says what to install
    raise missing_system_library("WeasyPrint", exc) from None

from .. import artwork
from ..caches import lru_file_cache
from ..model import Art, Color, Field, FontFace, Picture, Polygon, QRCode, Scene, TextBlock
from ..text.outlines import line_path
from .art import with_colours
from .blend import gradient_steps, mix
from .cmyk import cmyk_markup, cmyk_picture, device_cmyk
from .pdf_finish import PDF_X, Finisher, joined, pdf_date
from .pdf_qr import qr_operators
from .raster import ROUNDING
from .trim import PT_PER_MM, Sheet, Window, bled, sheet_for, tiles

# Acrobat stops at 14,400 units (200 in) a side; with --user-unit larger pages are written at 1:k
# and carry /UserUnit k, which Acrobat reads (and other tools ignore).
MAX_PAGE_MM = 200 * 25.4


@dataclass(frozen=True)
class _Run:
    """Consecutive polygons share one SVG; every other element stands alone (painting order kept).
    QR codes are not among them: they are drawn into the finished page (pdf_qr)."""

    polygons: tuple[Polygon, ...] = ()
    block: TextBlock | None = None
    art: Art | None = None
    picture: Picture | None = None
    field: Field | None = None

# A shadow's soft edge in the PDF: this many copies, each stroked wider and fainter (vector PDF
# has no blur; the PNG blurs).
SHADOW_STEPS = 4


def scale_for(width: float, height: float) -> int:
    """1, or k for a page over 200 inches drawn at 1:k (mm)."""
    return max(1, math.ceil(max(width, height) / MAX_PAGE_MM - 1e-9))




REGISTRATION = Color("#000000", (1.0, 1.0, 1.0, 1.0))  # all four inks: marks print on every plate


def paint_pdf(scene: Scene, *, title: str = "", subject: str = "", author: str = "", bleed: float = 0.0,
              marks: bool = False, user_unit: bool = False, outline: bool = False, scale: int = 1,
              tile: float = 0.0, overlap: float = 0.0, finish: str = "", sleeve: float = 0.0) -> bytes:
    """The design at its trim size, its field running `bleed` mm past the trim, with crop and
    registration marks outside the bleed if asked; TrimBox and BleedBox say where to cut. Pages
    are written at their true size, which pdfinfo, pdfium, Ghostscript and RIPs read; with
    `user_unit` a page over 200 inches is drawn at 1:k with /UserUnit k, which only Acrobat reads
    but which keeps it within Acrobat's 200-inch limit. With `outline` every text is drawn as its
    glyphs' outlines (placed by HarfBuzz, as the live text is), for shops without the fonts. At a
    `scale` of 10 the whole sheet is drawn at 1:10, as Vietnamese print shops take large panels.
    With `tile` (a roll's width, mm) a sheet whose shorter side is wider than the roll becomes one
    page per strip, overlapping by `overlap`, with alignment marks at the overlaps. `finish` ("hem"
    or "sleeve") marks fold lines and grommets, or the sleeve seam `sleeve` mm below the top."""
    sheet = sheet_for(scene, bleed, marks, css_color(REGISTRATION), finish, sleeve)
    scene = bled(scene, bleed)
    unit = scale_for(sheet.width / scale, sheet.height / scale) if user_unit else 1
    faces = frozenset(e.font for e in scene.elements if isinstance(e, TextBlock))
    font_config, font_css = _fonts(frozenset() if outline else faces)
    # A converted picture is served from memory at an address no file has: WeasyPrint would read a
    # file's own bytes from disk, not what the fetcher serves.
    converted = {e.path: cmyk_picture(e.path, e.path.stat().st_mtime_ns) for e in scene.elements
                 if isinstance(e, Picture)}
    urls = {path: f"file:///bannerkit-cmyk/{hashlib.md5(data).hexdigest()}.jpg" if data else path.as_uri()
            for path, data in converted.items()}
    served = {urls[path]: data for path, data in converted.items() if data}
    fetcher = _Fetcher({face.path.as_uri() for face in faces} | set(urls.values()), served)
    windows = tiles(sheet, tile, overlap, css_color(REGISTRATION))
    htmls = [_template().render(scene=scene, sheet=sheet, window=window, runs=_runs(scene), faces=faces,
                                picture_urls=urls, title=title, subject=subject, author=author, date=pdf_date(),
                                outline=outline, baseline_offset=_baseline_offset) for window in windows]
    digest = hashlib.md5("".join(htmls).encode("utf-8")).hexdigest()
    pages = [HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[_page_css(), _page_size(window.width, window.height), font_css], font_config=font_config,
        zoom=1 / (unit * scale), pdf_variant=PDF_X.lower(),
        finisher=_finisher(scene, sheet, window, whole=len(windows) == 1, unit=unit, scale=scale, digest=digest))
        for window, html in zip(windows, htmls)]
    # Pictures with transparency reach the PDF in RGB: joined() converts them.
    return joined(pages) if len(pages) > 1 or None in converted.values() else pages[0]


def _finisher(scene: Scene, sheet: Sheet, window: Window, *, whole: bool, unit: int, scale: int,
              digest: str) -> Finisher:
    """A page's finishing: the trim and bleed boxes when it shows the whole sheet (a strip of a
    tiled one is cut where it ends), its QR codes, its scale."""
    codes = [e for e in scene.elements if isinstance(e, QRCode)]
    overlay = qr_operators(codes, (sheet.margin - window.x, sheet.margin - window.y), window.height,
                           PT_PER_MM / (unit * scale))
    boxes = sheet.boxes(scene.width, scene.height, unit * scale) if whole else {}
    return Finisher(digest, boxes, unit, {"Scale": f"1:{scale}"} if scale > 1 else {}, overlay)


def _runs(scene: Scene) -> list[_Run]:
    runs = []
    for is_polygon, group in itertools.groupby(scene.elements, key=lambda e: isinstance(e, Polygon)):
        if is_polygon:
            runs.append(_Run(polygons=tuple(group)))  # type: ignore[arg-type]
        else:
            runs += [_run(e) for e in group if not isinstance(e, QRCode)]
    return runs


def _run(element: object) -> _Run:
    if isinstance(element, Art):
        return _Run(art=element)
    if isinstance(element, Picture):
        return _Run(picture=element)
    if isinstance(element, Field):
        return _Run(field=element)
    assert isinstance(element, TextBlock)
    return _Run(block=element)


def field_markup(field: Field) -> str:
    """The field's bands, in print colours, in the field's own millimetres."""
    return artwork.field(field.box.width, field.box.height, tuple(css_color(c) for c in field.bands), field.kind)


def art_markup(art: Art) -> str:
    """The art's markup with print colours, colours written into the SVG itself included."""
    return cmyk_markup(with_colours(art, css_color))


def effect_layers(block: TextBlock) -> list[dict[str, object]]:
    """What the PDF draws under (and, for a gradient, instead of) a block's live text: SVG path
    attributes, lowest first. The live text stays on top, transparent under a gradient, so the
    words are still searchable and copyable."""
    effects = block.effects
    if effects is None:
        return []
    d = glyph_paths(block)
    layers: list[dict[str, object]] = []
    if effects.shadow and effects.shadow_opacity > 0:
        dx, dy = effects.shadow_offset
        for step in range(SHADOW_STEPS):
            width = 2 * (effects.outline_width + effects.shadow_blur * (step + 0.5) / SHADOW_STEPS)
            layers.append({"d": d, "transform": f"translate({dx:.4f} {dy:.4f})", "fill": effects.shadow,
                           "stroke": effects.shadow, "stroke-width": width,
                           "opacity": 1 - (1 - effects.shadow_opacity) ** (1 / SHADOW_STEPS)})
    if effects.outline and effects.outline_width > 0:
        layers.append({"d": d, "fill": effects.outline, "stroke": effects.outline,
                       "stroke-width": 2 * effects.outline_width})
    if effects.gradient:
        for line in block.lines:
            line_d = line_path(block.font.path, block.size, line.text, line.x, line.baseline)
            layers.append({"d": line_d, "bands": gradient_bands(line.baseline, block, effects.gradient)})
    return layers


def glyph_paths(block: TextBlock) -> str:
    """The block's lines as glyph outlines (SVG path data, mm)."""
    return "".join(line_path(block.font.path, block.size, line.text, line.x, line.baseline) for line in block.lines)


def gradient_bands(baseline: float, block: TextBlock, stops: tuple[Color, ...]) -> list[tuple[float, float, Color]]:
    """A line's vertical gradient as horizontal bands (y, height, colour) from its capitals' top to
    its baseline; marks above the capitals take the first colour, descenders the last."""
    top, count = baseline - block.cap_height, gradient_steps(stops)
    step = block.cap_height / count
    bands = [(baseline - 2 * block.size, top - baseline + 2 * block.size, stops[0])]
    bands += [(top + i * step, step * 1.05, mix(stops, (i + 0.5) / count)) for i in range(count)]
    return bands + [(baseline, block.size, stops[-1])]


def css_color(color: Color) -> str:
    """CMYK for print: the palette's values where it gives them, else the screen colour through
    the output profile."""
    if color.cmyk is None:
        return device_cmyk(color.rgb)
    return "device-cmyk({:g} {:g} {:g} {:g})".format(*color.cmyk)


def _baseline_offset(face: FontFace) -> float:
    """Distance (em) from the top of a `line-height: 1` box to its baseline, as Pango sets it."""
    return (1 - (face.ascent + face.descent)) / 2 + face.ascent


@lru_file_cache(16)
def _fonts(faces: frozenset[FontFace]) -> tuple[FontConfiguration, CSS]:
    """The faces' @font-face rules, registered with fontconfig once for every design that uses
    them: registering them per document was a third of a PDF's time."""
    font_config = FontConfiguration()
    rules = "".join(f'@font-face {{ font-family: "{face.family}"; src: url("{face.path.as_uri()}"); }}\n'
                    for face in sorted(faces, key=lambda f: (f.family, str(f.path))))
    return font_config, CSS(string=rules, font_config=font_config)


# A FontConfiguration removes its temporary folder when deleted, which at the interpreter's
# very end would fail noisily: the kept ones are let go while the interpreter is whole.
atexit.register(_fonts.cache_clear)  # type: ignore[attr-defined]


@cache
def _page_css() -> CSS:
    return CSS(string=(resources.files(__package__) / "page.css").read_text(encoding="utf-8"))


@lru_cache(maxsize=64)
def _page_size(width: float, height: float) -> CSS:
    """The page's size: the one rule of the page a stylesheet must hold (every other varying one
    is written on its element), kept for the designs of a size."""
    return CSS(string=f"@page {{ size: {width:.4f}mm {height:.4f}mm; margin: 0; }}")


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("bannerkit", "paint"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["mm"] = lambda value: f"{value:.4f}mm"
    env.filters["css_color"] = css_color
    env.globals["art_markup"] = art_markup
    env.globals["field_markup"] = field_markup
    env.globals["effect_layers"] = effect_layers
    env.globals["glyph_paths"] = glyph_paths
    env.globals["rounding"] = ROUNDING
    return env.get_template("page.html.j2")


class _Fetcher(URLFetcher):
    """Serve the scene's own font and picture files (pictures as their CMYK versions where they
    have one) and refuse every other URL (no file or network reads)."""

    def __init__(self, allowed: set[str], served: dict[str, bytes]) -> None:
        super().__init__(allowed_protocols=("file",))
        self._allowed, self._served = allowed, served

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        if url not in self._allowed:
            raise FatalURLFetchingError(f"refused to fetch {url!r}")
        if url in self._served:
            return URLFetcherResponse(url, self._served[url], {"Content-Type": "image/jpeg"})
        return super().fetch(url, headers)


