"""How a question says to list its answer, which is not what it asks about: "put them
together", "put them in one list", "keep only the ones …", "narrow it down to …", "the
complete list", "nothing left out", "grouped by pillar". The reader leaves these words out
of the topic; a question that narrows asks about the previous answer's efforts.
"""

from __future__ import annotations

import re

from assistant.parts import Span

__all__ = ["listing_spans", "narrows"]

# "put together", "bring them together": how the answer is to be listed, not its subject
_MERGED = re.compile(r"\b(?:put|bring|merge|lump)\s+(?:(?:them|it|all)\s+)?together\b", re.I)
# "put them in one list", "into a single list": one list of all that is asked
_ONE_LIST = re.compile(
    r"\b(?:in|into|as)\s+(?:one|a\s+single|a\s+combined|a|the\s+same)\s+(?:list|table)\b", re.I
)
_PUT = re.compile(r"\b(?:put|puts|merge|combine|lump|collect)\b", re.I)
# "the complete list", "nothing left out": how much of the answer is wanted (all of it)
_WHOLE_LIST = re.compile(
    r"\b(?:complete|full|entire|whole)\s+(?:[\w-]+\s+){0,2}?(?:list|set|rundown|overview)\b|"
    r"\bin\s+(?:the\s+)?(?:same\s+)?order\s+(?:they|it|that\s+they)\s+(?:appear|come|are\s+"
    r"(?:listed|given|printed))\b|"
    # "with ids if possible", "with their numbers": how each is to be shown
    r"\bwith\s+(?:their\s+|the\s+|its\s+)?(?:ids|id\s+numbers|numbers|codes|references)\b"
    r"(?:\s+if\s+(?:possible|you\s+can))?|\bif\s+possible\b|"
    r"\bnothing\s+(?:left\s+out|missed|omitted)\b|\bin\s+full\b|"
    r"\b(?:no|without(?:\s+any)?)\s+(?:duplicates|repeats|repetitions|doubles)\b|"
    # "(an item of either qualifies)", "either one counts": one body is enough
    r"\b(?:(?:an?|any)\s+\w+\s+of\s+)?either(?:\s+one)?\s+(?:qualifies|counts|will\s+do|is\s+"
    r"(?:fine|ok|okay|enough))\b|"
    r"\badd(?:ing|ed)?\s+(?:it\s+|them\s+|everything\s+)?up\b|"  # "adding up all years"
    # "pillar 5 holds how many efforts": the verb of a count put after its subject
    r"\b(?:holds?|contains?|includes?|has|have)(?=\s+how\s+many\b)",
    re.I,
)
# "grouped by pillar", "sorted by ministry": how the answer is to be ordered
_ARRANGED = re.compile(
    r"\b(?:group|sort|order|arrang|organi[sz]|broken\s+down|split|list)(?:ed|e)?\s+"
    r"(?:by|per|according\s+to)\s+(?:the\s+|their\s+|its\s+)?"
    r"(?:section|pillar|measure|ministr|agenc|bod|year|fiscal\s+year|date|month|theme)\w*",
    re.I,
)
# "I'm preparing a summary of …", "we are writing a report on …": the asker's own task,
# not what the question is about (what it is on follows, and stays)
_ASKERS_TASK = re.compile(
    r"\b(?:i'?m|i\s+am|we'?re|we\s+are|i'?ve\s+been|i\s+was)\s+(?:currently\s+|now\s+|just\s+)?"
    r"(?:preparing|writing|drafting|compiling|putting\s+together|working\s+on|researching|"
    r"updating|making|building|creating|doing)\b(?:\s+(?:a|an|my|our|the|some)\b)?(?:\s+(?:short|brief|quick|little))?"
    r"(?:\s+(?:summary|report|article|memo|briefing|brief|notes?|piece|paper|thesis|essay|"
    r"presentation|slides?|overview|story|post|newsletter|chapter|handout|table|timeline|"
    r"chart|spreadsheet|list|graph|infographic|database|deck|factsheet)\b)?"
    r"(?:\s+(?:on|about|of|for|covering)\b)?",
    re.I,
)
# "switch to 2023 -", "switching topic slightly,": how the talk moves on, not its subject
_MOVING_ON = re.compile(
    r"\b(?:switch(?:ing)?|mov(?:e|ing)|jump(?:ing)?|turn(?:ing)?)\s+(?:over\s+|on\s+)?to\b"
    r"(?=\s+(?:the\s+)?(?:FY\s?)?\d{4}\b)|"
    r"\b(?:switching|changing|new)\s+(?:the\s+)?(?:topics?|subjects?)(?:\s+(?:slightly|a\s+bit|"
    r"a\s+little|now|here))?\b",
    re.I,
)
# "in which the word metaverse appears": the words asked for, not a word "word"
_THE_WORD = re.compile(
    r"\b(?:(?:use|uses|using|used|contain|contains|containing)\s+)?(?:the\s+)?"
    r"(?:words?|terms?|phrases?|expressions?)(?=\s+[\"“'‘]?\w)",
    re.I,
)
# "keep only", "narrow it down to the ones": how the previous answer is to be cut
_NARROWED = re.compile(
    r"\b(?:keep|narrow|filter|limit|restrict|trim|cut)(?:\s+(?:it|them|(?:this|that|the)"
    r"(?:\s+(?:list|answer|set|selection|results?))?))?"
    r"(?:\s+(?:down|back))?(?=\s+(?:only|just|to|the\s+ones|those|these|them)\b)",
    re.I,
)


def listing_spans(text: str) -> list[Span]:
    """Where the question says how to list, not what: "put together", "keep only"."""
    ways = (_MERGED, _NARROWED, _WHOLE_LIST, _ARRANGED, _ASKERS_TASK, _MOVING_ON, _THE_WORD)
    spans = [m.span() for r in ways for m in r.finditer(text)]
    if _ONE_LIST.search(text):
        spans += [m.span() for r in (_ONE_LIST, _PUT) for m in r.finditer(text)]
    return spans


def narrows(text: str) -> bool:
    """Whether the question cuts the previous answer down: "keep only the ones …"."""
    return _NARROWED.search(text) is not None
