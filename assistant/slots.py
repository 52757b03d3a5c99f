"""Small slot readers: abbreviation, unit of a number, ordinal, reference back and how many
ministries (sections and measures are read in ``parts.py``, countries in ``countries.py``).

Each reads one kind of thing from the (normalised) question and returns it with the
character spans it used, so the question's shape can mask them. Ministries and time
have readers of their own (``ministries.py``, ``when.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.listing import listing_spans, narrows
from assistant.parts import NUM, NUMBER_WORDS, ORD, Span
from assistant.text import function_words

__all__ = [
    "Span",
    "ministry_count",
    "ministry_count_spans",
    "numbers",
    "ordinal",
    "refers_back",
    "terms",
    "titles",
    "names_the_plan",
    "plan_noun",
    "plan_part",
    "rank",
    "yes_no",
    "asides",
]


_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,7}s?\b")


def terms(text: str, vocabulary: frozenset[str], ministry_spans: Iterable[Span]) -> list[Span]:
    """Abbreviations that are neither ministries nor words of the reports ("NGO", "XYZ")."""
    taken = list(ministry_spans)
    out = []
    for m in _ACRONYM.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word = m.group(0).lower()
        if word in vocabulary or word.removesuffix("s") in vocabulary or word in ("i", "ok"):
            continue
        out.append(m.span())
    return out


_QUOTED = re.compile(r"[\"“]([^\"”]{3,120})[\"”]")
_CONNECT = r"(?:of|and|for|the|on|against|in|to|concerning|with|a|an|from)"
_TITLE_RUN = re.compile(
    rf"\b(?:\d+(?:st|nd|rd|th)\s+)?[A-Z][A-Za-z'’-]+(?:\s+(?:{_CONNECT}\s+)*[A-Z][A-Za-z'’-]+)+"
)


def titles(text: str, taken: Iterable[Span]) -> list[Span]:
    """Names the question quotes or writes in Title Case ("the Comprehensive
    Reinforcement Plan for Child Abuse Prevention Measures System"), outside spans
    already read. A question typed all in Title Case has no names to tell apart."""
    spans = list(taken)
    out: list[Span] = []
    quoted = list(_QUOTED.finditer(text))
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", _QUOTED.sub(" ", text))
    title_cased = bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)
    for m in [*quoted, *([] if title_cased else _TITLE_RUN.finditer(text))]:
        start, end = m.span()
        if start == 0 and m.re is _TITLE_RUN:
            continue  # a capital opening the question is not a name
        if all(end <= s or start >= e for s, e in spans + out):
            out.append((start, end))
    return sorted(out)


_FIGURE = re.compile(
    r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\d,]*(?:st|nd|rd|th)\b)\s*%?(?:\s*(?:million|thousand))?"
)


def numbers(text: str, taken: Iterable[Span]) -> list[Span]:
    """Figures in the question ("1,204", "41.2%") outside spans already read."""
    spans = list(taken)
    return [
        m.span()
        for m in _FIGURE.finditer(text)
        if all(m.end() <= s or m.start() >= e for s, e in spans)
    ]


_ORD_OR_LAST = ORD[:-1] + "|last)"
_ORDINAL = re.compile(
    rf"\b(?:the\s+)?{_ORD_OR_LAST}\s+(?:one|effort|item|result|citation|source|bullet)\b|"
    r"(?:number|no\.?|#|item|citation|source|effort)\s*\[?(\d{1,2})\]?(?![\d.,])|^\s*\[(\d{1,2})\]",
    re.I,
)


_FIRST_TO_LAST = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:very\s+)?first\b(?:\s+\w+){0,2}?\s+(?:to|till|until|through)\s+"
    r"(?:the\s+)?(?:very\s+)?last(?:\s+one)?\b",
    re.I,
)


def ordinal(text: str) -> tuple[int | None, list[Span]]:
    """ "the second one" → 2, "number 3" → 3, "the last one" → -1; "from the first to
    the last" is all of them (None)."""
    run = _FIRST_TO_LAST.search(text)
    if run:
        return None, [run.span()]
    m = _ORDINAL.search(text)
    if not m:
        return None, []
    if m.group(1):
        return NUMBER_WORDS[m.group(1).lower()], [m.span()]
    return int(m.group(2) or m.group(3)), [m.span()]


# Words that point back at the previous answer: pronouns and demonstratives (a closed
# class of English, not phrasings). "that" and "this" count as pronouns only, not as the
# relative "efforts that involved …"; possessives ("their ordeal") do not point back.
_ANAPHOR = re.compile(
    r"\b(?:it|they|them|theirs|the same|above-mentioned|mentioned above)\b(?!\s+(?:who|days)\b)|"
    r"\b(?:those|these)\b(?!\s+(?:who|days)\b)|"
    r"\b(?:this|that)\b(?=\s*(?:[?.!,]|$|one\b|altogether\b|in\s+total\b|all\s+told\b|effort|"
    r"measure|event|thing|meeting|"
    r"programme|program|initiative|campaign|figure|number|hotline|guidebook|seminar|survey|"
    r"symposium|project|service|was\b|is\b|were\b|happen))|"
    # a demonstrative before the noun that ends the question: "when was that course?"
    r"\b(?:this|that)\s+(?!(?:is|was|are|were|do|does|did|the|a|an|it|one|about|for|to|of)\b)"
    r"[a-z-]+(?<!ed)(?<!ing)\s*(?:[?.!]|$)|"
    # ... an -ing noun too, after a preposition: "the last day of that gathering?"
    r"\b(?:of|about|for|at|in|from|during|on)\s+(?:this|that)\s+[a-z-]+ing\s*(?:[?.!]|$)|"
    # a place pointed back at: "who gave the talk there?" ("were there?" only exists)
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)\bthere\s*(?:[?.!]|$)",
    re.I,
)
_SUBSET = re.compile(
    r"\b(?:of|among|from)\s+(?:those|these|them|the above|that list)\b|"
    r"\b(?:those|these)\s+(?:efforts?|ones|measures|items)\b|\bwhich\s+ones?\b(?!\s+of\b)|"
    r"\b(?:only|just)\s+(?:those|these|the\s+ones)\b",  # "only those done with the NPA"
    re.I,
)
_DUMMY_IT = re.compile(r"\b(?:is|was)\s+it\s+(?:true|possible|illegal|legal)\b", re.I)
# "its" with nothing before it but the words of asking has no owner in the question:
# "what was its old name?", "what's its number" point back; "did the police publish its
# guide?" does not.
_ITS = re.compile(r"\bits\b", re.I)


def _ownerless_its(text: str) -> bool:
    m = _ITS.search(text)
    if m is None:
        return False
    before = re.findall(r"[a-z]+", text[: m.start()].lower())
    # a contraction's "s" ("what's") and a word of asking are no owner
    return all(w == "s" or w in function_words() or w == "exactly" for w in before)


def refers_back(text: str) -> tuple[bool, bool]:
    """(points back at something, picks from the previous answer's efforts)."""
    subset = bool(_SUBSET.search(text) or narrows(text))  # "keep only the ones …"
    anaphor = bool(_ANAPHOR.search(text) or _ownerless_its(text)) and not _DUMMY_IT.search(text)
    return anaphor or subset, subset


_PLAN_NOUN = re.compile(
    r"\b(efforts?|measures?|activities|initiatives|ministries|agencies|sections?|pillars?|"
    r"sub-?sections?|reports?|pages?|plan|glossary|legend|abbreviations?|events|happenings|"
    r"everything|all|answers|items?|q&a|sub-?para(?:graph)?s)(?![\w&])",
    re.I,
)


def plan_part(word: str) -> bool:
    """Whether ``word`` names a part of the plan itself ("efforts", "measures")."""
    return bool(_PLAN_NOUN.fullmatch(word))


def plan_noun(word: str) -> bool:
    """Whether ``word`` names a part of the plan itself ("efforts", "reports"), or counts
    them in words ("the two reports")."""
    return plan_part(word) or word.lower() in NUMBER_WORDS


def names_the_plan(text: str) -> bool:
    """Whether the question says what it is about in the plan's own terms ("which efforts
    …", "how many ministries …"), rather than leaving it to the conversation ("which
    were joint?", "how many are there?")."""
    return bool(_PLAN_NOUN.search(text))


_YES_NO = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?(?:is|are|was|were|do|does|did|has|have|had|can|could|will|"
    r"would|should)\b",
    re.I,
)


# "do you know who …", "can you tell me when …": a question put politely, not a yes/no one
_INDIRECT = re.compile(
    r"^\s*\w+\s+(?:you|u|anyone|somebody|someone)\s+(?:\w+\s+)?(?:know|tell|say|remember|"
    r"explain|find|show|check|confirm)\b(?:\s+(?:me|us))?\s+(?:who|whom|whose|what|which|when|"
    r"where|why|how)\b",
    re.I,
)


def rank(text: str) -> str | None:
    """Whether the question asks who did the most ("which ministry did the most") or the
    least ("who had the fewest efforts")."""
    m = re.search(r"\b(most|fewest|least)\b", text, re.I)
    if not m:
        return None
    return "most" if m.group(1).lower() == "most" else "fewest"


def yes_no(text: str) -> bool:
    """Whether the question asks if something is so: it opens with an auxiliary verb ("did
    the police brief firms on what they see?"), unless it politely asks a wh-question
    ("do you know who ran it?")."""
    text = _LEADING_MARKER.sub("", text)  # "ok and is it free to call?"
    text = _LEADING_YEAR.sub("", text)  # "In 2019, did the cops brief web firms …?"
    return bool(_YES_NO.match(text)) and not _INDIRECT.match(text)


_LEADING_MARKER = re.compile(r"^\s*(?:(?:ok(?:ay)?|so|and|but|also|then|well)[,\s]+)+", re.I)
_LEADING_YEAR = re.compile(
    r"^\s*(?:(?:in|during|for)\s+)?(?:the\s+)?(?:fy\s?|fiscal\s+(?:year\s+)?)?(?:19|20)\d\d\b"
    r"(?:\s+report)?\s*[,:–-]?\s*",
    re.I,
)


_BODIES = (
    r"(?:(?:competent|responsible|different|separate)\s+)?"
    r"(?:ministr(?:y|ies)|agenc(?:y|ies)|bod(?:y|ies)|owners?|"
    # "3 organisations credited on the same effort": organisations as the report credits them
    r"organi[sz]ations?(?=\s+(?:(?:were|are|was|is)\s+)?(?:credited|responsible|in\s+charge|listed|"
    r"share[sd]?)))"
    r"(?:\s+in\s+charge)?"
)
_MANY = re.compile(
    rf"\b(?:all\s+)?{NUM}\+?\s+(?:or\s+more\s+)?{_BODIES}\b|"
    rf"\b(more than one|multiple|several|two or more|(?<!how\s)many|various)\s+{_BODIES}\b",
    re.I,
)
# "with at least two other bodies": so many besides the one named, one more in all
_OTHERS = re.compile(rf"\b(?:at\s+least\s+){NUM}\s+other\s+{_BODIES}\b", re.I)
_TOGETHER = re.compile(
    r"\b(together|both|jointly|joint|shared|shares?(?!\s+of\b)|in\s+common|in partnership|"
    r"all of them|co-?(?:run|hosted|"
    r"organi[sz]ed)|with other (?:ministries|agencies)|alongside|in cooperation with|"
    r"(?:do|did|does|done|work|worked|works|team(?:ed)? up|partner(?:ed)?|collaborat(?:e|ed))"
    r"\s+with)\b",
    re.I,
)


# "teamed up with someone else", "with others", "with another body": how a question says
# an effort is shared, not what it is about
_WITH_ANOTHER = (
    r"(?:team(?:ed|s)?\s+up|work(?:ed|s)?|partner(?:ed|s)?|collaborat(?:e|ed|es))\s+"
    r"with\s+(?:(?:some|any)(?:one|body)\s+else|others|"
    r"another\s+(?:ministry|agency|body|organi[sz]ation))"
)
# "alongside some other body", "names a second body too", "and some third body": a body
# more than those named (a "third" one: three in all)
_ONE_MORE = re.compile(
    r"\b(?:with|alongside|along\s+with|besides|and|plus|names?|credits?|credited|ha[sd]|have|"
    r"having|involv(?:e|es|ed|ing))\s+(?:also\s+)?"
    r"(?:(?:some|any)(?:one|body)\s+else\b|(?:another|(?:some|any|an?)\s+other|"
    r"(?:a|some|any|one)\s+(second|third|fourth|more))\s+"
    r"(?:ministry|agency|body|organi[sz]ation|partner|party)\b)",
    re.I,
)
_ORDINAL_BODIES = {"second": 2, "third": 3, "fourth": 4}
_SHARED = re.compile(
    r"\b(jointly|joint|shared|in partnership|co-?(?:run|hosted|organi[sz]ed)|"
    rf"with other (?:ministries|agencies)|{_WITH_ANOTHER})\b",
    re.I,
)

# "joint ones included", "incl. joint efforts", "alone or jointly": joint efforts are
# counted in, not the only ones asked about.
_JOINT_INCLUDED = re.compile(
    r"\b(?:includ(?:ing|e)|incl\.?|with|plus|counting|and)\s+(?:also\s+)?(?:the\s+)?(?:joint|shared)"
    r"(?:\s+(?:ones|efforts|work|projects))?\b|"
    r"\b(?:joint|shared)\s+(?:ones|efforts)?\s*(?:included|too|as well|counted)\b|"
    r"\b(?:alone|solo|on (?:its|their) own|by (?:itself|themselves)|separately)\s+(?:or|and)\s+"
    r"(?:jointly|joint|together|with others)(?:\s+with\s+(?:others|other\s+\w+))?\b|"
    # "between december and february (both included)": both ends of a time, no two bodies
    r"\bboth\s+(?:ends?\s+|months?\s+|dates?\s+)?(?:included|inclusive|counted|incl\b\.?)",
    re.I,
)


def asides(text: str) -> list[Span]:
    """Words that say what is counted in without asking for it ("joint ones included",
    "in that window", "the … half of the fiscal year"): neither the question's shape nor
    its topic."""
    return [m.span() for r in (_JOINT_INCLUDED, _TIME_ASIDE) for m in r.finditer(text)]


# A time the question has named, said again: "in that window", "half of the fiscal year"
_TIME_ASIDE = re.compile(
    r"\b(?:in|within|during|inside)\s+(?:that|this|the\s+same)\s+(?:time\s+)?(?:window|period|"
    r"span|timeframe|time\s+frame)\b|\bhalf\s+of\s+the\s+(?:fiscal\s+|financial\s+)?year\b",
    re.I,
)


def ministry_count_spans(text: str) -> list[Span]:
    """Where the question says how many ministries ("two or more ministries", "alone"):
    part of the count, not of what the question is about."""
    sole = [m.span() for m in _SOLE.finditer(text)]  # "alone, without any other ministry"
    exactly = [m.span() for m in _EXACTLY.finditer(text)]  # "three bodies, no more …"
    merged = listing_spans(text)  # "put together", "keep only", "the complete list"
    # "named as a body in charge": how the reports credit an effort, not what it is about
    charged = [m.span() for m in re.finditer(r"\bin\s+charge\b", text, re.I)]
    shared = [m.span() for m in re.finditer(rf"\b{_WITH_ANOTHER}\b", text, re.I)]
    shared += [m.span() for m in _ONE_MORE.finditer(text)]
    return [m.span() for m in _MANY.finditer(text)] + sole + exactly + merged + charged + shared


# "… with the education ministry or the digital agency", "MEXT or DA": either body
_OR_MINISTRY = re.compile(
    r"\b(?i:or)\s+(?:(?i:to)\s+)?(?:(?i:the)\s+)?(?:[A-Z]{2,}\b|(?:[\w-]+\s+)?(?i:ministry|agency|office|police)\b)"
)


# "exactly three bodies", "three bodies, no more and no fewer", "done by one body alone"
_EXACTLY = re.compile(
    rf"\b(?:exactly|precisely|just|only)\s+{NUM}\s+{_BODIES}\b|"
    rf"\b{NUM}\s+{_BODIES}\W+no\s+more\W+(?:and|or|but)?\s*no\s+(?:fewer|less)\b|"
    rf"\b(?:by|to)\s+(one|a\s+single)\s+{_BODIES}(?:\s+alone|\s+only)?\b",
    re.I,
)


def exact_ministry_count(text: str) -> int:
    """How many ministries exactly an effort must credit, when the question says so
    ("exactly two bodies", "by one body alone"); 0 when it does not.

    Example:
        >>> exact_ministry_count("efforts credited to three bodies, no more and no fewer")
        3
        >>> exact_ministry_count("done by one body alone"), exact_ministry_count("3+ bodies")
        (1, 0)
    """
    m = _EXACTLY.search(text)
    if m is None:
        return 0
    word = next(g for g in m.groups() if g).lower()
    if word in ("one", "a single"):
        return 1
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)


def ministry_count(text: str, named: int = 0) -> tuple[int, bool]:
    """(at least this many ministries per effort, every named ministry must be credited).

    ``named`` is how many ministries the question names: "together" with two of them
    means efforts crediting both, but "together with MEXT or DA" either; "jointly" with
    fewer means efforts of two or more."""
    text = _JOINT_INCLUDED.sub(" ", text)
    m = _MANY.search(text)
    at_least = 0
    if m:
        word = (m.group(1) or "").lower()
        at_least = max(2, int(word) if word.isdigit() else NUMBER_WORDS.get(word, 2))
    others = _OTHERS.search(text)
    if others:
        word = others.group(1).lower()
        at_least = max(at_least, 1 + (int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)))
    if named < 2 and (_SHARED.search(text) or not_alone(text)):
        at_least = max(at_least, 2)
    more = _ONE_MORE.search(text)
    if more:  # "the NPA and MOFA and some third body": both of them, and one more
        at_least = max(at_least, _ORDINAL_BODIES.get((more.group(1) or "").lower(), named + 1), 2)
    # "MIC or METI (or both)": either one, or the two; "both MIC or METI" is no choice
    or_both = re.search(r"\bor\s+(?:to\s+)?both\b", text, re.I) is not None
    both = "both" in text.lower() and not or_both
    # "DA, METI, or both": either, the last one named before "or both" too
    either = named >= 2 and (_OR_MINISTRY.search(text) is not None or or_both) and not both
    # "(an item of either qualifies)": one of them is enough
    either = either or (named >= 2 and _EITHER_ONE.search(text) is not None)
    # "what did METI and the JFTC each do? list both": each one's efforts, not shared ones
    apart = named >= 2 and _EACH.search(text) is not None and not _JOINTLY.search(text)
    # "put together one list of X and Y": how to list, not what the efforts share
    listed = text
    for start, end in listing_spans(text):
        listed = listed[:start] + " " * (end - start) + listed[end:]
    together = bool(_TOGETHER.search(listed)) or (more is not None and named >= 2)
    return at_least, together and not either and not apart


_EACH = re.compile(r"\b(?:each|respectively|separately|individually)\b", re.I)
# "(an item of either qualifies)", "either one is enough" (not "in either year")
_EITHER_ONE = re.compile(
    r"\b(?:of\s+either|either\s+(?:one|of\s+them|qualifies|counts|will\s+do|is\s+(?:fine|ok|"
    r"okay|enough)))\b",
    re.I,
)
_JOINTLY = re.compile(r"\b(?:together|jointly|joint|shared?|in\s+common)\b", re.I)


# "did the police do alone", "on its own", "without any other ministry": efforts credited to
# the named ministry only; not "alone or with others", nor "in FY2019 alone" (that year only).
_SOLE = re.compile(
    r"(?<!\d )(?<!\d)\b(?:alone|solo|on\s+(?:its|their)\s+own|by\s+(?:itself|themselves|themself)|"
    r"solely|single-handedly|without\s+(?:any\s+)?(?:other|another)\s+(?:ministr|agenc|bod|"
    r"partner)\w*|(?:with\s+)?no\s+other\s+(?:ministr|agenc|bod)\w*)\b"
    r"(?!\s+or\b|,?\s+(?:or\s+)?(?:with|jointly)\b)",
    re.I,
)


def sole_ministry(text: str) -> bool:
    """Whether the question asks for what a ministry did without any other.

    Example:
        >>> sole_ministry("how many efforts did the police do alone?")
        True
        >>> sole_ministry("the NPA's, alone or with others"), sole_ministry("in 2019 alone")
        (False, False)
    """
    return any(not _negated(text, m.start()) for m in _SOLE.finditer(text))


# "which did it not do alone", "weren't done by itself": the ministry with another
_NEGATION = re.compile(
    r"(?:\b(?:not|never|rather\s+than|instead\s+of)\b|n't\b)(?:\s+[\w']+){0,5}\s*$", re.I
)


def _negated(text: str, start: int) -> bool:
    return _NEGATION.search(text[max(0, start - 48) : start]) is not None


def not_alone(text: str) -> bool:
    """Whether the question asks for what a ministry did not do alone: with another.

    Example:
        >>> not_alone("which of its efforts did it not do alone?")
        True
        >>> not_alone("what did the police do alone?"), not_alone("not in 2019 alone")
        (False, False)
    """
    return any(_negated(text, m.start()) for m in _SOLE.finditer(text))
