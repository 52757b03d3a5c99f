"""The intent table: for each :class:`~assistant.intents.Intent`, how it is answered.

Each row names the function that selects efforts for its intent and writes from them
(with the answerer's composer, writers and retriever), and says in a few words what the
answer gives. How an intent is recognised lives in ``data/intents.md``; adding a kind of
question is adding examples there and a row here. :class:`~assistant.answer.Answerer`
reads a question into a :class:`Turn` and calls the row of its intent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.compose_facts import asks_each_year
from assistant.facts_names import explained_in
from assistant.intents import Intent, stem
from assistant.literal import holds_identifiers, identifiers, literal_terms
from assistant.models import Answer, AppliedFilters
from assistant.query import Query
from index.documents import CitedEffort

if TYPE_CHECKING:
    from assistant.answer import Answerer

__all__ = ["INTENTS", "IntentRow", "Turn"]


@dataclass(frozen=True)
class Turn:
    """One question being answered: the read query and where it may look."""

    query: Query
    mask: np.ndarray | None  # efforts it may use (filters, scope, the caller's filters)
    filters: AppliedFilters
    scoped: bool = False  # limited to the previous answer's efforts
    scope: tuple[str, ...] | None = None  # their ids
    follows: bool = False  # read in a conversation: something carried over, or a scope


@dataclass(frozen=True)
class IntentRow:
    """How one intent is answered: it selects efforts and writes from them.

    ``answer`` receives the answerer (its composer, writer and retriever) and the turn.
    """

    intent: Intent
    answer: Callable[[Answerer, Turn], Answer]
    about: str


def _list(a: Answerer, t: Turn) -> Answer:
    return a.compose.efforts_list(t.query, a.filtered(t), t.filters, scoped=t.scoped)


def _count(a: Answerer, t: Turn) -> Answer:
    joint = t.query.min_ministries >= 2
    efforts = a.filtered(t, joint=joint)
    if set(t.query.own_words) & set(t.query.report_words) and not t.scoped:
        # "how many FY2088 efforts mention an embassy": those that hold the words; none
        # holding them, what is closest in meaning, as such
        held = {e.id for e in a.retriever.held.mentioning(t.query, t.mask)}
        efforts = [e for e in efforts if e.id in held]
        if not efforts:
            return _topic(a, t)
        # the words as the efforts write them ("embassies" for "an embassy or embassies")
        terms = literal_terms(t.query.topic, " … ".join(e.text for e in efforts), single=True)
        return a.compose.count_answer(t.query, efforts, t.filters, joint=joint, terms=terms)
    return a.compose.count_answer(t.query, efforts, t.filters, joint=joint)


def _joint(a: Answerer, t: Turn) -> Answer:
    at_least = max(2, t.query.min_ministries)
    efforts = a.filtered(t, joint=True)
    return a.compose.joint_list(t.query, efforts, t.filters, at_least, scoped=t.scoped)


def _ministries(a: Answerer, t: Turn) -> Answer:
    q = t.query.model_copy(update={"ministries": ()})
    efforts = a.filtered(Turn(q, t.mask, t.filters))
    if t.scoped and len(efforts) == 1:
        # "which ministry did that?" of the one effort just given: who was responsible
        return a.facts.fact(q.model_copy(update={"intent": Intent.WHO}), efforts, t.filters)
    return a.compose.ministries_overview(q, efforts, t.filters)


def _fact(a: Answerer, t: Turn) -> Answer:
    found = a.retriever.retrieve(
        t.query, t.mask, scoped=t.scoped, order=t.scope or (), follows=t.follows
    )
    if found.off_topic:
        return a.facts.out_of_scope(t.query)
    if not found.efforts:
        return a.facts.not_given(t.query, a.facts.missing(t.query, []), [], t.filters)
    pool = found.facts
    if not t.scoped and _of_the_whole_plan(a, t.query):
        # "the total budget for the whole basic plan": no effort's sum is the plan's; a
        # body's own only where an effort states it of the body it names
        pool = _of_the_body(a, found.efforts, t.query)
        if not pool:
            whole = "the plan as a whole" if t.query.whole else "a ministry or a year"
            asked = f"total {t.query.unit}" if t.query.unit else "figure"
            return a.facts.not_given(t.query, f"a {asked} of {whole}", [], t.filters)
    marks = identifiers(t.query.topic)
    if asks_each_year(t.query):
        # "the deletion rate in FY2020 and in FY2023": each year's best effort, though
        # one year's is nearer the question than the other's
        pool = [*found.facts, *(e for e in found.efforts if e not in found.facts)]
    efforts = [e for e in pool if holds_identifiers(e, marks)]
    if not efforts:  # "when was the 5th meeting?" when the reports hold the 4th
        named = " ".join(f"“{m}”" for m in marks)
        return a.facts.not_given(t.query, f"anything on {named}", found.efforts, t.filters)
    answer = a.facts.fact(t.query, efforts, t.filters)
    if answer.abstained and t.query.intent is Intent.WHERE and _WHERE_TO_TURN.match(t.query.text):
        # "where can parents learn to block bad sites?" asks what there is to turn to: an
        # effort that offers it answers, with no venue to give
        return _topic(a, t)
    return answer


# A place asked as somewhere to turn to: "where can moms and dads learn …", "where do I go".
_WHERE_TO_TURN = re.compile(
    r"^\W*where\s+(?:can|could|should|do|does|would|might|may)\s+(?:\w+\s+){1,4}?"
    r"(?:find|learn|get|go|turn|look|read|see|download|ask|access)\b",
    re.I,
)


# Words that say a figure is of everything at once ("the total budget for the whole plan").
_WHOLE_WORDS = frozenset(stem(w) for w in "total whole overall entire all".split())
_BUDGETS = frozenset("budget budgets spending expenditure funding".split())


def _of_the_body(a: Answerer, efforts: list[CitedEffort], q: Query) -> list[CitedEffort]:
    """The efforts that name a body asked about and state the figure by the question's
    own word: "Established the Online Safety Commission …, with … a budget of 4.3
    billion yen" gives the commission's budget."""
    said = re.compile(rf"\b{re.escape(q.unit or '')}\s+of\s+(?:about\s+)?[\d¥$]", re.I)
    names = [a.corpus.glossary.get(m, m).lower() for m in q.ministries]
    return [
        e
        for e in efforts
        if names and any(n in e.text.lower() for n in names) and said.search(e.text)
    ]


def _of_the_whole_plan(a: Answerer, q: Query) -> bool:
    """Whether a figure is asked of the plan itself, or a sum of a ministry's or a year's
    whole ("the CFA's total budget for FY2038"), not of anything done under them."""
    if q.intent is not Intent.NUMBER or not q.unit:
        return False
    own = set(q.topic_words) - {stem(q.unit)}
    if q.whole:
        return bool(own) and own <= a.reader.plan_words | _WHOLE_WORDS
    # a budget asked of nothing but a ministry or a year: theirs as a whole
    return q.unit.lower() in _BUDGETS and own <= _WHOLE_WORDS and q.has_filters


def _topic(a: Answerer, t: Turn) -> Answer:
    q = t.query
    if not t.scoped and not q.ministries and a.retriever.only_a_place(q):
        return a.facts.out_of_scope(q)  # "best onsen near niigata?": only the place is theirs
    named = a.retriever.held.named_phrase(q, t.mask) if not t.scoped else []
    # "anything on the Internet Hotline Center?": every effort that names it; "which
    # efforts bring up grooming": every effort that holds the term
    named = named or (a.retriever.held.listed(q, t.mask) if not t.scoped else [])
    if named:
        return a.facts.mentions(q, named, t.filters)
    found = a.retriever.retrieve(q, t.mask, scoped=t.scoped, order=t.scope or (), follows=t.follows)
    if found.efforts and q.yes_no and _asks_an_effect(q, found.efforts[0]):
        # "Did the model project reduce how often children retell their story?": what an
        # effort achieved is a judgement the reports do not make, unless the effort says so
        return a.facts.not_given(q, "a judgement of its effect", found.efforts, t.filters)
    if found.efforts:
        return a.facts.matches(q, found, t.filters)
    if found.off_topic:
        return a.facts.out_of_scope(q)
    if q.ministries and not t.scoped and q.time.months is None and not a.filtered(t):
        # "is any effort credited to CAS at all?": none is in the years asked, whatever it
        # is about (within a month, a topic none of its efforts is about is not answered)
        return a.compose.efforts_list(q, [], t.filters)
    if t.mask is not None and (q.ministries or q.time.any or t.filters != AppliedFilters()):
        within = f"{a.compose.names(q.ministries)}'s efforts" if q.ministries else "the efforts"
        return a.facts.nothing_matches(q, t.filters, within=within)
    if t.mask is not None:
        return a.facts.nothing_matches(q, t.filters, within="the previous answer's efforts")
    return a.facts.out_of_scope(q)


# Verbs that ask what an effort achieved rather than what was done (stems).
_EFFECTS = frozenset(
    stem(w)
    for w in "reduce reduced decrease decreased curb improve improved succeed effective".split()
)


def _asks_an_effect(q: Query, e: CitedEffort) -> bool:
    """Whether a yes-or-no question asks for an effect the effort does not state."""
    words = set(re.findall(r"[a-z]+", q.text.lower()))
    asked = {stem(w) for w in words} & _EFFECTS
    return bool(asked) and not asked & {stem(w) for w in re.findall(r"[a-z]+", e.text.lower())}


def _mentions(a: Answerer, t: Turn) -> Answer:
    efforts = a.retriever.held.mentioning(t.query, t.mask)
    if not efforts:  # no effort holds the words: what is closest in meaning
        return _topic(a, t)
    return a.facts.mentions(t.query, efforts, t.filters)


def _glossary(a: Answerer, t: Turn) -> Answer:
    q = t.query
    if q.term not in a.compose.terms:  # "what does ura-aka mean": a term an effort explains
        for e in a.index.efforts:
            found = explained_in(e.text, q.topic)
            if found is not None:
                return a.plan.explained(q, e, *found)
    return a.plan.glossary(q)


def _structure(a: Answerer, t: Turn) -> Answer:
    return a.plan.structure(t.query, a.filtered(t))


def _chitchat(a: Answerer, t: Turn) -> Answer:
    return a.facts.chitchat(t.query)


def _compare(a: Answerer, t: Turn) -> Answer:
    return a.comparer.answer(t.query, t.filters, scope=t.scope)


def _outside(a: Answerer, t: Turn) -> Answer:
    found = a.retriever.retrieve(t.query, t.mask, follows=t.follows)
    # The nearest effort is offered only when it is near: a cover letter or a restaurant
    # has no "closest effort" worth reading.
    nearest = [] if found.weak else found.efforts[:1]
    return a.facts.outside(t.query, nearest, t.filters)


INTENTS: dict[Intent, IntentRow] = {
    row.intent: row
    for row in (
        IntentRow(Intent.LIST, _list, "the efforts that pass the filters, in plan order"),
        IntentRow(Intent.COUNT, _count, "how many efforts pass the filters, and which"),
        IntentRow(Intent.JOINT, _joint, "efforts credited to two (or more) ministries"),
        IntentRow(Intent.MINISTRIES, _ministries, "each ministry's number of efforts"),
        IntentRow(Intent.WHO, _fact, "the ministries of the best-matching effort"),
        IntentRow(Intent.AUDIENCE, _fact, "who the best-matching effort was for or went to"),
        IntentRow(Intent.WHEN, _fact, "the date the best-matching effort gives"),
        IntentRow(Intent.PERIOD, _fact, "the duration the best-matching effort gives"),
        IntentRow(Intent.NUMBER, _fact, "the figure of the asked unit an effort gives"),
        IntentRow(Intent.NAME, _fact, "the name an effort gives"),
        IntentRow(Intent.WHERE, _fact, "the place an effort gives"),
        IntentRow(Intent.WHICH_SECTION, _fact, "the section and measure of the effort"),
        IntentRow(Intent.GLOSSARY, _glossary, "the full name from the reports' glossary"),
        IntentRow(Intent.STRUCTURE, _structure, "the reports' sections and fiscal years"),
        IntentRow(Intent.TOPIC, _topic, "the efforts that match, quoted (the safe default)"),
        IntentRow(Intent.MENTIONS, _mentions, "every effort that holds the words, else _topic"),
        IntentRow(Intent.COMPARE, _compare, "two years' efforts matched: new, continued, stopped"),
        IntentRow(Intent.OUTSIDE, _outside, "what the reports do not give; nearest effort"),
        IntentRow(Intent.CHITCHAT, _chitchat, "what the assistant can do"),
    )
}
