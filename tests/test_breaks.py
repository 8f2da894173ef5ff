"""The hand annotation of the slogans' structure, which the line-breaking measurement
(bench/bench_breaks.py) relies on."""

from __future__ import annotations

import pytest
from conftest import invoke
from slogan_structure import INSIDE_WORD, PHRASE, SHAPES, WORD, classify, measure, read_annotation, slogan_lines

from bannerkit import Job, RenderOptions, load_catalogue
from bannerkit.batch import Settings, check
from bannerkit.design import lay_out
from bannerkit.model import TextBlock
from bannerkit.text.normalise import upper
from bannerkit.text.phrases import load_phrases
from bannerkit.text.structure import INSIDE, analyse
from bannerkit.text.structure import PHRASE as PHRASE_RANK
from bannerkit.text.structure import WORD as WORD_RANK


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


@pytest.mark.parametrize("size", SHAPES)
def test_breaks_fall_between_words_and_mostly_at_phrase_boundaries(size):
    """Issue 13's targets for all 30 slogans: no break inside a word, at least 80 % at phrases."""
    counts = measure(size)
    assert counts[INSIDE_WORD] == 0
    assert counts[PHRASE] / sum(counts.values()) >= 0.8, counts


@pytest.mark.parametrize("size", SHAPES)
def test_no_line_ends_on_a_word_that_opens_the_next_phrase(size):
    for number in range(1, 31):
        lines = slogan_lines(number, size)
        for line in lines[:-1]:
            assert line.split()[-1] not in {"CỦA", "VÀ", "VỚI", "ĐỂ", "TRONG", "TRÊN", "VỀ", "LÀ", "CHO"}, (number, lines)


def test_the_issues_examples_are_kept_together():
    for number, size, together in [(1, "pano-3x6", "ĐỘC LẬP DÂN TỘC"), (6, "pano-3x6", "ĐẠI HỘI ĐẢNG BỘ CÁC CẤP"),
                                   (12, "pano-3x6", "CẤP ỦY"), (15, "pano-3x6", "NGHỊ QUYẾT ĐẠI HỘI XIV"),
                                   (5, "phuon-0.8x2.5", "LẦN THỨ XIV")]:
        assert any(together in line for line in slogan_lines(number, size)), (number, size)


def test_structure_ranks_the_breaks_of_a_text_nobody_annotated():
    structure = analyse(upper("Quyết tâm xây dựng quê hương giàu đẹp, văn minh gắn liền với phát triển bền vững"),
                        load_phrases())
    rank = dict(zip(structure.units[1:], structure.ranks[1:]))
    assert rank["VĂN"] == PHRASE_RANK  # after a comma
    assert rank["GẮN"] == PHRASE_RANK  # before "gắn liền với"
    assert rank["HƯƠNG"] == INSIDE  # "quê hương" is one word
    assert rank["PHÁT"] == WORD_RANK  # "với" leans on what follows it
    assert structure.leaning[structure.units.index("VỚI")]


@pytest.mark.parametrize("typed", ["Toàn Đảng, toàn dân | đồng lòng xây dựng đất nước",
                                   "Toàn Đảng, toàn dân\nđồng lòng xây dựng đất nước",
                                   "Toàn Đảng, toàn dân \r\n\r\n đồng lòng xây dựng đất nước"])
def test_a_typed_line_break_is_kept_wherever_the_text_is_typed(typed):
    design = lay_out(Job(text=typed), RenderOptions(size="pano-3x6", formats=("pdf",)))
    block = next(e for e in design.scene.elements if isinstance(e, TextBlock))
    assert block.lines[0].text == "TOÀN ĐẢNG, TOÀN DÂN"
    assert " ".join(line.text for line in block.lines[1:]) == "ĐỒNG LÒNG XÂY DỰNG ĐẤT NƯỚC"


def test_typed_breaks_reach_the_layout_from_the_command_line_and_a_spec(tmp_path):
    result = invoke("render", "--text", "Chung sức | đồng lòng", "--size", "a4", "--dpi", "20", "--format", "pdf",
                    "--out-dir", str(tmp_path / "cli"))
    assert result.exit_code == 0, result.output
    spec = tmp_path / "units.csv"
    spec.write_text('unit,event,layout,sizes,formats\n"Đảng ủy xã Tân An","Đại hội Đảng bộ xã Tân An\nlần thứ I",'
                    'congress,a4,pdf\n', encoding="utf-8")
    tasks, problems = check(spec, Settings())
    assert not problems
    design = lay_out(tasks[0].job, tasks[0].options)
    event = next(g for g in design.scene.groups if g.name == "event").elements[0]
    lines = [line.text for line in event.lines]
    assert lines[-1] == "LẦN THỨ I" and " ".join(lines[:-1]) == "ĐẠI HỘI ĐẢNG BỘ XÃ TÂN AN"


def test_a_one_line_ticker_runs_typed_lines_on():
    design = lay_out(Job(text="Chung sức | đồng lòng"), RenderOptions(size="led:P10:5x1m", layout="led-strip",
                                                                    formats=("png",)))
    block = next(e for e in design.scene.elements if isinstance(e, TextBlock))
    assert [line.text for line in block.lines] == ["CHUNG SỨC ĐỒNG LÒNG"]


def test_line_breaking_is_safe_in_threads_from_a_cold_start():
    """The preview lays out in threads; the segmenter loads its model on first use."""
    import subprocess
    import sys
    code = ("from concurrent.futures import ThreadPoolExecutor\n"
            "from bannerkit.text.structure import analyse\n"
            "from bannerkit.text.phrases import load_phrases\n"
            "from bannerkit import load_catalogue\n"
            "texts = [s.text for s in load_catalogue().slogans]\n"
            "with ThreadPoolExecutor(8) as pool:\n"
            "    list(pool.map(lambda t: analyse(t, load_phrases()), texts))\n")
    for _ in range(3):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
