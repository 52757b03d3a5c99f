"""Readers of the plan's own parts in a question: a section by number or title, a
measure by number, place or title, and whether the measures themselves are asked for.

Each returns what it read with the character spans it used, so the question's shape can
mask them (like the readers in ``slots.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from assistant.intents import stem
from assistant.synonyms import synonyms

__all__ = [
    "NUM",
    "NUMBER_WORDS",
    "ORD",
    "Span",
    "asks_measures",
    "in_title",
    "measure",
    "restated",
    "restates_section",
    "section",
    "sections",
    "titled",
]

Span = tuple[int, int]
K = TypeVar("K")

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
    "6th": 6,
    "last": -1,
}
# "section III": Roman numerals from two to nine ("section i should read" is no section).
_ROMAN = {r: n for n, r in enumerate("i ii iii iv v vi vii viii ix x".split(), start=1)}
NUM = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|ii|iii|iv|vi{0,3}|ix)"
ORD = r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th)"
_PART = (
    r"(?:section|sec\.?|pt\.?|pillar|(?:focus\s+)?area|part|chapter|heading|goal|objective|article|"
    r"theme|category|field|direction|priority|strand|axis|work\s?stream|(?:release\s+)?series)"
)
_SECTION = re.compile(
    rf"(?:\b{_PART}\s*\(?(?:no\.?|number|#|\[)?\s*|§\s*(?!\d{{1,2}}\.\d)){NUM}\b|"
    # "the report's third section" too, and "2023 report, first section" after a comma
    rf"(?:(?:\bthe|\bits|['’]s)\s+|(?:^|[,;:(–-])\s*){ORD}\s+{_PART}\b|"
    # "goal E", "Part B": lettered as a report may letter them (not "part a of …")
    rf"\b{_PART}\s+((?-i:[A-H]))\b(?![.\d])|"
    # "No. 4 of the FY2062 report", as a report may number its sections
    r"\b(?-i:No)\.\s*(\d{1,2})\b(?!\.\d|\d)",
    re.I,
)  # "section 4", "pillar iv", "§4" (not "§4.2", a measure), "section [4]", "section (no. 6)"

# "the last section", "the report's final pillar": the highest-numbered section
_LAST_SECTION = re.compile(
    rf"(?:\bthe|\bits|['’]s)\s+(?:very\s+)?(?:last|final|closing)\s+{_PART}\b(?!\s*\d)", re.I
)

# "paragraph 4", "para 6": a section, when no other word names one ("para 3 of Article 3"
# is a measure of a section)
_PARAGRAPH = re.compile(r"\bpara(?:graph)?\.?\s+(\d{1,2})\b(?![.\d])", re.I)

# Several sections named together: "sections 5 and 6", "Focus Area 4 or 5", "fields 4 to 6",
# "pillars 1, 2 and 3".
_SNUM = r"(?:\d{1,2}|ix|iv|v?i{1,3}|v|x)"  # "chapters IV and V" too
_SECTIONS = re.compile(
    rf"\b{_PART}s?\s+({_SNUM})((?:\s*,\s*{_SNUM})*)\s*,?\s*"
    rf"(and|or|&|to|through|-|–)\s*(?:{_PART}s?\s+)?({_SNUM})\b(?!\.\d|\d)",
    re.I,
)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _ROMAN[word.lower()]


def sections(text: str) -> tuple[tuple[int, ...], list[Span]]:
    """The sections a question names together, in order ("sections 4 to 6" → 4, 5, 6),
    with where; nothing when it names one or none.

    Example:
        >>> sections("only those in sections 5 and 6"), sections("Focus Area 4 or 5")[0]
        (((5, 6), [(14, 30)]), (4, 5))
    """
    m = _SECTIONS.search(text)
    if m is None:
        return (), []
    if m.group(1).isdigit() != m.group(4).isdigit():
        return (), []  # "pillar 2 and I want …": one numeral each way is no list
    first, last = _number(m.group(1)), _number(m.group(4))
    if m.group(3).lower() in ("to", "through", "-", "–"):
        if not first < last <= first + 9:
            return (), []
        return tuple(range(first, last + 1)), [m.span()]
    middle = [_number(n) for n in re.findall(r"\w+", m.group(2))]
    return tuple(dict.fromkeys([first, *middle, last])), [m.span()]


def section(text: str, titles: Iterable[tuple[int, str]]) -> tuple[int | None, list[Span]]:
    """A section named by number ("pillar 5", "the fifth section") or by (most of) its title."""
    m = _SECTION.search(text)
    if m and m.group(3):
        return ord(m.group(3)) - ord("A") + 1, [m.span()]
    if m:
        word = (m.group(1) or m.group(2) or m.group(4)).lower()
        number = int(word) if word.isdigit() else NUMBER_WORDS.get(word) or _ROMAN[word]
        return number, [m.span()]
    m = _PARAGRAPH.search(text)  # "para 6 of the 2081 cable", as a cable numbers its parts
    if m:
        return int(m.group(1)), [m.span()]
    titles = list(titles)
    m = _LAST_SECTION.search(text)
    if m and titles:
        return max(number for number, _ in titles), [m.span()]
    found = titled(text, titles, one_word=True)
    return (found[0], [found[2]]) if found else (None, [])


def titled(
    text: str, titles: Iterable[tuple[K, str]], *, one_word: bool = False
) -> tuple[K, float, Span] | None:
    """The part of the plan ``text`` names by (most of) its title: (key, share of the
    title's words named, span), or None. A few words name it after a cue ("the pillar
    about protecting child victims"): two or more, more than any other title shares, or
    one that no other title has (``one_word``: for the six sections, whose titles share few
    words; a measure's title needs two)."""
    words = {stem(w) for w in _words(text)} - _SMALL
    scored = []
    for key, title in titles:
        title_words = {stem(w) for w in _words(title)} - _SMALL
        if len(title_words) >= 3:
            common = len(words & title_words)
            scored.append((common / len(title_words), common, key, title_words))
    if not scored:
        return None
    cued = _NAMED_PART.search(text) is not None
    # after a cue the title sharing the most words is named, else the one most covered
    scored.sort(key=lambda t: (-t[1], -t[0]) if cued else (-t[0], -t[1]))
    share, shared, key, title_words = scored[0]
    runner_up = max((t[1] for t in scored[1:] if t[2] != key), default=0)  # another part
    # (one word is enough when no other title has it: "the crackdowns section", but
    # "in which pillar do the crackdowns appear" asks for the section)
    alone = one_word and runner_up == 0 and not _WHICH_PART.search(text)
    # "what is listed under protection and support for child victims": most of a title
    # after "under", as a report files its efforts under its titles
    filed = _UNDER.search(text) is not None and share >= 0.5 and shared >= 3
    if share >= 0.75 or (cued and shared > runner_up and (shared >= 2 or alone)) or (
        filed and shared > runner_up
    ):
        span = _cover(text, title_words)
        if span is not None:
            return key, share, span
    return None


# "measure 3.2", "§3.2", "item 3.2", "measure 3-1", "measure 4-d": a measure by its section
# and its place in it (a letter counting from a).
_MEASURE_NUMBER = re.compile(
    r"\b(?:measures?|section|pillar|item|no\.?|number|action|initiative|thread|topic)\s*"
    r"(\d{1,2})\.(\d{1,2})\b(?![.%\d])|"  # "Action 5.3", "thread 3.2", as reports head them
    r"§\s*(\d{1,2})\.(\d{1,2})\b(?![.%\d])|\b(?-i:M)(\d{1,2})\.(\d{1,2})\b(?![.%\d])|"
    # "measure D.4": the section lettered
    r"\bmeasures?\s+((?-i:[A-H]))\.(\d{1,2})\b(?![.%\d])|"
    r"\b(?:measures?|topic)\s*(\d{1,2})\s*[-–]\s*(\d{1,2}|[a-h])\b(?![.%\d-])|"
    # "measure 6.C": the measure lettered, as a cable letters its paragraphs
    r"\b(?:measures?|topic|thread|para(?:graph)?)\s+(\d{1,2})\.((?-i:[A-H]))\b(?![.%\d])|"
    # as other reports print them: "measure 6(c)", "measure 5(3)", "measure (3.3)",
    # "measure IV-4"
    r"\bmeasures?\s+(\d{1,2})\s*\(([a-h]|\d{1,2})\)|\bmeasures?\s*\((\d{1,2})\.(\d{1,2})\)|"
    r"\bmeasures?\s+((?-i:[IVX]{1,4}))-(\d{1,2})\b(?![.%\d-])|\bmeasures?\s+(\d{1,2})-\((\d{1,2})\)|"
    # "Q5-3": the third question of part 5 of a report written as questions and answers
    r"\b(?-i:Q)(\d{1,2})-(\d{1,2})\b(?![.%\d-])",
    re.I,
)
# "the second measure" (of a section named elsewhere in the question)
_MEASURE_ORDINAL = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th|last)\s+measure\b",
    re.I,
)
# "measure 4" or "measure D" (lettered as a report may letter them), or "initiative 4" as
# a report may call its measures, of a section named elsewhere in the question
_MEASURE_IN_SECTION = re.compile(
    r"\b(?:measure|initiative|para\.?|paragraph)\s+(?:no\.?\s*)?\(?(\d{1,2}|(?-i:[A-H]))\b\)?"
    r"(?![.\d])",  # "measure (4)", as "⑷" is written in plain letters
    re.I,
)
_ORDINAL_NUMBER = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "last": -1,
}  # fmt: skip


def _part_number(first: str) -> int:
    """A section's number as a measure's label prints it: "6", "IV", or "D" (the fourth)."""
    if first.isdigit():
        return int(first)
    if first.lower() in _ROMAN:  # letters go to H only: "I", "V", "IV" are numerals
        return _ROMAN[first.lower()]
    return ord(first) - ord("A") + 1


_WORD = r"(one|two|three|four|five|six|seven|eight|nine|ten)"
_SPOKEN_MEASURE = re.compile(rf"\b(measure)\s+{_WORD}\s+point\s+{_WORD}\b", re.I)


def _spoken(m: re.Match[str]) -> str:
    """ "measure five point three" → "measure       5.3", of the same length, so that
    the span found covers the words said."""
    number = f"{NUMBER_WORDS[m.group(2).lower()]}.{NUMBER_WORDS[m.group(3).lower()]}"
    return f"{m.group(1)} {number.rjust(len(m.group(0)) - len(m.group(1)) - 1)}"


def measure(text: str, section_number: int | None) -> tuple[tuple[int, int] | None, list[Span]]:
    """A measure named by number: "measure 3.2", or "the second measure" of the section
    the question names (-1: its last measure).

    Example:
        >>> measure("What is under measure 3.2?", None)
        ((3, 2), [(14, 25)])
    """
    text = _SPOKEN_MEASURE.sub(_spoken, text)  # "measure five point three": 5.3, as long
    m = _MEASURE_NUMBER.search(text)
    if m:
        first, second = next(
            (m.group(i), m.group(i + 1)) for i in range(1, m.re.groups, 2) if m.group(i)
        )
        at = int(second) if second.isdigit() else ord(second.lower()) - ord("a") + 1
        part = _part_number(first)
        return (part, at), [m.span()]
    m = _MEASURE_ORDINAL.search(text)
    if m and section_number is not None:
        return (section_number, _ORDINAL_NUMBER[m.group(1).lower()]), [m.span()]
    m = _MEASURE_IN_SECTION.search(text)
    if m and m.group(0).lower().startswith("para") and not _SECTION.search(text):
        m = None  # "para 6 of the cable" is the section itself, as a cable numbers them
    if m and section_number is not None:  # "measure D under part III", "measure 4 of section 3"
        place = m.group(1)
        number = int(place) if place.isdigit() else ord(place) - ord("A") + 1
        return (section_number, number), [m.span()]
    return None, []


# "which measures are under pillar 3", "what measure is listed under section 3" (not "measure
# 3.1", nor "the measure on SNS": one named, whose efforts are asked)
_MEASURES_ASKED = re.compile(
    r"\bmeasures?\b(?!\s*\d)(?!\s+(?:about|on|for|titled|called|named|covering|dealing|"
    r"concerning|regarding)\b)",
    re.I,
)
_EFFORTS_ASKED = re.compile(
    r"\b(?:efforts?|initiatives?|activities|projects|done|happened|carried\s+out|took\s+place)\b",
    re.I,
)


def asks_measures(text: str) -> bool:
    """Whether the question asks for the measures themselves ("which measures are under
    pillar 3?"), not for the efforts listed under them."""
    return bool(_MEASURES_ASKED.search(text)) and not _EFFORTS_ASKED.search(text)


_WHICH_PART = re.compile(
    r"\b(?:which|what|whose)\s+(?:section|pillar|part|chapter|area|heading|measure)s?\b", re.I
)
_NAMED_PART = re.compile(
    r"\b(?:section|pillar|part|area|heading|chapter|measure|bit|passage)\s+(?:about|on|for|"
    r"titled|called|named|covering|dealing\s+with|concerning|regarding)\b"
    # "the strengthening of the foundation section": the part's words come before it
    r"|(?<=[a-z])\s+(?:section|pillar|chapter)\b(?!\s+\d)",
    re.I,
)

_UNDER = re.compile(r"\bunder\b", re.I)

_SMALL = frozenset("of and the for to a an in on by with that".split())
# Words that point at a part in brackets: "(the one on tools)", "(the bit about victims)".
_POINTING = frozenset(stem(w) for w in "one ones part bit section pillar about".split())


def restated(text: str, title_stems: frozenset[str]) -> frozenset[str]:
    """The stems of a bracketed restatement of a part's title: "section 3 (the one on
    tools)" restates "… victimization that focuses on tools" ({"tool"}), and a word cut
    short restates the one it begins ("rehab" of "rehabilitation"); a bracket that says
    anything else restates nothing."""
    out: set[str] = set()
    for m in re.finditer(r"\(([^()]{1,120})\)", text):
        said = [w for w in _words(m.group(1)) if stem(w) not in _SMALL | _POINTING]
        # an everyday word for the title's own ("kids" for "children") restates it too
        if said and all(
            in_title(stem(w), title_stems) or in_title(stem(synonyms().get(w, w)), title_stems)
            for w in said
        ):
            out |= {stem(w) for w in said}
    return frozenset(out)


def restates_section(text: str, number: int | None, titles: Iterable[tuple[int, str]]) -> bool:
    """Whether a bracket restates the title of section ``number``: "section 4 (protection
    and support of child victims)" names the section, not its measure on the recovery of
    child victims."""
    if number is None:
        return False
    stems = {stem(w) for key, title in titles if key == number for w in _words(title)}
    return bool(restated(text, frozenset(stems - _SMALL)))


def in_title(word: str, title_stems: frozenset[str]) -> bool:
    """Whether the stem ``word`` is a title's, or begins one ("rehab" of "rehabilit"); a
    hyphenated compound is if each of its words is ("protection-of-child-victims")."""
    if "-" in word.strip("-"):
        parts = {stem(w) for w in word.split("-") if w} - _SMALL
        return bool(parts) and all(in_title(p, title_stems) for p in parts)
    return word in title_stems or (
        len(word) >= 4 and any(t.startswith(word) for t in title_stems)
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _cover(text: str, words: set[str]) -> Span | None:
    """The span from the first to the last of ``words`` (stems) in ``text``."""
    hits = [m.span() for m in re.finditer(r"[A-Za-z]+", text) if stem(m.group(0).lower()) in words]
    return (hits[0][0], hits[-1][1]) if hits else None
