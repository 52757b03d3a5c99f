"""Tables that a PDF flattened into an effort's line.

"…as follows: Prefecture Sessions Participants Aomori 9 1,180 Gunma 7 940 … Okinawa 11
1,560 for a total of 38 sessions" is a table: a header of capitalised words (the first
names the rows, the others the columns) and rows of a name and one figure per column.
Each cell is read as a figure of its column about its row ("1,560 participants in
Okinawa"), so "how many took part in Okinawa" finds the cell, not the total.
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
