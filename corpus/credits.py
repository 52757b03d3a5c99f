"""An effort's bodies on lines of their own below it: "Lead ministry: CFA", then
"Partners: NPA, MEXT" (a list the line end may cut: "Partners: CFA," / "MEXT"), or both on
one line; or a label alone ("Competent authorities:") with the bodies listed below it, one
on each line ("- CFA"). Pure, like :mod:`corpus.lines`, whose attributions it complements.
"""

from __future__ import annotations

import re

from corpus.drafts import Builder
from corpus.lines import of_the_legend, parse_attribution

__all__ = ["bodies_listed", "lead_line", "more_partners", "partners_line", "partners_of"]

# "Lead ministry: CFA" under an effort, maybe with its partners on the same line.
_LEAD_LINE = re.compile(
    r"^lead\s+(?:ministry|ministries|agency|agencies|body|bodies)\s*[:：]\s*(.+?)"
    r"(?:\s+(?:partners?|with)\s*[:：]\s*(.*?))?\s*[.。]?$",
    re.I,
)
# "Partners: NPA, MEXT" after the lead line; its list may go on to the next line.
_PARTNERS_LINE = re.compile(
    r"^(?:partners?|partner\s+(?:ministries|agencies|bodies)|in\s+co-?operation\s+with|"
    r"supported\s+by)\s*[:：]\s*(.*?)\s*[.。]?$",
    re.I,
)
# A list of bodies that goes on to the next line: "Partners: CFA," / "MEXT".
_LIST_GOES_ON = re.compile(r"(?:,|\band)\s*$")


def lead_line(line: str, names: dict[str, str]) -> tuple[tuple[str, ...], bool] | None:
    """The bodies of a "Lead ministry: CFA" line (with "Partners: …" if run onto it) and
    whether its list goes on to the next line; None for any other line."""
    m = _LEAD_LINE.match(line)
    lead = parse_attribution(m.group(1), names) if m else None
    if m is None or lead is None:
        return None
    partners = _listed(m.group(2) or "", names)
    return lead + tuple(p for p in partners or () if p not in lead), _goes_on(m.group(2) or "")


def partners_line(line: str, names: dict[str, str]) -> tuple[tuple[str, ...], bool] | None:
    """The bodies of a "Partners: NPA, MEXT" line and whether the list goes on to the next
    line; None for any other line."""
    m = _PARTNERS_LINE.match(line)
    if m is None:
        return None
    found = _listed(m.group(1), names)
    return None if found is None else (found, _goes_on(m.group(1)))


def more_partners(line: str, names: dict[str, str]) -> tuple[tuple[str, ...], bool] | None:
    """The rest of a list of bodies a line break cut ("MEXT" after "Partners: CFA,"): the
    legend's abbreviations only; None for any other line."""
    found = of_the_legend(line.rstrip(" ,.;"), names)
    return None if found is None else (found, _goes_on(line))


def _listed(text: str, names: dict[str, str]) -> tuple[str, ...] | None:
    return parse_attribution(text.rstrip(" ,;"), names) if text.strip(" ,;") else None


def _goes_on(text: str) -> bool:
    return _LIST_GOES_ON.search(text) is not None


def partners_of(builder: Builder, line: str) -> tuple[tuple[str, ...], bool] | None:
    """The bodies a line after an effort's lead credits it with too: its partners
    ("Partners: NPA, MEXT"), or the rest of their list the line end cut ("MEXT")."""
    if builder.partners == "line":
        return partners_line(line, builder.names)
    if builder.partners == "rest":
        return partners_line(line, builder.names) or more_partners(line, builder.names)
    return None


# "Competent authorities:" alone under an effort: its bodies follow, one on each line.
_BODIES_LABEL = re.compile(
    r"^(?:(?:competent|responsible|implementing)\s+)?(?:authority|authorities|bod(?:y|ies)|"
    r"ministr(?:y|ies)|agenc(?:y|ies))\s*[:：]$|^competent\s*[:：]$",
    re.I,
)
_LISTED = re.compile(r"^[-\u2010-\u2015•·*]\s*(.+?)[\s,.;]*$")


def bodies_listed(builder: Builder, line: str) -> bool:
    """Whether ``line`` is the label of an open effort's bodies listed below it, or one of
    them ("- CFA", "- Japan Coast Guard"), now credited to it; the effort stays open until
    a line that is neither. A list whose first body closed the effort ("— CFA" / "— DA")
    credits the effort it closed."""
    if builder.open is not None and _BODIES_LABEL.match(line):
        builder.partners = "items"
        return True
    item = _LISTED.match(line) if builder.partners == "items" else None
    found = parse_attribution(item.group(1), builder.names) if item else None
    if not found or not set(found) <= set(builder.names.values()):
        return False
    if builder.open is None:  # "— CFA" / "— DA" under an effort the first one closed
        builder.credit_last(found)
        return True
    owners = builder.open.ministries
    builder.open.ministries = owners + tuple(f for f in found if f not in owners)
    return True
