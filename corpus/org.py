"""A report kept as an Org-mode file, read as the plain text it exports to.

Org (Emacs's outline format) marks what a printed report shows by layout: ``* Theme 1.
Title`` is a heading, ``- [X] Held …`` a checklist item, ``+ Agencies :: NPA`` a
description item, ``<2060-07-12 Thu>`` a date, ``/title/`` italics, ``[[url][text]]`` a
link, and ``#+TITLE:`` lines, ``:PROPERTIES:`` drawers and ``# …`` comments never print.
:func:`org_to_plain` removes the markup and keeps the text, one line for one line, so the
parser reads the report as it would read its export and line numbers stay the file's.
Pure; only a file with Org's own keyword lines or drawers is touched.
"""

from __future__ import annotations

import re

__all__ = ["is_org", "org_to_plain"]

_KEYWORD = re.compile(r"^\s*#\+(\w+)(?:\[[^\]]*\])?:?(.*)$")
_COMMENT = re.compile(r"^\s*#(?:\s|$)")
_DRAWER = re.compile(r"^\s*:([A-Za-z_]+):\s*$")
_HEADING = re.compile(r"^(\*+)\s+(.*)$")
# "TODO", "[#A]", "[2/3]", "[50%]" and ":new:tags:" around a heading's title
_HEADING_KEYWORD = re.compile(r"^(?:TODO|DONE)\s+|^\[#[A-C]\]\s+")
_HEADING_TAIL = re.compile(r"(?:\s+\[\d*/\d*\]|\s+\[\d*%\]|\s+:[\w@#%:]+:)+\s*$")
_CHECKBOX = re.compile(r"^(\s*(?:[-+]|\d{1,2}[.)])\s+)\[[ Xx-]\]\s+")
_DESCRIPTION = re.compile(r"^(\s*)[-+]\s+(\S.*?)\s+::\s+(\S.*)$")
_ITEM = re.compile(r"^\s*(?:[-+]|\d{1,2}[.)])\s+\S")
_LINK = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]+)\])?\]")
_FOOTNOTE_MARK = re.compile(r"\[fn:[\w-]+\]")
_FOOTNOTE_TEXT = re.compile(r"^\[fn:(\d+)\]\s+")
_TABLE_RULE = re.compile(r"^(\s*)\|([-+]+)\|\s*$")
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_TIME = r"\d{1,2}:\d{2}(?:-\d{1,2}:\d{2})?"
# "<2060-07-12 Thu>", "[2061-03-31 Thu]", "<2060-07-12 Thu 13:30-17:00>"
_STAMP = re.compile(rf"[<\[](\d{{4}}-\d{{2}}-\d{{2}})(?:\s+{_WEEKDAY})?(?:\s+({_TIME}))?[>\]]")
_RANGE = re.compile(r"(?<=[>\]])--(?=[<\[]|\s*$)")  # "<…>--<…>", maybe wrapped after "--"
# a stamp the line wrap cut: "(<2061-01-22" / "Sat>)"
_STAMP_OPEN = re.compile(r"\s*(\(?)[<\[](\d{4}-\d{2}-\d{2})(?:\s+" + _WEEKDAY + r")?\s*$")
_STAMP_CLOSE = re.compile(rf"^(\s*)(?:{_WEEKDAY}\s*)?(?:({_TIME})\s*)?[>\]]")
_STAMP_START = re.compile(r"^(\s*)[<\[](?=\d{4}-\d{2}-\d{2})")
# emphasis: "/My Body Belongs to Me/", "=Agencies=", "~code~", "*bold*", even across a wrap
_EMPHASIS_OPEN = re.compile(r"(?<![\w/:.*=~])[/=~*](?=[A-Za-z0-9\"'(\[])")
_EMPHASIS_CLOSE = re.compile(r"(?<=[\w.!?\"')\]])[/=~*](?=[\s.,;:!?)\"']|$)")


def is_org(lines: list[str]) -> bool:
    """Whether a report is an Org file: it has Org keyword lines (``#+TITLE:``) or
    property drawers, which nothing else writes."""
    return any(
        re.match(r"^#\+[A-Za-z_]+:", line) or line.strip() == ":PROPERTIES:" for line in lines
    )


def org_to_plain(lines: list[str]) -> list[str]:
    """The lines of an Org report as its export prints them (the same number of lines;
    a line that prints nothing is blank). Other reports come back unchanged.

    Example:
        >>> org_to_plain(["#+TITLE: FY2060 Efforts", "* Theme 1. Awareness :new:",
        ...               "- [X] Held /a forum/ (<2060-07-12 Thu>).", "  + Agencies :: CAO"])
        ['FY2060 Efforts', 'Theme 1. Awareness', '- Held a forum (2060-07-12).', '  Agencies: CAO']
    """
    if not is_org(lines):
        return lines
    out: list[str] = []
    drawer = False
    for line in lines:
        keyword = _KEYWORD.match(line)
        if drawer or (_DRAWER.match(line) and not keyword):
            drawer = line.strip().upper() != ":END:"
            out.append("")
        elif keyword:
            out.append(keyword.group(2).strip() if keyword.group(1).upper() == "TITLE" else "")
        elif _COMMENT.match(line):
            out.append("")
        else:
            out.append(_plain(line))
    described = {i for i, line in enumerate(lines) if _DESCRIPTION.match(line)}
    return _join_descriptions(_join_stamps(out), described)


def _plain(line: str) -> str:
    heading = _HEADING.match(line)
    if heading:
        line = _HEADING_TAIL.sub("", _HEADING_KEYWORD.sub("", heading.group(2)))
    rule = _TABLE_RULE.match(line)
    if rule:  # "|----+----|": a table's rule, as Markdown draws it
        return f"{rule.group(1)}|{rule.group(2).replace('+', '|')}|"
    line = _CHECKBOX.sub(r"\1", line)
    line = _LINK.sub(lambda m: m.group(2) or m.group(1).lstrip("*#"), line)
    line = _FOOTNOTE_TEXT.sub(r"*\1 ", line)  # "[fn:1] Figures as of …": a footnote's text
    line = _FOOTNOTE_MARK.sub("", line)
    line = _RANGE.sub(" to ", line)
    line = _STAMP.sub(lambda m: " ".join(g for g in m.groups() if g), line)
    description = _DESCRIPTION.match(line)
    if description:  # "+ Agencies :: NPA" reads "Agencies: NPA"; "- NPA :: National …"
        indent, term, text = description.groups()
        line = f"{indent}{term}: {text}"
    return _EMPHASIS_CLOSE.sub("", _EMPHASIS_OPEN.sub("", line))


def _join_stamps(lines: list[str]) -> list[str]:
    """A date stamp the line wrap cut in two ("(<2061-01-22" / "Sat>)"), made whole on
    the second line ("(2061-01-22)")."""
    out = list(lines)
    for i in range(len(out) - 1):
        opened = _STAMP_OPEN.search(out[i])
        if opened and _STAMP_CLOSE.match(out[i + 1]):
            out[i] = out[i][: opened.start()]  # "(2061-01-22" goes to the next line
            closed = _STAMP_CLOSE.match(out[i + 1])
            assert closed is not None
            date = " ".join(g for g in (opened.group(1) + opened.group(2), closed.group(2)) if g)
            out[i + 1] = closed.group(1) + date + out[i + 1][closed.end() :]
        out[i + 1] = _STAMP_START.sub(r"\1", out[i + 1])
    return out


def _join_descriptions(lines: list[str], described: set[int]) -> list[str]:
    """A description item wrapped onto lines indented under it ("Agencies: Ministry of
    …, Science and" / "Technology and CFA"), joined to its first line."""
    out = list(lines)
    for i in sorted(described):
        line = out[i]
        indent = len(line) - len(line.lstrip())
        j = i + 1
        while j < len(out) and out[j].strip() and _continues(out[j], indent):
            out[i] = f"{out[i].rstrip()} {out[j].strip()}"
            out[j] = ""
            j += 1
    return out


def _continues(line: str, indent: int) -> bool:
    """A line that goes on the item above it: indented deeper, and no item or row itself."""
    deeper = len(line) - len(line.lstrip()) > indent
    return deeper and not _ITEM.match(line) and not line.lstrip().startswith("|")
