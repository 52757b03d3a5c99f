"""Dates and times of day in an effort's text, as the answer states them.

"July 2019", "from October to November 2020", "starting FY2019", a month in figures
("(2047.9)", said "September 2047 (2047.9)") and times of day ("from 14:00 to 23:00").
"""

from __future__ import annotations

import re

from assistant.facts import FactSpan
from assistant.when_months import month_name
from corpus.dates import date_spans
from corpus.lines import NUMERIC_MONTH, numeric_month_of
from corpus.parser import MONTHS

__all__ = ["clock_times", "dates"]


# A month written out ("October", "May") or cut short with a full stop ("Oct.").
_MONTH_WORDS = "|".join(
    [n for n in MONTHS if len(n) > 3 or n == "may"]
    + [rf"{n}\." for n in MONTHS if len(n) <= 4 and n != "may"]
)
# … or cut short with no full stop before a day or a year: "Jul 12, 2054", "Oct-2053".
_ABBREVIATED = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?=\s+\d{1,2}\b|-(?:19|20)\d\d)"
_MONTH = rf"(?:{_MONTH_WORDS}|{_ABBREVIATED})"
# A day before its month: "12", "the 3rd of"
_DAY = r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?"
_DATE = re.compile(
    rf"\b(?:from\s+)?(?:{_DAY}\s*(?:to|-|–)\s*)?(?:{_DAY}\s+)?{_MONTH}(?:\s+\d{{1,2}})?"
    rf"(?:\s*(?:to|-|–)\s*(?:(?:{_DAY}\s+)?{_MONTH}(?:\s+\d{{1,2}})?|\d{{1,2}}))?"
    rf"(?:,?\s+|-)(?:19|20)\d\d",
    re.I,
)


# A fiscal year an effort starts from or runs to: "over four years starting FY2019".
_FISCAL_DATE = re.compile(
    r"\b(?:starting(?:\s+in)?|from|since|beginning(?:\s+in)?|until|through|by)\s+"
    r"(?:FY\s?|fiscal\s+(?:year\s+)?)(?:19|20)\d\d\b",
    re.I,
)


# A month written the Japanese way: "2092年2月", "2091年7月14日".
_JAPANESE_MONTH = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?")


def dates(text: str) -> list[FactSpan]:
    """Date phrases as written: "July 2019", "from October to November 2020", "starting
    FY2019", and every other form the report parser reads ("15th Jul 2056", "R41.6.3",
    "from the 1st day of February to the 15th day of March, 2060"); a month in figures is
    said with its name ("September 2047 (2047.9)")."""
    found = [m.span() for m in (*_DATE.finditer(text), *_FISCAL_DATE.finditer(text))]
    found += date_spans(text)
    numeric = {m.span(): m for m in NUMERIC_MONTH.finditer(text)}
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if spans and start < spans[-1][1]:  # one date, read by two readers
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    out = []
    for start, end in spans:
        said = text[start:end].strip()
        japanese = _JAPANESE_MONTH.fullmatch(said)
        if (start, end) in numeric:  # "(2047.9)": September 2047, as written too
            year, month = numeric_month_of(numeric[(start, end)])
            said = f"{month_name(f'{year:04d}-{month:02d}')} ({said})"
        elif japanese:  # "2092年2月": February 2092, as written too
            year, month = int(japanese.group(1)), int(japanese.group(2))
            said = f"{month_name(f'{year:04d}-{month:02d}')} ({said})"
        out.append(FactSpan("date", said, None, frozenset()))
    return out


# A time of day or a span of them: "from 14:00 to 23:00", "9:00–17:00", "5 p.m. to 11 p.m.".
_HOUR = r"(?:\d{1,2}(?::\d{2}(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?)|\bmidnight\b|\bnoon\b|\bmidday\b)"
_CLOCK = re.compile(
    # the days they are for, written just before: "weekdays 10:00-20:00, Saturdays 10:00-17:00"
    r"\b(?:(?:on\s+)?(?:weekdays|weekends|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|holidays)"
    rf",?\s+)?(?:from\s+)?{_HOUR}(?:\s*(?:to|-|–|until)\s*{_HOUR})?",
    re.I,
)


def clock_times(text: str) -> list[FactSpan]:
    """Times of day as written, with the days they are for: "from 14:00 to 23:00",
    "Saturdays 10:00-17:00"."""
    return [FactSpan("date", m.group(0).strip(), None, frozenset()) for m in _CLOCK.finditer(text)]
