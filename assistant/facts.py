"""Lifting facts out of an effort's text: month names, the figure or name a question asks for."""

from __future__ import annotations

import re

from assistant.understand import Parsed
from corpus.parser import MONTHS
from index.lexical import tokenize

__all__ = ["best_figure", "best_name", "month_name"]

_MONTH_NAMES = [
    n.capitalize()
    for n, v in sorted(MONTHS.items(), key=lambda kv: kv[1])
    if len(n) > 3 or n == "may"
]
_MONTH_BY_NUMBER = {MONTHS[n.lower()]: n for n in _MONTH_NAMES if n.lower() != "sept"}


def month_name(month: str) -> str:
    """``2019-07`` → ``July 2019``."""
    return f"{_MONTH_BY_NUMBER[int(month[5:7])]} {month[:4]}"


_NUMBER = re.compile(
    r"(?:(?:about|approximately|around|some|over|more than|nearly|almost|up to|by)\s+)?"
    r"(?<![\w-])(\d[\d,]*(?:\.\d+)?\s*(?:%|percent)?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|hundred)(?![\w-])"
    r"(?:\s+(?:[\w-]+\s+){0,2}?[\w-]+)?",
    re.I,
)


def best_figure(text: str, p: Parsed) -> str | None:
    """The number phrase in ``text`` that best fits the question (a year is not a figure)."""
    wanted = set(p.topic_words) or set(tokenize(p.text))
    # A figure must stand near at least one word of the question to be its answer.
    best, best_score = None, 0.5
    for m in _NUMBER.finditer(text):
        phrase = m.group(0).strip(" ,.;:()")
        core = m.group(1)
        if re.fullmatch(r"(19|20)\d\d", core) or re.search(r"\b(4th|1st|2nd|3rd)\b", phrase):
            continue
        window = text[max(0, m.start() - 40) : m.end() + 20]
        score = len(set(tokenize(window)) & wanted) + (0.5 if "%" in phrase else 0)
        if score > best_score:
            best, best_score = phrase, score
    return best


def best_name(text: str, p: Parsed) -> str | None:
    """The quoted name in ``text`` that best fits the question ("new", "now" → the later one)."""
    names = [(m.start(), m.group(1)) for m in re.finditer(r"[\"“]([^\"”]{3,160})[\"”]", text)]
    if not names:
        return None
    wanted = set(p.topic_words)
    later = bool(re.search(r"\b(now|new|current|renamed|changed|became)\b", p.text, re.I))

    def score(item: tuple[int, str]) -> float:
        start, name = item
        before = text[max(0, start - 12) : start].lower()
        s = float(len(set(tokenize(name)) & wanted))
        s += 1.0 if re.search(r"\b(to|called|named|titled|as)\s*$", before) else 0.0
        s -= 1.0 if later and re.search(r"\bfrom\s*$", before) else 0.0
        return s

    return max(names, key=score)[1]
