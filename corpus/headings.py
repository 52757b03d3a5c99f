"""The shapes of a report's section and measure headings.

Reports number their sections "1. Title" and open a measure with "O Title" or "○ Title";
other years write "Chapter II: Title", "Part 3 Title", "Section 1 — Title", "IV. Title",
"§4 Title", "[4] Title", "4 ─ Title", "IV- Title", "Theme 4. Title", "Article 4  Title",
"IV  TITLE IN CAPITALS" or "PART ONE" above its title for a section and "(a) Title", "(1)
Title", "1) Title", "① Title", "[Measure 2] Title", "B. Title", "4.2 Title", "4-b Title",
"M4.2 Title", "(4.2) Title", "IV-2. Title", "4(b) Title", "Para. 2  (Title)", "Measure 4.2:
Title" or "◆ Title" for a measure; a section may also be numbered without a full stop ("3
Title"), read as one only when it is the next section's number. The title is the first
line, or the first to name a fiscal year before the first section.
The heading's shape is read, never its wording.
"""

from __future__ import annotations

import re

__all__ = [
    "bare_section_heading",
    "captioned",
    "heading_alone",
    "labelled_heading",
    "measure_title",
    "numbered_in_brackets",
    "numbered_with_its_section",
    "numbered_in_figures",
    "numbered_measure_title",
    "section_heading",
    "title_line",
]

_SECTION = re.compile(r"^(\d{1,2})\s*[.．](?!\d)\s*(\S.*)$")
# "Chapter II: Title", "Part 3 - Title", "Section IV. Title": a word for a section, then its
# number, in Roman or Arabic figures.
_NAMED_SECTION = re.compile(
    r"^(?:chapter|part|section|pillar|goal|area|objective|theme|article|no\.)\s*([ivx]{1,5}|\d{1,2}|(?-i:[A-Z][a-z]+|[A-Z]+))\b"
    r"\s*[:.．\-–—]?\s+(\S.*)$",
    re.I,
)
# "PART ONE" alone on its line, the title on the lines after it.
_TITLE_BELOW = re.compile(
    r"^(?:chapter|part|section|pillar|article)\s+([ivx]{1,5}|\d{1,2}|[a-z]+)$", re.I
)
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(), start=1
    )
}
_ROMAN = {"i": 1, "v": 5, "x": 10}
# "IV. Prompt protection …": a Roman numeral alone, in capitals, then a title; or "§4 …".
_ROMAN_SECTION = re.compile(
    r"^([IVX]{1,5})[.\-]\s+([A-Z].*)$|^§\s*(\d{1,2})\s+([A-Z].*)$|"
    # "IV   PROMPT PROTECTION …": no full stop, a title in capitals
    r"^([IVX]{1,5})\s+([A-Z][A-Z,'’\- ]{8,})$|"
    # "[4]  Prompt protection …": the number in square brackets
    r"^\[(\d{1,2})\]\s+([A-Z][a-z].*)$|"
    # "4 ─ Prompt protection …": the number, a long dash
    r"^(\d{1,2})\s+[─—―]\s+([A-Z][a-z].*)$"
)
# "3 Promotion of measures": a number and a title with no full stop; a line of an effort
# may open with a figure too ("12 prefectures joined."), so the caller checks the number.
_BARE_SECTION = re.compile(r"^(\d{1,2})\s+([A-Z][A-Za-z]*(?:\s+[^\s.。]+)+)$")
# "O Title" needs the space (O is a letter); the circles ○ 〇 ◯ may touch the title.
_MEASURE = re.compile(r"^(?:[-\u2010-\u2015]\s*)?(?:O\s+|[○〇◯]\s*)(\S.*)$")
# "(1) Title", "(a) Title", "1) Title", "① Title", "3-1 Title", "[Measure 2] Title": a
# measure numbered, read as one when no effort is open ("3-1-2 Held …" is an effort).
_NUMBERED_MEASURE = re.compile(
    r"^(?:\(\d{1,2}\)|\([a-h]\)|\d{1,2}\)|[\u2460-\u2473]|\d{1,2}-\d{1,2}(?![-\d])|"
    r"\[\s*measure\s*\d{1,2}\s*\]|(?-i:[A-H])\.(?=\s)|\d{1,2}-(?-i:[a-h])(?=\s)|\d{1,2}\.\d{1,2}(?=\s+(?-i:[A-Z]))|"
    r"measure\s+\d{1,2}(?:\.\d{1,2})?\s*[:.]|(?-i:M)\d{1,2}\.\d{1,2}(?=\s)|"
    r"(?-i:[A-H])\.\d{1,2}(?=\s)|\d{1,2}\((?-i:[a-h])\)(?=\s)|\d{1,2}-\(\d{1,2}\)(?=\s)|\(\d{1,2}\.\d{1,2}\)|(?-i:[IVX]{1,5})-\d{1,2}\.(?=\s))\s*"
    r"([A-Z].*)$",
    re.I,
)
# "◆ Title": a mark that may also open an effort, so the title must read as one: no
# full stop at its end, and its first word no past tense, as an effort's is ("Held …").
_MARKED_MEASURE = re.compile(r"^[◆◇■□]\s*([A-Z][^.。]*[^.。\s])\s*$")
_PAST = re.compile(
    r"^(?:[A-Za-z-]+ed|held|ran|made|gave|sent|set|began|built|brought|chose|drew|found|"
    r"hung|kept|laid|led|lent|met|paid|put|read|saw|sought|spent|spread|taught|told|took|"
    r"undertook|won|wrote|bought|broadcast)\b",
    re.I,
)


def section_heading(line: str) -> tuple[int, str] | None:
    """The number and title of a section heading, or None.

    Example:
        >>> section_heading("2. Support for children"), section_heading("Chapter IV: Support")
        ((2, 'Support for children'), (4, 'Support'))
    """
    m = _SECTION.match(line)
    if m is not None:
        return int(m.group(1)), m.group(2)
    below = _TITLE_BELOW.match(line)
    if below is not None:  # "PART ONE": its title follows on the next lines
        value = _value(below.group(1))
        return (value, "") if value else None
    m = _NAMED_SECTION.match(line) or _ROMAN_SECTION.match(line)
    if m is None:
        return None
    if m.re is _ROMAN_SECTION and m.group(3):  # "§4 Prompt protection …"
        return int(m.group(3)), m.group(4)
    if m.re is _ROMAN_SECTION and (m.group(7) or m.group(9)):  # "[4] Title", "4 ─ Title"
        return int(m.group(7) or m.group(9)), m.group(8) or m.group(10)
    if m.re is _ROMAN_SECTION and m.group(5):  # "IV   PROMPT PROTECTION …"
        value = _roman(m.group(5).lower())
        return (value, m.group(6)) if value else None
    value = _value(m.group(1))
    if m.re is _NAMED_SECTION and m.group(1).isalpha() and not m.group(2)[:1].isupper():
        return None  # "Part D of the plan …" is a sentence; "Goal D: Prompt …" a heading
    return (value, m.group(2)) if value else None


def _value(number: str) -> int:
    """A section's number in figures, Roman numerals or words ("4", "IV", "Four"); 0
    when it is none of these."""
    if number.isdigit():
        return int(number)
    word = number.lower()
    if re.fullmatch(r"[A-H]", number) and number != "I":  # "Goal D": the fourth ("I" is one)
        return ord(number) - ord("A") + 1
    return _NUMBER_WORDS.get(word) or (_roman(word) if re.fullmatch(r"[ivx]+", word) else 0)


# A heading's label and number before its title, as a marked-up page writes it:
# "Objective 2 – Title", "Field 1 Title", "Measure 3: Title", "IV. Title".
_LABELLED = re.compile(r"^(?:[A-Z][A-Za-z]*\s+)?(\d{1,2}|[IVX]{1,5})\s*[.:–—)-]?\s+(?=\S)")


def labelled_heading(text: str) -> tuple[int, str]:
    """The number a heading of a marked-up page gives itself (0 when it gives none) and its
    title without the label.

    Example:
        >>> labelled_heading("Objective 2 – Support"), labelled_heading("Support")
        ((2, 'Support'), (0, 'Support'))
    """
    m = _LABELLED.match(text)
    return (_value(m.group(1)), text[m.end() :]) if m else (0, text)


def numbered_in_figures(line: str) -> bool:
    """Whether a section heading is numbered "2. Title"; a report whose sections are
    numbered otherwise ("IV. Title") numbers its efforts so ("7. Extended …")."""
    return _SECTION.match(line) is not None


def bare_section_heading(line: str, expected: int) -> tuple[int, str] | None:
    """The number and title of a section heading written without a full stop, when its
    number is ``expected`` (the section after the last one read), or None.

    Example:
        >>> bare_section_heading("2 Support for children", 2)
        (2, 'Support for children')
        >>> bare_section_heading("2 Support for children", 4), bare_section_heading("2 were", 2)
        (None, None)
    """
    m = _BARE_SECTION.match(line)
    if m is None or int(m.group(1)) != expected or len(line.split()) > 25:
        return None
    return expected, m.group(2)


def _roman(numeral: str) -> int:
    """The value of a Roman numeral up to XXXIX ("iv" → 4); 0 when it is none."""
    values = [_ROMAN[c] for c in numeral]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    return total if 0 < total < 40 else 0


def measure_title(line: str) -> str | None:
    """The title of a measure heading marked with a circle or an O (or a diamond or a
    square, when the rest reads as a title, not an effort), or None.

    Example:
        >>> measure_title("○ Promotion of filtering"), measure_title("◆ Support for guardians")
        ('Promotion of filtering', 'Support for guardians')
        >>> measure_title("◆ Held a forum for guardians") is None
        True
    """
    m = _MEASURE.match(line)
    if m:
        return m.group(1)
    m = _MARKED_MEASURE.match(line)
    return m.group(1) if m and not _PAST.match(m.group(1)) else None


# "Para. 1  (Promotion of …)": a paragraph of an article, its title a caption in brackets
# (which the line end may leave open).
_PARAGRAPH = re.compile(r"^para(?:graph)?\.?\s+\d{1,2}\s+\(?([A-Z][^()]*?)\)?$", re.I)


def numbered_measure_title(line: str) -> str | None:
    """The title of a numbered or lettered measure heading ("(a) Title"), or None."""
    m = _NUMBERED_MEASURE.match(line) or _PARAGRAPH.match(line)
    return m.group(1) if m else None


def numbered_in_brackets(line: str) -> bool:
    """Whether a measure heading is numbered "(4.2) Title"; a report whose measures are
    so numbered numbers its efforts "1)", "2)" within each, not its measures."""
    return re.match(r"^\(\d{1,2}\.\d{1,2}\)\s", line) is not None


def numbered_with_its_section(line: str) -> bool:
    """Whether a measure heading is numbered "IV-1. Title" or "1-(1) Title"; a report whose
    measures are so numbered letters its efforts "(a)", "(b)" (or "(A)") within each, not
    its measures."""
    return re.match(r"^(?:[IVX]{1,5}-\d{1,2}\.|\d{1,2}-\(\d{1,2}\))\s", line) is not None


# A fiscal year anywhere in the first line; written "FY2059" on a title further down.
_ANY_FISCAL_YEAR = re.compile(r"\b(?:FY\s?|fiscal\s+(?:year\s+)?)((?:19|20)\d\d)\b", re.I)
_TITLE_YEAR = re.compile(r"\bFY\s?(?:19|20)\d\d\b")


def title_line(numbered: list[tuple[int, str]]) -> tuple[int, str]:
    """The report's title: its first line, unless that names no fiscal year and a line
    before the first section does ("Report on the Efforts in FY2059 …" under a gazette's
    masthead and notice)."""
    first = numbered[0]
    if _ANY_FISCAL_YEAR.search(first[1]):
        return first
    before = []
    for line_no, line in numbered[1:]:
        if section_heading(line):
            break
        before.append((line_no, line))
    # "… in FY2059 …" first, then "Efforts in Fiscal Year 2059 …"
    for pattern in (_TITLE_YEAR, _ANY_FISCAL_YEAR):
        found = next(((n, line) for n, line in before if pattern.search(line)), None)
        if found:
            return found
    return first


def heading_alone(line: str) -> bool:
    """Whether a line is a section's heading without its title ("Article 2", "PART ONE"):
    a heading, however often pages repeat it, never page furniture."""
    return _TITLE_BELOW.match(line) is not None


def captioned(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines with a caption in brackets above a bare heading ("(Enhancement of …" /
    "collaboration)" above "Article 1") made the heading's title ("Article 1 Enhancement
    of … collaboration"), as a gazette prints an article's title.

    Example:
        >>> captioned([(1, "(Support for"), (2, "children)"), (4, "Article 2")])
        [(4, 'Article 2 Support for children')]
    """
    out: list[tuple[int, str]] = []
    for line_no, line in lines:
        start = next(
            (i for i in range(len(out) - 1, max(-1, len(out) - 4), -1) if out[i][1][:1] == "("),
            None,
        )
        caption = " ".join(text for _, text in out[start:]) if start is not None else ""
        whole = caption.endswith(")") and caption.count("(") == caption.count(")") == 1
        if start is not None and whole and _TITLE_BELOW.match(line):
            del out[start:]
            line = f"{line} {caption[1:-1].strip()}"
        out.append((line_no, line))
    return out
