"""A report circulated as a diplomatic cable: a telegram summary in capitals.

A foreign ministry sends the report to its missions as a numbered telegram: routing lines
(``FM MOFA TOKYO``, ``INFO NPA TOKYO``), ``SUBJ:`` and ``REF:`` lines, a ``SUMMARY: …
END SUMMARY.``, then numbered paragraphs: a section is ``1. (U) TITLE``, a measure
``1.A. TITLE``, an effort ``1.A.(1) TEXT``, each wrapped flush left, and each effort is
followed by its ``ACTION: CFA/NPA`` line (bodies by abbreviation or in full, perhaps
wrapped). Everything is in capitals but the titles it quotes. The legend is a paragraph of
``-- NATIONAL POLICE AGENCY (NPA)`` entries, then "OTHER ABBREVIATIONS" of the text's own
(``-- PER CENT (PCT)``), and a point of contact; every page opens with ``UNCLASSIFIED``
and ``PAGE 04 OF 19 …`` and closes with ``UNCLASSIFIED``, inside a heading or an effort too.

:func:`cable_to_plain` writes what such a report holds: its subject as the title, "2.
Title" for a section, "O Title" for a measure (headings in sentence case, the text's
abbreviations kept), "· Text [CFA, NPA]" for an effort, whole, on its first line (its text
in ordinary case: ``corpus.casing.true_case``; "71 PCT" as 71%), and "Note: NPA = National
Police Agency; …" for the legend; the other lines are left blank. A report not written so
comes back unchanged. Pure.
"""

from __future__ import annotations

import re

from corpus.casing import sentence_case, title_case, true_case
from corpus.legend import as_note

__all__ = ["cable_to_plain"]

_SECTION = re.compile(r"^(\d{1,2})\.\s+\(U\)\s+(\S.*)$")
_MEASURE = re.compile(r"^\d{1,2}\.[A-Z]\.\s+(\S.*)$")
_EFFORT = re.compile(r"^\d{1,2}\.[A-Z]\.\(\d{1,2}\)\s+(\S.*)$")
_ACTION = re.compile(r"^ACTION:\s*(.*)$")
_FURNITURE = re.compile(r"^(?:UNCLASSIFIED|UNCLAS\b.*|PAGE\s+\d+\s+OF\s+\d+\b.*|BT|NNNN|#\d+)$")
_SUBJECT = re.compile(r"^SUBJ:\s*(\S.*)$")
_PER_CENT = re.compile(r"(\d)\s*PCT\b")
_FIELD = re.compile(r"^[A-Z]{2,}:")
_ENTRY = re.compile(r"^--\s+(\S.*)$")
_NAMED = re.compile(r"^(.+?)\s*\(([A-Z][A-Za-z0-9&]{1,11})\)\.?$")
_OTHER = re.compile(r"^OTHER\s+ABBREVIATIONS\b")
_MIN = 3


def cable_to_plain(lines: list[str]) -> list[str]:
    """``lines`` with a cable's paragraphs written as the report they hold (as many
    lines); any other report unchanged."""
    sections = [i for i, line in enumerate(lines) if _SECTION.match(line)]
    efforts = sum(1 for line in lines if _EFFORT.match(line))
    actions = sum(1 for line in lines if _ACTION.match(line))
    if len(sections) < 2 or efforts < _MIN or actions < _MIN:
        return lines
    out = [""] * len(lines)
    names, kept = _legend(lines, out)
    full = {name.upper(): abbr for abbr, name in names.items()}
    subject = next((i for i in range(sections[0]) if _SUBJECT.match(lines[i])), None)
    if subject is not None:  # "SUBJ: FY2081 EFFORTS ON THE "Basic Plan …" -- …", wrapped
        block = _block(lines, subject, page=False)
        fields = [n for n, line in enumerate(block) if _FIELD.match(line)]  # "REF: …"
        words = _SUBJECT.sub(r"\1", " ".join(block[: fields[1] if len(fields) > 1 else None]))
        out[subject] = sentence_case(words, kept)
    i = sections[0]
    while i < len(lines):
        line = lines[i]
        section, measure = _SECTION.match(line), _MEASURE.match(line)
        if section and _has_measure(lines, i):
            title = " ".join([section.group(2), *_block(lines, i)[1:]])
            out[i] = f"{section.group(1)}. {sentence_case(title, kept)}"
        elif measure:
            title = " ".join([measure.group(1), *_block(lines, i)[1:]])
            out[i] = f"O {sentence_case(title, kept)}"
        elif _EFFORT.match(line):
            i = _effort(lines, i, out, full, kept)
            continue
        i += 1
    return out


def _structural(line: str) -> bool:
    return bool(
        _SECTION.match(line) or _MEASURE.match(line) or _EFFORT.match(line) or _ACTION.match(line)
    )


def _block(lines: list[str], i: int, *, page: bool = True) -> list[str]:
    """The lines from ``i`` to the next blank one; across a page break (``page``) when
    what follows it is no heading, effort or action of its own."""
    block: list[str] = []
    while i < len(lines):
        line = lines[i].strip()
        if line and not _FURNITURE.match(line):
            block.append(line)
            i += 1
            continue
        k, crossed = i, False
        while k < len(lines) and (not lines[k].strip() or _FURNITURE.match(lines[k].strip())):
            crossed = crossed or bool(_FURNITURE.match(lines[k].strip()))
            k += 1
        if not (page and crossed and k < len(lines) and not _structural(lines[k].strip())):
            break
        i = k
    return block


def _has_measure(lines: list[str], i: int) -> bool:
    """Whether a numbered paragraph holds measures (the legend and the point of contact
    do not)."""
    for line in lines[i + 1 :]:
        if _SECTION.match(line):
            return False
        if _MEASURE.match(line):
            return True
    return False


def _effort(
    lines: list[str], i: int, out: list[str], full: dict[str, str], kept: frozenset[str]
) -> int:
    """Write the effort that starts at ``i`` on its first line; where it ends: after its
    ``ACTION:`` line and what wraps from it. Its text is written in ordinary case, a
    figure in per cent as such ("71 PCT": 71%)."""
    m = _EFFORT.match(lines[i])
    assert m is not None
    words, bodies, k = [m.group(1)], "", i + 1
    while k < len(lines):
        line = lines[k].strip()
        if _SECTION.match(line) or _MEASURE.match(line) or _EFFORT.match(line):
            break
        k += 1
        if not line or _FURNITURE.match(line):
            if bodies and not line:
                break  # the blank line after its action line ends the effort
            continue
        action = _ACTION.match(line)
        if action or bodies:
            bodies = f"{bodies} {action.group(1) if action else line}".strip()
        else:
            words.append(line)
    named = [b.strip(" .") for b in bodies.split("/") if b.strip(" .")]
    named = [full.get(b.upper(), b) for b in named]
    text = true_case(_PER_CENT.sub(r"\1%", " ".join(words)), kept)
    out[i] = f"· {text} [{', '.join(named)}]" if named else f"· {text}"
    return k


def _legend(lines: list[str], out: list[str]) -> tuple[dict[str, str], frozenset[str]]:
    """The bodies of the legend's ``-- NAME (ABBR)`` entries, written as one line of
    pairs on the first entry, each name in title case; and every abbreviation the cable
    defines (the bodies' and the text's own, "SNS", "PCT"), to keep in capitals."""
    names: dict[str, str] = {}
    kept: set[str] = set()
    first, other, entry = None, False, ""
    for i, raw in enumerate([*lines, ""]):
        line = raw.strip()
        if _OTHER.match(line):
            other = True
        starts = _ENTRY.match(line)
        if entry and (starts or not line or _FURNITURE.match(line) or _SECTION.match(line)):
            m = _NAMED.match(entry)
            if m:
                kept.add(m.group(2))
                if not other:
                    names[m.group(2)] = title_case(m.group(1))
            entry = ""
        if starts:
            first = i if first is None else first
            entry = starts.group(1)
        elif entry and line and not _FURNITURE.match(line):
            entry = f"{entry} {line}"
    if len(names) < _MIN or first is None:
        return {}, frozenset(kept)
    out[first] = as_note(names)
    return names, frozenset(kept)
