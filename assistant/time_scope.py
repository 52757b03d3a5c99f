"""A question's time, resolved against the loaded reports.

The time reader (:mod:`assistant.when`) says what a question names; which reports that
covers is decided here. A bare year is the fiscal year of a loaded report ("2019" is
FY2019, April 2019 – March 2020), else the calendar year when efforts are dated in it,
else a year no report covers; the :class:`~assistant.query.TimeScope` says which reading
was taken, so the answer can say it too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from assistant.query import TimeScope
from assistant.slots import names_the_plan
from assistant.when import TimeRef, fiscal_months, month_name
from index.documents import CitedEffort

__all__ = ["asks_dated", "asks_undated", "counted_in", "months_within", "time_scope"]


def time_scope(
    ref: TimeRef,
    years: Sequence[int],
    dated_months: Collection[str],
    *,
    dated: bool = False,
    undated: bool = False,
) -> TimeScope:
    """Fiscal years and months to restrict to, with a bare year resolved and said.

    Args:
        ref: What the question says about time.
        years: The fiscal years of the loaded reports.
        dated_months: The ``YYYY-MM`` months the loaded efforts name.
        dated: The question asks for efforts that give a date at all ("which efforts are
            dated?"), so with no month named, every month an effort names counts;
            ``undated``: efforts that name no month ("which efforts give no date?").
    """
    loaded = set(years)
    fiscal = [y for y in ref.fiscal_years if y in loaded]
    uncovered = [y for y in ref.fiscal_years if y not in loaded]
    months: list[str] | None = list(ref.months) if ref.months is not None else None
    readings = []
    # "2019 through 2093": the loaded reports in between, the years none covers skipped
    spanned = [[y for y in sorted(loaded) if a <= y <= b] for a, b in ref.ranges]
    fiscal += [y for years_in in spanned for y in years_in]
    skipped = {
        y for (a, b), ys in zip(ref.ranges, spanned, strict=True) if ys for y in range(a, b + 1)
    }
    for y in ref.years:
        if y in skipped:
            continue
        if y in loaded:
            fiscal.append(y)
            readings.append(f"{y} is read as the fiscal year FY{y} ({_span_of(y)})")
            continue
        calendar = [f"{y:04d}-{m:02d}" for m in range(1, 13)]
        if any(d in dated_months for d in calendar):
            # No report for that fiscal year, but efforts dated in the calendar year.
            if months is None:
                months = calendar
            readings.append(f"no FY{y} report is loaded, so {y} is read as calendar {y}")
        else:
            uncovered.append(y)
    for y in ref.calendar_years:
        readings.append(f"read as calendar year {y} (January – December {y})")
    undated = undated and months is None and not dated
    if dated and months is None:
        months = sorted(dated_months)
    if months is not None and fiscal and ref.months is None:
        months = [m for m in months if any(m in fiscal_months(f) for f in fiscal)]
    return TimeScope(
        fiscal_years=tuple(dict.fromkeys(fiscal)),
        months=tuple(months) if months is not None else None,
        uncovered=tuple(dict.fromkeys(uncovered)),
        undated=undated,
        reading="; ".join(readings),
    )


def counted_in(months: Sequence[str] | None, efforts: Sequence[CitedEffort]) -> bool:
    """Whether the months' calendar years are named in efforts' texts while no effort is
    dated in them: "how many cases cleared in calendar year 2081 …" of the FY2082 report
    asks what an effort counts of that year, not an effort done then."""
    if not months or any(set(e.dates) & set(months) for e in efforts):
        return False
    years = {m[:4] for m in months}
    return any(re.search(rf"\b{y}\b", e.text) for e in efforts for y in years)


def _span_of(year: int) -> str:
    months = fiscal_months(year)
    return f"{month_name(months[0])} – {month_name(months[-1])}"


def months_within(lead: TimeRef, asked: TimeRef) -> bool:
    """Whether the lead's months fall in the fiscal year the question names: "From
    October 2019 to March 2020, which FY2019 efforts …" asks those months of it."""
    if not lead.months or asked.months is not None or not asked.fiscal_years:
        return False
    fiscal = {int(m[:4]) - (int(m[5:7]) < 4) for m in lead.months}
    return fiscal <= set(asked.fiscal_years)


_DATED = re.compile(
    r"\b(?:are|is|were|was)\s+dated\b|\bdated\s+(?:with|by)\b|\b(?:have|has|had|give|gives|"
    r"gave|with|carry|carries|carried|show|shows|showed|name|names|named|mention|mentions|"
    r"mentioned|state|states|stated)\s+(?:a\s+|an\s+|any\s+)?"
    r"(?:specific\s+|exact\s+)?(?:date|month)s?\b",
    re.I,
)


# "which efforts give no date", "undated efforts", "efforts without any month"
_UNDATED = re.compile(
    r"\bundated\b|\bnot\s+dated\b|\b(?:no\s+|without\s+(?:a\s+|an\s+|any\s+)?)"
    r"(?:specific\s+|exact\s+)?(?:date|month)s?\b(?!\s+(?:of|for|on|when)\b)",
    re.I,
)


def asks_undated(text: str) -> bool:
    """Whether the question asks for efforts that name no month ("which efforts have no
    date?"); "no date for the launch was given" asks a date, not a list."""
    return bool(_UNDATED.search(text)) and names_the_plan(text)


def asks_dated(text: str) -> bool:
    """Whether the question asks for efforts that give a date ("which efforts are dated?")."""
    return bool(_DATED.search(text))
