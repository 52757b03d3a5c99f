"""Tables that a PDF flattened into an effort's line.

"…as follows: Prefecture Sessions Participants Aomori 9 1,180 Gunma 7 940 … Okinawa 11
1,560 for a total of 38 sessions" is a table: a header of capitalised words (the first
names the rows, the others the columns) and rows of a name and one figure per column.
Each cell is read as a figure of its column about its row ("1,560 participants in
Okinawa"), so "how many took part in Okinawa" finds the cell, not the total.

"Cases cleared in 2045 (previous year in parentheses): Child prostitution: 628 (655) /
Child pornography: 3,105 (2,910)" is a table too: a list of named figures, each with the
previous year's beside it, read as "628 cases of child prostitution" and, as the value it
changed from, "655 the previous year".

"results: Shops checked FY2046 455 FY2047 512" is a row of figures by fiscal year (also
"Cases | FY2047: 3,108 | FY2048: 3,480", "Venues FY2048 13,400 → FY2049 13,900", "Calls
FY Reiwa 30: 8,620 | FY Reiwa 31: 9,340"): the latest is read as "512 shops checked in
FY2047", the others as values before it, each answering a question of its own year.
"""

from __future__ import annotations

import re

from assistant.facts import FactKind, FactSpan, stems
from corpus.eras import ERA_FIRST_YEARS

__all__ = ["counted_noun", "table_cells", "year_cell"]

# A header of two to six capitalised words, followed by the first row's name and figure.
_HEADER = re.compile(
    r"(?<![\w-])((?:[A-Z][a-z]+\s+){1,5}[A-Z][a-z]+)(?=\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+\d)"
)
_VALUE = r"\d[\d,]*(?:\.\d+)?%?"
# At least this many rows make a table (one would be a sentence).
MIN_ROWS = 2


def table_cells(text: str) -> tuple[list[FactSpan], tuple[int, int] | None]:
    """The cells of the first flattened table in ``text`` as figures, and where the table
    stands (None: no table)."""
    from assistant.facts_markdown import markdown_cells  # it builds on facts, as this does

    listed = (
        markdown_cells(text)
        or _with_previous(text)
        or _dotted(text)
        or _by_year_columns(text)
        or _by_year(text)
        or _labelled(text)
    )
    if listed is not None:
        return listed
    for header in _HEADER.finditer(text):
        columns = header.group(1).split()[1:]
        row = re.compile(
            rf"\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)((?:\s+{_VALUE}){{{len(columns)}}})"
            r"(?![\w,.]?\d)"
        )
        rows, end = _rows(row, text, header.end())
        if len(rows) < MIN_ROWS:
            continue
        cells = []
        for m in rows:
            name = m.group(1)
            for column, value in zip(columns, m.group(2).split(), strict=True):
                noun = column.lower()
                kind: FactKind = "percent" if value.endswith("%") else "number"
                cells.append(
                    FactSpan(
                        kind,
                        f"{value} {noun} in {name}" if kind == "number" else f"{value} in {name}",
                        noun if kind == "number" else None,
                        stems(f"{name} {noun}"),
                        stems(name),
                        stems(name),
                    )
                )
        return cells, (header.start(), end)
    return [], None


# "(previous year in parentheses)", "figures for the prior fiscal year in brackets"
_PREVIOUS_IN_BRACKETS = re.compile(
    r"(?:previous|prior|last)\s+(?:fiscal\s+)?year[^.:;]{0,30}?\bin\s+(?:parentheses|brackets)|"
    r"in\s+(?:parentheses|brackets)[^.:;]{0,30}?(?:previous|prior|last)\s+(?:fiscal\s+)?year",
    re.I,
)
# One named figure with the previous year's in brackets: "Child prostitution: 628 (655)".
_NAMED_WITH_PREVIOUS = re.compile(
    rf"(?:(?<=[:/;])|^)\s*([A-Z][\w' -]{{2,80}}?):?\s+({_VALUE}|…%?)\s*\(({_VALUE})\)"
)
# The noun the list counts, ending the words before its cue: "Cases cleared in 2045".
_LIST_NOUN = re.compile(r"(?:^|[.;]\s+)([A-Z][a-z]+s)\b[^.;]*$")


def _with_previous(text: str) -> tuple[list[FactSpan], tuple[int, int]] | None:
    cue = _PREVIOUS_IN_BRACKETS.search(text)
    if cue is None:
        return None
    start = text.find(":", cue.end())
    start = cue.end() if start < 0 or start - cue.end() > 3 else start + 1
    items = []
    at = start
    while (m := _NAMED_WITH_PREVIOUS.match(text, at)) is not None:
        items.append(m)
        at = m.end()
        sep = re.match(r"\s*[/;,]\s*", text[at:])
        if sep is None:
            break
        at += sep.end() - 1  # the separator stays before the next item
    if len(items) < MIN_ROWS:
        return None
    named = _LIST_NOUN.search(text[: cue.start()])
    noun = named.group(1).lower() if named else None
    cells = []
    for m in items:
        label, value, before = m.group(1).strip(), m.group(2), m.group(3)
        percent = before.endswith("%")
        kind: FactKind = "percent" if percent else "number"
        if percent:
            said = f"{value} of {label.lower()}"
        else:
            said = f"{value} {noun} of {label.lower()}" if noun else f"{value} ({label})"
        about = stems(f"{label} {noun or ''}")
        if not value.startswith("…"):  # a figure already stated is blanked, not read again
            cells.append(FactSpan(kind, said, None if percent else noun, about, about, about))
        cells.append(
            FactSpan(
                kind,
                f"{before} the previous year",
                None if percent else noun,
                about | stems("previous year"),
                about,
                about,
                earlier=True,
            )
        )
    return cells, (start, at)


# One labelled figure of a list, with what it changed by in brackets: "School social
# workers about 13,500 (+900)", "– school counsellors: approx. 31,900 (+700)".
_LABELLED = re.compile(
    r"\s*(?:[-–]\s+)?(?P<label>[A-Za-z][A-Za-z' -]{2,60}?):?\s+"
    r"(?P<value>(?:(?:about|approx\.|approximately|around|some)\s+)?"
    rf"(?:{_VALUE}|…%?))(?:\s*\((?:(?P<change>[+\-−]\s?{_VALUE})|FY\s?(?P<year>(?:19|20)\d\d)"
    rf":?\s*(?P<before>{_VALUE}))\))?(?=\s*(?:[|;–]|\.?\s*$)|\s+[A-Z][a-z])"
)


def _labelled(text: str) -> tuple[list[FactSpan], tuple[int, int]] | None:
    """Figures listed each after its label, two or more, read as "about 13,500 school
    social workers", with the change beside each read as a change."""
    start = text.find(":")
    if start < 0:
        return None
    items = []
    at = start + 1
    while (m := _LABELLED.match(text, at)) is not None and not m.group("label").startswith("FY"):
        items.append(m)
        at = m.end()
        # "| …", "– …", or a row of a table flattened onto the line: "… 64,300 Children …"
        sep = re.match(r"\s*[|;]|(?=\s+[-–]\s)|(?=\s+[A-Z][a-z])", text[at:])
        if sep is None:
            break
        at += sep.end()
    if len(items) < MIN_ROWS:
        return None
    cells = []
    for m in items:
        label = m.group("label").strip(" -").lower()
        noun = counted_noun(label)
        about = stems(label)
        value = m.group("value")
        percent = value.endswith("%")
        kind: FactKind = "percent" if percent else "number"
        if "…" not in value:  # a figure already stated is blanked, not read again
            cells.append(
                FactSpan(kind, f"{value} {label}", None if percent else noun, about, about, about)
            )
        cells += _beside(m, kind, label, None if percent else noun)
    return cells, (start + 1, at)


# A row of a table set with leader dots: "Calls in FY2051 ........ 12,430", "Seminars held
# ........ 10,240 (FY2050: 9,850)", "School counsellors ..... about 32,600 (+700)"; a label
# ending in its fiscal year needs none ("Calls in FY2052 13,960 Calls in FY2051 12,610").
_DOTTED = re.compile(
    r"(?P<label>[A-Z][\w',() -]{2,70}?)(?:\s*\.{3,}\s*|(?:(?<=\sin\sFY\d{4})|(?<=\sin\sFY\s\d{4}))"
    r":?\s+)(?P<value>(?:(?:about|approx\.|approximately|"
    rf"around|some)\s+)?(?:{_VALUE}|…%?)(?:\s+(?:thousand|million))?)"
    rf"(?:\s*\((?:(?P<change>[+\-−]\s?{_VALUE})|FY\s?(?P<year>(?:19|20)\d\d):?\s*"
    rf"(?P<before>{_VALUE}))\))?(?![\w,.]?\d)"
    # one value to a row: "Cases cleared ..... 3,510 3,680" is a row of year columns
    r"(?!\s+\d)"
)
_LABEL_YEAR = re.compile(r"\s+(?:in\s+|\()(FY\s?)?((?:19|20)\d\d)\b\)?")  # "in FY2051", "(FY2055)"


_BARE_YEAR = re.compile(r"(?:FY\s?)?(?:19|20)\d\d", re.I)


def _dotted(text: str) -> tuple[list[FactSpan], tuple[int, int]] | None:
    """Rows set with leader dots, two or more: each a figure of its label, a year in the
    label ("Calls in FY2050") answering that year, the latest year's the one reported."""
    rows = list(_DOTTED.finditer(text))
    if len(rows) < MIN_ROWS:
        return None
    if all(_BARE_YEAR.fullmatch(m.group("label").strip()) for m in rows):
        return None  # "calls received: FY2054 …… 16,030 FY2055 …… 17,880": a row by year
    years = [int(y.group(2)) for m in rows if (y := _LABEL_YEAR.search(m.group("label")))]
    latest = max(years, default=0)
    cells = []
    for m in rows:
        label = m.group("label").strip()
        in_year = _LABEL_YEAR.search(label)
        year = int(in_year.group(2)) if in_year else None
        fiscal = bool(in_year and in_year.group(1))
        plain = _LABEL_YEAR.sub("", label).strip().lower() if in_year else label.lower()
        noun = counted_noun(plain)
        about = stems(plain)
        value = m.group("value")
        percent = value.endswith("%")
        kind: FactKind = "percent" if percent else "number"
        when = f" in {'FY' if fiscal else ''}{year}" if year else ""
        near = about | ({f"fy{year}", str(year)} if year else set())
        earlier = year is not None and year != latest
        if "…" not in value:
            cells.append(
                FactSpan(
                    kind,
                    f"{value} {plain}{when}",
                    None if percent else noun,
                    about | stems("previous year") if earlier else about,
                    about,
                    near,
                    earlier=earlier,
                )
            )
        cells += _beside(m, kind, plain, None if percent else noun)
    return cells, (rows[0].start(), rows[-1].end())


# A table whose header names the years of its columns: "Indicator FY2051 FY2052 Seminars
# held 10,240 10,510 Participants 418k 402k".
_YEARS_HEADER = re.compile(
    r"(?:\b[A-Z][a-z]+\s+)?((?:FY\s?)?(?:19|20)\d\d)((?:\s+(?:FY\s?)?(?:19|20)\d\d)+)"
)
_ROW_VALUE = r"\d[\d,]*(?:\.\d+)?(?:k|%)?"


def _by_year_columns(text: str) -> tuple[list[FactSpan], tuple[int, int]] | None:
    """A table with a column per year, two rows or more, each cell a figure of its row's
    label in its column's year; the latest year's the one reported."""
    for header in _YEARS_HEADER.finditer(text):
        years = [
            int(y[-4:]) for y in [header.group(1), *header.group(2).split()] if y[-4:].isdigit()
        ]
        # a row's label may follow its Japanese one ("検挙件数/Cases cleared") and lead
        # to its figures with dots
        row = re.compile(
            r"\s+(?:[^\x00-\x7F\s]+/)?"
            rf"((?:[A-Z][a-z]|of\s+which\s|of\s+whom\s)[\w' -]{{1,50}}?"
            r"(?:\s*\((?:thousands?|millions?|k)\))?)"  # "of which by chat": a part row too
            rf"(?:\s*\.{{3,}})?((?:\s+{_ROW_VALUE}){{{len(years)}}})(?![\w,.]?\d)"
        )
        rows, end = _rows(row, text, header.end())
        if len(rows) < MIN_ROWS:
            continue
        latest = max(years)
        # "Crackdowns (calendar year) Item 2061 2062": its years are no fiscal years
        fiscal = not _CALENDAR.search(text, max(0, header.start() - 60), header.end())
        cells = []
        whole = ""
        for m in rows:
            label = m.group(1).strip().lower()
            if label.startswith("of wh") and whole:
                label = f"{whole} ({label})"  # "consultations (of which by chat)"
            else:
                whole = label
            # "Participants (thousand) 384 397": 397 thousand participants
            scale = re.search(r"\s*\((thousand|million|k)s?\)$", label)
            label = label[: scale.start()] if scale else label
            times = {"k": "thousand"}.get(scale.group(1), scale.group(1)) if scale else ""
            for year, value in sorted(zip(years, m.group(2).split(), strict=True), reverse=True):
                value = f"{value} {times}" if times else value
                cells.append(year_cell(value, label, year, latest, fiscal=fiscal))
        return cells, (header.start(), end)
    return None


_CALENDAR = re.compile(r"\bcalendar\s+years?\b", re.I)


def year_cell(value: str, label: str, year: int, latest: int, *, fiscal: bool = True) -> FactSpan:
    """The cell of a table's year column: "10,870 seminars held in FY2056" ("in 2062" of
    a table by calendar year), one of an earlier year than the ``latest`` the value
    something moved from."""
    about = stems(label) | stems(label.replace("-", ""))  # "E-mail" is the email row
    earlier = year != latest
    return FactSpan(
        "percent" if value.endswith("%") else "number",
        f"{value} {label} in {'FY' if fiscal else ''}{year}",
        counted_noun(label),
        about | stems("previous year") if earlier else about,
        about,
        about | {f"fy{year}", str(year)},
        earlier=earlier,
    )


def _beside(m: re.Match[str], kind: FactKind, label: str, noun: str | None) -> list[FactSpan]:
    """The figures written beside a labelled one: the year before's ("58,300 (FY2049:
    51,700)") and the change ("about 13,500 (+900)")."""
    about = stems(label)
    out = []
    if m.group("before"):
        year = m.group("year")
        said = f"{m.group('before')} {label} in FY{year}"
        near = about | {f"fy{year}", year}
        out.append(
            FactSpan(kind, said, noun, about | stems("previous year"), about, near, earlier=True)
        )
    if m.group("change"):
        said = f"{m.group('change').lstrip('+')} more {label}"
        out.append(FactSpan(kind, said, noun, about, about, about, change=True))
    return out


def _rows(row: re.Pattern[str], text: str, at: int) -> tuple[list[re.Match[str]], int]:
    """The rows of a table that follow one another from ``at``, and where they end."""
    rows = []
    while (m := row.match(text, at)) is not None:
        rows.append(m)
        at = m.end()
    return rows, at


def counted_noun(label: str) -> str | None:
    """What a label counts: its first plural ("children taken into custody", "warning
    messages posted")."""
    plural = [
        w
        for w in re.findall(r"[a-z]+", label)
        if (w.endswith("s") and not w.endswith(("ss", "ous")) and len(w) > 3)
        and w not in _NO_PLURAL
        or w in ("children", "people", "staff")
    ]  # not "sns", "its", "this", "various"
    return plural[0] if plural else None


_NO_PLURAL = frozenset("this thus news series plus always perhaps whereas".split())


# A row of figures by fiscal year: "Shops checked FY2046 455 FY2047 512", "number of
# consultations: FY2046 18,240 FY2047 23,910", "Cases | FY2047: 3,108 | FY2048: 3,480 |
# FY2049: 3,905", "Venues FY2048 13,400 → FY2049 13,900", "Calls FY Reiwa 30: 8,620".
_YEAR_CELL = re.compile(
    # "FY2053 (former services) 38,400": a note on the year before its figure
    r"\bFY\s?(?:(?P<year>(?:19|20)\d\d)|Reiwa\s+(?P<era>\d{1,2}))\s*(?:\([^()]{1,40}\)\s*)?:?\s*"
    r"(?:[.…]{2,}\s*)?"  # dot leaders: "FY2054 ........ 16,030"
    rf"(?:about\s+|approximately\s+)?(?P<value>{_VALUE})(?![\w,.]?\d)"
)
# What may stand between two cells of one row.
_CELL_GAP = re.compile(r"\s*(?:[|/,;]|→|->)?\s*")
_ROW_LABEL = re.compile(r"([A-Z][A-Za-z' -]{2,60}?)\s*[|:]?\s*$")


def _year_rows(text: str) -> list[list[re.Match[str]]]:
    """The cells of each row by fiscal year (two cells or more), in order."""
    rows: list[list[re.Match[str]]] = []
    for cell in _YEAR_CELL.finditer(text):
        row = rows[-1] if rows else None
        if row and _CELL_GAP.fullmatch(text, row[-1].end(), cell.start()):
            row.append(cell)
        else:
            rows.append([cell])
    return [row for row in rows if len(row) >= MIN_ROWS]


def _by_year(text: str) -> tuple[list[FactSpan], tuple[int, int]] | None:
    rows = _year_rows(text)
    if not rows:
        return None
    cells: list[FactSpan] = []
    label, end = "", 0
    for row in rows:
        before = text[end : row[0].start()]
        named = _ROW_LABEL.search(before)
        label = named.group(1).strip() if named else label  # a row with no label: the cue's
        if not label:
            label = (re.findall(r"([a-z][\w' -]{2,40}?)\s*:\s*$", before) or [""])[-1]
        end = row[-1].end()
        words = label.lower().split()
        plural = [w for w in words if w.endswith("s") and not w.endswith("ss")]
        noun = plural[0] if plural else None
        about = stems(label)
        # what the row is of, said before it: "Carried out joint forensic interviews …:
        # Cases | FY2047: 3,108" counts interviews
        cue = about | stems(text[max(0, row[0].start() - 120) : row[0].start()])
        named_as = re.sub(r"^(?:the\s+)?(?:number|count|total)\s+of\s+", "", label.lower())
        years = [_year_of(c) for c in row]
        latest = max(years)
        # the latest year's figure first: the one the effort reports; the others are before it
        for cell, year in sorted(zip(row, years, strict=True), key=lambda c: -c[1]):
            earlier = year != latest
            value = cell.group("value")
            percent = value.endswith("%")
            kind: FactKind = "percent" if percent else "number"
            cells.append(
                FactSpan(
                    kind,
                    f"{value} {named_as} in FY{year}",
                    None if percent else noun,
                    about | stems("previous year") if earlier else about,
                    about,
                    about | {f"fy{year}", str(year)},  # "how many in FY2046": that cell
                    earlier=earlier,
                    clause=cue,
                )
            )
    return cells, (rows[0][0].start(), rows[-1][-1].end())


def _year_of(cell: re.Match[str]) -> int:
    """The fiscal year of a cell: "FY2047", or "FY Reiwa 30" (2048)."""
    if cell.group("year"):
        return int(cell.group("year"))
    return ERA_FIRST_YEARS["reiwa"] - 1 + int(cell.group("era"))
