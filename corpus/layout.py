"""The text layer: what PDF extraction leaves in a report's lines, cleaned before parsing.

The reports are text pulled out of PDFs. Before the parser reads a line's shape, the page
furniture goes (page numbers, running headers and footers repeated on every page, footnote
marks), words and brackets the page broke are joined again, typographic ligatures are
spelt out, and a bullet extracted as a letter of its dingbat font ("l Held a forum") is a
bullet again.
Pure functions over ``(line number, text)`` pairs: the parser keeps each effort's first
line number.
"""

from __future__ import annotations

import re

from corpus.headings import heading_alone

__all__ = ["clean_lines", "is_page_number", "plain_bullet", "rejoin", "spell_out"]

Line = tuple[int, str]

# Page furniture: "- 6 -", "6", "(6)", "p. 6", "Page 6", "6 / 20", "Page 6 of 9" alone on a
# line, or a running header ending in its page ("FY2017 Efforts on the Basic Plan – page 3").
_PAGE_NUMBER = re.compile(
    r"^(?:[-\u2010-\u2015]\s*)?(?:page\s+)?\d{1,3}(?:\s*/\s*\d{1,3}|\s+of\s+\d{1,3})?"
    r"(?:\s*[-\u2010-\u2015])?$|^\(\d{1,3}\)$|^p\.\s*\d{1,3}$|"
    r"^\[[\dlI]{1,3}\]$|^<\d{1,3}>$|"  # "(6)", "[6]", "<6>"
    r"[-\u2010-\u2015|]\s*(?:page|p\.)\s*\d{1,3}(?:\s+of\s+\d{1,3})?$",
    re.I,
)
# A rule drawn with characters above or below a table's rows: "------------".
# "────", "┌───┬───┐", "════"; "--------  ------  ------" under a table's columns
_RULE_CHARS = r"[-\u2010-\u2015\u2500-\u257f=_~]"
_RULE = re.compile(rf"^{_RULE_CHARS}{{4,}}(?:\s+{_RULE_CHARS}{{3,}})*$")
# A footnote mark after a word: 'the "Kodomo 110-ban no Ie"*1 along …', 'schools¹'.
_FOOTNOTE_MARK = re.compile(r"(?<=[\w\"”’)\].])(?:[*※]\d{1,2}(?!\d)|[¹²³⁴⁵⁶⁷⁸⁹]+)")
# A second effort run onto the line of the first: "… [NPA and MEXT] • Human rights …".
_RUN_ON = re.compile(r"(?<=[\]］】〕〉》])\s*[.。]?\s+(?=[·•・●▪➢]\s*\S)")
_OPEN_BRACKET = re.compile(r"[\[［【〔〈《{«][^\]］】〕〉》}»]{0,80}$")
_CLOSE_BRACKET = re.compile(r"[\]］】〕〉》}»]")
# A word the line end broke: "aware-" / "ness".
_BROKEN_WORD = re.compile(r"[a-z]-$")
# A web address the line end broke after a "/", "." or "-": the next line goes on with
# more of it ("child-exploitation/fy2038-report)"), not with a word.
_BROKEN_URL = re.compile(r"(?:https?://|www\.)[^\s()]*[/.\-_]$")
_URL_GOES_ON = re.compile(r"[\w~%=&#-]*[/.?=#][\w./~%?=&#-]*(?=[\s).,;]|$)|[\w-]+(?=\))")
# A list of bodies the line end broke: "… University.(CAS、" / "DA、CFA)", "Responsible
# bodies: CFA, MOJ" / "& NPA".
_ABBR = r"[A-Z][A-Za-z]{1,5}"
_OPEN_LIST = re.compile(rf"\((?:{_ABBR}\s*[、,・]\s*)+$")
_LIST_CLOSES = re.compile(rf"{_ABBR}(?:\s*[、,・&]\s*{_ABBR})*\)")
_LIST_ENDS = re.compile(rf"(?<![\w-]){_ABBR}$")
_LIST_TAIL = re.compile(rf"(?:&|and)\s+{_ABBR}\s*[.。]?$")
# The label of a list of bodies: "Ministries:", "Lead ministry:", "Partners:", "Answered by:"
ATTRIBUTION_LABEL = (
    r"(?i:(?:lead\s+|responsible\s+)?(?:ministries|ministry|agencies|agency|bod(?:y|ies))|"
    r"responsible|in\s+charge|partners?|owners?|(?:[a-z]+ed\s+)?by)"
)
# A labelled list of bodies the line end cut after a comma, a slash or a joining word
# ("… Science and" / "Technology"), and the rest of it.
_LABEL_CUT = re.compile(rf"^{ATTRIBUTION_LABEL}\s*:.*(?:[,/]|\s(?:and|of|for|the))$")
_LABEL_GOES_ON = re.compile(r"[A-Z][A-Za-z ,&]{1,100}[.。]?")
# A figure the line end broke after its thousands separator: "about 1," / "200 schools".
_BROKEN_FIGURE = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})*,$")
_FIGURE_GOES_ON = re.compile(r"\d{3}(?!\d)")
# Lines that carry content even when repeated: efforts end in an attribution.
_ATTRIBUTED = re.compile(
    r"[\]］】〕〉》>}»]\s*[.。]?\s*\S{0,12}$|^→\s*[A-Z]|"
    rf"^{ATTRIBUTION_LABEL}\s*[:：]|"
    # "(by CFA and DA)", "(Competent: NPA)"
    r"\((?i:by|competent|responsible|in\s+charge|lead)\s*[:：]?\s+[A-Z][^()]*\)\s*[.。]?\s*$|"
    r"⟦[^⟧]*⟧\s*$|"  # a right-hand cell of bodies (corpus.columns)
    r"^\(?(?:[A-Z][A-Za-z]{1,5}(?:\s*[,、・&]\s*|\s+and\s+)?)+\)\s*[.。]?$"  # "(CFA, DA)", "NPA)"
)
# A heading carried over to a new page says so on a line of its own: "(cont'd)".
_CONTINUED = re.compile(r"^\(?\s*(?:cont(?:['’]?d|inued)\.?)\s*\)?$", re.I)
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
     "│": "|", "┃": "|"}  # a table's columns drawn with box characters
)  # fmt: skip
_BOX_RULE = re.compile(r"[\u2500-\u257f]{3,}")
_BOX_AS_MARKDOWN = str.maketrans({"├": "|", "┤": "|", "┼": "|", "─": "-", "━": "-"})
# A bullet drawn in a dingbat font (Wingdings, ZapfDingbats) and extracted without its
# Unicode map comes out as the letter that font code stands for: "l" (a black circle), "n"
# (a square), "q", "u", "v", "o", "ü" (a tick), "Ø" (an arrowhead), "§" (a small square),
# "Ÿ". Alone before a capital, a quotation mark or a bracket, no English line starts so.
_ODD_BULLET = re.compile(r"^[lnoquvüØ§Ÿ]\s+(?=[A-Z\"“‘'\[])")
# Headings and bulleted lines are the report's own, however often a line repeats.
_STRUCTURAL = re.compile(r"^(?:[-\u2010-\u2015·•*・●◦▪■➢○〇◯]|O\s|\(?\d{1,2}\s*[.．)])")


def spell_out(line: str) -> str:
    """Typographic ligatures as letters, so "ﬁltering" is found as "filtering"; a table
    drawn with box characters as Markdown draws it ("│ Calls │ 72,480 │" is "| Calls |
    72,480 |", its rule "├────┼────┤" is "|----|----|"; its borders are rules, dropped).

    Example:
        >>> spell_out("ﬁltering services"), spell_out("├──┼──┤"), spell_out("│ Calls │ 7 │")
        ('filtering services', '|--|--|', '| Calls | 7 |')
    """
    if "┼" in line and _BOX_RULE.fullmatch(line.strip()):
        return line.translate(_BOX_AS_MARKDOWN)
    return line.translate(_LIGATURES)


def plain_bullet(line: str) -> str:
    """A bullet that PDF extraction gave as a letter of its dingbat font, as ``•``.

    Example:
        >>> plain_bullet("l Held a forum (July 2019). [CAO]")
        '• Held a forum (July 2019). [CAO]'
    """
    return _ODD_BULLET.sub("• ", line, count=1)


def is_page_number(line: str) -> bool:
    """True for a page number alone on a line ("- 6 -", "Page 6", "6 / 20"), or a running
    header or footer ending in one ("FY2017 Efforts – page 3").

    Example:
        >>> is_page_number("- 6 -"), is_page_number("6. Strengthening of the foundation")
        (True, False)
    """
    return bool(_PAGE_NUMBER.search(line))


def clean_lines(lines: list[Line], *, title: str = "") -> list[Line]:
    """The report's lines without page furniture or rules drawn with characters, with
    broken brackets and words joined.

    A line repeated on several pages (digits aside) that holds no attribution is a
    running header or footer; so is the title again, even reworded. A word or a figure the line end
    broke ("aware-" / "ness", "about 1," / "200 schools", "https://x.jp/en/" / "report")
    is joined whole.

    Example:
        >>> clean_lines([(2, "1. Awareness"), (3, "- 2 -"), (4, "· Held a forum. [MIC,"),
        ...              (5, "and NPA]")])
        [(2, '1. Awareness'), (4, '· Held a forum. [MIC, and NPA]')]
    """
    repeated = _repeated_apart(lines)
    # a row between a table's rules ("Classification  FY2058  FY2059" under "════") is the
    # table's, however often the report's tables repeat it
    ruled = {
        n
        for k, (n, _) in enumerate(lines)
        if any(_RULE.match(lines[j][1]) for j in (k - 1, k + 1) if 0 <= j < len(lines))
    }
    # "2 ─ Support … growth of children without" / "victimization": a lower-case line
    # that goes on with an unfinished line is that line's, however often it recurs (a
    # table of contents wraps the same title the same way)
    goes_on = {
        n
        for k, (n, line) in enumerate(lines)
        if k
        and line[:1].islower()
        and not _WEB_ADDRESS.match(line)  # a page's printed address is furniture
        and not _FINISHED.search(lines[k - 1][1])
    }
    kept = [
        (n, _FOOTNOTE_MARK.sub("", plain_bullet(part)))
        for n, line in lines
        for part in _RUN_ON.split(line)
        if not _PAGE_NUMBER.search(line)
        and not _RULE.match(line)
        and not _CONTINUED.match(line)
        and not (
            _shape(line) in repeated and _furniture(line) and n not in ruled | goes_on
        )
        and not (title and _retitled(line, title))
    ]
    out: list[Line] = []
    for n, line in kept:
        if out and _OPEN_BRACKET.search(out[-1][1]) and _CLOSE_BRACKET.search(line):
            out[-1] = (out[-1][0], f"{out[-1][1]} {line}")  # "[MIC, MEXT," / "and METI]"
        elif out and (whole := rejoin(out[-1][1], line)) is not None:
            out[-1] = (out[-1][0], whole)
        else:
            out.append((n, line))
    return out


# Lines closer than this repeat as rows of one table ("Consultations in FY2051 … 41,280" /
# "Consultations in FY2050 … 34,060"), not as a header or footer of two pages.
PAGE_APART = 6


# a line that ends a sentence, a bracket or a heading's number: what follows is new
_FINISHED = re.compile(r"[.:;!?)\]】」-]\s*$")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)")


def _repeated_apart(lines: list[Line]) -> set[str]:
    """The shapes of lines (digits aside) repeated on different pages: two or more times,
    each at least :data:`PAGE_APART` lines after the one before."""
    where: dict[str, list[int]] = {}
    for n, line in lines:
        where.setdefault(_shape(line), []).append(n)
    return {
        shape
        for shape, at in where.items()
        if len(at) >= 2 and all(b - a >= PAGE_APART for a, b in zip(at, at[1:], strict=False))
    }


def rejoin(before: str, line: str) -> str | None:
    """The two lines as one when the end of ``before`` broke a word, a figure or a web
    address that ``line`` goes on with; else None.

    >>> rejoin("aware-", "ness"), rejoin("about 1,", "200 schools"), rejoin("it", "ends")
    ('awareness', 'about 1,200 schools', None)
    """
    if _BROKEN_URL.search(before) and _URL_GOES_ON.match(line):
        return before + line  # "https://x.jp/en/" / "report)"
    if _BROKEN_WORD.search(before) and line[:1].islower():
        return before[:-1] + line  # "aware-" / "ness"
    if _BROKEN_FIGURE.search(before) and _FIGURE_GOES_ON.match(line):
        return before + line  # "about 1," / "200 schools"
    if _OPEN_LIST.search(before) and _LIST_CLOSES.match(line):
        return before + line  # "(CAS、" / "DA、CFA)"
    if _LIST_ENDS.search(before) and _LIST_TAIL.fullmatch(line):
        return f"{before} {line}"  # "Responsible bodies: CFA, MOJ" / "& NPA"
    if _LABEL_CUT.match(before) and _LABEL_GOES_ON.fullmatch(line):
        return f"{before} {line}"  # "In charge: MIC, Ministry of Economy," / "Trade and …"
    return None


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def _retitled(line: str, title: str) -> bool:
    """Whether a line is the report's title again, maybe reworded as a running header or
    footer ("Basic Plan on … – FY2031 Efforts  - 3 -", "Efforts on the Basic Plan … (FY2031)"):
    the title's words, in any order, with nothing to attribute."""
    if _ATTRIBUTED.search(line):
        return False
    words, titled = _title_words(line), _title_words(title)
    return len(titled) >= 4 and len(words ^ titled) <= 1


def _title_words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower())) - {"fy", "the", "page"}


# Words of a date or a span of dates: "(2060-07-01 to 2060-07-30).", "(Jul. 12, 2058)."
_DATE_WORDS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?|\b(?:to|from|until|"
    r"till|through|and|on|of|the|by|as|at|st|nd|rd|th|day|mon|tue|wed|thu|fri|sat|sun)\b",
    re.I,
)


def _furniture(line: str) -> bool:
    # a header or footer has words; "2051)." or "(2060-07-01 to 2060-07-30)." repeated
    # is the end of two wrapped dates
    return (
        len(line) <= 120
        and re.search(r"[^\W\d_]{2,}", _DATE_WORDS.sub("", line)) is not None
        and not _ATTRIBUTED.search(line)
        and not _STRUCTURAL.match(line)
        and not heading_alone(line)  # "Article 2" above its title, on every page
        and not re.match(r"^\|.*\|$", line)  # a row of a table: "| Channel | FY2064 |"
    )
