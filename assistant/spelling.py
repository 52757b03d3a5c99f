"""Spelling: misspelled ordinary words corrected, the reports' own words left alone.

pyspellchecker's English frequency list gives one-edit candidates and how common a word
is; rapidfuzz finds the closest word of the reports. A word is corrected only when it is
unknown (or a rare word two swapped letters make common), never into a rare word, and
never when it is one of the reports' own.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from assistant.text import WORD, shorthand

__all__ = ["Speller"]

# A word this common in English is not read as a ministry abbreviation when typed in
# lower case ("us", "it"); rarer ones ("mic", "mod") still are.
COMMON_WORD_COUNT = 20_000
# A word rarer than this is never a correction (an unknown "sexting" is not "sexing"),
# and a known but rare word is still a typo when swapping two letters gives a word this
# many times more frequent ("fro" → "for", "nay" → "any").
RARE_WORD_COUNT = 2_000
RARE_WORD_RATIO = 100
# How close (rapidfuzz ratio, 0–100) an unknown word must be to a report word to become it.
# Words this short or shorter are corrected to a report word one edit away only.
SHORT_WORD = 5
PROTECTED_CUTOFF = 80


class Speller:
    """Corrects misspelled ordinary words, leaving the protected vocabulary alone.

    A misspelled word becomes, in this order: a word made by swapping two neighbouring
    letters ("waht" → "what"), the closest word of the reports ("symposum" →
    "symposium"), or the commonest English word one edit away.
    """

    def __init__(self, protected: Iterable[str], reports: Iterable[str] = ()) -> None:
        # Two-letter pieces ("th" of "4th") would pull typos towards themselves.
        self.protected = frozenset(w.lower() for w in protected if len(w) >= 3)
        # the reports' own words, whose spelling a word of another English is given
        self.reports = frozenset(w.lower() for w in reports)
        self._checker: Any = None
        self._counts: Any = None
        self._protected_list: list[str] | None = None
        self._lock = threading.Lock()

    def _words(self) -> Any:
        with self._lock:
            if self._checker is None:
                from assistant.prepared import english_checker

                self._checker = english_checker()  # for its one-edit candidates
            return self._checker

    def count(self, word: str) -> int:
        """How often ``word`` occurs in the English word list (0: unknown)."""
        if self._counts is None:
            # The list's counts alone, kept apart: reading them takes milliseconds, not
            # the 0.2 s pyspellchecker takes to load the same list.
            from assistant.prepared import english_counts

            self._counts = english_counts()
        return int(self._counts[word.lower()])

    def is_common(self, word: str) -> bool:
        return self.count(word) >= COMMON_WORD_COUNT

    def is_known(self, word: str) -> bool:
        """An English word too frequent to be a slip for another ("policy", "policies")."""
        return self.count(word) >= RARE_WORD_COUNT

    def correct(self, text: str) -> str:
        """``text`` with shorthand expanded and misspelled ordinary words corrected."""
        return WORD.sub(lambda m: self.word(m.group(0)), text)

    def word(self, token: str) -> str:
        lower = token.lower()
        expanded = shorthand().get(lower)
        if expanded is not None:
            return expanded
        if "-" in token.strip("-") and lower not in self.protected:
            # "co-organised", "one-stop": each part on its own, the hyphen kept (the
            # whole word is rarely a word of the list or of the reports)
            return "-".join(self.word(part) if part else part for part in token.split("-"))
        if lower not in self.reports and (mine := self._reports_spelling(lower)):
            return mine  # "centres" where the reports write "centers", even if protected
        if (
            len(token) < 3
            or lower in self.protected
            or (token.isupper() and len(token) <= 6)
            or "'" in token
        ):
            return token
        american = self._american(lower)
        if american in self.protected:
            return american  # "organisations" as the reports spell it, "organizations"
        count = self.count(lower)
        if count >= RARE_WORD_COUNT or american:
            return token
        plural = _ies_plural(lower)
        if count == 0 and plural and (plural in self.protected or self.is_known(plural)):
            return plural  # "copys", "countrys": the plural of a word in -y
        swapped = [
            w for w in _swaps(lower) if w in self.protected or self.count(w) >= RARE_WORD_COUNT
        ]
        if count > 0:
            better = [w for w in swapped if self.count(w) >= RARE_WORD_RATIO * count]
            return max(better, key=self.count) if better else token
        if swapped:
            return max(swapped, key=lambda w: (w in self.protected, self.count(w)))
        own = self._nearest_protected(lower)
        if own is not None:
            return own
        known = [
            w
            for w in self._words().edit_distance_1(lower)
            if (self.is_known(w) or (len(w) >= len(lower) and self._known_form(w)))
            and _likely_slip(lower, w)
        ]
        return max(known, key=self.count) if known else token

    def _known_form(self, word: str) -> bool:
        """A form of a known word that the list counts less often ("downloads" of
        "download"): a slip's correction when a letter was dropped ("downlods"), not when
        one was added ("sexting" is no "sexing")."""
        return self.count(word) > 0 and any(
            self.is_known(word[: -len(ending)])
            for ending in ("s", "es", "d", "ed", "ing")
            if word.endswith(ending) and len(word) - len(ending) >= 3
        )

    def _reports_spelling(self, word: str) -> str | None:
        """The reports' own spelling of a noun they spell the other way ("centres" of
        reports that write "centers"); None for any other word, and for a verb
        ("organised" is how the intent examples ask "who organised …")."""
        if word.endswith(_VERB_ENDINGS):
            return None
        return next(
            (
                variant
                for old, new in _BRITISH
                for variant in [re.sub(old, new, word)]
                if variant != word and variant in self.reports
            ),
            None,
        )

    def _american(self, word: str) -> str | None:
        """The American spelling of a British one ("organise", "colour", "centre",
        "programme", "defence", "counselling"), when the word list knows it (it is
        American); None for any other word."""
        return next(
            (
                variant
                for old, new in _BRITISH
                for variant in [re.sub(old, new, word)]
                if variant != word and self.count(variant) >= RARE_WORD_COUNT
            ),
            None,
        )

    def _nearest_protected(self, word: str) -> str | None:
        """The report word closest to ``word``, if it is a likely slip (one or two edits)."""
        if not self.protected:
            return None
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import Levenshtein

        if self._protected_list is None:
            self._protected_list = sorted(self.protected)
        best = process.extractOne(
            word, self._protected_list, scorer=fuzz.ratio, score_cutoff=PROTECTED_CUTOFF
        )
        if best is None:
            return None
        # a short word two edits from a report word is a word of its own: "onsen" is no
        # slip for "consent"
        edits = Levenshtein.distance(word, str(best[0]))
        return str(best[0]) if edits <= (1 if len(word) <= SHORT_WORD else 2) else None


_VERB_ENDINGS = ("ise", "ised", "ises", "ising", "yse", "ysed", "ysing", "lled", "lling")
# British → American spelling, as (pattern, replacement) on a lower-case word.
_BRITISH = (
    (r"is(e|ed|es|ing|ation|ations)$", r"iz\1"),
    (r"ys(e|ed|es|ing)$", r"yz\1"),
    (r"our(s|ed|ing|ite|ites|able)?$", r"or\1"),
    (r"tre(s)?$", r"ter\1"),
    (r"ogramme(s)?$", r"ogram\1"),
    (r"ence(s)?$", r"ense\1"),
    (r"ll(ed|ing|or|ors)$", r"l\1"),
    (r"ae", "e"),
    (r"oe", "e"),
)

# QWERTY rows with their stagger, in key widths.
_ROWS = (("qwertyuiop", 0.0), ("asdfghjkl", 0.25), ("zxcvbnm", 0.75))
_KEY = {ch: (r, c + shift) for r, (row, shift) in enumerate(_ROWS) for c, ch in enumerate(row)}


def _adjacent(a: str, b: str) -> bool:
    """Neighbouring keys on a QWERTY keyboard ("s" and "x" are, "a" and "x" are not)."""
    if a not in _KEY or b not in _KEY:
        return False
    (r1, x1), (r2, x2) = _KEY[a], _KEY[b]
    return abs(r1 - r2) <= 1 and abs(x1 - x2) <= 1.0


def _likely_slip(typed: str, word: str) -> bool:
    """A letter dropped, doubled or added, or one key hit for its neighbour; a word
    one far-apart letter away ("sexting" / "setting") is more likely a word of its own."""
    if len(typed) != len(word):
        return True
    diff = [(a, b) for a, b in zip(typed, word, strict=True) if a != b]
    return len(diff) == 1 and _adjacent(*diff[0])


def _ies_plural(word: str) -> str | None:
    """ "copies" for "copys": a word in consonant + y made plural with a bare "s"."""
    if len(word) > 4 and word.endswith("ys") and word[-3] not in "aeiou":
        return word[:-2] + "ies"
    return None


def _swaps(word: str) -> list[str]:
    """Every word made by swapping two neighbouring letters."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]


# English question words, and the prepositions that may stand before them ("in which").
