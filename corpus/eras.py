"""Years of the Japanese eras written in Latin letters: "Reiwa 31" is 2049.

Reports and questions may count years by era ("(November, Reiwa 31)", "FY Reiwa 30",
"Heisei 30", "R41.11.13"); dates are read once the era year is written as the Western one. The first
year of an era is also written "Reiwa 1", "Reiwa gannen" or "the first year of Reiwa" (the
kanji forms, 令和元年, are read by ``assistant.when_japanese``).
"""

from __future__ import annotations

import re

__all__ = ["ERA_DATE", "ERA_FIRST_YEARS", "ERA_MONTH", "western_years"]

# The Western year of each era's first year (Reiwa began on 1 May 2019, Heisei on
# 8 January 1989; a report's fiscal years begin in April, so the year is what counts).
ERA_FIRST_YEARS = {"reiwa": 2019, "heisei": 1989}

_ERA_YEAR = re.compile(
    r"\b(?:the\s+first\s+year\s+of\s+(reiwa|heisei)|(reiwa|heisei)\s*(gannen|\d{1,2})(?!\d))\b",
    re.I,
)


# "R41.11.13", "H30.4.1": an era's initial, its year, then the month and the day.
ERA_DATE = re.compile(r"(?<![\w.])([RH])\s?(\d{1,2})\.(1[0-2]|0?[1-9])\.(\d{1,2})(?!\d)")
# A month with its era year, where a report writes one: "November, Reiwa 31".
ERA_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:reiwa|heisei)\s*(?:\d{1,2}|gannen)\b",
    re.I,
)
_INITIALS = {"R": "reiwa", "H": "heisei"}


def western_years(text: str) -> str:
    """``text`` with each era year written as the Western year.

    Example:
        >>> western_years("(November, Reiwa 31) and FY Reiwa 30; Heisei 30; reiwa gannen")
        '(November, 2049) and FY 2048; 2018; 2019'
        >>> western_years("(R41.11.13–14), from R42.3.1")
        '(2059.11.13–14), from 2060.03.01'
    """

    def year(m: re.Match[str]) -> str:
        era = (m.group(1) or m.group(2)).lower()
        n = 1 if m.group(1) or m.group(3).lower() == "gannen" else int(m.group(3))
        return str(ERA_FIRST_YEARS[era] - 1 + n) if n else m.group(0)

    def date(m: re.Match[str]) -> str:
        first = ERA_FIRST_YEARS[_INITIALS[m.group(1)]]
        return f"{first - 1 + int(m.group(2))}.{int(m.group(3)):02d}.{int(m.group(4)):02d}"

    return _ERA_YEAR.sub(year, ERA_DATE.sub(date, text))
