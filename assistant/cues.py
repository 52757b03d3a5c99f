"""What a question's wording says that its typed slots do not: read for the few refining
rules (:mod:`assistant.refine`) that need it.

Each cue is a grammatical shape, not a phrasing of one question: a grade asked for, a count
of part of a whole the question itself states, what a law sets, a question word inside a
yes/no question, a place asked for.
"""

from __future__ import annotations

import re

__all__ = [
    "asks_grade",
    "asks_inside",
    "asks_quantity_inside",
    "asks_part_of_given",
    "asks_place",
    "asks_thing_not_quantity",
    "asks_what_a_law_sets",
    "asks_which_years",
]

# "which grades", "for which school years": the audience's kind (ages are a figure)
_GRADES = re.compile(
    r"\b(?:which|what)\s+(?:school\s+)?(?:grades?|school\s+years?|year\s+groups?)\b",
    re.I,
)
# "of the 1,204 cases cleared, how many …": a part of a whole the question gives
_PART_OF_GIVEN = re.compile(r"\bof\s+(?:the|those|these|its|their)\s+(?:about\s+)?\d", re.I)
# What a law sets: what an act says or requires, its penalties, the age of consent.
_LAW_CONTENT = re.compile(
    r"\bwhat\s+(?:does|do|did|will|would)\s+(?:the\s+)?(?:[\w'-]+\s+){0,12}?(?:act|law|article|"
    r"ordinance|statute|code|legislation|bill|constitution)\b[^?.]{0,60}?\b(?:say|says|said|"
    r"state|states|stipulate|provide|require|set|define|allow|prohibit|ban|prescribe)\b"
    r"|\bage\s+of\s+(?:sexual\s+)?consent\b"
    r"|\b(?:what|which|how\s+much|how\s+big|how\s+large)"
    r"(?:(?:'s|’s|\s+(?:is|are|was|were))\s+the|\s+an?)?\s+"
    r"(?:(?:max(?:imum)?|min(?:imum)?|longest|highest|usual)\s+)?"
    r"(?:fines?|penalt(?:y|ies)|punishments?|(?:prison|jail)\s+(?:terms?|sentences?)|jail\s+time)\b"
    r"|\bhow\s+long\s+(?:can|could|do|does|would|will)\s+(?:[\w'-]+\s+){0,5}?(?:go\s+to|"
    r"be\s+sent\s+to|spend\s+in|get\s+in)\s+(?:prison|jail)\b"
    r"|\b(?:fines?|penalt(?:y|ies))\s+(?:can|could|do|does|would|will)\b"
    # what courts gave: "what sentences did the two men get", "which verdicts were handed down"
    r"|\b(?:what|which)\s+(?:(?:prison|jail|court)\s+)?(?:sentences?|verdicts?|judgements?|"
    r"judgments?)\s+(?:did|have|had|(?:were|was)\s+(?:handed|given|imposed|passed))\b",
    re.I,
)
# A question word inside a yes/no question: "did anyone send a flyer showing how …" ...
_EMBEDDED_ASK = re.compile(
    r"\b(?:what|which|where|who|whom|when)\b|\bhow\b(?!\s+(?:many|much|often|long|far|big))",
    re.I,
)
# ... unless the question asks whether something tells it: "did they say who chaired it?"
_TOLD_ASK = re.compile(
    r"\b(?:say|said|says|tell|told|tells|mention(?:ed|s)?|know|knew|give|gave|state[sd]?|"
    r"report(?:ed|s)?|name[sd]?)\s+(?:\w+\s+){0,2}?(?:what|which|where|who|whom|when|how)\b",
    re.I,
)


# "Where did …", "in which prefectures did …": a place asked for
_PLACE = re.compile(
    r"^\W*(?:(?:and|so|ok|also)\s+)?where\b|"
    r"\b(?:in|at)\s+which\s+(?:cit(?:y|ies)|prefectures?|towns?|venues?|places?|countries)\b",
    re.I,
)


# Any word that asks a quantity: "how many?", "what was the figure", "the total", "a rate"
_QUANTITY = re.compile(
    r"\bhow\s+(?:many|much|often|long|far|big|large|old)\b|\b(?:number|numbers|figures?|"
    r"totals?|rates?|shares?|percent(?:age)?|proportion|count|amount|sum|average|statistics?|"
    r"stats?|many|much|cost|budget|times)\b|%",
    re.I,
)


def asks_thing_not_quantity(text: str) -> bool:
    """Whether a "what …" or "which …" question has no word that asks a quantity: "what
    pledge was adopted" asks a thing; "and on probation?" carries what it asks."""
    return _WHAT_THING.match(text) is not None and _QUANTITY.search(text) is None


_WHAT_THING = re.compile(r"^\W*(?:what|which)\b", re.I)


def asks_place(text: str) -> bool:
    """ "Where did the new centers open?" asks a place, whatever else it names."""
    return _PLACE.search(text) is not None


def asks_grade(text: str) -> bool:
    """ "Which grades is the leaflet aimed at?" asks who it was for."""
    return _GRADES.search(text) is not None


def asks_part_of_given(text: str) -> bool:
    """ "Of the 1,204 cases cleared, how many …": a part of a whole the question states."""
    return _PART_OF_GIVEN.search(text) is not None


def asks_which_years(text: str) -> bool:
    """ "In which years did MEXT train teachers?": the years the reports hold something,
    not the date of one effort ("in which year was the line launched")."""
    return _WHICH_YEARS.search(text) is not None


_WHICH_YEARS = re.compile(
    r"\b(?:which|what)\s+(?:fiscal\s+|of\s+the\s+)?(?:years|reports)\b"
    r"|\bhow\s+many\s+(?:fiscal\s+)?years\s+(?:did|was|were|has|have)\b",
    re.I,
)


def asks_what_a_law_sets(text: str) -> bool:
    """What an act or article says, a penalty or fine, or the age of consent."""
    return _LAW_CONTENT.search(text) is not None


# "how long" or "how many" as the object of a verb in a yes/no question: "was there an
# app to help parents restrict how long their kids chat?" (not "…, and by how much?")
_QUANTITY_INSIDE = re.compile(
    r"\b(?!(?:and|or|but|by|for|to|in|of|about|so|then|with|at|on|than)\b)[a-z]{3,}\s+"
    r"how\s+(?:long|many|much|often|far)\b|"
    # "did they publish counts of how often children asked for help?": figures published
    r"\b(?:counts?|figures|statistics|stats|data|numbers|records|tallies)\s+(?:of|on|about)\s+"
    r"how\s+(?:long|many|much|often|far)\b",
    re.I,
)


def asks_quantity_inside(text: str) -> bool:
    """A quantity asked inside a yes/no question, as the object of its verb, which asks no
    figure of its own: "…help parents restrict how long their kids chat?"."""
    return _QUANTITY_INSIDE.search(text) is not None and _TOLD_ASK.search(text) is None


def asks_inside(text: str) -> bool:
    """A question word that opens a clause inside a yes/no question, asking nothing of its
    own: "did the cops brief web firms on what kinds of crimes they see?"."""
    return _EMBEDDED_ASK.search(text) is not None and _TOLD_ASK.search(text) is None
