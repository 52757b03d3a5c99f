"""Months in a report's text: "July 2019", "October to November 2019", "May, August, and
November 2040", "Jul ’61", "(2047.9)", "2052-10-21", "2054.10.05", "05/10/2055" (day or month
first, as the report writes it), "2067-09-10/10-09" (an ISO 8601 interval) and
"2055年11月～12月". Pure; :func:`find_dates` gives each effort's months.
"""

from __future__ import annotations

import re

from corpus.eras import ERA_DATE, ERA_MONTH, western_years

__all__ = [
    "ISO_INTERVAL",
    "MONTHS",
    "NUMERIC_MONTH",
    "date_spans",
    "day_first",
    "find_dates",
    "interval_months",
    "numeric_month_of",
]

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"((?:19|20)\d\d)"
# "July 2019", "July 1, 2019", "July 1-3, 2019", "November 12 to 25, 2023", "Sept. 2019",
# "Oct-2053", "July of 2060"
_MONTH_YEAR = re.compile(
    rf"\b({_MONTH_NAMES})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?:\s*(?:[-–~]|to|and|through)\s*\d{{1,2}}(?:st|nd|rd|th)?)?)?(?:,?\s+(?:of\s+)?|-)"
    rf"{_YEAR}\b",
    re.IGNORECASE,
)
# "October to November 2019", "October and November 2019": the first month takes the year too
# ("Oct/Nov 2056", "21st Jul–31st Aug 2056", "28th Nov–2nd Dec 2056", "from the 20th day of
# July to the 31st day of August 2059", "from mid-October to late November 2062" too)
_MONTH_RANGE = re.compile(
    rf"\b({_MONTH_NAMES})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?\s*(?:to|through|until|and|-|–|~|/)"
    rf"\s*(?:the\s+|(?:early|mid|late|end)[-\s])?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?)?"
    rf"({_MONTH_NAMES})\.?"
    rf"(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+"
    rf"{_YEAR}\b",
    re.IGNORECASE,
)

# "2063 July 14", "2063 July 20 – August 31", "2063 December 1 – 2064 January 15": the
# year first, then the month; a second month takes the year before it unless it has its own
_YEAR_FIRST_NAMED = re.compile(
    rf"\b{_YEAR}\s+({_MONTH_NAMES})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:[-–]\d{{1,2}})?"
    rf"(?:\s*(?:[-–~]|to|until|through)\s*(?:{_YEAR}\s+)?({_MONTH_NAMES})\b)?",
    re.IGNORECASE,
)

# "May, August, and November 2040": each month of the list takes the year (written as
# names, capitalised: "it may, and …" lists nothing)
_MONTH_CAPITALISED = "|".join(n.capitalize() for n in sorted(MONTHS, key=len, reverse=True))
_MONTH_LIST = re.compile(
    rf"\b((?:(?:{_MONTH_CAPITALISED})\.?(?:,\s*(?:and\s+)?|\s+and\s+))+)"
    rf"({_MONTH_CAPITALISED})\.?,?\s+{_YEAR}\b"
)


# A day's weekday in brackets after it: "July 21 (Fri.)".
_WEEKDAY = re.compile(
    r"\s*\((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\)"
    # "Friday, July 21 – Thursday, August 31, 2073": a weekday before its month, written
    # out as a word processor's long date has it
    rf"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*(?=(?:{_MONTH_NAMES})\b)"
    # "from Monday 5 August to Friday 27 September 2080": … or before its day
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?=\d{1,2}\b)",
    re.I,
)
# "12 Jul ’61", "Jul–Aug '61": a month with its year in two figures after an apostrophe.
_SHORT_YEAR = re.compile(rf"\b({_MONTH_NAMES})\.?\s*[’'‘](\d\d)\b", re.I)


# "12JUL2083", "APR2083", "15JUN2083 THRU 31JUL2083": a date as a mainframe prints it, the
# day, the month's three letters and the year run together.
_GLUED_DAY = r"(\d{1,2})?(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)((?:19|20)\d\d)(?!\w)"
_GLUED_DATE = re.compile(rf"(?<!\w){_GLUED_DAY}", re.I)
_GLUED_RANGE = re.compile(
    rf"(?<!\w){_GLUED_DAY}(?:\s+(?:THRU|THROUGH|TO|[-–])\s+{_GLUED_DAY})?", re.I
)


# "05/10/2055": a whole date with slashes, its day first or its month first.
_SLASHED_DATE = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")
# "2057/9/3", "2057/7/20–8/31": the year first, then the month, then the day.
_YEAR_FIRST_SLASHED = re.compile(
    r"(?<![\d/.,])((?:19|20)\d\d)/(1[0-2]|0?[1-9])/\d{1,2}(?![\d/])"
    r"(?:\s*[–-]\s*(?:(1[0-2]|0?[1-9])/)?\d{1,2}(?![\d/]))?"
)
# "2055年10月", "2055年11月～12月": a month written in Japanese.
_JAPANESE_MONTH = re.compile(
    r"((?:19|20)\d\d)\s*年\s*(1[0-2]|0?[1-9])\s*月(?:\s*\d{1,2}\s*日)?"
    r"(?:\s*[～〜~\-–]\s*(1[0-2]|0?[1-9])\s*月)?"
)
_DAY_FIRST_SAID = re.compile(r"\bday\s*/\s*month\s*/\s*year\b|\bdd/mm/yyyy\b", re.I)
_MONTH_FIRST_SAID = re.compile(r"\bmonth\s*/\s*day\s*/\s*year\b|\bmm/dd/yyyy\b", re.I)


def day_first(text: str) -> bool:
    """Whether a report writes slashed dates day first ("05/10/2055" is 5 October): as it
    says it does, else as a date whose first number cannot be a month shows; day first
    when nothing tells.

    Example:
        >>> day_first("held on 25/10/2055"), day_first("held on 10/25/2055")
        (True, False)
    """
    if _DAY_FIRST_SAID.search(text):
        return True
    if _MONTH_FIRST_SAID.search(text):
        return False
    found = _SLASHED_DATE.findall(text)
    if any(int(a) > 12 for a, _, _ in found):
        return True
    return not any(int(b) > 12 for _, b, _ in found)


# A day written as an ordinal of its month: "from the 15th of June to the 31st of July 2078".
_ORDINAL_OF = re.compile(
    r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+of\s+(january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b",
    re.I,
)


def find_dates(text: str, *, day_is_first: bool = True) -> tuple[str, ...]:
    """Every month named with a year in ``text``, as sorted unique ``YYYY-MM`` strings.

    Example:
        >>> find_dates("held (from October to November 2019) and in January 2020")
        ('2019-10', '2019-11', '2020-01')
        >>> find_dates("met four times (May, August, and November 2040, and February 2041)")
        ('2040-05', '2040-08', '2040-11', '2041-02')
        >>> find_dates("launched (2047.9) and finished (3/2048)")
        ('2047-09', '2048-03')
    """
    text = western_years(text)  # "(November, Reiwa 31)" is November 2049
    text = _SHORT_YEAR.sub(r"\1 20\2", text)  # "Jul ’61" is July 2061
    text = _WEEKDAY.sub("", text)  # "July 21 (Fri.) to August 31 (Thu.), 2062"
    text = _ORDINAL_OF.sub(r"\1 \2", text)  # "the 15th of June" is 15 June
    if not _ANY_YEAR.search(text):
        return ()
    found: set[str] = set()
    for match in _MONTH_RANGE.finditer(text):
        year = int(match.group(3))
        for name in match.group(1, 2):  # the months it names, not those between
            found.add(f"{year:04d}-{MONTHS[name.lower()]:02d}")
    for match in _YEAR_FIRST_NAMED.finditer(text):  # "2063 July 20 – August 31"
        year = int(match.group(1))
        found.add(f"{year:04d}-{MONTHS[match.group(2).lower()]:02d}")
        if match.group(4):
            found.add(f"{int(match.group(3) or year):04d}-{MONTHS[match.group(4).lower()]:02d}")
    for match in _YEAR_FIRST_SLASHED.finditer(text):  # "2057/9/3", "2057/7/20–8/31"
        year = int(match.group(1))
        for month in (match.group(2), match.group(3)):
            if month:
                found.add(f"{year:04d}-{int(month):02d}")
    for match in _GLUED_DATE.finditer(text):  # "12JUL2083", "APR2083"
        found.add(f"{int(match.group(3)):04d}-{MONTHS[match.group(2).lower()]:02d}")
    for match in _MONTH_YEAR.finditer(text):
        found.add(f"{int(match.group(2)):04d}-{MONTHS[match.group(1).lower()]:02d}")
    for match in _MONTH_LIST.finditer(text):
        year = int(match.group(3))
        for name in re.findall(_MONTH_CAPITALISED, match.group(1)):
            found.add(f"{year:04d}-{MONTHS[name.lower()]:02d}")
    for match in _SLASHED_DATE.finditer(text):  # "05/10/2055"
        first, second, year_text = match.groups()
        month = int(second) if day_is_first else int(first)
        if 1 <= month <= 12:
            found.add(f"{int(year_text):04d}-{month:02d}")
    for match in ISO_INTERVAL.finditer(text):  # "2067-12-01/2068-01-15"
        for interval_year, interval_month in interval_months(match):
            if 1 <= interval_month <= 12:
                found.add(f"{interval_year:04d}-{interval_month:02d}")
    for match in DOTTED_DAY_FIRST.finditer(text):  # "12.07.2071", "20.07.–31.08.2071"
        found.update(f"{y:04d}-{m:02d}" for y, m in dotted_months(match))
    for match in _JAPANESE_MONTH.finditer(text):  # "2055年11月～12月"
        for number in (match.group(2), match.group(3)):
            if number:
                found.add(f"{int(match.group(1)):04d}-{int(number):02d}")
    for match in NUMERIC_MONTH.finditer(text):
        numeric_year, numeric_month = numeric_month_of(match)
        found.add(f"{numeric_year:04d}-{numeric_month:02d}")
        end = _DOTTED_RANGE_END.match(text, match.end()) if match.group(11) else None
        if end:  # "2054.07.20–08.31": August too
            found.add(f"{numeric_year:04d}-{int(end.group(1)):02d}")
    return tuple(sorted(found))


def numeric_month_of(match: re.Match[str]) -> tuple[int, int]:
    """The year and month of a :data:`NUMERIC_MONTH` match, whichever way it is written."""
    g = match.groups()  # the year and the month of each way of writing it, in turn
    year = next(y for y in (g[0], g[3], g[4], g[6], g[8], g[10]) if y)
    month = next(m for m in (g[1], g[2], g[5], g[7], g[9], g[11]) if m)
    return int(year), int(month)


# An ISO 8601 interval: "2067-12-01/2068-01-15", "2067-10/2067-11", its end shortened where
# it repeats the start: "2067-09-10/10-09" (to 9 October), "2067-06-13/15" (the same month).
ISO_INTERVAL = re.compile(
    r"(?<![\d,./-])((?:19|20)\d\d)-(1[0-2]|0[1-9])(?:-(\d\d))?/"
    r"(?:((?:19|20)\d\d)-(1[0-2]|0[1-9])(?:-\d\d)?|(1[0-2]|0[1-9])-\d\d|(\d\d))(?![\d/-])"
)


def interval_months(match: re.Match[str]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The first and the last month (year, month) of an :data:`ISO_INTERVAL` match."""
    year, month, day, end_year, end_month, short_month, short = match.groups()
    start = (int(year), int(month))
    if end_year:
        return start, (int(end_year), int(end_month))
    if short_month:
        return start, (int(year), int(short_month))
    # "2067-06-13/15": a day of the same month; "2067-10/11": the month after
    return start, (start if day else (int(year), int(short)))


# A month in figures: "(2047.9)", "by 2048.12", "(11/2047)", "completed 3/2048", "(2050/10)",
# "2052-10-21", "2054.10.05";
# "2047.9" only in brackets or after a word of time ("rose to 2047.5 points" is a figure).
NUMERIC_MONTH = re.compile(
    r"(?:(?<=\()|(?<=（)|(?<=\bby\s)|(?<=\bin\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bfrom\s)|"
    r"(?<=\bof\s)|(?<=\bcompleted\s))((?:19|20)\d\d)\.(1[0-2]|0?[1-9])(?![\d.,/]\d|\d)|"
    r"(?<![\d,./])(1[0-2]|0?[1-9])/((?:19|20)\d\d)(?![\d.,/]\d|\d)|"
    r"(?<![\d,./])((?:19|20)\d\d)/(1[0-2]|0?[1-9])(?![\d.,/]\d|\d)|"  # "(2050/10)"
    # ISO 8601: "2052-10-21", "(2052-09)"
    r"(?<![\d,./-])((?:19|20)\d\d)-(1[0-2]|0[1-9])(?:-(?:[0-2]\d|3[01]))?(?![\d])|"
    # … written without the zeros: "2058-6-1"
    r"(?<![\d,./-])((?:19|20)\d\d)-([1-9])-(?:[1-9]|[12]\d|3[01])(?![\d])|"
    # a whole date with dots: "2054.10.05", "2064.6.3"
    r"(?<![\d,./])((?:19|20)\d\d)\.(1[0-2]|0?[1-9])\.(?:3[01]|[0-2]?\d)(?![\d])"
)
# A date with dots, its day first: "12.07.2071", "5.7.2071", a month "07.2071"; a range's
# start before it, "20.07.–31.08.2071" (July too), "04.–06.11.2071" (days of November),
# "09.–10.2071" (September too). A month alone is written with two figures.
DOTTED_DAY_FIRST = re.compile(
    r"(?<![\d.,])(?:(?P<start>\d{1,2}\.(?:\d{1,2}\.)?)\s*[–-]\s*)?"
    r"(?:(?P<day>3[01]|[12]\d|0?[1-9])\.)?(?P<month>1[0-2]|0[1-9]|(?<=\d\.)[1-9])\."
    r"(?P<year>(?:19|20)\d\d)(?![\d])"
)


def dotted_months(match: re.Match[str]) -> list[tuple[int, int]]:
    """The year and month of a :data:`DOTTED_DAY_FIRST` match, and its start's month."""
    year, month = int(match.group("year")), int(match.group("month"))
    out = [(year, month)]
    start = [int(n) for n in re.findall(r"\d+", match.group("start") or "")]
    # "20.07.–": a day and a month; "09.–10.2071": a month, as the end has no day
    first = start[1] if len(start) == 2 else (start[0] if start and not match.group("day") else 0)
    if 1 <= first <= 12:
        out.insert(0, (year - 1 if first > month else year, first))
    return out


# The end of a range of dotted dates within one year: "2054.07.20–08.31", "2064.7.20~8.31".
_DOTTED_RANGE_END = re.compile(r"\s*[–~〜-]\s*(1[0-2]|0?[1-9])\.(?:3[01]|[0-2]?\d)(?![\d.])")


# What may come before a date and belongs to it: "from the 1st day of", "since 15th".
_DATE_LEAD = re.compile(
    r"(?:\b(?:from|since)\s+)?(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?)?$", re.I
)
_DAY_AFTER = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?![.,]?\d)")
_DAY_BEFORE_SHORT = r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+)?"


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes a date :func:`find_dates` reads, as ``(start, end)`` offsets in
    ``text`` itself: the whole date as written, with its day and a "from" or "since" before
    it; dates that overlap are one. The answers state a date so, in the report's own form.

    Example:
        >>> t = "(15th Jul 2056); from the 1st day of February to the 15th day of March, 2060."
        >>> [t[a:b] for a, b in date_spans(t)]
        ['15th Jul 2056', 'from the 1st day of February to the 15th day of March, 2060']
    """
    patterns = (
        _MONTH_RANGE, _YEAR_FIRST_NAMED, _YEAR_FIRST_SLASHED, _MONTH_YEAR, _MONTH_LIST,
        _SLASHED_DATE, _JAPANESE_MONTH, ERA_DATE, ERA_MONTH, ISO_INTERVAL, DOTTED_DAY_FIRST,
        re.compile(rf"{_DAY_BEFORE_SHORT}{_SHORT_YEAR.pattern}", re.I), _GLUED_RANGE,
    )  # fmt: skip
    found = [m.span() for p in patterns for m in p.finditer(text)]
    for m in NUMERIC_MONTH.finditer(text):
        dotted = _DOTTED_RANGE_END.match(text, m.end()) if m.group(11) else None
        found.append((m.start(), dotted.end() if dotted else m.end()))  # "2054.07.20–08.31"
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        tail = _DAY_AFTER.match(text, end) if text[end - 1 : end].isalpha() else None
        end = tail.end() if tail else end  # "2063 July 20 – August 31": the last day too
        lead = _DATE_LEAD.search(text, 0, start)
        start = lead.start() if lead else start
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
