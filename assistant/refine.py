"""When the typed slots call for another intent than the classifier's, as a table of rules.

The classifier reads a question's shape; some answers depend on what the slots hold. A
count of the plan's *sections* is a structure question, a "which ministry" with no topic
asks which ministries there are, a figure the question asks *of* a topic is a figure in
an effort. Each rule looks at the typed :class:`Query`; the few that need the wording as well
(a grade asked, a part of a stated whole, what a law sets, a question word inside a yes/no
question) read it through :mod:`assistant.cues`. The rules apply in order, each seeing the
intent the earlier ones left.
"""

from __future__ import annotations

import re

from assistant.asked import name_of
from assistant.asked_names import NAME_KINDS, asks_who
from assistant.cues import (
    asks_grade,
    asks_inside,
    asks_part_of_given,
    asks_thing_not_quantity,
    asks_what_a_law_sets,
    asks_which_years,
)
from assistant.facts import UNITS
from assistant.facts_pick import measure_of
from assistant.intents import Intent, stem
from assistant.query import Query
from assistant.refine_counts import COUNT_RULES
from assistant.rule import (
    ACTIVITIES,
    CONTACTS,
    OPEN_QUESTION_WORDS,
    ROLE_ASKS,
    Rule,
    asked_unit,
    plan_unit,
    to,
)

__all__ = ["RULES", "Rule", "refine"]

# Words that say which of a thing's names is asked: "the official name", "its full name".
_HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\b", re.I)
# Parts of a report where an abbreviation is looked up: "in the 2065 abbreviations table".
_DOCUMENT_PARTS = frozenset(
    stem(w) for w in "table tables list legend glossary key page appendix annex".split()
)
# "which of the efforts …", "which items …": efforts are what is asked for
_WHICH_EFFORTS = re.compile(
    r"\bwhich\s+(?:of\s+the\s+|of\s+its\s+|of\s+their\s+)?(?:efforts|items|activities|entries)\b",
    re.I,
)


def asks_efforts(text: str) -> bool:
    """Whether the question asks which efforts ("which of the efforts carry its name")."""
    return _WHICH_EFFORTS.search(text) is not None


_NAME_QUALIFIERS = frozenset(stem(w) for w in "official full exact proper real english".split())

RULES: tuple[Rule, ...] = (
    *COUNT_RULES,
    Rule(
        "people asked for by kind are who it was for: “to which pupils did it go”",
        lambda q, i, s: (
            i in (Intent.NAME, Intent.WHO, Intent.TOPIC)
            and q.names is not None
            and q.names.lower() in UNITS["people"]
            and not q.ministries
        ),
        to(Intent.AUDIENCE),
    ),
    Rule(
        "a grade asked for is who it was for: “for which school years is the quiz meant”, "
        "“what grade are the workbooks aimed at”",
        lambda q, i, s: (
            i in (Intent.NAME, Intent.TOPIC, Intent.NUMBER)
            and asks_grade(q.text)
            and not q.ministries
        ),
        to(Intent.AUDIENCE),
    ),
    Rule(
        "a ministry's trainings, seminars or campaigns are its efforts, listed, not names: "
        "“which seminars did MIC run”",
        lambda q, i, s: i is Intent.NAME and bool(q.ministries) and (q.names or "") in ACTIVITIES,
        to(Intent.TOPIC),
    ),
    Rule(
        "efforts asked for, with a ministry named, are its efforts though the question speaks "
        "of a name: “the justice ministry, which of the efforts carry its name”",
        lambda q, i, s: (
            i is Intent.NAME and bool(q.ministries) and q.names is None and asks_efforts(q.text)
        ),
        to(Intent.LIST),
    ),
    Rule(
        "names asked for are a name question: “which 31 companies took part”, “what is the "
        "hotline's phone number”, “what time does the chat desk open”, “on which plan was "
        "the reform based”, “under which plan was the number of officers raised”",
        lambda q, i, s: (
            q.names is not None
            and not (q.ministries and q.names in ACTIVITIES)
            and (
                i in (Intent.WHO, Intent.TOPIC)
                or (i is Intent.NUMBER and not q.unit)  # "which five companies": it says how many
                or (i is Intent.NUMBER and q.names == "name")  # "what was the slogan of …"
                # "under which plan was the number of officers raised": the plan's name;
                # the number is of what the plan did
                or (i is Intent.NUMBER and q.names in NAME_KINDS and not _HOW_MANY.search(q.text))
                or (i is Intent.JOINT and not q.ministries and q.min_ministries < 2)
                or ((q.names in CONTACTS or q.names == "hours") and i is not Intent.NAME)
                # "which languages were newly added to the website": one effort's names,
                # not what is new between years
                or (i is Intent.COMPARE and not q.time.fiscal_years and not q.whole)
                or (q.names in NAME_KINDS and i is Intent.LIST)
                # "on which plan was it based": a plan's name, not a date
                or (q.names in NAME_KINDS and i is Intent.WHEN)
            )
        ),
        to(Intent.NAME),
    ),
    Rule(
        "how many ministries took part in something asks it of the effort: “how many "
        "ministries were involved in the safe internet seminars”",
        lambda q, i, s: i is Intent.MINISTRIES and bool(asked_unit(q)) and bool(q.report_words),
        to(Intent.NUMBER),
    ),
    Rule(
        "the name of a section or a measure with nothing else asked is its title: “what is "
        "the title of section 4”, “measure 2.1, what is it called”",
        lambda q, i, s: (
            i is Intent.NAME
            and (q.section is not None or q.measure is not None)
            and not q.own_words
        ),
        to(Intent.STRUCTURE),
    ),
    Rule(
        "“which ministries worked on internet safety” asks who did something",
        lambda q, i, s: (
            i is Intent.MINISTRIES and bool(q.topic_words) and not asked_unit(q) and not q.rank
        ),
        to(Intent.WHO),
    ),
    Rule(
        "a list with a topic is a search within its filters: “what did MEXT do about the internet”",
        lambda q, i, s: i in (Intent.LIST, Intent.FOLLOW_ON) and bool(q.own_words),
        to(Intent.TOPIC),
    ),
    Rule(
        "a follow-on with nothing before it asks about what it names: “And MHLW?”",
        lambda q, i, s: i is Intent.FOLLOW_ON,
        lambda q: Intent.LIST if q.has_filters else Intent.TOPIC,
    ),
    Rule(
        "nothing to search for but filters is a list: “what is section 4 about”",
        lambda q, i, s: i is Intent.TOPIC and not q.topic_words and q.has_filters and not q.yes_no,
        to(Intent.LIST),
    ),
    Rule(
        "a yes/no question asks whether something was done, not for a name, a place or an "
        "audience: “can kids post a note to somebody about their worries”",
        lambda q, i, s: (
            i in (Intent.AUDIENCE, Intent.WHERE, Intent.NAME) and q.yes_no and not asked_unit(q)
        ),
        to(Intent.TOPIC),
    ),
    Rule(
        "a yes/no question whose question word opens a clause inside it asks whether "
        "something was done: “did anyone send a flyer showing how crooks trick kids?”, “did "
        "the cops brief web firms on what kinds of crimes they see?”",
        lambda q, i, s: (
            i in (Intent.AUDIENCE, Intent.WHERE, Intent.NAME, Intent.NUMBER, Intent.WHO)
            and q.yes_no
            and asks_inside(q.text)
        ),
        to(Intent.TOPIC),
    ),
    Rule(
        "“which ministry” with no topic asks which ministries there are",
        lambda q, i, s: i is Intent.WHO and not q.topic_words and not s,
        to(Intent.MINISTRIES),
    ),
    Rule(
        "a share or a count of something an effort counts is a figure, even when the "
        "question says what changed: “what share was gone within 7 days”, “what share of the "
        "flagged posts disappeared within a day in FY2019”",
        lambda q, i, s: (
            i is Intent.COMPARE
            and bool(q.unit)
            and plan_unit(q) is None
            # "how many new efforts in FY2021?" compares years; a share is one year's, and
            # "compare the number of consultations in FY2020 and FY2023" says nothing new
            and (not q.time.fiscal_years or measure_of(q.unit) == "percent" or not q.changes)
            and (not q.whole or not q.changes)
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "the years something was done in ask for the efforts of every year that did it, not "
        "one effort's date: “in which years did MEXT hold trainings for teachers”",
        lambda q, i, s: i is Intent.WHEN and asks_which_years(q.text) and not s,
        to(Intent.TOPIC),
    ),
    Rule(
        "a share or a tally asked for is a figure, not a name: “what was the share of "
        "hotline calls”, “what call volume did the line handle”",
        lambda q, i, s: (
            i is Intent.NAME
            and bool(q.unit)
            and (measure_of(q.unit or "") == "percent" or q.counted)
            and q.names is None
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "a person asked for by the part they played is named by the effort: “who was the "
        "speaker at the symposium”; a part the reports speak of is no everyday question: "
        "“who's the ambassador of the winter drive”",
        # "which academic is studying how …" is no figure either
        lambda q, i, s: (
            q.role is not None
            and (
                i in ROLE_ASKS
                or i is Intent.NUMBER
                and not q.unit
                or i is Intent.OUTSIDE
                and stem(q.role.split()[-1]) in q.report_words
            )
        ),
        to(Intent.WHO),
    ),
    Rule(
        "a count of part of a whole the question states is a figure the effort may give: "
        "“of the 300 persons arrested in that sweep, how many ended up in court”",
        lambda q, i, s: i is Intent.TOPIC and q.counted and asks_part_of_given(q.text),
        to(Intent.NUMBER),
    ),
    Rule(
        "an abbreviation's official name is its entry in the legend: “the official name of "
        "the MOFA?”",
        lambda q, i, s: (
            i is Intent.NAME
            and q.term is not None
            and q.names in (None, "name")
            and set(q.own_words) <= _NAME_QUALIFIERS
        ),
        to(Intent.GLOSSARY),
    ),
    Rule(
        "the name of a thing a ministry made, or of a thing with no abbreviation at all, is no "
        "ministry's name: “the exact title of the leaflet METI handed out”, “what is the full "
        "name of the NPA's new app”, “the seminar held in Osaka, what was its full name?”",
        lambda q, i, s: (
            i is Intent.GLOSSARY
            and (bool(q.ministries) or q.term is None)
            and (
                q.names in NAME_KINDS
                or (q.names == "name" and bool(set(q.own_words) - _NAME_QUALIFIERS))
            )
        ),
        to(Intent.NAME),
    ),
    Rule(
        "an abbreviation is asked about alone; a question with words enough of its own asks "
        "what was done: “did the prefectural police all join in one nationwide sweep on "
        "file-sharing sites”",
        lambda q, i, s: i is Intent.GLOSSARY and len(q.own_words) >= OPEN_QUESTION_WORDS,
        to(Intent.TOPIC),
    ),
    Rule(
        "an abbreviation asked with a year and a thing of its own asks what was done then: "
        "“describe the NPA's FY2019 work on SNS”",
        lambda q, i, s: (
            i is Intent.GLOSSARY
            and q.time.any
            and bool(set(q.own_words) & set(q.report_words) - _DOCUMENT_PARTS)
        ),
        to(Intent.TOPIC),
    ),
    Rule(
        "what a law says, a penalty and the age of consent are outside the reports: “what "
        "does the ordinance on youth protection say about curfews”, “how big a fine do "
        "operators risk”",
        lambda q, i, s: (
            asks_what_a_law_sets(q.text)
            and i not in (Intent.GLOSSARY, Intent.STRUCTURE, Intent.CHITCHAT)
        ),
        to(Intent.OUTSIDE),
    ),
    Rule(
        "a question opening with what or which, no word of which asks a quantity, asks no "
        "figure: “what charter did the operators sign at the forum”",
        lambda q, i, s: i is Intent.NUMBER and not q.unit and asks_thing_not_quantity(q.text),
        to(Intent.TOPIC),
    ),
    Rule(
        "a question that opens asking which body did something asks who, though it speaks "
        "of a name: “which ministry changed the name of the hotline”",
        lambda q, i, s: i is Intent.NAME and q.names is None and asks_who(q.text),
        to(Intent.WHO),
    ),
    Rule(
        "“how many” of a unit asks a figure even when the reading fell to a search: “how "
        "many years can they get behind bars for it” (a figure the efforts may not give)",
        lambda q, i, s: (
            i is Intent.TOPIC
            and bool(q.unit)
            and bool(_HOW_MANY.search(q.text))
            and not q.yes_no
            and plan_unit(q) is None
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "another country's measures are outside the reports: “what is the US doing”",
        lambda q, i, s: (
            bool(q.countries) and i not in (Intent.GLOSSARY, Intent.STRUCTURE, Intent.CHITCHAT)
        ),
        to(Intent.OUTSIDE),
    ),
)


def refine(q: Query, scoped: bool) -> Query:
    """``q`` with the intent its typed slots call for (see :data:`RULES`).

    ``scoped``: the question is limited to the previous answer's efforts.
    """
    intent = q.intent
    for rule in RULES:
        if rule.when(q, intent, scoped):
            intent = rule.then(q)
    if intent is q.intent:
        return q
    update: dict[str, object] = {"intent": intent}
    if q.intent is Intent.JOINT and intent is Intent.COUNT and not q.sole:
        update["min_ministries"] = max(2, q.min_ministries)  # "how many joint efforts …"
    if intent is Intent.NAME and not q.unit:
        update["unit"] = name_of(q.text)  # "what languages was it in": names of languages
    return q.model_copy(update=update)
