"""Write bannerkit/data/words.txt: the word segmentation of every catalogue text and of the shipped
layouts' own words (the QR caption, "Kỷ niệm", a default headline), so that the common job (an
official slogan) is laid out without loading the segmenter's model (0.45 s a process).

The file is the segmenter's own output, never edited by hand; tests/test_breaks.py checks that
it still equals what the segmenter says. Run after changing the catalogue or underthesea:
    .venv/bin/python tools/segment_catalogue.py
"""

from __future__ import annotations

import re
import tomllib

from bannerkit import load_catalogue
from bannerkit.layout.spec import BlockSpec
from bannerkit.resources import data_folder, package_data
from bannerkit.text.structure import catalogue_texts, model_segment


def layout_texts() -> list[str]:
    """The words the shipped layouts write themselves: literal texts, defaults, the QR caption."""
    found = [BlockSpec.caption]
    for path in sorted(data_folder("layouts").glob("*.toml")):
        for block in tomllib.loads(path.read_text(encoding="utf-8")).get("block", []):
            for field in ("text", "caption"):
                value = str(block.get(field, ""))
                found += re.findall(r"default\('([^']+)'\)", value)
                found += [part.strip() for part in re.split(r"\{\{.*?\}\}", value) if len(part.strip()) > 3]
    return list(dict.fromkeys(text.casefold() for text in found))


def main() -> None:
    lines = ["# Word segmentation of the catalogue's texts by underthesea (tools/segment_catalogue.py writes it;",
             "# do not edit). The text, a tab, its words; the syllables of one word are joined by _."]
    lines += [" ".join(text.split()) + "\t" + " ".join(word.replace(" ", "_") for word in model_segment(text))
              for text in dict.fromkeys(catalogue_texts(load_catalogue()) + layout_texts())]
    package_data("words.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
