"""Is a word a Vietnamese syllable? Its spelling says: an initial consonant, a vowel nucleus, a
final consonant, and at most one tone mark. Used to tell real Vietnamese from text mangled by a
legacy encoding, in either direction."""

from __future__ import annotations

import re
import unicodedata

# Tone marks (grave, acute, hook above, tilde, dot below); the breve, circumflex and horn belong
# to the vowel itself.
TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_INITIALS = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx]"
_NUCLEI = sorted("""
a ă â e ê i o ô ơ u ư y
ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê
iêu oai oay oeo uây uôi ươi ươu uyê uya uyu yêu
""".split(), key=len, reverse=True)
# Nuclei that end in a glide: the tone never sits on the glide ("máy", never "maý").
_GLIDE_ENDING = set("""
ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu oai oay oeo uây uôi ươi ươu yêu
""".split())
_FINALS = "ch|ng|nh|[cmnpt]"
_SYLLABLE = re.compile(rf"^(?:{_INITIALS})?(?P<nucleus>{'|'.join(_NUCLEI)})(?:{_FINALS})?$")


def is_syllable(word: str) -> bool:
    """'Việt', 'nghiêng', 'ĐẢNG' -> True; 'naïve', 'Brand', 'àà', 'maý' -> False."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [i for i, ch in enumerate(decomposed) if ch in TONES]
    if len(tones) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))
    match = _SYLLABLE.match(toneless)
    if match is None or not tones:
        return match is not None
    # The letter the tone sits on, counted in the toneless word (one letter per base character).
    letter = sum(not unicodedata.combining(ch) for ch in decomposed[:tones[0]]) - 1
    start, end = match.span("nucleus")
    on_glide = match.group("nucleus") in _GLIDE_ENDING and letter == end - 1
    return start <= letter < end and not on_glide
