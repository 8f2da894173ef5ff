"""What `pip install` gets: the sdist carries the docs, examples and catalogue sources; a wheel
built from it has the compiled Vietnamese catalogue, the data folders, py.typed and the licences."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile

import pytest
from conftest import ROOT


@pytest.mark.slow
def test_the_sdist_builds_a_complete_wheel(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    sdist = next(tmp_path.glob("bannerkit-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in ("LICENSE", "hatch_build.py", "README.md", "docs/huong-dan.md", "docs/print.md",
                   "examples/cantho-quan-huyen-uy.xlsx", "bannerkit/locale/vi/LC_MESSAGES/bannerkit.po",
                   "fonts/BeVietnamPro-OFL.txt", "tests/data/specs/don-vi.ods", "bannerkit/py.typed"):
        assert needed in names, needed
    assert not any(name.endswith(".mo") for name in names)  # compiled at build time, never shipped stale

    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(sdist)],
                   check=True, capture_output=True)
    with zipfile.ZipFile(next(tmp_path.glob("bannerkit-*.whl"))) as wheel:
        members = set(wheel.namelist())
        metadata = wheel.read("bannerkit-0.1.0.dist-info/METADATA").decode()
    for needed in ("bannerkit/locale/vi/LC_MESSAGES/bannerkit.mo", "bannerkit/py.typed",
                   "bannerkit/_data/layouts/classic.toml", "bannerkit/_data/fonts/BeVietnamPro-ExtraBold.ttf",
                   "bannerkit/data/book.html.j2", "bannerkit/data/office/bannerkit.toml.j2",
                   "bannerkit-0.1.0.dist-info/licenses/LICENSE"):
        assert needed in members, needed
    assert "License-Expression: MIT AND OFL-1.1" in metadata
    assert "Provides-Extra: video" in metadata and "Provides-Extra: preview" in metadata
    assert "Requires-Dist: av>=12.0; extra == 'video'" in metadata
