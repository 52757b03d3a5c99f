"""Deterministic generator of synthetic efforts reports for scale benchmarks and tests.

The reports follow the format of ``corpus/plans/fy2019_efforts.txt``: a title line, numbered
sections (``1. Title``), measure headers (``O Title`` or ``- O Title``), efforts as bullets
(``· ``, ``• ``, ``- · ``, ``- ``) that end in a ministry attribution such as ``[CAO]`` or
``[MIC, MEXT, and METI]``, a glossary line (``* NPA (National Police Agency), ...``) and dates
such as ``(July 2019)`` inside effort text. The sentences are composed from vocabularies
(:mod:`corpus.synth_words`, ``corpus/data/synth_vocab.json``) so that texts differ and lexical
or embedding indexes have something realistic to work on.

Only the standard library is used, and every choice comes from ``random.Random`` seeded from the
caller's seed, so the same arguments always give byte-identical output.

Example:
    Write about 100,000 efforts (50 reports) into a folder::

        python -m corpus.synth /tmp/synth --efforts 100000 --seed 0
"""

import argparse
import math
import random
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from corpus.synth_words import MINISTRIES, effort_text, measure_title, note, section_title

__all__ = [
    "MAX_EFFORTS_PER_REPORT",
    "count_efforts",
    "generate_report",
    "write_corpus",
]

#: Upper bound on efforts in one report written by :func:`write_corpus`.
MAX_EFFORTS_PER_REPORT = 2000
#: Number of sections in each report written by :func:`write_corpus`.
SECTIONS_PER_REPORT = 6
#: Mean number of efforts per measure in reports written by :func:`write_corpus`.
MEAN_EFFORTS_PER_MEASURE = 6

_TITLE = 'FY{year} Efforts on the "Basic Plan on Measures against Child Sexual Exploitation"'

# Bullet markers; ``- `` style efforts sit on consecutive lines, the others are separated by
# blank lines as in the source report.
_MARKERS: tuple[str, ...] = ("· ", "• ", "- · ", "- ")

_EFFORT_LINE = re.compile(
    r"^(?:· |• |- · |- )(?!O |\* ).*\[[A-Z]+(?:(?:, | and |, and )[A-Z]+)*\]$"
)


def _glossary() -> str:
    """Return the glossary line listing every ministry, without any ``- `` prefix.

    Returns:
        ``* NPA (National Police Agency), ..., MLIT (...).``
    """
    return "* " + ", ".join(f"{abbr} ({name})" for abbr, name in MINISTRIES.items()) + "."


def _render(fiscal_year: int, layout: Sequence[Sequence[int]], rng: random.Random) -> str:
    """Render one report whose shape is given by ``layout``.

    Args:
        fiscal_year: The report's fiscal year.
        layout: For each section, the number of efforts of each of its measures.
        rng: Random source.

    Returns:
        The report text, ending in a newline.
    """
    n_measures = sum(len(section) for section in layout)
    glossary_after = rng.randrange(n_measures) if n_measures else -1
    lines: list[str] = [_TITLE.format(year=fiscal_year), ""]
    if n_measures == 0:
        lines.append(_glossary())
    measure_index = 0
    for number, section in enumerate(layout, start=1):
        if number > 1:
            lines.extend([""] * rng.choice((1, 3, 3)))
        lines.extend([f"{number}. {section_title(number)}", ""])
        for efforts in section:
            marker = rng.choice(_MARKERS)
            dashed = marker.startswith("- ")
            if dashed and rng.random() < 0.4:
                lines.append(f"- O {measure_title(rng)}")
            else:
                lines.extend([f"O {measure_title(rng)}", ""])
            for _ in range(efforts):
                lines.append(marker + effort_text(rng, fiscal_year))
                if not dashed:
                    lines.append("")
            if measure_index == glossary_after:
                if dashed:
                    lines.append("- " + _glossary())
                else:
                    lines.extend([_glossary(), ""])
            if lines[-1] != "":
                lines.append("")
            measure_index += 1
        if rng.random() < 0.03:
            lines.extend(["", "", note(rng), ""])
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def generate_report(
    fiscal_year: int,
    *,
    sections: int,
    measures_per_section: int,
    efforts_per_measure: int,
    seed: int,
) -> str:
    """Generate the text of one synthetic efforts report.

    Args:
        fiscal_year: Fiscal year of the report; effort dates fall from April of this year to
            March of the next.
        sections: Number of numbered sections.
        measures_per_section: Number of measures (``O ...`` headers) in each section.
        efforts_per_measure: Number of effort bullets under each measure.
        seed: Seed for the random source; the same arguments give the same text.

    Returns:
        The report text, in the format of ``corpus/plans/fy2019_efforts.txt``, ending in a
        newline. It holds ``sections * measures_per_section * efforts_per_measure`` efforts.

    Raises:
        ValueError: If a count is negative.

    Example:
        >>> text = generate_report(2019, sections=2, measures_per_section=2,
        ...                        efforts_per_measure=3, seed=1)
        >>> count_efforts(text)
        12
    """
    if min(sections, measures_per_section, efforts_per_measure) < 0:
        raise ValueError("sections, measures_per_section and efforts_per_measure must be >= 0")
    layout = [[efforts_per_measure] * measures_per_section for _ in range(sections)]
    return _render(fiscal_year, layout, random.Random(f"planqa-synth:{seed}:{fiscal_year}"))


def _partition(total: int, parts: int, rng: random.Random, floor: int = 1) -> list[int]:
    """Split ``total`` into ``parts`` random positive sizes of at least ``floor`` each.

    Args:
        total: The sum to split; at least ``parts * floor``.
        parts: How many sizes to return; at least 1.
        rng: Random source.
        floor: Smallest allowed size; at least 1.

    Returns:
        The sizes, summing to ``total``.
    """
    spare = total - parts * (floor - 1)
    cuts = sorted(rng.sample(range(1, spare), parts - 1))
    bounds = [0, *cuts, spare]
    return [bounds[i + 1] - bounds[i] + floor - 1 for i in range(parts)]


def _corpus_layout(efforts: int, rng: random.Random) -> list[list[list[int]]]:
    """Plan the reports of a corpus: efforts per measure, per section, per report.

    Args:
        efforts: Total number of efforts to spread over the reports.
        rng: Random source.

    Returns:
        One layout per report, as taken by :func:`_render`.
    """
    n_reports = math.ceil(efforts / MAX_EFFORTS_PER_REPORT)
    layouts: list[list[list[int]]] = []
    for i in range(n_reports):
        count = efforts // n_reports + (1 if i < efforts % n_reports else 0)
        n_sections = min(SECTIONS_PER_REPORT, count)
        n_measures = min(count, max(n_sections, round(count / MEAN_EFFORTS_PER_MEASURE)))
        per_section = _partition(
            n_measures, n_sections, rng, floor=max(1, n_measures // (2 * n_sections))
        )
        sizes = _partition(count, n_measures, rng)
        layout: list[list[int]] = []
        start = 0
        for k in per_section:
            layout.append(sizes[start : start + k])
            start += k
        layouts.append(layout)
    return layouts


def write_corpus(folder: Path, *, efforts: int, seed: int = 0) -> list[Path]:
    """Write enough synthetic reports to hold ``efforts`` efforts in total.

    Reports are named ``fy<year>_efforts.txt`` for fiscal years 2000, 2001, ...; each holds at
    most :data:`MAX_EFFORTS_PER_REPORT` efforts in :data:`SECTIONS_PER_REPORT` sections, with a
    varying number of measures per section and efforts per measure. The total is exact.
    Existing files of the same names are overwritten; other files are left alone.

    Args:
        folder: Where to write; created if missing.
        efforts: Total number of efforts; 0 writes nothing.
        seed: Seed for the random source; the same arguments give byte-identical files.

    Returns:
        The paths written, in fiscal-year order.

    Raises:
        ValueError: If ``efforts`` is negative.
    """
    if efforts < 0:
        raise ValueError("efforts must be >= 0")
    folder.mkdir(parents=True, exist_ok=True)
    layouts = _corpus_layout(efforts, random.Random(f"planqa-synth-layout:{seed}"))
    paths: list[Path] = []
    for offset, layout in enumerate(layouts):
        year = 2000 + offset
        text = _render(year, layout, random.Random(f"planqa-synth:{seed}:{year}"))
        path = folder / f"fy{year}_efforts.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def count_efforts(text: str) -> int:
    """Count the effort bullets in a report's text.

    A line counts when it starts with a bullet marker (not a measure header or glossary) and
    ends with a ministry attribution.

    Args:
        text: A report's text.

    Returns:
        The number of effort lines.
    """
    return sum(1 for line in text.splitlines() if _EFFORT_LINE.match(line))


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: write a synthetic corpus and report its size.

    Args:
        argv: Arguments without the program name; ``sys.argv[1:]`` when ``None``.

    Returns:
        The exit status.
    """
    parser = argparse.ArgumentParser(description="Write synthetic efforts reports.")
    parser.add_argument("out_dir", type=Path, help="folder to write the reports into")
    parser.add_argument("--efforts", type=int, required=True, help="total number of efforts")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.efforts < 0:
        parser.error("--efforts must be >= 0")
    started = time.perf_counter()
    paths = write_corpus(args.out_dir, efforts=args.efforts, seed=args.seed)
    elapsed = time.perf_counter() - started
    written = sum(count_efforts(p.read_text(encoding="utf-8")) for p in paths)
    size = sum(p.stat().st_size for p in paths)
    print(
        f"wrote {len(paths)} reports with {written} efforts ({size:,} bytes) "
        f"to {args.out_dir} in {elapsed:.2f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
