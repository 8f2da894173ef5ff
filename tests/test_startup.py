"""The command starts at once: none of the heavy engines is imported until a command needs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("weasyprint", "av", "starlette", "uvicorn", "watchfiles", "pypdf")
PROBE = """
import json, sys
from typer.testing import CliRunner
import bannerkit.cli
loaded = {"import bannerkit.cli": sorted(sys.modules)}
for args in (["--version"], ["--help"], ["slogans"], ["sizes"]):
    result = CliRunner().invoke(bannerkit.cli.app, args)
    assert result.exit_code == 0, result.output
    loaded[" ".join(["bannerkit", *args])] = sorted(sys.modules)
print(json.dumps(loaded))
"""


@pytest.mark.slow  # a fresh interpreter is the only honest place to count imports
def test_start_up_and_light_commands_import_no_heavy_engine():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True)
    for step, modules in json.loads(result.stdout).items():
        heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
        assert not heavy, f"{step} imported {heavy}"
