"""Dates written the Japanese way: 2038年9月 (a month), 2038年度 (a fiscal year), 2038年
(a year said plainly, read as "2038" is), and years of the Reiwa era (令和元年度 is FY2019;
元 is its first year).

Example:
    >>> [(d.kind, d.year, d.month) for d in japanese_dates("令和元年度と2038年9月")]
    [('fiscal', 2019, None), ('month', 2038, 9)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["REIWA_FIRST_YEAR", "JapaneseDate", "japanese_dates"]

REIWA_FIRST_YEAR = 2019
_JA_DATE = re.compile(
    r"(?:((?:19|20)\d\d)|令和\s*(元|\d{1,2}))\s*年\s*(?:(度)|(\d{1,2})\s*月)?"
)


@dataclass(frozen=True)
class JapaneseDate:
    """One date: a fiscal year (年度), a month (年…月) or a year said plainly (年: "2038年
    法務省" asks what "2038 MOJ" does, the fiscal year, said so), and where."""

    kind: Literal["fiscal", "month", "year"]
    year: int
    month: int | None
    span: tuple[int, int]


def japanese_dates(text: str) -> list[JapaneseDate]:
    """The Japanese-style dates in ``text``, in order."""
    out = []
    for m in _JA_DATE.finditer(text):
        era = m.group(2)
        year = int(m.group(1)) if m.group(1) else REIWA_FIRST_YEAR - 1 + (
            1 if era == "元" else int(era)
        )
        if m.group(3):
            out.append(JapaneseDate("fiscal", year, None, m.span()))
        elif m.group(4) and 1 <= int(m.group(4)) <= 12:
            out.append(JapaneseDate("month", year, int(m.group(4)), m.span()))
        else:
            out.append(JapaneseDate("year", year, None, m.span()))
    return out
