"""Read report files from disk: text reports here, PDF reports through :mod:`corpus.pdf`."""

from __future__ import annotations

import codecs
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus.errors import CorpusError
from corpus.models import Corpus, Plan
from corpus.parser import parse_plan
from corpus.pdf import PDF_TEXT_BYTES_PER_PAGE, is_pdf, pdf_page_count, pdf_report_text

__all__ = [
    "BUNDLED_PLAN",
    "MAX_CORPUS_BYTES",
    "check_corpus_size",
    "corpus_files",
    "load_corpus",
    "read_report",
]

BUNDLED_PLAN = Path(__file__).resolve().parent / "plans" / "fy2019_efforts.txt"

# The most report text `planqa index`, `ask`, `search` and `serve` read without `--yes`:
# 2 MB of report files. A yearly report is 5-15 KB, about 300 bytes an effort, so this is
# some 150 reports or 6,500 efforts, whose embedding takes about three minutes on two cores
# (README, Benchmarks: 10,000 efforts in 298 s). More than that is most likely a wrong
# folder; --yes reads it anyway, showing progress.
MAX_CORPUS_BYTES = 2_000_000
_BYTES_PER_EFFORT = 300

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
_SAVE_AS = "save the report as UTF-8 (or UTF-16 with a byte-order mark) and try again"
_REPORT_SUFFIXES = (".txt", ".pdf")


def read_report(path: Path) -> str:
    """The text of one report file: UTF-8, or UTF-8/UTF-16/UTF-32 with a byte-order mark.

    The mark says the encoding for certain; without one the text must be UTF-8. Legacy
    encodings (Shift_JIS, cp1252) are refused rather than guessed: a wrong guess would
    put misspelt names into answers and citations without anyone noticing. A ``.pdf``
    gives the text planqa extracts from it, whose lines are the ones efforts cite.

    Raises:
        CorpusError: the file is missing or unreadable, or its bytes are not text in the
            encoding its mark (or the lack of one) names; for a PDF, see
            :func:`corpus.pdf.pdf_report_text`.

    Example:
        >>> read_report(BUNDLED_PLAN).splitlines()[0][:14]
        'FY2019 Efforts'
    """
    if is_pdf(path):
        return pdf_report_text(path)[0]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(
            f"{path} does not exist; pass a plan report (.txt or .pdf) or a folder"
        ) from None
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc.strerror}; check its permissions") from None
    return _decode(data, path)


def _decode(data: bytes, path: Path) -> str:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise CorpusError(
                    f"{path} starts with a {label} byte-order mark but is not {label} text "
                    f"({exc.reason} at byte offset {exc.start + len(bom)}); {_SAVE_AS}"
                ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CorpusError(
            f"{path}, line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); {_SAVE_AS}"
        ) from None
    if _utf16_without_bom(data):
        raise CorpusError(
            f"{path}: not UTF-8 text (every other byte is 0: UTF-16 saved without a "
            f"byte-order mark?); {_SAVE_AS}"
        )
    return text


def _utf16_without_bom(data: bytes) -> bool:
    """Mostly zero bytes at the even or the odd offsets: ASCII text in UTF-16 or UTF-32.

    Such bytes are valid UTF-8 (a zero byte is U+0000), so only their shape tells.
    """
    sample = data[:4096]
    if len(sample) < 8:
        return False
    half = len(sample) // 2
    return max(sample[0::2].count(0), sample[1::2].count(0)) > half * 0.6


def corpus_files(paths: Path | str | Sequence[Path | str] | None = None) -> list[Path]:
    """The report files a corpus argument names, each once, in the order given.

    A folder gives its ``.txt`` and ``.pdf`` files by name; a file given twice (or a file
    and its folder) is read once.

    Raises:
        CorpusError: a path that does not exist, or a folder without ``.txt`` or ``.pdf``
            reports.
    """
    files: dict[Path, Path] = {}
    for file in (f for p in _as_list(paths) for f in _report_files(Path(p))):
        files.setdefault(file.resolve(), file)
    return list(files.values())


def _report_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(
            p for p in path.iterdir() if p.suffix.lower() in _REPORT_SUFFIXES and p.is_file()
        )
        if not files:
            raise CorpusError(
                f"{path} holds no .txt reports (nor .pdf ones); put plan report .txt or .pdf "
                "files in it"
            )
        return files
    if not path.exists():
        raise CorpusError(f"{path} does not exist; pass a plan report (.txt or .pdf) or a folder")
    return [path]


def _size(file: Path) -> int:
    """Bytes of report text: a text file's size, or a PDF's pages at 3 KB of text each
    (a PDF's own size says more about its pictures and fonts than about its text)."""
    if is_pdf(file):
        return pdf_page_count(file) * PDF_TEXT_BYTES_PER_PAGE
    try:
        return file.stat().st_size
    except OSError as exc:
        raise CorpusError(f"cannot read {file}: {exc.strerror}; check its permissions") from None


def _read(file: Path) -> tuple[str, tuple[int, ...] | None]:
    """A report's text and, for a PDF, the page of each of its lines."""
    if is_pdf(file):
        return pdf_report_text(file)
    return read_report(file), None


def check_corpus_size(
    paths: Path | str | Sequence[Path | str] | None = None, *, confirmed: bool = False
) -> bool:
    """Whether the corpus is over :data:`MAX_CORPUS_BYTES`; refused then unless ``confirmed``.

    Only the files' sizes are read (and a PDF's page count), so a wrong folder is stopped
    before anything is parsed.

    Raises:
        CorpusError: the corpus is over the limit and not ``confirmed`` (the message says
            how big it is and to pass ``--yes``), or a path cannot be read.

    Example:
        >>> check_corpus_size()  # the bundled report, 5 KB
        False
    """
    files = corpus_files(paths)
    total = sum(_size(f) for f in files)
    if total <= MAX_CORPUS_BYTES:
        return False
    if not confirmed:
        where = ", ".join(str(p) for p in _as_list(paths))
        raise CorpusError(
            f"the corpus in {where} is {_megabytes(total)} of report text in {len(files):,} "
            f"file{'s' if len(files) > 1 else ''} (about {total // _BYTES_PER_EFFORT:,} efforts), "
            f"over the {_megabytes(MAX_CORPUS_BYTES)} planqa reads without asking: indexing it "
            "may take many minutes; pass --yes to go on"
        )
    return True


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} KB"


def load_corpus(
    paths: Path | str | Sequence[Path | str] | None = None, *, progress: bool = False
) -> Corpus:
    """Read and parse one report, a folder of reports, or several of either.

    A report is a ``.txt`` file or a ``.pdf``; a folder may mix them. A PDF's efforts
    also carry the page they start on.

    Args:
        paths: A file, a folder, or a list of them; None means the bundled FY2019 report.
        progress: Show a progress bar of the bytes parsed on stderr.

    Raises:
        CorpusError: a bad file, a file holding more than one report or no effort at
            all, or two reports for the same fiscal year.

    Example:
        >>> corpus = load_corpus()
        >>> corpus.fiscal_years
        (2019,)
    """
    given = _as_list(paths)
    files = corpus_files(given)
    digest = hashlib.sha256()
    by_year: dict[int, tuple[Path, Plan]] = {}
    sizes = [_size(f) for f in files] if progress else [0] * len(files)
    bar = _progress_bar(sum(sizes)) if progress else None
    for file, size in zip(files, sizes, strict=True):
        text, pages = _read(file)
        if pages is None:
            plan = parse_plan(text, source=file.name)
        else:  # a PDF: each effort also keeps the page it starts on
            plan = parse_plan(text, source=file.name, pages=pages)
        if plan.effort_count == 0:
            # its sections read, nothing credited to a ministry under them: a form the
            # parser took for another, which would answer every question with nothing
            raise CorpusError(
                f"{file.name}: {len(plan.sections)} sections were read but no effort in them "
                "(expected lines like '· Held a forum (July 2020). [CAO and NPA]'); the "
                "report may be in a form planqa does not read yet: save it as plain text or "
                "PDF and try again, or report the file"
            )
        if plan.fiscal_year in by_year:
            other = by_year[plan.fiscal_year][0]
            # Two files of one name in two folders are told apart by their paths.
            same_name = other.name == file.name
            first, second = (other, file) if same_name else (other.name, file.name)
            raise CorpusError(
                f"two reports for FY{plan.fiscal_year}: {first} and {second}; "
                "keep one report per fiscal year in a corpus"
            )
        by_year[plan.fiscal_year] = (file, plan)
        digest.update(file.name.encode() + b"\0" + text.encode() + b"\0")
        if bar is not None:
            bar.update(size)
    if bar is not None:
        bar.close()
    source = ", ".join(str(Path(p)) for p in given)
    plans = tuple(by_year[y][1] for y in sorted(by_year))
    # The parse too: a parser that reads the same text differently (a newer planqa) must
    # not reuse an index built from the old efforts.
    parsed = [plan.model_dump(mode="json") for plan in plans]
    digest.update(json.dumps(parsed, sort_keys=True, ensure_ascii=False).encode())
    return Corpus(plans=plans, sha256=digest.hexdigest(), source=source)


def _as_list(paths: Path | str | Sequence[Path | str] | None) -> list[Path | str]:
    if paths is None:
        return [BUNDLED_PLAN]
    if isinstance(paths, str | Path):
        return [paths]
    return list(paths)


def _progress_bar(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc="parsing", unit="B", unit_scale=True, file=sys.stderr)
