"""PDF reports: pdfplumber against pypdf, parse time per page, and the build of ten PDFs.

Ten reports are written as PDFs with ``tests/pdf_fixtures.py`` (page headers and footers,
page numbers, wrapped and hyphenated lines, dingbat bullets, framed figure text): the
bundled FY2019 report, the seven invented development reports, and two synthetic ones
(``corpus.synth``, FY2013 and FY2014, 72 efforts each). Measured, in the same run:

1. **Extraction**, per page, median of ``--rounds``: pdfplumber as planqa uses it (lines
   with their boxes) and pypdf (``extract_text``, plain and layout mode; its lines are
   given boxes estimated from their characters, as pypdf gives no line boxes), each
   followed by the same text layer (``corpus.pages``) and parser, and whether the PDF then
   parses to the plan its text gives.
2. **planqa parse**, per page: ``load_corpus`` of each PDF, next to the same report as text.
3. **Build**: ``load_corpus`` and ``open_index`` with the packaged model into a fresh
   folder, for the ten PDFs and for the same ten reports as text (``--no-build`` skips it).

    python -m benchmarks.pdf_bench [--rounds 3] [--no-build] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import load_average, machine_info

RESULTS = Path(__file__).resolve().parent / "results" / "pdf_bench.json"
_SYNTHETIC_YEARS = (2013, 2014)
# pypdf's text gives characters, not points: a character is taken as 5 pt wide and a line
# of its layout mode as 12 pt high, on a page of 120 characters by its rows plus margins.
_CHAR, _ROW = 5.0, 12.0


def write_reports(folder: Path) -> list[tuple[Path, Path]]:
    """The ten reports as ``(text, pdf)`` pairs, written into ``folder``."""
    from corpus.synth import generate_report
    from tests.pdf_fixtures import TEXT_REPORTS, report_pdf

    texts = list(TEXT_REPORTS)
    for year in _SYNTHETIC_YEARS:
        path = folder / "text" / f"fy{year}_synthetic.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        report = generate_report(
            year, sections=6, measures_per_section=3, efforts_per_measure=4, seed=year
        )
        path.write_text(report, encoding="utf-8")
        texts.append(path)
    pairs = []
    for text in texts:
        pdf = report_pdf(text.read_text(encoding="utf-8"), folder / "pdf" / f"{text.stem}.pdf")
        pairs.append((text, pdf))
    return pairs


_PARTS = ("title", "glossary", "notes", "measures and efforts")


def essentials(plan: Any) -> tuple[Any, ...]:
    """What a reader sees of a plan (``_PARTS``): titles, efforts, ministries, dates, notes."""
    return (
        plan.title,
        plan.glossary,
        plan.notes,
        [
            (s.number, s.title, m.title, m.notes, [(e.id, e.text, e.ministries, e.dates)
                                                   for e in m.efforts])
            for s in plan.sections
            for m in s.measures
        ],
    )  # fmt: skip


def pdfplumber_pages(path: Path) -> Any:
    from corpus.pdf import read_pdf

    return read_pdf(path)


def pypdf_pages(path: Path, mode: str) -> Any:
    """pypdf's text of each page as :class:`PdfPage` lines, with boxes estimated from
    characters: the best a text-only extraction can give the text layer."""
    import re

    import pypdf

    from corpus.pages import PdfLine, PdfPage

    pages = []
    for number, page in enumerate(pypdf.PdfReader(path).pages, start=1):
        rows = (page.extract_text(extraction_mode=mode) or "").split("\n")
        lines = []
        for r, row in enumerate(rows):
            body = row.strip()
            if not body:
                continue
            text = re.sub(r" {3,}", "   ", body) if mode == "layout" else " ".join(body.split())
            top = (r + 8) * _ROW  # past a top margin, as on a page
            lines.append(
                PdfLine(
                    text=text,
                    x0=(len(row) - len(row.lstrip())) * _CHAR,
                    x1=len(row.rstrip()) * _CHAR,
                    top=top,
                    bottom=top + 10,
                    first_word=len(body.split()[0]) * _CHAR,
                )
            )
        pages.append(PdfPage(number, 120 * _CHAR, (len(rows) + 16) * _ROW, tuple(lines)))
    return pages


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def measure_extraction(pairs: Sequence[tuple[Path, Path]], rounds: int) -> dict[str, Any]:
    from corpus import parse_plan, read_report
    from corpus.pages import report_text

    extractors: dict[str, Callable[[Path], Any]] = {
        "pdfplumber": pdfplumber_pages,
        "pypdf (plain)": lambda path: pypdf_pages(path, "plain"),
        "pypdf (layout)": lambda path: pypdf_pages(path, "layout"),
    }
    out: dict[str, Any] = {}
    for name, extract in extractors.items():
        per_page: list[float] = []
        equal: list[str] = []
        unequal: dict[str, str] = {}
        extract(pairs[0][1])  # warm-up: imports, first-call allocations
        for round_no in range(rounds):
            seconds = pages = 0.0
            for text_path, pdf in pairs:
                took, extracted = _timed(lambda pdf=pdf, extract=extract: extract(pdf))
                seconds, pages = seconds + took, pages + len(extracted)
                if round_no:
                    continue
                text, on = report_text(extracted)
                expected = essentials(parse_plan(read_report(text_path), source="x"))
                try:
                    got = essentials(parse_plan(text, source="x", pages=on))
                except Exception as exc:  # a refused parse is an unequal one here
                    unequal[pdf.stem] = f"refused: {exc}"[:160]
                    continue
                if got == expected:
                    equal.append(pdf.stem)
                else:
                    differs = [part for part, a, b in zip(_PARTS, got, expected, strict=True)
                               if a != b]  # fmt: skip
                    unequal[pdf.stem] = "differs in " + ", ".join(differs)
            per_page.append(seconds / pages * 1000)
        out[name] = {
            "ms_per_page": round(statistics.median(per_page), 2),
            "equal": len(equal),
            "reports": len(pairs),
            "unequal": unequal,
        }
    return out


def measure_parse(pairs: Sequence[tuple[Path, Path]], rounds: int) -> dict[str, Any]:
    from corpus import load_corpus

    pdf_ms, text_ms = [], []
    pages = sum(len(pdfplumber_pages(pdf)) for _, pdf in pairs)  # and a warm-up
    for _ in range(rounds):
        pdf_ms.append(sum(_timed(lambda p=pdf: load_corpus(p))[0] for _, pdf in pairs) * 1000)
        text_ms.append(sum(_timed(lambda p=text: load_corpus(p))[0] for text, _ in pairs) * 1000)
    return {
        "reports": len(pairs),
        "pages": pages,
        "pdf_ms_per_page": round(statistics.median(pdf_ms) / pages, 1),
        "pdf_ms_per_report": round(statistics.median(pdf_ms) / len(pairs), 1),
        "text_ms_per_report": round(statistics.median(text_ms) / len(pairs), 1),
    }


def measure_build(pairs: Sequence[tuple[Path, Path]], scratch: Path) -> dict[str, Any]:
    from corpus import load_corpus
    from index import MiniLMEmbedder, open_index

    embedder = MiniLMEmbedder()
    embedder.encode(["warm-up"])
    out: dict[str, Any] = {}
    # Text first, then PDF, each into a fresh folder: nothing is reused between them.
    for kind, paths in (("text", [t for t, _ in pairs]), ("pdf", [p for _, p in pairs])):
        parse_s, corpus = _timed(lambda paths=paths: load_corpus(paths))
        root = scratch / f"index-{kind}"
        index_s, (index, built) = _timed(
            lambda corpus=corpus, root=root: open_index(corpus, embedder, root=root)
        )
        assert built, "a fresh folder must be built"
        out[kind] = {
            "efforts": len(index.efforts),
            "documents": len(index.chunks),
            "parse_s": round(parse_s, 2),
            "index_s": round(index_s, 2),
            "build_s": round(parse_s + index_s, 2),
        }
    return out


def render(results: dict[str, Any]) -> str:
    lines = ["| extraction | ms per page | PDF parses as its text |", "|---|---|---|"]
    for name, row in results["extraction"].items():
        lines.append(f"| {name} | {row['ms_per_page']} | {row['equal']} of {row['reports']} |")
    parse = results["parse"]
    lines += [
        "",
        f"planqa parse: {parse['pdf_ms_per_page']} ms per page ({parse['pages']} pages, "
        f"{parse['pdf_ms_per_report']} ms per PDF report; "
        f"{parse['text_ms_per_report']} ms per text report)",
    ]
    for kind, row in results.get("build", {}).items():
        lines.append(
            f"build, ten {kind} reports: {row['build_s']} s (parse {row['parse_s']} s, "
            f"index {row['index_s']} s; {row['efforts']} efforts, {row['documents']} documents)"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-build", action="store_true", help="skip the index build")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="planqa-pdfbench-") as tmp:
        scratch = Path(tmp)
        pairs = write_reports(scratch)
        results: dict[str, Any] = {
            "machine": machine_info(),
            "load_before": load_average(),
            "extraction": measure_extraction(pairs, args.rounds),
            "parse": measure_parse(pairs, args.rounds),
        }
        if not args.no_build:
            results["build"] = measure_build(pairs, scratch)
        results["load_after"] = load_average()
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2) if args.json else render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
