from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bannerkit.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the seed documents are expected beside the checkout, at {SEEDS}")
    return SEEDS


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
