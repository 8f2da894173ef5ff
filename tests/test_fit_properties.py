"""Property tests: whatever the text and the box, the result fits or the documented error comes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bannerkit import TextError
from bannerkit.model import Box
from bannerkit.text.fit import TextStyle, fit_text
from bannerkit.text.fonts import font_face
from bannerkit.text.normalise import clean_text, upper
from bannerkit.text.phrases import load_phrases

FACE = font_face("BeVietnamPro-ExtraBold.ttf")
PHRASES = load_phrases()
SYLLABLES = ["đảng", "cộng", "sản", "việt", "nam", "nghĩa", "ướ", "ặng", "ỗi", "Ệ", "hồ", "chí", "minh", "-", "!",
             "2025", "-", "2030", "lần", "thứ", "XIV", "tổ", "quốc", "xã", "hội", "chủ", "(03/02/1930", "03/02/2025)",
             "khuyến", "nghiêng", "Ưỡng", "a", "ĐẠI", "w", ",", "…", "“Đổi", "mới”"]
texts = st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=60).map(" ".join)
lengths = st.floats(min_value=5, max_value=20000, allow_nan=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, width=lengths, height=lengths, max_lines=st.integers(1, 14),
       min_size=st.floats(0, 200), line_height=st.floats(1.0, 2.0), upper_case=st.booleans())
def test_every_fit_stays_in_its_box_or_says_it_is_too_long(text, width, height, max_lines, min_size, line_height,
                                                           upper_case):
    box = Box(10.0, 20.0, width, height)
    style = TextStyle(face=FACE, color="#FFFF00", line_height=line_height, max_lines=max_lines, min_size=min_size)
    shown = upper(clean_text(text)) if upper_case else clean_text(text)
    try:
        block = fit_text(shown, style, box, PHRASES)
    except TextError as err:
        assert "too long" in str(err)
        return
    assert block.size >= min_size
    assert len(block.lines) <= max_lines
    assert " ".join(line.text for line in block.lines) == shown
    eps = 1e-6 * max(width, height)
    ink = block.ink
    assert ink.x >= box.x - eps and ink.right <= box.right + eps
    assert ink.y >= box.y - eps and ink.bottom <= box.bottom + eps


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_input_is_cleaned_or_refused_with_a_text_error(raw):
    try:
        cleaned = clean_text(raw)
    except TextError:
        return
    assert cleaned and cleaned == cleaned.strip()
