"""A report whose sections are tables without rules, as ``pdftotext -layout`` writes them.

Each section is a table captioned "Table 1   Title", its columns (No., Measure, Effort,
Bodies in charge, Period) lined up with spaces under a head repeated on every page, where
the columns may sit a little elsewhere. A cell wraps within its column, so one physical
line holds the words of several cells; a measure's cell is written on its first row only
and runs on beside the rows after it; the bodies stand one per line, a name in full
wrapped over lines; a word too long for its column pushes the next cell's words to its
right. The legend is a list of abbreviations and names set in two columns side by side.

:func:`layout_tables` gives each word the column whose head it starts under (a word that
starts before a column's head is its own column's, however far it runs), and writes what
the table holds on its lines: "2. Title" for a caption, "O Title" for a measure, "· text
(period) [bodies]" for a row, "Note: CAS = Cabinet Secretariat; …" for the legend, the
row's other lines blank. Page furniture is left for the parser. A report with no such
table comes back unchanged. Pure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from corpus.legend import as_note
from corpus.plaintables import markdown_line

__all__ = ["layout_tables"]

# The columns a table's head names, by what they are called.
_ROLES = {
    "number": re.compile(r"^(?:no\.?|#|item)$", re.I),
    "measure": re.compile(r"^measures?\b", re.I),
    "effort": re.compile(r"^(?:efforts?|activit|initiative|description|details)", re.I),
    "bodies": re.compile(r"^(?:bod(?:y|ies)|ministr|agenc|responsib|lead|in\s+charge)", re.I),
    "period": re.compile(r"^(?:period|dates?|when|timing|schedule)\b", re.I),
}
_CAPTION = re.compile(r"^\s*(?:Table|TABLE)\s+(\d{1,2})\.?\s{2,}(\S.*?)\s*$")
_MEASURE_MARK = re.compile(r"^\d{1,2}\s*\((\d{1,2})\)\s*")
_WORD = re.compile(r"\S+")
_GAP = re.compile(r"\s{2,}")
_ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")
# A legend entry in a column of the list: an abbreviation, two spaces or more, a name.
_ENTRY = re.compile(r"(?:^|(?<=\s\s))([A-Z][A-Z0-9&]{1,6})\s{2,}(?=[A-Z])")


@dataclass
class _Row:
    line: int
    number: str
    cells: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # role → (line, text)

    def add(self, role: str, line: int, text: str) -> None:
        self.cells.setdefault(role, []).append((line, text))

    def text(self, role: str) -> str:
        return _joined([" ".join(t.split()) for _, t in self.cells.get(role, [])])


def layout_tables(lines: list[str]) -> list[str]:
    """``lines`` with each borderless table written as the report it holds (as many
    lines); a report with no such table, unchanged."""
    if not any(_head(line) for line in lines):
        return lines
    out = list(lines)
    legend = _legend(lines, out)
    furniture = _furniture(lines)
    rows: list[_Row] = []
    columns: dict[str, int] | None = None
    skip: set[int] = set()
    for i, line in enumerate(lines):
        caption = _CAPTION.match(line)
        head = _head(line)
        if caption and any(_head(x) for x in lines[i + 1 : i + 5]):
            rows.append(_Row(i, caption.group(1), {"caption": [(i, caption.group(2))]}))
            columns = None
            continue
        if head:
            columns = head
            skip = set(_head_tail(lines, i, head))
            for j in [i, *skip]:
                out[j] = ""
            continue
        if i in skip:
            continue
        if columns is None or not line.strip():
            continue
        if _digitless(line) in furniture or "\f" in line:
            continue  # the page's header or footer, for the parser to drop
        words = [(m.start(), m.group(0)) for m in _WORD.finditer(line)]
        cells = _cells(words, columns)
        first = words[0][0]
        number = cells.get("number", "")
        if number.isdigit():
            rows.append(_Row(i, number))
        elif first < columns.get("measure", columns["effort"]) - 1 or not rows:
            columns = None  # a line at the margin that is not a row ends the table
            continue
        for role, text in cells.items():
            if role != "number":
                rows[-1].add(role, i, text)
        out[i] = ""
    _write(rows, out, legend)
    return out


def _head(line: str) -> dict[str, int] | None:
    """The columns a table's head names, role → where it starts; None for another line."""
    found: dict[str, int] = {}
    for cell in re.finditer(r"\S+(?:\s\S+)*", line):
        for role, pattern in _ROLES.items():
            if role not in found and pattern.match(cell.group(0)):
                found[role] = cell.start()
                break
    wanted = {"effort", "bodies"} <= set(found) and ({"number", "measure"} & set(found))
    return found if wanted and len(found) >= 3 else None


def _cells(words: list[tuple[int, str]], columns: dict[str, int]) -> dict[str, str]:
    """A line's words by column: each word under the last head it starts at or after; a
    cell whose words stand apart (a small table of figures in the cell) keeps its gaps."""
    starts = sorted(columns.items(), key=lambda kv: kv[1])
    cells: dict[str, list[tuple[int, str]]] = {}
    for at, word in words:
        role = starts[0][0]
        for name, start in starts:
            if at >= start - 1:
                role = name
        cells.setdefault(role, []).append((at, word))
    out = {}
    for role, placed in cells.items():
        text = placed[0][1]
        for (at, word), (before, said) in zip(placed[1:], placed, strict=False):
            text += ("  " if at - (before + len(said)) >= 3 else " ") + word
        out[role] = text
    return out


def _head_tail(lines: list[str], i: int, columns: dict[str, int]) -> list[int]:
    """The lines right under a head at ``i`` that go on its names ("charge" of "Bodies
    in / charge"): a few words without figures, each under a column's head."""
    tail = []
    for j in range(i + 1, min(i + 3, len(lines))):
        words = [(m.start(), m.group(0)) for m in _WORD.finditer(lines[j])]
        if not words or len(words) > 3 or any(
            any(c.isdigit() for c in w) or not any(abs(at - s) <= 1 for s in columns.values())
            for at, w in words
        ):
            break
        tail.append(j)
    return tail


def _joined(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if text.endswith(("-", "–", "/")) and not text.endswith(" -"):
            text += part  # "awareness-" / "raising"; "2072–" / "15 January"
        else:
            text = f"{text} {part}" if text else part
    return text


def _furniture(lines: list[str]) -> set[str]:
    """Lines repeated on pages (their figures aside): running headers and footers."""
    counts = Counter(_digitless(x) for x in lines if x.strip())
    return {x for x, n in counts.items() if n >= 3 and not _head(x)}


def _digitless(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _write(rows: list[_Row], out: list[str], legend: dict[str, str]) -> None:
    """Each caption, measure and row of efforts on its line (a measure on the blank line
    before its first row, or that row's first line and the row on its second)."""
    measure: _Row | None = None
    measures: list[tuple[_Row, list[str]]] = []
    for row in rows:
        if "caption" in row.cells:
            out[row.line] = f"{row.number}. {row.text('caption')}"
            measure = None
            continue
        said = row.text("measure")
        if _MEASURE_MARK.match(said):
            measure = row
            measures.append((row, [said]))
        elif said and measure is not None:
            measures[-1][1].append(said)  # the measure's title runs on beside this row
    for row, parts in measures:
        # on a free line just above the row (the blank between rows), else on the row's
        # first line, the row going to its next line
        free = [n for n in range(row.line - 1, max(row.line - 4, -1), -1) if not out[n].strip()]
        at = free[0] if free else row.line
        out[at] = f"O {_MEASURE_MARK.sub('', _joined(parts))}"
    for row in rows:
        if "caption" in row.cells:
            continue
        text = _effort_text(row)
        bodies = _bodies([t for _, t in row.cells.get("bodies", [])], legend)
        period = row.text("period")
        dated = f" ({period})" if period and re.search(r"[A-Za-z]{3}", period) else ""
        named = f" [{', '.join(bodies)}]" if bodies else ""
        taken = [n for _, cells in row.cells.items() for n, _ in cells]
        line = next((n for n in [row.line, *sorted(taken)] if not out[n].strip()), row.line)
        out[line] = f"· {text}{dated}{named}"


def _effort_text(row: _Row) -> str:
    """The effort's words; a small table of figures in its cell as Markdown rows."""
    parts: list[str] = []
    table: list[list[str]] = []
    for _, text in row.cells.get("effort", []):
        if _GAP.search(text):
            table.append(_GAP.split(text))
        else:
            parts.append(text)
    if table and len(table[0]) < max(len(r) for r in table):
        table[0] = ["", *table[0]]  # a head over the figures only, not the row names
    said = _joined(parts)
    return f"{said} {markdown_line(table)}" if table else said


def _bodies(cells: list[str], legend: dict[str, str]) -> list[str]:
    """The bodies a row's cells name: an abbreviation a line, a name wrapped over lines."""
    names = {" ".join(n.split()).lower(): a for a, n in legend.items()}
    found: list[str] = []
    pending: list[str] = []
    for cell in cells:
        for word in cell.split():
            if not pending and _ABBREVIATION.match(word.rstrip(",")):
                found.append(word.rstrip(","))
                continue
            pending.append(word)
            said = " ".join(pending).rstrip(",").lower()
            if said in names:
                found.append(names[said])
                pending = []
    if pending:
        found.append(" ".join(pending).rstrip(","))
    return list(dict.fromkeys(found))


def _legend(lines: list[str], out: list[str]) -> dict[str, str]:
    """The legend set in two columns after a line that says it gives the abbreviations;
    written as one line of pairs there ("Note: CAS = Cabinet Secretariat; …")."""
    start = next((i for i, x in enumerate(lines) if re.search(r"abbreviation", x, re.I)), None)
    if start is None:
        return {}
    entries: dict[str, str] = {}
    columns: dict[int, str] = {}  # where a column's names start → its latest entry
    used: list[int] = []
    for i in range(start + 1, min(len(lines), start + 40)):
        line = lines[i]
        found = list(_ENTRY.finditer(line))
        if not line.strip():
            if entries and i + 1 < len(lines) and not _ENTRY.search(lines[i + 1]):
                break
            continue
        if not found and not columns:
            break
        taken = []
        for m in found:  # the name: the words after the abbreviation up to a wide gap
            name = re.match(r"\S+(?:\s\S+)*", line[m.end() :])
            entries[m.group(1)] = name.group(0) if name else ""
            taken.append((m.start(), m.end() + (name.end() if name else 0)))
            columns = {k: v for k, v in columns.items() if k != m.end()}
            columns[m.end()] = m.group(1)
        for cell in re.finditer(r"\S+(?:\s\S+)*", line):
            if any(a <= cell.start() < b for a, b in taken):
                continue
            at = max((c for c in columns if c <= cell.start() + 1), default=None)
            if at is not None and abs(at - cell.start()) <= 1:
                abbr = columns[at]
                entries[abbr] = f"{entries[abbr]} {cell.group(0)}"
        used.append(i)
    if len(entries) < 3:
        return {}
    for i in used:
        out[i] = ""
    out[start] = as_note(entries)
    return entries
