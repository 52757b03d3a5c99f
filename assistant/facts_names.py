"""Names in an effort's text, and picking the name a question asks.

Names are quoted ("Don't Look Away"), Title Case ("Act Against Child Prostitution and
Child Pornography") or a noun with the words that qualify it ("child and family general
support bases"); numbers to call and web and e-mail addresses are names too, and so are
the items an effort lists and which one of a series it names ("2028 edition"). Like the
figures and dates of :mod:`assistant.facts`, each is a typed span of the effort's own
text; places are read by :mod:`assistant.facts_places`, and audiences, agents and the
holders of roles by :mod:`assistant.facts_people`.
"""

from __future__ import annotations

import re

from assistant.facts import FactSpan, stems
from assistant.intents import stem
from assistant.lemmas import only_a_verb
from assistant.text import function_words
from corpus.parser import MONTHS

__all__ = [
    "QUOTED",
    "THEME_WORDS",
    "contacts",
    "issue_of",
    "explained_in",
    "listed",
    "named",
    "named_after",
    "names",
    "phrases",
    "pick_name",
    "quoted",
    "said_after",
    "theme_of",
]


# A name in quotation marks (facts_places reads where the first one ends).
QUOTED = re.compile(r"[\"“]([^\"”]{3,200})[\"”]")


def quoted(text: str) -> set[str]:
    """The names ``text`` puts in quotation marks."""
    return {m.group(1) for m in QUOTED.finditer(text)}


_CONNECT = r"(?:of|and|for|the|on|against|in|to|concerning|with|a|an|that|from)"
_TITLE = re.compile(
    rf"\b((?:\d+(?:st|nd|rd|th)\s+)?[A-Z][A-Za-z'’-]+(?:\s+(?:{_CONNECT}\s+)*[A-Z][A-Za-z'’-]+)+)"
)
# A number written in brackets after a name: "Hotline … Centers" (189).
_CODE = re.compile(r"\((\d{2,6})\)")
# A number to dial, written as a name: "#8103", "0120-189-783".
_DIAL = re.compile(r"#?\d[\d -]{1,14}\d")
# ... and one written anywhere: a short code or a Japanese phone number.
_PHONE = re.compile(r"(?<![\w#.,-])(#\d{3,5}|0\d{1,4}-\d{1,4}-\d{3,4})(?![\w-])")
# A web address: "https://www.kodomo-mamoru.go.jp", "www.example.org/help".
_WEB = re.compile(
    r"(?<![\w@/.-])((?:https?://)?(?:[a-z0-9-]+\.)+(?:jp|com|org|net|int|info|gov)\b(?:/[\w./%-]*)?)",
    re.I,
)
_EMAIL = re.compile(r"(?<![\w.-])([\w.+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I)


def contacts(text: str) -> list[FactSpan]:
    """Numbers to call and web and e-mail addresses, wherever the effort writes them."""
    out = []
    for pattern, noun in ((_PHONE, "number"), (_WEB, "address"), (_EMAIL, "email")):
        for m in pattern.finditer(text):
            value = m.group(1).rstrip(".")
            if noun == "address" and "@" in text[max(0, m.start() - 1) : m.start()]:
                continue
            lead = text[max(0, m.start() - 40) : m.start()]
            out.append(FactSpan("name", value, noun, stems(lead)))
    return out


def names(text: str) -> list[FactSpan]:
    """Quoted names and Title Case names, each with the words just before it."""
    out = []
    for m in QUOTED.finditer(text):
        lead = text[max(0, m.start() - 14) : m.start()]
        # a quoted dialling code ("#8103", "0120-189-783") is a number to call
        noun = "number" if _DIAL.fullmatch(m.group(1)) else None
        out.append(FactSpan("name", m.group(1), noun, stems(lead)))
    for m in _CODE.finditer(text):
        lead = text[max(0, m.start() - 60) : m.start()]
        out.append(FactSpan("name", m.group(1), "number", stems(lead)))
    held = {s.text for s in out}
    out += [s for s in contacts(text) if s.noun == "number" and s.text not in held]
    quoted = " ".join(m.group(1) for m in QUOTED.finditer(text))
    for m in _TITLE.finditer(text):
        name = m.group(1)
        if name in quoted or m.start() == 0 or len(name.split()) < 2:
            continue
        if all(w.lower() in MONTHS or w.lower() in ("to", "and") for w in name.split()):
            continue  # "January to February" is a date
        lead = text[max(0, m.start() - 14) : m.start()]
        out.append(FactSpan("name", name, None, stems(lead)))
    return out


_WORD = re.compile(r"[\w'’-]+")
_TITLE_LINK = re.compile(rf"(?:\s+(?:{_CONNECT}\s+)*[A-Z][\w'’-]+)+")


# A capitalised plural before "and" heads a phrase of its own ("Child Guidance Centers and
# municipalities"); names before it share the head after it ("Narita, Haneda and Kansai").
_HEADED = re.compile(r"[A-Z][A-Za-z]{2,}[a-rt-z]s")


def phrases(text: str, head: str) -> list[FactSpan]:
    """Noun phrases of ``text`` that end in ``head``, with the words that qualify it:
    "child and family general support bases" for "bases". A Title Case head continues
    as a title does ("4th Specialist Group Meeting on Child Sexual Exploitation"). A
    head with nothing before it names nothing and is left out."""
    stop = function_words() - {"and"}
    words = list(_WORD.finditer(text))
    target = stem(head.lower())
    out = []
    for i, w in enumerate(words):
        word = w.group(0).lower()
        if stem(word) != target or (word.endswith(("ed", "ing")) and word != head.lower()):
            continue  # "based" is not "bases"
        j = i
        listing = False  # passed the "and" of "Narita, Haneda and Kansai airports"
        while j > 0:
            prev = words[j - 1].group(0)
            low = prev.lower()
            if low in stop or low in MONTHS or low.isdigit():
                break  # a function word, a date or a figure is not part of a name
            if low.endswith(("ing", "ed")) and "-" not in low:
                break  # a verb ends it, not a compound ("file-sharing software")
            if only_a_verb(low):
                break  # "38 teams built apps": "built" ends what names the apps
            listing = listing or words[j].group(0) == "and"  # "Haneda, and Kansai": too
            gap = text[words[j - 1].end() : words[j].start()].strip()
            if gap and not (gap == "," and listing and prev[0].isupper()):
                break  # a comma or a bracket ends the phrase, but for a list of names
            if low == "and" and (j < 2 or words[j - 2].group(0).lower() in stop):
                break
            if low == "and" and _HEADED.fullmatch(words[j - 2].group(0)):
                break  # "Child Guidance Centers and municipalities": two things, not one
            j -= 1
        while j < i and words[j].group(0).lower() == "and":
            j += 1
        if j == i:
            continue
        end = w.end()
        if w.group(0)[0].isupper():
            tail = _TITLE_LINK.match(text, end)
            end = tail.end() if tail else end
        lead = text[max(0, words[j].start() - 14) : words[j].start()]
        out.append(FactSpan("name", text[words[j].start() : end], None, stems(lead)))
    return out


# What kind of name a question asks for, and the words such names contain.
_NAME_CLASSES = {
    "law": ("act", "law", "code"),
    "act": ("act", "law"),
    "event": ("symposium", "meeting", "conference", "campaign", "forum", "month", "event"),
    "meeting": ("meeting", "conference", "forum"),
    "campaign": ("campaign", "month"),
    "hotline": ("hotline", "line", "center", "service"),
    "service": ("service", "hotline", "line", "desk", "center"),
    "plan": ("plan", "programme", "program", "strategy", "system"),
    "ordinance": ("ordinance", "regulation", "act", "law"),
    "programme": ("programme", "program", "project", "plan"),
    "program": ("programme", "program", "project", "plan"),
    "guidebook": ("guidebook", "guide", "booklet", "book"),
    "material": ("material", "guidebook", "leaflet", "letter", "card"),
}


def named(span: FactSpan, noun: str) -> bool:
    """Whether a name says it is a ``noun``: "Act on …" is a law, "… Hotline" a hotline."""
    kinds = {stem(w) for w in _NAME_CLASSES.get(noun, ())} | {stem(noun)}
    return bool(kinds & {stem(w) for w in span.text.lower().split()})


def pick_name(
    spans: list[FactSpan], topic: frozenset[str], *, later: bool, earlier: bool
) -> FactSpan | None:
    """The name that best fits the question: sharing its words, the new or the old one."""
    if not spans:
        return None
    kinds = {w for asked, words in _NAME_CLASSES.items() if asked in topic for w in words}
    if "number" in topic:  # a phone number asked for: only a number in brackets will do
        spans = [s for s in spans if s.noun == "number"]
        if not spans:
            return None
    else:  # a name; failing one, the number to call
        spans = [s for s in spans if s.noun != "number"] or spans

    def score(s: FactSpan) -> float:
        own = stems(s.text)
        value = float(len(own & topic)) + 0.5 * len(s.context & topic)
        value += 2.0 * bool(kinds & {w.lower() for w in s.text.split()})
        lead = " ".join(sorted(s.context))
        if later and re.search(r"\b(to|call|name|titl|as)\b", lead):
            value += 1.5
        if later and "from" in s.context:
            value -= 1.5
        if earlier and "from" in s.context:
            value += 1.5
        return value

    best = max(spans, key=score)
    return best if score(best) > 0 else None


# Two or more places written by name: "Manila, Jakarta and Hanoi".
_PLACE = r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?"
_PLACES = rf"{_PLACE}(?:,\s*{_PLACE})*,?\s+and\s+{_PLACE}"


def listed(text: str, noun: str) -> str | None:
    """The items an effort lists for a plural noun: "six languages (English, Chinese and
    Korean)" → "English, Chinese and Korean"; "groups such as A and B" → "A and B"."""
    m = re.search(
        rf"\b{re.escape(noun)}\s*(?:\(([^()]{{3,200}})\)|(?:such as|including|namely|:)\s+"
        r"([^.;()]{3,200}))",
        text,
        re.I,
    )
    if m is None:  # "the embassies in Manila, Jakarta and Hanoi": named by their places
        at = re.search(rf"\b(?i:{re.escape(noun)})\s+(?:in|at)\s+({_PLACES})", text)
        return at.group(1) if at else None
    items = (m.group(1) or m.group(2)).strip(" ,")
    if _DATING.match(items) or not _DATE_WORDS.sub("", items).strip(" ,.–-"):
        return None  # "in 9 prefectures (from Monday, November 20, 2073)": a date, no list
    return items if re.search(r",|\band\b", items) else None


# A bracket after a noun that dates it rather than listing it ("from …", "as of …"), or
# holds nothing but the words and figures of a date.
_DATING = re.compile(r"^(?:from|since|as\s+of|as\s+at|by|until|till|between)\b", re.I)
_DATE_WORDS = re.compile(
    r"\b(?:(?:jan|febr)uary|march|april|may|june|july|august|(?:sept|nov|dec)ember|october|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|and|to|the|of|\d+(?:st|nd|rd|th)?)\b|\d",
    re.I,
)


def named_after(text: str, noun: str) -> str | None:
    """The quoted name an effort gives a ``noun``: the checklist "Signs to Notice", the
    leaflet titled "Anshin Net Techo", "Signal Finder", an AI tool; None if none.

    Example:
        >>> named_after('Distributed the checklist "Signs to Notice" to schools.', "checklist")
        'Signs to Notice'
        >>> named_after('Trialled "Signal Finder", an AI tool that flags posts', "tool")
        'Signal Finder'
    """
    if len(noun) < 4 or noun.lower() in ("number", "name", "title"):
        return None
    said = re.escape(noun.rstrip("s"))
    m = re.search(
        # the noun may end a compound: "the learning site" is the learning website
        rf"\b(?:[a-z]+-?)?{said}s?"
        # who or what it is for, set off by a comma: 'a flyer for guardians, "Talking with …"',
        # 'a hash list of known abuse images, "Kagami DB"'
        r"(?:\s+(?:for|on|about|of)\s+[\w-]+(?:\s+[\w-]+){0,3},)?"
        r"\s+(?:called\s+|titled\s+|named\s+|entitled\s+)?"
        r"[\"“]([^\"”]{3,120})[\"”]",
        text,
        re.I,
    ) or re.search(
        # … or before it, the noun in apposition: 'Trialled "Signal Finder", an AI tool that'
        rf"[\"“]([^\"”]{{3,120}})[\"”],\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}{said}s?\b",
        text,
        re.I,
    )
    return m.group(1).rstrip(",.;: ") if m else None


# Nouns whose value an effort may write unquoted after "of" or "was": "on the theme of
# grooming in online games", "the main theme was the sextortion of boys".
_VALUED = frozenset({"theme", "topic", "focus", "subject", "slogan", "motto", "agenda"})


def said_after(text: str, noun: str) -> str | None:
    """What an effort says a theme-like ``noun`` was, quoted or not: "the theme of
    grooming in online games" → "grooming in online games" (asked as its theme, topic or
    focus); None for other nouns.

    Example:
        >>> said_after("(22 Jan 2066) on the theme of grooming through online games; 240", "theme")
        'grooming through online games'
    """
    if noun.lower() not in _VALUED:
        return None
    m = re.search(
        # any of them: a question's "topic" is the effort's "theme"
        rf"\b(?:{'|'.join(_VALUED)})s?\s+(?:(?:was|were|is)\s+(?:on\s+)?|of\s+(?!the\b|this\b|that\b)|:\s*"
        r"|(?=[\"“]))"  # 'on the theme “grooming on online game platforms”'
        r"[\"“]?([^;,.()\"”]{3,100}?)[\"”]?(?=\s*[;,.()]|\s+with\s|$)",
        text,
        re.I,
    )
    if m is None and noun.lower() in ("theme", "topic", "subject", "focus"):
        # "held the meeting (January 27, 2077) on sextortion targeting boys": what a
        # dated event was on, after its date
        m = re.search(
            r"\)\s+on\s+(?!the\s+(?:theme|topic)\b)([^;,.()]{3,100}?)(?=\s*[;,.()]|$)", text
        )
    return m.group(1).strip() if m else None


def explained_in(text: str, phrase: str) -> tuple[str, str] | None:
    """A term and the words an effort explains it with in brackets: '"ura-aka" (secret
    SNS accounts)' → ("ura-aka", "secret SNS accounts"); None if ``text`` has none.

    Example:
        >>> explained_in('the use of "ura-aka" (secret SNS accounts), and', "ura-aka")
        ('ura-aka', 'secret SNS accounts')
    """
    if len(phrase) < 2:
        return None
    m = re.search(
        rf"[\"“]?({re.escape(phrase)})[\"”]?\s*\(([^()]{{3,80}})\)", text, re.I
    )
    if m is None or re.fullmatch(r"[\d\s,–-]+|.*\b(?:19|20)\d\d\b.*", m.group(2)):
        return None  # "(189)", "(July 2019)": a number or a date, not an explanation
    return m.group(1), m.group(2)


_ISSUE = re.compile(
    r"\b(?:\d{4}|\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|new|revised|updated|latest|English|Japanese)\s+(?:edition|round|version)\b|"
    r"\b(?:edition|round|version)\s+\d+(?:\.\d+)*\b",  # "Version 2.0"
    re.I,
)


def issue_of(text: str, noun: str) -> str | None:
    """Which one of a series an effort names: "(2028 edition)" → "2028 edition"."""
    for m in _ISSUE.finditer(text):
        if noun.lower() in m.group(0).lower():
            return m.group(0)
    return None


# What an event was about, as reports say it: "with grooming through online games as its
# theme", "on the theme of …", "themed …", "focused on …".
_THEME = re.compile(
    r"\bwith\s+([^.;()]{3,80}?)\s+as\s+(?:its|the)\s+(?:main\s+)?(?:theme|topic|focus)\b|"
    r"\b(?:the\s+)?(?:main\s+)?(?:theme|topic)\s+(?:was\s+|of\s+|being\s+)?[\"“]([^\"”]{3,80})[\"”]|"
    r"\bon\s+the\s+(?:theme|topic)\s+of\s+([^.;()]{3,80}?)(?=[,.;(]|$)|"
    r"\bthemed\s+[\"“]?([^\"”.;,()]{3,80})|"
    r"\bfocus(?:ed|ing)\s+on\s+([^.;()]{3,80}?)(?=[,.;(]|\s+and\s+(?!\w+ing\b)|$)|"
    # "the 56th Specialist Group Meeting (22.01.2072) on grooming in online games;"
    r"\b(?:Meeting|Conference|Forum|Symposium|Seminar|Workshop|Session)\b[^;.()]{0,60}"
    r"\([^()]{4,40}\)\s+on\s+([^;.()]{3,80}?)(?=[;.]|,\s+(?:about|with|and|where)\b|$)",
    re.I,
)
THEME_WORDS = frozenset("topic topics theme themes subject subjects focus agenda".split())


def theme_of(text: str) -> str | None:
    """What an event was about, as the effort says it: "with grooming through online
    games as its theme" → "grooming through online games"; None when it says no theme.

    >>> theme_of("Held the meeting (May 2079), with grooming in games as its theme.")
    'grooming in games'
    """
    m = _THEME.search(text)
    return next(g for g in m.groups() if g).strip() if m else None
