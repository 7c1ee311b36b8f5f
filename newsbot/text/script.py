"""Which language an Arabic-script text is written in: Arabic, or Persian, Urdu, Pashto, Sindhi,
Kurdish (Sorani), Uyghur.

An Arabic-letter share alone calls every one of them Arabic. These languages differ in a few
letters, which is enough on a title and a body (letter counts, no dictionary):

- Arabic writes yeh and kaf as ``ي ك`` and ends many words with teh marbuta ``ة`` (2.5-6% of
  the letters of the news bodies measured); Persian and the languages written like it use
  ``ی ک`` instead and ``ة`` almost never.
- Among those, each has letters of its own: Urdu ``ٹ ڈ ڑ ں ے`` and two forms of heh, Sindhi ``ٻ ڄ ڃ ٺ ٽ ڦ ڪ ڳ ڻ``,
  Pashto ``ټ ډ ړ ښ ږ ځ څ ې ۍ``, Sorani Kurdish ``ێ ۆ ڵ ڕ``, Uyghur ``ۇ ۈ ۋ``; Persian has
  none of them.
"""

from __future__ import annotations

from newsbot.text.arabic import letter_counts

__all__ = ["ARABIC_SCRIPT_LANGUAGES", "script_language"]

ARABIC_SCRIPT_LANGUAGES = frozenset(
    ("ar", "fa", "ur", "ps", "sd", "ku", "ckb", "ug", "ks", "bal", "prs", "pnb", "skr", "lrc")
)
"""Language codes (ISO 639-1, or 639-3 where 639-1 has none) written in Arabic script."""

_ARABIC_FORMS = "يكى"  # yeh, kaf, alef maksura
_PERSIAN_FORMS = "یک"  # farsi yeh, keheh
_MIN_TEH_SHARE = 0.01
"""Share of ``ة`` among the letters from which a text is Arabic whatever yeh/kaf it uses."""
_MIN_OWN_SHARE = 0.01
"""Share of a language's own letters from which a non-Arabic text is in that language."""

# Checked in this order (Sindhi shares a heh form with Urdu). Sindhi and Uyghur write yeh and
# kaf in their Arabic forms; Urdu, Pashto and Kurdish in the Persian ones, which they must then
# use more than the Arabic ones (an Arabic text typed with an Urdu heh stays Arabic).
_OWN_LETTERS: tuple[tuple[str, str, bool], ...] = (
    ("sd", "ٻڄڃٺٽڦڪڳڻڀ", False),
    ("ug", "ۇۈۋ", False),
    ("ps", "ټډړښږځڅېۍ", True),
    ("ku", "ێۆڵڕ", True),
    ("ur", "ٹڈڑںےہھ", True),
)


def script_language(text: str | None) -> str | None:
    """``"ar"``, ``"fa"``, ``"ur"``, ``"sd"``, ``"ps"``, ``"ku"`` or ``"ug"`` for a text in
    Arabic script; None when it has no Arabic-script letter.

    Teh marbuta makes it Arabic; else a language's own letters decide; else the yeh/kaf forms
    (a text with neither form, a short Arabic headline, is Arabic).

    >>> script_language("قالت وزارة الخارجية في بيان")
    'ar'
    >>> script_language("وزیر امور خارجه در یک کنفرانس خبری گفت")
    'fa'
    >>> script_language("وزیر اعظم نے کہا کہ حکومت")
    'ur'
    """
    if not text:
        return None
    letters = letter_counts(text)[1]  # Arabic-script ones
    if not letters:
        return None
    if text.count("ة") >= _MIN_TEH_SHARE * letters:
        return "ar"
    arabic = sum(map(text.count, _ARABIC_FORMS))
    persian = sum(map(text.count, _PERSIAN_FORMS))
    for code, own, persian_forms in _OWN_LETTERS:
        if persian_forms and persian <= arabic:
            continue
        if sum(map(text.count, own)) >= _MIN_OWN_SHARE * letters:
            return code
    return "ar" if arabic >= persian else "fa"
