"""Typed spans of an effort's text: figures, dates and times of day.

An effort's text holds figures ("about 220 representatives", "94.7%", "over four years")
and dates ("(July 2019)", "(from October to November 2020)"); its names, places and
people are read by :mod:`assistant.facts_names`, :mod:`assistant.facts_places` and
:mod:`assistant.facts_people`. A fact answer may state only such a span
of a cited effort, and only when its type fits the question (:mod:`assistant.facts_pick`
picks the figure): a number of *people* for "how many people", of *years* for "how long".
When no span fits, the answer says the report does not give it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.fact_change import CHANGE_OF, CHANGED_BY, RATIO, moved_from
from assistant.intents import stem
from corpus.lines import NUMERIC_MONTH
from index.lexical import tokenize

__all__ = [
    "UNITS",
    "is_part",
    "FactSpan",
    "figures",
    "stems",
]

FactKind = Literal[
    "number", "duration", "percent", "money", "times", "age", "date", "name", "place"
]


@dataclass(frozen=True)
class FactSpan:
    """A piece of an effort's text with its type.

    Attributes:
        kind: What sort of fact it is.
        text: The span exactly as in the effort.
        noun: The head noun a figure counts ("representatives"), if any.
        context: Stems of the words around it, to match a question's topic.
        lead: Stems of the few words just before it ("officers (by approximately" for
            "2,020 persons"), which may name what a generic figure counts.
        near: Stems of the words after it, up to the next figure or clause: what tells
            apart two figures of one kind ("44.7% at the time of contract and 36.1% six
            months later").
        change: The figure is the size of a change, not a standing count ("increasing
            the number of officers by approximately 2,020 persons").
        earlier: The figure is the value something rose or fell from ("rose to 51.7%
            from 46.2%"), not the one it reached.
        of: Stems of the few words right after it, which say whom it is of ("6.8% of
            women and 2.1% of men").
        clause: Stems of its sentence up to it: what a generic count ("conducted in
            3,210 cases") counts ("collaborative forensic interviews …").
    """

    kind: FactKind
    text: str
    noun: str | None
    context: frozenset[str]
    lead: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    change: bool = False
    earlier: bool = False
    of: frozenset[str] = frozenset()
    clause: frozenset[str] = frozenset()


_NUMBER_WORDS = (  # "thirty-seven" whole, before "thirty"
    "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|"
    "seven|eight|nine)|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|"
    "three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred"
)
_FIGURE = re.compile(
    r"(?:(?:about|approximately|approx\.|around|some|over|more than|nearly|almost|up to|at least)"
    rf"\s+)?(?<![\w.#-])(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_NUMBER_WORDS})"
    r"(?:(?<=\d)k)?(?![\w-])"  # "61k teachers": thousands
    r"(\s*(?:%|percent|per cent))?(\s+(?:million|thousand|billion))?",
    re.I,
)
UNITS: dict[str, frozenset[str]] = {
    "people": frozenset(
        "person persons people representatives participants attendees officers officials "
        "staff teachers investigators inmates probationers students pupils guardians "
        "children parents members workers experts prosecutors victims offenders users "
        "minors adults girls boys individuals volunteers caseworkers counsellors "
        "counselors employees nurses doctors physicians lawyers attorneys judges detectives "
        "psychologists therapists instructors lecturers trainers speakers panelists "
        "supervisors managers leaders directors specialists professionals practitioners "
        "administrators coordinators caregivers carers juveniles teenagers youths delegates "
        "suspects respondents trainees candidates applicants graduates recipients viewers "
        "callers residents citizens visitors spectators learners readers customers clients "
        "patients survivors entrants contestants finalists researchers engineers officers "
        "representatives guests moderators mentors advisers advisors".split()
    ),
    "places": frozenset(
        "places locations sites venues offices centers centres schools prefectures "
        "municipalities cities towns villages stations hospitals facilities branches "
        "districts regions blocks universities institutions clinics shelters".split()
    ),
    "duration": frozenset(
        "year years month months week weeks day days hour hours minute minutes second "
        "seconds".split()
    ),
    "money": frozenset("yen dollars dollar euros budget".split()),
    "times": frozenset({"times"}),
}


def stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", text.lower()))



_AGE = rf"(?:\d{{1,2}}|{_NUMBER_WORDS})"  # "aged 4 to 6", "aged four to six"
_AGES = re.compile(
    rf"\baged?\s+(?:from\s+)?{_AGE}(?:\s*(?:to|-|–|and)\s*{_AGE})?(?:\s+years?)?|"
    # "under the age of 20", "up to age 18": an age as a limit
    rf"\b(?:under|below|over|above|up\s+to)\s+(?:the\s+)?age\s+(?:of\s+)?{_AGE}\b",
    re.I,
)


_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I
)
# "12 July 2019", "31 Dec 2079": a day before its month
_MONTH_AFTER = re.compile(
    r"\s*(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b",
    re.I,
)


# A total the figure before it adds up to: "bringing the total to", "for a total of".
_RUNNING_TOTAL = re.compile(
    r"\b(?:the\s+total\s+to|a\s+total\s+of|totall?ing)\s+(?:about\s+|approximately\s+)?$", re.I
)


# Words that number a part of a document, not a quantity: "Table 4", "表4", "Annex 2".
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:tables?|figures?|fig\.|charts?|annex|appendix|articles?|chapters?|sections?)"
    r"\s*|[表図]\s*)$",
    re.I,
)


def figures(text: str) -> list[FactSpan]:
    """Figures with the noun they count, and ages ("aged 10 to 17"); years and ordinals
    ("4th") are left out."""
    from assistant.facts_table import table_cells  # they build on this module
    from assistant.figure_nouns import counted

    out = [FactSpan("age", m.group(0), None, stems(text)) for m in _AGES.finditer(text)]
    cells, table = table_cells(text)  # a flattened table: its cells, not its run of numbers
    found = list(_FIGURE.finditer(text))
    months = [d.span() for d in NUMERIC_MONTH.finditer(text)]  # "(2047.5)" is a date
    months += [c.span() for c in re.finditer(r"\b\d{1,2}:\d{2}\b", text)]  # so is "16:00"
    months += [d.span() for d in _YEAR_FIRST_DATE.finditer(text)]  # and "2082/09/05"
    months += [d.span() for d in _DAY_FIRST_DATE.finditer(text)]  # and "01/04/2055", "24/7"
    shares = list(_ONE_IN.finditer(text))  # "1 in 9 women": a share, not 9 women
    months += [r.span() for r in shares]
    for at, m in enumerate(found):
        value = m.group(1)
        if re.fullmatch(r"(19|20)\d\d", value):
            continue
        if any(start <= m.start() < end for start, end in months):
            continue
        if table and table[0] <= m.start() < table[1]:
            continue
        before = text[max(0, m.start() - 24) : m.start()].lower()
        # "from 17,200 in FY2074 to 20,450": a year before "to" ends no range of figures
        after_year = re.search(r"(?<![\d,.])(?:fy\s?)?(?:19|20)\d\d\s*(?:to|-|–)\s*$", before)
        if re.search(r"\b(aged?|ages|age\s+of)\s*$", before) or re.search(
            rf"\baged?\s+{_AGE}\s*(to|-|–)\s*$", before, re.I
        ) or (re.search(r"\d\s*(to|-|–)\s*$", before) and not after_year):
            continue  # an age, or the end of a range ("10 to 17")
        closed = text[m.end(1) : m.end(1) + 1] in (")", "", "-", "/")  # not "(26 episodes)"
        if re.fullmatch(r"\d+", value) and text[m.start() - 1 : m.start()] == "(" and closed:
            continue  # "(189)": a phone number or a code, not a quantity
        if _MONTH_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "November 12, 2020": a day of a date
        if re.fullmatch(r"\d{1,2}", value) and _MONTH_AFTER.match(text, m.end(1)):
            continue  # "12 July 2019": a day of a date
        if re.search(r"\b(?:Reiwa|Heisei)\s+$", text[max(0, m.start() - 8) : m.start()]):
            continue  # "(November, Reiwa 31)": a year of an era
        if _LABEL_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "Table 4 School social workers": the table's number, no 4 workers
        after = text[m.end() : m.end() + 80]
        read = counted(text, m, out)
        percent = bool(m.group(2))
        noun, noun_words, whole, of_whole = read.noun, list(read.words), read.whole, read.of_whole
        kind: FactKind = "number"
        if percent:
            kind, noun = "percent", None
        elif noun in UNITS["duration"]:
            kind = "duration"
        elif noun in UNITS["money"]:
            kind = "money"
        elif noun in UNITS["times"]:
            kind = "times"
        phrase = m.group(0).strip()
        currency = _CURRENCY.search(text[max(0, m.start() - 4) : m.start()])
        if currency and not percent:
            kind, phrase = "money", f"{currency.group(0)}{phrase}"  # "US$1.5 million"
        elif noun_words and not percent:
            phrase = f"{phrase} {' '.join(noun_words)}"
        window = text[max(0, m.start() - 90) : m.end() + 60]
        lead = text[max(0, m.start() - _LEAD_CHARS) : m.start()]
        before = text[max(0, m.start() - 120) : m.start()]
        change = bool(CHANGED_BY.search(before) or CHANGE_OF.search(before))
        # "about 1.3 times the figure for the previous campaign" is a change, not a count
        change = change or (kind == "times" and bool(RATIO.match(text[m.end() :])))
        earlier = moved_from(text, m, before)
        if earlier and noun is None and out and out[-1].kind == kind and out[-1].noun:
            noun = out[-1].noun  # "about 4,200 viewed it, up from about 3,900": viewers
        if noun is None and kind == "number" and whole and _RUNNING_TOTAL.search(before):
            noun = whole.noun  # "connected 9 more operators, bringing the total to 31"
        near = _near(text, found, at)
        if noun is not None and of_whole and not percent:
            # "1,042 of the 1,886 examinees passed": what the part did follows its whole
            rest = after[of_whole.end() :].split(";", 1)[0]
            near |= frozenset(tokenize(" ".join(rest.split()[:6])))
        of = _of_words(text[m.end() :])
        if noun is not None and of_whole and not percent:
            of |= _of_words(after[of_whole.start("noun") :])  # the whole's noun, and on
        opening = max(text.rfind(";", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
        clause = stems(text[opening : m.start()])
        out.append(
            FactSpan(
                kind, phrase, noun, stems(window), stems(lead), near, change, earlier, of, clause
            )
        )
    out += cells
    for r in shares:
        noun, about = r.group(1).lower(), stems(text[max(0, r.start() - 90) : r.end() + 60])
        for kind in ("number", "percent"):  # "how many women", "what share of women"
            out.append(FactSpan(kind, r.group(0), noun, about, about, stems(noun), of=stems(noun)))
    for m in _SPAN_ADJECTIVE.finditer(text):  # "a three-day course"
        window = text[max(0, m.start() - 90) : m.end() + 60]
        out.append(FactSpan("duration", m.group(0), m.group(2).lower(), stems(window)))
    for m in _HOW_OFTEN.finditer(text):  # "held twice (July and March)": two times
        window = text[max(0, m.start() - 90) : m.end() + 60]
        lead = text[max(0, m.start() - _LEAD_CHARS) : m.start()]
        out.append(FactSpan("times", m.group(0), "times", stems(window), stems(lead)))
    return out


# How often, in one word: "met twice".
_HOW_OFTEN = re.compile(r"\b(?:once|twice|thrice)\b", re.I)


def _near(text: str, found: list[re.Match[str]], at: int) -> frozenset[str]:
    """The stems of the words after a figure, up to the next figure of its kind (a share
    or a count; or 80 characters), not across a semicolon."""
    m = found[at]
    end = m.end() + 80
    for later in found[at + 1 :]:
        if bool(later.group(2)) == bool(m.group(2)):  # "44.7% … and 36.1%", not "six months"
            label = _YEAR_LABEL.search(text, 0, later.start())
            end = min(end, label.start() if label else later.start())
            break
    own = _YEAR_LABEL.search(text, 0, m.start())  # "(FY2056: 71.9%)": that year's figure
    said = text[own.start() : m.start()] if own else ""
    return frozenset(tokenize(f"{said} {text[m.end() : end].split(';', 1)[0]}"))


# A year that labels the figure after it, in a bracket: "rose to 73.4% (FY2056: 71.9%)".
_YEAR_LABEL = re.compile(r"[(（]\s*(?:FY\s?)?(?:19|20)\d\d\s*[:：]\s*$", re.I)


_CURRENCY = re.compile(r"(?:US\$|\$|¥|€|£)$")
OF_THEM = re.compile(r"\s+of\s+(?:them|these|those|which|whom)\b", re.I)
# "19 of the 22 major providers": a part, then the whole it is of.
OF_THE_WHOLE = re.compile(
    r"\s+of\s+(?:the\s+|all\s+)?\d[\d,.]*\s+(?:[A-Za-z-]+\s+){0,3}?(?P<noun>[A-Za-z-]+s)\b"
)
# How far before a figure its unit may be named: "officers (by approximately 2,020 …".
_LEAD_CHARS = 32
_SPAN_ADJECTIVE = re.compile(
    rf"(?<![\w.-])(\d+|{_NUMBER_WORDS})-(day|week|month|year|hour|minute|second)\b", re.I
)


# A date written year first with slashes or hyphens: "2082/09/05", "2067-12-01".
_YEAR_FIRST_DATE = re.compile(r"\b(?:19|20)\d\d([/-])\d{1,2}\1\d{1,2}\b")
# A date written day first ("01/04/2055"), and "24/7" (around the clock): no figures.
_DAY_FIRST_DATE = re.compile(r"\b\d{1,2}([/.-])\d{1,2}\1(?:19|20)\d\d\b|\b24/7\b")
# A share said as one of so many: "1 in 9 women", "one in five children".
_ONE_IN = re.compile(rf"\b(?:1|one)\s+in\s+(?:\d+|{_NUMBER_WORDS})\s+([a-z]+)", re.I)
# Words that say nothing of what a figure is of: "copies of the manga booklet".
_LINKS = frozenset("of the a an to and or in on for at by with from".split())


def _of_words(after: str) -> frozenset[str]:
    """What a figure is of: the first three words after it that say something, before the
    next figure ("6.8% of women and 2.1% of men": women; "38,500 copies of the manga
    booklet": copies, manga, booklet)."""
    words: list[str] = []
    for raw in after.split():
        if re.match(r"[(\d]", raw):
            break
        word = raw.strip("\"“”'(),.;:")
        if word and word.lower() not in _LINKS:
            words.append(word)
        if len(words) == 3:
            break
    return stems(" ".join(words))


def is_part(span: FactSpan) -> bool:
    """Whether the figure counts part of a whole ("12 of them", "19 of the 22 providers")."""
    return bool(OF_THEM.search(span.text) or OF_THE_WHOLE.search(span.text))
