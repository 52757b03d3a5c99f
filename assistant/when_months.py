"""Month arithmetic for the time reader: fiscal years, month ranges and seasons as months.

A Japanese fiscal year N runs from April N to March N+1; months are ``YYYY-MM`` strings,
the form the parser gives effort dates.
"""

from __future__ import annotations

import calendar

__all__ = ["fiscal_months", "fiscal_year_of", "month_name", "month_range", "months_of"]


def fiscal_months(year: int) -> list[str]:
    """The twelve months of fiscal year ``year``: April ``year`` to March ``year + 1``.

    Example:
        >>> fiscal_months(2019)[0], fiscal_months(2019)[-1]
        ('2019-04', '2020-03')
    """
    return [f"{year + (m < 4):04d}-{m:02d}" for m in [*range(4, 13), 1, 2, 3]]


def fiscal_year_of(month: str) -> int:
    year, mon = int(month[:4]), int(month[5:7])
    return year if mon >= 4 else year - 1


def month_name(month: str) -> str:
    """``2019-07`` → ``July 2019``."""
    return f"{calendar.month_name[int(month[5:7])]} {month[:4]}"


def month_range(lo: str, hi: str) -> list[str]:
    out: list[str] = []
    year, mon = int(lo[:4]), int(lo[5:7])
    while f"{year:04d}-{mon:02d}" <= hi and len(out) < 240:
        out.append(f"{year:04d}-{mon:02d}")
        mon += 1
        if mon == 13:
            year, mon = year + 1, 1
    return out


def months_of(kind: str, months: tuple[int, ...], year: int, scope: list[int]) -> list[str]:
    """The months of a range ``(first, last)`` or a season (months numbered on from
    December: 13 is January), in ``year`` or else in the fiscal years ``scope``."""
    if kind == "season":
        return [
            f"{y + (mon > 12):04d}-{(mon - 1) % 12 + 1:02d}"
            for y in ([year] if year else scope)
            for mon in months
        ]
    first, last = months
    out: list[str] = []
    for end_year in [year] if year else [y + (last < 4) for y in scope]:
        start_year = end_year - (first > last)
        out += month_range(f"{start_year}-{first:02d}", f"{end_year}-{last:02d}")
    return out
