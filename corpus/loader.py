"""Read report files from disk; the only part of ``corpus`` that touches the file system."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from corpus.errors import CorpusError
from corpus.models import Corpus, Plan
from corpus.parser import parse_plan

__all__ = ["BUNDLED_PLAN", "load_corpus", "read_report"]

BUNDLED_PLAN = Path(__file__).resolve().parent / "plans" / "fy2019_efforts.txt"


def read_report(path: Path) -> str:
    """The text of one report file, decoded as UTF-8 (a leading BOM is dropped).

    Raises:
        CorpusError: the file is missing, unreadable or not UTF-8.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(
            f"{path} does not exist; pass a plan report .txt file or a folder"
        ) from None
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc.strerror}; check its permissions") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CorpusError(
            f"{path}, line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); save the report as UTF-8 and try again"
        ) from None


def _report_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
        if not files:
            raise CorpusError(f"{path} holds no .txt reports; put plan report .txt files in it")
        return files
    if not path.exists():
        raise CorpusError(f"{path} does not exist; pass a plan report .txt file or a folder")
    return [path]


def load_corpus(paths: Path | str | Sequence[Path | str] | None = None) -> Corpus:
    """Read and parse one report, a folder of ``.txt`` reports, or several of either.

    Args:
        paths: A file, a folder, or a list of them; None means the bundled FY2019 report.

    Raises:
        CorpusError: a bad file, or two reports for the same fiscal year.

    Example:
        >>> corpus = load_corpus()
        >>> corpus.fiscal_years
        (2019,)
    """
    if paths is None:
        paths = [BUNDLED_PLAN]
    elif isinstance(paths, str | Path):
        paths = [paths]
    files = [f for p in paths for f in _report_files(Path(p))]
    digest = hashlib.sha256()
    by_year: dict[int, Plan] = {}
    for file in files:
        text = read_report(file)
        plan = parse_plan(text, source=file.name)
        if plan.fiscal_year in by_year:
            raise CorpusError(
                f"two reports for FY{plan.fiscal_year}: {by_year[plan.fiscal_year].source} and "
                f"{file.name}; keep one report per fiscal year in a corpus"
            )
        by_year[plan.fiscal_year] = plan
        digest.update(file.name.encode() + b"\0" + text.encode() + b"\0")
    source = ", ".join(str(Path(p)) for p in paths)
    plans = tuple(by_year[y] for y in sorted(by_year))
    # The parse too: a parser that reads the same text differently (a newer planqa) must
    # not reuse an index built from the old efforts.
    parsed = [plan.model_dump(mode="json") for plan in plans]
    digest.update(json.dumps(parsed, sort_keys=True, ensure_ascii=False).encode())
    return Corpus(plans=plans, sha256=digest.hexdigest(), source=source)
