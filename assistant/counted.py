"""Counts asked two at a time with one question word, cut into one question each: "how
many cases and persons", "how many school social workers and school counsellors", "how
many officials from how many countries", "what share of girls and of boys"."""

from __future__ import annotations

import re

__all__ = ["counted_apart", "shares_of_two_groups"]

# "how many cases and persons": two counts of one effort, asked with one question word.
# The count asked with its question word, or with its noun: "number of seminars + participants"
_HOW_MANY = r"(?:how\s+many|(?:the\s+)?(?:total\s+)?(?:number|no\.|count)\s+of)"
# … the count's noun said again after the "and": "number of experts and number of countries"
_AND = rf"(?:and|&|\+|n|or|as\s+well\s+as)(?:\s+{_HOW_MANY})?"
_TWO_UNITS = re.compile(rf"\b({_HOW_MANY}\s+)([a-z-]+)\s+{_AND}\s+([a-z-]+)\b", re.I)
# … each a phrase: "how many school social workers and school counsellors are there"
_TWO_PHRASES = re.compile(
    rf"\b({_HOW_MANY}\s+)((?:[a-z-]+\s+){{1,3}}?[a-z-]+)\s+{_AND}\s+"
    # the second noun phrase runs to the verb or the end: "… and school counsellors are there"
    r"((?:[a-z-]+\s+){0,3}?[a-z-]+)\b(?=\s+(?:are|were|is|was|did|do|does|have|has|had|"
    r"took|came|come|got|in|at|after|from|by|for|during|since|of|[a-z]+ed)\b|\s*[?.!,;]|\s*$)",
    re.I,
)

# … each with what was done to it: "number of cases cleared and persons involved"
_TWO_DONE = re.compile(
    rf"\b({_HOW_MANY}\s+)([a-z-]+\s+[a-z]+ed)\s+{_AND}\s+([a-z-]+\s+[a-z]+ed)\b", re.I
)


# "how many officials from how many countries took part": one count inside another.
_NESTED_COUNT = re.compile(
    r"\b(how\s+many\s+[a-z-]+)\s+(?:from|in|at|across|of)\s+(how\s+many\s+[a-z-]+)", re.I
)


# "what share of girls and of boys": one share, of two groups.
_TWO_GROUPS = re.compile(
    r"\b((?:what|which)\s+(?:share|percentage|proportion|percent|%|rate)\s+of)\s+"
    r"((?:the\s+)?[a-z-]+)\s+(?:and|&|vs\.?|versus|compared\s+with)\s+(?:of\s+)?((?:the\s+)?[a-z-]+)\b",
    re.I,
)


def shares_of_two_groups(text: str) -> bool:
    """Whether the question asks one share of two groups: "what share of girls and boys"."""
    return _TWO_GROUPS.search(text) is not None


def counted_apart(text: str) -> tuple[str, str] | None:
    """ "How many cases and persons did it clear?" as "How many cases did it clear?" and
    "How many persons did it clear?"; "how many officials from how many countries took
    part?" as "how many officials took part?" and "how many countries took part?"; "what
    share of girls and of boys said so?" as the share of each; None when one thing is
    counted."""
    groups = _TWO_GROUPS.search(text)
    if groups is not None:
        # "what share of girls and of boys said …": the same share of each group
        before, after = text[: groups.start(2)], text[groups.end() :]
        return f"{before}{groups.group(2)}{after}", f"{before}{groups.group(3)}{after}"
    nested = _NESTED_COUNT.search(text)
    if nested is not None:
        before, after = text[: nested.start()], text[nested.end() :]
        return f"{before}{nested.group(1)}{after}", f"{before}{nested.group(2)}{after}"
    done = _TWO_DONE.search(text)
    if done is not None and all(_is_plural_noun(w.split()[0]) for w in done.group(2, 3)):
        before, after = text[: done.start()], text[done.end() :]
        return (
            f"{before}{done.group(1)}{done.group(2)}{after}",
            f"{before}{done.group(1)}{done.group(3)}{after}",
        )
    m = _TWO_UNITS.search(text) or _TWO_PHRASES.search(text)
    if m is None or not all(_is_plural_noun(w.split()[-1]) for w in m.group(2, 3)):
        return None
    before, after = text[: m.start()], text[m.end() :]
    return (
        f"{before}{m.group(1)}{m.group(2)}{after}",
        f"{before}{m.group(1)}{m.group(3)}{after}",
    )


def _is_plural_noun(word: str) -> bool:
    w = word.lower()
    return w in ("people", "staff", "children") or (w.endswith("s") and not w.endswith("ss"))
