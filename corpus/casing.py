"""Headings and names a report sets in capitals, written as a report in sentence case
would write them. Pure."""

from __future__ import annotations

import re

__all__ = ["sentence_case", "title_case"]

_CAPITALS = re.compile(r"\b[A-Z][A-Z'’-]*[A-Z]\b|\b[A-Z]\b")
_SMALL = frozenset("a an and as at by for from in of on or the to with".split())


def title_case(name: str) -> str:
    """A body's name in title case.

    Example:
        >>> title_case("MINISTRY OF HEALTH, LABOUR AND WELFARE")
        'Ministry of Health, Labour and Welfare'
    """
    words = name.lower().split()
    return " ".join(w if n and w in _SMALL else w[:1].upper() + w[1:] for n, w in enumerate(words))


def sentence_case(text: str, kept: frozenset[str] = frozenset()) -> str:
    """A heading in sentence case: its words in capitals lower-cased but the abbreviations
    ``kept`` and a fiscal year; words not in capitals (a quoted title) as they are.

    Example:
        >>> sentence_case("RESPONSE TO MESSAGES ON SNS IN FY2081", frozenset({"SNS"}))
        'Response to messages on SNS in FY2081'
    """
    lowered = _CAPITALS.sub(
        lambda m: m.group(0) if m.group(0) in kept else m.group(0).lower(), text
    )
    lowered = re.sub(r"\bfy(\d{4})\b", r"FY\1", lowered)
    return lowered[:1].upper() + lowered[1:]
