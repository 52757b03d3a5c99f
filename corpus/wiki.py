"""A report kept as MediaWiki source (a wiki page's wikitext), read as the text it renders.

In wikitext ``== Title ==`` is a heading, ``# item`` a numbered item (``#*`` and ``#:``
lines under it are part of it), ``{{Name|a|b}}`` a template, ``[[Page|label]]`` a link,
``''italics''`` and ``'''bold'''`` emphasis, ``{| … |}`` a table, ``<ref>…</ref>`` a
footnote and ``<!-- … -->`` a comment.

:func:`wiki_to_plain` keeps what the page shows, one line for one line: the first level of
headings with a number are sections ("2. Title"), the next measures ("O Title"), headings
without a number ("See also", "Notes") and what is under them are no part of the plan; an
item is an effort ("· text [bodies]") with its sub-items, its continuation lines and the
tables after it on its own line, and the bodies named by a template of bodies wherever the
item puts it; a template of a date is the date it shows ("{{Date|2068|7|12}}" is "12 July
2068"); a box template of abbreviations is the legend ("CAO: Cabinet Office"); an info box
gives the title; comments, footnotes, categories and other templates show nothing. A
template or a comment cut over several lines is read as one, on its first line.
Pure; only a page with two headings in wiki form and templates or links is touched.
"""

from __future__ import annotations

import re

from corpus.dates import MONTHS
from corpus.headings import labelled_heading
from corpus.plaintables import markdown_line

__all__ = ["is_wiki", "wiki_to_plain"]

_HEADING = re.compile(r"^(={1,6})\s*(.*?)\s*\1\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_INNER_TEMPLATE = re.compile(r"\{\{([^{}]*)\}\}")
_PIPED_LINK = re.compile(r"\[\[([^\[\]|]*)\|([^\[\]]*)\]\]")
_LINK = re.compile(r"\[\[([^\[\]|]*)\]\]")
_EXTERNAL = re.compile(r"\[(?:https?:)?//\S+\s+([^\]]+)\]")
_BOLD = re.compile(r"'''(.+?)'''")
_ITALIC = re.compile(r"''(.+?)''")
_REF = re.compile(r"<ref[^>/]*/>|<ref[^>]*>.*?</ref>", re.S)
_TAG = re.compile(r"</?(?:nowiki|references|small|big|span|sup|sub|br|div|u|s)\b[^>]*/?>", re.I)
_MAGIC = re.compile(r"__[A-Z]+__")
_NAMESPACED = re.compile(r"^(?:category|file|image):", re.I)
# The template that names an item's bodies, shown as "[A, B]" (its name is any that reads
# as "responsible", "bodies" or "ministries": Resp, Bodies, Ministries, In charge)
_BODIES_TEMPLATE = re.compile(r"^(?:resp\w*|bod(?:y|ies)|ministr(?:y|ies)|in\s*charge|lead)$", re.I)
_MARK = "\x02"  # where a template of bodies stood, until the item's line is written
_MONTH_NAMES = {
    n: max((name for name, k in MONTHS.items() if k == n), key=len).capitalize()
    for n in range(1, 13)
}


def is_wiki(lines: list[str]) -> bool:
    """Whether a report is wikitext: two headings in wiki form and templates or links."""
    headings = sum(1 for line in lines if re.match(r"^(={2,6})[^=].*[^=]\1\s*$", line))
    marked = sum(line.count("{{") + line.count("[[") for line in lines)
    return headings >= 2 and marked >= 3


def wiki_to_plain(lines: list[str]) -> list[str]:
    """The lines of a wiki page as the text it shows (as many lines; what it does not
    show is blank). Other reports come back unchanged."""
    if not is_wiki(lines):
        return lines
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), "\n".join(lines))
    text = _REF.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    source = _one_line_templates(text).split("\n")
    return _Page().read(source)


def _one_line_templates(text: str) -> str:
    """``text`` with each template that starts inside a line and runs over several put on
    that line; the line breaks it held come after the line, so the count stays."""
    out: list[str] = []
    i = owed = 0
    while i < len(text):
        if text.startswith("{{", i) and not text[text.rfind("\n", 0, i) + 1 : i].strip() == "":
            end = _closing(text, i)
            end = len(text) if end < 0 else end
            out.append(re.sub(r"\s*\n\s*", " ", text[i:end]))
            owed += text.count("\n", i, end)
            i = end
        elif text[i] == "\n" and owed:
            out.append("\n" * (owed + 1))
            owed, i = 0, i + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out) + "\n" * owed


def _closing(text: str, start: int) -> int:
    """Where the template opened at ``start`` ends (after its ``}}``); -1 if it does not."""
    depth, i = 0, start
    while i < len(text):
        if text.startswith("{{", i):
            depth, i = depth + 1, i + 2
        elif text.startswith("}}", i):
            depth, i = depth - 1, i + 2
            if depth == 0:
                return i
        else:
            i += 1
    return -1


def _template(m: re.Match[str]) -> str:
    """What an inline template shows."""
    name, *args = [a.strip() for a in m.group(1).split("|")]
    positional = [a for a in args if "=" not in a]
    numbers = [int(a) for a in positional if a.isdigit()]
    key = name.lower()
    if _BODIES_TEMPLATE.match(name):
        return _MARK + ", ".join(a for a in positional if a) + _MARK
    if key == "month" and len(numbers) >= 2:
        return _month(numbers[0], numbers[1])
    if key == "date" and len(numbers) >= 3:
        return f"{numbers[2]} {_month(numbers[0], numbers[1])}"
    if key in ("date range", "daterange") and len(numbers) >= 6:
        y1, m1, d1, y2, m2, d2 = numbers[:6]
        first = f"{d1} {_MONTH_NAMES[m1]}" + ("" if y1 == y2 else f" {y1}")
        return f"{first} – {d2} {_month(y2, m2)}"
    if key in ("month range", "monthrange") and len(numbers) >= 4:
        y1, m1, y2, m2 = numbers[:4]
        first = _MONTH_NAMES[m1] + ("" if y1 == y2 else f" {y1}")
        return f"{first} – {_month(y2, m2)}"
    if key in ("tl", "nowrap", "lang", "abbr") and positional:
        return positional[-1] if key != "abbr" else positional[0]
    return ""  # a measure's number ("Mno"), a status, a citation needed: nothing shown


def _month(year: int, month: int) -> str:
    return f"{_MONTH_NAMES.get(month, str(month))} {year}"


def _inline(text: str) -> str:
    """A line's wiki markup as the text it shows."""
    # links first: a link's bar is no template's ("{{Resp|[[Digital Agency|DA]]|CFA}}")
    text = _PIPED_LINK.sub(lambda m: "" if _NAMESPACED.match(m.group(1)) else m.group(2), text)
    text = _LINK.sub(lambda m: "" if _NAMESPACED.match(m.group(1)) else m.group(1), text)
    while True:
        shown = _INNER_TEMPLATE.sub(_template, text)
        if shown == text:
            break
        text = shown
    text = _EXTERNAL.sub(r"\1", text)
    text = _BOLD.sub(r"\1", text)
    # a title in italics is a name: in quotes, unless it has them already
    text = _ITALIC.sub(lambda m: m.group(1) if m.group(1)[:1] in "\"“" else f'"{m.group(1)}"', text)
    text = _MAGIC.sub("", _TAG.sub(" ", text))
    return re.sub(r"[ \t]{2,}", " ", text).strip()


class _Page:
    """Reads a page's lines in order, writing each shown line where it starts."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.item: int | None = None  # the line of the item being read
        self.parts: dict[int, list[str]] = {}
        self.section = 0
        self.shown = True  # False under a heading that is no part of the plan
        self.title_seen = False
        self.block: list[str] | None = None  # a box template's lines, until it closes
        self.block_at = 0
        self.table: list[list[str]] | None = None
        self.table_at = 0
        self.caption = ""
        self.ranks: list[int] = []

    def read(self, source: list[str]) -> list[str]:
        self.out = [""] * len(source)
        for n, line in enumerate(source):
            self._line(n, line)
        for n, parts in self.parts.items():
            self.out[n] = _item_line(parts)
        return self.out

    def _line(self, n: int, line: str) -> None:
        if self.block is not None:
            self._box_line(n, line)
            return
        if self.table is not None:
            self._table_line(line)
            return
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        if heading:
            self._heading(n, len(heading.group(1)), _inline(heading.group(2)))
        elif stripped.startswith("{|"):
            self.table, self.table_at = [], n
        elif stripped.startswith("{{") and _closing(stripped, 0) < 0:
            self.block, self.block_at = [stripped], n  # a box over several lines
        elif stripped.startswith("{{") and _closing(stripped, 0) == len(stripped):
            self.item = None  # a template on a line of its own: a status, a navigation box
        elif not self.shown or not stripped:
            return
        elif re.match(r"^[#*]+[*:]", stripped) and self.item is not None:
            self.parts[self.item].append(_inline(stripped.lstrip("#*: ")))
        elif re.match(r"^[#*](?![#*:])", stripped):
            self.item = n
            self.parts[n] = [_inline(stripped[1:])]
        elif stripped.startswith(":") and self.item is not None:
            self.parts[self.item].append(_inline(stripped.lstrip(": ")))
        else:
            self.item = None
            self.out[n] = _inline(stripped)

    def _heading(self, n: int, level: int, title: str) -> None:
        self.item = None
        if level == 1 or (not self.title_seen and re.search(r"\bFY\s?\d{4}\b", title)):
            self.title_seen = True
            self.out[n] = title
            return
        if level not in self.ranks and len(self.ranks) < 2:
            self.ranks.append(level)
            self.ranks.sort()
        number, words = labelled_heading(title)
        if self.ranks and level == self.ranks[0]:
            self.shown = bool(number)  # "See also", "Notes": no part of the plan
            if number:
                self.section = number
                self.out[n] = f"{number}. {words}"
        elif self.shown and len(self.ranks) > 1 and level == self.ranks[1]:
            self.out[n] = f"O {title}"
        elif self.shown:
            self.out[n] = title

    def _box_line(self, n: int, line: str) -> None:
        assert self.block is not None
        self.block.append(line)
        if _closing("\n".join(self.block), 0) < 0:
            return
        self._box(self.block_at, self.block)
        self.block = None

    def _box(self, at: int, lines: list[str]) -> None:
        """A box template: the legend's rows or the page's title; else nothing shown."""
        params: list[tuple[int, str, str]] = []
        for k, line in enumerate(lines):
            m = re.match(r"^\s*\|\s*([^=|]+?)\s*=\s*(.*)$", line)
            if m:
                params.append((at + k, m.group(1), m.group(2).rstrip("} ")))
            elif params and line.strip() and not line.strip().startswith("}}"):
                row, key, value = params[-1]  # a value wrapped onto the next line
                params[-1] = (row, key, f"{value} {line.strip().rstrip('} ')}")
        for row, key, value in params:
            value = _inline(value)
            if re.fullmatch(r"[A-Z][A-Z]{1,7}|[A-Z][a-z]?[A-Z]{1,6}", key):
                self.out[row] = f"{key}: {value}"  # "CAO = Cabinet Office"
            elif key.lower() == "title" and not self.title_seen and re.search(r"FY\s?\d{4}", value):
                self.title_seen = True
                self.out[row] = value
            elif key.lower() == "title" and "abbreviation" in value.lower():
                self.out[row] = value

    def _table_line(self, line: str) -> None:
        assert self.table is not None
        stripped = line.strip()
        if stripped.startswith("|}"):
            shown = markdown_line(self.table, self.caption)
            if self.item is not None:
                self.parts[self.item].append(shown)  # a table of the item's figures
            else:
                self.out[self.table_at] = shown
            self.table, self.caption = None, ""
        elif stripped.startswith("|+"):
            self.caption = _inline(stripped[2:])
        elif stripped.startswith("|-"):
            self.table.append([])
        elif stripped.startswith(("!", "|")):
            cells = re.split(r"\s*(?:!!|\|\|)\s*", stripped[1:])
            if not self.table:
                self.table.append([])
            self.table[-1].extend(_inline(_cell(c)) for c in cells)


def _cell(cell: str) -> str:
    """A cell's text without its attributes ('style="…" | Seminars held')."""
    head, bar, rest = cell.partition("|")
    return rest if bar and "=" in head and not _PIPED_LINK.search(cell) else cell


def _item_line(parts: list[str]) -> str:
    """An item's line: its text and sub-items, then the bodies its template named."""
    joined = " ".join(p for p in parts if p)
    bodies = re.findall(f"{_MARK}(.*?){_MARK}", joined)
    body = re.sub(f"\\s*{_MARK}.*?{_MARK}", "", joined).strip()
    return f"· {body}" + (f" [{', '.join(bodies)}]" if bodies else "")
