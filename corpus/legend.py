"""The legend of abbreviations written as text rather than as one entry per line: a
sentence ("NPA refers to the National Police Agency, CAS to …"), pairs after a note
("Note: NPA = National Police Agency; …"), names each with its abbreviation in brackets
("National Police Agency (NPA); Cabinet Office (CAO); …"), all maybe wrapped over lines;
a legend table's row wrapped onto a second row; and each abbreviation above its name.

Pure, like :mod:`corpus.lines`, whose one-entry-per-line legend forms it complements.
"""

from __future__ import annotations

import re

from corpus.lines import _BODY_WORD, _LEGEND_ROW, _MINISTRY

__all__ = [
    "as_note",
    "join_legend_rows",
    "join_stacked_legend",
    "name_first_legend",
    "prose_legend",
    "run_in_legend",
    "side_by_side_legend",
]


# "In this report, NPA refers to the National Police Agency, CAS to the Cabinet
# Secretariat, … and DA to the Digital Agency.": the legend written as a sentence.
_DEFINES = r"(?:refers\s+to|refer\s+to|stands\s+for|is\s+short\s+for|means|denotes|to|for)"
# ... or '"NPA" means the National Police Agency; "CAS" means …', the abbreviations quoted.
_Q = "[\"“”]?"
_ABBR = rf"{_Q}[A-Z][A-Za-z0-9&\-]{{1,11}}{_Q}"
_PROSE_PAIR = re.compile(
    rf"(?<![\w&-]){_Q}([A-Z][A-Za-z0-9&\-]{{1,11}}){_Q}\s+{_DEFINES}\s+(?:the\s+)?"
    rf"([A-Z].*?)(?=\s*[,;]\s*(?:and\s+)?{_ABBR}\s+{_DEFINES}\s|"
    rf"\s*,?\s+and\s+{_ABBR}\s+{_DEFINES}\s|[.;]\s|[.;]$|$)"
)
_LEGEND_SENTENCE = re.compile(
    r"[^.]*(?:\b[A-Z][A-Za-z0-9&\-]{1,11}\s+(?:refers?\s+to|stands\s+for|is\s+short\s+for)|"
    r"[\"“][A-Z][A-Za-z0-9&\-]{1,11}[\"”]\s+means)\s+(?:[^.]|\.(?=\S))*\.?"
)


_EQUALS_PAIR = re.compile(
    r"(?<![\w&-])([A-Z][A-Za-z0-9&\-]{1,11})\s*=\s*([A-Z][^;=]*?)\s*(?=;|\.\s|\.$|$)"
)


def as_note(names: dict[str, str]) -> str:
    """A legend read from a marked-up report, written as the one line :func:`prose_legend`
    reads back.

    Example:
        >>> as_note({"NPA": "National Police Agency", "DA": "Digital Agency"})
        'Note: NPA = National Police Agency; DA = Digital Agency.'
    """
    return "Note: " + "; ".join(f"{abbr} = {name}" for abbr, name in names.items()) + "."


def prose_legend(text: str) -> dict[str, str]:
    """The legend written as a sentence, its lines joined: "In this report, NPA refers to
    the National Police Agency, CAS to the Cabinet Secretariat." gives both entries, and so
    does "Note: NPA = National Police Agency; CAS = Cabinet Secretariat.". Only a legend
    that defines two abbreviations or more, each a body's name, counts.

    Example:
        >>> prose_legend("NPA refers to the National Police Agency, and DA to the Digital Agency.")
        {'NPA': 'National Police Agency', 'DA': 'Digital Agency'}
    """
    found: dict[str, str] = {}
    joined = " ".join(text.split())
    # "Note: NPA = National Police Agency; CAS = Cabinet Secretariat; …", wrapped
    equals = {
        abbr: name
        for abbr, name in _EQUALS_PAIR.findall(joined)
        if _MINISTRY.match(abbr) and _BODY_WORD.search(name) and len(name) <= 90
    }
    if len(equals) >= 2:
        found.update(equals)
    for sentence in _LEGEND_SENTENCE.finditer(joined):
        pairs = {
            abbr: name.strip()
            for abbr, name in _PROSE_PAIR.findall(sentence.group(0))
            if _MINISTRY.match(abbr) and _BODY_WORD.search(name) and len(name) <= 90
        }
        if len(pairs) >= 2:
            found.update(pairs)
    return found


# A legend row wrapped onto a row with an empty first cell: "         | Technology".
_LEGEND_MORE = re.compile(r"^\s*\|\s*([^|\s][^|]*?)\s*\|?\s*$")
_STANDS_FOR = re.compile(r"^\s*[A-Z][A-Za-z0-9&\-]{1,11}\s+(?:stands\s+for|refers\s+to)\s", re.I)
_NAME_CONTINUED = re.compile(r"^\s{4,}((?:and|of|for|the|&)\b.*?)\s*$")


def join_legend_rows(lines: list[str]) -> list[str]:
    """``lines`` with a legend row's wrapped name joined to the row it continues (the
    wrapped row left blank, so line numbers stay): "MEXT | Ministry of Education, …,
    Science and" / "| Technology"."""
    out = list(lines)
    for i in range(1, len(out)):
        # "| Technology" in the name column; or indented, going on in lower case: "and
        # Technology"
        more = _LEGEND_MORE.match(out[i]) or _NAME_CONTINUED.match(out[i])
        stands = _STANDS_FOR.match(out[i - 1])
        row = _LEGEND_ROW.match(out[i - 1]) or stands
        if row and _NAME_GOES_ON.search(out[i - 1].rstrip()):
            # "MEXT stands for … and" / "  Technology."; "MEXT ..... …, Science and" /
            # "      Technology" under its name
            more = more or _INDENTED.match(out[i])
        if more and row and not _LEGEND_ROW.match(out[i]):
            out[i - 1] = f"{out[i - 1].rstrip().rstrip('|').rstrip()} {more.group(1)}"
            out[i] = ""
    return out


# An abbreviation alone at the start of a line, its name indented on the lines below it.
_ABBREVIATION_ALONE = re.compile(r"^([A-Z][A-Za-z0-9&\-]{1,11})\s*$")
_INDENTED = re.compile(r"^\s{2,}(\S.*?)\s*$")
# A name that goes on to the next line ends with a word that joins: "…, Science and".
_NAME_GOES_ON = re.compile(r"(?:\b(?:and|of|for|the|on|in)|[,&])$", re.I)


def join_stacked_legend(lines: list[str]) -> list[str]:
    """``lines`` with a legend written one abbreviation above its indented name ("MEXT" /
    "    Ministry of Education, …, Science and" / "    Technology") as the entry "MEXT:
    Ministry of …" the glossary reads, on the abbreviation's line (the name's lines left
    blank, so line numbers stay). Only an abbreviation and a body's name make an entry.

    Example:
        >>> join_stacked_legend(["NPA", "    National Police Agency", "Held a forum"])
        ['NPA: National Police Agency', '', 'Held a forum']
    """
    out = list(lines)
    for i in range(len(out) - 1):
        abbr = _ABBREVIATION_ALONE.match(out[i])
        name = _INDENTED.match(out[i + 1])
        if abbr is None or name is None or not _MINISTRY.match(abbr.group(1)):
            continue
        words, end = [name.group(1)], i + 2
        while end < len(out) and _NAME_GOES_ON.search(words[-1]):
            more = _INDENTED.match(out[end])
            if more is None:
                break
            words.append(more.group(1))
            end += 1
        full = " ".join(words)
        if not _BODY_WORD.search(full) or len(full) > 90:
            continue
        out[i] = f"{abbr.group(1)}: {full}"
        out[i + 1 : end] = [""] * (end - i - 1)
    return out


# "National Police Agency (NPA)" between semicolons: a name, then its abbreviation.
_NAME_ABBR = re.compile(
    r"(?:^|[;:]\s*)([A-Z][^;:()]{2,100}?)\s*\(([A-Z][A-Za-z]{1,5})\)(?=\s*(?:[;.]|$))"
)


def name_first_legend(text: str) -> dict[str, str]:
    """A legend written as names with their abbreviations in brackets, three or more, one
    after another ("National Police Agency (NPA); Cabinet Secretariat (CAS); …"), wrapped
    over lines; {} when ``text`` has none.

    Example:
        >>> name_first_legend("Bodies: National Police Agency (NPA); Cabinet Office\\n(CAO); "
        ...                   "Digital Agency (DA).")
        {'NPA': 'National Police Agency', 'CAO': 'Cabinet Office', 'DA': 'Digital Agency'}
    """
    joined = " ".join(text.split())
    pairs = {
        abbr: name.strip()
        for name, abbr in _NAME_ABBR.findall(joined)
        if _BODY_WORD.search(name) and len(name) <= 90
    }
    return pairs if len(pairs) >= 3 else {}


# "ACA  — Agency for Cultural Affairs      MEXT — Ministry of Education, Culture,": entries
# set in two columns side by side, an abbreviation, a dash, its name.
_SIDE_ENTRY = re.compile(
    r"(?:(?<=\s{3})|^)([A-Z][A-Za-z0-9&\-]{1,11})\s*[—–]\s+(\S.*?)(?=\s{3,}|\s*$)"
)
_CELL = re.compile(r"\S+(?:\s{1,2}\S+)*")


def side_by_side_legend(lines: list[str]) -> dict[str, str]:
    """A legend set in columns side by side ("ACA — Agency for Cultural Affairs" beside
    "MEXT — Ministry of Education, Culture,"), a name wrapped onto an indented line under
    its own column ("Sports, Science and Technology"); {} when ``lines`` hold none (three
    entries make one).

    Example:
        >>> side_by_side_legend(["CAO — Cabinet Office      MOJ — Ministry of",
        ...                      "                                Justice",
        ...                      "DA  — Digital Agency      NPA — National Police Agency"])["MOJ"]
        'Ministry of Justice'
    """
    entries: dict[str, str] = {}
    columns: dict[int, str] = {}  # where each column's name starts → its latest entry
    for raw in lines:
        found = [m for m in _SIDE_ENTRY.finditer(raw) if _MINISTRY.match(m.group(1))]
        if found:
            for m in found:
                entries[m.group(1)] = m.group(2)
                columns = {k: v for k, v in columns.items() if k != m.start(2)}
                columns[m.start(2)] = m.group(1)
            continue
        for cell in _CELL.finditer(raw):  # "Sports, Science and Technology" under its column
            at = max((c for c in columns if c <= cell.start() + 2), default=None)
            abbr = columns.get(at) if at is not None else None
            if abbr and _NAME_GOES_ON.search(entries[abbr]) and cell.start() >= 4:
                entries[abbr] = f"{entries[abbr]} {cell.group(0)}"
    named = {a: n for a, n in entries.items() if _BODY_WORD.search(n) and len(n) <= 90}
    return named if len(named) >= 3 else {}


# "Abbreviations: CAO, Cabinet Office; CAS, Cabinet Secretariat; …": a run-in legend, each
# entry an abbreviation, a comma and a name (which may hold commas), between semicolons.
_LABEL = r"(?:[A-Z][a-z]+(?:\s+[a-z]+)?\s*:\s*)?"  # "Abbreviations:", "Key:"
_RUN_IN_START = re.compile(rf"^\s*{_LABEL}[A-Z][A-Za-z0-9&\-]{{1,11}},\s+[A-Z][^;]*;")
_RUN_IN_PAIR = re.compile(
    rf"(?:^|;)\s*{_LABEL}([A-Z][A-Za-z0-9&\-]{{1,11}}),\s+([^;]+?)\s*(?=;|\.?\s*$)"
)


def run_in_legend(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """A legend run in as one paragraph ("Abbreviations: CAO, Cabinet Office; MEXT,
    Ministry of Education, …; NPA, National Police Agency."), maybe wrapped, and ``lines``
    with it blanked (so that it joins no effort a page break cut); ({}, ``lines``) when
    there is none (three entries make one).

    Example:
        >>> run_in_legend(["Abbreviations: CAO, Cabinet Office; DA, Digital", "Agency; NPA,",
        ...                "National Police Agency."])[0]["DA"]
        'Digital Agency'
    """
    for i, raw in enumerate(lines):
        if not _RUN_IN_START.match(raw):
            continue
        end = i + 1
        while end < len(lines) and lines[end].strip() and not lines[end - 1].rstrip().endswith("."):
            end += 1
        joined = " ".join(line.strip() for line in lines[i:end])
        pairs = {
            abbr: name
            for abbr, name in _RUN_IN_PAIR.findall(joined)
            if _MINISTRY.match(abbr) and _BODY_WORD.search(name) and len(name) <= 90
        }
        if len(pairs) >= 3:
            return pairs, lines[:i] + [""] * (end - i) + lines[end:]
    return {}, lines

