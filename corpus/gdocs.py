"""A report kept in an online word processor (Google Docs) and downloaded as plain text.

The heading styles are flattened to lines with the numbers typed by hand, not always alike:
``Section 1 – Title`` (or ``Section 3 - …``, ``Section 5: …``), ``Sub-section 1.1 – Title``
(``Subsection 3.2 …``, ``Sub-section 4.4. – …``); a contents list repeats the section
headings first. An effort is a ``● `` bullet whose first paragraph ends with the bodies in
charge in brackets (``(focal point: NPA)``, ``(focal points: CFA, NPA & MEXT)``, a body in
full too); ``○`` and ``■`` items nested under it and a table (``Table 1 – …`` then rows
of tab-separated cells) belong to it. Pasted input sheets keep their hard line breaks
and their page footer and header (``Input sheet IC-3 | p. 2/4``, then a line naming the
sheet), inside an effort too. Comment anchors are glued to words (``countries[g]``) and
the comment threads follow the footer at the end. The legend is a table of tab-separated
abbreviation and name pairs.

:func:`gdocs_to_plain` writes what such a report holds: "1. Title" for a section, "O
Title" for a measure, "· text [NPA, MEXT]" for an effort, whole, on its first line, and
"Note: NPA = National Police Agency; …" for the legend; the other lines are left blank. A
report not written so comes back unchanged. Pure.
"""

from __future__ import annotations

import re

from corpus.legend import as_note
from corpus.plaintables import markdown_line

__all__ = ["gdocs_to_plain"]

_SECTION = re.compile(r"^Section[\s\u00a0]*(\d{1,2})\s*[–—:-]\s*(\S.*)$")
_MEASURE = re.compile(r"^Sub-?section\s+\d{1,2}\.\d{1,2}\.?\s*[–—:-]?\s*(\S.*)$", re.I)
_BULLET = re.compile(r"^●\s*(\S.*)$")
_NESTED = re.compile(r"^\s+[○■◦▪•-]\s*(\S.*)$")
_CAPTION = re.compile(r"^Table\s+\d{1,2}\s*[–—:-]\s*\S")
_SHEET = re.compile(r"^Input\s+sheet\b.*\|\s*p\.\s*\d+\s*/\s*\d+\s*$", re.I)
_ANCHOR = re.compile(r"(?<=\S)\[[a-z]{1,2}\]")
_THREAD = re.compile(r"^\[[a-z]{1,2}\]\S")
_CREDIT = re.compile(r"\((?:[A-Za-z ]{3,30}:\s*)?([^()]+)\)\s*\.?\s*$")
_MIN = 3


def gdocs_to_plain(lines: list[str]) -> list[str]:
    """``lines`` with a downloaded document's typed headings and bullets written as the
    report they hold (as many lines); any other report unchanged."""
    clean = [_ANCHOR.sub("", line) for line in lines]
    heads = [i for i, line in enumerate(clean) if _SECTION.match(line)]
    measures = sum(1 for line in clean if _MEASURE.match(line))
    bullets = sum(1 for line in clean if _BULLET.match(line))
    if len(heads) < 2 or measures < _MIN or bullets < _MIN:
        return lines
    out = [""] * len(lines)
    out[: heads[0]] = lines[: heads[0]]
    names = _legend(clean, out)
    full = {name.lower(): abbr for abbr, name in names.items()} | {a.lower(): a for a in names}
    i = heads[0]
    while i < len(clean):
        line = clean[i]
        if _THREAD.match(line):
            break  # the comment threads after the footer: nothing of the report
        section, measure = _SECTION.match(line), _MEASURE.match(line)
        if section and not _listed(clean, i):
            out[i] = f"{section.group(1)}. {section.group(2).strip()}"
        elif measure:
            out[i] = f"O {measure.group(1).strip()}"
        elif _BULLET.match(line):
            i = _effort(clean, i, out, full)
            continue
        i += 1
    for k in range(heads[0]):  # the contents list and the legend table before the sections
        if _SECTION.match(clean[k]) or "\t" in clean[k]:
            out[k] = out[k] if out[k].startswith("Note:") else ""
    return out


def _listed(lines: list[str], i: int) -> bool:
    """Whether a section heading stands in the contents list: another one next to it."""
    near = [lines[k] for k in (i - 1, i + 1) if 0 <= k < len(lines)]
    return any(_SECTION.match(x) for x in near)


def _effort(lines: list[str], i: int, out: list[str], full: dict[str, str]) -> int:
    """Write the effort whose bullet is at ``i`` on its first line; where it ends."""
    m = _BULLET.match(lines[i])
    assert m is not None
    first, rest, caption = [m.group(1)], list[str](), ""
    rows: list[list[str]] = []
    k = i + 1
    while k < len(lines):
        line = lines[k]
        if _BULLET.match(line) or _SECTION.match(line) or _MEASURE.match(line):
            break
        if _THREAD.match(line) or line.startswith("Page "):
            break
        k += 1
        if not line.strip():
            if rest or rows or _CREDIT.search(" ".join(first)):
                break
            continue
        if _SHEET.match(line):
            k += 1  # the pasted sheet's footer, then its header on the next line
            continue
        nested = _NESTED.match(line)
        if _CAPTION.match(line):
            caption = line.strip()
        elif "\t" in line:
            rows.append([cell.strip() for cell in line.split("\t")])
        elif nested:
            rest.append(nested.group(1).strip())
        elif rest or rows:
            rest.append(line.strip())
        else:
            first.append(line.strip())
    text, bodies = _credits(" ".join(first), full)
    for item in rest:  # the items under it, after a full stop or a semicolon
        text = f"{text.rstrip(';')}{'' if text.endswith(('.', ':', ';')) else ';'} {item}"
    if rows:
        text = f"{text} {markdown_line(rows, caption)}"
    out[i] = f"· {text} [{', '.join(bodies)}]" if bodies else f"· {text}"
    return k


def _credits(text: str, full: dict[str, str]) -> tuple[str, list[str]]:
    """The first paragraph without the bracket of bodies that ends it, and the bodies."""
    m = _CREDIT.search(text)
    if m is None:
        return text, []
    said = m.group(1)
    for name in sorted(full, key=len, reverse=True):  # a name in full with its own comma
        said = re.sub(rf"\b{re.escape(name)}\b", full[name], said, flags=re.I)
    parts = [p.strip() for p in re.split(r",\s*|\s+&\s+|\s+and\s+", said)]
    bodies = [full.get(p.lower()) for p in parts if p]
    if not bodies or None in bodies:
        return text, []  # "(My Body Is Precious)": no bodies
    return text[: m.start()].rstrip(), [b for b in bodies if b]


def _legend(lines: list[str], out: list[str]) -> dict[str, str]:
    """Rows of tab-separated abbreviation and name pairs ("CAS<TAB>Cabinet Secretariat<TAB>
    MOJ<TAB>Ministry of Justice"), written as one line of pairs where they start."""
    names: dict[str, str] = {}
    start = None
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.split("\t")]
        pairs = list(zip(cells[::2], cells[1::2], strict=False))
        found = [(a, n) for a, n in pairs if re.fullmatch(r"[A-Z][A-Za-z]{1,7}", a) and n]
        if found and len(found) == len(pairs) and all(" " in n for _, n in found):
            names.update(found)
            start = i if start is None else start
    if len(names) < _MIN or start is None:
        return {}
    out[start] = as_note(names)
    return names
