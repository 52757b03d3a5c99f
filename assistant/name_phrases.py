"""The words of ministry names, as the resolver compares them: plain forms, the shorter
official names a full name allows ("Ministry of Health, Labour and Welfare" → "health
ministry"), and "Ministry of X" phrases that may name a ministry no report has."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from assistant.text import function_words

__all__ = [
    "GENERIC",
    "LINKS",
    "bounded",
    "content_words",
    "ministry_like",
    "once_each",
    "partial_names",
    "plain",
    "same_edges",
]

# Words of a ministry's name that do not tell ministries apart.
GENERIC = frozenset(
    "ministry ministries agency agencies office secretariat department of and the for "
    "national cabinet japan japanese affairs government internal".split()
)
_HEADS = ("ministry", "agency", "office")
# Words that can stand before "ministry" without naming one ("which ministry").
_NOT_A_NAME = frozenset(
    "which what each a an the every that this one other responsible lead same any another "
    "single relevant whose no some all more than of government those these its their his "
    "her given particular either neither both respective different".split()
)
# Qualifiers of a body that is no Japanese ministry ("a UN agency", "a foreign ministry"):
# such a name is what the question is about, not a ministry the reports lack.
_ABROAD = frozenset("un united nations international foreign overseas world global".split())


LINKS = frozenset("of for and the on in to a an".split())


def content_words(phrase: str) -> frozenset[str]:
    """A plain name's words besides the words that link them ("of", "and", "the")."""
    return frozenset(phrase.split()) - LINKS


def bounded(phrase: str) -> bool:
    """Whether a reordered name starts and ends with its own words ("the" may lead): "in to
    the justice ministry" is the name "justice ministry" and two words before it."""
    words = phrase.split()
    return words[0] not in LINKS - {"the"} and words[-1] not in LINKS


def once_each(phrase: str) -> bool:
    """Whether no word of a name besides its links comes twice in ``phrase``."""
    words = [w for w in phrase.split() if w not in LINKS]
    return len(words) == len(set(words))


def plain(text: str) -> str:
    """Lower case, no punctuation, single spaces: how names are compared."""
    text = re.sub(r"'s\b", "", text.lower().replace("’", "'"))  # "police's" → "police"
    text = re.sub(r"(?<=\w)-(?=\w)", "", text)  # "Rodo-sho" is "rodosho"
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _close(typed: str, name: str) -> bool:
    """One word of a name typed closely enough: exactly if short, else a slip or two."""
    if len(name) <= 4:
        return typed == name
    return fuzz.ratio(typed, name) >= 80


def same_edges(window: str, phrase: str) -> bool:
    """A window matches a name only if its words line up with the name's words.

    Character overlap alone would let "the copies" match "the cops", or "the police do"
    match "the police".
    """
    w, p = window.split(), phrase.split()
    if len(w) == len(p):
        return all(_close(a, b) for a, b in zip(w, p, strict=True))
    if abs(len(w) - len(p)) > 1:
        return False
    return _close(w[0], p[0]) and _close(w[-1], p[-1])


def partial_names(full: str) -> list[str]:
    """Shorter official names: "Ministry of Health, Labour and Welfare" → "health ministry",
    "ministry of health", …; "National Police Agency" → "police agency"."""
    lower = full.lower()
    out = _within(lower)
    heads = [h for h in _HEADS if re.search(rf"\b{h}\b", lower)]
    if not heads:
        return out
    distinctive = [
        w for w in re.findall(r"[a-z][a-z'’]+", lower) if w not in GENERIC and len(w) > 2
    ]
    for head in heads:
        for word in distinctive:
            out += [f"{head} of {word}", f"{word} {head}", f"{head} of the {word}"]
        if len(distinctive) >= 2:
            out.append(f"{' '.join(distinctive)} {head}")
    return out


def _within(lower: str) -> list[str]:
    """A body named with the body it is part of ("gender equality bureau, cabinet office"):
    its own name, and its name "of the" other body."""
    own, _, parent = lower.rpartition(", ")
    if not own or not any(h in parent.split() for h in _HEADS) or "," in own:
        return []
    if not re.search(
        r"\b(?:bureau|division|office|agency|department|cent(?:er|re)|council)\b", own
    ):
        return []
    return [own, f"{own} of the {parent}", f"{own} of {parent}"]


_MINISTRY_LIKE = re.compile(
    r"\b(?:the\s+)?(?:ministry|agency|office|department)\s+(?:of|for)\s+(?:the\s+)?"
    r"([A-Za-z]+(?:\s*(?:,|and)\s*[A-Za-z]+){0,3})|\b([A-Za-z]+)\s+(?:ministry|agency)\b",
    re.I,
)


def ministry_like(text: str) -> list[tuple[int, int, str]]:
    """ "Ministry of X" / "X ministry" phrases, for names that match no known ministry
    ("ministry or agency" names none: "or" is a function word, not a name; "fake agency
    recruiters" neither: a body's own name is capitalised)."""
    out = []
    for m in _MINISTRY_LIKE.finditer(text):
        if m.group(2) and not m.group(2)[:1].isupper():
            continue
        named = (m.group(1) or m.group(2) or "").lower()
        words = [w for w in re.findall(r"[a-z]+", named) if w not in GENERIC]
        if any(w in _ABROAD for w in words):
            continue
        if words and not all(w in _NOT_A_NAME or w in function_words() for w in words):
            out.append((m.start(), m.end(), m.group(0)))
    return out
