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

"results: Shops checked FY2046 455 FY2047 512" is a row of figures by fiscal year: the
later one is read as "512 shops checked in FY2047", the earlier as the value before it.
"""

from __future__ import annotations

import re

from assistant.facts import FactKind, FactSpan, stems

__all__ = ["table_cells"]

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
    listed = _with_previous(text) or _by_year(text)
    if listed is not None:
        return listed
    for header in _HEADER.finditer(text):
        columns = header.group(1).split()[1:]
        row = re.compile(
            rf"\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)((?:\s+{_VALUE}){{{len(columns)}}})"
            r"(?![\w,.]?\d)"
        )
        rows, end = [], header.end()
        while (m := row.match(text, end)) is not None:
            rows.append(m)
            end = m.end()
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


# A row of figures by fiscal year: "Shops checked FY2046 455 FY2047 512", "number of
# consultations: FY2046 18,240 FY2047 23,910".
_YEAR_ROW = re.compile(
    rf"(?P<label>[A-Z][A-Za-z' -]{{2,60}}?\s+)?FY(?P<y1>\d{{4}})\s+(?P<v1>{_VALUE})\s+"
    rf"FY(?P<y2>\d{{4}})\s+(?P<v2>{_VALUE})(?![\w,.]?\d)"
)


def _by_year(text: str) -> tuple[list[FactSpan], tuple[int, int]] | None:
    rows = list(_YEAR_ROW.finditer(text))
    if not rows:
        return None
    cells: list[FactSpan] = []
    label = ""
    for m in rows:
        label = (m.group("label") or label).strip()  # a row with no label: the cue's
        if not label:
            label = (re.findall(r"([a-z][\w' -]{2,40}?)\s*:\s*$", text[: m.start()]) or [""])[-1]
        words = label.lower().split()
        plural = [w for w in words if w.endswith("s") and not w.endswith("ss")]
        noun = plural[0] if plural else None
        about = stems(label)
        for year, value, earlier in (("y2", "v2", False), ("y1", "v1", True)):
            percent = m.group(value).endswith("%")
            kind: FactKind = "percent" if percent else "number"
            named = re.sub(r"^(?:the\s+)?(?:number|count|total)\s+of\s+", "", label.lower())
            said = f"{m.group(value)} {named} in FY{m.group(year)}"
            cells.append(
                FactSpan(
                    kind,
                    said,
                    None if percent else noun,
                    about | stems("previous year") if earlier else about,
                    about,
                    about | {f"fy{m.group(year)}"},  # "how many in FY2046": that cell
                    earlier=earlier,
                )
            )
    return cells, (rows[0].start(), rows[-1].end())
