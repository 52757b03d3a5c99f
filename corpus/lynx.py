"""A report saved from its web page as text by a browser without graphics (``lynx -dump``).

Each page of the article comes with the site around it: a cookie notice, a menu drawn
with ``*`` and ``+`` bullets, breadcrumbs, the title centred, pagination, a footer and a
"References" list of the page's links, numbered from 1 on every page. Every link is
numbered where it stands (``[25]CAO``), ordinals keep their superscript caret (``18^th
July 2074``), and a correction is marked ``[DEL: 81.2% :DEL] [INS: 82.1% :INS]``. The
report itself: a heading at the margin for a section ("Priority 1. Title", wrapped there,
"(continued)" when it runs over a page), one indented by two for a measure ("Initiative
2: Title"), a ``*`` item indented by three for an effort (its text at five, sub-items
``+``, ``o``, ``#`` three deeper, a table laid out with spaces), the bodies in charge in a
paragraph of their own after it ("Relevant ministries and agencies: CAO, CFA") and the
legend as a definition list (an abbreviation at three, its name below at ten).

:func:`lynx_to_plain` writes what the report holds on its lines ("2. Title" for a section,
"O Title" for a measure, "· text [bodies]" for an effort, whole, on its first line, "Note:
CAO = Cabinet Office; …" for the legend, the title once) and leaves every other line blank:
the site around the report is no part of it. A report that is no such page comes back
unchanged. Pure.
"""

from __future__ import annotations

import re

from corpus.legend import as_note
from corpus.plaintables import markdown_line

__all__ = ["lynx_to_plain"]

_LINK = re.compile(r"\[\d{1,4}\]")
_ORDINAL = re.compile(r"(\d)\^(st|nd|rd|th)\b")
_DELETED = re.compile(r"\[DEL:.*?:DEL\]\s*")
_INSERTED = re.compile(r"\[INS:\s*(.*?)\s*:INS\]")
_SECTION = re.compile(r"^([A-Z][A-Za-z]+)\s+(\d{1,2})[.:]\s+(\S.*)$")
_MEASURE = re.compile(r"^ {1,2}([A-Z][A-Za-z]+)\s+(\d{1,2})[.:]\s+(\S.*)$")
_ITEM = re.compile(r"^ {3}\*\s+(\S.*)$")
_SUB_ITEM = re.compile(r"^ {6,}[+o#*]\s+(\S.*)$")
_BODIES = re.compile(
    r"^\s+([A-Z][\w ,&-]{2,60}?(?:ministr|agenc|bod(?:y|ies)|responsib|in\s+charge|lead)"
    r"[\w ,&-]{0,40}):\s+(\S.*)$",
    re.I,
)
_GAPS = re.compile(r"\S(?: {2,})\S")
_PAGE_END = re.compile(r"^(?:References\s*$|\s*Pages:|\s*Share this page)")
_LEGEND_HEAD = re.compile(r"^\s{0,6}(?:\S.{0,40})?\babbreviations?\b.{0,30}$", re.I)
_TERM = re.compile(r"^ {1,4}([A-Z][A-Za-z0-9&]{1,7})\s*$")
_CONTINUED = re.compile(r"\(continued\)\s*$", re.I)


def lynx_to_plain(lines: list[str]) -> list[str]:
    """``lines`` with a ``lynx -dump`` of the report's pages written as the report it holds
    (as many lines); any other report unchanged."""
    if not _is_dump(lines):
        return lines
    text = [_clean(line) for line in lines]
    out = [""] * len(lines)
    title_at = next(
        (i for i, x in enumerate(text) if re.search(r"\bFY\s?\d{4}\b", x) and _indent(x) >= 6),
        None,
    )
    if title_at is not None:
        rest = text[title_at + 1] if title_at + 1 < len(text) else ""
        joined = f"{text[title_at].strip()} {rest.strip()}" if _indent(rest) >= 6 else ""
        out[title_at] = joined or text[title_at].strip()
    i, reading = 0, False
    while i < len(text):
        line = text[i]
        if _PAGE_END.match(line):
            reading = False
        section = _SECTION.match(line)
        if section:
            reading = True
            i = _heading(text, out, i, section, f"{section.group(2)}.", column=0)
            continue
        if not reading:
            i += 1
            continue
        measure = _MEASURE.match(line)
        if measure:
            i = _heading(text, out, i, measure, "O", column=_indent(line))
        elif _ITEM.match(line):
            i = _effort(text, out, i)
        elif _LEGEND_HEAD.match(line) and _TERM.match(_next_text(text, i)):
            i = _legend(text, out, i)
        else:
            i += 1
    return out


def _is_dump(lines: list[str]) -> bool:
    """A page as lynx dumps it: a "References" list of links, and items under headings."""
    at = [i for i, x in enumerate(lines) if x.strip() == "References" and not x.startswith(" ")]
    listed = any(
        re.match(r"^\s*(?:Visible links:|1\.\s+\w+://)", x)
        for i in at
        for x in lines[i + 1 : i + 4]
    )
    return listed and sum(1 for x in lines if _ITEM.match(x)) >= 3


def _clean(line: str) -> str:
    """A line without link numbers, carets and the text a correction struck out."""
    line = _INSERTED.sub(r"\1", _DELETED.sub("", line))
    return _ORDINAL.sub(r"\1\2", _LINK.sub("", line)).rstrip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" ")) if line.strip() else -1


def _next_text(text: list[str], i: int) -> str:
    return next((x for x in text[i + 1 :] if x.strip()), "")


def _heading(
    text: list[str], out: list[str], i: int, m: re.Match[str], mark: str, *, column: int
) -> int:
    """A heading and the lines it wraps onto (at its own margin), written on its first
    line; a heading repeated over a page ("(continued)") is left out."""
    words = [m.group(3)]
    j = i + 1
    while j < len(text) and _indent(text[j]) == column and not _SECTION.match(text[j]):
        if _MEASURE.match(text[j]) or _ITEM.match(text[j]):
            break
        words.append(text[j].strip())
        j += 1
    title = " ".join(words)
    if not _CONTINUED.search(title):
        out[i] = f"{mark} {title}"
    return j


def _effort(text: list[str], out: list[str], i: int) -> int:
    """An item and all it holds up to the bodies in charge, written on its first line."""
    item = _ITEM.match(text[i])
    assert item is not None
    words = [item.group(1).strip()]
    table: list[list[str]] = []
    bodies = ""
    j = i + 1
    while j < len(text):
        line = text[j]
        if _ITEM.match(line) or _SECTION.match(line) or _MEASURE.match(line):
            break
        if _PAGE_END.match(line):
            break
        credit = _BODIES.match(line)
        if credit:
            bodies = credit.group(2).strip()
            j += 1
            while j < len(text) and text[j].strip() and _indent(text[j]) >= 5:
                bodies = f"{bodies} {text[j].strip()}"  # a name wrapped onto the next line
                j += 1
            break
        sub = _SUB_ITEM.match(line)
        if sub:
            said = sub.group(1).strip()
            words.append(said if said.endswith((".", ";", ":")) else f"{said};")
        elif _GAPS.search(line.strip()):
            table.append(re.split(r" {2,}", line.strip()))
        elif line.strip():
            if table:
                words.append(markdown_line(table))
                table = []
            words.append(line.strip())
        j += 1
    if table:
        words.append(markdown_line(table))
    said = " ".join(words).rstrip(";")
    out[i] = f"· {said} [{bodies}]" if bodies else f"· {said}"
    return j


def _legend(text: list[str], out: list[str], i: int) -> int:
    """The definition list of abbreviations under its heading, as one line of pairs."""
    names: dict[str, str] = {}
    last: str | None = None
    j = i + 1
    while j < len(text):
        line = text[j]
        term = _TERM.match(line)
        if term:
            last = term.group(1)
            names[last] = ""
        elif line.strip() and last is not None and _indent(line) >= 6:
            names[last] = f"{names[last]} {line.strip()}".strip()
        elif line.strip():
            break
        j += 1
    if len(names) >= 3:
        out[i] = as_note(names)
    return j
