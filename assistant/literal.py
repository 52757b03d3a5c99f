"""What a question says word for word, and where an effort says it the same way.

Ordinals and codes ("the 5th meeting", "G20") an effort must hold to be the one asked
about; runs of the question's words an effort holds as written ("SOS Mini Letter",
"41.2%"), shown in the answer as what matched.
"""

from __future__ import annotations

import re

from index.documents import CitedEffort

__all__ = ["holds_identifiers", "identifiers", "literal_terms", "whole_word_at"]


# Ordinals and codes that name one thing among several: "the 5th meeting", "G20". (Not
# "24h": a figure with a unit may be written out in the effort, "24 hours".)
_IDENTIFIER = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|[a-z]+\d[a-z\d]*)\b", re.I)


def identifiers(topic: str) -> tuple[str, ...]:
    """Ordinals and codes in a question's topic, which an effort must hold to be the one
    asked about: a fact of the 4th meeting does not answer "when was the 5th meeting?".

    Example:
        >>> identifiers("5th Specialist Group Meeting 300,000 copies G20 24h")
        ('5th', 'G20')
    """
    return tuple(_IDENTIFIER.findall(topic))


def holds_identifiers(effort: CitedEffort, marks: tuple[str, ...]) -> bool:
    """Whether the effort holds every mark, an ordinal also spelt out ("7th": "seventh")."""
    text = effort.text.lower()
    return all(
        any(whole_word_at(text, form) >= 0 for form in _forms(m.lower())) for m in marks
    )


_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()


def _forms(mark: str) -> tuple[str, ...]:
    """A mark as the effort may write it: "7th" or "seventh"."""
    ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", mark)
    n = int(ordinal.group(1)) if ordinal else 0
    return (mark, _ORDINAL_WORDS[n - 1]) if 1 <= n <= len(_ORDINAL_WORDS) else (mark,)


def literal_terms(topic: str, text: str, *, single: bool = False) -> tuple[str, ...]:
    """Runs of the question's topic words that ``text`` holds word for word: a figure, or
    two or more words ("41.2%", "SOS Mini Letter"), as written in ``text``; with
    ``single``, one word of four or more letters also counts ("evaluated")."""
    words = topic.split()
    lower = text.lower()
    found: list[str] = []
    i = 0
    while i < len(words):
        best = None
        for j in range(len(words), i, -1):
            phrase = " ".join(words[i:j])
            digits = any(ch.isdigit() for ch in phrase)
            if (j - i >= 2 or digits or (single and len(phrase) >= 4)) and len(phrase) >= 3:
                at = whole_word_at(lower, phrase.lower())
                if at >= 0:
                    best = (j, _compound_at(text, at, at + len(phrase)))
                    break
        if best is None:
            i += 1
        else:
            found.append(best[1])
            i = best[0]
    return tuple(dict.fromkeys(found))


def _compound_at(text: str, start: int, end: int) -> str:
    """The words at ``start:end`` with any word hyphenated to them: "free" in "toll-free"
    is written "toll-free", the way the effort says it."""
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
        start -= 1
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    while end < len(text) - 1 and text[end] == "-" and text[end + 1].isalnum():
        end += 1
        while end < len(text) and text[end].isalnum():
            end += 1
    return text[start:end]


def whole_word_at(text: str, phrase: str) -> int:
    """Where ``phrase`` stands in ``text`` as whole words, or -1. (A string search: a
    regular expression per phrase cost a compile per candidate, over a millisecond a
    question.)"""
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return at
        at = text.find(phrase, at + 1)
    return -1
