"""Turn a block's text template and the job's content into the words to print.

Templates run in Jinja2's immutable sandbox, so a layout from anyone cannot reach Python
objects, files or the network. The result is plain text, not HTML: it is escaped where it
enters the PDF's HTML (paint/page.html.j2, which autoescapes).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..errors import LayoutError
from ..i18n import _
from ..images import SlotImage
from ..model import Anniversary

# Far more than any banner holds; a template that makes more is a mistake (or an attack).
MAX_SLOT_LENGTH = 5000
MAX_STEPS = 100_000  # lines of template code per slot; a real slot runs a few dozen
_HUGE_WIDTH = re.compile(r"\{[^}]*:[^}]*\d{5,}")  # a format spec as wide as a novel
TEMPLATE_FILENAME = "<template>"  # what Jinja names the code it compiles from a string
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
    images: tuple[SlotImage, ...] = ()  # what fills the layout's image slots (a portrait, a logo)

    def variables(self) -> dict[str, Any]:
        values = {"slogan": self.slogan, "headline": self.headline, "unit": self.unit, "event": self.event,
                  "date": self.date or long_date(dt.date.today()), "anniversary": self.anniversary}
        return {k: v for k, v in values.items() if v is not None}


def long_date(day: dt.date) -> str:
    """The date as Vietnamese documents write it: 'ngày 22 tháng 11 năm 2026'."""
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, also refusing to build huge strings or numbers."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        # Filters take widths and counts (center, indent, truncate, wordwrap...): none may exceed
        # what a slot holds, so no filter can build a huge string before the result is checked.
        self.filters = {name: _bounded(function) for name, function in self.filters.items()}

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_numbers(args, kwargs)  # "x".ljust(10**8)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Any:
        owner = getattr(value, "__self__", None)  # the string of "{:>100000000}".format(x)
        if isinstance(owner, str) and _HUGE_WIDTH.search(owner):
            raise SecurityError("padding too large")
        return super().wrap_str_format(value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _number(left) and _number(right) and (
                abs(right) > 64 or abs(left) > MAX_SLOT_LENGTH):
            raise SecurityError("exponent too large")
        if operator == "%" and isinstance(left, str):
            _check_numbers(right if isinstance(right, tuple) else (right,), {})
            if re.search(r"%[-+ #0]*(\d{5,}|\*)", left):
                raise SecurityError("padding too large")
        if operator == "*":
            sized, count = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
            repeats = isinstance(sized, (str, list, tuple)) and isinstance(count, int)
            if repeats and len(sized) * count > MAX_SLOT_LENGTH:
                raise SecurityError("repetition too large")
        return super().call_binop(context, operator, left, right)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_numbers(args: Any, kwargs: dict[str, Any]) -> None:
    if any(_number(v) and abs(v) > MAX_SLOT_LENGTH for v in (*args, *kwargs.values())):
        raise SecurityError(f"a width or count over {MAX_SLOT_LENGTH}")


def _bounded(function: Any) -> Any:
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_numbers(args[1:], kwargs)
        return function(*args, **kwargs)
    for flag in ("jinja_pass_arg",):  # keep how Jinja passes the context or environment
        if hasattr(function, flag):
            setattr(bounded, flag, getattr(function, flag))
    return bounded


class _StepBudget:
    """Stops a template that runs too long: counts the lines its compiled code executes (every
    loop iteration runs some) and raises past MAX_STEPS. Python cannot stop a thread from the
    outside, so the template stops itself."""

    def __init__(self) -> None:
        self.steps = 0

    def __enter__(self) -> _StepBudget:
        self.previous = sys.gettrace()
        sys.settrace(self._frame)
        return self

    def __exit__(self, *exc: Any) -> None:
        sys.settrace(self.previous)

    def _frame(self, frame: Any, event: str, arg: Any) -> Any:
        return self._line if frame.f_code.co_filename == TEMPLATE_FILENAME else None

    def _line(self, frame: Any, event: str, arg: Any) -> Any:
        if event == "line":
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise SecurityError(f"more than {MAX_STEPS} steps")
        return self._line


@cache
def _environment() -> ImmutableSandboxedEnvironment:
    return _Sandbox(undefined=jinja2.StrictUndefined, autoescape=False)


@lru_cache(maxsize=256)  # keyed by the template's source
def _template(source: str) -> jinja2.Template:
    return _environment().from_string(source)


def _render_bounded(template: jinja2.Template, variables: dict[str, Any]) -> str:
    """The template's output, stopped as soon as it passes what a slot holds."""
    parts, length = [], 0
    for part in template.generate(variables):
        parts.append(part)
        length += len(part)
        if length > MAX_SLOT_LENGTH:
            break
    return "".join(parts)


def render_slot(source: str, content: Content, where: str) -> str:
    """The text of one slot; `where` names the layout and block for error messages."""
    try:
        with _StepBudget():
            text = _render_bounded(_template(source), content.variables()).strip()
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
