"""The change slot: what a question across fiscal years asks for — new, continued or stopped.

"What is *new* in FY2020?", "which efforts *continued*?", "what is *no longer* reported?":
the words that say which side of a comparison is asked are a slot of their own (``change``),
masked as ``CHANGE`` in the question's shape, as a ministry or a time is. So the intent
model learns "what is CHANGE in TIME" as a comparison without learning any one word, and
the answer receives the asked side typed.

"New" is a change word only where it says something is new, not where it names a thing
("the *new* hotline", "the *new* Basic Plan"): before a noun other than the plan's own
("new efforts", "new ones") it is part of that noun's name.

A question may also ask for what one year has and another has not ("what did MEXT do in
FY2020 that it did not do in FY2019?"): :attr:`Changes.absent` is then the year named after
the negation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.parts import Span
from assistant.when import read_time

__all__ = ["ASPECTS", "Aspect", "Changes", "change_spans", "read_changes"]

Aspect = Literal["new", "continued", "stopped"]
ASPECTS: tuple[Aspect, ...] = ("new", "continued", "stopped")

# Words (regular expressions, whole words) that ask for one side of a comparison; "new"
# is read apart (:func:`_new_spans`).
_WORDS: dict[Aspect, str] = {
    "new": r"newly|brand[- ]new|add(?=\s+(?:in|during|for|this|since)\b|\s*[?!.,;]|\s*$)",
    "continued": (
        r"continu(?:e|ed|es|ing|ation)|carried\s+over|carr(?:y|ies|ied|ying)\s+on|"
        r"(?:keep|keeps|kept|keeping)\s+(?:up|on|going|doing)|"
        r"(?:keep|keeps|kept)\s+(?:on\s+)?[a-z]+ing|"
        r"still\s+(?:going|running|reported|there|done|in|on)"
    ),
    "stopped": (
        r"stopped|stop\s+doing|drop(?:s|ped|ping)?|discontinu(?:e|ed|es|ing|ation)|"
        r"no\s+longer|ceased|disappeared|vanished|gone(?!\s+(?:up|down))|left\s+out\s+of"
    ),
}
_CHANGE = {aspect: re.compile(rf"\b(?:{pattern})\b", re.I) for aspect, pattern in _WORDS.items()}
_NEW = re.compile(r"\bnew\b", re.I)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+|\d)?")
# After "new", words that do not make it part of a name: the plan's own nouns and function
# words ("new efforts", "new in FY2020", "anything new this year").
_AFTER_NEW = frozenset(
    "effort efforts activity activities initiative initiatives measure measures item items "
    "one ones thing things work project projects in on at for from this that since under "
    "compared about to by with and or but is are was were did has have had fy there here "
    "vs versus stuff".split()
)


def _new_spans(text: str) -> list[Span]:
    """Where "new" says something is new, not part of a name ("the new hotline")."""
    out = []
    for m in _NEW.finditer(text):
        nxt = _NEXT_WORD.match(text, m.end())
        word = nxt.group(1) if nxt else None
        # nothing after it, a plan noun or function word, a year, or an abbreviation (MIC)
        if word is None or word.lower() in _AFTER_NEW or word.isdigit() or word.isupper():
            out.append((m.start(), m.end()))
    return out


# A negation before a continuing verb asks what stopped ("were not continued").
_NOT = r"(?:\bnot|n't|\bnever|\bno\s+longer|\b(?:did|does|do|was|were|is|are|had|have|has)nt)\b"
_NEGATED = re.compile(rf"{_NOT}\s+(?:\w+\s+)?$", re.I)
# "… that it did not do in FY2019", "… but not in FY2022": a year the efforts are absent
# from; the negation and its verb ("not do") are the slot's words.
_ABSENT = re.compile(
    rf"(?P<words>{_NOT}(?:\s+[a-z]+){{0,3}}?)"
    r"(?:\s+(?:in|during|for|from|by|at))?\s+(?:the\s+)?(?=(?:FY\s?)?(?:19|20)\d\d\b)",
    re.I,
)


@dataclass(frozen=True)
class Changes:
    """The change slot of one question.

    Attributes:
        aspects: The sides asked for ("new", "continued", "stopped"); empty: every side.
        spans: Where the change words are, to mask them.
        absent: A year the asked efforts are absent from ("… that it did not do in FY2019").
    """

    aspects: tuple[Aspect, ...] = ()
    spans: tuple[Span, ...] = ()
    absent: int | None = None


def change_spans(text: str) -> list[Span]:
    """Where ``text`` holds words of the change slot."""
    return list(read_changes(text).spans)


def read_changes(text: str, years: Sequence[int] = ()) -> Changes:
    """The change slot of ``text``; ``years`` are the loaded fiscal years (for ``absent``).

    Example:
        >>> read_changes("What is new in FY2020?").aspects
        ('new',)
    """
    found: list[tuple[int, int, Aspect]] = [(s, e, "new") for s, e in _new_spans(text)]
    for aspect, pattern in _CHANGE.items():
        for m in pattern.finditer(text):
            asked: Aspect = aspect
            if aspect == "continued" and _NEGATED.search(text[: m.start()]):
                asked = "stopped"
            found.append((m.start(), m.end(), asked))
    aspects = tuple(dict.fromkeys(a for _, _, a in found))
    spans = [(s, e) for s, e, _ in found]
    absent = None
    gap = _ABSENT.search(text)
    if gap is not None:
        ref = read_time(text[gap.end() :], tuple(years))
        named = [*ref.fiscal_years, *ref.years]
        absent = named[0] if named else None
        spans.append(gap.span("words"))
    return Changes(
        aspects=tuple(a for a in ASPECTS if a in aspects),
        spans=tuple(sorted(spans)),
        absent=absent,
    )
