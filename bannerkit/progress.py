"""Progress bars on the terminal (Rich): counts, rate and time left, for batches and videos."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from .i18n import _

Report = Callable[[int, int, str], None]  # (done, total, what is being done)
T = TypeVar("T")


@contextmanager
def progress_bar(label: str | None = None, *, show: bool = True) -> Iterator[Report]:
    """Yields the callback the library reports to; draws on stderr so stdout stays for results.
    With `show` false (--quiet, --json) it draws nothing."""
    if not show:
        yield lambda done, total, item: None
        return
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("•"),
                   TimeElapsedColumn(), TextColumn("•"), TimeRemainingColumn(), TextColumn("{task.fields[item]}"),
                   console=Console(stderr=True), transient=False)
    task = None
    with bar:
        def update(done: int, total: int, item: str) -> None:
            nonlocal task
            if task is None:
                task = bar.add_task(label or _("rendering"), total=total, item="")
            bar.update(task, completed=done, total=total, item=item)

        yield update


def counted(items: Iterable[T], total: int, report: Report | None, item: str = "", start: int = 0) -> Iterator[T]:
    """`items`, reporting each one taken to `report` (counting on from `start`)."""
    for done, value in enumerate(items, start + 1):
        yield value
        if report is not None:
            report(done, total, item)
