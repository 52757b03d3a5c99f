"""What a question asks for: the unit of a figure, a quantity, a name and its kind.

"how many child welfare officers" asks a number of *officers*; "what was the budget" a
*budget*; "which law …" a name of a *law*; "which 31 companies took part" the names of
*companies*. Each reader is a function of the question text (tested in
``tests/test_slots.py``), used by :mod:`assistant.reader` to fill the typed ``Query``.
"""

from __future__ import annotations

import re

from assistant.lemmas import only_a_verb
from assistant.slots import plan_noun, plan_part
from assistant.text import LEADING_PREPOSITIONS

__all__ = [
    "MONEY_WORDS",
    "NAME_KINDS",
    "QUANTITY_NOUNS",
    "asked_names",
    "bound",
    "counts",
    "name_of",
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
    r"\b(?:how\s+many|how\s+much|number\s+of|count\s+of|amount\s+of|total\s+of|"
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


def _head(phrase: str) -> str | None:
    """The last word of a noun phrase, stopping at a verb, a preposition or a pronoun
    opening a clause ("the police film they showed" → "film"), or a word a determiner
    follows ("officers staff the unit" → "officers")."""
    kept: list[str] = []
    words = phrase.lower().split()
    if len(words) > 1 and words[0].endswith("ed") and words[1] in _PARTICLES:
        return None  # "how many showed up", "turned out": a verb, no noun
    if (len(words) == 1 or words[1] in _AFTER_A_VERB) and only_a_verb(words[0]):
        return None  # "how many watched the stream", "… watched online": people, no noun
    for w, after in zip(words, [*words[1:], ""], strict=True):
        if w.endswith(("s'", "s’")) and not kept:
            return w[:-1]  # "how many countries' police": countries, whose police came
        if w in _AUX or w in _VERBS or (kept and (w.endswith("ed") or w in _PRONOUNS | _PAST)):
            break
        if kept and (w in _PARTICLES | _ADVERBS or (w.endswith("ing") and _plural(kept[-1]))):
            break  # "young people out at night", "children being placed", "prefectures then"
        if kept and after in _DETERMINERS:  # "how many officers staff the unit": a verb
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


_PARTICLES = frozenset("up out in on off down over along back".split())
_ADVERBS = frozenset("then now there here so still already yet ever overall altogether".split())
# Past forms without "-ed" that end a noun phrase: "the hotline set up in December".
_PAST = frozenset(
    "set held run made given sent built put led taught begun shown seen done won brought "
    "kept found paid spent told spoken written taken chosen drawn known sold bought".split()
)


_DETERMINERS = frozenset("the a an its their this that these those".split())
_WHEN_WORDS = frozenset("last next previous per each every".split())
# Words a verb may be followed by but a noun phrase's first word is not: "how many
# watched online", "how many came in person", "how many took part from abroad".
_AFTER_A_VERB = _DETERMINERS | frozenset(
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
    return _UNIT_CUE.search(text) is not None


def named_before(text: str) -> str | None:
    """The plural noun a count asks of when the question names it before "how many" and
    not after: "interview rooms at police stations - how many are there?" → "rooms"."""
    m = _UNIT_CUE.search(text)
    if m is None or _head(m.group(1)):
        return None
    lead = re.search(r"^\s*(?:the\s+)?([a-z][\w\s'-]*?)\s*[-–—:,]\s*$", text[: m.start()], re.I)
    named = _head(lead.group(1)) if lead else None
    return named if named and _plural(named) and not plan_noun(named) else None


def unit(text: str) -> str | None:
    """What a number is asked of: "how many child welfare officers" → "officers", "how
    long" → "duration", "what share" → "percent", "how much did it cost" → "money"."""
    if _DURATION.search(text):
        return "duration"
    # "how old were they" asks an age; "confirm how old you are" (no inversion) does not
    if re.search(
        r"\bhow\s+old\s+(?:is|are|was|were|do|does|did)\b|\bhow\s+old\s*\??$|"
        r"\bwhat\s+ages?\b|\bage\s+(?:group|range)\b",
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
    m = _UNIT_CUE.search(text)
    head = _head(m.group(1)) if m else None
    said = re.match(r"(?:were|are|was|is)\s+(.+)", m.group(1), re.I) if m and not head else None
    if said:  # "of the cases cleared, how many were child pornography offences": offences
        after = _head(said.group(1))
        head = after if after and _plural(after) and not after.endswith("ed") else None
    if m and not plan_noun(head or ""):
        # "how many measures sit under section 4": a part of the plan is the unit
        phrase = m.group(1).lower().split()
        upto = phrase[: phrase.index(head) + 1] if head and head in phrase else phrase
        head = next((w for w in upto if plan_part(w)), head)
    if head and head not in _PRONOUNS:  # "how many of them" names no unit
        return head
    if re.search(r"\bhow\s+much\b", text, re.I):
        return "money" if MONEY_WORDS.search(text) else None
    if re.search(r"\bhow\s+(?:big|large|high)\b", text, re.I) and MONEY_WORDS.search(text):
        return "money"  # "how big were the subsidies (yen)?"
    return None


# A word before the things whose names are asked that only says which of them: a count,
# "other", or an adjective ("which five operators", "which recommended practices").
_MODIFIER = (
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|other|specific|"
    r"exact|individual|particular|different|main|new|[a-z]+(?:ed|al|ic|ive|ing|ese|ian|ous|ful))"
)
# "name the …", "can you name the …": an imperative asking the names of what follows
_NAME_THE = r"(?<!\bthe\s)(?<!\ba\s)\bname\s+(?:all\s+)?(?:of\s+)?the"
_ASKED_NAMES = re.compile(
    rf"\b(?:which(?:\s+(?:were|are)\s+the)?|what\s+(?:were|are)\s+the|{_NAME_THE})\s+"
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
_NOT_NAMES = frozenset(
    "ministries agencies departments bodies organisations organizations offices efforts "
    "measures sections pillars years months things ones activities initiatives steps "
    "actions countries parts types kinds sorts dates days times weeks periods numbers "
    "figures amounts".split()
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
    if _HOURS.search(text):  # "what hours is it open": the times of day
        return "hours"
    m = _WHICH_KIND.search(text) or _BY_WHICH_KIND.search(text) or _CALLED.search(text)
    if m:  # "at which conference did MOFA present …", "what is the guidebook … titled?"
        return m.group(1).lower()
    if _WHAT_NAME.search(text):  # "what new name did the hotline get?"
        return "name"
    m = _NAME_OF.search(text)
    if m:  # "the exact name of the reinforcement plan for …": a plan's name
        head = _head(m.group(1))
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
    r"(?:(?:total|overall|final|max|maximum|minimum|average|annual|yearly|monthly)\s+)?([a-z'-]+)\b",
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
            rf"minimum)\s+(?:(?:fy\s?)?\d{{4}}\s+)?(?:[a-z]+(?:ly|al)\s+)?)"
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
    head = _head(" ".join(words[:cut]))
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
