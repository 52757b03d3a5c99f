"""A report printed from a survey tool's export: one filled-in form per effort.

Each response is a record of fields, ``Key = value`` under a ``----- record 3 of 65 -----``
line or ``Label: value`` records apart by blank lines (a legacy template), a long value
wrapped onto indented lines, across a page break too: the section and measure numbers, the
measure's title (repeated in each record), the effort's number, the lead body and the
other bodies (codes joined by ``;``, or ``Other: Consumer Affairs Agency`` as free text), the
narrative, perhaps a grid of figures set apart by spaces, dates and a status. A ``[GROUP]``
block names each section's title; a codebook at the end gives each body code its label
(``code=NPA label="National Police Agency"``), and a submission log and running heads and
footers come with it.

:func:`forms_to_plain` writes what such a report holds: the form's title, "2. Title" for a
section (on the first record of it), "O Title" for a measure (on the first line of its
first record), "· narrative [CFA, NPA]" for an effort on its narrative's first line (a grid
as Markdown rows), and "Note: NPA = National Police Agency; …" for the codebook; the other
lines are left blank. A withdrawn response is no effort. A report not written so comes back
unchanged. Pure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from corpus.legend import as_note
from corpus.plaintables import markdown_line

__all__ = ["forms_to_plain"]

_RECORD = re.compile(r"^-{3,}\s*records?\s+\d+\b.*$", re.I)
_GROUP = re.compile(r"^\[GROUP\]\s*(.*)$")
_FIELD = re.compile(r"^([A-Za-z][A-Za-z_ ]{1,30}?)\s*(?:=|:)(?:\s(.*)|)$")
_CODE = re.compile(r'^\s*code\s*=\s*([A-Z][A-Za-z]{1,5})\s+label\s*=\s*"([^"]*)(")?')
_TITLE_YEAR = re.compile(r"\bFY\s?((?:19|20)\d\d)\b")
_MIN = 3
# What a field is, by its name ("Section_No", "Section number", …).
_ROLES = {
    "id": ("response id", "record id", "id"),
    "section": ("section no", "section number", "section"),
    "section title": ("section title",),
    "measure": ("measure no", "measure number", "measure"),
    "measure title": ("measure title",),
    "lead": ("lead body", "lead", "lead ministry"),
    "co": ("co bodies", "other bodies", "co ministries", "partner bodies"),
    "text": ("narrative", "description", "effort text", "details"),
    "grid": ("figures grid", "figures", "table"),
    "status": ("status",),
    "title": ("form title",),
}
_ROLE = {name: role for role, names in _ROLES.items() for name in names}


@dataclass
class _Field:
    line: int
    value: list[str] = field(default_factory=list)


def forms_to_plain(lines: list[str]) -> list[str]:
    """``lines`` with an export's response records written as the report they hold (as
    many lines); any other report unchanged."""
    records = _records(lines)
    efforts = [r for r in records if "text" in r and "measure title" in r]
    if len(efforts) < _MIN or sum(1 for line in lines if _RECORD.match(line)) < _MIN:
        return lines
    out = [""] * len(lines)
    names = _codebook(lines, out)
    full = {label.lower(): code for code, label in names.items()}
    titles: dict[str, str] = {}
    section, measure = "", ""
    for record in records:
        if "section title" in record and "text" not in record:  # a [GROUP] block
            titles[_one(record, "section")] = _one(record, "section title")
            continue
        if "title" in record and _TITLE_YEAR.search(_one(record, "title")):
            out[record["title"].line] = _one(record, "title")
        if "text" not in record or _one(record, "status").lower() == "withdrawn":
            continue
        number, title = _one(record, "section"), _one(record, "measure title")
        free = sorted(f.line for f in record.values())  # the record's lines, in order
        if number != section:
            out[free.pop(0)] = f"{number}. {titles.get(number, '')}".rstrip()
            section, measure = number, ""
        if title != measure:
            out[free[0]] = f"O {title}"
            measure = title
        out[record["text"].line] = _effort(record, full)
    return out


def _records(lines: list[str]) -> list[dict[str, _Field]]:
    """Each record's fields by role, in file order: a record ends at a record line, a
    group line or a blank line; a field goes on over indented lines, across a page's
    running lines."""
    running = _running(lines)
    records: list[dict[str, _Field]] = []
    current: dict[str, _Field] = {}
    last: _Field | None = None
    broken = False  # within a page break: its running lines and the blank lines round them
    for i, line in enumerate(lines):
        if line.strip() in running:
            broken = True
            continue
        if _RECORD.match(line) or _GROUP.match(line) or not line.strip():
            if not line.strip() and last is not None and _goes_on(lines, i, running, current):
                continue  # a page break inside a wrapped value or between two fields
            if not line.strip() and broken and last is not None:
                continue
            if current:
                records.append(current)
            current, last = {}, None
            group = _GROUP.match(line)
            if group and (m := _FIELD.match(group.group(1))):
                last = current[_role(m.group(1))] = _Field(i, [m.group(2) or ""])
            continue
        broken = False
        m = _FIELD.match(line)
        if m and not line[0].isspace():
            role = _role(m.group(1))
            last = _Field(i, [m.group(2) or ""])
            if role and role not in current:
                current[role] = last
        elif last is not None:
            last.value.append(line.strip())
    if current:
        records.append(current)
    return records


def _role(name: str) -> str:
    return _ROLE.get(re.sub(r"[_\s]+", " ", name).strip().lower(), "")


def _goes_on(lines: list[str], i: int, running: set[str], current: dict[str, _Field]) -> bool:
    """Whether the record goes on after the blank line at ``i``: the next line that is
    neither blank nor a page's is an indented one (a wrapped value), or, past a page
    break, a field the record does not have yet."""
    crossed = False
    for line in lines[i:]:
        if not line.strip():
            continue
        if line.strip() in running:
            crossed = True
            continue
        if line[:1].isspace():
            return True
        m = _FIELD.match(line)
        return crossed and m is not None and _role(m.group(1)) not in current
    return False


def _running(lines: list[str]) -> set[str]:
    """Running heads and footers: lines that repeat but for their figures, no field,
    record line or part of a wrapped value."""
    shapes = Counter(re.sub(r"\d", "0", line.strip()) for line in lines if line.strip())
    return {
        line.strip()
        for line in lines
        if line.strip()
        and not line[0].isspace()
        and shapes[re.sub(r"\d", "0", line.strip())] >= _MIN
        and not _FIELD.match(line)
        and not _RECORD.match(line)
        and not _GROUP.match(line)
    }


def _one(record: dict[str, _Field], role: str) -> str:
    """A field's value on one line ("" when the record has none)."""
    found = record.get(role)
    return " ".join(v for v in found.value if v).strip() if found else ""


def _effort(record: dict[str, _Field], full: dict[str, str]) -> str:
    """The effort line: its narrative, its grid as Markdown rows, its bodies."""
    text = _one(record, "text")
    grid = [re.split(r"\s{2,}", row.strip()) for row in record.get("grid", _Field(0)).value]
    if any(len(row) > 1 for row in grid):
        text = f"{text} {markdown_line([row for row in grid if row != ['']])}"
    bodies = [_one(record, "lead")] + re.split(r"\s*;\s*", _one(record, "co"))
    named = []
    for body in bodies:
        body = re.sub(r"^Other:\s*", "", body.strip(), flags=re.I)
        if body:
            named.append(full.get(body.lower(), body))
    return f"· {text} [{', '.join(dict.fromkeys(named))}]" if named else f"· {text}"


def _codebook(lines: list[str], out: list[str]) -> dict[str, str]:
    """The body codes and their labels (a label wrapped onto the next line too), written
    as one line of pairs on the first; the code for "Other (please specify)" is none."""
    names: dict[str, str] = {}
    first = None
    for i, line in enumerate(lines):
        m = _CODE.match(line)
        if not m:
            continue
        label = m.group(2)
        if not m.group(3) and i + 1 < len(lines):  # the label wrapped
            label = label + " " + lines[i + 1].strip().rstrip('"')
        if not label.lower().startswith("other"):
            first = i if first is None else first
            names[m.group(1)] = label.strip()
    if len(names) < _MIN or first is None:
        return {}
    out[first] = as_note(names)
    return names
