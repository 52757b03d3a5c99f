"""A report kept as XML in a publishing schema (DocBook or one in its spirit), read as the
text it renders.

In such a document ``<section>`` elements nest (the first level a part of the plan, the
next its measures), each with a ``<title>``; an effort is a ``<listitem>``; the bodies in
charge are an attribute of it or an element inside it naming them (``cse:resp="NPA CFA"``,
``<resp><orgname>MOJ</orgname></resp>``); a ``<glossary>`` (or a ``<variablelist>``) of
abbreviations is the legend; ``<table>`` rows are figures; ``<footnote>``, ``<remark>``,
comments and processing instructions (page breaks, running heads) show nothing.

:func:`xml_to_plain` reads the document with the standard library's expat parser (which
expands the entities the document declares) and writes what it shows on the line each
element starts on, the other lines blank: "2. Title" for a section, "O Title" for a
measure, "· text [bodies]" for an effort with its tables as Markdown rows, "NPA: National
Police Agency" for a legend entry. A document that is not well-formed XML, or not such a
report, comes back unchanged (the parser then says what it cannot read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

from corpus.plaintables import markdown_line

__all__ = ["is_xml", "xml_to_plain"]

# An attribute or an element naming an effort's bodies: "cse:resp", "bodies", "ministries"
_BODIES = re.compile(r"^(?:resp\w*|bod(?:y|ies)|ministr\w*|agenc\w*|orgs?|in-?charge|lead)$", re.I)
_HIDDEN = frozenset(
    "footnote remark indexterm revhistory publisher pubdate author authorgroup copyright "
    "legalnotice releaseinfo subtitle".split()
)
_ADMONITIONS = frozenset("note tip important caution warning".split())
_BLOCKS = frozenset(
    "para simpara blockquote literallayout programlisting orderedlist itemizedlist listitem "
    "tgroup thead tbody row formalpara".split()
)
# Elements whose paragraphs are the page's own text, each on its line
_PROSE = frozenset("section article chapter preface abstract info partintro".split())


def is_xml(lines: list[str]) -> bool:
    """Whether a report is an XML document of sections and list items."""
    text = "\n".join(lines[:400])
    head = next((line.strip() for line in lines if line.strip()), "")
    return head.startswith("<") and "<section" in text and "<listitem" in text


def xml_to_plain(lines: list[str]) -> list[str]:
    """The lines of an XML report as the text it shows (as many lines; what it does not
    show is blank). Other reports, and XML that is not well-formed, come back unchanged."""
    if not is_xml(lines):
        return lines
    page = _Page(len(lines))
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda name, attrs: page.start(
        name, attrs, parser.CurrentLineNumber
    )
    parser.EndElementHandler = lambda name: page.end(name)
    parser.CharacterDataHandler = page.text
    try:
        parser.Parse("\n".join(lines), True)
    except expat.ExpatError:
        return lines
    return page.out


@dataclass
class _Frame:
    name: str  # the local name, without its namespace prefix
    line: int  # 0-based line of its start tag
    attrs: dict[str, str]
    said: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class _Page:
    """Collects what each element shows and writes it where the element starts."""

    def __init__(self, size: int) -> None:
        self.out = [""] * size
        self.stack: list[_Frame] = []
        self.sections = 0
        self.title_seen = False

    def start(self, name: str, attrs: dict[str, str], line: int) -> None:
        local = name.rsplit(":", 1)[-1]
        frame = _Frame(local, line - 1, {k.rsplit(":", 1)[-1]: v for k, v in attrs.items()})
        if local == "listitem" and not self._inside("listitem"):
            given = next((v for k, v in frame.attrs.items() if _BODIES.match(k)), "")
            frame.bodies = [b for b in re.split(r"[\s,;]+", given) if b]
        self.stack.append(frame)

    def text(self, data: str) -> None:
        if self.stack and not any(f.name in _HIDDEN for f in self.stack):
            self.stack[-1].said.append(data)

    def end(self, name: str) -> None:
        frame = self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        shown = re.sub(r"\s+", " ", "".join(frame.said)).strip()
        if frame.name in _HIDDEN or parent is None:
            return
        if frame.name == "title":
            self._title(frame, parent, shown)
        elif frame.name == "section":
            return
        elif frame.name == "listitem" and not self._inside("listitem"):
            bodies = f" [{', '.join(frame.bodies)}]" if frame.bodies else ""
            self.out[frame.line] = f"· {shown}{bodies}"
        elif _BODIES.match(frame.name) and self._inside("listitem"):
            item = self._nearest("listitem")
            names = [s.strip() for s in frame.cells] or [b for b in re.split(r"[,;]", shown) if b]
            item.bodies += [n for n in names if n]  # "<resp><orgname>MOJ</orgname>…"
        elif frame.name == "orgname" and _BODIES.match(parent.name):
            parent.cells.append(shown)
        elif frame.name in ("glossentry", "varlistentry"):
            self._legend(frame, shown)
        elif frame.name in ("glossterm", "term"):
            parent.cells.insert(0, shown)
        elif frame.name == "glossdef" or (
            frame.name == "listitem" and parent.name == "varlistentry"
        ):
            parent.cells.append(shown)
        elif frame.name == "entry":
            parent.cells.append(shown)
        elif frame.name == "row":
            self._nearest_table().rows.append(frame.cells)
        elif frame.name in ("table", "informaltable"):
            self._table(frame, shown)
        elif frame.name in _ADMONITIONS:
            if not self._inside("listitem"):
                self.out[frame.line] = f"{frame.name.capitalize()}: {shown}"
        elif frame.name in ("quote", "citetitle", "firstterm") and shown:
            parent.said.append(f"“{shown}”")
        elif frame.name in ("para", "simpara") and parent.name in _PROSE and shown:
            self.out[frame.line] = shown  # a paragraph of the page's own text
        elif frame.name in _BLOCKS:
            parent.said.append(f" {shown} ")  # a paragraph or a nested list: apart
        else:
            parent.said.append(shown)  # "(<date>01-Jun-2070</date> to": as it stands

    def _inside(self, name: str) -> bool:
        return any(f.name == name for f in self.stack)

    def _nearest(self, name: str) -> _Frame:
        return next(f for f in reversed(self.stack) if f.name == name)

    def _nearest_table(self) -> _Frame:
        return next(f for f in reversed(self.stack) if f.name in ("table", "informaltable"))

    def _title(self, frame: _Frame, parent: _Frame, shown: str) -> None:
        if parent.name in ("table", "informaltable"):
            parent.cells.append(shown)  # its caption
            return
        if parent.name in ("blockquote", "figure", "example", *_ADMONITIONS):
            return
        if parent.name == "info" or (not self.title_seen and re.search(r"\bFY\s?\d{4}", shown)):
            if not self.title_seen:
                self.title_seen = True
                self.out[frame.line] = shown
            return
        if parent.name != "section":
            return
        depth = sum(f.name == "section" for f in self.stack)
        if depth == 1:
            label = parent.attrs.get("label", "")
            self.sections = int(label) if label.isdigit() else self.sections + 1
            self.out[frame.line] = f"{self.sections}. {shown}"
        elif depth == 2:
            self.out[frame.line] = f"O {shown}"

    def _legend(self, frame: _Frame, shown: str) -> None:
        if len(frame.cells) >= 2 and re.fullmatch(r"[A-Z][A-Za-z]{1,7}", frame.cells[0]):
            self.out[frame.line] = f"{frame.cells[0]}: {frame.cells[1]}"

    def _table(self, frame: _Frame, shown: str) -> None:
        written = markdown_line(frame.rows, frame.cells[0] if frame.cells else "")
        if self._inside("listitem"):
            self._nearest("listitem").said.append(f" {written} ")  # the effort's figures
        else:
            self.out[frame.line] = written
