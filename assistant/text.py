"""Normalising what people type: Unicode, sentences, chat shorthand and spelling.

Spelling is corrected with pyspellchecker's English word list, but never for a word of
the loaded reports, the ministry name table or the intent examples (the *protected*
vocabulary): "SNS", "MEXT" or "Monbukagakusho" are not typos. Among a misspelled
word's candidates the report's own words come first, then a swap of two neighbouring
letters (the commonest slip: "waht", "hwo"), then the most frequent English word.

Example:
    >>> speller = Speller(frozenset({"symposium"}))
    >>> speller.correct("Wehn was teh symposum held?")  # doctest: +SKIP
    'When was the symposium held?'
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from corpus.eras import western_years

__all__ = ["Speller", "WORD", "function_words", "normalize", "sentence_spans", "shorthand"]

DATA = Path(__file__).resolve().parent / "data"
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# A word this common in English is not read as a ministry abbreviation when typed in
# lower case ("us", "it"); rarer ones ("mic", "mod") still are.
COMMON_WORD_COUNT = 20_000
# A word rarer than this is never a correction (an unknown "sexting" is not "sexing"),
# and a known but rare word is still a typo when swapping two letters gives a word this
# many times more frequent ("fro" → "for", "nay" → "any").
RARE_WORD_COUNT = 2_000
RARE_WORD_RATIO = 100
# How close (rapidfuzz ratio, 0–100) an unknown word must be to a report word to become it.
PROTECTED_CUTOFF = 80


_MAYBE_SEVERAL = re.compile(r"[.!?;:]\s*\S")


_ACCENTED_LATIN = re.compile(r"[\u00C0-\u024F\u1E00-\u1EFF]")


def _plain_latin(m: re.Match[str]) -> str:
    base = unicodedata.normalize("NFKD", m.group(0))[0]
    return base if base.isascii() else m.group(0)


def normalize(text: str) -> str:
    """NFKC (full-width "？" → "?"), Latin letters without accents ("Kōsei Rōdōshō" →
    "Kosei Rodosho"; kana keep theirs), era years as Western ones, plain apostrophes and
    quotes, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = western_years(_ACCENTED_LATIN.sub(_plain_latin, text))  # "reiwa 31" is 2049
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"(?<![\d\s])\s*%|(?<=\s)%", " percent", text)  # "what % of" → "percent"
    text = _LATIN_ABBREVIATION.sub(",", text)  # "…, i.e. October to March": a comma, not words
    text = re.sub(r"(?<=[^\W\d_])\s*\+\s*(?=[^\W\d_])", " and ", text)  # "police + 総務省"
    # chat shorthand written with a slash: "24/7" is no figure asked, "w/" is "with"
    text = re.sub(r"(?<![\d/])24\s*/\s*7(?![\d/])", "around the clock", text)
    text = re.sub(r"(?<![\w/])w/o(?![\w/])", "without", text, flags=re.I)
    text = re.sub(r"(?<![\w/])w/(?=\s|[A-Za-z])", "with ", text, flags=re.I)
    # "please teach me what …": a learner's "tell me" (Japanese 教えて, oshiete)
    text = re.sub(r"\bteach\s+me\b", "tell me", text, flags=re.I)
    # "efforts form both reports": the commonest slip of "from" is a real word, so spelling
    # leaves it; it is a noun only after a determiner or a modifier ("the consent form"), a
    # verb before an object ("to form a panel")
    text = _FORM.sub(lambda m: m.group(1) + ("From" if m.group(2) == "Form" else "from"), text)
    return " ".join(text.split())


_FORM = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bthis )(?<!\bthat )(?<!\beach )(?<!\bany )"
    r"(?<!\bwhich )(?<!\bwhat )(?<!\bto )(?<!\bapplication )(?<!\bconsent )(?<!\bonline )"
    r"(?<!\bweb )(?<!\bentry )(?<!\bcontact )(?<!\breport )(?<!\bpaper )(?<!\bsame )"
    r"(?<!\bnew )(?<!\bsurvey )(?<!\border )(\b)(form|Form)\b(?!\s+(?:a|an|the|new|of)\b)",
)
_LATIN_ABBREVIATION = re.compile(r"(?<!\w)(?:i\.\s?e\.|e\.\s?g\.)(?!\w)", re.I)


@lru_cache(maxsize=1)
def shorthand() -> dict[str, str]:
    """Chat shorthand → the words it stands for (``assistant/data/shorthand.json``)."""
    raw: dict[str, str] = json.loads((DATA / "shorthand.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Everyday words the English word list lacks (``assistant/data/known_words.txt``):
    spelling correction leaves them alone."""
    lines = (DATA / "known_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """English function words (``assistant/data/function_words.txt``)."""
    lines = (DATA / "function_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (pysbd), covering all of it."""
    if not text:
        return []
    if not _MAYBE_SEVERAL.search(text):
        return [(0, len(text))]  # one sentence: no need for the (slower) segmenter
    spans = [(s.start, s.end) for s in _segmenter().segment(text)]
    if not spans:
        return [(0, len(text))]
    # Close gaps so no character is lost between sentences.
    out = []
    for i, (start, _) in enumerate(spans):
        end = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        out.append((0 if i == 0 else start, end))
    return out


class Speller:
    """Corrects misspelled ordinary words, leaving the protected vocabulary alone.

    A misspelled word becomes, in this order: a word made by swapping two neighbouring
    letters ("waht" → "what"), the closest word of the reports ("symposum" →
    "symposium"), or the commonest English word one edit away.
    """

    def __init__(self, protected: Iterable[str]) -> None:
        # Two-letter pieces ("th" of "4th") would pull typos towards themselves.
        self.protected = frozenset(w.lower() for w in protected if len(w) >= 3)
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
        if (
            len(token) < 3
            or lower in self.protected
            or (token.isupper() and len(token) <= 6)
            or "'" in token
        ):
            return token
        count = self.count(lower)
        if count >= RARE_WORD_COUNT or self._british(lower):
            return token
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

    def _british(self, word: str) -> bool:
        """A British spelling of a known word ("organise", "colour", "centre",
        "programme", "defence", "counselling"): the word list is American."""
        return any(
            self.count(variant) >= RARE_WORD_COUNT
            for old, new in _BRITISH
            for variant in [re.sub(old, new, word)]
            if variant != word
        )

    def _nearest_protected(self, word: str) -> str | None:
        """The report word closest to ``word``, if it is a likely slip (one or two edits)."""
        if not self.protected:
            return None
        from rapidfuzz import fuzz, process

        if self._protected_list is None:
            self._protected_list = sorted(self.protected)
        best = process.extractOne(
            word, self._protected_list, scorer=fuzz.ratio, score_cutoff=PROTECTED_CUTOFF
        )
        return None if best is None else str(best[0])


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


def _swaps(word: str) -> list[str]:
    """Every word made by swapping two neighbouring letters."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]


# English question words, and the prepositions that may stand before them ("in which").
QUESTION_WORDS = r"(?:who|whom|whose|whats|what|which|when|where|why|how)"
LEADING_PREPOSITIONS = (
    r"(?:in|at|on|for|from|to|by|across|during|over|with|of|under|within|through|into|"
    r"after|before|since|until|among)"
)
_ABOUT = r"(?:roughly|approximately|about|around|exactly|also|then)"
# A second question joined to the first: a coordinator, perhaps a preposition, then a
# question word ("…, and which meeting was it", "… and when did it start", "…, and
# across how many prefectures"), which a preposition may lead from a few words away
# ("…, and to hotlines in how many countries", "…, and on the trains of how many …").
_SECOND_ASK = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|n|&)\s+|\s*;\s*|\s+[-–—]+\s+|\?\s+(?:and\s+)?)"
    rf"(?=(?:{_ABOUT}\s+)?(?:{LEADING_PREPOSITIONS}\s+)?{QUESTION_WORDS}\b"
    rf"|{LEADING_PREPOSITIONS}\s+(?:(?!{QUESTION_WORDS}\b)[\w'-]+\s+){{0,4}}"
    rf"(?:{_ABOUT}\s+)?how\s+(?:many|much)\b"
    # "…, and officials from how many countries attended?"
    rf"|(?:(?!{QUESTION_WORDS}\b)[\w'-]+\s+){{1,3}}(?:from|in|of|across)\s+how\s+many\b)",
    re.I,
)


def two_asks(text: str, *, min_words: int = 3) -> tuple[str, str] | None:
    """A question that asks two things, cut in two: "When was the meeting held, and which
    one was it?" → ("When was the meeting held", "which one was it?"). None when it asks
    one thing, or the first part holds no words of its own."""
    for m in _SECOND_ASK.finditer(text):
        first, second = text[: m.start()].strip(), text[m.end() :].strip()
        # "joint training in feb, how many attended" and "of the inmates who took it, how
        # many reoffended" ask once: the first part must itself open asking
        # "In FY2025, how many …"; "Cure Time 24h since when? also how many …"
        asks = (
            _OPENS_ASKING.match(first)
            or _FACT_NOUN_ASK.match(first)  # "dates of the workshop, and how many came?"
            or question_part(first)
            or _ENDS_ASKING.search(first)
            or _ASKS_IN_PLACE.search(first)  # "MIC lit up which tower? and how many …"
        )
        if asks and len(first.split()) >= min_words and second.split():
            return first, second
    return None


_AUXILIARY = r"(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would)"
# "Where and when was it held?", "where and on which dates did …": question words joined
# before the one clause they both ask about.
_WH_HEAD = (
    rf"(?:{LEADING_PREPOSITIONS}\s+)?(?:(?:which|what)\s+(?!{_AUXILIARY}\b)[a-z]+|how\s+(?:many|much|long|often)"
    r"|who|whom|whose|when|where|why)"
)
_JOINED_HEADS = re.compile(
    rf"^\s*(?:(?:and|so|ok|okay|also)\s+)?({_WH_HEAD})\s*,?\s+(?:and|&|n)\s+({_WH_HEAD})\s+(\S.*)$",
    re.I | re.S,
)  # "and when and where did it open?" after an answer


def joined_heads(text: str) -> tuple[str, str] | None:
    """Two question words asking one clause, as two questions:

    >>> joined_heads("Where and on which dates was the course held?")
    ('Where was the course held?', 'on which dates was the course held?')
    """
    m = _JOINED_HEADS.match(text)
    if m is None:
        return None
    return f"{m.group(1)} {m.group(3)}", f"{m.group(2)} {m.group(3)}"


_OPENS_ASKING = re.compile(
    rf"^\s*(?:(?:and|so|but|then|also|ok|okay)\s+)?(?:(?:{LEADING_PREPOSITIONS}\s+)?"
    rf"(?:(?:roughly|approximately|about|around|exactly|just)\s+)?"
    rf"{QUESTION_WORDS}|is|are|was|were|do|does|did|has|have|had|can|could|will|would|"
    r"should)\b",
    re.I,
)
# A question word inside the part, not opening it: "to how many countries did it go".
_ASKS_IN_PLACE = re.compile(
    r"\bhow\s+(?:many|much|long|often)\b|\b(?:which|what)\s+(?!(?:was|were|is|are|has|had|"
    r"have|did|does|do)\b)[a-z]+",
    re.I,
)
# A question put as the fact's noun: "dates of the workshop", "the venue of the meeting".
_FACT_NOUN_ASK = re.compile(
    r"^\s*(?:the\s+)?(?:exact\s+|full\s+|official\s+)?(?:dates?|days?|months?|years?|names?|"
    r"titles?|venues?|locations?|places?|number|figures?)\s+of\b",
    re.I,
)
_ENDS_ASKING = re.compile(rf"\b{QUESTION_WORDS}\s*[?]?\s*$", re.I)
_CLAUSE_START = re.compile(r"(?:[,;:]|\s[-–—]+|[.?!])\s+")


_QUESTION_WORD_AT = re.compile(rf"\s*{QUESTION_WORDS}", re.I)  # "whats …" too


def opens_asking(text: str) -> bool:
    """Whether ``text`` opens as a question does: "is there a class …", "when was it"."""
    return _OPENS_ASKING.match(text) is not None


def asked_sentence(text: str) -> str | None:
    """The question a statement follows: "wat is CAA? its in the list at the bottom" →
    "wat is CAA?". None when nothing follows the question, or what follows asks too."""
    m = re.match(r"^(.*?\?)\s+(\S.*)$", text, re.S)
    rest = "" if m is None else m.group(2)
    if m is None or "?" in rest or _OPENS_ASKING.match(rest) or _QUESTION_WORD_AT.match(rest):
        return None  # "… worth it? whats ur opinion" asks again
    return m.group(1)


def question_part(text: str) -> str | None:
    """The question a statement leads into, when the text opens with the statement: "MOJ
    evaluated its guidance - what did the evaluation conclude?" → "what did the
    evaluation conclude?". None when the text opens asking."""
    if _OPENS_ASKING.match(text):
        return None
    for m in _CLAUSE_START.finditer(text):
        rest = text[m.end() :]
        if _OPENS_ASKING.match(rest):
            return rest
    return None
