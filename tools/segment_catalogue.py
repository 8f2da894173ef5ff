"""Write bannerkit/data/words.txt: the word segmentation of every catalogue text, so that the
common job (an official slogan) is laid out without loading the segmenter's model (0.45 s).

The file is the segmenter's own output, never edited by hand; tests/test_breaks.py checks that
it still equals what the segmenter says. Run after changing the catalogue or underthesea:
    .venv/bin/python tools/segment_catalogue.py
"""

from __future__ import annotations

from bannerkit import load_catalogue
from bannerkit.resources import package_data
from bannerkit.text.structure import catalogue_texts, model_segment


def main() -> None:
    lines = ["# Word segmentation of the catalogue's texts by underthesea (tools/segment_catalogue.py writes it;",
             "# do not edit). The text, a tab, its words; the syllables of one word are joined by _."]
    lines += [" ".join(text.split()) + "\t" + " ".join(word.replace(" ", "_") for word in model_segment(text))
              for text in catalogue_texts(load_catalogue())]
    package_data("words.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
