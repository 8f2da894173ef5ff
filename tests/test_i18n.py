"""The interface speaks Vietnamese by default: every message a user reads has its translation.

The catalogue is checked against the messages extracted from the source exactly as `pybabel
extract` finds them, so a new message without its Vietnamese fails here, not in front of a user.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from conftest import ROOT, run_cli

from bannerkit import i18n
from bannerkit.usage import translate_click

PO = ROOT / "bannerkit" / "locale" / "vi" / "LC_MESSAGES" / "bannerkit.po"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[-#0 +]*\d*(?:\.\d+)?[sdfr]")


def _source_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(ROOT / "bannerkit")):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _catalogue() -> dict[str, tuple[str, bool]]:
    with PO.open("rb") as source:
        return {m.id: (m.string, m.fuzzy) for m in read_po(source) if m.id}


def test_every_message_has_a_vietnamese_translation():
    catalogue = _catalogue()
    missing = sorted(m for m in _source_messages() if not catalogue.get(m, ("", False))[0])
    assert not missing, ("messages without Vietnamese; run pybabel extract -o /tmp/bannerkit.pot bannerkit && "
                         "pybabel update -i /tmp/bannerkit.pot -d bannerkit/locale -D bannerkit, then translate "
                         f"them in {PO.relative_to(ROOT)}: {missing}")
    assert not [m for m, (_s, fuzzy) in catalogue.items() if fuzzy], "fuzzy (unchecked) translations are not used"


def test_every_translated_call_is_seen_by_the_extractor():
    """A `_()` inside an f-string is invisible to pybabel on Python 3.11, and would stay English."""
    called = set()
    for path in (ROOT / "bannerkit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")
                    and node.args and isinstance(node.args[0], ast.Constant)):
                called.add(node.args[0].value)
    unseen = sorted(called - _source_messages())
    assert not unseen, f"move these _() calls out of f-strings: {unseen}"


def test_the_catalogue_holds_only_messages_the_source_has():
    stale = sorted(set(_catalogue()) - _source_messages())
    assert not stale, f"translations of messages the source no longer has; run pybabel update: {stale}"


def test_translations_keep_every_placeholder():
    for message, (translation, _fuzzy) in _catalogue().items():
        assert sorted(PLACEHOLDER.findall(translation)) == sorted(PLACEHOLDER.findall(message)), message


def test_the_installed_catalogue_is_compiled_from_the_current_po():
    mo = PO.with_suffix(".mo")
    assert mo.is_file(), "no compiled catalogue: install the package (pip install -e .), hatch_build.py compiles it"
    with mo.open("rb") as source:
        compiled = {m.id: m.string for m in read_mo(source) if m.id}
    assert compiled == {m: s for m, (s, _f) in _catalogue().items()}, "stale .mo: run pip install -e . again"


@pytest.mark.parametrize(("explicit", "env", "expected"), [
    (None, {}, "vi"),
    (None, {"LANG": "C.UTF-8"}, "vi"),
    (None, {"LANG": "en_US.UTF-8"}, "en"),
    (None, {"LANG": "vi_VN.UTF-8"}, "vi"),
    (None, {"LANG": "en_US.UTF-8", "BANNERKIT_LANG": "vi"}, "vi"),
    (None, {"LANGUAGE": "fr:en"}, "en"),
    ("en", {"BANNERKIT_LANG": "vi"}, "en"),
    ("vi", {"LANG": "en_GB.UTF-8"}, "vi"),
])
def test_the_language_is_the_first_one_said(monkeypatch, explicit, env, expected):
    for name in ("BANNERKIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.choose_language(explicit) == expected


NO_LANGUAGE = {"BANNERKIT_LANG": None, "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}


@pytest.mark.slow
def test_the_command_speaks_vietnamese_unless_asked_otherwise(tmp_path: Path):
    help_text = run_cli("render", "-h", env=NO_LANGUAGE).stdout
    assert "Cách dùng: bannerkit render" in help_text and "Tuỳ chọn" in help_text
    assert "Số thứ tự khẩu hiệu" in help_text and "Hiện hướng dẫn này rồi thoát." in help_text
    error = run_cli("render", "--slogan", "99", "--out-dir", str(tmp_path), env=NO_LANGUAGE)
    assert error.returncode == 1 and error.stderr.startswith("lỗi: không có khẩu hiệu số 99")
    usage = run_cli("render", "--bogus", env=NO_LANGUAGE)
    assert usage.returncode == 2 and "Lỗi: Không có tuỳ chọn: --bogus" in usage.stderr
    mistyped = run_cli("anniversaries", env=NO_LANGUAGE)  # a command that is not one
    assert mistyped.returncode == 2 and "Gõ 'bannerkit -h' để xem hướng dẫn." in mistyped.stderr
    assert "Lỗi: " in mistyped.stderr and "Try" not in mistyped.stderr
    english = run_cli("render", "--slogan", "99", "--lang", "en", env=NO_LANGUAGE)
    assert english.stderr.startswith("error: unknown slogan 99")
    by_locale = run_cli("render", "-h", env={**NO_LANGUAGE, "LANG": "en_US.UTF-8"})
    assert "Usage: bannerkit render" in by_locale.stdout and "Slogan number" in by_locale.stdout


def test_clicks_usage_errors_are_translated_with_their_values(monkeypatch):
    i18n.set_language("vi")
    try:
        assert translate_click("Invalid value for '--dpi': 'abc' is not a valid float.") == \
            "Giá trị không hợp lệ cho '--dpi': 'abc' không phải số thực hợp lệ."
        assert translate_click("Missing option '--slogans'.") == "Thiếu tuỳ chọn '--slogans'."
        assert translate_click("something else") == "something else"
    finally:
        i18n.set_language("en")
