"""The hand annotation of the slogans' structure, which the line-breaking measurement
(bench/bench_breaks.py) relies on."""

from __future__ import annotations

from slogan_structure import INSIDE_WORD, PHRASE, WORD, classify, read_annotation

from bannerkit import load_catalogue


def test_the_annotation_is_the_catalogue_text_word_for_word():
    structures = read_annotation()
    assert sorted(structures) == [s.id for s in load_catalogue().slogans]
    for slogan in load_catalogue().slogans:
        assert structures[slogan.id].text == slogan.text, slogan.id


def test_breaks_are_classified_by_where_they_fall():
    structure = read_annotation()[1]
    lines = ["KIÊN ĐỊNH MỤC TIÊU ĐỘC LẬP", "DÂN TỘC GẮN LIỀN VỚI CHỦ NGHĨA XÃ HỘI",
             "TRÊN NỀN TẢNG CHỦ NGHĨA MÁC - LÊNIN,", "TƯ TƯỞNG HỒ CHÍ MINH!"]
    assert classify(structure, lines) == {WORD: 1, PHRASE: 2}
    assert classify(structure, ["KIÊN", "ĐỊNH ..."])[INSIDE_WORD] == 1
