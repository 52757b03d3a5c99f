"""What names a question asks for: "which 31 companies took part" the names of
*companies*, "the phone number" a *number*, "which law …" the name of a *law*.

Read from the question text by :func:`asked_names` (tested in ``tests/test_slots.py``);
:mod:`assistant.reader` puts it in the typed ``Query`` as ``names``.
"""

from __future__ import annotations

import re

from assistant.asked import noun_head
from assistant.text import LEADING_PREPOSITIONS

__all__ = ["NAME_KINDS", "asked_names", "asks_who"]


# A word before the things whose names are asked that only says which of them: a count,
# "other", or an adjective ("which five operators", "which recommended practices").
_MODIFIER = (
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|other|specific|"
    r"exact|individual|particular|different|main|new|[a-z]+(?:ed|al|ic|ive|ing|ese|ian|ous|ful))"
)
# "name the …", "can you name the …": an imperative asking the names of what follows
_NAME_THE = r"(?<!\bthe\s)(?<!\ba\s)\bname\s+(?:all\s+)?(?:of\s+)?the"
# Words saying how closely the names are asked: "what exactly were the 12 proposals".
_HOW = r"(?:exactly|precisely|actually|specifically)"
_ASKED_NAMES = re.compile(
    rf"\b(?:which(?:\s+(?:were|are)\s+the)?|what\s+(?:{_HOW}\s+)?(?:were|are)\s+the|{_NAME_THE})\s+"
    rf"(?:{_MODIFIER}\s+|[a-z]+\s+(?=[a-z]+s\s+(?:took|take|participated|attended|joined|"
    r"[a-z]+ed|won|gave|ran|met|made|had|got|were|are)\b))?"
    r"([a-z]+s)\b(?!\s+(?:is|was)\b)|"
    r"\b(phone|telephone|hotline|contact|fax|short|dial(?:l?ing)?|toll[-\s]?free)\s+(number)s?\b|\b(website|url|web\s+address|"
    r"e-?mail\s+address|postal\s+address)\b(?=\s*(?:[?.!,]|$|of\b|for\b|link\b))",
    re.I,
)
# A number to call, asked as the number of a line: "number for the consultation line".
_NUMBER_TO_CALL = re.compile(
    r"\bnumber\s+(?:for|to\s+call\s+for)\s+(?:the\s+|that\s+|this\s+)?(?:[\w'-]+\s+){0,6}?"
    r"(?:line|hotline|helpline|desk|service|chat|centers?|centres?)\b|"
    # "the number of the parents helpline", not "the number of calls to the hotline"
    r"\bnumber\s+of\s+(?:the|that|this|its|their)\s+"
    r"(?!(?:[\w'-]+\s+){0,5}?(?:to|for|from|at|in|on|by)\s)(?:[\w'-]+\s+){0,5}?"
    r"(?:line|hotline|helpline|desk|service|chat|center|centre)\b(?!s)|"
    # "what's its number": a thing's own number is the one to call, not a count
    r"\b(?:what(?:'s|’s|s)?|which)\s+(?:is\s+|was\s+)?(?:its|their|the)\s+number\s*(?:[?.!]|$)|"
    # "what number do i call", "which number should parents dial", "the number to ring"
    r"\b(?:what|which)\s+number\b[^?]{0,40}?\b(?:call|dial|ring|phone|text)\b|"
    r"\bnumber\s+to\s+(?:call|dial|ring|phone|text)\b",
    re.I,
)
# "which five online service operators": a count says the names of that many are asked.
_WHICH_COUNTED = re.compile(
    rf"(?:\bwhich(?:\s+(?:were|are)\s+the|\s+of\s+(?:the|those|these))?|{_NAME_THE})\s+(?:\d[\d,]*|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+){0,6}?((?-i:[a-z]+s)|"
    r"(?-i:[A-Z]+s?)(?=\s+(?:were|are|was|is|did|do|had|have|got)\b))\b",
    re.I,
)
_BODIES = frozenset(
    "ministries agencies departments bodies organisations organizations offices".split()
)
_NOT_NAMES = frozenset(
    "ministries agencies departments bodies organisations organizations offices efforts "
    "measures sections pillars years months things ones activities initiatives steps "
    "actions countries parts types kinds sorts dates days times weeks periods numbers "
    "figures amounts reports documents".split()
)


# Things that have names, asked for one by one: "at which conference …", "which law …".
NAME_KINDS = frozenset(
    "conference campaign law act event symposium forum meeting programme program project "
    "plan guidebook guide hotline material leaflet poster video service course network "
    "system website app ordinance regulation guideline".split()
)
_WHICH_KIND = re.compile(
    rf"\b(?:which|what)\s+(?:[a-z]+\s+)?({'|'.join(sorted(NAME_KINDS))})\b(?!\s+(?:of|is|was)\b)",
    re.I,
)
# ... with its preposition before it: "on which plan was it based", "under which law"
_BY_WHICH_KIND = re.compile(
    rf"\b(?:on|under|in|at|for|from|with|by|through|to)\s+(?:which|what)\s+(?:[a-z]+\s+)?"
    rf"({'|'.join(sorted(NAME_KINDS))})\b",
    re.I,
)
# Words for a name that is a phrase: "what slogan was used", "the campaign's motto".
_PHRASE_NAMES = r"(?:slogan|motto|catchphrase|catch\s+phrase|tagline|watchword|theme)s?"
# "what new name did it get", "which title": the name itself is asked.
_WHAT_NAME = re.compile(
    rf"\b(?:what|which)\s+(?:[a-z]+\s+)?(?:name|title|{_PHRASE_NAMES})\s+(?!of\b)|"
    r"\b(?:the|its|their)\s+(?:(?:exact|full|official|new|old|current|proper)\s+){1,2}"
    r"(?:name|title)\b(?!\s+of\b)|"  # "… need the exact new name"
    rf"\b{_PHRASE_NAMES}\b",
    re.I,
)
# "the name of the reinforcement plan for …", "the title of the leaflet".
_NAME_OF = re.compile(
    r"\b(?:name|title)\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?((?:[a-z'-]+\s+){0,3}[a-z'-]+)",
    re.I,
)
# "what hours is the chat open", "the opening hours", "when is it open": times of day.
_HOURS = re.compile(
    r"\b(?:what|which)\s+hours?\b|\b(?:opening|business|office)\s+hours\b|"
    r"\bwhat\s+times?\s+of\s+(?:the\s+)?day\b|"  # "at what time of day do chats come in"
    r"\bwhat\s+time\b(?!\s+of\s+(?:the\s+)?year)[^?.]{0,40}\b(?:open|close|start|end)s?\b|"
    r"\b(?:until|till|up\s+to)\s+what\s+(?:time|hour)\b|"  # "until what time can parents call"
    # "when is it open": while it is open, not when it opened ("since when are they open")
    r"(?<!\bsince\s)(?<!\bfrom\s)\bwhen\s+(?:is|are)\b[^?.]{0,50}\bopen\b\s*(?:[?.!]|$)|"
    # "when can i call on saturday": the hours a line answers, not a date ("since when can
    # you text it" asks the date it began)
    r"(?<!\bsince\s)(?<!\bfrom\s)\bwhen\s+(?:can|could|should)\s+(?:i|you|we|they|parents|people|kids|children)\s+"
    r"(?:call|ring|phone|reach|contact|chat|text)\b",
    re.I,
)
# "Which number was the Specialist Group Meeting?": its place in a series ("4th").
_WHICH_NUMBER = re.compile(
    r"\b(?:which|what)\s+number\s+(?:\([^()]{0,30}\)\s*)?"
    r"(?:(?:was|is|were|are)\s+the|(?:was|were)\s+(?:it|that))\b",
    re.I,
)  # "which number was the meeting", "…, which number was it" ("what number is it": a phone)
# Which one of a series is asked: "which edition", "what round", "which version".
_WHICH_ISSUE = re.compile(r"\b(?:which|what)\s+(edition|round|version)s?\b", re.I)
_CALLED = re.compile(
    # a word before the noun says which: "the consultation-only line", "the national month"
    r"(?:^|[,;:.!?]\s+|\s[-–—]+\s+)\s*what(?:'s|\s+(?:is|was|are|were))\s+(?:the|that|this)\s+"
    r"(?:[a-z]+-[a-z]+\s+)?(?:(?-i:[a-z]+)\s+)??"
    # the noun, in lower case: no preposition ("the poster at the stations"), nor "that one"
    r"(?!(?:at|in|on|of|for|to|from|with|by|about|one|ones|thing)\b)((?-i:[a-z]+))\b(?!-)"
    # the noun ends where a clause, a name or a participle begins
    r"(?=\s+(?:(?:the|a|an|that|which|it|they|we|at|in|on|for|from|with|by|of|[a-z]+ed|set|"
    r"held|run|made|put|given|shown|sent|built|begun|done|written)\b|(?-i:[A-Z0-9]))|"
    r"\s+(?:called|titled|named))"
    r".*\b(?:called|titled|named)"
    r"\s*\??\s*$",
    re.I,
)


def asked_names(text: str) -> str | None:
    """Things whose names are asked for, when they are not ministries or the plan's own
    parts: "which 31 companies took part" → "companies", "what were the 12
    recommendations" → "recommendations", "the phone number" → "number".
    ("What resources exist …" asks what was done, not for names.)"""
    m = _WHICH_ISSUE.search(text)
    if m:  # "which edition of the casebook was published": the edition, not the casebook
        return m.group(1).lower()
    if _WHICH_NUMBER.search(text):  # "which number was the meeting": the 4th
        return "ordinal"
    hours = _HOURS.search(text)
    if hours and not re.search(r"\b(?:who|whom|where|which|how)\b", text[: hours.start()], re.I):
        # "what hours is it open": the times of day (not when another question comes first:
        # "who can i call? and till what time …" asks two things)
        return "hours"
    m = _WHICH_KIND.search(text) or _BY_WHICH_KIND.search(text) or _CALLED.search(text)
    if m:  # "at which conference did MOFA present …", "what is the guidebook … titled?"
        return m.group(1).lower()
    if _WHAT_NAME.search(text):  # "what new name did the hotline get?"
        return "name"
    m = None if asks_who(text) else _NAME_OF.search(text)
    if m:  # "the exact name of the reinforcement plan for …": a plan's name
        # ("which ministry changed the name of the hotline" asks the ministry)
        head = noun_head(m.group(1))
        # "the title of the guidebook mext put out": the first kind of named thing
        kinds = [w for w in m.group(1).lower().split() if w in NAME_KINDS]
        if head in NAME_KINDS or kinds:
            return head if head in NAME_KINDS else kinds[0]
    if _NUMBER_TO_CALL.search(text):  # "number for the youth consultation line pls"
        return "number"
    m = _WHICH_COUNTED.search(text)
    if m and m.group(1).lower() not in _NOT_NAMES - {"countries", "departments", "offices"}:
        return m.group(1).lower()  # "which six Southeast Asian countries", "which five … operators"
    for m in _ASKED_NAMES.finditer(text):
        if _RELATIVE.search(text[: m.start()]):
            continue  # "who ran the pilot in which outreach workers joined …": no ask
        if m.group(1):
            word = m.group(1).lower()
            if len(word) >= 4 and word not in _NOT_NAMES and not word.endswith("ss"):
                return word
        elif m.group(3):
            return "number"
        elif m.group(4) and not _ON_A_SITE.search(text[: m.start(4)]):
            return m.group(4).lower()  # not "did they publish it on an official website?"
    return _named_on_request(text)


# A question that opens asking which body: "which agency changed the name of …".
_ASKS_WHO = re.compile(
    r"\W*(?:which|what)\s+(?:ministr|agenc|bod(?:y|ies)|organi[sz]ation|department)\w*",
    re.I,
)

def asks_who(text: str) -> bool:
    """Whether the question opens asking which body did something ("which agency …")."""
    return _ASKS_WHO.match(text) is not None


# Nationalities are asked as names: "what nationalities were the suspects".
_NATIONALITIES = re.compile(r"\b(?:which|what)\s+(?:[a-z]+\s+)?(nationalit(?:y|ies))\b", re.I)
# A request to name or list things: "name the platform operators that …", "list the
# countries represented at …", "can you give the names of the …".
_NAME_OR_LIST = re.compile(
    r"(?:^|[,;:.!?-]\s*|\b(?:you|u|pls|please|and)\s+)(?:name|list|(?:give\s+(?:me\s+)?the\s+)?names\s+of)"
    r"\s+(?:all\s+)?(?:of\s+)?the\s+(?:\d[\d,]*\s+)?((?:[a-z'-]+\s+){0,3}[a-z'-]+)",
    re.I,
)
# "names pls", "their names?": a sentence asking the names of what the question counts.
_NAMES_PLEASE = re.compile(
    r"(?:^|[.?!;:,-]\s*)(?:(?:and|their|the)\s+)?names?\s*(?:pls|plz|please)?\s*[?.!]*\s*$",
    re.I,
)
_COUNTED = re.compile(r"\b\d[\d,]*\s+([a-z][a-z'-]+)\b", re.I)


def _named_on_request(text: str) -> str | None:
    """Names asked for by a request rather than by "which": "what nationalities were
    the 9 suspects" → "nationalities", "name the platform operators that …" →
    "operators", "the 36 NPOs that got subsidies - names pls" → "npos"."""
    m = _NATIONALITIES.search(text)
    if m:
        return m.group(1).lower()
    m = _NAME_OR_LIST.search(text)
    # the noun ends where a relative clause begins: "the platform operators that …"
    phrase = re.split(r"\s+(?:that|who|whose|which)\b", m.group(1))[0] if m else ""
    head = noun_head(phrase) if m else None
    # "the 11 travel agencies": bodies a word of their own says are no ministries
    qualified = head in _BODIES and phrase.split()[0].lower() not in _BODIES | {"the", "other"}
    if head and head.endswith("s") and (head not in _NOT_NAMES - {"countries"} or qualified):
        return head
    if _NAMES_PLEASE.search(text):
        counted = _COUNTED.search(text)
        if counted and counted.group(1).lower() not in _NOT_NAMES:
            return counted.group(1).lower()
    return None


# A website named as where something is, not asked for: "on an official website".
_ON_A_SITE = re.compile(
    r"\b(?:on|via|through|from|at)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[a-z]+\s+)?$", re.I
)


# A question word, then a noun with its preposition: "which" goes on to a relative clause.
_RELATIVE = re.compile(
    rf"\b(?:who|what|when|where|how|which)\b.*\b(?!(?:and|but|nor|also)\b)[a-z]{{3,}}\s+"
    rf"{LEADING_PREPOSITIONS}\s+$",
    re.I,
)
