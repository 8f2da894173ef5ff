"""Text entering bannerkit: normalisation, legacy encodings, font coverage, line breaks."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from bannerkit import TextError, load_catalogue
from bannerkit.text.fonts import check_coverage, font_face
from bannerkit.text.legacy import convert_legacy, detect_legacy
from bannerkit.text.normalise import clean_text, upper
from bannerkit.text.phrases import load_phrases
from bannerkit.text.structure import units_of as words

LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
FACE = font_face("BeVietnamPro-ExtraBold.ttf")


def test_decomposed_text_and_stray_spaces_are_normalised():
    pasted = unicodedata.normalize("NFD", "  Đảng Cộng sản\tViệt   Nam ")
    assert clean_text(pasted) == "Đảng Cộng sản Việt Nam"


@pytest.mark.parametrize("text, message", [("   ", "empty"), ("Việt\u200bNam", r"U\+200B"), ("A\x07B", r"U\+0007")])
def test_empty_and_invisible_characters_are_refused(text, message):
    with pytest.raises(TextError, match=message):
        clean_text(text)


def test_upper_case_is_vietnamese():
    assert upper("đảng cộng sản việt nam, ươm") == "ĐẢNG CỘNG SẢN VIỆT NAM, ƯƠM"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs glibc iconv as an independent TCVN3 encoder")
def test_tcvn3_round_trip_for_every_lower_case_letter():
    sample = "Đảng " + LETTERS + " " + load_catalogue().slogan(28).text.lower()
    encoded = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=sample.encode(),
                             capture_output=True, check=True).stdout
    as_seen = encoded.decode("latin-1")  # what a document shows once its .VnTime font is gone
    assert detect_legacy(as_seen) == "tcvn3"
    assert convert_legacy(as_seen, "tcvn3") == unicodedata.normalize("NFC", sample)


@pytest.mark.parametrize("vni, unicode", [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñaûng Coäng saûn Vieät Nam quang vinh muoân naêm!", "Đảng Cộng sản Việt Nam quang vinh muôn năm!"),
    ("Thaønh phoá Caàn Thô", "Thành phố Cần Thơ"),
    ("Ñoaøn keát, trí tueä, ñoåi môùi", "Đoàn kết, trí tuệ, đổi mới"),
])
def test_vni_text_is_detected_and_converted(vni, unicode):
    assert detect_legacy(vni) == "vni"
    assert clean_text(vni) == unicode


def test_legacy_text_can_be_refused_with_the_encoding_named():
    with pytest.raises(TextError, match=r"old TCVN3 \(ABC\) encoding"):
        clean_text("§¶ng Céng s¶n ViÖt Nam", convert=False)


def test_genuine_text_is_never_taken_for_a_legacy_encoding():
    catalogue = load_catalogue()
    for entry in catalogue.slogans + catalogue.themes + catalogue.anniversaries:
        assert detect_legacy(entry.text) is None
        assert detect_legacy(upper(entry.text)) is None
    assert detect_legacy("Café, naïve, Straße") is None


def test_font_coverage_names_the_missing_character():
    check_coverage(FACE, upper(LETTERS) + LETTERS + " –—“”‘’…!?,.:;()0123456789")
    with pytest.raises(TextError, match=r"no glyph for '中' \(U\+4E2D\)"):
        check_coverage(FACE, "Việt Nam 中")


def test_lone_punctuation_never_starts_a_line():
    assert words("Đảng Cộng sản Việt Nam - Người lãnh đạo !") == [
        "Đảng", "Cộng", "sản", "Việt", "Nam -", "Người", "lãnh", "đạo !"]


def test_protected_phrases_and_patterns_are_found():
    text = upper("Đại hội đại biểu Đảng bộ thành phố Cần Thơ lần thứ XV, nhiệm kỳ 2025 - 2030 (03/02/1930 - 03/02/2025)")
    found = {text[a:b] for a, b in load_phrases().spans(text)}
    assert {"CẦN THƠ", "LẦN THỨ XV", "2025 - 2030", "NHIỆM KỲ 2025 - 2030", "(03/02/1930 - 03/02/2025)"} <= found


def test_an_office_adds_its_own_phrases(tmp_path, monkeypatch):
    own = tmp_path / "phrases.txt"
    own.write_text("# ours\nPhường Tân An\nre: Khu vực \\d+\n", encoding="utf-8")
    text = "PHƯỜNG TÂN AN, KHU VỰC 3"
    assert {text[a:b] for a, b in load_phrases(own).spans(text)} >= {"PHƯỜNG TÂN AN", "KHU VỰC 3"}
    monkeypatch.setenv("BANNERKIT_PHRASES", str(own))
    assert "PHƯỜNG TÂN AN" in {text[a:b] for a, b in load_phrases().spans(text)}


def test_a_broken_phrase_pattern_names_file_and_line(tmp_path):
    own = tmp_path / "bad.txt"
    own.write_text("Việt Nam\nre: (unclosed\n", encoding="utf-8")
    with pytest.raises(TextError, match=r"bad.txt, line 2"):
        load_phrases(own)


@pytest.mark.parametrize("word, spelled", [("máy", True), ("hoá", True), ("thuý", True), ("giữa", True),
                                           ("maý", False), ("AỴ", False), ("ngươì", False)])
def test_a_tone_on_a_glide_is_not_vietnamese_spelling(word, spelled):
    from bannerkit.text.syllables import is_syllable
    assert is_syllable(word) is spelled
