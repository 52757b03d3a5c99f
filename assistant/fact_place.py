"""Where an effort says something was: the place of what a question asks about, a place of
the kind it asks for, or where someone came from. Read by :mod:`assistant.fact_leads`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.fact_figure import stems_of, topic_stems
from assistant.facts_places import places
from assistant.gazetteer import PLACE_KINDS, places_of_kind
from assistant.intents import stem
from assistant.query import Query
from index.documents import CitedEffort

__all__ = ["joined", "place_kind", "place_lead"]


# Where someone or something came from: "where was the team from?", "where did they come from".
_WHERE_FROM = re.compile(r"\bwhere\b.*\b(?:from|come|came|hail)\b", re.I)


def place_lead(q: Query, e: CitedEffort) -> str | None:
    """Where an effort says the thing asked about was: a place of the kind asked ("in
    which city"), the place beside the question's words, or where someone came from."""
    kind = place_kind(q)
    if kind is not None:  # "in which city": a city, not "at the training center"
        found = places_of_kind(e.text, kind)
        if not found and kind == "city":  # "held in Singapore": a city that is a country
            found = [c for c in places_of_kind(e.text, "country") if c in _CITY_STATES]
        return f"The report gives the {kind} as {joined(found)}" if found else None
    # The place of what is asked about: "… in all 47 prefectures, and held a training
    # course for their staff in Osaka" gives Osaka for where the course was held.
    topic = topic_stems(q)
    # "where was the Asia-Pacific Conference held?" is not answered by its own name
    stated = stems_of(q.text)
    spans = [s for s in places(e.text) if not stems_of(s.text) - {"at", "in", "the"} <= stated]
    spans = sorted(spans, key=lambda s: -len(topic & _before(e.text, s.text)))
    if q.unit:  # "in which prefectures": a place that says it is prefectures first
        kind = stem(q.unit.lower())
        spans = [s for s in spans if kind in stems_of(s.text)] + spans
    if not spans and _WHERE_FROM.search(q.text):
        # "where was the team that won from?": the place it came from ("a team from
        # Tottori"), as the gazetteer knows it
        came = [
            m.group(1)
            for m in re.finditer(r"\bfrom\s+((?:[A-Z][\w'-]+\s?){1,3})", e.text)
            if any(places_of_kind(m.group(1), k) for k in ("prefecture", "city", "country"))
        ]
        return (
            f"The report says they came from {joined([c.strip() for c in came])}" if came else None
        )
    if not spans:
        return None
    place = spans[0].text
    if place == "online":
        return "The report says it took place online"
    if re.match(r"(?:at|in|on|inside)\s", place):  # "at Hamanaka Arts Center"
        return f"The report places it {place}"
    return f"The report gives the place as {place}"


_CITY_STATES = frozenset({"Singapore", "Monaco", "Hong Kong", "Macau", "Macao", "Vatican City"})


def _before(text: str, span: str, width: int = 50) -> frozenset[str]:
    """The stems of the words just before ``span`` in ``text``."""
    at = text.find(span)
    return stems_of(text[max(0, at - width) : max(0, at)])


def place_kind(q: Query) -> str | None:
    """ "city", "prefecture" or "country" when the question asks a place of that kind."""
    for word in (q.unit, q.names):
        if word and stem(word.lower()) in PLACE_KINDS:
            return PLACE_KINDS[stem(word.lower())]
    return None


def joined(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
