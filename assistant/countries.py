"""Foreign countries a question names, as pycountry spells them and by a few short forms,
and whether one is the place of a Japanese effort rather than a country asked about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.parts import Span
from assistant.text import function_words

__all__ = ["Country", "compares_with_home", "countries", "country_mentions"]


_COUNTRY_ALIASES = {
    "america": "United States",
    "usa": "United States",
    "us": "United States",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "england": "United Kingdom",
    "korea": "Korea",
    "south korea": "Korea",
    "europe": "Europe",
    "eu": "Europe",
    # regions, so "north america" is not the United States
    "north america": "North America",
    "south america": "South America",
    "latin america": "Latin America",
    "central america": "Central America",
}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names[value.lower()] = getattr(c, "common_name", None) or c.name
    names.update(_COUNTRY_ALIASES)
    return names


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern[str]:
    """One pattern for every name: a short form that is also an English word ("US") in
    capitals only, not "us", unless "the" stands before it ("the us"); others ("uk",
    "peru") in any case. "US$" is a currency."""
    names = sorted(_country_names(), key=len, reverse=True)
    words = function_words()
    short = [re.escape(n.upper()) for n in names if len(n) <= 4 and n in words]
    long = [re.escape(n) for n in names if len(n) > 4 or n not in words]
    the = "|".join(s.lower() for s in short)
    return re.compile(
        rf"(?<![\w.])(?:(?i:{'|'.join(long)})|{'|'.join(short)}|(?<=[Tt]he )(?:{the}))(?![\w$])"
    )


@dataclass(frozen=True)
class Country:
    name: str
    span: Span


# A country named as where something was done ("in Switzerland"), by a verb of doing
# something abroad: not what that country does.
# A question setting a country beside Japan asks what that country does: "how does
# Australia handle it compared with Japan", "in Korea vs Japan".
_BESIDE_HOME = re.compile(
    r"\b(?:compar\w*\s+(?:to|with)|versus|vs\.?|than(?:\s+in)?)\s+(?:th(?:at|ose)\s+of\s+)?"
    r"japan\b|\bjapan(?:'s|’s)?\s+(?:compar\w*|versus|vs\b)",
    re.I,
)


def compares_with_home(text: str) -> bool:
    """Whether the question sets what it names beside Japan's own measures.

    Example:
        >>> compares_with_home("how does Korea do it compared to Japan?")
        True
    """
    return bool(_BESIDE_HOME.search(text))


_PLACE_OF = re.compile(r"\b(?:in|at|to|inside|within|visit(?:ed|ing)?)\s+(?:the\s+)?$", re.I)
_DONE_ABROAD = re.compile(
    r"\b(?:hold|held|hosts?|hosted|organi[sz]e[ds]?|attend(?:ed|s)?|visit(?:ed|s)?|send|sent|"
    r"dispatch(?:ed)?|present(?:ed)?|speak|spoke|gave|give|join(?:ed)?|participat\w*|"
    r"travel+ed|went|go|fly|flew|run|ran|set\s+up|took\s+part|take\s+part)\b",
    re.I,
)


def countries(
    text: str, home: str, mentioned: frozenset[str], hosted: frozenset[str] = frozenset()
) -> list[Country]:
    """Countries (pycountry's names and a few common short forms) other than ``home`` that
    the reports never mention ("What is the US doing?"), or that the question gives as
    the owner of something ("Thailand's law"): the reports cover Japan's measures only.
    ``hosted``: countries the reports tell of by a city in them (Switzerland, of Geneva)."""
    names = _country_names()
    out = []
    for m in _country_pattern().finditer(text):
        key = m.group(0).lower()
        country = names.get(key)
        owner = text[m.end() : m.end() + 2] in ("'s", "’s")
        if country is None or country == home:
            continue
        if key in mentioned and not owner:
            continue
        if country in hosted and _PLACE_OF.search(text[: m.start()]) and _DONE_ABROAD.search(text):
            continue  # "did the diplomats organise a panel in Switzerland": Japan's, there
        out.append(Country(country, m.span()))
    for m in _DEMONYM_BODY.finditer(text):
        # "how do the british police handle it": that country's own bodies, as an owner
        country = _DEMONYMS[m.group(1).lower()]
        # (not a body's proper name, as the reports tell of partners: "the joint team with
        # the Royal Thai Police", "the Indonesian National Police")
        proper = m.group(2)[:1].isupper()
        # ... nor a partner Japan worked with: "the joint investigation with the thai police"
        partner = re.search(r"\b(?:with|alongside|and)\s+(?:the\s+)?$", text[: m.start()], re.I)
        if country != home and not proper and not partner and all(c.name != country for c in out):
            out.append(Country(country, m.span(1)))
    return out


# Adjectives of the countries a question most often sets beside Japan, by pycountry's
# common names: "the British police" are the United Kingdom's.
_DEMONYMS = {
    "american": "United States", "british": "United Kingdom", "english": "United Kingdom",
    "korean": "Korea", "south korean": "Korea", "chinese": "China", "french": "France",
    "german": "Germany", "italian": "Italy", "spanish": "Spain", "dutch": "Netherlands",
    "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland",
    "australian": "Australia", "canadian": "Canada", "indian": "India",
    "filipino": "Philippines", "philippine": "Philippines", "thai": "Thailand",
    "vietnamese": "Vietnam", "indonesian": "Indonesia", "malaysian": "Malaysia",
    "singaporean": "Singapore", "taiwanese": "Taiwan", "brazilian": "Brazil",
    "mexican": "Mexico", "russian": "Russian Federation", "irish": "Ireland",
    "new zealand": "New Zealand", "japanese": "Japan",
}  # fmt: skip
# ... only before a public body or its rules: "Korean nationals" are people, not a state.
_DEMONYM_BODY = re.compile(
    rf"\b({'|'.join(sorted(_DEMONYMS, key=len, reverse=True))})\s+((?:national\s+)?(?:police|"
    r"government|authorities|authority|ministry|ministries|agency|agencies|courts?|parliament|"
    r"laws?|legislation|regulators?|officials|schools?|education\s+system|system|approach))\b",
    re.I,
)


def country_mentions(text: str, home: str = "Japan") -> list[str]:
    """The countries an effort's text names, as it writes them, other than ``home``:
    "in the Philippines and Cambodia" → ["Philippines", "Cambodia"].

    Example:
        >>> country_mentions("a UNICEF project in the Philippines and Cambodia")
        ['Philippines', 'Cambodia']
    """
    names = _country_names()
    out: list[str] = []
    for m in _country_pattern().finditer(text):
        if names.get(m.group(0).lower()) not in (None, home) and m.group(0) not in out:
            out.append(m.group(0))
    return out
