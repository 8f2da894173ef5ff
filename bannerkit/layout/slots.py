"""Turn a block's text template and the job's content into the words to print.

Templates run in Jinja2's immutable sandbox, so a layout from anyone cannot reach Python
objects, files or the network. The result is plain text, not HTML: it is escaped where it
enters the PDF's HTML (paint/page.html.j2, which autoescapes).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..errors import LayoutError
from ..i18n import _
from ..model import Anniversary

# Far more than any banner holds; a template that makes more is a mistake (or an attack).
MAX_SLOT_LENGTH = 5000
# Which command-line option fills each variable, for the message when one is missing.
OPTIONS = {"slogan": "--slogan or --text", "headline": "--headline", "unit": "--unit", "event": "--event",
           "anniversary": "--anniversary", "date": "--date"}


@dataclass(frozen=True)
class Content:
    """What a job says; a layout picks what it shows. None means not given."""

    slogan: str | None = None
    headline: str | None = None
    unit: str | None = None
    event: str | None = None
    date: str | None = None
    anniversary: Anniversary | None = None
    qr_url: str | None = None

    def variables(self) -> dict[str, Any]:
        values = {"slogan": self.slogan, "headline": self.headline, "unit": self.unit, "event": self.event,
                  "date": self.date or long_date(dt.date.today()), "anniversary": self.anniversary}
        return {k: v for k, v in values.items() if v is not None}


def long_date(day: dt.date) -> str:
    """The date as Vietnamese documents write it: 'ngày 22 tháng 11 năm 2026'."""
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, also refusing to build huge strings or numbers."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError("exponent too large")
        if operator == "*":
            sized, count = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
            repeats = isinstance(sized, (str, list, tuple)) and isinstance(count, int)
            if repeats and len(sized) * count > MAX_SLOT_LENGTH:
                raise SecurityError("repetition too large")
        return super().call_binop(context, operator, left, right)


@cache
def _environment() -> ImmutableSandboxedEnvironment:
    return _Sandbox(undefined=jinja2.StrictUndefined, autoescape=False)


@lru_cache(maxsize=256)  # keyed by the template's source
def _template(source: str) -> jinja2.Template:
    return _environment().from_string(source)


def render_slot(source: str, content: Content, where: str) -> str:
    """The text of one slot; `where` names the layout and block for error messages."""
    try:
        text = _template(source).render(content.variables()).strip()
    except jinja2.UndefinedError as exc:
        name = (re.findall(r"'(\w+)' is undefined", str(exc)) or ["?"])[0]
        raise LayoutError(_("{where} needs {name!r}: give {option}").format(
            where=where, name=name, option=OPTIONS.get(name, name))) from None
    except (SecurityError, OverflowError) as exc:
        raise LayoutError(_("{where}: the template tried something not allowed ({err})").format(
            where=where, err=exc)) from None
    except jinja2.TemplateError as exc:
        raise LayoutError(_("{where}: template error: {err}").format(where=where, err=exc)) from None
    if len(text) > MAX_SLOT_LENGTH:
        raise LayoutError(_("{where} produced {length} characters; a slot holds at most {limit}").format(
            where=where, length=len(text), limit=MAX_SLOT_LENGTH))
    return text
