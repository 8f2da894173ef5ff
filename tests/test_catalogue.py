"""The catalogue must hold the official wording exactly as the seed documents give it."""

from __future__ import annotations

import re
import unicodedata

from bannerkit import load_catalogue
from bannerkit.documents import document, load_documents
from bannerkit.text.normalise import fold


def _section_v(seeds) -> list[tuple[int, str]]:
    text = (seeds / "002_592f991f8695759b.txt").read_text(encoding="utf-8")
    section = text.split("V- KHẨU HIỆU TUYÊN TRUYỀN", 1)[1].split("Nơi nhận:", 1)[0]
    return [(int(n), t) for n, t in re.findall(r"^(\d+)\. (.+)$", section, re.M)]


def test_slogans_equal_section_v_of_the_seed_character_for_character(seeds):
    expected = _section_v(seeds)
    assert len(expected) == 30
    assert [(s.id, s.text) for s in load_catalogue().slogans] == expected


def test_every_text_is_nfc_and_every_slogan_ends_with_an_exclamation_mark():
    catalogue = load_catalogue()
    for entry in catalogue.slogans + catalogue.themes + catalogue.anniversaries:
        assert unicodedata.is_normalized("NFC", entry.text)
    assert all(s.text.endswith("!") for s in catalogue.slogans)


def test_themes_and_anniversaries_are_worded_as_in_the_seeds(seeds):
    both = "".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt"))
    catalogue = load_catalogue()
    assert len(catalogue.themes) == 3
    for entry in catalogue.themes + catalogue.anniversaries:
        assert entry.text in both, entry.text
    # The seed gives these two dates in full.
    dated = {a.id: a for a in catalogue.anniversaries}
    assert "(03/02/1930 - 03/02/2025)" in both and dated["dang-95"].start.isoformat() == "1930-02-03"
    assert "(30/4/1975 - 30/4/2025)" in both and dated["giai-phong-50"].date.isoformat() == "2025-04-30"
    assert all(a.date.year - a.start.year == a.years for a in catalogue.anniversaries)


def test_every_entry_cites_its_source_document():
    catalogue = load_catalogue()
    source = catalogue.slogan(5).source
    assert (source.type, source.issuer, source.place) == ("Kế hoạch", "Ban Thường vụ Thành ủy", "Cần Thơ")
    assert source.citation() == ("Kế hoạch của Ban Thường vụ Thành ủy Cần Thơ về tuyên truyền đại hội đảng bộ các "
                                 "cấp, tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng")
    assert document(source.basis).citation() == (
        "Hướng dẫn số 176-HD/BTGTW ngày 10/12/2024 của Ban Tuyên giáo Trung ương về tuyên truyền đại hội đảng bộ "
        "các cấp, tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng")


def test_every_registered_document_is_named_as_the_seeds_cite_it(seeds):
    both = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in seeds.glob("*.txt"))
    for doc in load_documents().values():
        assert doc.title in both, doc.id
        if doc.number:
            assert f"số {doc.number}" in both and doc.date in both, doc.id


def test_search_ignores_diacritics_and_case():
    catalogue = load_catalogue()
    assert [s.id for s in catalogue.search("chuyen doi so", catalogue.slogans)] == [24]
    assert [s.id for s in catalogue.search("CHUYỂN ĐỔI SỐ", catalogue.slogans)] == [24]
    assert [s.id for s in catalogue.search("Hồ Chí Minh", catalogue.slogans)] == [1, 21, 30]


def test_fold_maps_d_with_stroke():
    assert fold("Đảng Cộng sản") == "dang cong san"
