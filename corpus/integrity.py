"""Whole-report checks: one report per file, each section and each effort once.

A file holding two reports (two years pasted together, or one report pasted twice) would
otherwise parse into one plan: the second half's sections would sit beside the first's,
with the same numbers, and effort ids would repeat. These checks refuse such a file,
naming the lines, so that the user splits it rather than gets answers citing the wrong year.
Pure functions over what the parser has read; no file access.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.errors import CorpusError
from corpus.models import Plan

__all__ = ["check_one_report", "check_unique_effort_ids", "is_title_line", "where"]

Line = tuple[int, str]

_YEAR = re.compile(r"(?:19|20)\d\d")
# A title names its fiscal year first and says what it reports: "FY2020 Efforts on ...".
_TITLE_LIKE = re.compile(r"^(?:FY\s?|fiscal\s+year\s+)((?:19|20)\d\d)\b.{0,12}\befforts\b", re.I)
_ATTRIBUTED = re.compile(r"[\]］】〕]\s*[.。]?\s*$")


def is_title_line(text: str) -> bool:
    """True for a line shaped like a report's title: "FY2020 Efforts on ...".

    Example:
        >>> is_title_line("FY2020 Efforts on the Basic Plan"), is_title_line("1. Awareness")
        (True, False)
    """
    return bool(_TITLE_LIKE.match(text))


def where(line_no: int, pages: Sequence[int] = ()) -> str:
    """Where a line is, for a message: ``line 12``, or ``page 3, line 12`` for text that
    was extracted from a PDF (``pages`` gives the page of each line, line 1 first).

    Example:
        >>> where(12), where(2, (1, 3))
        ('line 12', 'page 3, line 2')
    """
    if 0 < line_no <= len(pages):
        return f"page {pages[line_no - 1]}, line {line_no}"
    return f"line {line_no}"


def _shape(line: str) -> str:
    """A title with its year masked, so another year's copy of it has the same shape."""
    return " ".join(_YEAR.sub("#", line).lower().split())


def check_one_report(
    lines: Sequence[Line],
    title: Line,
    sections: Sequence[tuple[int, int]],
    *,
    source: str,
    pages: Sequence[int] = (),
) -> None:
    """Refuse a file that holds more than one report, or a section number used twice.

    Args:
        lines: Every non-blank ``(line number, text)`` of the file, title included.
        title: The first report's title line.
        sections: ``(section number, line number)`` of every section heading read.
        source: The file name, for the message.
        pages: The page of each line, for text extracted from a PDF: the message then
            names the pages too.

    A second title counts when the section numbers go back after it ("1." after "6.")
    or when it is the first title word for word but for another fiscal year; a running
    header repeating the title on every page does neither.

    Raises:
        CorpusError: naming the title lines, or the lines of the repeated section.

    Example:
        >>> lines = [(1, "FY2019 Efforts"), (2, "1. Awareness"), (5, "FY2020 Efforts"),
        ...          (6, "1. Awareness")]
        >>> check_one_report(lines, lines[0], [(1, 2), (1, 6)], source="two.txt")
        Traceback (most recent call last):
        corpus.errors.CorpusError: two.txt holds more than one report: titles at lines 1 and 5 ...
    """
    title_no, title_text = title
    titles = [title]
    for line_no, text in lines:
        if line_no <= title_no or not _looks_like_title(text, title_text):
            continue
        before = [number for number, at in sections if at < line_no]
        after = [number for number, at in sections if at > line_no]
        starts_again = bool(before and after and after[0] <= before[-1])
        another_year = (
            bool(before) and _shape(text) == _shape(title_text) and _year(text) != _year(title_text)
        )
        if starts_again or another_year:
            titles.append((line_no, text))
    if len(titles) > 1:
        at = _listed([n for n, _ in titles])
        if pages:
            on = sorted({pages[n - 1] for n, _ in titles if 0 < n <= len(pages)})
            at += f" (page{'s' if len(on) > 1 else ''} {_listed(on)})"
        shown = "; ".join(f"{where(n, pages)}: {_clip(t)!r}" for n, t in titles[:3])
        raise CorpusError(
            f"{source} holds more than one report: titles at lines {at} ({shown}); "
            "split it into one report per file (one fiscal year each) and load the folder"
        )
    first_line: dict[int, int] = {}
    for number, line_no in sections:
        if number in first_line:
            first, second = first_line[number], line_no
            at = (
                f"{where(first, pages)} and {where(second, pages)}"
                if pages
                else f"lines {first} and {second}"
            )
            raise CorpusError(
                f"{source}: section {number} appears twice, at {at}; a report numbers each "
                "section once, so if the file holds two "
                "reports (or one twice) split it into one report per file, otherwise fix the "
                "section number"
            )
        first_line[number] = line_no


def _listed(numbers: Sequence[int]) -> str:
    """``1``, ``1 and 5``, ``1, 5 and 9``."""
    if len(numbers) == 1:
        return str(numbers[0])
    return ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def _clip(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _year(text: str) -> str:
    found = _YEAR.search(text)
    return found.group(0) if found else ""


def _looks_like_title(text: str, title: str) -> bool:
    if _ATTRIBUTED.search(text):
        return False  # an effort ending in "[MEXT]", whatever it starts with
    return bool(_TITLE_LIKE.match(text)) or _shape(text) == _shape(title)


def check_unique_effort_ids(plan: Plan) -> None:
    """Refuse a plan in which two efforts share an id, naming both lines.

    Ids are ``fy<year>-<section>.<measure>.<effort>``, so they repeat only when a section
    does; the parser refuses that first, and this is the last guard before an index
    would cite one id for two efforts.

    Raises:
        CorpusError: naming the id and both lines.
    """
    first_line: dict[str, int] = {}
    for _, _, effort in plan.efforts():
        if effort.id in first_line:
            raise CorpusError(
                f"{plan.source}: effort id {effort.id} is given twice, to the efforts at lines "
                f"{first_line[effort.id]} and {effort.line}; if the file holds two reports "
                "split it into one report per file, otherwise fix the section numbers"
            )
        first_line[effort.id] = effort.line
