"""A progress bar for batch runs on the terminal (Rich): counts, rate and time left."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from .i18n import _


@contextmanager
def batch_progress() -> Iterator[Callable[[int, int, str], None]]:
    """Yields the callback run_batch reports to; draws on stderr so stdout stays for results."""
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("•"),
                   TimeElapsedColumn(), TextColumn("•"), TimeRemainingColumn(), TextColumn("{task.fields[item]}"),
                   console=Console(stderr=True), transient=False)
    task = None
    with bar:
        def update(done: int, total: int, item: str) -> None:
            nonlocal task
            if task is None:
                task = bar.add_task(_("rendering"), total=total, item="")
            bar.update(task, completed=done, item=item)

        yield update
