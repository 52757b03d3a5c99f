"""Picking the figure a question asks for among an effort's figures.

A figure answers only when its type fits the question's unit (:func:`pick_figure`): a
number of *people* for "how many people", of *years* for "how long", a sum for "how much
did it cost" (:func:`measure_of`). The figures themselves are read by
:mod:`assistant.facts`.
"""

from __future__ import annotations

import re

from assistant.facts import UNITS, FactSpan
from assistant.intents import stem
from assistant.synonyms import synonyms

__all__ = ["measure_of", "pick_figure"]


_GENERIC_PEOPLE = frozenset("people persons person individuals participants attendees".split())
# People named by what they work as, together: "how many staff" of "5,200 school nurses".
_WORKFORCE = frozenset("staff personnel employees workforce".split())
_GENERIC_PLACES = frozenset("places locations sites venues areas".split())
# Nouns that count occurrences of whatever the effort is about; never people.
_GENERIC_COUNTS = frozenset("cases instances occasions".split())
# Nouns people use for the same thing as the reports' nouns, for matching a unit.
_SAME_NOUN = {
    "firm": "compani",
    "oper": "compani",  # the SNS, game and app operators are companies
    "forc": "depart",  # police forces are the prefectural police departments
    "busi": "compani",
    "corpor": "compani",
    "kid": "child",
    "children": "child",
    "minor": "child",
    "youngster": "child",
    "prison": "inmat",
    "parole": "probation",
    "probat": "probation",
    "parent": "guardian",  # the reports' guardians are the parents people ask about
    "centr": "center",  # British and American spellings count the same thing
    "programm": "program",
    "counsellor": "counselor",
    "attende": "particip",
    "copi": "copi",
    "offic": "offic",
    "staff": "staff",
    "cop": "polic",
    "clinic": "hospit",
    "url": "address",  # web addresses
    "attorney": "lawyer",
    "check": "confirm",  # record checks are the reports' "confirmations"
    "shrink": "counselor",
    "watch": "view",  # "how many watched it online": "about 4,200 viewed the stream"
    "play": "view",  # a video "played 5.3 million times" was viewed so often
    "psycholog": "counselor",  # school counselors are the psychologists pupils see
    "therapist": "counselor",
    "instructor": "teacher",
    "educ": "teacher",  # educators
    "region": "prefectur",  # Japan's regions, as the reports count them
    "provinc": "prefectur",
    "town": "municip",  # towns and cities are the municipalities, the local governments
    "citi": "municip",
    "govern": "municip",
    "worker": "staff",  # "welfare staff": school social workers
    "hotel": "facil",  # hotels and inns are the reports' accommodation facilities
    "inn": "facil",
    "ryokan": "facil",
    "traffic": "visit",  # a website's traffic, hits or visitors are its visits
    "hit": "visit",
    "visitor": "visit",
    "question": "inquiri",  # the questions a service answered are its inquiries
    "queri": "inquiri",
    "enquiri": "inquiri",
}


# Nouns for a kind of what a question counts: the reports' pupils and students are the
# children a question asks about, but only a figure about its topic answers it.
_KINDRED = {"student": "child", "pupil": "child"}


def _canon(noun_stem: str) -> str:
    return _SAME_NOUN.get(noun_stem, noun_stem)


def _kin(noun_stem: str) -> str:
    canon = _canon(noun_stem)
    return _KINDRED.get(canon, canon)


_INCREMENT = re.compile(r"\b(?:more|additional|another|extra|new|added)\b", re.I)


def pick_figure(
    spans: list[FactSpan],
    unit: str | None,
    topic: frozenset[str],
    *,
    own_noun_only: bool = False,
    total: bool = False,
    increase: bool | None = None,
    worded: frozenset[str] = frozenset(),
    sources: frozenset[str] = frozenset(),
) -> FactSpan | None:
    """The figure whose type fits the question's unit, closest to its topic; else None.

    A specific unit ("victims", "companies") must be the figure's own noun or, failing
    that, stand near it ("child welfare officers (by approximately 2,020 persons)"); a
    generic one ("people") takes any figure of people; no unit takes the figure nearest
    the topic. ``total``: the question asks for a total, which a figure led by "total"
    gives. ``increase``: True when an increase is asked, False when a standing figure is
    ("how many had one by March"), None when neither. ``worded``: stems of every word the
    question says, to tell apart two figures of one kind by the words after each.
    ``sources``: stems of what the question counts from ("how many came from dads").
    """
    if unit and synonyms().get(unit.lower()) in _GENERIC_PEOPLE | _GENERIC_PLACES:
        unit = synonyms()[unit.lower()]  # "how many folks": people
    if unit == "times":
        # "how many times did it meet": "six meetings" counts the meeting; "how many times
        # were the videos viewed": "viewed about 3.4 million times", not "eight videos"
        timed = [s for s in spans if s.kind == "times"]
        counted = [s for s in spans if s.kind == "number" and s.noun and stem(s.noun) in topic]
        done = [s for s in timed if s.lead & topic]
        spans = done or timed + counted
        unit = None
    own = [s for s in spans if _fits(s, unit, own_noun=True)]
    if own_noun_only and unit not in ("duration", "percent", "money", "age"):
        fitting = own if unit else []
    else:
        fitting = own or [s for s in spans if _fits(s, unit)]
    if not fitting and unit and not own_noun_only:
        # "how many chat consultations": the cell of a table's row the question names
        # ("| Chat | 61,800 | 74,900 |"), when the table names nothing it counts
        fitting = [
            s for s in spans if s.kind == "number" and s.noun is None and _row_named(s, worded)
        ]
    generic = _GENERIC_PEOPLE | _GENERIC_PLACES
    if unit and unit.lower() not in generic and _QUANTITIES.get(unit, unit) not in UNITS:
        # A figure of a kindred noun ("students" for "children") must also be about the
        # topic: "how many children were victims" is not answered by a leaflet's readers.
        said = _canon(stem(unit.lower()))
        rest = {_canon(w) for w in topic} - {said}
        term = _term_of(unit)
        fitting = [
            s
            for s in fitting
            if s.kind != "number"
            or said in {_canon(w) for w in s.lead} | _own_words(s)
            or (term is not None and term in _own_words(s))
            # "how many arrests": "126 suspects were arrested" says what it counts after it
            or (s.noun in UNITS["people"] and said in {_canon(w) for w in s.near})
            or {_canon(w) for w in s.context} & rest
            # "interviews … conducted in 3,210 cases": what the count counts, said earlier
            or (s.noun in _GENERIC_COUNTS and {_canon(w) for w in s.clause} & rest)
        ]
    # "how many people were arrested": only a figure of arrests answers it, not the 412
    # victims an operation identified
    for event in (topic | worded) & _COUNTED_EVENTS.keys():  # "convicted" though no report says it
        fitting = [s for s in fitting if _COUNTED_EVENTS[event] & s.context]
    if not fitting:
        return None
    if total:  # "how many in total": "bringing the total to 57", not "12 additional"
        fitting = [s for s in fitting if "total" in s.lead] or fitting
    if increase is not True:
        # "how many officers were there", "what is the rate": "increased by 2,020" and
        # "an increase of 18%" are no standing figure
        fitting = [s for s in fitting if not s.change]
        if not fitting:
            return None
    if increase is not None:
        # "how many prefectures had one": the standing figure (31), not the year's "7 more";
        # "how many more": the increase; neither asked: the figure of what was done
        fitting = [
            s for s in fitting if bool(_INCREMENT.search(s.text) or s.change) == increase
        ] or fitting
    # "what % of guardians of junior high school students": not the share of guardians of
    # elementary school children the effort gives
    fitting = [s for s in fitting if not _of_another_group(s, worded, sources)]
    if not fitting:
        return None
    asked = {_canon(w) for w in topic}
    head = _kin(stem(unit.lower())) if unit else None
    said_noun = stem(unit.lower()) if unit else None
    return max(
        fitting,
        key=lambda s: (
            # "how many SOS letters were received": "17,800 letters", not "2.3 million SOS
            # Letter forms", whose noun is the forms
            head is not None and s.noun is not None and _kin(stem(s.noun)) == head,
            # "how many game companies": "31 game companies" before "9 app store operators"
            said_noun is not None and s.noun is not None and stem(s.noun) == said_noun,
            len(_own_words(s) & asked),
            # "what % of women": "6.8% of women and 2.1% of men"
            len(s.of & (topic | worded)),
            # "six months after": "… 36.1% six months later"
            len(_parts(s.near) & (topic | worded)),
            len(s.context & topic),
            -spans.index(s),
        ),
    )


# Events a figure counts that no other figure stands in for, with the words the reports
# use for them (stems): an arrest is not a victim (the police "clear" cases, though).
_COUNTED_EVENTS = {
    stem(event): frozenset(stem(w) for w in words.split())
    for event, words in {
        "arrested": "arrested cleared apprehended detained",
        "convicted": "convicted",
        "prosecuted": "prosecuted indicted",
        "charged": "charged",
        "detained": "detained arrested",
        "sentenced": "sentenced",
        # outcomes that pick some of those counted: "how many failed the age check" is
        # not answered by how many took part in it
        "failed": "failed failing failure unsuccessful",
        "passed": "passed pass certified qualified succeeded successful",
        "refused": "refused rejected declined denied",
        "rejected": "rejected refused declined",
        "dropped": "dropped",
        "quit": "quit",
        "died": "died deaths",
        "complained": "complained complaints",
    }.items()
}


# Groups a figure is of that exclude each other, as stems: a school level, a sex.
_EXCLUSIVE = (
    (
        frozenset({"elementari", "primari"}),
        frozenset({"junior", "middl"}),
        frozenset({"senior"}),
        frozenset({"universiti", "univers", "colleg"}),
    ),
    (
        frozenset({"women", "woman", "femal", "girl"}),
        frozenset({"men", "man", "male", "boy"}),
    ),
    (
        frozenset({"father", "dad", "daddi"}),
        frozenset({"mother", "mom", "mum", "mummi", "mommi"}),
    ),
)


def _term_of(unit: str) -> str | None:
    """The reports' one-word term for an everyday noun ("refuges" → "shelters"), as the
    stem a figure's noun is compared by; None when the field's table has none."""
    word = unit.lower()
    term = synonyms().get(word) or (synonyms().get(word[:-1]) if word.endswith("s") else None)
    return _kin(stem(term.lower())) if term and " " not in term else None


def _row_named(span: FactSpan, worded: frozenset[str]) -> bool:
    """``span`` is a table's cell (its year in ``near``) whose row label the question says."""
    return bool(span.lead) and span.lead <= worded and any(w.startswith("fy") for w in span.near)


def _of_another_group(
    span: FactSpan, worded: frozenset[str], sources: frozenset[str] = frozenset()
) -> bool:
    """Whether the figure is of a group the question excludes by naming another of the
    same kind: "junior high school students" asked, "elementary school children" given."""
    near = span.near | span.of
    for n, family in enumerate(_EXCLUSIVE):
        asked = [g for g in family if g & worded]
        given = [g for g in family if g & near]
        if asked and given and not set(asked) & set(given):
            return True
        split = len(asked) > 1 or any(g & sources for g in family)
        if n > 0 and split and not any(g & (near | span.context | span.clause) for g in family):
            # "how many came from dads vs moms", "… from girls": a figure of a sex or of
            # fathers or mothers, which a figure whose words name neither does not give
            return True
    return False


def _parts(words: frozenset[str]) -> set[str]:
    """Stems with the parts of hyphenated ones: "non-particip" is "non" and "particip" too,
    as a question types it ("for non participants")."""
    return set(words) | {part for w in words if "-" in w for part in w.split("-") if part}


def _own_words(span: FactSpan) -> set[str]:
    """The figure's own noun phrase, as canonical stems ("business operators")."""
    own = {_canon(stem(w)) for w in re.findall(r"[a-z]+", span.text.lower())}
    # "about 4,200 viewed the stream" counts people, though it does not say so
    return own | {_canon(stem(span.noun))} if span.noun else own


# Quantities named by what they measure: "the turnout" is a number of people.
_QUANTITIES = {
    "turnout": "people",
    "attendance": "people",
    "participation": "people",
    "cost": "money",
    "costs": "money",
    "spending": "money",
    "expenditure": "money",
    "funding": "money",
    "price": "money",
    "grant": "money",
    "grants": "money",
    "subsidy": "money",
    "subsidies": "money",
}


def measure_of(unit: str | None) -> str | None:
    """The kind of quantity a unit asks for, when it is no count of things: "budget" and
    "cost" ask a sum ("money"), "weeks" a "duration", "percent" a share."""
    unit = _QUANTITIES.get((unit or "").lower(), (unit or "").lower())
    if unit in ("duration", "percent", "money", "age"):
        return unit
    if unit in UNITS["money"]:
        return "money"
    return "duration" if unit in UNITS["duration"] else None


_CURRENCIES = frozenset("yen dollars dollar euros".split())


def _fits(span: FactSpan, unit: str | None, *, own_noun: bool = False) -> bool:
    unit = _QUANTITIES.get(unit or "", unit)
    if unit in UNITS["money"] and span.kind == "money":
        # a currency asks any sum; "what was the budget" one the effort calls so ("a budget
        # of 48 million yen"), not any sum it gives
        return unit in _CURRENCIES or stem(unit) in span.lead | span.near
    if unit is None:
        return span.kind in ("number", "percent", "times")
    if unit in ("duration", "percent", "money", "age"):
        return span.kind == unit
    if unit in ("years", "months", "weeks", "days", "hours", "minutes"):
        return span.kind == "duration" and span.noun is not None and stem(span.noun) == stem(unit)
    if span.kind != "number":
        # "how many views": "viewed about 190,000 times" counts them
        # "how many views": "played 5.3 million times" ("the video was played") too
        said = _canon(stem(unit.lower()))
        return span.kind == "times" and (unit == "times" or said in {_canon(w) for w in span.lead})
    wanted = _kin(stem(unit.lower()))
    own = _kin(stem(span.noun)) if span.noun else ""
    if wanted == own or wanted in {_kin(w) for w in _own_words(span)}:
        return True  # "business" of "business operators"
    if own and own == _term_of(unit):
        return True  # "refuges": the reports' shelters (the field's everyday words)
    if span.noun and len(unit) >= 4 and span.noun.lower().endswith(unit.lower()):
        return True  # "sites" of "64 websites", "workers" of "caseworkers"
    if own_noun:
        return False
    if unit.lower() in _GENERIC_PEOPLE | _WORKFORCE:
        return span.noun is not None and span.noun in UNITS["people"]
    if (
        span.noun in _GENERIC_COUNTS
        and unit.lower() not in UNITS["people"]
        and wanted in {_kin(w) for w in span.context | span.clause}
    ):
        return True  # "interviews … conducted in 3,210 cases": 3,210 interviews
    if unit.lower() in _GENERIC_PLACES:  # "at how many places": "at 8 probation offices"
        return span.noun is not None and span.noun in UNITS["places"]
    if unit.lower() in UNITS["people"] and span.noun in _GENERIC_PEOPLE:
        # "how many staff": "2,020 persons", if it is about the topic (pick_figure); but the
        # children a question counts are never the "persons" who took part in something,
        # nor are victims the "persons" a crackdown cleared cases involving
        return wanted not in ("child", "victim")
    if (
        span.noun in UNITS["people"]
        and unit.lower() not in UNITS["people"]
        and wanted in {_canon(w) for w in span.near}
    ):
        return True  # "how many arrests": "126 suspects were arrested", each one an arrest
    # the unit named just before the figure: "officers (by approximately 2,020 persons)",
    # "increasing child welfare officers to about 8,400" (a figure with no noun of its own)
    return wanted in {_canon(s) for s in span.lead} and (
        span.noun in UNITS["people"] or (span.noun is None and bool({"to", "by"} & span.lead))
    )
