"""Who acted, of what a question names: a ministry's partners, or a country.

Two readings the intent and the slots alone get wrong. A question the intent model reads
as joint asks for partners only when its slots say so: two ministries, a number of them,
or one ministry whose partners are asked ("which agencies did MOJ work with?"), not "who
chaired the round table with the SNS companies?" nor "who did METI launch the mark with?".
A country after "to", "in" or "visited" is where a Japanese effort went ("did Japan send
officers to France?"), not who acted.
"""

from __future__ import annotations

import re

from assistant.countries import Country
from assistant.slots import Span

__all__ = ["asks_partners", "not_places"]

# A country after one of these is where a Japanese effort went, not who acted: "in
# central Europe" too.
_PLACE_BEFORE = re.compile(
    r"\b(?:to|in|into|at|from|visit(?:ed|ing)?|toward|towards|like|such\s+as|including)\s+"
    r"(?:the\s+)?(?:(?:central|eastern|western|northern|southern|south-?east(?:ern)?|"
    r"north-?east(?:ern)?)\s+)?$",
    re.I,
)
# A country that qualifies a thing a Japanese body joined: "an EU-led sweep".
_QUALIFIES = re.compile(
    r"^-(?:led|run|based|hosted|organi[sz]ed|sponsored|funded|backed|wide)\b", re.I
)
# Between two places of one list: "in Vietnam or the Philippines".
_LIST_LINK = re.compile(r"^\s*(?:,|,?\s*(?:and|or|&))\s*(?:the\s+)?$", re.I)


def not_places(named: list[Country], text: str) -> list[Country]:
    """The countries a question names that are not where something was done: "in
    Vietnam or the Philippines" names two places."""
    kept, end = [], None
    for c in named:
        before = text[: c.span[0]]
        listed = end is not None and _LIST_LINK.match(text[end : c.span[0]])
        if _PLACE_BEFORE.search(before) or listed or _QUALIFIES.match(text[c.span[1] :]):
            end = c.span[1]
            continue
        end = None
        kept.append(c)
    return kept


# "with" and what follows it, when that is a thing worked with: "the round table with the
# SNS companies" (not "work with in FY2017?", "with other ministries").
_WITH_OBJECT = re.compile(
    r"\bwith\s+(?:the\s+|a\s+|an\s+)?(?!(?:the|a|an|in|on|at|during|for|over|since|between|from|to|"
    r"and|or|other|another|ministr\w*|agenc\w*)\b)[a-z]{3,}",
    re.I,
)


def _masked(text: str, spans: list[Span]) -> str:
    """``text`` with each span read as a ministry replaced by the word "ministry"."""
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]}ministry{text[end:]}"
    return text


def asks_partners(text: str, ministry_spans: list[Span], ministries: int, at_least: int) -> bool:
    """Whether a question the intent model reads as joint says so in its slots: two
    ministries, a number of them, or one ministry whose partners are asked ("which
    agencies did MOJ work with?"). "Who chaired the round table with the SNS companies
    (MIC)?" and "who did Japan work with?" ask something else. The ministries named at
    ``ministry_spans`` are read as the word "ministry"."""
    text = _masked(text, ministry_spans)
    if ministries >= 2 or at_least >= 2 or _OTHER_MINISTRIES.search(text):
        return True
    if _WITH_OBJECT.search(text) or _DONE_WITH.search(text):
        return False
    return ministries == 1 or bool(_THEY.search(text))  # "and who did they work with?"


# "who did METI launch the app mark with?": the partner in one thing done, which the
# question names between its verb and "with" (not "who did MOJ work with?").
_DONE_WITH = re.compile(
    r"\b(?:who|whom|which\s+[\w-]+)\s+did\s+(?:the\s+)?ministry\s+"
    r"(?!(?:work|cooperat|co-operat|collaborat|partner|team|join|coordinat|liaise)\w*\b)"
    r"[a-z-]+\s+(?:\S+\s+){1,12}?with\s*[?.!]*\s*$",
    re.I,
)
_OTHER_MINISTRIES = re.compile(
    r"\b(?:another|other|more\s+than\s+one|multiple|several)\s+(?:ministr|agenc)", re.I
)
_THEY = re.compile(r"\b(?:they|them|it|those|these)\b", re.I)
