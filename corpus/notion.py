"""A report kept as a team wiki page (Notion, Confluence) and exported to Markdown.

The page opens with a title (an emoji perhaps), a block of properties, callouts
(``<aside>``), a linked contents list and a summary table. A section is a heading with its
number (``## 🗂️ Workstream 1 · Title``); a measure is a toggle block whose summary holds its
number and title (``<summary><strong>Action 1.1</strong> — Title</summary>``); an effort is
a to-do, ticked or not, numbered with keycap digits (``- [x] 1️⃣ Held …``), its lines
wrapped and indented, holding nested bullets, nested to-dos and a pasted table. The bodies
in charge end the effort as inline code (`` `NPA` `CFA` ``) or as badges in a paragraph of
their own (``<kbd>NPA</kbd>``), by abbreviation or in full. A date is a mention
(``@July 11, 2076``, ``@June 1, 2076 → July 31, 2076``). A printed page leaves its footer,
page break and header (``<sub>…</sub>``, ``<div style="page-break-after: …">``) between
items or inside one. The legend is a Markdown table of tags, names and Japanese names.

:func:`notion_to_plain` writes what such a page holds: "1. Title" for a section, "O Title"
for a measure, "· text [NPA, CFA]" for an effort, whole, on its first line; "Note: NPA =
National Police Agency; …" for the legend; everything else is left blank. A report not
written so comes back unchanged. Pure.
"""

from __future__ import annotations

import re

from corpus.legend import as_note
from corpus.plaintables import markdown_line

__all__ = ["notion_to_plain"]

_SECTION = re.compile(r"^#{1,3}\s+(?:\S+\s+)??(?:[A-Z][a-z]+\s+)?(\d{1,2})\s*[·.:—–-]\s+(\S.*)$")
_SUMMARY = re.compile(r"^\s*<summary>(.*)</summary>\s*$")
_NUMBERED = re.compile(r"^(?:[A-Z][a-z]+\s+)?\d{1,2}(?:\.\d{1,2})?\s*[—–:·-]\s*(\S.*)$")
_TODO = re.compile(r"^- \[[ xX]\]\s+((?:\d\ufe0f?\u20e3)+)\s*(.*)$")
_FURNITURE = re.compile(r"^\s*(?:<sub>.*</sub>|<div\b[^>]*>\s*</div>|</?details>|</?aside>)\s*$")
_CODE_TAGS = re.compile(r"(?:\s*`([^`]+)`)+\s*$")
_KBD_LINE = re.compile(r"^\s*(?:<kbd>[^<]+</kbd>\s*)+$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE_ROW = re.compile(r"^[\s|:-]+$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MENTION_RANGE = re.compile(r"@([A-Z][a-z]+ \d{1,2}, \d{4})\s*→\s*")
_MIN_TODOS = 3


def notion_to_plain(lines: list[str]) -> list[str]:
    """``lines`` with a wiki page's sections, toggles and numbered to-dos written as the
    report they hold (as many lines); any other report unchanged."""
    sections = [i for i, line in enumerate(lines) if _SECTION.match(line)]
    todos = sum(1 for line in lines if _TODO.match(line))
    if len(sections) < 2 or todos < _MIN_TODOS:
        return lines
    out = [""] * len(lines)
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title is not None and title < sections[0]:
        out[title] = re.sub(r"^#\s+(?:[^\w\s\"“]+\s+)?", "", lines[title]).strip()
    names = _legend(lines, out)
    full = {name: abbr for abbr, name in names.items()}
    i = sections[0]
    while i < len(lines):
        line = lines[i]
        section, summary, todo = _SECTION.match(line), _SUMMARY.match(line), _TODO.match(line)
        if section:
            out[i] = f"{section.group(1)}. {_plain(section.group(2))}"
        elif summary:
            words = _plain(re.sub(r"<[^>]+>", "", summary.group(1)))
            numbered = _NUMBERED.match(words)
            out[i] = f"O {numbered.group(1) if numbered else words}"
        elif todo:
            i = _effort(lines, i, out, full)
            continue
        i += 1
    return out


def _effort(lines: list[str], i: int, out: list[str], full: dict[str, str]) -> int:
    """Write the to-do that starts at ``i`` on its first line; where it ends: the next
    line at the margin that is not page furniture."""
    m = _TODO.match(lines[i])
    assert m is not None
    head, rest = [m.group(2)], list[str]()  # the first paragraph; what follows it
    bodies: list[str] = []
    rows: list[list[str]] = []
    k = i + 1
    while k < len(lines):
        line = lines[k]
        if line.strip() and not line.startswith(" ") and not _FURNITURE.match(line):
            break
        k += 1
        if not line.strip() or _FURNITURE.match(line):
            if not line.strip() and not rest:
                rest.append("")  # a blank line ends the first paragraph
            continue
        table = _TABLE_ROW.match(line)
        nested = re.match(r"^\s+-\s+(?:\[[ xX]\]\s+)?(.*)$", line)
        if _KBD_LINE.match(line):
            bodies += re.findall(r"<kbd>([^<]+)</kbd>", line)
        elif table:
            row = [c.strip() for c in table.group(1).split("|")]
            if not _RULE_ROW.match("|".join(row)):
                rows.append([_plain(c) for c in row])
        elif nested:  # a nested bullet or to-do: "  - [x] Rooms in Kobe …"
            rest.append(f"\x00{nested.group(1)}")
        elif rest:
            rest.append(line.strip())
        else:
            head.append(line.strip())
    first = " ".join(head)
    tags = _CODE_TAGS.search(first)  # `NPA` `CFA` at the end of the first paragraph
    if tags:
        bodies = re.findall(r"`([^`]+)`", tags.group(0)) + bodies
        first = first[: tags.start()]
    text = first.strip()
    for part in (r for r in rest if r):
        if part.startswith("\x00"):  # an item: after a full stop, or a semicolon
            text = text.rstrip(";") + ("" if text.endswith((".", ":", ";")) else ";")
        text = f"{text} {part.lstrip(chr(0))}"
    text = _plain(text)
    if rows:
        text = f"{text} {markdown_line(rows)}"
    named = [full.get(b.strip(), b.strip()) for b in bodies]
    out[i] = f"· {text} [{', '.join(named)}]" if named else f"· {text}"
    return k


def _plain(text: str) -> str:
    """Links as their words, date mentions as dates, bold as plain."""
    text = _LINK.sub(r"\1", text)
    text = _MENTION_RANGE.sub(r"\1 – ", text)
    text = re.sub(r"@(?=[A-Z][a-z]+\s+\d)", "", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _legend(lines: list[str], out: list[str]) -> dict[str, str]:
    """The table of tags (`` `NPA` | National Police Agency | 警察庁``), written as one line
    of pairs where it starts; each abbreviation's name."""
    names: dict[str, str] = {}
    start = None
    for i, line in enumerate(lines):
        row = _TABLE_ROW.match(line)
        cells = [c.strip() for c in row.group(1).split("|")] if row else []
        tag = re.fullmatch(r"`([A-Z][A-Za-z0-9&]{1,7})`", cells[0]) if cells else None
        if tag and len(cells) > 1 and cells[1]:
            names[tag.group(1)] = cells[1]
            start = i if start is None else start
    if len(names) < 3 or start is None:
        return {}
    out[start] = as_note(names)
    return names
