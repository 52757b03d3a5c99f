"""The text layer of a PDF report: its pages, as extracted, into the lines the parser reads.

Extraction (:mod:`corpus.pdf`) gives each page as lines of text with their place on the
page. A report's text file has one line per heading, effort or paragraph; a PDF breaks
those over lines and pages and adds furniture. This module, pure, undoes that:

* **page furniture** goes: a line in the top or bottom 5% of the page, a page number at
  the top or bottom ("- 3 -", "Page 3 of 12"), and a running header or footer (a line near
  the top or bottom with the same words, digits aside, at the same height on at least half
  the pages). A title ("FY2020 Efforts on ...") is never taken for a running header: two
  reports in one PDF each start a page with one, and must be seen to be refused;
* **wrapped lines** are joined into their paragraph, across a page break too: a line
  continues the one before when no gap separates them, they are set in one size, the
  line before ends no effort (``[NPA]``), the line opens nothing new (a section, a measure,
  a bullet) and its first word would not have fitted at the end of the line before
  (which is why the line broke); a word hyphenated at the line end is joined whole;
* **figure text** (lines inside a framed box or over a picture) is joined within its
  figure and never with the text around it, so the parser keeps it as one note;
* a **gap** between paragraphs, and a page break between them, becomes a blank line, as
  in a report's text file.

What is left for the common text layer (:mod:`corpus.layout`): bullets extracted as a
dingbat's letter, ligatures, footnote marks, and the same clean-up a text report gets.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from corpus.integrity import is_title_line
from corpus.layout import is_page_number, rejoin
from corpus.parser import opens_block

__all__ = ["PdfLine", "PdfPage", "report_lines", "report_text"]

# Headers and footers sit in the outer 5% of the page (15 mm of an A4 page), where no
# report's own text starts.
_MARGIN_BAND = 0.05
# How many lines at the top and at the bottom of a page may be furniture.
_EDGE_LINES = 3
# A running header or footer repeats within this many points of the same height.
_SAME_PLACE = 3.0
_ENDS_EFFORT = re.compile(r"[\]］】〕]\s*[.。]?$")
_BROKEN_WORD = re.compile(r"[a-z]-$")
_LINE_BREAK = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


@dataclass(frozen=True)
class PdfLine:
    """One line of text as extracted, with its box on the page (points, top-left origin).

    Attributes:
        first_word: Width of its first word: would it have fitted on the line before?
        frame: Index of the figure (a framed box or a picture) the line sits in, if any.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first_word: float = 0.0
    frame: int | None = None

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class PdfPage:
    """One page: its 1-based number, its size in points and its lines, top to bottom."""

    number: int
    width: float
    height: float
    lines: tuple[PdfLine, ...]


def report_text(pages: Sequence[PdfPage]) -> tuple[str, tuple[int, ...]]:
    """The report's text, one line per heading, effort or paragraph, and each line's page.

    Example:
        >>> page = PdfPage(1, 600, 800, (PdfLine("FY2020 Efforts", 50, 150, 60, 70),))
        >>> report_text([page])
        ('FY2020 Efforts', (1,))
    """
    lines = report_lines(pages)
    return "\n".join(text for _, text in lines), tuple(page for page, _ in lines)


def report_lines(pages: Sequence[PdfPage]) -> list[tuple[int, str]]:
    """``(page, text)`` for every line of the report, furniture removed, wrapped lines
    joined; a blank line (``""``) where a gap or a page break separates paragraphs."""
    bodies = _without_furniture(pages)
    body_lines = [line for body in bodies for line in body if line.frame is None]
    right = _right_edge(body_lines, max((page.width for page in pages), default=0.0))
    leading = _leading(bodies)
    out: list[tuple[int, str]] = []
    before: PdfLine | None = None
    for page, body in zip(pages, bodies, strict=True):
        for n, line in enumerate(body):
            same_page = n > 0
            if before is not None and _continues(before, line, right, leading, same_page):
                out[-1] = (out[-1][0], _join(out[-1][1], line.text))
            else:
                if out and (not same_page or _gap(before, line) > leading):
                    out.append((page.number, ""))
                out.append((page.number, line.text))
            before = line
    return out


def _without_furniture(pages: Sequence[PdfPage]) -> list[list[PdfLine]]:
    """Each page's lines without headers, footers and page numbers, one line of text each."""
    places: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for page in pages:
        for line in _edges(page):
            places[_shape(line.text)].append((page.number, line.top))
    # A running header or footer is on at least half the pages (every other one, for the
    # left and right pages of a book), and on two at least.
    repeated = max(2, (len(pages) + 1) // 2)
    bodies = []
    for page in pages:
        edges = {id(line) for line in _edges(page)}
        kept = [
            line
            for line in page.lines
            if line.text.strip()
            and not _in_margin(line, page)
            and not (id(line) in edges and _furniture(line, places, repeated))
        ]
        # A line holds no line break of its own: the parser would read two lines.
        bodies.append([replace(line, text=_LINE_BREAK.sub(" ", line.text)) for line in kept])
    return bodies


def _in_margin(line: PdfLine, page: PdfPage) -> bool:
    band = page.height * _MARGIN_BAND
    return line.bottom < band or line.top > page.height - band


def _furniture(line: PdfLine, places: dict[str, list[tuple[int, float]]], repeated: int) -> bool:
    """Whether a line at the top or bottom of its page is a page number or a running
    header or footer."""
    if is_page_number(line.text.strip()):
        return True
    if opens_block(line.text) or _ENDS_EFFORT.search(line.text) or is_title_line(line.text):
        return False  # a title, a heading or an effort is the report's own, however often
    return len(_pages_with(places[_shape(line.text)], line.top)) >= repeated


def _pages_with(places: Sequence[tuple[int, float]], top: float) -> set[int]:
    """The pages on which a line of this shape sits at this height."""
    return {number for number, at in places if abs(at - top) <= _SAME_PLACE}


def _edges(page: PdfPage) -> list[PdfLine]:
    lines = [line for line in page.lines if line.text.strip()]
    if len(lines) <= 2 * _EDGE_LINES:
        return lines
    return lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]


def _shape(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text.lower()).split())


def _right_edge(lines: Sequence[PdfLine], width: float) -> float:
    """Where the body's lines end when they are full: among the ends near the furthest
    (within 15% of the page, the room a long word leaves), the furthest that another line
    also reaches within 6 pt, so that one line running over the margin does not count."""
    ends = sorted((line.x1 for line in lines), reverse=True)
    near = [end for end in ends if end >= ends[0] - 0.15 * width] if ends else []
    for end, following in zip(near, near[1:], strict=False):
        if end - following <= 6.0:
            return end
    return ends[0] if ends else 0.0


def _leading(bodies: Sequence[Sequence[PdfLine]]) -> float:
    """The gap above which two lines are two paragraphs: the usual gap between the lines
    of a paragraph (the lower quartile of all gaps: lines within paragraphs are the closest),
    plus 40% of a line."""
    gaps = sorted(
        _gap(a, b)
        for body in bodies
        for a, b in zip(body, body[1:], strict=False)
        if abs(a.height - b.height) < 0.5 and _gap(a, b) >= 0
    )
    heights = [line.height for body in bodies for line in body]
    usual = gaps[len(gaps) // 4] if gaps else 0.0
    return usual + 0.4 * (statistics.median(heights) if heights else 0.0)


def _gap(a: PdfLine | None, b: PdfLine) -> float:
    return b.top - a.bottom if a is not None else 0.0


def _continues(
    before: PdfLine, line: PdfLine, right: float, leading: float, same_page: bool
) -> bool:
    """Whether ``line`` is the next line of the paragraph ``before`` ends."""
    if opens_block(line.text) or _ENDS_EFFORT.search(before.text.strip()):
        return False
    if abs(before.height - line.height) > 0.25 * before.height:
        return False  # another size: a heading and the text under it
    if same_page and _gap(before, line) > leading:
        return False
    if before.frame is not None or line.frame is not None:
        return same_page and before.frame == line.frame  # one figure, one note
    if _BROKEN_WORD.search(before.text) and line.text[:1].islower():
        return True
    space = 0.3 * before.height
    return before.x1 + space + line.first_word > right - 1.0


def _join(text: str, more: str) -> str:
    whole = rejoin(text, more)  # "organi-" + "zed", "https://x.jp/en/" + "report"
    return f"{text} {more}" if whole is None else whole
