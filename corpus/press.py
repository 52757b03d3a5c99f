"""A report bound as a compendium of press releases.

Each pillar is a release series under a banner of stars (``RELEASE SERIES 2`` and its
title in capitals), each measure a topic (``Release series 2-3`` then ``Topic: …``,
wrapped, above a dashed rule), and each effort one release: a header line (``FOR
IMMEDIATE RELEASE`` or ``FACT SHEET`` with ``Release No. 2-3/1`` at the right), a
headline, a dateline paragraph (``KANAZAWA, Tuesday 16 July 2080 — …``), perhaps a table
of figures set apart by spaces and a "Compendium note:", then ``Issued by: Cabinet Office
(CAO)`` or ``Issued jointly by: A (X), B (Y) and C (Z)`` (wrapped), a ``Media contact:``
line and ``###``. "About the …" blurbs sit between releases; the legend is "About the
Name (ABBR)" headings under "NOTES TO EDITORS". A release cut by a page ends with
``-more-`` and goes on under ``Release No. 2-3/1 (continued)``, after the page's running
header and footer.

:func:`press_to_plain` writes what such a report holds: its title, "2. Title" for a series,
"O Title" for a topic, "· headline. text [CAO, NPA]" for a release, whole, on its first
line (a table as Markdown rows), and "Note: NPA = National Police Agency; …" for the legend;
the other lines are left blank. A report not written so comes back unchanged. Pure.
"""

from __future__ import annotations

import re
from collections import Counter

from corpus.casing import sentence_case
from corpus.legend import as_note
from corpus.plaintables import markdown_line

__all__ = ["press_to_plain"]

_SERIES = re.compile(r"^RELEASE\s+SERIES\s+(\d{1,2})\s*$")
_RULE = re.compile(r"^\s*(?:\*{10,}|-{10,}|={10,})\s*$")
_TOPIC_NUMBER = re.compile(r"^Release\s+series\s+\d{1,2}-\d{1,2}\s*$", re.I)
_TOPIC = re.compile(r"^Topic:\s*(\S.*)$")
_RELEASE = re.compile(r"^\S.*?\s{2,}Release\s+No\.\s*\d{1,2}-\d{1,2}/\d{1,2}\s*$")
_CONTINUED = re.compile(r"^Release\s+No\.\s*\d{1,2}-\d{1,2}/\d{1,2}\s+\(continued\)\s*$")
_ISSUED = re.compile(r"^Issued\s+(?:jointly\s+)?by:\s*(.*)$", re.I)
_CONTACT = re.compile(r"^(?:Media\s+contact|Contact|Press\s+contact):", re.I)
_END = re.compile(r"^\s*(?:###|-\s*ends?\s*-|ENDS)\s*$", re.I)
_MORE = re.compile(r"^\s*-\s*more\s*-\s*$", re.I)
_FOOTER = re.compile(r"^\s*(?:Leaf|Page|p\.)\s+\d+\s*$", re.I)
_ABOUT = re.compile(r"^About\s+(?:the\s+)?(.+?)\s+\(([A-Z][A-Za-z0-9&]{1,11})\)\s*$")
_ABBREVIATED = re.compile(r"(.+?)\s*\(([A-Z][A-Za-z0-9&]{1,11})\)")
_TABLE_ROW = re.compile(r"^\s{2,}\S.*?\S\s{2,}\S")
_TITLE_YEAR = re.compile(r"\bFiscal\s+Year\s+((?:19|20)\d\d)\b", re.I)
_MIN = 3


def press_to_plain(lines: list[str]) -> list[str]:
    """``lines`` with a compendium's series, topics and releases written as the report
    they hold (as many lines); any other report unchanged."""
    series = [i for i, line in enumerate(lines) if _SERIES.match(line)]
    releases = sum(1 for line in lines if _RELEASE.match(line))
    issued = sum(1 for line in lines if _ISSUED.match(line))
    if len(series) < 2 or releases < _MIN or issued < _MIN:
        return lines
    out = [""] * len(lines)
    names = _legend(lines, out)
    repeated = _running(lines)
    title = next(
        (
            i
            for i in range(series[0])
            if _TITLE_YEAR.search(lines[i]) and lines[i].strip() not in repeated
        ),
        None,
    )
    if title is not None:
        out[title] = _TITLE_YEAR.sub(r"FY\1", " ".join(_paragraph(lines, title)))
    i = series[0]
    while i < len(lines):
        line = lines[i]
        number = _SERIES.match(line)
        if number:
            heading = _paragraph(lines, i + 1, stop=_RULE)
            out[i] = f"{number.group(1)}. {sentence_case(' '.join(heading))}"
        elif _TOPIC_NUMBER.match(line) and i + 1 < len(lines) and _TOPIC.match(lines[i + 1]):
            words = " ".join(_paragraph(lines, i + 1, stop=_RULE))
            out[i] = "O " + _TOPIC.sub(r"\1", words)
        elif _RELEASE.match(line):
            i = _release(lines, i, out, names, repeated)
            continue
        i += 1
    return out


def _paragraph(lines: list[str], i: int, stop: re.Pattern[str] | None = None) -> list[str]:
    """The stripped lines from ``i`` to the next blank one (or ``stop``)."""
    block = []
    while i < len(lines) and lines[i].strip() and not (stop and stop.match(lines[i])):
        block.append(lines[i].strip())
        i += 1
    return block


def _running(lines: list[str]) -> set[str]:
    """The running header: the line that follows a page's footer ("Leaf 3"), when pages
    repeat it."""
    after = Counter(
        next((line.strip() for line in lines[i + 1 :] if line.strip()), "")
        for i, line in enumerate(lines)
        if _FOOTER.match(line)
    )
    return {line for line, n in after.items() if line and n >= _MIN}


def _release(
    lines: list[str], i: int, out: list[str], names: dict[str, str], repeated: set[str]
) -> int:
    """Write the release that starts at ``i`` on its first line; where it ends: at its
    end mark, or at the next release or heading."""
    parts: list[str] = []  # the headline and each paragraph; a table as Markdown rows
    paragraph: list[str] = []
    table: list[list[str]] = []
    bodies, credited, contact, broken = "", False, False, False
    k = i + 1
    while k < len(lines):
        line = lines[k]
        stripped = line.strip()
        if _END.match(line) or _RELEASE.match(line) or _SERIES.match(line):
            break
        k += 1
        if _furniture(line, repeated):
            broken = True  # a paragraph goes on across the page break
            continue
        if not stripped and (broken or _furniture(_next_line(lines, k), repeated)):
            continue
        broken = broken and not stripped
        issued = _ISSUED.match(stripped)
        if issued:
            bodies, credited = issued.group(1), True
            continue
        if _CONTACT.match(stripped):
            contact = True
        if contact or not stripped and credited:
            continue  # the media contact, wrapped; blank lines after the credit
        if credited and line.startswith(" "):
            bodies = f"{bodies} {stripped}"  # "Issued jointly by:" wrapped
            continue
        if _TABLE_ROW.match(line):
            table.append(re.split(r"\s{2,}", stripped))
            continue
        if not stripped:
            if table:
                paragraph.append(markdown_line(table))
                table = []
            if paragraph:
                parts.append(" ".join(paragraph))
                paragraph = []
            continue
        paragraph.append(stripped)
    if table:
        paragraph.append(markdown_line(table))
    if paragraph:
        parts.append(" ".join(paragraph))
    named = _named(bodies, names)
    text = " ".join(p if p.endswith((".", ":", "|")) else f"{p}." for p in parts)
    out[i] = f"· {text} [{', '.join(named)}]" if named else f"· {text}"
    return k


def _furniture(line: str, repeated: set[str]) -> bool:
    """Whether a line is a page's: its running header or footer, the "-more-" at its foot
    or the "(continued)" line at the head of the next."""
    stripped = line.strip()
    return bool(
        stripped in repeated
        or _MORE.match(line)
        or _FOOTER.match(line)
        or _CONTINUED.match(stripped)
    )


def _next_line(lines: list[str], k: int) -> str:
    """The first line from ``k`` on that is not blank."""
    return next((line for line in lines[k:] if line.strip()), "")


def _named(bodies: str, names: dict[str, str]) -> list[str]:
    """The abbreviations of "Cabinet Office (CAO) and National Police Agency (NPA)"; a
    name given without one, by the legend."""
    found = [m.group(2) for m in _ABBREVIATED.finditer(bodies)]
    if found:
        return found
    full = {name.lower(): abbr for abbr, name in names.items()}
    parts = re.split(r",\s*|\s+and\s+", bodies.strip())
    return [full.get(p.strip().lower(), p.strip()) for p in parts if p.strip()]


def _legend(lines: list[str], out: list[str]) -> dict[str, str]:
    """The bodies of the "About the Name (ABBR)" headings, written as one line of pairs
    on the first of them."""
    names: dict[str, str] = {}
    first = None
    for i, line in enumerate(lines):
        m = _ABOUT.match(line.strip())
        if m:
            first = i if first is None else first
            names[m.group(2)] = m.group(1)
    if len(names) < _MIN or first is None:
        return {}
    out[first] = as_note(names)
    return names
