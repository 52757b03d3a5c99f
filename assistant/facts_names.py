"""Names, audiences and places in an effort's text, and picking the name a question asks.

Names are quoted ("Don't Look Away"), Title Case ("Act Against Child Prostitution and
Child Pornography") or a noun with the words that qualify it ("child and family general
support bases"); an audience is who an effort went to ("to the boards of education");
a place is where it was done ("at 5 international airports"). Like the figures and dates
of :mod:`assistant.facts`, each is a typed span of the effort's own text.
"""

from __future__ import annotations

import re

from assistant.facts import UNITS, FactSpan, stems
from assistant.intents import stem
from assistant.text import function_words
from corpus.parser import MONTHS

__all__ = [
    "agent",
    "audiences",
    "contacts",
    "holder_of",
    "issue_of",
    "explained_in",
    "is_place",
    "listed",
    "named",
    "named_after",
    "names",
    "phrases",
    "pick_name",
    "places",
    "quoted",
]


_QUOTED = re.compile(r"[\"“]([^\"”]{3,200})[\"”]")


def quoted(text: str) -> set[str]:
    """The names ``text`` puts in quotation marks."""
    return {m.group(1) for m in _QUOTED.finditer(text)}


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
    for m in _QUOTED.finditer(text):
        lead = text[max(0, m.start() - 14) : m.start()]
        # a quoted dialling code ("#8103", "0120-189-783") is a number to call
        noun = "number" if _DIAL.fullmatch(m.group(1)) else None
        out.append(FactSpan("name", m.group(1), noun, stems(lead)))
    for m in _CODE.finditer(text):
        lead = text[max(0, m.start() - 60) : m.start()]
        out.append(FactSpan("name", m.group(1), "number", stems(lead)))
    held = {s.text for s in out}
    out += [s for s in contacts(text) if s.noun == "number" and s.text not in held]
    quoted = " ".join(m.group(1) for m in _QUOTED.finditer(text))
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
            if low in stop or low.endswith(("ing", "ed")) or low in MONTHS or low.isdigit():
                break  # a verb, a function word, a date or a figure is not part of a name
            listing = listing or words[j].group(0) == "and"  # "Haneda, and Kansai": too
            gap = text[words[j - 1].end() : words[j].start()].strip()
            if gap and not (gap == "," and listing and prev[0].isupper()):
                break  # a comma or a bracket ends the phrase, but for a list of names
            if low == "and" and (j < 2 or words[j - 2].group(0).lower() in stop):
                break
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


_PLACE_NOUNS = frozenset(
    "institutions institution airports airport stations station schools school centers "
    "centres center centre prefectures prefecture municipalities venues offices office "
    "websites website vehicles facilities hospitals courts prisons nationwide country "
    "venue city cities town towns place places location locations region regions area "
    "areas".split()
)
_PLACE = re.compile(
    r"\b(?:at|in|on|across|through)\s+((?:the\s+)?(?:(?-i:[A-Z][\w'’-]*,\s+(?=[A-Z]))|[\w'’-]+\s+){0,5}?(?:"
    + "|".join(sorted(_PLACE_NOUNS, key=len, reverse=True))
    + r"))\b",
    re.I,
)


# Who an effort was for or went to: people and the bodies that serve them.
_AUDIENCE_NOUNS = "|".join(
    sorted(
        UNITS["people"]
        | {
            "schools",
            "boards",
            "municipalities",
            "operators",
            "companies",
            "carriers",
            "associations",
            "bodies",
            "administrators",
            "centers",
            "centres",
            "governments",
            "prefectures",
            "travellers",
            "travelers",
            "retailers",
            "agencies",
            "groups",
        },
        key=len,
        reverse=True,
    )
)
_NOUN = re.compile(rf"\b(?:{_AUDIENCE_NOUNS})\b(?:\s+of\s+[\w'-]+)?", re.I)
_TRIGGER = re.compile(
    r"\b(?:(?:distributed|sent|provided|gave|given|delivered|handed out)\b"
    r"(?:[^.;()\"“”]|(?<=\d)\.(?=\d))*?\bto|"  # "distributed about 1.2 million copies to"
    r"for|attended by|covering)\s+",
    re.I,
)
# Where the phrase naming an audience ends: punctuation that closes it, a preposition
# that starts another phrase, or a verb.
_PHRASE_END = re.compile(
    r"\.(?!\d)|[;()]|\s(?:on|in|at|by|with|from|about|during|so|which|who|that|to)\s|"
    r"\s(?:\w+ed|\w+ing|sent|gave|made|held|set)\b",
    re.I,
)


def audiences(text: str) -> list[FactSpan]:
    """Who an effort was for or went to: "to the boards of education, etc.", "for
    guardians", "attended by about 600 participants"."""
    out = []
    # Quoted names and brackets are blanked (same length) so "to" inside them is not read.
    plain = re.sub(r'"[^"]*"|“[^”]*”|\([^)]*\)', lambda m: " " * len(m.group(0)), text)
    for m in _TRIGGER.finditer(plain):
        # "distributed the card on how to respond … to about 210,000 teachers": the first
        # "to" that leads to people or bodies
        starts = [m.end()]
        if m.group(0).rstrip().lower().endswith("to"):
            sentence_end = plain.find(".", m.end())
            stop = sentence_end if sentence_end > 0 else len(plain)
            starts += [t.end() for t in re.finditer(r"\bto\s+", plain[m.end() : stop])]
            starts = [starts[0]] + [m.end() + s for s in starts[1:]]
        for start in starts:
            rest = plain[start:]
            end = _PHRASE_END.search(rest)
            phrase = rest[: end.start()] if end else rest
            nouns = list(_NOUN.finditer(phrase))
            if nouns:
                span = text[start : start + nouns[-1].end()].strip(" ,")
                out.append(FactSpan("name", span, None, frozenset()))
                break
    return out


def is_place(noun: str) -> bool:
    """Whether a noun names a kind of place ("airports", "prefecture", "venue")."""
    return noun.lower() in _PLACE_NOUNS or noun.lower() + "s" in _PLACE_NOUNS


_NAMED_PLACE = re.compile(
    r"\b(?:in|at)\s+((?:the\s+)?[A-Z][A-Za-z-]+"
    r"(?:(?:\s+|,\s*|\s+and\s+|\s+of\s+(?:the\s+)?)[A-Z][A-Za-z-]+)*)\b"
)  # "in Osaka", "in Hiroshima and Okayama Prefectures", "at the Institute of the Ministry …"
# A named event is what happened, not where: "at the WeProtect Global Alliance Summit in
# Bangkok" took place in Bangkok.
_EVENT_ENDS = frozenset("summit meeting conference forum symposium month campaign week".split())
_NOT_PLACES = frozenset(MONTHS) | {"fy", "japan", "japanese"}


# "at the National Police Academy in Fuchu, Tokyo": the named place a venue is in.
_IN_NAMED = re.compile(r"\s+in\s+[A-Z][\w'’-]*(?:(?:\s+|,\s*|\s+and\s+)[A-Z][\w'’-]*)*")


def _where_in(text: str, end: int) -> str:
    m = _IN_NAMED.match(text, end)
    if m is None or m.group(0).split()[1].lower() in _NOT_PLACES:
        return ""
    return m.group(0)


_TOGETHER = re.compile(r"(?:one|a\s+single|the\s+same)\s+(?:place|location|site|venue)", re.I)


def places(text: str) -> list[FactSpan]:
    """Where something was done: "in penal institutions", "at 5 international airports",
    "in Osaka"."""
    out = [
        FactSpan("place", m.group(0) + _where_in(text, m.end()), None, frozenset())
        for m in _PLACE.finditer(text)
        if not _TOGETHER.fullmatch(m.group(1))  # "provided in one place": together, nowhere
    ]
    named_events: list[FactSpan] = []
    for m in _NAMED_PLACE.finditer(text):
        first = m.group(1).split()[-1 if m.group(1).startswith("the ") else 0].lower()
        last = m.group(1).split()[-1].lower()
        if first in _NOT_PLACES or first.startswith("fy"):
            continue
        span = FactSpan("place", m.group(0) + _where_in(text, m.end()), None, frozenset())
        (named_events if last in _EVENT_ENDS else out).append(span)
    out += [
        FactSpan("place", "nationwide", None, frozenset())
        for _ in re.finditer(r"\bnationwide\b", text)
    ][:1]
    # 'Held the "Youth Symposium" at the Tokyo International Forum': when the event is named
    # in quotes, a name after it that ends like an event's is its venue (with no other place)
    first_quote = _QUOTED.search(text)
    venues = [
        s for s in named_events if first_quote and text.find(s.text) > first_quote.end()
    ]
    return list({s.text: s for s in out or venues}.values())


# What kind of name a question asks for, and the words such names contain.
_NAME_CLASSES = {
    "law": ("act", "law", "code"),
    "act": ("act", "law"),
    "event": ("symposium", "meeting", "conference", "campaign", "forum", "month", "event"),
    "meeting": ("meeting", "conference", "forum"),
    "campaign": ("campaign", "month"),
    "hotline": ("hotline", "line", "center", "service"),
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


def listed(text: str, noun: str) -> str | None:
    """The items an effort lists for a plural noun: "six languages (English, Chinese and
    Korean)" → "English, Chinese and Korean"; "groups such as A and B" → "A and B"."""
    m = re.search(
        rf"\b{re.escape(noun)}\s*(?:\(([^()]{{3,200}})\)|(?:such as|including|namely|:)\s+"
        r"([^.;()]{3,200}))",
        text,
        re.I,
    )
    if m is None:
        return None
    items = (m.group(1) or m.group(2)).strip(" ,")
    return items if re.search(r",|\band\b", items) else None


def named_after(text: str, noun: str) -> str | None:
    """The quoted name that follows ``noun`` in an effort: the checklist "Signs to
    Notice", the leaflet titled "Anshin Net Techo"; None if none does.

    Example:
        >>> named_after('Distributed the checklist "Signs to Notice" to schools.', "checklist")
        'Signs to Notice'
    """
    if len(noun) < 4 or noun.lower() in ("number", "name", "title"):
        return None
    m = re.search(
        rf"\b{re.escape(noun.rstrip('s'))}s?"
        # who it is for, set off by a comma: 'a flyer for guardians, "Talking with …"'
        r"(?:\s+(?:for|on|about)\s+[\w-]+(?:\s+[\w-]+){0,2},)?"
        r"\s+(?:called\s+|titled\s+|named\s+|entitled\s+)?"
        r"[\"“]([^\"”]{3,120})[\"”]",
        text,
        re.I,
    )
    return m.group(1).rstrip(",.;: ") if m else None


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


# "chaired by a professor of Keio University, and …": who did what the verb says ("for"
# and "to" inside a title go on: "the Minister of State for Policies Related to Children").
_BY_AGENT = re.compile(
    r"\b([A-Za-z]+)\s+by\s+((?:the\s+|a\s+|an\s+)?[^,.;()\[\]]{2,120}?)"
    r"(?=\s*(?:[,.;()\[]|$)|\s+(?:in|on|with|during|under|until)\s|\s+(?:to|for)\s(?![A-Z])"
    r"|\s+and\s+(?!the\s|a\s|an\s|[A-Z]))"
)


def agent(text: str, verbs: frozenset[str]) -> tuple[str, str] | None:
    """The verb and its agent when ``text`` says who did one of ``verbs`` (stems):
    "who chaired the group" of "a group chaired by a professor of Keio University, met
    six times" → ("chaired", "a professor of Keio University"); "who co-organised it" of
    "co-organized with the Royal Thai Police" → ("co-organized with", "the Royal Thai
    Police")."""
    text = _TITLE_DOT.sub(r"\1", text)  # "chaired by Dr. Ryo Tsukamoto": no full stop
    verbs = verbs | {v for kin in _KIN_VERBS if verbs & kin for v in kin}
    for m in _BY_AGENT.finditer(text):
        if stem(m.group(1).lower()) in verbs and not re.fullmatch(r"[\d,.\s%]+", m.group(2)):
            who = m.group(2).strip()
            if who.count("“") > who.count("”"):
                who += "”"  # 'by the NPO “Kodomo no Mori.”': the name's closing quote
            return m.group(1), who
    # "co-organised" and "co-organized" alike: the first letters after "co-"
    joint = {v[3:7] for v in verbs if v.startswith("co-")}
    for m in _CO_AGENT.finditer(text):
        if m.group(1).lower()[3:7] in joint:
            return f"{m.group(1)} with", m.group(2).strip()
    return None


# Verbs that ask the same of an agent: "who runs it" of "operated by the NPO …".
_KIN_VERBS = (
    frozenset(stem(w) for w in "run operate manage administer".split()),
    frozenset(stem(w) for w in "organize organise host".split()),
)
_TITLE_DOT = re.compile(r"\b(Dr|Prof|Mr|Mrs|Ms|St)\.(?=\s+[A-Z])")
_CO_AGENT = re.compile(
    r"\b(co-[a-z]+)\b,?(?:\s+[^\s,.;]+){0,6}?\s+with\s+((?:the\s+)?[A-Z][^,.;()\[\]]{2,80}?)"
    r"(?=\s*(?:[,.;()\[]|$)|\s+(?:in|on|during|to|for)\s)",
    re.I,
)


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


_PERSON = r"(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}"


def holder_of(text: str, role: str) -> str | None:
    """The person ``text`` names in a part: "featuring the voice actor Sora Kitamine" →
    "Sora Kitamine" for "voice actor"; "the speakers" also reads "speaker A and B"."""
    head = re.escape(role.split()[-1].rstrip("s"))
    m = re.search(
        rf"(?i:\b{head}s?)(?:,|\s+(?i:was|were|is))?\s+"
        rf"({_PERSON}(?:(?:,\s+|\s+and\s+){_PERSON})*)",
        text,
    ) or re.search(
        # "Professor Haruka Minegishi of Tohoku University gave the keynote lecture",
        # "Dr. Naoko Ishibashi served as lecturer"
        rf"({_PERSON})(?:,?\s+(?:of|from)\s+[^,;.()]{{1,60}}?)?,?\s+(?i:gave|delivered|"
        rf"served\s+as|acted\s+as|was|as)\s+(?i:the\s+|an?\s+)?(?i:{head})",
        text,
    )
    return m.group(1) if m else None
