"""A report released as a mainframe's line-printer listing.

An agency's tracking system prints the report as a fixed-width listing: the first
character of every line is the printer's carriage control (``1`` a new page, ``0`` a
double space, ``+`` an overprint that underlines the line before); every page opens with
the report's id, a run date and a row of ``=``, then the column headings over a ruler of
dashes (``EFFORT-CD  DESCRIPTION OF EFFORT  KEY-FIGURE UNIT  RESP-ORG``). A section is
``SECTION-CD S2  TITLE IN CAPITALS``, a measure ``MEASURE-CD S2-M3  Title`` (wrapped
under itself), an effort a row ``S2-M3-E02  text…  14,385 SEMINARS  MIC,MEXT,`` whose
text wraps in its column and whose bodies wrap at a comma in theirs; an effort cut by a
page break goes on under ``S2-M3-E02  *** CONTINUED FROM PAGE 3 ***``. A table of figures
may sit inside an effort's text, indented; control totals close each section, and a code
table of the bodies (``NPA  01310  NATIONAL POLICE AGENCY  22``, names wrapped) closes the
listing. Dates are printed ``12JUL2083`` (``corpus.dates`` reads them).

:func:`printout_to_plain` writes what such a report holds: its title, "2. Title" for a
section (in sentence case), "O Title" for a measure, "· text [MIC, MEXT, METI]" for an
effort, whole, on its first line (a table in it as Markdown rows; the key figure, when the
text does not give it, after it), and "Note: NPA = National Police Agency; …" for the code
table; the other lines are left blank. A report not printed so comes back unchanged. Pure.
"""

from __future__ import annotations

import re

from corpus.casing import sentence_case, title_case
from corpus.legend import as_note
from corpus.plaintables import markdown_line

__all__ = ["printout_to_plain"]

# the first character of a line is the carriage control, whatever it is
_ROW = re.compile(r"^.?(S(\d{1,2})-M(\d{1,2})-E(\d{1,3}))\s{2,}\S")
_SECTION = re.compile(r"^.?SECTION-CD\s+S(\d{1,2})\s{2,}(\S.*?)\s*$")
_MEASURE = re.compile(r"^.?\s*MEASURE-CD\s+S\d{1,2}-M\d{1,2}\s{2,}(\S.*?)\s*$")
_CONTINUED = re.compile(r"^\*{3}\s*CONTINUED\s+FROM\s+PAGE\s+\d+\s*\*{3}$", re.I)
_RULER = re.compile(r"^.?(\s*-{3,}(?:\s+-{3,}){3,})\s*$")
_TITLE = re.compile(r"\bFY\s?(\d{4})\s+EFFORTS\s+ON\s+THE\s+\"(.*?)\"", re.I)
_CODE_TABLE = re.compile(r"^.?CODE\s+TABLE\b", re.I)
_CODE_ROW = re.compile(r"^.?\s+([A-Z][A-Za-z]{1,5})\s+\d{3,6}\s+(\S.*?)\s{2,}\d+\s*$")
_NAME_MORE = re.compile(r"^.?\s{8,}([A-Z][A-Z ,&'.-]*[A-Z])\s*$")
_NUMBER = re.compile(r"\d[\d,.]*")
_MIN = 3


def printout_to_plain(lines: list[str]) -> list[str]:
    """``lines`` with a line-printer listing written as the report it holds (as many
    lines); any other report unchanged."""
    rows = sum(1 for line in lines if _ROW.match(line))
    if rows < _MIN or not any(_SECTION.match(line) for line in lines):
        return lines
    columns = _columns(lines)
    if columns is None:
        return lines
    out = [""] * len(lines)
    title = next((i for i, line in enumerate(lines) if _TITLE.search(line)), None)
    if title is not None:
        year, name = _TITLE.search(lines[title]).groups()  # type: ignore[union-attr]
        out[title] = f'FY{year} Efforts on the "{title_case(name)}"'

    _code_table(lines, out)
    i = 0
    while i < len(lines):
        line = lines[i]
        section, measure = _SECTION.match(line), _MEASURE.match(line)
        if section:
            out[i] = f"{section.group(1)}. {sentence_case(section.group(2))}"
        elif measure:
            words = [measure.group(1)]
            start = line.index(measure.group(1))
            k = i + 1
            while k < len(lines) and lines[k][:start].strip() == "" and lines[k].strip():
                words.append(lines[k].strip())  # the title wrapped under itself
                k += 1
            out[i] = f"O {' '.join(words)}"
            i = k
            continue
        elif _ROW.match(line):
            i = _effort(lines, i, out, columns)
            continue
        i += 1
    return out


def _columns(lines: list[str]) -> tuple[tuple[int, int], ...] | None:
    """The columns of the listing, from the ruler under its headings: code, text, key
    figure, unit and bodies, each as ``(start, end)`` in a line."""
    for line in lines:
        m = _RULER.match(line)
        if m:
            spans = [(d.start(), d.end()) for d in re.finditer(r"-+", line)]
            if len(spans) >= 5:
                return tuple(spans[:5])
    return None


def _effort(lines: list[str], i: int, out: list[str], columns: tuple[tuple[int, int], ...]) -> int:
    """Write the effort whose row is at ``i`` on that line; where the next thing begins."""
    (_, _), (t0, t1), (k0, k1), (u0, u1), (b0, _) = columns
    code = _ROW.match(lines[i]).group(1)  # type: ignore[union-attr]
    first = lines[i]
    key = " ".join([first[k0:k1].strip(), first[u0:u1].strip().lower()]).strip()
    words: list[str] = []
    table: list[list[str]] = []
    bodies = ""
    k = i
    while k < len(lines):
        line = lines[k]
        row = _ROW.match(line)
        if k > i and not (line[:t0].strip() == "" and line.strip()):
            if row and row.group(1) != code:
                break
            if not row:  # page furniture, totals, the next heading: on only to its rest
                on = _continued(lines, k, code)
                if on < 0:
                    break
                k = on
                continue
        k += 1
        text = line[t0 : t1 + 1].strip() if len(line) > t0 else ""
        held = line[b0:].strip() if len(line) > b0 else ""
        if _CONTINUED.match(text):
            continue
        cells = re.split(r"\s{2,}", text)
        if len(cells) > 1 and line[t0 : t0 + 2] == "  ":
            table.append(cells)  # a table of figures, indented in the text
        elif text:
            words.append(text)
        if held and (not bodies or bodies.endswith(",")):
            bodies += held
    said = " ".join(words)
    if table:
        said = f"{said} {markdown_line(table)}"
    number = _NUMBER.match(key)
    if number and number.group(0) not in said:
        said = f"{said} Key figure: {key}."  # "7.9 million times": the column's 7,900,000
    named = [b.strip() for b in bodies.split(",") if b.strip()]
    out[i] = f"· {said} [{', '.join(named)}]" if named else f"· {said}"
    return k


def _continued(lines: list[str], k: int, code: str) -> int:
    """Where the effort ``code`` goes on after a page break at ``k`` (its row again,
    marked as continued), or -1 when something else comes first."""
    for n in range(k, len(lines)):
        row = _ROW.match(lines[n])
        if row:
            return n if row.group(1) == code else -1
        if _SECTION.match(lines[n]) or _MEASURE.match(lines[n]) or lines[n][:1] == "-":
            return -1
    return -1


def _code_table(lines: list[str], out: list[str]) -> None:
    """The code table of the bodies, written as one line of pairs on its first row, each
    name in title case (a name wrapped onto the next line joined)."""
    start = next((i for i, line in enumerate(lines) if _CODE_TABLE.match(line)), None)
    if start is None:
        return
    names: dict[str, str] = {}
    first, last = None, ""
    for i in range(start, len(lines)):
        row, more = _CODE_ROW.match(lines[i]), _NAME_MORE.match(lines[i])
        if row:
            first = i if first is None else first
            last = row.group(1)
            names[last] = row.group(2).strip()
        elif more and last:
            names[last] = f"{names[last]} {more.group(1)}"
    if first is not None and len(names) >= _MIN:
        out[first] = as_note({code: title_case(name) for code, name in names.items()})
