"""Finding the ministries a question names, however it names them.

The resolver is built from the loaded plans' own glossary (abbreviation → full name) plus
the short alias list below, and recognises:

* abbreviations in any case (``mext``), and one-letter typos of long ones (``MHWL``);
* full names, and the distinctive words of a full name used with "ministry", "agency" or
  "office" (``the education ministry``, ``Ministry of Health``), with small typos
  (``Ministry of Heath``);
* informal names from :data:`ALIASES` (``the police`` → NPA).

It also notices a ministry-like phrase that matches nothing (``the Ministry of Defense``
when the plan has no such ministry), so the assistant can decline rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

__all__ = ["ALIASES", "MinistryResolver", "Mentions"]

# Informal names people use, mapped to the abbreviation the reports use. Only entries
# whose abbreviation is in a loaded glossary (or attribution) take effect.
ALIASES: dict[str, tuple[str, ...]] = {
    "NPA": ("police", "the police", "police agency", "national police", "cops"),
    "MEXT": ("education ministry", "ministry of education", "monbukagakusho", "schools ministry"),
    "MHLW": (
        "health ministry",
        "labour ministry",
        "labor ministry",
        "welfare ministry",
        "ministry of health",
        "ministry of labour",
        "ministry of labor",
    ),
    "MIC": ("communications ministry", "internal affairs ministry", "ministry of communications"),
    "MOJ": ("justice ministry", "ministry of justice"),
    "MOFA": ("foreign ministry", "foreign affairs ministry", "ministry of foreign affairs"),
    "METI": ("economy ministry", "trade ministry", "industry ministry"),
    "CAO": ("cabinet office",),
    "CAS": ("cabinet secretariat",),
    "CFA": ("children and families agency", "children's agency", "child and family agency"),
    "MLIT": ("transport ministry", "land ministry", "tourism ministry", "infrastructure ministry"),
    "MOD": ("defense ministry", "defence ministry", "ministry of defense"),
}

_GENERIC = {
    "ministry",
    "ministries",
    "agency",
    "agencies",
    "office",
    "secretariat",
    "of",
    "and",
    "the",
    "for",
    "national",
    "cabinet",
    "japan",
    "japanese",
    "affairs",
    "government",
}
_HEAD = r"(?:ministry|agency|office|secretariat|department)"
_NOT_A_NAME = {
    "which",
    "what",
    "each",
    "a",
    "an",
    "the",
    "every",
    "that",
    "this",
    "one",
    "other",
    "responsible",
    "lead",
    "same",
    "any",
    "another",
    "single",
    "relevant",
    "whose",
    "no",
    "some",
    "all",
    "more",
    "than",
    "of",
    "government",
    "those",
    "these",
    "its",
    "their",
    "his",
    "her",
    "given",
    "particular",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


@dataclass(frozen=True)
class Mentions:
    """What a question says about ministries."""

    ministries: tuple[str, ...]
    unknown: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.8


class MinistryResolver:
    """Resolve ministry mentions against a glossary.

    Example:
        >>> r = MinistryResolver({"NPA": "National Police Agency",
        ...                       "MHLW": "Ministry of Health, Labour and Welfare"})
        >>> r.find("What did the police and the Ministry of Heath do?").ministries
        ('NPA', 'MHLW')
    """

    def __init__(self, glossary: dict[str, str], extra: tuple[str, ...] = ()) -> None:
        self.glossary = dict(glossary)
        self.known = tuple(dict.fromkeys([*glossary, *extra]))
        self._abbr = {a.lower(): a for a in self.known}
        self._phrases: list[tuple[str, str]] = []  # (lower phrase, abbreviation)
        self._keywords: dict[str, set[str]] = {}  # distinctive word → abbreviations
        for abbr, name in self.glossary.items():
            self._phrases.append((name.lower(), abbr))
            for word in _WORD.findall(name.lower()):
                if word not in _GENERIC and len(word) > 2:
                    self._keywords.setdefault(word, set()).add(abbr)
        for abbr, aliases in ALIASES.items():
            if abbr in self._abbr.values():
                self._phrases.extend((alias, abbr) for alias in aliases)
        # longest phrases first, so "national police agency" wins over "police"
        self._phrases.sort(key=lambda p: -len(p[0]))

    def name(self, abbr: str) -> str:
        return self.glossary.get(abbr, abbr)

    def _keyword(self, word: str) -> set[str]:
        word = word.lower().rstrip("'’s")
        if word in self._keywords:
            return self._keywords[word]
        for key, abbrs in self._keywords.items():
            if _similar(word, key):
                return abbrs
        return set()

    def find(self, text: str) -> Mentions:
        """Every ministry named in ``text`` (in order of mention), and unmatched names."""
        found: list[tuple[int, str]] = []
        spans: list[tuple[int, int]] = []
        unknown: list[str] = []
        lower = text.lower()

        def free(start: int, end: int) -> bool:
            return all(end <= s or start >= e for s, e in spans)

        for phrase, abbr in self._phrases:
            for m in re.finditer(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", lower):
                if free(m.start(), m.end()):
                    found.append((m.start(), abbr))
                    spans.append((m.start(), m.end()))
        # "ministry of X (and Y)" / "X ministry" / "X agency" with X a distinctive word
        patterns = (
            rf"\b{_HEAD}\s+(?:of|for)\s+((?:the\s+)?[a-z'’]+(?:\s*(?:,|and)\s*[a-z'’]+){{0,3}})",
            rf"\b([a-z'’]+)\s+{_HEAD}\b",
        )
        for pattern in patterns:
            for m in re.finditer(pattern, lower):
                if not free(m.start(), m.end()):
                    continue
                words = [w for w in _WORD.findall(m.group(1)) if w not in _GENERIC]
                if not words or all(w in _NOT_A_NAME for w in words):
                    continue
                abbrs = set().union(*(self._keyword(w) for w in words))
                if len(abbrs) >= 1:
                    # the ministry whose name holds most of the words
                    best = max(abbrs, key=lambda a: sum(a in self._keyword(w) for w in words))
                    found.append((m.start(), best))
                else:
                    unknown.append(text[m.start() : m.end()].strip())
                spans.append((m.start(), m.end()))
        for m in re.finditer(r"[A-Za-z][A-Za-z&]{1,9}", text):
            if not free(m.start(), m.end()):
                continue
            token = m.group(0)
            found_abbr = self._abbr.get(token.lower())
            if found_abbr and (token.isupper() or token.lower() not in _COMMON_WORDS):
                found.append((m.start(), found_abbr))
                spans.append((m.start(), m.end()))
            elif found_abbr is None and token.isupper() and len(token) >= 4:
                near = [a for a in self.known if len(a) == len(token) and _one_edit(a, token)]
                if len(near) == 1:
                    found.append((m.start(), near[0]))
                    spans.append((m.start(), m.end()))
        ordered = tuple(dict.fromkeys(a for _, a in sorted(found)))
        return Mentions(ordered, tuple(unknown), tuple(spans))


_COMMON_WORDS = {"mod", "mic", "cas", "moe", "cao", "doe", "fa"}


def _one_edit(a: str, b: str) -> bool:
    """Same length, at most one substitution or one swap of neighbours."""
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) <= 1:
        return True
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )
