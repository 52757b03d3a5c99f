"""A report kept as AsciiDoc source, read as the text it renders.

In AsciiDoc ``= Title`` is the document's title and ``== Title`` a section (numbered by
the renderer while ``:sectnums:`` is on, an ``[appendix]`` no part of the plan); ``. text``
is an item of a numbered list, ``* text`` one of a list of bullets; a ``+`` alone on a line
joins the next block (a table, a line of bodies) to the item; ``:name: value`` sets an
attribute that ``{name}`` shows; ``[.role]#text#`` marks words; ``|===`` opens and closes a
table; ``TERM:: text`` is an entry of a description list; ``//`` and ``////`` are comments
and ``<<<`` a page break.

:func:`asciidoc_to_plain` keeps what the page shows, one line for one line: sections the
renderer numbers are sections ("2. Title"), the level below measures ("O Title"); an item
is an effort ("· text [bodies]") with its wrapped lines, its nested bullets and the blocks
joined to it on its own line, the bodies from a role or a labelled line of bodies; a
description list of abbreviations is the legend ("NPA: National Police Agency"); an
admonition ("NOTE: …") is a note; comments, page breaks, block attributes, anchors,
includes and footnotes show nothing.
Pure; only a page with AsciiDoc headings and AsciiDoc blocks is touched.
"""

from __future__ import annotations

import re

from corpus.plaintables import markdown_line

__all__ = ["asciidoc_to_plain", "is_asciidoc"]

_HEADING = re.compile(r"^(={1,5})\s+(\S.*?)\s*$")
_ATTRIBUTE = re.compile(r"^:([\w-]+!?):\s*(.*)$")
_BLOCK_ATTRIBUTES = re.compile(r"^\[[^\[\]]*\]\s*$|^\[\[[^\]]*\]\]\s*$")
_BLOCK_TITLE = re.compile(r"^\.[^\s.]")
_DELIMITER = re.compile(r"^(?:={4,}|\*{4,}|-{4,}|_{4,}|\.{4,})\s*$")
_ITEM = re.compile(r"^(\.|\*)\s+(.*)$")
_NESTED = re.compile(r"^(?:\.{2,}|\*{2,}|-)\s+(.*)$")
_TERM = re.compile(r"^([^\s:][^:]{0,40}?)::\s+(.*)$")
_ADMONITION = re.compile(r"^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+(.*)$")
# A role or a label that names an effort's bodies: [.bodies]#NPA, DA#, "Ministry/agency: MOJ"
_BODIES_NAME = r"(?:bod(?:y|ies)|resp\w*|ministr\w*|agenc\w*|org\w*|lead|in[\s-]charge)"
_BODIES_ROLE = re.compile(rf"\[\.{_BODIES_NAME}\]#([^#]*)#", re.I | re.S)
_BODIES_LABEL = re.compile(rf"^(?i:[\w/ -]*{_BODIES_NAME}[\w/ -]*):\s+(\S.*)$")
_MARK = "\x02"


def is_asciidoc(lines: list[str]) -> bool:
    """Whether a report is AsciiDoc: two headings in its form and two of its blocks."""
    headings = sum(1 for line in lines if re.match(r"^={1,5}\s+\S(?!.*\s=+\s*$)", line))
    blocks = sum(
        1
        for line in lines
        if line.strip() in ("<<<", "////", "|===", "+") or _ATTRIBUTE.match(line)
    )
    return headings >= 2 and blocks >= 2


def asciidoc_to_plain(lines: list[str]) -> list[str]:
    """The lines of an AsciiDoc page as the text it shows (as many lines; what it does not
    show is blank). Other reports come back unchanged."""
    if not is_asciidoc(lines):
        return lines
    return _Page(lines).read()


class _Page:
    """Reads a page's lines in order, writing each shown line where it starts."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.out = [""] * len(lines)
        self.attributes: dict[str, str] = {"nbsp": " ", "zwsp": "", "amp": "&"}
        self.numbered = True  # :sectnums: on
        self.appendix = False
        self.shown = True  # False in a section that is no part of the plan
        self.section = 0
        self.title_seen = False
        self.item: int | None = None  # the line of the effort being read
        self.parts: dict[int, list[tuple[str, str]]] = {}
        self.joined = False  # a "+" joined the next block to the item
        self.paragraph: int | None = None  # the line of a shown paragraph going on
        self.header = False  # the lines under the title (author, revision)
        self.table: list[str] | None = None
        self.table_cols = 0
        self.caption = ""
        self.term: int | None = None  # a description list entry's line
        self.titles: dict[str, str] = {}  # the headings' anchors

    def read(self) -> list[str]:
        # "<<m4-new>>" shows the title of the heading under the anchor "[[m4-new]]"
        for above, line in zip(self.lines, self.lines[1:], strict=False):
            anchor, heading = re.match(r"^\[\[([\w-]+)\]\]\s*$", above), _HEADING.match(line)
            if anchor and heading:
                self.titles[anchor.group(1)] = heading.group(2)
        comment = False
        for n, raw in enumerate(self.lines):
            line = raw.rstrip()
            if line.strip() == "////":
                comment = not comment
                continue
            if comment or line.startswith("//") or line.strip() == "<<<":
                continue  # comments and page breaks show nothing and change nothing
            if self.table is not None:
                self._table_line(n, line)
            else:
                self._line(n, line)
        for n, parts in self.parts.items():
            self.out[n] = self._item_line(parts)
        return self.out

    def _line(self, n: int, line: str) -> None:
        stripped = line.strip()
        attribute = _ATTRIBUTE.match(stripped)
        if not stripped:
            self.header = False
            self.paragraph = self.term = None
            self.caption = ""
            return
        if self.header and not attribute:
            return  # the author and revision lines under the title
        heading = _HEADING.match(stripped)
        if attribute:
            self._attribute(attribute.group(1), attribute.group(2))
        elif heading:
            self._heading(n, len(heading.group(1)), self._inline(heading.group(2)))
        elif stripped == "[appendix]":
            self.appendix = True
        elif stripped.startswith("|==="):
            self.table, self.table_at = [], n
        elif _BLOCK_ATTRIBUTES.match(stripped):
            cols = re.search(r'cols="([^"]*)"', stripped)
            if cols:
                self.table_cols = _columns(cols.group(1))
        elif _BLOCK_TITLE.match(stripped):
            self.caption = self._inline(stripped[1:])
        elif stripped == "+":
            self.joined = self.item is not None
        elif _DELIMITER.match(stripped) or stripped.startswith("include::"):
            return
        elif not self.shown:
            return
        else:
            self._text(n, stripped)

    def _text(self, n: int, stripped: str) -> None:
        item = _ITEM.match(stripped)
        nested = _NESTED.match(stripped)
        in_list = self.item is not None and (self.joined or self.paragraph == self.item)
        if item and (item.group(1) == "." or not in_list):
            self.item = self.paragraph = n
            self.parts[n] = [("text", item.group(2))]
            self.joined = False
        elif (nested or item) and self.item is not None:
            said = nested.group(1) if nested else item.group(2)  # type: ignore[union-attr]
            self.parts[self.item].append(("text", said))
            self.paragraph = self.item
        elif self.item is not None and (self.joined or self.paragraph == self.item):
            label = _BODIES_LABEL.match(self._attributes(stripped))
            if label:
                self.parts[self.item].append(("bodies", label.group(1)))
            else:
                self.parts[self.item].append(("text", stripped))
            self.paragraph, self.joined = self.item, False
        elif _TERM.match(stripped):
            term = _TERM.match(stripped)
            assert term is not None
            self.term = n
            self.out[n] = f"{term.group(1)}: {self._inline(term.group(2))}"
        elif self.term is not None:
            self.out[self.term] += " " + self._inline(stripped)  # an entry wrapped
        else:
            self.item = None
            admonition = _ADMONITION.match(stripped)
            shown = self._inline(admonition.group(2) if admonition else stripped)
            self.out[n] = f"{admonition.group(1).capitalize()}: {shown}" if admonition else shown
            self.paragraph = n

    def _attribute(self, name: str, value: str) -> None:
        if name == "sectnums":
            self.numbered = True
        elif name == "sectnums!":
            self.numbered = False
        else:
            self.attributes[name] = value

    def _heading(self, n: int, level: int, title: str) -> None:
        self.item = self.paragraph = None
        if level == 1:
            self.header = not self.title_seen
            if not self.title_seen:
                self.title_seen = True
                self.out[n] = title
            return
        if level == 2:
            self.shown = self.numbered and not self.appendix
            self.appendix = False
            if self.shown:
                self.section += 1
                self.out[n] = f"{self.section}. {title}"
        elif self.shown and level == 3:
            self.out[n] = f"O {title}"
        elif self.shown:
            self.out[n] = title

    def _table_line(self, n: int, line: str) -> None:
        assert self.table is not None
        if not line.strip().startswith("|==="):
            if line.strip():
                self.table.append(line.strip())  # the first row is the head, always
            return
        cells = [c.strip() for row in self.table for c in row.split("|")[1:]]
        cols = self.table_cols or (len(self.table[0].split("|")) - 1 if self.table else 1)
        rows = [cells[k : k + cols] for k in range(0, len(cells), max(cols, 1))]
        shown = markdown_line([[self._inline(c) for c in row] for row in rows], self.caption)
        if self.item is not None and self.joined:
            self.parts[self.item].append(("table", shown))  # a table of the effort's figures
        elif self.shown:
            self.out[self.table_at] = shown
        self.table, self.table_cols, self.caption = None, 0, ""
        self.joined = False

    def _attributes(self, text: str) -> str:
        return re.sub(r"\{([\w-]+)\}", lambda m: self.attributes.get(m.group(1), m.group(0)), text)

    def _inline(self, text: str) -> str:
        """A line's AsciiDoc markup as the text it shows."""
        text = self._attributes(text)
        text = _BODIES_ROLE.sub(lambda m: f"{_MARK}{m.group(1)}{_MARK}", text)
        text = re.sub(r"\s*footnote:[\w-]*\[[^\]]*\]", "", text)
        text = re.sub(r"\bxref:[^\s\[]*\[([^\]]*)\]", r"\1", text)
        text = re.sub(r"\b(?:link:)?(?:https?://|mailto:)[^\s\[]*\[([^\]]*)\]", r"\1", text)
        text = re.sub(r"<<[^,>]*,\s*([^>]*)>>", r"\1", text)
        text = re.sub(r"<<([^>]*)>>", lambda m: self.titles.get(m.group(1), m.group(1)), text)
        text = re.sub(r"\[\.[\w-]+\]#([^#]*)#", r"\1", text)  # other roles: their words
        text = re.sub(r"(?<![\w#])#([^#\n]+)#(?!\w)", r"\1", text)
        text = re.sub(r"\"`([^`]*)`\"", r'"\1"', text)
        text = re.sub(r"'`([^`]*)`'", r"'\1'", text)
        text = re.sub(r"(?<![\w+])\+([^+\n]+)\+(?![\w+])", r"\1", text)
        text = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"\1", text)
        text = re.sub(r"(?<![\w_])_([^_\n]+)_(?![\w_])", r"\1", text)
        text = re.sub(r"`([^`\n]+)`", r"\1", text)
        return re.sub(r"[ \t]{2,}", " ", text).strip()

    def _item_line(self, parts: list[tuple[str, str]]) -> str:
        """An effort's line: its text, nested items and tables, then its bodies."""
        text = self._inline(" ".join(t for kind, t in parts if kind == "text"))
        bodies = re.findall(f"{_MARK}(.*?){_MARK}", text)
        bodies += [self._inline(t) for kind, t in parts if kind == "bodies"]
        text = re.sub(f"\\s*{_MARK}.*?{_MARK}", "", text).strip()
        tables = " ".join(t for kind, t in parts if kind == "table")
        said = " ".join(w for w in (text, tables) if w)
        named = ", ".join(re.sub(r"\s+", " ", b).strip(" ,") for b in bodies if b.strip())
        return f"· {said}" + (f" [{named}]" if named else "")


def _columns(spec: str) -> int:
    """How many columns a ``cols`` attribute gives: "3,>1,>1" is 3, "4*" is 4."""
    multiplied = re.fullmatch(r"\s*(\d+)\*.*", spec)
    return int(multiplied.group(1)) if multiplied else len(spec.split(","))
