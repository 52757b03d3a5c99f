"""Reading time in a question: fiscal years, calendar years, months and ranges of months.

A Japanese fiscal year N runs from April N to March N+1. Months come out as ``YYYY-MM``
strings, the same form the parser gives effort dates, so filtering is a set lookup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.parser import MONTHS

__all__ = ["TimeRef", "fiscal_months", "read_time"]

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"((?:19|20)\d\d)"
_FY = re.compile(rf"\b(?:fy\s?|fiscal\s+(?:year\s+)?){_YEAR}\b|\bfy\s?(\d\d)\b", re.I)
_MONTH_YEAR = re.compile(
    rf"\b({_MONTH})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?{_YEAR}\b", re.I
)
_FULL_MONTH = "|".join(n for n in MONTHS if len(n) > 3 and n != "sept")
_MONTH_ALONE = re.compile(
    rf"\b(?:in|during|of|from|to|until|till|through|after|before|since|between|and)\s+"
    rf"({_FULL_MONTH})\b(?!\s*\d)",
    re.I,
)
_YEAR_RANGE = re.compile(rf"(?<![-\d]){_YEAR}\s*(?:-|–|~|to)\s*{_YEAR}(?![-\d])")
_YEAR_ALONE = re.compile(rf"(?<![-\d]){_YEAR}(?![-\d])")
_HALF = re.compile(r"\b(first|second|latter|last|1st|2nd)\s+half\b", re.I)
_QUARTER = re.compile(
    r"\b(first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+quarter\b|\bq([1-4])\b", re.I
)
_QUARTER_NO = {
    "first": 0,
    "1st": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "fourth": 3,
    "4th": 3,
    "last": 3,
    "final": 3,
}
_SEASON = re.compile(rf"\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}\b", re.I)
# Northern-hemisphere seasons as months; winter YYYY runs December YYYY to February YYYY+1.
_SEASON_MONTHS = {
    "spring": (3, 4, 5),
    "summer": (6, 7, 8),
    "autumn": (9, 10, 11),
    "fall": (9, 10, 11),
    "winter": (12, 13, 14),
}
_AFTER = re.compile(r"\b(after|since|from|later than|starting)\b", re.I)
_BEFORE = re.compile(r"\b(before|until|till|up to|prior to|earlier than|by)\b", re.I)


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


@dataclass
class TimeRef:
    """What a question says about time.

    Attributes:
        fiscal_years: Fiscal years named outright ("FY2019", "fiscal 2019").
        years: Bare calendar years ("in 2019").
        months: Months the question restricts to, or None for no month restriction.
        spans: Character spans of the time expressions, so they can be cut from the topic.
    """

    fiscal_years: list[int] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    months: list[str] | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.fiscal_years or self.years or self.months is not None)


def read_time(text: str, corpus_years: tuple[int, ...]) -> TimeRef:
    """Find the time expressions in a question.

    Args:
        text: The question.
        corpus_years: Fiscal years of the loaded reports, for months named without a year.

    Example:
        >>> ref = read_time("What happened after October 2019?", (2019,))
        >>> ref.months
        ['2019-11', '2019-12', '2020-01', '2020-02', '2020-03']
    """
    ref = TimeRef()
    named: list[tuple[int, str]] = []  # (position, YYYY-MM)
    for m in _FY.finditer(text):
        year = int(m.group(1)) if m.group(1) else 2000 + int(m.group(2))
        ref.fiscal_years.append(year)
        ref.spans.append(m.span())
    for m in _MONTH_YEAR.finditer(text):
        named.append((m.start(), f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}"))
        ref.spans.append(m.span())
    for m in _SEASON.finditer(text):
        year = int(m.group(2))
        for mon in _SEASON_MONTHS[m.group(1).lower()]:
            named.append((m.start(), f"{year + (mon > 12):04d}-{(mon - 1) % 12 + 1:02d}"))
        ref.spans.append(m.span())
    for m in _YEAR_RANGE.finditer(text):
        first, last = sorted((int(m.group(1)), int(m.group(2))))
        ref.years.extend(range(first, min(last, first + 20) + 1))
        ref.spans.append(m.span())
    taken = list(ref.spans)
    for m in _YEAR_ALONE.finditer(text):
        if all(m.end() <= s or m.start() >= e for s, e in taken):
            ref.years.append(int(m.group(1)))
            ref.spans.append(m.span())
    years_in_scope = ref.fiscal_years or ref.years or list(corpus_years)
    explicit = list(named)
    for m in _MONTH_ALONE.finditer(text):
        if any(s <= m.start(1) < e for s, e in taken):
            continue
        if m.group(1) == "may":  # "in may" is a month only when written as a name
            continue
        mon = MONTHS[m.group(1).lower()]
        if explicit:
            # "between October and December 2020": the year written once serves both
            after = [mo for pos, mo in explicit if pos > m.start(1)] or [explicit[-1][1]]
            named.append((m.start(1), f"{after[0][:4]}-{mon:02d}"))
        else:
            for fy in years_in_scope:
                named.append((m.start(1), f"{fy + (mon < 4):04d}-{mon:02d}"))
        ref.spans.append(m.span(1))
    scope = sorted({mo for fy in years_in_scope for mo in fiscal_months(fy)})
    quarter = _QUARTER.search(text)
    if quarter and (ref.fiscal_years or ref.years or len(corpus_years) == 1):
        q = int(quarter.group(2)) - 1 if quarter.group(2) else _QUARTER_NO[quarter.group(1).lower()]
        ref.months = [mo for fy in years_in_scope for mo in fiscal_months(fy)[3 * q : 3 * q + 3]]
        ref.spans.append(quarter.span())
        return ref
    half = _HALF.search(text)
    if half and (ref.fiscal_years or ref.years or len(corpus_years) == 1):
        first = half.group(1).lower() in ("first", "1st")
        ref.months = [mo for fy in years_in_scope for mo in fiscal_months(fy)[:6] if first] or [
            mo for fy in years_in_scope for mo in fiscal_months(fy)[6:]
        ]
        ref.spans.append(half.span())
        return ref
    if not named:
        return ref
    named.sort()
    months = [mo for _, mo in named]
    head = text[: named[0][0]]
    between = text[named[0][0] : named[-1][0]]
    if (
        len(months) >= 2
        and re.search(r"\b(to|until|through|and|-|–)\b|[-–~]", between)
        and re.search(r"\b(between|from)\b", head[-20:], re.I)
    ):
        lo, hi = min(months), max(months)
        ref.months = _month_range(lo, hi)
    elif _AFTER.search(head[-25:]) and not _BEFORE.search(head[-12:]):
        pivot = max(months)
        inclusive = bool(re.search(r"\b(since|from|starting)\b", head[-25:], re.I))
        pool = scope or _month_range(pivot, pivot)
        ref.months = [
            mo for mo in _extend(pool, pivot) if mo > pivot or (inclusive and mo == pivot)
        ]
    elif _BEFORE.search(head[-25:]):
        pivot = min(months)
        inclusive = bool(re.search(r"\b(until|till|up to|by)\b", head[-25:], re.I))
        pool = scope or _month_range(pivot, pivot)
        ref.months = [
            mo for mo in _extend(pool, pivot) if mo < pivot or (inclusive and mo == pivot)
        ]
    else:
        ref.months = sorted(set(months))
    return ref


def _extend(pool: list[str], pivot: str) -> list[str]:
    """The scope's months, widened to the fiscal year of the pivot month if needed."""
    return sorted(set(pool) | set(fiscal_months(fiscal_year_of(pivot))))


def _month_range(lo: str, hi: str) -> list[str]:
    out: list[str] = []
    year, mon = int(lo[:4]), int(lo[5:7])
    while f"{year:04d}-{mon:02d}" <= hi and len(out) < 240:
        out.append(f"{year:04d}-{mon:02d}")
        mon += 1
        if mon == 13:
            year, mon = year + 1, 1
    return out
