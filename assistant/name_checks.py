"""Checks on a name an effort gives before it answers "which …": whether it says it is a
thing of the kind asked, names several such things or only counts them, and how many it
lists. Read by :mod:`assistant.fact_leads`.
"""

from __future__ import annotations

import re

from assistant.asked_names import NAME_KINDS
from assistant.intents import stem
from assistant.parts import NUM, NUMBER_WORDS

__all__ = ["asked_count", "asks_several", "has_capital", "is_counted", "is_headed_by", "item_count"]


def has_capital(phrase: str, noun: str) -> bool:
    """Whether a phrase holds a capital other than its noun's: "Narita and Kansai
    airports" names airports, "two major SNS" and "penal institutions" name none."""
    return any(w[:1].isupper() and w.lower() != noun.lower() for w in phrase.split())


def asks_several(noun: str) -> bool:
    """Whether the names of several things of a kind no name needs to say are asked for
    ("which municipalities"), not of a kind of named thing ("which campaigns")."""
    single = noun[:-1]
    return (
        noun.endswith("s")
        and not noun.endswith("ss")
        and single not in NAME_KINDS
        and noun not in NAME_KINDS
    )


def is_headed_by(name: str, noun: str) -> bool:
    """Whether a name says it is a ``noun``: the noun ends the run of capitalised words it
    stands in ("the Japan PTA Council" is a council; the "4th Specialist Group Meeting" is
    a meeting, no group)."""
    words = name.split()
    for i, w in enumerate(words):
        if stem(w.lower().strip('"“”,.')) == stem(noun.lower()) or _compound_of(w, noun):
            after = words[i + 1] if i + 1 < len(words) else ""
            if not after[:1].isupper():
                return True
    return False


def _compound_of(word: str, noun: str) -> bool:
    """A word that is a compound ending in the noun: "Hotline" is a line, "Website" a
    site; not "Online" ("on" is no word of a compound)."""
    word, noun = word.lower().strip('"“”,.'), noun.lower()
    head = word[: -len(noun)] if len(noun) >= 4 and word.endswith(noun) else ""
    return len(head) >= 3 and head not in ("off", "out")


_WHICH_MANY = re.compile(rf"\bwhich(?:\s+of\s+the)?\s+{NUM}\b", re.I)


def asked_count(text: str) -> int:
    """How many names "which three departments" asks for (0: no number)."""
    m = _WHICH_MANY.search(text)
    if m is None:
        return 0
    word = m.group(1).lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)


def item_count(name: str) -> int:
    """How many things a name lists: "Narita, Haneda and Kansai airports" lists three."""
    return len(re.split(r",\s*(?:and\s+)?|\s+and\s+", name))


def is_counted(text: str, phrase: str) -> bool:
    """Whether ``text`` counts ``phrase`` rather than names its members: "36 SNS, game
    and app operators" says what kind they were, not which ones."""
    count = rf"\d[\d,.]*\s*(?:k|thousand|million)?\s+{re.escape(phrase)}"
    return re.search(count, text) is not None
