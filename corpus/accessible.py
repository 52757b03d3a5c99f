"""A report's accessible plain-text edition, written for screen readers.

Nothing in it is a symbol or a table: a section is ``SECTION TWO. Title.``, a measure
``Measure two point three. Title.``, an effort ``Item one. Text`` (counted again in each
measure), its lines wrapped; the bodies in charge follow on a line of their own, in full
and separated by semicolons (``Responsible: Ministry of Justice; National Police
Agency.``), perhaps wrapped too. Abbreviations are spelt letter by letter (``S N S``), a
table is read row by row as sentences, dates are written out (``Thursday the 14th of July
2078``, ``from the 15th of June to the 31st of July 2078``). Each print page is marked where
it starts and ends (``Print page 2 of 12. …``, ``End of print page 1 of 12.``), inside an
item too; an "About this edition" paragraph and a contents list come first, and the legend
is an appendix of spoken lines (``M E X T, said as mext, stands for the Ministry of …``).

:func:`accessible_to_plain` writes what such a report holds: "2. Title" for a section, "O
Title" for a measure, "· text [MOJ, NPA]" for an effort, whole, on its first line, and
"Note: NPA = National Police Agency; …" for the legend; the other lines are left blank. A
report not written so comes back unchanged. Pure.
"""

from __future__ import annotations

import re

from corpus.legend import as_note

__all__ = ["accessible_to_plain"]

_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_NUMBER = {w: n for n, w in enumerate(_WORDS, start=1)}
_N = "|".join(_WORDS)
_SECTION = re.compile(rf"^SECTION\s+({_N.upper()})\.\s+(\S.*)$")
_MEASURE = re.compile(rf"^Measure\s+(?:{_N})\s+point\s+(?:{_N})\.\s+(\S.*)$", re.I)
_ITEM = re.compile(rf"^Item\s+(?:{_N})\.\s+(\S.*)$", re.I)
_RESPONSIBLE = re.compile(r"^Responsible:\s*(.*)$")
_PAGE_MARK = re.compile(
    r"^(?:Print\s+page\s+\d+\s+of\s+\d+\..*|End\s+of\s+(?:print\s+page\s+\d+\s+of\s+\d+|section\s+"
    rf"(?:{_N})|document)\.)\s*$",
    re.I,
)
_APPENDIX = re.compile(r"^APPENDIX\b.*ABBREVIATIONS", re.I)
_OTHER = re.compile(r"^Other\s+abbreviations\b", re.I)
_STANDS_FOR = re.compile(
    r"^((?:[A-Z]\s)+[A-Z])(?:,\s+said\s+as\s+\w+,)?\s+stands\s+for\s+(?:the\s+)?(.+?)\.?$"
)
_SPELT = re.compile(r"\b[A-Z](?: [A-Z])+\b")  # "S N S"
_TITLE_YEAR = re.compile(r"^Fiscal\s+Year\s+((?:19|20)\d\d)\b")
_MIN = 3


def accessible_to_plain(lines: list[str]) -> list[str]:
    """``lines`` with an accessible edition's spoken sections, measures and items written
    as the report they hold (as many lines); any other report unchanged."""
    sections = [i for i, line in enumerate(lines) if _SECTION.match(line)]
    items = sum(1 for line in lines if _ITEM.match(line))
    said = sum(1 for line in lines if _RESPONSIBLE.match(line))
    if len(sections) < 2 or items < _MIN or said < _MIN:
        return lines
    out = [""] * len(lines)
    title = next((i for i in range(sections[0]) if _TITLE_YEAR.match(lines[i])), None)
    if title is not None:  # "Fiscal Year 2078 Efforts on …", perhaps wrapped
        out[title] = _TITLE_YEAR.sub(r"FY\1", " ".join(_block(lines, title)))
    names = _legend(lines, out)
    full = {name: abbr for abbr, name in names.items()}
    i = sections[0]
    while i < len(lines):
        line = lines[i]
        section, measure, item = _SECTION.match(line), _MEASURE.match(line), _ITEM.match(line)
        if section:
            title_words = " ".join([section.group(2), *_block(lines, i)[1:]])
            out[i] = f"{_NUMBER[section.group(1).lower()]}. {title_words.rstrip('.')}"
        elif measure:
            out[i] = f"O {' '.join([measure.group(1), *_block(lines, i)[1:]]).rstrip('.')}"
        elif item:
            i = _item(lines, i, out, full)
            continue
        i += 1
    return out


def _block(lines: list[str], i: int) -> list[str]:
    """The lines from ``i`` up to the next blank one."""
    block = []
    while i < len(lines) and lines[i].strip():
        block.append(lines[i].strip())
        i += 1
    return block


def _item(lines: list[str], i: int, out: list[str], full: dict[str, str]) -> int:
    """Write the item that starts at ``i`` on its first line; where it ends: after its
    "Responsible:" lines (page marks and the blank lines around them skipped)."""
    m = _ITEM.match(lines[i])
    assert m is not None
    words, bodies = [m.group(1)], ""
    k = i + 1
    while k < len(lines):
        line = lines[k].strip()
        if _SECTION.match(line) or _MEASURE.match(line) or _ITEM.match(line):
            break
        k += 1
        if not line or _PAGE_MARK.match(line):
            if bodies and not line:
                break  # the blank line after its bodies ends the item
            continue
        responsible = _RESPONSIBLE.match(line)
        if responsible or bodies:
            bodies = f"{bodies} {responsible.group(1) if responsible else line}".strip()
        else:
            words.append(line)
    named = [b.strip(" .") for b in bodies.split(";") if b.strip(" .")]
    named = [full.get(re.sub(r"^the\s+", "", b), b) for b in named]
    text = _plain(" ".join(words))
    out[i] = f"· {text} [{', '.join(named)}]" if named else f"· {text}"
    return k


def _plain(text: str) -> str:
    """Abbreviations spelt letter by letter written as words ("S N S" as "SNS")."""
    return _SPELT.sub(lambda m: m.group(0).replace(" ", ""), text)


def _legend(lines: list[str], out: list[str]) -> dict[str, str]:
    """The appendix's bodies ("N P A stands for the National Police Agency."), written
    as one line of pairs on its heading; each abbreviation's name. The other
    abbreviations ("S N S stands for …") are no bodies."""
    head = next((i for i, line in enumerate(lines) if _APPENDIX.match(line)), None)
    if head is None:
        return {}
    names: dict[str, str] = {}
    entry = ""
    for line in [*lines[head + 1 :], ""]:
        line = line.strip()
        if _OTHER.match(line):
            break
        if entry and (not line or _STANDS_FOR.match(line) or _PAGE_MARK.match(line)):
            m = _STANDS_FOR.match(entry)
            if m:
                names[m.group(1).replace(" ", "")] = m.group(2).strip()
            entry = ""
        if _STANDS_FOR.match(line) or (entry and line and not _PAGE_MARK.match(line)):
            entry = f"{entry} {line}".strip()
    if len(names) < _MIN:
        return {}
    out[head] = as_note(names)
    return names
