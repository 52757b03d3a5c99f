"""A figure's place in a change: the size of a change ("increasing the number by 2,020",
"an increase of 18%"), a ratio ("1.3 times the figure"), or the value something moved
from ("up from 46.2%", "compared with 23,910 in FY2047", "(12,950 in FY2072)"). Regular
expressions over the words around a figure, read by :func:`assistant.facts.figures`.
"""

from __future__ import annotations

import re

__all__ = ["CHANGED_BY", "CHANGE_OF", "RATIO", "moved_from"]

# "1.3 times the figure", "twice as many"; not "used 870 thousand times as at 31 March"
RATIO = re.compile(
    r"\s*times\s+(?:the|that|more|higher|greater|larger|bigger|"
    r"as\s+(?:many|much|large|high|big|great|often|long|fast))\b",
    re.I,
)
# A figure that is the size of a change: "increasing the number of officers by 2,020".
CHANGED_BY = re.compile(
    r"\b(?:increas|rais|expand|grow|grew|boost|add|reduc|decreas|cut)\w*\b[^.;]{0,80}\bby\s+"
    r"(?:about\s+|approximately\s+|around\s+|some\s+|over\s+|nearly\s+)?$",
    re.I,
)
# A figure that is the size of a change, named as one: "an increase of 18% over".
CHANGE_OF = re.compile(
    r"\b(?:increase|rise|growth|jump|decrease|drop|fall|decline|reduction)\s+of\s+"
    r"(?:about\s+|approximately\s+|around\s+|some\s+|over\s+|nearly\s+)?$",
    re.I,
)
# The value a figure moved from: "up from 46.2%", "rose to 51.7% from 46.2%", "from 40 to".
_FROM = re.compile(r"\bfrom\s+(?:about\s+|approximately\s+|around\s+)?$", re.I)
_MOVED_FROM = re.compile(
    r"\b(?:(?:up|down|rising|falling|rose|fell|increased|decreased|grew)\s+from|"
    r"compared\s+(?:with|to))\s+(?:about\s+|approximately\s+|around\s+)?$|"
    r"\bto\s+(?:about\s+|approximately\s+|around\s+)?[\d.,]+\s*(?:%|\w+)?\s+from\s+"
    r"(?:about\s+|approximately\s+|around\s+)?$",
    re.I,
)
# What a compared figure is of, when that is a group and not another time.
_OF_A_GROUP = re.compile(
    r"\s*(?:for|among|of|in)\s+(?!(?:the\s+|that\s+)?(?:previous|last|prior|preceding|same)\b|"
    r"FY|fiscal|\d{4}|(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)",
    re.I,
)
# A figure in brackets beside the report's own, with the earlier year it is of: "14,820
# consultations (12,950 in FY2072)", "71.3 per cent (FY2054: 69.0 per cent)".
_YEAR_NAMED = (
    r"(?:FY\s?\d{4}|fiscal\s+(?:year\s+)?\d{4}|(?:the\s+)?(?:previous|prior|preceding)\s+"
    r"(?:fiscal\s+)?year|a\s+year\s+(?:before|earlier))"
)
_IN_YEAR_BRACKETED = re.compile(rf"\s+(?:in|for|during)\s+{_YEAR_NAMED}\s*\)", re.I)
_YEAR_BRACKETED = re.compile(rf"\(\s*{_YEAR_NAMED}\s*[:：]\s*$", re.I)
_TO_FIGURE = re.compile(r"^\s*(?:\w+\s+){0,2}to\s+(?:about\s+|approximately\s+|around\s+)?\d")


def moved_from(text: str, m: re.Match[str], before: str) -> bool:
    """Whether the figure at ``m`` is the value something moved from: "up from 46.2%",
    "rose to 51.7% from 46.2%", "from 40 to 52" (not "officers from 40 countries"), the
    earlier year's in brackets: "(12,950 in FY2072)", "(FY2054: 69.0 per cent)"."""
    moved = _MOVED_FROM.search(before)
    if moved and moved.group(0).lower().startswith("compared"):
        # "9.2% for participants, compared with 14.8% for non-participants": another group
        return not _OF_A_GROUP.match(text, m.end())
    if moved:
        return True
    if before.endswith("(") and _IN_YEAR_BRACKETED.match(text, m.end()):
        return True
    if _YEAR_BRACKETED.search(before):
        return True
    return bool(_FROM.search(before) and _TO_FIGURE.match(text[m.end() : m.end() + 40]))
