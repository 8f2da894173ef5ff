"""Render one job into files: choose the paths, produce the bytes, write them atomically."""

from __future__ import annotations

from pathlib import Path

from .design import lay_out, paint
from .errors import OptionError
from .formats import check_format, choices
from .i18n import _
from .job import Job
from .options import DEFAULT_OUT_DIR, RenderOptions
from .output import file_name, prepare_folder, write_atomic


def render(job: Job, options: RenderOptions = RenderOptions(), *, output: Path | None = None,
           out_dir: Path = DEFAULT_OUT_DIR) -> list[Path]:
    """Render one job and return the files written: `output` exactly (its extension names the
    format), else one file per format of `options` in `out_dir`, named by what they show."""
    if output is not None:
        _check_output_format(output, options)
    design = lay_out(job, options)
    if output is not None:
        prepare_folder(output.parent)
        targets = [output]
    else:
        folder = prepare_folder(out_dir)
        targets = [folder / file_name(design.prepared.stem, design.preset.name, options.look, fmt)
                   for fmt in options.formats]
    return [write_atomic(path, page.data) for path, page in zip(targets, paint(design))]


def _check_output_format(output: Path, options: RenderOptions) -> None:
    """The one format of --output: the options' only format, which its extension must match."""
    suffix = check_format(output.suffix) if output.suffix else None
    if len(options.formats) != 1 or (suffix and suffix != options.formats[0]):
        raise OptionError(_("--output {path} needs one format, given by its extension ({choices})").format(
            path=str(output), choices=choices()))
