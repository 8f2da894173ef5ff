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
_FINALS = "ch|ng|nh|[cmnpt]"
_SYLLABLE = re.compile(rf"^(?:{_INITIALS})?(?:{'|'.join(_NUCLEI)})(?:{_FINALS})?$")


def is_syllable(word: str) -> bool:
    """'Việt', 'nghiêng', 'ĐẢNG' -> True; 'naïve', 'Brand', 'àà' -> False."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in TONES for ch in decomposed) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))
    return bool(_SYLLABLE.match(toneless))
