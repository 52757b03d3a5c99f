"""What one line of an efforts report says: the ministries of an attribution, a legend
entry, the months an effort names. Pure functions of a string, used by :mod:`corpus.parser`.
"""

from __future__ import annotations

import re

from corpus.dates import MONTHS, NUMERIC_MONTH, day_first, find_dates, numeric_month_of
from corpus.layout import ATTRIBUTION_LABEL, spell_out

__all__ = [
    "day_first",
    "MONTHS",
    "NUMERIC_MONTH",
    "numeric_month_of",
    "find_dates",
    "glossary_pairs",
    "renamings",
    "legend_row",
    "normalise_line",
    "paren_attribution",
    "parse_attribution",
]

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000\u202f\u205f\ufeff]+")
# Abbreviations: short, starting with a capital and holding at least two (NPA, MoJ, MHLW).
_MINISTRY = re.compile(r"^(?=[A-Z](?:[^A-Z]*[A-Z]))[A-Z][A-Za-z0-9&\-]{1,11}$")
_GLOSSARY_ENTRY = re.compile(
    r"^([A-Z][A-Za-z0-9&\-]{1,11})\s*(?::|=|–|—|-|\s(?:stands\s+for|refers\s+to|is\s+short\s+for)"
    r"(?:\s+the)?)\s*([A-Z][^:=()\[\]]{5,80}?(?:\s+\([A-Z][^()]{1,30}\))?)\.?$"
)
# The name may hold one bracket of its own: "CFYA (Children, Families and Youth Agency;
# formerly CFA (Children and Families Agency), renamed on October 1, 2090)".
_GLOSSARY_PAIR = re.compile(
    r"\b([A-Z][A-Za-z0-9&\-]{1,11})\s*\(((?:[^()]|\([^()]{0,120}\)){3,240}?)\)"
)
# A note after a body's name in the legend: "; formerly CFA (…), renamed on …".
_NAME_NOTE = re.compile(r"\s*(?:;|,\s*(?=(?:formerly|previously|renamed|until|since)\b)).*$", re.I)
_ATTRIBUTION_SPLIT = re.compile(r"\s*(?:,|、|/|／|&|・|;|\||\+)\s*(?:and\s+)?|\s+and\s+")
_ETC = re.compile(r"[,、\s]*\b(?:etc\.?|and others|others)\s*$", re.I)
# Full-width forms of ASCII ("［ＭＥＸＴ］", "１２") and the ideographic space, as in
# reports set in Japanese fonts, read as their ASCII letters; a soft hyphen
# ("speciali\u00adzing") is no character at all.
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x00AD: None}


def normalise_line(line: str) -> str:
    """Collapse tabs, non-breaking and other odd spaces into one space, read full-width
    letters as ASCII, and strip.

    Example:
        >>> normalise_line("\\u00a0 Held a\\tseminar ")
        'Held a seminar'
    """
    return spell_out(_SPACES.sub(" ", line.translate(_FULL_WIDTH))).strip()


def parse_attribution(inner: str, names: dict[str, str] | None = None) -> tuple[str, ...] | None:
    """Split the inside of ``[...]`` into ministry abbreviations, or None if it is not one.

    Full names from the report's glossary (``names``: lower-case full name → abbreviation)
    are accepted too and turned into their abbreviations; a trailing "etc." is dropped.

    Example:
        >>> parse_attribution("MIC, MEXT, and METI")
        ('MIC', 'MEXT', 'METI')
        >>> parse_attribution("Cabinet Office and NPA", {"cabinet office": "CAO"})
        ('CAO', 'NPA')
    """
    text = _ETC.sub("", inner.strip())
    plain = _split_abbreviations(text)
    if plain is not None:
        return plain
    if not names:
        return _bodies(text)
    found: list[tuple[int, str]] = []
    if names:
        # Full names first: "Ministry of Health, Labour and Welfare" holds the separators.
        lowered = text.lower()
        for name in sorted(names, key=len, reverse=True):
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", lowered):
                found.append((m.start(), names[name]))
                lowered = lowered[: m.start()] + "\0" * len(name) + lowered[m.end() :]
        text = "".join("\0" if lowered[i] == "\0" else ch for i, ch in enumerate(text))
    parts = _ATTRIBUTION_SPLIT.split(text.replace("\0", " , "))
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not _MINISTRY.match(part):
            return _bodies(inner)
        found.append((text.find(part), part))
    if not found:
        return None
    return tuple(dict.fromkeys(abbr for _, abbr in sorted(found)))


# Words that make a name in brackets a government body even when the glossary lacks it.
_BODY_WORD = re.compile(
    r"\b(?:ministry|agency|office|secretariat|cabinet|police|bureau|commission|council|"
    r"cent(?:er|re)|guard|authority|headquarters)\b",
    re.I,
)


def _bodies(inner: str) -> tuple[str, ...] | None:
    """Government bodies named in full that the glossary does not list ("[Ministry of
    Justice; Reconstruction Agency]"), kept as written rather than losing the effort."""
    split = re.split(r"\s*[;；、/／]\s*|\s+and\s+(?=[A-Z])", inner)
    parts = [p.strip() for p in split if p.strip()]
    if parts and all(_BODY_WORD.search(p) and p[:1].isupper() for p in parts):
        return tuple(dict.fromkeys(parts))
    return None


def _split_abbreviations(text: str) -> tuple[str, ...] | None:
    parts = [p.strip() for p in _ATTRIBUTION_SPLIT.split(text)]
    names = [p for p in parts if p]
    if not names or not all(_MINISTRY.match(n) for n in names):
        return None
    return tuple(dict.fromkeys(names))


# "NPA<tab>National Police Agency": a row of the legend printed as a table (or with dot
# leaders: "NPA ........ National Police Agency").
_LEGEND_ROW = re.compile(
    r"^\s*(?:\|\s*)?([A-Z][A-Za-z0-9&\-]{1,11})(?:\t+|\s{3,}|\s*\|\s*|\s*:\s+|\s*\.{3,}\s*)"
    r"([A-Z][^\t|]{3,80}?)\s*\|?\s*$"
)  # "NPA<tab>Name", "NPA | Name", "| NPA  : Name  |" (a row of a box)
_NAME_JOINERS = frozenset({"of", "and", "for", "the", "on", "in", "&"})


def legend_row(raw: str) -> str | None:
    """A legend row of a table, "ABBR<tab>Full Name", written as the entry "ABBR: Full
    Name" the glossary reads; None for any other line. The name must read as a body's
    name: its words capitalised but for joiners, and a word such as "Agency" in it.

    Example:
        >>> legend_row("DA\tDigital Agency"), legend_row("NPA\tHeld a seminar for police")
        ('DA: Digital Agency', None)
    """
    m = _LEGEND_ROW.match(raw)
    if m is None or not _MINISTRY.match(m.group(1)) or not _BODY_WORD.search(m.group(2)):
        return None
    words = m.group(2).replace(",", " ").split()
    if not all(w.lstrip("(")[:1].isupper() or w in _NAME_JOINERS for w in words):
        return None
    return f"{m.group(1)}: {m.group(2)}"


def glossary_pairs(line: str) -> dict[str, str] | None:
    """The legend's ``ABBR (Full Name)`` pairs on this line (two or more), or its one
    ``ABBR: Full Name`` entry (also ``=`` or a dash) when the name is a government body."""
    single = _GLOSSARY_ENTRY.match(line)
    if single and _MINISTRY.match(single.group(1)) and _BODY_WORD.search(single.group(2)):
        return {single.group(1): normalise_line(single.group(2))}
    pairs = [(a, n) for a, n in _GLOSSARY_PAIR.findall(line) if _MINISTRY.match(a)]
    if len(pairs) < 2:
        return None
    # A glossary line is mostly pairs: what is left once they are removed is only punctuation.
    rest = re.sub(r"\band\b", "", _GLOSSARY_PAIR.sub("", line))
    if len(re.sub(r"[\W_]", "", rest)) > 10:
        return None
    return {abbr: normalise_line(_NAME_NOTE.sub("", name)) for abbr, name in pairs}


# "formerly CFA (Children and Families Agency)": the name a body had before.
_FORMERLY = re.compile(
    r"\b(?:formerly|previously|renamed\s+from)\s+(?:the\s+)?([A-Z][A-Za-z0-9&\-]{1,11})\b"
)


def renamings(line: str) -> dict[str, str]:
    """The bodies a legend line says were renamed, each with its former abbreviation:
    "CFYA (Children, Families and Youth Agency; formerly CFA (…), renamed on …)" →
    {"CFYA": "CFA"}."""
    if glossary_pairs(line) is None:
        return {}
    out = {}
    for abbr, name in _GLOSSARY_PAIR.findall(line):
        former = _FORMERLY.search(name)
        if former and _MINISTRY.match(former.group(1)) and former.group(1) != abbr:
            out[abbr] = former.group(1)
    return out


# "… (March 2016). (CAO)": an attribution in round brackets (full-width in the source).
_PAREN_ATTRIBUTION = re.compile(
    r"\(([A-Z][A-Za-z]{1,5}(?:(?:,\s*|\s+and\s+|・|、)[A-Z][A-Za-z]{1,5})*)\)\s*[.。]?\s*$"
)


# "… (Responsible: NPA, DA)": an attribution its label says is one.
_LABELLED_ATTRIBUTION = re.compile(
    r"\((?:responsible|ministr(?:y|ies)|agenc(?:y|ies)|lead|in\s+charge|competent)\s*[:：]\s*"
    r"([^()]{2,120})\)\s*[.。]?\s*$",
    re.I,
)


# "… in 9 prefectures. Responsible bodies: CFA, MOJ & NPA": the bodies after their label.
_ABBR = r"[A-Z][A-Za-z]{1,5}"
_ABBREVIATIONS = rf"{_ABBR}(?:\s*(?:,|&|、)\s*{_ABBR}|\s+and\s+{_ABBR})*"
_TRAILING_LABEL = re.compile(
    rf"(?:^|\s)(?i:responsible\s+bod(?:y|ies))\s*[:：]\s*({_ABBREVIATIONS})\s*[.。]?\s*$|"
    # "… Implemented by: CFA, NPA." or the bodies' full names: "… by: Children and Families
    # Agency and National Police Agency."
    r"(?:^|\s)(?i:implemented|carried\s+out|conducted)\s+by\s*[:：]\s*([A-Z][^:：]{1,200}?)"
    r"(?<![,、&])(?<!\sand)\s*[.。]?\s*$"  # not a list the line end cut: "by: NPA," / "DA."
)


# "… (Feb. 2052). (by CFA, MOJ and NPA)": the bodies that did it, in brackets.
_BY_ATTRIBUTION = re.compile(r"\(by\s+([^()]{2,120})\)\s*[.。]?\s*$", re.I)
# "NPA, MOFA: Held …": the bodies at the head of an effort, before a colon.
LEADING_LABEL = re.compile(
    r"^([A-Z][A-Za-z]{1,5}(?:(?:\s*[,/・&]\s*|\s+and\s+)[A-Z][A-Za-z]{1,5})*)\s*:\s+(?=\S)"
)


# "… (March 2050). — METI, DA": an attribution after a dash that ends the effort (also on
# a line of its own); "at Matsue Civic Hall — the first time in the region —" is text.
_DASH_ATTRIBUTION = re.compile(
    r"(?:^|\s)[—–]\s*([A-Z][A-Za-z]{1,5}(?:(?:\s*[,/・]\s*|\s+and\s+)[A-Z][A-Za-z]{1,5})*)"
    r"\s*[.。]?\s*$"
)


# "… (Mar. 2059). → MEXT, NPA": the bodies after an arrow, maybe named in full.
_ARROW_ATTRIBUTION = re.compile(r"(?:^|\s)→\s*([A-Z][^→]{1,160}?)\s*[.。]?\s*$")


# "Ministries: CFA; NPA" on the line after an effort: its attribution, labelled.
_ATTRIBUTION_LINE = re.compile(
    rf"^(?:{ATTRIBUTION_LABEL}|lead)(?:\s+in\s+charge)?\s*[:：]\s*(.{{2,120}}?)\s*[.。]?$",
    re.I,
)


# A body's full name after a dash, alone on a line: "— Japan Coast Guard".
_DASHED_NAMES = re.compile(r"^[—–]\s*([A-Z][^.。]{2,120}?)\s*[.。]?$")


def attribution_line(line: str, names: dict[str, str]) -> tuple[str, ...] | None:
    """The ministries of a line that is only an attribution: "— METI, DA", "Ministries:
    CFA; NPA"; None for any other line."""
    labelled = _ATTRIBUTION_LINE.match(line) or _DASHED_NAMES.match(line)
    if labelled:  # "Ministries: CFA; NPA", "— Japan Coast Guard"
        return parse_attribution(labelled.group(1), names)
    alone = paren_attribution(line, names)
    if alone is not None and alone.start() == 0:
        return parse_attribution(alone.group(1), names)
    return None


def paren_attribution(body: str, names: dict[str, str]) -> re.Match[str] | None:
    """An attribution in round brackets: labelled as one ("(Responsible: NPA)"), or only of
    the legend's abbreviations and not right after the name it abbreviates ("the National
    Police Agency (NPA)." defines it); or those abbreviations after a closing dash."""
    labelled = _LABELLED_ATTRIBUTION.search(body)
    if labelled and parse_attribution(labelled.group(1), names):
        return labelled
    trailing = _TRAILING_LABEL.search(body)
    if trailing and trailing.group(1) and of_the_legend(trailing.group(1), names):
        return trailing
    if trailing and trailing.group(2):
        found = parse_attribution(trailing.group(2), names)
        if found and set(found) <= set(names.values()):
            return _IMPLEMENTED_BY.search(body)  # group 1: the bodies, as for the others
    by = _BY_ATTRIBUTION.search(body)  # "(by CFA and DA)", not "(by telephone or chat)"
    if by and of_the_legend(by.group(1), names):
        return by
    dashed = _DASH_ATTRIBUTION.search(body)
    if dashed and of_the_legend(dashed.group(1), names):
        return dashed
    arrow = _ARROW_ATTRIBUTION.search(body)  # "→ Immigration Services Agency, CFA"
    found = parse_attribution(arrow.group(1), names) if arrow else None
    if arrow and found and set(found) <= set(names.values()):
        return arrow
    m = _PAREN_ATTRIBUTION.search(body)
    if m is None:
        return None
    found = of_the_legend(m.group(1), names)
    if not found:
        return None
    before = body[: m.start()].rstrip().lower()
    defined = any(before.endswith(full) for full, abbr in names.items() if abbr in found)
    return None if defined else m


def of_the_legend(inner: str, names: dict[str, str]) -> tuple[str, ...] | None:
    """The abbreviations ``inner`` lists, when every one is the legend's."""
    found = parse_attribution(inner)
    return found if found and set(found) <= set(names.values()) else None


# "… (by" or "… (by CFA, MOJ and" ending a line, closed on the next: "NPA)"; so a label
# ("(Competent:", "(Responsible: Ministry of") with anything after it.
_OPEN_BY = re.compile(
    r"\(by(?:\s+[A-Z][A-Za-z]{1,5}(?:\s*,|\s+and)?)*\s*$|"
    r"\((?i:competent|responsible)\s*[:：][^()]{0,100}$"
)
# "… Responsible" or "… Responsible bodies: CFA, MOJ" ending a line, the rest on the next:
# "body: MOJ", "& NPA".
_OPEN_LABEL = re.compile(
    r"(?<!\S)Responsible(?:\s+bod(?:y|ies)\s*:(?:\s*[A-Z][A-Za-z]{1,5}(?:\s*[,&、]|\s+and)?)*)?\s*$|"
    # "… Implemented" / "by: CFA.", "… Implemented by: Children and Families" / "Agency."
    r"(?<!\S)Implemented(?:\s+by\s*:?(?:\s+[A-Z][^.:]{0,160})?)?\s*$"
)
_LABEL_REST = re.compile(
    rf"^(?:bod(?:y|ies)\s*:\s*)?(?:(?:&|and|,)\s*)?{_ABBREVIATIONS}\s*[.。]?$|^bod(?:y|ies)\s*:$|"
    r"^(?:by\s*:\s*)?[A-Za-z][\w ,&]{0,120}[.。]?$"
)
# The bodies after "Implemented by:", as group 1.
_IMPLEMENTED_BY = re.compile(
    r"(?:^|\s)(?i:implemented|carried\s+out|conducted)\s+by\s*[:：]\s*([A-Z][^:：]{1,200}?)"
    r"(?<![,、&])(?<!\sand)\s*[.。]?\s*$"  # not a list the line end cut: "by: NPA," / "DA."
)


def broken_attribution(before: str, line: str) -> tuple[str, str] | None:
    """An attribution a line break split, "(by" / "CFA and MIC)" or "Responsible" / "body:
    MOJ", moved whole onto the second line: (the first line without it, the second with
    it); None if none was."""
    cut = _OPEN_BY.search(before)
    if cut is not None and re.match(r"^(?:(?:and|&)\s+)?[A-Z][^()]{0,100}\)\s*[.。]?\s*$", line):
        return before[: cut.start()].rstrip(), f"{cut.group(0)} {line}"
    cut = _OPEN_LABEL.search(before)
    if cut is not None and _LABEL_REST.match(line):
        return before[: cut.start()].rstrip(), f"{cut.group(0)} {line}"
    return None
