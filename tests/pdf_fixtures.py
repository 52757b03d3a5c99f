"""Plan reports written as PDFs, the way a ministry's PDF looks to an extraction library.

``report_pdf(text, path)`` lays out the lines of a text report on A4 pages and adds what
PDF extraction has to undo: a running header and a footer with the page number on every
page, efforts wrapped over several lines (with a hanging indent after the bullet), long
words hyphenated at a line end, bullets drawn in a dingbat font (extracted as a letter,
not as a bullet), and the report's figure text (the lines the text parse keeps as notes)
set small inside a framed figure. ``bad_pdf`` writes the PDFs planqa must refuse
(encrypted, scanned, truncated, damaged, HTML, empty). Used by ``tests/test_corpus_pdf.py``
and ``benchmarks/pdf_bench.py``; fpdf2 is a dev dependency only.

The font is DejaVu Sans (Debian's fonts-dejavu-core), with the few characters it lacks
(Japanese brackets and letters, full-width forms, a private-use bullet) mapped onto a box
glyph: the box is what a reader sees, but the PDF's Unicode map keeps each character, so
extraction gives back exactly the text that was written.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fpdf import FPDF

from corpus import BUNDLED_PLAN, CorpusError, parse_plan

__all__ = ["TEXT_REPORTS", "PdfLayout", "bad_pdf", "one_page_pdf", "report_pdf", "unicode_font"]

_EVALSET = Path(__file__).resolve().parent.parent / "assistant" / "evalset"
#: The text reports the PDFs are made from: the bundled FY2019 report and the invented
#: development reports (never the held-out ones).
TEXT_REPORTS = (
    BUNDLED_PLAN,
    _EVALSET / "reports" / "fy2020_efforts.txt",
    _EVALSET / "reports" / "fy2023_efforts.txt",
    _EVALSET / "reports2" / "fy2022_efforts.txt",
    _EVALSET / "reports3" / "fy2025_efforts.txt",
    _EVALSET / "reports4" / "fy2018_efforts.txt",
    _EVALSET / "reports5" / "fy2017_efforts.txt",
    _EVALSET / "reports6" / "fy2016_efforts.txt",
)

_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
)
_MM_PER_PT = 25.4 / 72
_HYPHENATABLE = re.compile(r"^([A-Za-z]{8,})([,.;:)]?)$")
# A table row of a text report: cells apart by runs of spaces.
_TABLE_ROW = re.compile(r"\S(?: {3,}|\t+)(?=\S)")
# Bullets drawn in ZapfDingbats: its "l" is a black circle, and pdfminer reports it as "l".
_DINGBAT_BULLET = re.compile(r"^•\s+")


@dataclass(frozen=True)
class PdfLayout:
    """How a report is put on the page.

    Attributes:
        header: Running header at the top of every page ("" for none).
        footer: Footer at the bottom of every page; ``{page}`` and ``{pages}`` are filled in.
        footer_note: Printed on the footer's line, at the left margin ("" for none).
        size: Body font size in points; headings and figures are set relative to it.
        dingbat_bullets: Draw ``•`` bullets with ZapfDingbats (extracted as ``l``).
        hyphenate: Break long words at a line end with a hyphen.
        figures: Set the report's figure text small inside a frame.
    """

    header: str = "Efforts on the Basic Plan on Measures against Child Sexual Exploitation"
    footer: str = "- {page} -"
    footer_note: str = ""
    size: float = 10.0
    dingbat_bullets: bool = True
    hyphenate: bool = True
    figures: bool = True


@cache
def unicode_font() -> Path:
    """DejaVu Sans with a box glyph for the characters it lacks, written once a process
    into a temporary folder removed at exit.

    Raises:
        FileNotFoundError: no DejaVu Sans on this machine (Debian: fonts-dejavu-core).
    """
    from fontTools.ttLib import TTFont

    source = next((p for p in _FONT_CANDIDATES if p.exists()), None)
    if source is None:
        raise FileNotFoundError("DejaVuSans.ttf not found; install fonts-dejavu-core")
    font = TTFont(source)
    box = font.getBestCmap()[ord("□")]
    extra = [*range(0x3000, 0x3100), *range(0x4E00, 0xA000), *range(0xFF00, 0xFF60), 0xF0B7]
    for table in font["cmap"].tables:
        if table.isUnicode() and table.format in (4, 12):
            for code in extra:
                if table.format == 12 or code <= 0xFFFF:
                    table.cmap.setdefault(code, box)
    folder = Path(tempfile.mkdtemp(prefix="planqa-test-font-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    target = folder / "DejaVuSans-boxes.ttf"
    font.save(target)
    return target


def report_pdf(text: str, path: Path, *, layout: PdfLayout | None = None) -> Path:
    """Write the report ``text`` to ``path`` as a PDF laid out by ``layout``.

    A second report in the same text (a line starting with ``FY`` after the first
    title, followed by its own sections) starts on a new page, as two PDFs joined would.

    Example:
        >>> report_pdf(BUNDLED_PLAN.read_text(), tmp_path / "fy2019.pdf")  # doctest: +SKIP
    """
    layout = layout or PdfLayout()
    writer = _Writer(layout, unicode_font(), _figure_text(text))
    lines = text.replace("\r\n", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    for i, raw in enumerate(lines):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            writer.gap()
        elif i == first or writer.is_second_title(line):
            writer.title(line, new_page=i != first)
        else:
            writer.paragraph(line)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer.pdf.output(str(path))
    return path


def _figure_text(text: str) -> frozenset[str]:
    """The lines the text parse keeps as notes on a measure: the figure text of the report."""
    try:
        plan = parse_plan(text, source="fixture")
    except CorpusError:  # two reports in one text: the test wants the refusal, not figures
        return frozenset()
    notes = [n for s in plan.sections for m in s.measures for n in m.notes]
    return frozenset(notes)


class _Writer:
    def __init__(self, layout: PdfLayout, font: Path, figures: frozenset[str]) -> None:
        self.layout = layout
        self.figures = figures if layout.figures else frozenset()
        self.pdf = FPDF(format="A4", unit="mm")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(20, 25, 20)
        self.pdf.add_font("Body", fname=str(font))
        self.pdf.alias_nb_pages("{pages}")
        self.line_height = layout.size * _MM_PER_PT * 1.35
        self.bottom = self.pdf.h - 25
        self.pending_gap = False
        self.titles = 0
        self._new_page()

    # -- page furniture ------------------------------------------------------------------

    def _new_page(self) -> None:
        pdf = self.pdf
        family, size = pdf.font_family, pdf.font_size_pt
        pdf.add_page()
        small = self.layout.size - 2
        pdf.set_font("Body", size=small)
        if self.layout.header:
            pdf.set_xy(pdf.l_margin, 12)
            pdf.cell(pdf.epw, small * _MM_PER_PT, self.layout.header, align="R")
        if self.layout.footer:
            footer = self.layout.footer.format(page=pdf.page_no(), pages="{pages}")
            pdf.set_xy(pdf.l_margin, pdf.h - 15)
            align = "R" if self.layout.footer_note else "C"
            pdf.cell(pdf.epw, small * _MM_PER_PT, footer, align=align)
        if self.layout.footer_note:
            pdf.set_xy(pdf.l_margin, pdf.h - 15)
            pdf.cell(pdf.epw / 2, small * _MM_PER_PT, self.layout.footer_note)
        pdf.set_xy(pdf.l_margin, pdf.t_margin)
        if family:
            pdf.set_font(family, size=size)
        self.pending_gap = False

    def _space_before(self) -> None:
        """The space a blank line of the text leaves (none at the top of a page)."""
        if self.pending_gap and self.pdf.get_y() > self.pdf.t_margin:
            self.pdf.set_y(self.pdf.get_y() + self.line_height * 0.8)
        self.pending_gap = False

    def _room(self, height: float) -> None:
        if self.pdf.get_y() + height > self.bottom:
            self._new_page()

    # -- content ---------------------------------------------------------------------------

    def gap(self) -> None:
        self.pending_gap = True

    def is_second_title(self, line: str) -> bool:
        return self.titles > 0 and bool(re.match(r"^FY\s?(19|20)\d\d\b.*\befforts\b", line, re.I))

    def title(self, line: str, *, new_page: bool) -> None:
        if new_page and self.pdf.get_y() > self.pdf.t_margin:
            self._new_page()
        self.titles += 1
        self._block(line, size=self.layout.size + 2, indent=0.0)

    def paragraph(self, line: str) -> None:
        if line in self.figures:
            self._figure(line)
            return
        if len(_TABLE_ROW.findall(line)) >= 2:
            self._table_row(re.split(r" {3,}|\t+", line))
            return
        bullet = _DINGBAT_BULLET.match(line) if self.layout.dingbat_bullets else None
        if bullet is None:
            self._block(line, size=self.layout.size, indent=0.0)
            return
        self._block(line[bullet.end() :], size=self.layout.size, indent=5.0, dingbat=True)

    def _block(self, text: str, *, size: float, indent: float, dingbat: bool = False) -> None:
        pdf = self.pdf
        self._space_before()
        pdf.set_font("Body", size=size)
        height = size * _MM_PER_PT * 1.35
        for n, row in enumerate(self._wrap(text, pdf.epw - indent)):
            self._room(height)
            y = pdf.get_y()
            if dingbat and n == 0:
                pdf.set_font("ZapfDingbats", size=size * 0.6)
                pdf.set_xy(pdf.l_margin + 0.5, y)
                pdf.cell(indent, height, "l")
                pdf.set_font("Body", size=size)
            pdf.set_xy(pdf.l_margin + indent, y)
            pdf.cell(pdf.epw - indent, height, row)
            pdf.set_xy(pdf.l_margin, y + height)

    def _table_row(self, cells: list[str]) -> None:
        """A row of a table: each cell at the start of its column, columns 8 mm apart."""
        pdf = self.pdf
        pdf.set_font("Body", size=self.layout.size)
        self._space_before()
        self._room(self.line_height)
        y, x = pdf.get_y(), pdf.l_margin
        for cell in cells:
            pdf.set_xy(x, y)
            pdf.cell(pdf.get_string_width(cell), self.line_height, cell)
            x += max(pdf.get_string_width(cell) + 8, pdf.epw / len(cells))
        pdf.set_xy(pdf.l_margin, y + self.line_height)

    def _figure(self, text: str) -> None:
        """Figure text, small, inside a frame indented from both margins."""
        pdf = self.pdf
        size = self.layout.size - 2
        pdf.set_font("Body", size=size)
        height = size * _MM_PER_PT * 1.3
        rows = self._wrap(text, pdf.epw - 30)
        self._room(height * len(rows) + 12)
        top = pdf.get_y() + 3
        pdf.rect(pdf.l_margin + 10, top, pdf.epw - 20, height * len(rows) + 6)
        for n, row in enumerate(rows):
            pdf.set_xy(pdf.l_margin + 15, top + 3 + n * height)
            pdf.cell(pdf.epw - 30, height, row)
        pdf.set_xy(pdf.l_margin, top + height * len(rows) + 9)
        self.pending_gap = False

    def _wrap(self, text: str, width: float) -> list[str]:
        """Greedy line breaking at spaces; a long word that does not fit is hyphenated."""
        rows: list[str] = []
        row = ""
        for word in text.split():
            candidate = f"{row} {word}" if row else word
            if self.pdf.get_string_width(candidate) <= width:
                row = candidate
                continue
            head, tail = self._hyphenated(row, word, width)
            if head:
                rows.append(f"{row} {head}" if row else head)
                row = tail
            else:
                rows.append(row)
                row = word
        if row:
            rows.append(row)
        return rows

    def _hyphenated(self, row: str, word: str, width: float) -> tuple[str, str]:
        """The longest hyphenated head of ``word`` that still fits on ``row`` (and its tail)."""
        match = _HYPHENATABLE.match(word)
        if not self.layout.hyphenate or not row or match is None:
            return "", word
        letters, punctuation = match.groups()
        for cut in range(len(letters) - 3, 2, -1):
            head = letters[:cut] + "-"
            if self.pdf.get_string_width(f"{row} {head}") <= width:
                return head, letters[cut:] + punctuation
        return "", word


# -- PDFs that cannot be read ---------------------------------------------------------------


def one_page_pdf(**encryption: str) -> FPDF:
    """A one-page PDF with a title line, encrypted with ``encryption`` (fpdf2's
    ``set_encryption`` arguments) if given."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.set_y(40)
    pdf.cell(0, 10, "FY2019 Efforts on the Basic Plan")
    if encryption:
        pdf.set_encryption(**encryption)
    return pdf


def _scan(path: Path) -> None:
    """A page that is only a picture of text, as a scanner makes it."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (800, 300), 255)
    ImageDraw.Draw(image).text((40, 40), "FY2019 Efforts on the Basic Plan", fill=0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=190)
    pdf.output(str(path))


def bad_pdf(kind: str, path: Path, good: bytes) -> None:
    """Write to ``path`` a PDF planqa must refuse: ``encrypted`` (with a user password),
    ``scanned`` (a picture of text), ``truncated`` or ``damaged`` (from the bytes of a
    ``good`` PDF), ``html`` (a web page under a .pdf name) or ``empty``."""
    if kind == "encrypted":
        one_page_pdf(owner_password="owner", user_password="secret").output(str(path))
    elif kind == "scanned":
        _scan(path)
    elif kind == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif kind == "damaged":
        path.write_bytes(good[:9] + bytes(range(256)) * 8 + b"\n%%EOF\n")
    elif kind == "html":
        path.write_bytes(b"<!DOCTYPE html>\n<html><body>Report not found</body></html>\n")
    elif kind == "empty":
        path.write_bytes(b"")
