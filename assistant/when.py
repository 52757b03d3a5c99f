"""Reading time in a question: fiscal and calendar years, months, ranges and seasons.

A Japanese fiscal year N runs from April N to March N+1. The reader keeps apart what the
question says outright (``FY2019``, ``calendar year 2019``) from a bare ``2019``, which
the assistant resolves against the loaded reports and states in its answer. Months come
out as ``YYYY-MM`` strings, the form the parser gives effort dates, so filtering is a
set lookup.

Example:
    >>> read_time("What happened from jun-aug 2019?", (2019,)).months
    ('2019-06', '2019-07', '2019-08')
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from assistant.when_bounds import AFTER, BEFORE, attributive, bounding, dated_from
from assistant.when_japanese import japanese_dates
from assistant.when_months import (
    fiscal_months,
    fiscal_year_of,
    month_name,
    month_range,
    months_of,
)
from corpus.parser import MONTHS

__all__ = [
    "TimeRef",
    "fiscal_months",
    "fiscal_year_of",
    "month_name",
    "read_time",
    "that_time",
]

_MONTH_ANY = "|".join(sorted(MONTHS, key=len, reverse=True))
# Month names that are no other English word, read as months even with no preposition.
_MONTH_NAMED = "|".join(n for n in MONTHS if len(n) > 3 and n not in ("sept", "march"))
_YEAR = r"((?:19|20)\d\d)"
_FY = re.compile(
    rf"\b(?:fy\s?'?|fiscal\s+(?:year\s+)?(?:of\s+)?){_YEAR}(?:\s*[-/–]\s*\d{{2,4}})?\b|"
    rf"\bfy\s?'?(\d\d)\b|\b{_YEAR}\s+fiscal\s+year\b|"
    # "the 2096 report", "2094's report": a report is of a fiscal year
    rf"\b{_YEAR}(?:['’]s)?(?=\s+(?:(?:plan|efforts?|annual)\s+)?report\b)",
    re.I,
)
_CALENDAR = re.compile(
    rf"\b(?:calendar\s+(?:year\s+)?|cy\s?){_YEAR}\b|\b{_YEAR}\s+calendar\s+year\b", re.I
)
_MONTH_YEAR = re.compile(
    rf"\b({_MONTH_ANY})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?{_YEAR}\b|"
    rf"\b{_YEAR}\s*[/-]\s*(0?[1-9]|1[0-2])\b(?![/-]?\d)|\b(0?[1-9]|1[0-2])\s*/\s*{_YEAR}\b|"
    rf"\b{_YEAR}\s+({_MONTH_NAMED}|march|sept)\b\.?",  # "2064 January", as a report may write it
    re.I,
)
# One month of several years: "July 2019, 2020, 2023 or 2084", "December 2019 and 2083".
# "aug 2019, 2020, 2023, 2086" too: three years or more listed with commas alone.
_MONTH_OF_YEARS = re.compile(
    rf"\b({_MONTH_ANY})\.?\s+(?:19|20)\d\d(?:(?:\s*,\s*(?:19|20)\d\d)*\s*,?\s*(?:and|or|&)\s+"
    r"(?:19|20)\d\d|(?:\s*,\s*(?:19|20)\d\d){2,})\b(?!\s*[-/]\s*\d)",
    re.I,
)
_MONTH_RANGE = re.compile(
    rf"\b({_MONTH_ANY})\.?\s*(?:-|–|~|to|through|thru|until|till)\s*({_MONTH_ANY})\b\.?"
    rf"(?:,?\s+(?:of\s+)?{_YEAR}\b)?",
    re.I,
)
_MONTH_ALONE = re.compile(
    # after a preposition, or in a list after a comma ("April, May or June 2052")
    rf"(?:\b(?:in|during|of|from|to|until|till|through|after|before|since|between|and|or|for|"
    rf"about|around|by|on|dated)\s+|,\s*)(?:the\s+month\s+of\s+)?((?:{_MONTH_ANY})\b\.?)"
    rf"(?!\s*\d)|\b({_MONTH_NAMED})\b(?!\s*\d)",
    re.I,
)
# After a preposition, a lower-case "may" is the month when nothing verb-like follows.
_MAY_MONTH = re.compile(r"\s*(?:[?.!,;]|$|and\b|or\b|to\b|through\b|thru\b|till\b|until\b|[-–]|\d)")
_YEAR_RANGE = re.compile(rf"(?<![-\d/]){_YEAR}\s*(-|–|~|to|through|and)\s*{_YEAR}(?![-\d/])", re.I)
# "2019 and 2044" is two years; "between 2019 and 2021" is a range.
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+years\s+)?$", re.I)
_YEAR_ALONE = re.compile(rf"(?<![-\d/.,]){_YEAR}(?![-\d/]|,\d)")
# A report named by its place among the loaded ones: "in the older report", "the latest
# report" ("previous" and "last" are left alone: before which, the final or the one before?).
_WHICH_REPORT = re.compile(
    r"\b(?:(older|earlier|earliest|oldest|first)|(newer|newest|latest|later|most\s+recent|"
    r"more\s+recent|recent|current))\s+(?:report|plan\s+report|year'?s?\s+report)\b",
    re.I,
)
_HALF = re.compile(
    r"\b(first|second|latter|last|1st|2nd)\s+(?:half|six\s+months|6\s+months)\b|\bh([12])\b", re.I
)  # "the first six months of the fiscal year" is its first half; "H1" too
# "the second half of the fiscal year": of each fiscal year meant, none named
_OF_THE_YEAR = re.compile(
    r"\s+of\s+(?:the|this|that|each)\s+(?:fiscal\s+|financial\s+)?year\b", re.I
)
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
_SEASON = re.compile(
    # "the summer-holiday messages", "the spring holiday ads": a season joined to a noun
    # names a thing (a holiday of the school year), not a time
    # "winter 2088-89": the winter that starts in 2088
    rf"\b(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?{_YEAR}(?:\s*[-/–]\s*\d\d(?:\d\d)?)?)?\b"
    r"(?!\s+(?:term|school|holidays?|vacations?|break)\b|-\w)",
    re.I,
)
_SEASON_CONTEXT = re.compile(r"\b(in|during|over|the|this|that|last|of)\s+$", re.I)
# Northern-hemisphere seasons as months; winter YYYY runs December YYYY to February YYYY+1.
_SEASON_MONTHS = {
    "spring": (3, 4, 5),
    "summer": (6, 7, 8),
    "autumn": (9, 10, 11),
    "fall": (9, 10, 11),
    "winter": (12, 13, 14),
}
_THAT_TIME = re.compile(r"\b(?:that|this|the\s+same)\s+(?:fiscal\s+)?(?:month|year)\b", re.I)
_YEAR_BOUND = re.compile(
    rf"\b(?:before|prior\s+to|earlier\s+than)\s+(?:the\s+(?:start|beginning)\s+of\s+)?"
    rf"{_YEAR}\b(?!\s*[-/])",
    re.I,
)


@dataclass(frozen=True)
class TimeRef:
    """What a question says about time.

    Attributes:
        fiscal_years: Fiscal years named as such ("FY2019", "fiscal 2019").
        calendar_years: Years named as calendar years ("calendar year 2019").
        years: Bare years ("in 2019"): the assistant decides, against the loaded
            reports, whether they mean a fiscal year or the months of a calendar year.
        months: Months the question restricts to, or None for no month restriction.
        spans: Character spans of the time expressions, so they can be cut from the topic.
        ranges: Spans of years named as such ("2019 through 2093"), first and last year.
    """

    fiscal_years: tuple[int, ...] = ()
    calendar_years: tuple[int, ...] = ()
    years: tuple[int, ...] = ()
    months: tuple[str, ...] | None = None
    spans: tuple[tuple[int, int], ...] = ()
    ranges: tuple[tuple[int, int], ...] = ()

    @property
    def any(self) -> bool:
        return bool(
            self.fiscal_years or self.calendar_years or self.years or self.months is not None
        )


class _Found:
    """Time expressions collected while reading one text."""

    def __init__(self) -> None:
        self.fiscal: list[int] = []
        self.calendar: list[int] = []
        self.years: list[int] = []
        self.named: list[tuple[int, str]] = []  # (position, YYYY-MM)
        self.ranged = False  # a month range ("jun-aug") was read: before/after do not apply
        self.spans: list[tuple[int, int]] = []
        self.ranges: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)


def read_time(text: str, corpus_years: tuple[int, ...]) -> TimeRef:
    """Find the time expressions in a question.

    Args:
        text: The question.
        corpus_years: Fiscal years of the loaded reports, for months named without a year.

    Example:
        >>> read_time("What happened after October 2019?", (2019,)).months
        ('2019-11', '2019-12', '2020-01', '2020-02', '2020-03')
    """
    f = _Found()
    yearless: list[tuple[int, str, tuple[int, ...], int]] = []
    _japanese(text, f)
    for m in _FY.finditer(text):
        year = m.group(1) or m.group(3) or m.group(4)
        f.fiscal.append(int(year) if year else 2000 + int(m.group(2)))
        f.spans.append(m.span())
    for m in _CALENDAR.finditer(text):
        if f.free(*m.span()):
            f.calendar.append(int(m.group(1) or m.group(2)))
            f.spans.append(m.span())
    for m in _MONTH_RANGE.finditer(text):
        if not f.free(*m.span()) or not _range_is_months(m):
            continue
        first, last = MONTHS[m.group(1).lower()], MONTHS[m.group(2).lower()]
        yearless.append((m.start(), "range", (first, last), int(m.group(3) or 0)))
        f.spans.append(m.span())
        f.ranged = True
    for m in _MONTH_OF_YEARS.finditer(text):  # "July 2019, 2020 or 2023": each year's July
        # ("between July 2019 and 2020" is a span of time)
        if f.free(*m.span()) and not re.search(r"\bbetween\s+$", text[: m.start()], re.I):
            mon = MONTHS[m.group(1).lower()]
            f.named += [(m.start(), f"{y}-{mon:02d}") for y in re.findall(r"\d{4}", m.group(0))]
            f.spans.append(m.span())
    for m in _MONTH_YEAR.finditer(text):
        if not f.free(*m.span()):
            continue
        if m.group(1):
            mon, year = MONTHS[m.group(1).lower()], int(m.group(2))
        elif m.group(3):
            mon, year = int(m.group(4)), int(m.group(3))
        elif m.group(5):
            mon, year = int(m.group(5)), int(m.group(6))
        else:
            mon, year = MONTHS[m.group(8).lower()], int(m.group(7))
        f.named.append((m.start(), f"{year:04d}-{mon:02d}"))
        f.spans.append(m.span())
    for m in _SEASON.finditer(text):
        if not f.free(*m.span()):
            continue
        if not m.group(2) and not _SEASON_CONTEXT.search(text[: m.start()]):
            continue
        season = tuple(_SEASON_MONTHS[m.group(1).lower()])
        yearless.append((m.start(), "season", season, int(m.group(2) or 0)))
        f.spans.append(m.span())
    for m in _YEAR_RANGE.finditer(text):
        two = m.group(2).lower() == "and" and not _BETWEEN.search(text[: m.start()])
        if f.free(*m.span()) and not two:
            first, last = sorted((int(m.group(1)), int(m.group(3))))
            f.years.extend(range(first, min(last, first + 20) + 1))
            f.ranges.append((first, last))
            f.spans.append(m.span())
    for m in _YEAR_ALONE.finditer(text):
        if f.free(*m.span()):
            f.years.append(int(m.group(1)))
            f.spans.append(m.span())
    for m in _WHICH_REPORT.finditer(text):
        if f.free(*m.span()) and len(corpus_years) > 1:
            f.fiscal.append(min(corpus_years) if m.group(1) else max(corpus_years))
            f.spans.append(m.span())
    # a range or season without a year takes the years named anywhere in the question:
    # "from july to august in 2043" is read once every year is known
    for start, kind, numbers, year in sorted(yearless, key=lambda y: not y[3]):
        f.named += [(start, mo) for mo in months_of(kind, numbers, year, _scope(f, corpus_years))]
    _restated(text, f)
    _months_alone(text, f, corpus_years)
    if f.spans:
        # "September 2038 - what was done that month?": the time just named, not a
        # reference back to an earlier answer
        f.spans += [span for span in that_time(text) if f.free(*span)]
    months = _restriction(text, f, corpus_years)
    return TimeRef(
        fiscal_years=tuple(dict.fromkeys(f.fiscal)),
        calendar_years=tuple(dict.fromkeys(f.calendar)),
        years=tuple(dict.fromkeys(f.years)),
        months=None if months is None else tuple(months),
        spans=tuple(sorted(f.spans)),
        ranges=tuple(f.ranges),
    )


def that_time(text: str) -> list[tuple[int, int]]:
    """Spans of "that month", "this year": the time a question has just named."""
    return [m.span() for m in _THAT_TIME.finditer(text)]


def _japanese(text: str, f: _Found) -> None:
    for date in japanese_dates(text):
        if date.kind == "fiscal":
            f.fiscal.append(date.year)
        elif date.kind == "month":
            f.named.append((date.span[0], f"{date.year:04d}-{date.month:02d}"))
        else:
            f.years.append(date.year)
        f.spans.append(date.span)


def _range_is_months(m: re.Match[str]) -> bool:
    """ "jun-aug" and "October to December" are ranges; "may and" alone is not."""
    words = (m.group(1), m.group(2))
    if any(w.lower() == "may" and not w[0].isupper() for w in words):
        return False
    return bool(m.group(3)) or all(len(w) >= 3 for w in words)


def _scope(f: _Found, corpus_years: tuple[int, ...]) -> list[int]:
    """The fiscal years a month named without a year falls in: those the question names,
    else those of the months it dates ("summer 2043, july to august"), else the reports'."""
    dated = sorted({fiscal_year_of(mo) for _, mo in f.named})
    return f.fiscal or f.years or f.calendar or dated or list(corpus_years)


def _restated(text: str, f: _Found) -> None:
    """A time in brackets right after another restates it more closely: "summer 2043
    (july to august)" keeps the months both name."""
    for (a0, a1), (b0, b1) in itertools.pairwise(sorted(f.spans)):
        if not (re.fullmatch(r"\s*\(\s*", text[a1:b0]) and re.match(r"\s*\)", text[b1:])):
            continue
        outer = {mo for pos, mo in f.named if a0 <= pos < a1}
        inner = {mo for pos, mo in f.named if b0 <= pos < b1}
        if outer & inner:
            f.named = [(pos, mo) for pos, mo in f.named if mo in inner or not a0 <= pos < a1]


def _months_alone(text: str, f: _Found, corpus_years: tuple[int, ...]) -> None:
    explicit = list(f.named)
    for m in _MONTH_ALONE.finditer(text):
        group = 1 if m.group(1) else 2
        word = m.group(group).rstrip(".")
        start, end = m.span(group)
        if not f.free(start, end):
            continue
        if word.lower() == "may" and not word[0].isupper() and not _MAY_MONTH.match(text, end):
            continue  # "in may" is the month only as a name or at the end of a phrase
        if len(word) <= 3 and word.lower() not in MONTHS:
            continue
        mon = MONTHS[word.lower()]
        if explicit:
            # "between October and December 2020": the year written once serves both
            after = [mo for pos, mo in explicit if pos > start] or [explicit[-1][1]]
            f.named.append((start, f"{after[0][:4]}-{mon:02d}"))
        elif f.calendar:
            f.named += [(start, f"{y:04d}-{mon:02d}") for y in f.calendar]
        else:
            for fy in _scope(f, corpus_years):
                f.named.append((start, f"{fy + (mon < 4):04d}-{mon:02d}"))
        f.spans.append((start, end))


def _first_half(part: re.Match[str]) -> bool:
    return (part.group(1) or "").lower() in ("first", "1st") or part.group(2) == "1"


def _restriction(text: str, f: _Found, corpus_years: tuple[int, ...]) -> list[str] | None:
    """The months the question restricts to, with quarters, halves and before/after."""
    scope_years = _scope(f, corpus_years)
    part = _QUARTER.search(text) or _HALF.search(text)
    if part and f.calendar and not f.fiscal:
        # "the second half of calendar 2019": July to December
        f.spans.append(part.span())
        size = 3 if part.re is _QUARTER else 6
        if part.re is _QUARTER:
            index = int(part.group(2)) - 1 if part.group(2) else _QUARTER_NO[part.group(1).lower()]
        else:
            index = 0 if _first_half(part) else 1
        return [
            f"{y:04d}-{m:02d}"
            for y in f.calendar
            for m in range(1 + size * index, 1 + size * (index + 1))
        ]
    if part and (
        f.fiscal or f.years or len(corpus_years) == 1 or _OF_THE_YEAR.match(text, part.end())
    ):
        f.spans.append(part.span())
        if part.re is _QUARTER:
            q = int(part.group(2)) - 1 if part.group(2) else _QUARTER_NO[part.group(1).lower()]
            return [mo for fy in scope_years for mo in fiscal_months(fy)[3 * q : 3 * q + 3]]
        first = _first_half(part)
        return [
            mo
            for fy in scope_years
            for mo in (fiscal_months(fy)[:6] if first else fiscal_months(fy)[6:])
        ]
    if f.calendar and not f.named:
        return [f"{y:04d}-{m:02d}" for y in f.calendar for m in range(1, 13)]
    if not f.named:
        return None
    f.named.sort()
    months = [mo for _, mo in f.named]
    head = bounding(text[: f.named[0][0]])
    start = f.named[0][0]
    # "after the April 2016 improvement": from the improvement's month on, that month too
    dated_thing = attributive(text, start, next((e for b, e in f.spans if b == start), start))
    between = text[f.named[0][0] : f.named[-1][0]]
    scope = sorted({mo for fy in scope_years for mo in fiscal_months(fy)})
    if f.ranged:
        return sorted(set(months))
    if len(set(months)) >= 2 and (
        # a dash between two times, not a hyphen in a word ("the December-dated efforts")
        re.search(r"\b(to|until|till|through|thru)\b|(?<![A-Za-z])[-–~]|[-–~](?![A-Za-z])", between)
        or (re.search(r"\band\b", between) and re.search(r"\bbetween\b", head[-20:], re.I))
    ):
        return month_range(min(months), max(months))
    if len(set(months)) >= 2 and AFTER.search(head[-25:]) and BEFORE.search(between):
        # "after November 2017 but before February 2018": the months in between
        lo, hi = min(months), max(months)
        from_lo = bool(re.search(r"\b(since|from|starting|beginning)\b", head[-25:], re.I))
        to_hi = bool(re.search(r"\b(until|till|up to|by)\b", between, re.I))
        return [
            mo
            for mo in month_range(lo, hi)
            if lo < mo < hi or (from_lo and mo == lo) or (to_hi and mo == hi)
        ]
    if AFTER.search(head[-25:]) and not BEFORE.search(head[-12:]) and not dated_from(text, start):
        pivot = max(months)
        inclusive = dated_thing or bool(
            re.search(r"\b(since|from|starting|beginning)\b", head[-25:], re.I)
        )
        pool = _extend(scope, pivot)
        # "after October 2039 but before 2040": a year the months stop short of
        bound = _YEAR_BOUND.search(text, f.named[-1][0])
        if bound and int(bound.group(1)) in f.years and f"{bound.group(1)}-01" > pivot:
            f.years.remove(int(bound.group(1)))
            pool = month_range(pivot, f"{int(bound.group(1)) - 1}-12")
        return [mo for mo in pool if mo > pivot or (inclusive and mo == pivot)]
    if BEFORE.search(head[-25:]):
        pivot = min(months)
        inclusive = bool(re.search(r"\b(until|till|up to|by)\b", head[-25:], re.I))
        pool = _extend(scope, pivot)
        return [mo for mo in pool if mo < pivot or (inclusive and mo == pivot)]
    return sorted(set(months))


def _extend(pool: list[str], pivot: str) -> list[str]:
    """The scope's months, widened to the fiscal year of the pivot month if needed."""
    return sorted(set(pool) | set(fiscal_months(fiscal_year_of(pivot))))
