"""Read a PDF report's text layer with pdfplumber: the only part of ``corpus`` that opens PDFs.

pdfplumber (over pdfminer.six) gives each line of a page with its box and each character
with its place, which is what the text layer (:mod:`corpus.pages`) needs to tell a wrapped
line from a new paragraph and a running header from the report's own text. pypdf is
faster but gives a page's text without where its lines end (README, "PDF reports").

A PDF that cannot give its text is refused with one line naming the file and what to do:
not a PDF at all (an HTML page saved as ``.pdf``), truncated, password-protected, or a scan
without a text layer.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from corpus.errors import CorpusError
from corpus.pages import PdfLine, PdfPage, report_text

__all__ = ["PDF_TEXT_BYTES_PER_PAGE", "is_pdf", "pdf_page_count", "pdf_report_text", "read_pdf"]

# A page of a report holds about 3 KB of text: the corpus size check counts a PDF's pages.
PDF_TEXT_BYTES_PER_PAGE = 3_000
# A gap between two characters wider than this share of the type size is a space; one
# wider than _COLUMN_GAP is a gap between the columns of a table.
_WORD_GAP = 0.2
_COLUMN_GAP = 1.5
# A frame taking more than half the page is a page border or a background, not a figure.
_MAX_FIGURE_SHARE = 0.5
# What pdfminer gives for a character whose font has no map to Unicode: "(cid:36)".
_GLYPH_NUMBER = re.compile(r"\(cid:\d+\)")
_OCR = "run OCR first (e.g. `ocrmypdf {name} out.pdf`) and load its output"


def is_pdf(path: Path) -> bool:
    """Whether planqa reads ``path`` as a PDF (by its name: ``.pdf`` in any case)."""
    return path.suffix.lower() == ".pdf"


def pdf_report_text(path: Path) -> tuple[str, tuple[int, ...]]:
    """The text of a PDF report as the parser reads it, and the page of each of its lines.

    Raises:
        CorpusError: the file is missing or unreadable, not a PDF, truncated, encrypted,
            or has no text layer.

    Example:
        >>> text, pages = pdf_report_text(Path("fy2019_efforts.pdf"))  # doctest: +SKIP
        >>> text.splitlines()[0][:14], pages[0]  # doctest: +SKIP
        ('FY2019 Efforts', 1)
    """
    return report_text(read_pdf(path))


def read_pdf(path: Path) -> tuple[PdfPage, ...]:
    """Every page of a PDF, as lines of text with their boxes.

    Raises:
        CorpusError: as :func:`pdf_report_text`.
    """
    with _opened(path) as pdf:
        pages = tuple(_page(page) for page in pdf.pages)
    if not any(page.lines for page in pages):
        raise CorpusError(
            f"cannot read {path}: it has no text layer (a scan?); {_OCR.format(name=path.name)}"
        )
    text = "".join(line.text for page in pages for line in page.lines)
    if sum(len(glyph) for glyph in _GLYPH_NUMBER.findall(text)) > 0.2 * len(text):
        raise CorpusError(
            f"cannot read {path}: its fonts have no map to Unicode, so its text comes out as "
            f"glyph numbers; {_OCR.format(name='--force-ocr ' + path.name)}"
        )
    return pages


def pdf_page_count(path: Path) -> int:
    """How many pages a PDF has, without reading their text.

    Raises:
        CorpusError: as :func:`pdf_report_text` (but for a missing text layer).
    """
    with _opened(path) as pdf:
        return len(pdf.pages)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(
            f"{path} does not exist; pass a plan report (.txt or .pdf) or a folder"
        ) from None
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc.strerror}; check its permissions") from None


@contextmanager
def _opened(path: Path) -> Iterator[Any]:
    """The pdfplumber document of ``path``; any failure to read it becomes a CorpusError."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    data = _read_bytes(path)
    _check_bytes(data, path)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            yield pdf
    except CorpusError:
        raise
    except Exception as exc:  # pdfminer raises many kinds of error on a damaged file
        # pdfplumber wraps pdfminer's errors: the first argument is pdfminer's own.
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
            raise CorpusError(
                f"cannot read {path}: it is encrypted (password-protected); open it with its "
                "password and save an unprotected copy (or print it to PDF), then load that"
            ) from None
        reason = (str(inner).strip() or type(inner).__name__)[:120]
        raise CorpusError(
            f"cannot read {path} as a PDF ({reason}); it may be damaged: download it "
            "again, or open it and save it as PDF again"
        ) from None


def _check_bytes(data: bytes, path: Path) -> None:
    """Refuse what is no PDF, or a PDF cut short, before a PDF library guesses at it."""
    if b"%PDF-" not in data[:1024]:
        start = data[:200].lstrip().lower()
        if not data:
            what = "it is empty"
        elif start.startswith((b"<!doctype html", b"<html")) or b"<html" in start:
            what = "it is an HTML page (a web page saved under a .pdf name?)"
        else:
            what = "it does not start like a PDF"
        raise CorpusError(f"{path} is not a PDF: {what}; download the report's PDF again")
    if b"%%EOF" not in data[-2048:]:
        raise CorpusError(
            f"{path} is truncated (its end-of-file marker is missing); download it again"
        )


def _page(page: Any) -> PdfPage:
    """One pdfplumber page as a :class:`PdfPage`, freeing its parsed objects afterwards."""
    try:
        area = float(page.width) * float(page.height)
        frames = [
            (float(box["x0"]), float(box["top"]), float(box["x1"]), float(box["bottom"]))
            for box in [*page.rects, *page.images]
            if 0 < (box["x1"] - box["x0"]) * (box["bottom"] - box["top"]) < _MAX_FIGURE_SHARE * area
        ]
        lines = tuple(
            PdfLine(
                text=_text(_once(found["chars"])),
                x0=float(found["x0"]),
                x1=float(found["x1"]),
                top=float(found["top"]),
                bottom=float(found["bottom"]),
                first_word=_first_word(_once(found["chars"])),
                frame=_frame(found, frames),
            )
            for found in page.extract_text_lines(return_chars=True, strip=True)
            if found["text"].strip()
        )
        return PdfPage(
            number=int(page.page_number),
            width=float(page.width),
            height=float(page.height),
            lines=lines,
        )
    finally:
        page.close()


def _once(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The line's characters, each once: a character printed again over itself (a fake
    bold, a ligature given as two code points) counts once."""
    kept: list[dict[str, Any]] = []
    for char in chars:
        same_place = kept and abs(float(char["x0"]) - float(kept[-1]["x0"])) < 0.5
        if same_place and char["text"] == kept[-1]["text"]:
            continue
        kept.append(char)
    return kept


def _first_word(chars: list[dict[str, Any]]) -> float:
    """Width of a line's first word, from its characters' boxes."""
    if not chars:
        return 0.0
    end = chars[0]
    for char in chars[1:]:
        if char["text"].isspace() or _gap(end, char) > _WORD_GAP * float(char["size"]):
            break
        end = char
    return float(end["x1"]) - float(chars[0]["x0"])


def _text(chars: list[dict[str, Any]]) -> str:
    """A line's text from its characters: words one space apart, the columns of a table
    (a gap of 1.5 em or more) three, as the parser knows table rows in a text report."""
    out: list[str] = []
    before: dict[str, Any] | None = None
    spaced = False
    for char in chars:
        if char["text"].isspace():
            spaced = True
            continue
        if before is not None:
            gap, size = _gap(before, char), float(char["size"])
            if gap > _COLUMN_GAP * size:
                out.append("   ")
            elif spaced or gap > _WORD_GAP * size:
                out.append(" ")
        out.append(char["text"])
        before, spaced = char, False
    return "".join(out)


def _gap(before: dict[str, Any], char: dict[str, Any]) -> float:
    return float(char["x0"]) - float(before["x1"])


def _frame(found: dict[str, Any], frames: list[tuple[float, float, float, float]]) -> int | None:
    """The index of the smallest frame that holds the line, if any."""
    x0, top, x1, bottom = (float(found[k]) for k in ("x0", "top", "x1", "bottom"))
    holding = [
        ((right - left) * (low - high), i)
        for i, (left, high, right, low) in enumerate(frames)
        if left - 1 <= x0 and x1 <= right + 1 and high - 1 <= top and bottom <= low + 1
    ]
    return min(holding)[1] if holding else None
