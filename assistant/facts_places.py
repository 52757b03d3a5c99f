"""Places in an effort's text: where it was done.

A place is a preposition and a noun of places ("in penal institutions", "at 5
international airports"), with the named place a venue is in ("at the National Police
Academy in Fuchu, Tokyo"), or a place named in Title Case ("in Osaka"). Like the names of
:mod:`assistant.facts_names`, each is a typed span of the effort's own text.
"""

from __future__ import annotations

import re

from assistant.facts import FactSpan
from assistant.facts_names import QUOTED
from corpus.parser import MONTHS

__all__ = ["is_place", "places"]


_PLACE_NOUNS = frozenset(
    "institutions institution airports airport stations station schools school centers "
    "centres center centre prefectures prefecture municipalities venues offices office "
    "websites website vehicles facilities hospitals courts prisons nationwide country "
    "venue city cities town towns place places location locations region regions area "
    "areas".split()
)
_PLACE = re.compile(
    # not a relative clause: "a contest, in which junior high school students presented …"
    r"\b(?:at|in|on|across|through)\s+(?!(?:which|whom|whose)\b)((?:the\s+)?(?:(?-i:[A-Z][\w'’-]*,\s+(?=[A-Z]))|[\w'’-]+\s+){0,5}?(?:"
    + "|".join(sorted(_PLACE_NOUNS, key=len, reverse=True))
    # not a place that names whose people: "training … for child guidance center staff"
    + r"))\b(?!\s+(?:staff|officials|officers|workers|employees|personnel|directors|heads|"
    r"members|users|volunteers|counsel+ors|nurses|teachers)\b)",
    re.I,
)


def is_place(noun: str) -> bool:
    """Whether a noun names a kind of place ("airports", "prefecture", "venue")."""
    return noun.lower() in _PLACE_NOUNS or noun.lower() + "s" in _PLACE_NOUNS


_NAMED_PLACE = re.compile(
    r"\b(?:in|at)\s+((?:the\s+)?[A-Z][A-Za-z'’-]+"
    r"(?:(?:\s+|,\s*|\s+and\s+|\s+(?:of|for)\s+(?:the\s+)?)[A-Z][A-Za-z'’-]+)*)(?<!['’]s)(?<!['’])\b"
)  # "in Osaka", "in Hiroshima and Okayama Prefectures", "at the Institute of the Ministry …",
# "at Matsuyama Citizens' Hall"
# "at the Training Institute for Correctional Personnel"
# A named event is what happened, not where: "at the WeProtect Global Alliance Summit in
# Bangkok" took place in Bangkok.
_EVENT_ENDS = frozenset("summit meeting conference forum symposium month campaign week".split())
_NOT_PLACES = frozenset(MONTHS) | {"fy", "japan", "japanese"}
# Names of bodies a "for" goes on inside: "the Training Institute for Correctional Personnel".
_BODIES = frozenset(
    "institute center centre council association agency office foundation committee society "
    "academy school college university hospital bureau".split()
)


# "at the National Police Academy in Fuchu, Tokyo": the named place a venue is in.
_IN_NAMED = re.compile(r"\s+in\s+[A-Z][\w'’-]*(?:(?:\s+|,\s*|\s+and\s+)[A-Z][\w'’-]*)*")


def _where_in(text: str, end: int) -> str:
    m = _IN_NAMED.match(text, end)
    if m is None or m.group(0).split()[1].lower() in _NOT_PLACES:
        return ""
    return m.group(0)


_TOGETHER = re.compile(r"(?:one|a\s+single|the\s+same)\s+(?:place|location|site|venue)", re.I)


def places(text: str) -> list[FactSpan]:
    """Where something was done: "in penal institutions", "at 5 international airports",
    "in Osaka"."""
    out = [
        FactSpan("place", m.group(0) + _where_in(text, m.end()), None, frozenset())
        for m in _PLACE.finditer(text)
        if not _TOGETHER.fullmatch(m.group(1))  # "provided in one place": together, nowhere
    ]
    named_events: list[FactSpan] = []
    for m in _NAMED_PLACE.finditer(text):
        first = m.group(1).split()[-1 if m.group(1).startswith("the ") else 0].lower()
        last = m.group(1).split()[-1].lower()
        if first in _NOT_PLACES or first.startswith("fy"):
            continue
        said, end = m.group(0), m.end()
        joined = re.search(r"\s+for\s+", said)
        if joined and said[: joined.start()].split()[-1].lower() not in _BODIES:
            # "in Tokyo for Teachers" is Tokyo; "the Institute for Correctional …" one name
            said, end = said[: joined.start()], m.start() + joined.start()
        span = FactSpan("place", said + _where_in(text, end), None, frozenset())
        (named_events if last in _EVENT_ENDS else out).append(span)
    out += [
        FactSpan("place", "nationwide", None, frozenset())
        for _ in re.finditer(r"\bnationwide\b", text)
    ][:1]
    # 'Held the "… Symposium" online during …', "at an online meeting": where it was held
    out += [FactSpan("place", "online", None, frozenset()) for _ in _ONLINE.finditer(text)][:1]
    # 'Held the "Youth Symposium" at the Tokyo International Forum': when the event is named
    # in quotes, a name after it that ends like an event's is its venue (with no other place)
    first_quote = QUOTED.search(text)
    venues = [
        s for s in named_events if first_quote and text.find(s.text) > first_quote.end()
    ]
    found = list({s.text: s for s in out or venues}.values())
    # "in Kochi and Tottori, so that one now runs in every prefecture": the places named
    # before how far the whole now reaches
    found.sort(key=lambda s: _EVERYWHERE.match(s.text) is not None)
    # "at the Nagoya City" is a piece of "at the Nagoya City Science Museum": the whole
    return [s for s in found if not any(t.text.startswith(s.text) and s is not t for t in found)]


# "online" as where a thing was held: after what was held, or before a meeting's noun
# ("the online distribution of …" is no place)
_ONLINE = re.compile(
    r"\bonline\b(?=\s*(?:[,;.(]|$|during|in\s|on\s|from\s|with\s|for\s|and\s|"
    r"(?:meeting|seminar|session|conference|event|forum|symposium|training|lecture|course)s?\b))",
    re.I,
)

_EVERYWHERE = re.compile(r"(?:in|at|across|throughout)\s+(?:every|all|each|any)\b", re.I)
