"""A report exported as a presentation's outline, read as the report its slides show.

An outline export prints each slide after a rule, as ``Slide 5 ▸ Title and Content``,
then the slide's heading block ("Focus Area 1 › Measure 1" above the measure's title), its
body (efforts as bullets, their details as indented dash items, the bodies as an item
``Owners: CFA + MEXT``), the deck's footer and the speaker's notes. A slide whose heading
ends "(cont.)" carries on the slide before it.

:func:`slides_to_plain` keeps what the slides show, one line for one line: the slide
markers, rules, speaker notes and repeated "(cont.)" headings become blank, a heading
block becomes a heading the parser reads ("1. Title", "Measure 1.1: Title"), a detail
item a line of its effort and an owners item its attribution line. Pure; only a deck
(three ``Slide n`` markers or more) is touched.
"""

from __future__ import annotations

import re

__all__ = ["is_deck", "slides_to_plain"]

_SLIDE = re.compile(r"^Slide\s+\d{1,3}\b")
_RULE = re.compile(r"^\s*[─━=_-]{10,}\s*$")
_NOTES = re.compile(r"^(?:speaker\s+)?notes\s*:", re.I)
_CONTINUED = re.compile(r"\(\s*cont(?:\.|['’]?d|inued)\s*\)\s*$", re.I)
# "Focus Area 1" (a section, its title below); "Focus Area 1 › Measure 2" (a measure)
_LABEL = r"[A-Z][A-Za-z]{1,15}(?:\s+[A-Z][A-Za-z]{1,15})?"
_PART = re.compile(rf"^{_LABEL}\s+(\d{{1,2}})$")
_SUBPART = re.compile(rf"^{_LABEL}\s+(\d{{1,2}})\s*[›»>/|]\s*{_LABEL}\s+(\d{{1,2}})$")
_BULLET = re.compile(r"^(\s*)[➢►▶•●■◆Ø]\s+\S")
_DETAIL = re.compile(r"^(\s*)[–—\-▫◦·]\s+(.*)$")
_OWNERS = re.compile(r"^(?:owners?|lead|leads|responsible)\s*:", re.I)


def is_deck(lines: list[str]) -> bool:
    """Whether a report is a presentation's outline: three ``Slide n`` markers or more."""
    return sum(1 for line in lines if _SLIDE.match(line)) >= 3


def slides_to_plain(lines: list[str]) -> list[str]:
    """The lines of a deck's outline as the report its slides show (as many lines; what
    no slide shows is blank). Other reports come back unchanged.

    Example:
        >>> deck = ["Slide 1 ▸ Title", "FY2061 Efforts", "─" * 12, "Slide 2 ▸ Content",
        ...         "Focus Area 1 › Measure 2", "Campaigns", "", "  ➢ Held a forum.",
        ...         "      – 460 attendees", "      – Owners: CAO + NPA", "Speaker notes:",
        ...         "  Say it twice.", "─" * 12, "Slide 3 ▸ Content"]
        >>> for line in slides_to_plain(deck):
        ...     print(line) if line else None
        FY2061 Efforts
        Measure 1.2: Campaigns
          ➢ Held a forum.
              460 attendees
            Owners: CAO + NPA
    """
    if not is_deck(lines):
        return lines
    out = list(lines)
    notes = False
    heading_at: int | None = None  # the first line of the current slide's heading block
    bullet = -1
    for i, line in enumerate(lines):
        if _SLIDE.match(line) or _RULE.match(line):
            out[i], notes, heading_at = "", False, i + 1  # an effort may go on past it
            continue
        if notes or _NOTES.match(line):
            out[i], notes = "", True
            continue
        if heading_at is not None:
            if line.strip():
                continue  # read with its block when the block ends
            _heading(lines, out, heading_at, i)
            heading_at = None
            continue
        opened = _BULLET.match(line)
        detail = _DETAIL.match(line)
        if opened:
            bullet = len(opened.group(1))
        elif detail and bullet >= 0 and len(detail.group(1)) > bullet:
            text = detail.group(2)
            # "– Owners: CFA + MEXT" is the effort's attribution, on a line of its own
            out[i] = (" " * (bullet + 2) if _OWNERS.match(text) else detail.group(1)) + text
    return _join_owners(out)


def _heading(lines: list[str], out: list[str], start: int, end: int) -> None:
    """A slide's heading block (lines ``start`` to ``end``) as a heading, or blank when it
    repeats the slide before it ("… (cont.)") or heads no part (a title, "Agenda")."""
    block = [line.strip() for line in lines[start:end]]
    if not block:
        return
    if _CONTINUED.search(block[-1]):
        for k in range(start, end):
            out[k] = ""
        return
    title = " ".join(block[1:])
    measure = _SUBPART.match(block[0])
    part = _PART.match(block[0])
    if measure and title:
        out[start] = f"Measure {measure.group(1)}.{measure.group(2)}: {title}"
    elif part and title:
        out[start] = f"{part.group(1)}. {title}"
    else:
        return
    for k in range(start + 1, end):  # the title's lines went on the heading
        out[k] = ""


def _join_owners(lines: list[str]) -> list[str]:
    """An owners item the line end wrapped ("Owners: Children and Families Agency + Japan
    Legal Support Center" / "(Houterasu)"), joined to its first line."""
    out = list(lines)
    for i, line in enumerate(out):
        if not _OWNERS.match(line.strip()):
            continue
        indent = len(line) - len(line.lstrip())
        j = i + 1
        while j < len(out) and out[j].strip() and len(out[j]) - len(out[j].lstrip()) > indent:
            if _BULLET.match(out[j]) or _DETAIL.match(out[j]):
                break
            out[i] = f"{out[i].rstrip()} {out[j].strip()}"
            out[j] = ""
            j += 1
    return out
