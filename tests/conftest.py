from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent
# PDFs carry their creation date: pinned, so that equal jobs give equal bytes in every test and
# every process the tests start (reproducible builds do the same).
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
# The tests read bannerkit's English message ids; tests of the Vietnamese interface ask for it.
os.environ["BANNERKIT_LANG"] = "en"

from bannerkit.cli import app  # noqa: E402 - built in the language just set

SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the seed documents are expected beside the checkout, at {SEEDS}")
    return SEEDS


def stand_in_portrait(path: Path, size: tuple[int, int] = (1200, 1500)) -> Path:
    """A made-up head-and-shoulders picture: bannerkit ships no portrait, the tests draw their own."""
    from PIL import Image, ImageDraw

    width, height = size
    image = Image.new("RGB", size, "#8A8F98")
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.33, height * 0.19, width * 0.67, height * 0.51), fill="#D9C2A6")
    draw.rounded_rectangle((width * 0.19, height * 0.55, width * 0.81, height), round(width * 0.15), fill="#3D4450")
    image.save(path, quality=90)
    return path


@pytest.fixture(scope="session")
def portrait(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stand_in_portrait(tmp_path_factory.mktemp("images") / "portrait.jpg")


def _environment(env: Mapping[str, str | None] | None) -> dict[str, str]:
    """The test's environment with `env` applied: a value sets a variable, None removes it."""
    merged = {**os.environ, **(env or {})}
    return {k: v for k, v in merged.items() if v is not None}


def run_cli(*args: str, cwd: Path | None = None,
            env: Mapping[str, str | None] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, as a user runs it (python -m bannerkit ...)."""
    return subprocess.run([sys.executable, "-m", "bannerkit", *args], capture_output=True, text=True, cwd=cwd,
                          env=_environment(env), timeout=300)


def invoke(*args: str, env: Mapping[str, str | None] | None = None) -> Result:
    """The same command in this process (Typer's CliRunner): same output, same exit codes, and
    fast. In `env`, None removes a variable."""
    return CliRunner().invoke(app, list(args), env=dict(env or {}))
