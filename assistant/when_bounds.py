"""The words that bound a time: "after", "before", and what may stand between them and
the month they bound ("after the end of October"); a month said of a thing ("after the
April 2016 improvement") is bounded with the month itself.
"""

from __future__ import annotations

import re

__all__ = ["AFTER", "BEFORE", "attributive", "bounding", "dated_from"]

# ("the month after, january 2093" names the month after the last one, no range)
AFTER = re.compile(
    r"(?<!month\s)(?<!year\s)(?<!week\s)(?<!\bday\s)\b(after|since|from|later than|starting|"
    r"beginning)\b",
    re.I,
)
BEFORE = re.compile(r"\b(before|until|till|up to|prior to|earlier than|by)\b", re.I)
# What may stand between "after" or "before" and the month it bounds: "after the end of",
# "since early"; not a clause ("after they renamed it in December 2019" is no range).
_FILLER = re.compile(
    r"(?:[\s,-]|\b(?:the|end|start|beginning|middle|mid|of|in|on|early|late|month)\b)*", re.I
)


def bounding(head: str) -> str:
    """The words just before the first month, from an "after" or "before" that bounds
    it ("after the end of" October), or all of them when none does."""
    tail = head[-25:]
    bounds = [*AFTER.finditer(tail), *BEFORE.finditer(tail)]
    for m in sorted(bounds, key=lambda m: -m.start()):
        if not _FILLER.fullmatch(tail[m.end() :]):
            return head[: len(head) - len(tail) + m.start()]  # "after they renamed it in"
        break
    return head


# A month said of a thing after it: "the April 2016 improvement", "the July symposium".
_THING_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|through|thru|until|till|but|when|what|which|did|"
    r"was|were|is|are|has|had|have|do|does)\b)[a-z]{3,}\b"
)


def attributive(text: str, start: int, end: int) -> bool:
    """Whether the first month is said of a thing named after it, with "the" before it:
    "after the April 2016 improvement" bounds from that month on, the month included."""
    if end <= start or not re.search(r"\bthe\s+$", text[:start]):
        return False
    return _THING_AFTER.match(text, end) is not None


# "stuff from January 2067": things of that month, not everything since it ("what happened
# from October", "efforts from October onwards")
_THINGS_FROM = re.compile(
    r"\b(?:anything|something|everything|stuff|things|items|efforts|ones|activities|news|"
    r"events|entries|work)\s+from\s+$",
    re.I,
)
_ONWARDS = re.compile(r"^[\w\s]{0,12}?\b(?:on|onwards?|forward|and\s+after|or\s+later)\b", re.I)


def dated_from(text: str, start: int) -> bool:
    """Whether "from" before the month at ``start`` says what a thing is dated, not when a
    span begins."""
    if not _THINGS_FROM.search(text[:start]):
        return False
    end = re.match(r"[A-Za-z]+\.?(?:\s+\d{4})?", text[start:])
    return not _ONWARDS.match(text[start + (end.end() if end else 0) :])
