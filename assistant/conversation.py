"""What a conversation carries from one answer to the next, and when it does.

A question is a follow-up only when it is elliptical or refers back: a short swap ("And
MHLW?", "what about July?"), a pick from the previous answer ("which of those were
joint?", "the second one"), or an intent missing what it needs, with a word pointing back
("who ran it?", "how many are there?"). A self-contained question starts fresh, whatever
came before. :func:`follow_up` returns the question with what it carried over, and says
what that was, so the answer can show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from assistant.intents import Intent, stem
from assistant.lemmas import plural_noun
from assistant.query import Query, TimeScope
from assistant.when import fiscal_year_of

__all__ = ["Context", "FollowUp", "follow_up", "relative_year"]

# Intents answered from filters (ministries, time, section); the rest need a topic.
FILTER_INTENTS = frozenset({Intent.LIST, Intent.COUNT, Intent.JOINT, Intent.MINISTRIES})
# Intents whose answer cannot be continued by swapping a slot.
NOT_CONTINUED = frozenset(
    {Intent.GLOSSARY, Intent.STRUCTURE, Intent.CHITCHAT, Intent.OUTSIDE, Intent.FOLLOW_ON}
)

# Intents that ask about the reports as a whole: a follow-up only when they point back.
STANDALONE = frozenset({Intent.GLOSSARY, Intent.STRUCTURE, Intent.CHITCHAT})


class Context(BaseModel):
    """The previous turn, as the next one may use it (JSON-safe, so a page can keep it).

    Attributes:
        question: The previous question as understood.
        intent: What it asked for.
        ministries, time, section, measure, measure_title, topic, topic_words, unit,
            min_ministries, all_ministries: Its slots.
        efforts: Ids of the efforts its answer cited, in order.
        scope: Ids of the efforts it was itself limited to ("which of those …"), if any:
            "And with MEXT?" asks the same of them.
    """

    model_config = ConfigDict(frozen=True)

    question: str = ""
    intent: Intent | None = None
    ministries: tuple[str, ...] = ()
    time: TimeScope = TimeScope()
    section: int | None = None
    also_sections: tuple[int, ...] = ()
    measure: tuple[int, int] | None = None
    measure_title: str | None = None
    topic: str = ""
    topic_words: tuple[str, ...] = ()
    unit: str | None = None
    min_ministries: int = 0
    all_ministries: bool = False
    efforts: tuple[str, ...] = ()
    scope: tuple[str, ...] | None = None

    @classmethod
    def of(
        cls, query: Query, efforts: tuple[str, ...], scope: tuple[str, ...] | None = None
    ) -> Context:
        return cls(
            question=query.text,
            intent=query.intent,
            ministries=query.ministries,
            time=query.time,
            section=query.section,
            also_sections=query.also_sections,
            measure=query.measure,
            measure_title=query.measure_title,
            topic=query.topic,
            topic_words=query.topic_words,
            unit=query.unit,
            min_ministries=query.min_ministries,
            all_ministries=query.all_ministries,
            efforts=efforts,
            scope=scope,
        )

    @property
    def empty(self) -> bool:
        return self.intent is None


@dataclass(frozen=True)
class FollowUp:
    """A question read in its conversation.

    Attributes:
        query: The question, with what it took from the previous turn filled in.
        scope: Effort ids it is limited to (the previous answer's), or None.
        carried: What was carried over, for the answer to say ("MEXT", "FY2019").
    """

    query: Query
    scope: tuple[str, ...] | None = None
    carried: tuple[str, ...] = ()


def _lacks_anchor(q: Query) -> bool:
    """Whether the intent is missing what it needs to stand alone."""
    if q.intent in FILTER_INTENTS:
        return not q.has_filters and not q.whole
    # "and how many persons?", "how many attended?": the unit asked and the words of
    # asking ("attended") are no topic of their own
    own = set(q.own_words) - ({stem(q.unit.lower())} if q.unit else set())
    # "who won?", "who was the speaker?": the part asked for is no topic either
    own -= {stem(w) for w in (q.role or "").lower().split()}
    if q.role == "winner":
        own -= _WON
    return not own


_WON = frozenset(stem(w) for w in "won win wins winning".split())


def _time_words(time: TimeScope) -> list[str]:
    if time.fiscal_years:
        return [f"FY{y}" for y in time.fiscal_years]
    if time.months:
        return ["the same months"]
    return []


def follow_up(q: Query, ctx: Context | None) -> FollowUp:
    """Read ``q`` in the light of the previous turn ``ctx`` (None: a fresh conversation)."""
    if q.intent is Intent.FOLLOW_ON and (ctx is None or ctx.empty):
        # "And MHLW?" with nothing before it: ask about what it names.
        return FollowUp(q.model_copy(update={"intent": _standalone(q)}))
    if ctx is None or ctx.empty:
        return FollowUp(q)
    if q.intent in STANDALONE and not q.refers_back and q.ordinal is None:
        # "What does METI stand for?", "What are the pillars?" after a list: about the
        # reports as a whole, whatever came before
        return FollowUp(q)
    if _OTHER_YEARS.search(q.text) and not q.time.any and (q.topic_words or ctx.topic_words):
        return _in_every_year(q, ctx)
    picks = (q.subset or q.ordinal is not None) and bool(ctx.efforts)
    if picks:  # "and which of those were joint with the NPA?" picks, it does not swap
        return _pick(q, ctx)
    if q.intent is Intent.FOLLOW_ON and q.refers_back and q.topic_words and not q.has_filters:
        # "and did they check whether it worked?": asks about the previous answer's
        # efforts, swapping nothing in
        return _inherit(q.model_copy(update={"intent": Intent.TOPIC}), ctx)
    if q.intent is Intent.FOLLOW_ON:
        return _swap(q, ctx)
    if q.refers_back or _lacks_anchor(q) or _echoes(q, ctx) or _restates(q, ctx):
        return _inherit(q, ctx)
    return FollowUp(q)


# The facts one effort gives, asked of the effort just spoken of.
_FACTS = frozenset(
    {Intent.NUMBER, Intent.WHEN, Intent.PERIOD, Intent.WHERE, Intent.WHO, Intent.NAME}
)


def _echoes(q: Query, ctx: Context) -> bool:
    """Whether a fact question names nothing but what the previous question was about:
    "how many kids were surveyed?" after "what did the CFA survey of high schoolers look
    at?" asks of that survey."""
    if q.intent not in _FACTS or q.has_filters or not ctx.efforts:
        return False
    own = set(q.own_words) - ({stem(q.unit.lower())} if q.unit else set())
    return bool(own) and own <= set(ctx.topic_words)


# Words that set a count beside another, naming no thing of their own: "… vs the year before".
_VERSUS = frozenset({"vs", "versus"})


def _restates(q: Query, ctx: Context) -> bool:
    """Whether a bare count names only the time the previous question named: "how many
    are there in FY2065?" after "child welfare officers FY2065?" counts those officers."""
    return (
        q.intent is Intent.COUNT
        and not set(q.own_words) - _VERSUS
        and not q.ministries
        and q.section is None
        and q.time.any
        and q.time == ctx.time
    )


def _standalone(q: Query) -> Intent:
    return Intent.LIST if q.has_filters and not q.topic_words else Intent.TOPIC


def _carry_filters(q: Query, ctx: Context, update: dict[str, object]) -> list[str]:
    """Take the previous turn's ministries and time where ``q`` names none; say which."""
    carried: list[str] = []
    if not q.ministries and ctx.ministries:
        update["ministries"] = ctx.ministries
        carried += ctx.ministries
    if not q.time.any and ctx.time.any:
        update["time"] = ctx.time
        carried += _time_words(ctx.time)
    named = q.section is not None or q.measure is not None or q.measure_title is not None
    if not named and not q.ministries:
        # "And what efforts are listed under it?" after a question about measure 3.2
        if ctx.measure is not None or ctx.measure_title is not None:
            update.update(section=ctx.section, measure=ctx.measure, measure_title=ctx.measure_title)
            update["also_sections"] = ctx.also_sections
            carried.append(_measure_words(ctx))
        elif ctx.section is not None and q.intent in FILTER_INTENTS:
            update.update(section=ctx.section, also_sections=ctx.also_sections)
            carried.append(_section_words(ctx.section, ctx.also_sections))
    return carried


def _section_words(section: int, also: tuple[int, ...]) -> str:
    """ "section 4", "sections 4, 5 and 6"."""
    if not also:
        return f"section {section}"
    *rest, last = (section, *also)
    return f"sections {', '.join(map(str, rest))} and {last}"


def _measure_words(ctx: Context) -> str:
    if ctx.measure is not None and ctx.measure[1] > 0:
        return f"measure {ctx.measure[0]}.{ctx.measure[1]}"
    return f"“{ctx.measure_title}”" if ctx.measure_title else "the same measure"


def _swap(q: Query, ctx: Context) -> FollowUp:
    """ "And MHLW?": the previous question again, with what this one names swapped in."""
    intent = ctx.intent if ctx.intent not in NOT_CONTINUED and ctx.intent else _standalone(q)
    update: dict[str, object] = {"intent": intent}
    if ctx.all_ministries and len(q.ministries) == len(ctx.ministries) > 1:
        # "the same for MOJ and CFA" after what the police shared with CFA: by both, too
        update["all_ministries"] = True
    carried = _carry_filters(q, ctx, update)
    if q.time.any and q.time.months is not None and not q.time.fiscal_years and _years_of(ctx.time):
        # "what about in December?" keeps the previous year
        years = _years_of(ctx.time)
        months = tuple(m for m in q.time.months if _in_years(m, years))
        if months:
            update["time"] = q.time.model_copy(update={"months": months})
            carried += [f"FY{y}" for y in years]
    if q.section is None and ctx.section is not None and not q.ministries:
        update.update(section=ctx.section, also_sections=ctx.also_sections)
        carried.append(_section_words(ctx.section, ctx.also_sections))
    if not q.topic_words and ctx.topic_words:
        update.update(topic=ctx.topic, topic_words=ctx.topic_words, unit=q.unit or ctx.unit)
        carried.append(f"“{ctx.topic}”")
    scope = ctx.scope
    if scope and _another_year(q, ctx.model_copy(update={"efforts": scope})):
        # "now the same for 2023" after "only the ones done with another body": the same
        # question of that year, not of the efforts picked from the last one
        scope = None
        if ctx.min_ministries and not q.min_ministries:
            update["min_ministries"] = ctx.min_ministries
    if scope:
        # "Which of those were joint with the NPA?" "And with MEXT?": of the same efforts
        carried.append(f"the same {len(scope)} efforts")
    return FollowUp(q.model_copy(update=update), scope or None, tuple(carried))


def _pick(q: Query, ctx: Context) -> FollowUp:
    """ "Which of those …", "the second one": the previous answer's efforts."""
    efforts = ctx.efforts
    if q.ordinal is not None:
        n = q.ordinal
        if not (n == -1 or 1 <= n <= len(efforts)):
            return FollowUp(q, (), (f"the previous answer's {len(efforts)} efforts",))
        efforts = (efforts[n - 1 if n > 0 else -1],)
    intent = q.intent
    if intent in (Intent.TOPIC, Intent.FOLLOW_ON) and not q.topic_words:
        intent = Intent.LIST
    if intent is Intent.COUNT and len(efforts) == 1:
        # "how many of those were about sexual harm?" after one effort: a figure it gives
        intent = Intent.NUMBER
    update: dict[str, object] = {"intent": intent}
    if q.ordinal is None and not q.ministries and ctx.ministries:
        # "only the ones done with another body" after MEXT's list: still MEXT's, which a
        # later "now the same for 2023" asks of that year
        update["ministries"] = ctx.ministries
    return _within(q.model_copy(update=update), efforts)


def _within(q: Query, efforts: tuple[str, ...]) -> FollowUp:
    """``q`` limited to the previous answer's ``efforts``, and saying so."""
    what = "effort" if len(efforts) == 1 else f"{len(efforts)} efforts"
    return FollowUp(q, efforts, (f"the previous answer's {what}",))


def _inherit(q: Query, ctx: Context) -> FollowUp:
    """ "Who ran it?", "how many are there?", "what did they do in 2020?"."""
    update: dict[str, object] = {}
    counted = _counted_of(q, ctx)
    if counted:
        # "how many are there now?" after "school social workers in FY2062?": how many of
        # the things asked about, which the efforts just given may count, not the year's
        # efforts
        update = {"intent": Intent.NUMBER, "unit": counted}
        update.update(topic=ctx.topic, topic_words=ctx.topic_words)
        return _within(q.model_copy(update=update), ctx.efforts)
    if q.intent in FILTER_INTENTS:
        carried = _carry_filters(q, ctx, update)
        if ctx.efforts and not q.has_filters and (not update or q.intent is Intent.MINISTRIES):
            # "which ministry did that?": who did the efforts just given, not who was
            # active in the months they were asked for
            return _within(q, ctx.efforts)
        return FollowUp(q.model_copy(update=update), None, tuple(carried))
    if ctx.efforts and not _another_year(q, ctx):
        return _within(q, ctx.efforts)
    return _carrying(q, ctx, update)


def _carrying(q: Query, ctx: Context, update: dict[str, object]) -> FollowUp:
    """``q`` with the previous question's thing and ministries where it names none."""
    carried: list[str] = []
    if not q.topic_words and ctx.topic_words:
        update.update(topic=ctx.topic, topic_words=ctx.topic_words)
        carried.append(f"“{ctx.topic}”")
    if not q.ministries and ctx.ministries:
        update["ministries"] = ctx.ministries
        carried += ctx.ministries
    return FollowUp(q.model_copy(update=update), None, tuple(carried))


# "did they do it in other years too?", "every year?": the same, asked of all the years
_OTHER_YEARS = re.compile(
    r"\b(?:(?:in|for)\s+)?(?:other|different|the\s+other|earlier|later|all\s+the|all)\s+"
    r"(?:fiscal\s+)?(?:years|reports)\b|\b(?:every|each)\s+(?:single\s+)?(?:fiscal\s+)?year\b",
    re.I,
)


def _in_every_year(q: Query, ctx: Context) -> FollowUp:
    """The previous question's thing (or the one named now) and ministries, in every year
    loaded, searched afresh rather than among the efforts just given."""
    return _carrying(q, ctx, {"intent": Intent.TOPIC, "subset": False, "refers_back": False})


def _another_year(q: Query, ctx: Context) -> bool:
    """Whether a follow-up names only fiscal years none of the efforts just given is of:
    "whats the rate for 2020 then" asks the same of FY2020, not of those efforts."""
    years = {f"fy{y}-" for y in q.time.fiscal_years}
    return bool(years) and not any(e.startswith(tuple(years)) for e in ctx.efforts)


def _counted_of(q: Query, ctx: Context) -> str | None:
    """The things a bare count ("how many are there?") counts when the previous question
    asked about them by name, with no ministry: the first plural noun of its topic
    ("school social workers", "the shelters for girls"); None otherwise (a count of the
    efforts listed)."""
    if q.intent is not Intent.COUNT or set(q.own_words) - _VERSUS or q.ministries or q.unit:
        return None
    if ctx.intent in FILTER_INTENTS or ctx.ministries or not ctx.efforts or not ctx.topic:
        return None
    words = (w.strip("?!.,") for w in ctx.topic.split())
    return next((w for w in words if plural_noun(w)), None)


def _years_of(time: TimeScope) -> tuple[int, ...]:
    """The fiscal years a time scope is in: named, or those of its months."""
    if time.fiscal_years:
        return time.fiscal_years
    return tuple(sorted({fiscal_year_of(m) for m in time.months or ()}))


def _in_years(month: str, years: tuple[int, ...]) -> bool:
    return fiscal_year_of(month) in years


# A year named relative to the one before it in a conversation ("and the year before?").
_RELATIVE_YEAR = re.compile(
    r"\b(?:the|a|one)\s+(?:fiscal\s+)?year\s+(?P<back>before|earlier|prior)\b|"
    r"\b(?:the|a|one)\s+(?:fiscal\s+)?year\s+(?P<on>after|later)\b|"
    r"\b(?:the\s+)?(?P<back2>previous|prior|preceding)\s+(?:fiscal\s+)?year\b|"
    r"\b(?:the\s+)?(?P<on2>following|next|subsequent)\s+(?:fiscal\s+)?year\b",
    re.I,
)


def relative_year(text: str) -> tuple[int, int, int] | None:
    """A year named relative to another: (shift, start, end) of the phrase, or None.

    Example:
        >>> relative_year("And the year before?")
        (-1, 4, 19)
    """
    m = _RELATIVE_YEAR.search(text)
    if m is None:
        return None
    shift = -1 if m.group("back") or m.group("back2") else 1
    return shift, m.start(), m.end()
