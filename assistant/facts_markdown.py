"""Tables a web page kept in Markdown, flattened into an effort's line.

"…: | Indicator | FY2055 | FY2056 | |---|---:|---:| | Seminars held | 10,420 | 10,870 |
| Participants (thousand) | 401 | 415 |" is a table: a header row, a rule, and rows of a
label and one cell per column. A column named by a year gives each row's figure of that
year ("10,870 seminars held in FY2056", the earlier years as earlier figures); a row named
by a year gives the header's noun in that year ("16,840 consultations in FY2056"); other
columns name what a cell is ("about 18,100 school social workers", "+900": the change).
Like :mod:`assistant.facts_table`, which calls it first.
"""

from __future__ import annotations

import re

from assistant.facts import FactKind, FactSpan, stems
from assistant.facts_table import counted_noun, year_cell

__all__ = ["markdown_cells"]

# The rule under a Markdown table's header: "|---|---:|:---|".
_RULE = re.compile(r"\|(?:\s*:?-{3,}:?\s*\|)+")
_YEAR = re.compile(r"^(?:FY\s?)?((?:19|20)\d\d)\b", re.I)
_VALUE = re.compile(
    r"^(?:about\s+|approx\.\s+|approximately\s+)?[+\-−]?\d[\d,]*(?:\.\d+)?%?$", re.I
)
_SCALE = re.compile(r"\s*\((thousand|million|k)s?\)$", re.I)
_CHANGE_COLUMN = frozenset("change increase difference +/-".split())
_QUARTER = re.compile(r"^(?:qtr|q|quarter)\.?\s*([1-4])$")
_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_TIME_WORDS = frozenset("seconds minutes hours days weeks months years".split())


def markdown_cells(text: str) -> tuple[list[FactSpan], tuple[int, int]] | None:
    """The cells of the first Markdown table in ``text`` as figures, and where it stands;
    None when ``text`` holds no such table."""
    rule = _RULE.search(text)
    if rule is None:
        return None
    head = re.search(r"(?:\|[^|]*)+\|\s*$", text[: rule.start()])
    if head is None:
        return None
    columns = [c.strip() for c in head.group(0).strip().strip("|").split("|")]
    rows, end = _rows(text, rule.end(), len(columns))
    if not rows or len(columns) < 2:
        return None
    years = [_year_of(c) for c in columns[1:]]
    # what the table counts, in its head ("| Consultations received | FY2063 | …") or said
    # before it ("consultations received: | Channel | …", a caption "Table 2 – Consultations
    # received"; not "as follows")
    counted = re.findall(
        r"(?<!\bas\s)\b([A-Za-z][a-z]{2,}s)\b", text[max(0, head.start() - 60) : head.start()]
    )
    # a span of time said before it ("deleted within three days") counts nothing in it
    counted = [w.lower() for w in counted if w.lower() not in _TIME_WORDS]
    # what its rows count, when the text before it says so too ("received the reports
    # below: | Public reports | … | Total |"): the total is of reports, not of a noun said
    # just before the table ("images deleted")
    before = text[: head.start()].lower()
    rows_count = {
        n
        for row in rows
        if (n := counted_noun(row[0].lower())) and re.search(rf"\b{re.escape(n)}\b", before)
    }
    counted += [n for n in rows_count if len(rows_count) == 1 and n not in counted]
    counted.sort(key=lambda w: w in rows_count)
    counted += [n for n in [counted_noun(columns[0].lower())] if n and any(years)]
    cells: list[FactSpan] = []
    latest = max((y for row in rows for y in [_year_of(row[0])] if y), default=0)
    latest = max([latest, *(y for y in years if y)])
    for row in rows:
        label, scale = _label(row[0])
        row_year = _year_of(row[0])
        for column, year, value in zip(columns[1:], years, row[1:], strict=True):
            if not _VALUE.match(value):
                continue  # "–": no figure
            value = f"{value} {scale}" if scale else value
            part = label.startswith(("of which", "of whom", "including"))  # "of which via SNS"
            if (
                year and (part or not counted_noun(label)) and counted
            ):  # "Chat": 22,380 consultations (chat)
                cells.append(year_cell(value, f"{counted[-1]} ({label})", year, latest))
            elif year:  # a column per year: "10,870 seminars held in FY2056"
                cells.append(year_cell(value, label, year, latest))
            elif row_year:  # a row per year: "16,840 consultations in FY2056"
                cells.append(year_cell(value, _label(column)[0], row_year, latest))
            elif column.lower() in _CHANGE_COLUMN:  # "+900": 900 more school social workers
                said, about = f"{value.lstrip('+')} more {label}", stems(label)
                noun = counted_noun(label)
                cells.append(FactSpan("number", said, noun, about, about, about, change=True))
            else:  # "about 18,100" under "Number"
                kind: FactKind = "percent" if value.endswith("%") else "number"
                noun, about = counted_noun(label), stems(f"{label} {column}")
                cells.append(FactSpan(kind, f"{value} {label}", noun, about, about, about))
    return cells, (head.start(), end)


def _rows(text: str, at: int, width: int) -> tuple[list[list[str]], int]:
    """The rows after the rule, ``width`` cells each, and where the last one ends."""
    row = re.compile(rf"\s*\|((?:[^|]*\|){{{width}}})")
    rows: list[list[str]] = []
    while (m := row.match(text, at)) is not None:
        rows.append([c.strip() for c in m.group(1).split("|")[:width]])
        at = m.end()
    return rows, at


def _label(cell: str) -> tuple[str, str]:
    """A row's label in lower case and the scale its figures are in ("(thousand)")."""
    scale = _SCALE.search(cell)
    label = cell[: scale.start()] if scale else cell
    times = {"k": "thousand"}.get(scale.group(1).lower(), scale.group(1).lower()) if scale else ""
    # a code or a note in brackets goes ("Telephone (189)"); a name stays, which a
    # question may ask by: 'Social media ("Kokoro Link")' is the Kokoro Link row
    named = re.search(r'\s*\(["“]([^()"“”]+)["”]\)$', label)
    label = label[: named.start()] if named else label
    label = re.sub(r"\s*\([^()]*\)$", "", label).strip().lower()
    label = f"{label} “{named.group(1)}”" if named else label
    quarter = _QUARTER.match(label)  # "QTR 3": the third quarter, as a question says it
    return (f"{_ORDINAL[int(quarter.group(1))]} quarter" if quarter else label), times


def _year_of(cell: str) -> int:
    m = _YEAR.match(cell.strip())
    return int(m.group(1)) if m else 0
