"""The refining rules about counts, figures and the plan's own parts, first of the table
in :mod:`assistant.refine`: a count of the plan's *sections* is a structure question, a
count of something an effort counts is a figure in it, a list shared between ministries is a
joint question. Kept apart from the rules about names, people and what lies outside the
reports only for size; they apply first, in this order.
"""

from __future__ import annotations

import re

from assistant.asked import name_of, named_before
from assistant.cues import asks_quantity_inside
from assistant.facts_pick import measure_of
from assistant.facts_places import is_place
from assistant.intents import Intent, stem
from assistant.rule import (
    PLAN_UNITS,
    UNANSWERED_BY_FILTERS,
    Rule,
    asked_unit,
    only_the_unit,
    plan_unit,
    to,
)
from assistant.slots import names_the_plan

# "what's dated in …", "anything dated between …": the efforts, not a date
_WHAT_IS_DATED = re.compile(
    r"\b(?:what|whats|what's|which|anything|everything|all)\s+(?:is\s+|was\s+|are\s+)?dated\b",
    re.I,
)

__all__ = ["COUNT_RULES"]

_EVERY = re.compile(r"\b(?:every|all|each|whole|entire|complete|full)\b", re.I)

COUNT_RULES: tuple[Rule, ...] = (
    Rule(
        "a total or a number asked with no name wanted is a figure: “whats the total of "
        "centers set up so far”; so is an age: “which age range was the leaflet written for”",
        lambda q, i, s: (
            i is Intent.NAME
            and ((q.counted and bool(q.unit) and q.names is None) or q.unit == "age")
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "which of the previous answer's efforts fall in a time asks for those efforts, not "
        "a date: “which of those give a month in the first half of the fiscal year”",
        lambda q, i, s: (
            i is Intent.WHEN and q.subset and bool(q.time.months or q.time.fiscal_years)
        ),
        to(Intent.LIST),
    ),
    Rule(
        "every effort asked for, with nothing to search for or filter by, is the whole list: "
        "“dump every single effort across all the years u have”",
        lambda q, i, s: (
            i is Intent.TOPIC
            and not q.topic_words
            and not q.has_filters
            and not s
            and q.whole
            and names_the_plan(q.text)
            and _EVERY.search(q.text) is not None
        ),
        to(Intent.LIST),
    ),
    Rule(
        "efforts asked by the months they are dated in, with nothing else to search for, "
        "are listed, not dated: “dated efforts from jul to sep 2019 (inclusive)??”",
        lambda q, i, s: (
            i is Intent.WHEN
            and q.time.months is not None
            and not q.topic_words
            # (or "whats dated from september to october": what is, not when)
            and (names_the_plan(q.text) or _WHAT_IS_DATED.search(q.text) is not None)
        ),
        to(Intent.LIST),
    ),
    Rule(
        "what a ministry did with no other is its own efforts, not shared ones: “list the "
        "efforts the justice ministry did alone, without other ministries”",
        lambda q, i, s: i is Intent.JOINT and q.sole,
        lambda q: Intent.COUNT if q.counted else Intent.LIST,
    ),
    Rule(
        "a count of the plan's own parts is answered from the plan: “how many efforts did "
        "MEXT have”, “how many sections”, “how many agencies took part”",
        lambda q, i, s: (
            plan_unit(q) is not None
            and i not in UNANSWERED_BY_FILTERS
            and (i is Intent.COUNT or only_the_unit(q))
        ),
        lambda q: PLAN_UNITS[asked_unit(q)],
    ),
    Rule(
        "a count of plan units with a topic of its own asks for a figure in an effort: “how "
        "many items did the police ask sites to delete” (not a name: 'which organization "
        "co-hosted it')",
        lambda q, i, s: (
            plan_unit(q) is not None
            and i not in UNANSWERED_BY_FILTERS
            and i is not plan_unit(q)
            and i is not Intent.NAME
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "a ministry's measures are its efforts: “how many measures did MEXT take”",
        lambda q, i, s: (
            i in (Intent.STRUCTURE, Intent.NUMBER)
            and asked_unit(q) == "measure"
            and bool(q.ministries)
        ),
        to(Intent.COUNT),
    ),
    Rule(
        "a figure with nothing to find it in but filters is a count: “how many did MEXT do”",
        lambda q, i, s: (
            i is Intent.NUMBER
            and plan_unit(q) is None
            and not q.topic_words
            and not s
            and q.has_filters
        ),
        to(Intent.COUNT),
    ),
    Rule(
        "how many were shared, with nothing else counted, counts efforts, in a follow-up "
        "too: “how many were shared”",
        lambda q, i, s: (
            i is Intent.NUMBER
            and plan_unit(q) is None
            and not q.unit
            and not q.topic_words
            and (q.min_ministries >= 2 or q.sole)
        ),
        to(Intent.COUNT),
    ),
    Rule(
        "an open question with nothing to search for but filters lists what they hold: “did "
        "the transport ministry do anything?”, “which efforts mention june 2019?”",
        lambda q, i, s: (
            i in (Intent.TOPIC, Intent.MENTIONS) and not q.topic_words and q.has_filters and not s
        ),
        to(Intent.LIST),
    ),
    Rule(
        "a count of people or things done in a joint operation is a figure, not a list of "
        "shared efforts: “how many victims did the joint raid with Interpol free”",
        lambda q, i, s: (
            i is Intent.JOINT
            and q.counted
            and bool(asked_unit(q))
            and plan_unit(q) is None
            and bool(set(q.topic_words) - {stem(asked_unit(q))})
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "a count of things named before it asks their number, not a count of efforts: "
        "“shelters for girls at risk - how many are there now”",
        lambda q, i, s: (
            i is Intent.COUNT and not q.unit and bool(q.topic_words) and bool(named_before(q.text))
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "a count of something an effort counts is a figure: “how many companies took part”",
        lambda q, i, s: (
            i is Intent.COUNT
            and plan_unit(q) is None
            and bool(asked_unit(q))
            and bool(q.topic_words)
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "how often a ministry is credited, with nothing else counted, is a count of its "
        "efforts: “how many times is MEXT listed”",
        lambda q, i, s: (
            i in (Intent.NUMBER, Intent.LIST)
            and asked_unit(q) == "time"
            and only_the_unit(q)
            and not s
            and bool(q.ministries or q.min_ministries)
        ),
        to(Intent.COUNT),
    ),
    Rule(
        "a count of something done, with nothing to filter efforts by, is a figure of it, "
        "not a count of every effort: “how many took the course on spotting grooming”",
        lambda q, i, s: (
            i is Intent.COUNT
            and plan_unit(q) is None
            and not q.unit
            and not q.has_filters
            and not s
            and len(q.own_words) >= 2
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "a list shared between ministries with no two named, or by more than it names, is a "
        "joint question: “which FY2020 efforts were carried out jointly”, “which efforts had "
        "MIC and MEXT and some third body”",
        lambda q, i, s: (
            i in (Intent.LIST, Intent.TOPIC, Intent.MINISTRIES, Intent.WHO)
            and not q.own_words
            and q.min_ministries >= 2
            and (len(q.ministries) < 2 or q.min_ministries > len(q.ministries))
        ),
        to(Intent.JOINT),
    ),
    Rule(
        "something the reports never give, asked as a figure, is a figure: given if a report "
        "has it, else declined: “how many offenders were convicted”",
        lambda q, i, s: (
            i is Intent.OUTSIDE and bool(asked_unit(q)) and plan_unit(q) is None and not q.countries
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "a figure asked of what the conversation is about, naming nothing else, is its "
        "figure: “so how much was that overall?”",
        lambda q, i, s: (
            i is Intent.OUTSIDE
            and q.refers_back
            and q.counted
            and not q.own_words
            and not q.countries
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "an open question asking a figure or a duration is a fact question: “how much did "
        "the campaign cost”, “how long does it run”; not a yes-or-no question whose verb "
        "takes the quantity (is there a tool that limits how long children game)",
        lambda q, i, s: (
            i is Intent.TOPIC
            and bool(asked_unit(q))
            and plan_unit(q) is None
            and not (q.yes_no and asks_quantity_inside(q.text))
        ),
        lambda q: Intent.PERIOD if asked_unit(q) == "duration" else Intent.NUMBER,
    ),
    Rule(
        "a share, a sum or a duration is no list of efforts: “what proportion of the items "
        "were deleted in 2020”, “what was the budget of MEXT in 2019”",
        lambda q, i, s: i is Intent.LIST and measure_of(q.unit) in ("percent", "money", "duration"),
        lambda q: Intent.PERIOD if measure_of(q.unit) == "duration" else Intent.NUMBER,
    ),
    Rule(
        "a count of something an effort counts, asked in a request's words, is a figure: "
        "“tell me number of safety class done in 2020 pls”",
        lambda q, i, s: (
            i is Intent.LIST
            and q.counted
            and bool(asked_unit(q))
            and plan_unit(q) is None
            and bool(q.topic_words)
        ),
        to(Intent.NUMBER),
    ),
    Rule(
        "a figure asked, after what it is about, with nothing to count but a noun it names "
        "asks its names: “the safety leaflet, what formats did it come in?”",
        lambda q, i, s: (
            i is Intent.NUMBER
            and not q.unit
            and not q.counted
            and bool(name_of(q.text))
            and not re.search(r"\bhow\b|^\W*(?:what|which)\b", q.text, re.I)
        ),
        to(Intent.NAME),
    ),
    Rule(
        "a count of places is a figure, not a place: “at how many venues was the forum held”",
        lambda q, i, s: i is Intent.WHERE and q.counted and is_place(asked_unit(q)),
        to(Intent.NUMBER),
    ),
    Rule(
        "“at which conference …” asks for a name, not a place (unless the unit is a "
        "duration asked beside it: where was it held, and how long was it?)",
        lambda q, i, s: (
            i is Intent.WHERE
            and bool(asked_unit(q))
            and not is_place(asked_unit(q))
            and measure_of(q.unit) is None
            and q.unit != "times"
        ),
        to(Intent.NAME),
    ),
    Rule(
        "the measures of a section, not its efforts, are its outline: “which measures are "
        "under pillar 3”",
        lambda q, i, s: (
            i in (Intent.LIST, Intent.TOPIC)
            and q.measures
            and q.section is not None
            and q.measure is None
            and not q.ministries
        ),
        to(Intent.STRUCTURE),
    ),
    Rule(
        "the plan's outline is asked with no topic of its own; with words of the reports it "
        "is an open question: “from which fiscal year does the increase in officers start”",
        lambda q, i, s: i is Intent.STRUCTURE and len(q.report_words) >= 2,
        to(Intent.TOPIC),
    ),
)
