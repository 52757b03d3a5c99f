"""What a question asks for: the unit of a figure, a quantity, a name and its kind.

"how many child welfare officers" asks a number of *officers*; "what was the budget" a
*budget*; "which law …" a name of a *law*; "which 31 companies took part" the names of
*companies*. Each reader is a function of the question text (tested in
``tests/test_slots.py``), used by :mod:`assistant.reader` to fill the typed ``Query``.
"""

from __future__ import annotations

import re

from assistant.lemmas import only_a_verb, plural_noun
from assistant.slots import plan_noun, plan_part
from assistant.text import DETERMINERS

__all__ = [
    "MONEY_WORDS",
    "QUANTITY_NOUNS",
    "bound",
    "counts",
    "name_of",
    "noun_head",
    "quantity_of",
    "unit",
]


_AUX = frozenset(
    "were was did do does are is have has had will would could can been be got get must "
    "should shall may might "
    "in of for at on by to from with during under about over the a an as per since until "
    "across after before between including like than via into through within among".split()
)
# Verbs that end the noun after "how many" ("how many companies took part").
_VERBS = frozenset(
    "took take takes came come went go attend attended got get received receive made make "
    "done given taken seen shown sent carried conducted performed "
    "joined join participated took part saw see ran run held hold gave give left stayed "
    "are were was is did do does have has had sent send sends met meet won win brought "
    "bring paid pay sold sell told tell said say found find kept keep lost lose spent spend "
    "taught teach wrote write spoke speak chose choose became become reach reached pass "
    "passed use used call called contact contacted visit visited complete completed "
    "exist exists existed remain remains remained operate operates "
    "already still now actually really currently yet ever also and or but how what when "
    "where which who".split()
)
_UNIT_CUE = re.compile(
    r"\b(?:how\s+many|how\s+much|number\s+of|(?:head)?count\s+of|amount\s+of|total\s+of|sum\s+of|"
    r"(?:the\s+|an?\s+)(?:average|mean|median|typical)(?:\s+number\s+of)?)\s+"
    r"(?:of\s+(?:the\s+|these\s+|those\s+)?(?:[\d,.]+\s+)?)?(?:fy\s?\d{2,4}\s+|\d{4}\s+)?"
    r"((?:[a-z'-]+\s+){0,4}[a-z'-]+)\b",
    re.I,
)
# A figure written with "%" in the question ("the 41.2% figure") is not asked for.
_SHARE = re.compile(
    r"\b(?:percentage|percent|proportion|rate|fraction|ratio)\b|\bhow\s+much\s+of\b|"
    r"\b(?:what|which|whats|what's)\s+(?:\w+\s+)?share\b|\b(?:the|a)\s+share\b|"
    r"\bshare\s+of\b|"  # a noun: not "the police share notes"
    r"\bhow\s+(?:accurate|precise)\b|\b(?:accuracy|precision)\b",  # "with 96.2% accuracy"
    re.I,
)
_DURATION = re.compile(
    r"\bhow\s+long\b|\b(?:what|which)\s+(?:period|time\s*frame|duration)\b", re.I
)


_NAME_CUE = re.compile(
    r"\b(?:name|title)\s+of\s+(?:the\s+|a\s+|an\s+)?((?:[a-z'-]+\s+){0,3}[a-z'-]+)|"
    r"\b(?:which|what)\s+((?:[a-z'-]+\s+){0,2}[a-z'-]+)\s+(?:is|was|were|are|do|does|did|will|would|can|could|have|has|had)\b|"
    r"\bthe\s+((?:[a-z'-]+\s+){0,3}[a-z'-]+)\s+(?:is|was)\s+(?:called|named|titled)\b|"
    r"\b(?:is|was)\s+the\s+((?:[a-z'-]+\s+){0,3}[a-z'-]+)\s+(?:called|named|titled)\b|"
    r"\b(?:has|have)\s+the\s+((?:[a-z'-]+\s+){0,4}[a-z'-]+)\s+been\s+(?:called|named|titled)\b|"
    r"\bwhich\s+([a-z'-]+\s+[a-z'-]+)(?=\s*(?:[?.!,]|$))|"  # "during which national month?"
    # "which foreign institutions sent …": the noun the verb ends
    r"\bwhich\s+((?:[a-z'-]+\s+){0,2}[a-z'-]+)\b",
    re.I,
)


def noun_head(phrase: str) -> str | None:
    """The last word of a noun phrase, stopping at a verb, a preposition or a pronoun
    opening a clause ("the police film they showed" → "film"), or a word a determiner
    follows ("officers staff the unit" → "officers")."""
    kept: list[str] = []
    words = phrase.lower().split()
    if len(words) > 1 and words[0].endswith("ed") and words[1] in _PARTICLES:
        return None  # "how many showed up", "turned out": a verb, no noun
    if (len(words) == 1 or words[1] in _AFTER_A_VERB) and (
        only_a_verb(words[0]) or (words[0].endswith("ed") and not plural_noun(words[0]))
    ):  # "how many registered by March": a participle, a verb as well as an adjective
        return None  # "how many watched the stream", "… watched online": people, no noun
    for w, after in zip(words, [*words[1:], ""], strict=True):
        if w.endswith(("s'", "s’")) and not kept:
            return w[:-1]  # "how many countries' police": countries, whose police came
        if w in _AUX or w in _VERBS or (kept and (w.endswith("ed") or w in _PRONOUNS | _PAST)):
            break
        if kept and (w in _COURTESY or only_a_verb(w)):
            break  # "how many folks sat in the hall", "number of attendees pls"
        if kept and (w in _PARTICLES | _ADVERBS or (w.endswith("ing") and _plural(kept[-1]))):
            break  # "young people out at night", "children being placed", "prefectures then"
        if kept and after in DETERMINERS:  # "how many officers staff the unit": a verb
            break
        if kept and _plural(kept[-1]) and after in ("it", "them"):
            break  # "how many operators share it": a verb with its object
        if kept and w in _WHEN_WORDS:
            break  # "how many consultations last year": a time, not the thing counted
        kept.append(w)
    return kept[-1] if kept else None


def _plural(word: str) -> bool:
    """A plural noun, which an "-ing" form after it does not go on ("children being …",
    not "group meeting")."""
    return word in ("people", "children", "men", "women") or (
        word.endswith("s") and not word.endswith("ss")
    )


_COURTESY = frozenset("please pls plz thanks thx thank ty".split())
_PARTICLES = frozenset("up out in on off down over along back".split())
_ADVERBS = frozenset("then now there here so still already yet ever overall altogether".split())
# Past forms without "-ed" that end a noun phrase: "the hotline set up in December".
_PAST = frozenset(
    "set held run made given sent built put led taught begun shown seen done won brought "
    "kept found paid spent told spoken written taken chosen drawn known sold bought".split()
)


_WHEN_WORDS = frozenset("last next previous per each every".split())
# Words a verb may be followed by but a noun phrase's first word is not: "how many
# watched online", "how many came in person", "how many took part from abroad".
_AFTER_A_VERB = DETERMINERS | frozenset(
    "online offline abroad overseas remotely live virtually in at from via through by for to "
    "with during part".split()
)


_PRONOUNS = frozenset(
    "them they those these it this that there us you we one ones all each some any".split()
)


# "how much did Japan contribute": words that make "how much" an amount of money.
MONEY_WORDS = re.compile(
    r"\b(?:cost|spen[dt]|budget|money|fund|contribut|donat|grant|pa(?:y|id)\b|cash|yen\b|"
    r"dollars?\b|invest(?!igat)|financ|subsid|g[ai]ve\b|given\b|allocat|award)",
    re.I,
)


def counts(text: str) -> bool:
    """Whether the question asks a count or an amount ("how many", "number of")."""
    return _UNIT_CUE.search(text) is not None or _TALLY.search(text) is not None


def named_before(text: str) -> str | None:
    """The plural noun a count asks of when the question names it before "how many" and
    not after: "interview rooms at police stations - how many are there?" → "rooms"."""
    m = _UNIT_CUE.search(text)
    if m is None or noun_head(m.group(1)):
        return None
    lead = re.search(
        r"^\s*(?:the\s+)?([a-z][\w\s'-]*?)\s*[-–—:,]\s*$", text[: m.start()], re.I
    ) or re.search(  # "the joint interviews by prosecutors, police and … - how many …"
        r"^\s*(?:the\s+)?([a-z][\w\s',-]*?)\s*[-–—:]\s*$", text[: m.start()], re.I
    )
    named = noun_head(lead.group(1)) if lead else None
    return named if named and _plural(named) and not plan_noun(named) else None


# A budget asked for by name: "what budget was set aside", "what was the budget".
_WHAT_BUDGET = re.compile(
    r"\b(?:what|which)\s+(?:(?:was|is|were)\s+(?:(?:the|its|their)\s+)?)?"
    r"(?:[\w-]+(?:['’]s|s['’])\s+)?(?:[a-z]+\s+)?budgets?\b",
    re.I,
)


# What was done to the things counted: "got removed", "were done", "were handed out".
_PASSIVE = re.compile(
    r"(?:got|get|gets|were|was|have\s+been|had\s+been)\s+"
    r"(?:[a-z]+ed|done|held|made|sent|run|set|found|built|given|shown|put|taken|seen)\b",
    re.I,
)


# "by how many did it increase school counselors": the change's size, of what its verb moves
_BY_HOW_MANY = re.compile(
    r"\bby\s+how\s+(?:many|much)\b[^?.!]*?\b(?:increas|rais|grow|expand|add|cut|reduc|"
    r"decreas|boost|lower)\w*\s+(?:(?:the|its|their)\s+)?(?:(?:number|count)\s+of\s+)?"
    r"((?:[a-z'-]+\s+){0,3}[a-z'-]+)",
    re.I,
)


# A number asked as a tally of things: "what call volume", "the consultation count".
_TALLY = re.compile(
    r"\b(?:what|the|its|their)\s+(?:(?:total|annual|yearly|monthly)\s+)?"
    r"(?![a-z]+ed\b)([a-z]{3,}?)\s+(?:volume|count|tally)\b(?!\s+(?:of|as)\b)",
    re.I,
)


def unit(text: str) -> str | None:
    """What a number is asked of: "how many child welfare officers" → "officers", "how
    long" → "duration", "what share" → "percent", "how much did it cost" → "money"."""
    if _DURATION.search(text):
        return "duration"
    # "how old were they" asks an age; "confirm how old you are" (no inversion) does not
    if re.search(
        r"\bhow\s+old\s+(?:is|are|was|were|do|does|did)\b|\bhow\s+old\s*\??$|"
        r"\b(?:what|which)\s+ages?\b|\bage\s+(?:group|range|bracket)s?\b",
        text,
        re.I,
    ):
        return "age"
    if _SHARE.search(text):
        return "percent"
    if re.search(r"\bhow\s+(?:often|frequently)\b", text, re.I):
        return "times"  # "how often was it accessed": a number of times
    if re.search(r"\bhow\s+much\s+(?:money|cash|funding|funds)\b", text, re.I):
        return "money"
    if re.search(r"\bwhat\b[^?.!]{0,80}?\bcost(?:s|ed)?\b|\bthe\s+cost\s+of\b", text, re.I):
        return "money"  # "what the campaign cost the government", "the cost of the app"
    if re.search(r"\b(?:max|maximum|upper\s+limit|most)\b", text, re.I) and re.search(
        r"\b(?:subsid|grant|fund|pa(?:y|id)\b|yen\b|money|cash)", text, re.I
    ):
        return "money"  # "what's the max a town could get from the subsidy": up to a sum
    grown = _BY_HOW_MANY.search(text)
    if grown:  # "by how many did MEXT increase school counselors": counselors, more of them
        head = noun_head(grown.group(1))
        if head and _plural(head):
            return head
    m = _UNIT_CUE.search(text)
    head = noun_head(m.group(1)) if m else None
    said = re.match(r"(?:were|are|was|is)\s+(.+)", m.group(1), re.I) if m and not head else None
    if said:  # "of the cases cleared, how many were child pornography offences": offences
        after = noun_head(said.group(1))
        head = after if after and _plural(after) and not after.endswith("ed") else None
    if m and not plan_noun(head or ""):
        # "how many measures sit under section 4": a part of the plan is the unit
        phrase = m.group(1).lower().split()
        upto = phrase[: phrase.index(head) + 1] if head and head in phrase else phrase
        head = next((w for w in upto if plan_part(w)), head)
    if head and head not in _PRONOUNS:  # "how many of them" names no unit
        return head
    passive = m and _PASSIVE.match(m.group(1))
    if passive and not head and (before := named_before(text)):
        # "junior idol listings on marketplaces - how many got removed": those listings
        # had something done to them ("how many are there", "how many completed it" are
        # left to the words)
        return before
    tally = _TALLY.search(text)
    if tally:  # "what call volume did 189 handle": a number of calls
        noun = tally.group(1).lower()
        if noun.endswith("s"):
            return noun
        return f"{noun[:-1]}ies" if re.search(r"[^aeiou]y$", noun) else f"{noun}s"
    sized = re.search(r"\bhow\s+(?:much|big|large|high)\b", text, re.I)
    if sized and re.search(r"\bbudgets?\b", text, re.I) or _WHAT_BUDGET.search(text):
        return "budget"  # "how big is the agency's budget for …": a sum called a budget
    if re.search(r"\bhow\s+much\b", text, re.I):
        return "money" if MONEY_WORDS.search(text) else None
    if sized and MONEY_WORDS.search(text):
        return "money"  # "how big were the subsidies (yen)?"
    return None


# Words that say which *sort* of a thing is asked, before the thing itself: "what kind of
# bases", "which number meeting", "which edition of the forum".
_QUALIFIER = re.compile(
    r"\b(which|what)\s+(?:(?:kinds?|types?|sorts?|forms?|editions?|rounds?)\s+of"
    r"|(?:number|edition|round)(?=\s+(?!(?:is|was|are|were|do|does|did|should|can|could|would)\b)"
    r"[a-z]))\s+(?:the\s+|a\s+|an\s+)?",
    re.I,
)


_QUANTITY = re.compile(
    r"\bwhat(?:'s|\s+(?:is|was|were|are))\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w-]+(?:['’]s|s['’])\s+)?"  # whose: "what was MOJ's budget", "the police's"
    r"(?:(?:total|overall|final|max|maximum|minimum|average|annual|yearly|monthly|"
    r"approximate|approx|rough|estimated|exact|precise)\s+)?([a-z'-]+)\b",
    re.I,
)


# Nouns that name a quantity whatever the question's shape: "what is the budget for …"
# asks for a figure even when it reads like an open question.
QUANTITY_NOUNS = frozenset(
    "budget budgets cost costs spending expenditure funding price fee fees salary salaries "
    "wage wages turnout attendance grant grants subsidy subsidies".split()
)


def quantity_of(text: str, *, known_only: bool = False) -> str | None:
    """The quantity a figure question names without "how many": "what was the budget for
    the plan" → "budget", "what's the turnout" → "turnout". ``known_only``: only nouns
    of :data:`QUANTITY_NOUNS`, for a question not read as asking for a figure."""
    m = _QUANTITY.search(text)
    if known_only:
        # "budget for the CFA campaign?", "what salary will they be paid", "the yearly
        # budget", "the national budget"
        named = re.search(
            rf"(?:^|\b(?:the|a|an|its|their|what|which|any|total|annual|average|max|maximum|"
            rf"minimum|approximate|rough|estimated|exact)\s+(?:(?:fy\s?)?\d{{4}}\s+)?(?:[a-z]+(?:ly|al)\s+)?)"
            rf"({'|'.join(sorted(QUANTITY_NOUNS))})\b",
            text,
            re.I,
        )  # a noun, not the verb of "does it cost anything"
        return named.group(1).lower() if named else None
    if not m or m.group(1).lower() in _AUX or m.group(1).lower() in ("number", "figure"):
        return None
    if m.group(1)[:1].isupper():
        # "what was Oyako Line's FY2059 consultation total?": a name owns the figure; the
        # quantity is the noun its total is of
        of = re.search(r"\b([a-z]+)\s+(?:total|count|figure|tally)\b", text[m.end() :])
        return of.group(1) if of else None
    return m.group(1).lower()


def name_of(text: str) -> str | None:
    """What a name is asked of: "which law …" → "law", "the name of the new hotline" →
    "hotline", "what is the child abuse hotline called" → "hotline", "what kind of
    support bases …" → "bases"."""
    m = _NAME_CUE.search(_QUALIFIER.sub(r"\1 ", text))
    if not m:
        return None
    words = next(g for g in m.groups() if g).split()
    # "which law requires phone retailers …": the noun before the verb
    cut = next((n for n, w in enumerate(words) if n and only_a_verb(w)), len(words))
    head = noun_head(" ".join(words[:cut]))
    return None if head in ("ministry", "agency", "section", "pillar") else head


# Which end of a span of time is asked: "since when", "from which fiscal year does it
# start" ask its start; "by when", "until when", "the deadline" its end.
_START = re.compile(
    r"\b(?:since|from|starting(?:\s+in)?|beginning(?:\s+in)?)\s+(?:when|what|which)\b|"
    r"\b(?:start|starts|started|begin|begins|began|commence[sd]?|launch(?:ed|es)?)\b",
    re.I,
)
_END = re.compile(
    r"\b(?:by|until|till|through)\s+(?:when|what|which)\b|\bdeadline\b|\btarget\s+(?:date|year)\b|"
    r"\b(?:end|ends|ended|finish|finishes|finished|completed?)\b",
    re.I,
)


def bound(text: str) -> str | None:
    """ "start" or "end" when the question asks which end of a span of time, else None.

    >>> bound("and from which fiscal year does it start?"), bound("by when?")
    ('start', 'end')
    """
    start, end = _START.search(text), _END.search(text)
    if start and end:  # "from when until when": both, as written
        return None
    return "start" if start else "end" if end else None
