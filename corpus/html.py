"""A report saved as a web page's HTML source, read as the page a browser shows.

The standard library's :class:`html.parser.HTMLParser` reads the markup (entities
included); what a browser does not show on screen goes: the head, scripts and styles, the
site's navigation, header and footer, comments, and print-only elements (a folio, a
running head). Each element that makes a block of the page is written on the line it
starts on, one line for one line:

* headings by their rank: the first with a fiscal year is the title, the highest rank
  under it sections ("2. Title", numbered as the heading is, else in order), the next
  measures ("O Title");
* an item of a list an effort ("· text [NPA, CFA]"), its bodies read from where the page
  puts them at its end: a nested list of names, or names in ``<abbr>`` and ``<span>``;
* a table's rows as Markdown rows, a definition list's terms as the legend's entries
  ("CFA: Children and Families Agency"), any other block as its text.

Pure; only a page (an ``<html>`` element, or closed ``<li>``, ``<p>`` and heading tags)
is touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from corpus.headings import labelled_heading

__all__ = ["html_to_plain", "is_html"]

_HIDDEN = frozenset({"head", "script", "style", "nav", "header", "footer", "noscript", "template"})
_BLOCKS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "li", "p", "tr", "dt", "dd", "caption", "div", "td",
     "th", "blockquote", "figcaption", "ul", "ol", "table", "dl"}
)  # fmt: skip
_INLINE_FRAMES = frozenset({"abbr", "span"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "col", "source"})
# A list of bodies: names or abbreviations, each a few capitalised words, commas between.
_NAME = r"[A-Z][\w&'’-]*(?:,?\s+(?:[A-Z][\w&'’-]*|and|of|for|the|on))*"
_BODIES = re.compile(rf"^\s*{_NAME}(?:\s*(?:[,;/]|\band\b)\s*{_NAME})*\s*[.]?\s*$")
_SEPARATOR = re.compile(r"^[\s,;/、]*(?:and)?[\s,;/]*$")


def is_html(lines: list[str]) -> bool:
    """Whether a report is a web page's source."""
    head = "\n".join(lines[:5]).lower()
    closed = sum(1 for line in lines if re.search(r"</(?:li|p|h[1-6])>", line, re.I))
    return "<html" in head or "<!doctype html" in head or closed >= 10


def html_to_plain(lines: list[str]) -> list[str]:
    """The lines of a web page's source as the page shows them (as many lines; what the
    page does not show is blank). Other reports come back unchanged.

    Example:
        >>> page = ["<html><body><h1>FY2066 Efforts</h1>", "<h2>Field 1 Awareness</h2>",
        ...         "<h3>Campaigns</h3><ol><li>Held a &ldquo;forum&rdquo; (July&nbsp;2066).",
        ...         '<span class="org"><abbr title="National Police Agency">NPA</abbr>',
        ...         "</span></li></ol></body></html>"]
        >>> [line for line in html_to_plain(page) if line]
        ['FY2066 Efforts', '1. Awareness', 'O Campaigns', '· Held a “forum” (July 2066). [NPA]']
    """
    if not is_html(lines):
        return lines
    reader = _Reader()
    reader.feed("\n".join(lines))
    reader.close()
    out = [""] * len(lines)
    starts = {line_no - 1 for line_no, _, _ in reader.written}
    for line_no, _, text in sorted(reader.written):
        at = min(max(line_no, 1), len(lines)) - 1
        # a second block begun on the same line goes on the next line no block begins on
        free = next(
            (j for j in range(at, len(out)) if not out[j] and (j == at or j not in starts)), None
        )
        if free is None or any(j in starts for j in range(at + 1, free + 1)):
            out[at] = f"{out[at]} {text}".strip()
        else:
            out[free] = text
    return out


@dataclass
class _Frame:
    tag: str
    line: int
    seq: int  # the order elements begin in
    attrs: dict[str, str]
    pieces: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    rows: list[tuple[int, list[str], bool]] = field(default_factory=list)  # a table's


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Frame] = []
        self.hidden = 0
        self.written: list[tuple[int, int, str]] = []  # (line, order begun, text)
        self.starts: list[str] = []
        self.ranks: list[str] = []  # heading tags under the title, highest first
        self.title_seen = False
        self.section = 0

    # -- the markup ------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {k: v or "" for k, v in attrs}
        if self.hidden or tag in _HIDDEN or "print-only" in named.get("class", ""):
            if tag not in _VOID:
                self.hidden += 1
            return
        if tag in _VOID:
            if tag == "br":
                self.handle_data(" ")
            return
        if tag == "li" and self.stack and self.stack[-1].tag == "li":
            self._close("li")  # an item left open by the next one
        self.stack.append(_Frame(tag, self.getpos()[0], len(self.starts), named))
        self.starts.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.hidden:
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            if tag not in _VOID:
                self.hidden -= 1
            return
        if any(f.tag == tag for f in self.stack):
            self._close(tag)

    def handle_data(self, data: str) -> None:
        if not self.hidden and self.stack:
            self.stack[-1].pieces.append(("text", data))

    # -- what the page shows ---------------------------------------------------------------
    def _close(self, tag: str) -> None:
        while self.stack:
            frame = self.stack.pop()
            self._shown(frame)
            if frame.tag == tag:
                return

    def _shown(self, frame: _Frame) -> None:
        parent = self.stack[-1] if self.stack else None
        text = _text(frame.pieces)
        if frame.tag in _INLINE_FRAMES or frame.tag not in _BLOCKS:
            kind = "bodies" if frame.tag in _INLINE_FRAMES and _BODIES.match(text) else "text"
            if parent is not None:
                parent.pieces.append((kind, _joined(frame.pieces)))
            return
        if frame.tag in ("td", "th") and parent is not None and parent.tag == "tr":
            parent.pieces.append(("head" if frame.tag == "th" else "cell", text))
            return
        if frame.tag == "caption" and parent is not None and parent.tag == "table":
            parent.pieces.append(("caption", text))
            return
        if frame.tag == "tr":
            table = next((f for f in reversed(self.stack) if f.tag == "table"), None)
            cells = [t for kind, t in frame.pieces if kind in ("head", "cell")]
            # a row of the table's head: in <thead>, or of header cells only
            header = any(f.tag == "thead" for f in self.stack) or all(
                kind != "cell" for kind, _ in frame.pieces
            )
            if table is not None and cells:
                table.rows.append((frame.line, cells, header))
            return
        if frame.tag == "table":
            self._table(frame, parent)
            return
        if frame.tag in ("ul", "ol", "dl"):
            items = [t for kind, t in frame.pieces if kind == "item"]
            names = items and all(_BODIES.match(t) and len(t) <= 80 for t in items)
            if parent is not None and parent.tag == "li" and names:
                parent.pieces.append(("bodies", ", ".join(items)))  # the item's tags
            elif parent is not None and parent.tag == "li":
                parent.pieces.append(("text", " ".join(items)))
            return
        if frame.tag == "li" and parent is not None and self._nested(parent):
            parent.pieces.append(("item", text))
            return
        if frame.tag == "dt" and parent is not None:
            parent.pieces.append(("term", text))
            return
        if frame.tag == "dd" and parent is not None:
            terms = [t for kind, t in parent.pieces if kind == "term"]
            if terms:
                self.written.append((frame.line, frame.seq, f"{terms[-1]}: {text}"))
            return
        self._block(frame, text)

    def _nested(self, parent: _Frame) -> bool:
        """Whether a list item belongs to a list inside another item (its tags)."""
        outer = [f.tag for f in self.stack[:-1]]
        return parent.tag in ("ul", "ol") and "li" in outer

    def _block(self, frame: _Frame, text: str) -> None:
        if not text:
            return
        if frame.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading(frame, text)
        elif frame.tag == "li":
            body, bodies = _attributed(frame.pieces)
            self.written.append(
                (frame.line, frame.seq, f"· {body}" + (f" [{bodies}]" if bodies else ""))
            )
        else:
            self.written.append((frame.line, frame.seq, text))

    def _heading(self, frame: _Frame, text: str) -> None:
        if not self.title_seen and re.search(r"\bFY\s?\d{4}\b", text):
            self.title_seen = True
            self.written.append((frame.line, frame.seq, text))
            return
        if frame.tag not in self.ranks and len(self.ranks) < 2:
            self.ranks.append(frame.tag)
        rank = self.ranks.index(frame.tag) if frame.tag in self.ranks else -1
        number, title = labelled_heading(text)
        if rank == 0:
            self.section = number or self.section + 1
            self.written.append((frame.line, frame.seq, f"{self.section}. {title}"))
        elif rank == 1:
            self.written.append((frame.line, frame.seq, f"O {title}"))
        else:
            self.written.append((frame.line, frame.seq, text))

    def _table(self, frame: _Frame, parent: _Frame | None) -> None:
        rows = []
        for _, cells, header in frame.rows:
            rows.append("| " + " | ".join(cells) + " |")
            if header:
                rows.append("|" + "---|" * len(cells))
        caption = _text([p for p in frame.pieces if p[0] == "caption"])
        shown = " ".join(([caption] if caption else []) + rows)
        if parent is not None and parent.tag in ("li", "dd", "p", "td"):
            parent.pieces.append(("text", f" {shown} "))  # a table of the item's figures
        elif shown:
            self.written.append((frame.line, frame.seq, shown))


def _joined(pieces: list[tuple[str, str]]) -> str:
    return "".join(t for _, t in pieces)


def _text(pieces: list[tuple[str, str]]) -> str:
    """The pieces' text as a line: spaces of any kind as one."""
    return re.sub(r"\s+", " ", _joined(pieces).replace("\xa0", " ")).strip()


def _attributed(pieces: list[tuple[str, str]]) -> tuple[str, str]:
    """An item's text and the bodies at its end: a nested list of names, or names marked
    up after the text ("… (2066). <abbr>NPA</abbr>, <abbr>DA</abbr>")."""
    end = len(pieces)
    bodies: list[str] = []
    while end > 0:
        kind, text = pieces[end - 1]
        if kind == "bodies":
            bodies.insert(0, re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip(" ,;."))
        elif not (kind == "text" and _SEPARATOR.match(text)):
            break
        end -= 1
    if not bodies:
        return _text(pieces), ""
    return _text(pieces[:end]), ", ".join(b for b in bodies if b)
