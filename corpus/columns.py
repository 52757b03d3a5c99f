"""A report set as a two-column table, flattened by PDF text extraction: each effort's text
on the left and the bodies in charge in a right-hand column after a run of spaces
("■ Held the symposium …        CAO"), maybe wrapped over two lines of that column
("CAS, DA," / "CFA") or set beside a middle line of the effort.

Pure: the parser marks each right-hand cell on its line (:data:`CELL`) before it reads the
line's shape, and takes the cell's bodies as the open effort's.
"""

from __future__ import annotations

import re

from corpus.lines import parse_attribution

__all__ = ["CELL", "mark_cells"]

# A cell of bodies at the right of a line: four spaces or more, then abbreviations only.
_RIGHT_CELL = re.compile(
    r"^(?P<left>.*?)\s{4,}(?P<cell>[A-Z][A-Za-z]{1,5}(?:\s*,\s*[A-Z][A-Za-z]{1,5})*,?)\s*$"
)
# How a marked cell stands in the line the parser reads: "… Victimization" ⟦CAO⟧".
CELL = re.compile(r"\s*⟦([^⟧]*)⟧\s*$")


def mark_cells(lines: list[str], legend: set[str]) -> list[str]:
    """``lines`` with each right-hand cell of the legend's abbreviations marked ``⟦…⟧`` at
    the line's end (a line of the cell alone keeps only the mark); other lines as they are.

    Example:
        >>> mark_cells(["■ Held a forum          CFA, NPA", "  in Sapporo."], {"CFA", "NPA"})
        ['■ Held a forum ⟦CFA, NPA⟧', '  in Sapporo.']
    """
    out = []
    for raw in lines:
        m = _RIGHT_CELL.match(raw)
        found = parse_attribution(m.group("cell").rstrip(", ")) if m else None
        if m is None or not found or not set(found) <= legend:
            out.append(raw)
            continue
        out.append(f"{m.group('left').rstrip()} ⟦{m.group('cell').rstrip(', ')}⟧".lstrip())
    return out
