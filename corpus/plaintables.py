"""Tables typed in plain text, their columns lined up with spaces and a rule of dashes
under the head, read as Markdown rows so that a figure keeps its row and its column:

    Consultations           FY2063      FY2064            | Consultations | FY2063 | FY2064 |
    ----------------------  ----------  ----------   →    |---|---|---|
    Total                       12,840      15,310        | Total | 12,840 | 15,310 |

Pure, one line for one line; a report with no such rule comes back unchanged.
"""

from __future__ import annotations

import re

__all__ = ["markdown_line", "ruled_tables"]

# A rule under a table's head: runs of dashes (or "="), one per column.
_COLUMN_RULE = re.compile(r"^(\s*)[-=]{3,}(?:\s{2,}[-=]{3,})+\s*$")
_GAP = re.compile(r"\s{2,}")


def ruled_tables(lines: list[str]) -> list[str]:
    """``lines`` with each table under a rule of dashes written as Markdown rows.

    Example:
        >>> for line in ruled_tables(["Held a forum.", "  Item      FY1   FY2",
        ...                           "  ------    ---   ---", "  Calls       12    15",
        ...                           "  [NPA]"]):
        ...     print(line)
        Held a forum.
          | Item | FY1 | FY2 |
          |---|---|---|
          | Calls | 12 | 15 |
          [NPA]
    """
    out = list(lines)
    for i, line in enumerate(lines):
        rule = _COLUMN_RULE.match(line)
        if rule is None or i == 0:
            continue
        starts = [m.start() for m in re.finditer(r"[-=]{3,}", line)]
        head = _cells(lines[i - 1], starts)
        if head is None:
            continue
        indent = rule.group(1)
        out[i - 1] = _row(indent, head)
        out[i] = indent + "|" + "---|" * len(starts)
        j = i + 1
        while j < len(lines) and (cells := _cells(lines[j], starts)) is not None:
            out[j] = _row(indent, cells)
            j += 1
    return out


def _cells(line: str, starts: list[int]) -> list[str] | None:
    """A row's cells: split at its gaps of two spaces or more when they make as many cells
    as the rule has columns, else at the rule's columns; None for a line of one cell."""
    if not line.strip() or not _GAP.search(line.strip()):
        return None
    cells = _GAP.split(line.strip())
    if len(cells) == len(starts):
        return cells
    ends = [*starts[1:], max(len(line), starts[-1] + 1)]
    cells = [line[a:b].strip() for a, b in zip([0, *starts[1:]], ends, strict=True)]
    return cells if sum(1 for c in cells if c) >= 2 else None


def _row(indent: str, cells: list[str]) -> str:
    return indent + "| " + " | ".join(c or "–" for c in cells) + " |"


def markdown_line(rows: list[list[str]], caption: str = "") -> str:
    """A table's rows as Markdown on one line, the first row its head under a rule, after
    its caption: how a marked-up report's table joins the effort it belongs to.

    Example:
        >>> markdown_line([["Channel", "FY2070"], ["Phone", "3,100"]], "Calls")
        'Calls | Channel | FY2070 | |---|---| | Phone | 3,100 |'
    """
    drawn = " ".join(
        "| " + " | ".join(row) + " |" + (" |" + "---|" * len(row) if k == 0 else "")
        for k, row in enumerate(r for r in rows if r)
    )
    return f"{caption} {drawn}".strip()
