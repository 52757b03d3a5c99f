"""Questions that ask two things at once, and answers that join two answers.

"When was the meeting held, and which one was it?" asks two facts of one effort: the
second is answered from the effort the first cites. "How many ministries took part in
FY2019, and how many in FY2025?" asks the first question again with another slot: the
second is read as a follow-on of the first ("and in FY2025?") and both answers are given,
one after the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.asked import MONEY_WORDS
from assistant.counted import counted_apart, shares_of_two_groups
from assistant.intents import Intent, stem
from assistant.models import Answer, Citation
from assistant.query import Query
from assistant.reader import Reader
from assistant.refine import refine
from assistant.text import joined_heads, two_asks

__all__ = ["FACT_INTENTS", "TwoAsks", "joined", "read_two_asks"]

# Intents that state one fact of one effort.
FACT_INTENTS = frozenset(
    {
        Intent.WHO,
        Intent.AUDIENCE,
        Intent.WHEN,
        Intent.PERIOD,
        Intent.NUMBER,
        Intent.NAME,
        Intent.WHERE,
    }
)
# Intents answered from filters, whose second ask may swap one filter ("and in FY2025?").
FILTER_INTENTS = frozenset({Intent.LIST, Intent.COUNT, Intent.JOINT, Intent.MINISTRIES})


@dataclass(frozen=True)
class TwoAsks:
    """The two parts of a question, read each on its own.

    ``same_effort``: the second asks a fact of the effort the first finds; otherwise it
    asks the first question again with what it names swapped in.
    """

    first: Query
    second: Query
    same_effort: bool
    more: tuple[Query, ...] = ()  # further facts of the same effort ("…, and who made it?")


def read_two_asks(reader: Reader, query: Query) -> TwoAsks | None:
    """The question's two asks, or None when it asks one thing (or the second part is
    neither a fact of the same effort nor the first question with another slot)."""
    apart = counted_apart(query.text)
    parts = two_asks(query.text) or joined_heads(query.text) or joined_facts(query.text) or apart
    if parts is None:
        return _another_group(reader, query)
    if parts == apart:
        # "how many cases and persons": the whole question, counting each noun in turn; "what
        # share of girls and of boys": each group's own question, the other left out
        first, second = (
            query.model_copy(update={"intent": Intent.NUMBER, "unit": reader.read(p).unit})
            if not shares_of_two_groups(query.text)
            else reader.read(p).model_copy(update={"intent": Intent.NUMBER})
            for p in parts
        )
        return TwoAsks(first, second, True)
    first = reader.read(parts[0])
    if (
        # "How many officials, and from how many countries, took part in …": no words but
        # the unit counted
        not set(first.own_words) - {stem(first.unit.lower()) if first.unit else ""}
        and query.own_words
        and refine(first, scoped=False).intent in FACT_INTENTS
    ):
        # "How many cases, and how many persons were cleared in the JK business crackdown?":
        # the effort is found by what the whole question is about
        first = first.model_copy(
            update={
                "topic": query.topic,
                "topic_words": query.topic_words,
                "report_words": query.report_words,
                "own_words": query.own_words,
                "time": first.time if first.time.any else query.time,
                "ministries": first.ministries or query.ministries,
                # "how many ppl came and who chaired it?": "it" is the previous answer's
                "refers_back": first.refers_back or query.refers_back,
            }
        )
    rest = [parts[1]]
    while len(rest) < MAX_ASKS - 1 and (split := two_asks(rest[-1], min_words=1)):
        rest[-1:] = list(split)  # "How many copies, to which pupils, and who made it?"
    # "…, and how many officials from how many countries took part?": two counts
    rest = [each for part in rest for each in (counted_apart(part) or (part,))][: MAX_ASKS - 1]
    facts = [_fact_ask(reader, part, query.text) for part in rest]
    asked_first = refine(first, scoped=False)
    if asked_first.intent in FACT_INTENTS:
        # "…, and what was it last time?": the first fact again, of another moment
        facts = [
            f.model_copy(
                update={
                    "intent": asked_first.intent,
                    "unit": first.unit,
                    # of the same thing: "junior high school students" of the first ask
                    "topic": f"{first.topic} {f.topic}".strip(),
                    "topic_words": tuple(dict.fromkeys(first.topic_words + f.topic_words)),
                }
            )
            if (
                f.intent in (Intent.FOLLOW_ON, Intent.TOPIC)
                # "…, and what was it in FY2079?": a year's list only by its words
                or (f.intent is Intent.LIST and f.refers_back and not f.own_words)
                # "…, and how many in the previous year?": the same count, then
                or (f.intent is asked_first.intent and not f.unit)
            )
            and _another_occasion(f, first)
            else _of_the_same(f, first)
            for f in facts
        ]
    if refine(first, scoped=False).intent is Intent.NUMBER and first.unit:
        # "How many consultations …, and how many did the CFA's receive?": the noun the
        # second leaves out is the first's
        facts = [
            f.model_copy(
                update={"intent": Intent.NUMBER, "unit": first.unit}
                # "…, and how many in FY2047?": of the same thing, named only before
                | ({} if f.own_words else {"topic": first.topic, "topic_words": first.topic_words})
            )
            if f.intent is Intent.COUNT and not f.unit
            else f
            for f in facts
        ]
    if (
        len(facts) == 1
        and facts[0].intent in FACT_INTENTS
        and (_swaps(first, facts[0]) or _asks_anew(first, facts[0]))
    ):
        # "How many did the CAO's service receive in FY2020, and how many did the CFA's
        # receive in FY2023?": another ministry or year is another effort, found again
        return TwoAsks(first, facts[0], same_effort=False)
    if all(f.intent in FACT_INTENTS for f in facts):
        return TwoAsks(first, facts[0], same_effort=True, more=tuple(facts[1:]))
    if (
        len(facts) == 1
        and asked_first.intent in FACT_INTENTS
        and facts[0].intent in FILTER_INTENTS
        and facts[0].ministries
        and facts[0].ministries != first.ministries
    ):
        # "How many attended the meeting, and what did MEXT do?": two questions, each
        # answered on its own
        return TwoAsks(first, facts[0], same_effort=False)
    kept = [f for f in facts if f.intent in FACT_INTENTS or _open_ask(f, first)]
    if kept and refine(first, scoped=False).intent in FACT_INTENTS:
        # "Which edition was published, in which month, and what new kind of case did it
        # add?": the facts it can read are answered, and the open part by the effort
        return TwoAsks(first, kept[0], same_effort=True, more=tuple(kept[1:]))
    second = facts[0] if len(facts) == 1 else refine(reader.read(parts[1]), scoped=False)
    swaps = _swaps(first, second)  # "What did MEXT do? What did MEXT do?" asks once
    if refine(first, scoped=False).intent in FILTER_INTENTS and swaps and not second.topic_words:
        # "…, and how many in FY2025?": the first question with another year
        return TwoAsks(first, second.model_copy(update={"intent": Intent.FOLLOW_ON}), False)
    if refine(first, scoped=False).intent is Intent.STRUCTURE and second.section is not None:
        # "How many sections does the report have, and what is section 4 called?": the
        # outline, then the section, each answered
        time = second.time if second.time.any else first.time
        return TwoAsks(first, second.model_copy(update={"time": time}), same_effort=False)
    return None


# "what % of women said so? and men?": the same fact of another group, named alone
_AND_GROUP = re.compile(
    r"^(?P<first>.+?\?)\s*(?:and|what\s+about|how\s+about)\s+(?:for\s+|of\s+|among\s+)?"
    r"(?P<group>(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?)\s*\??\s*$",
    re.I,
)


def _another_group(reader: Reader, query: Query) -> TwoAsks | None:
    """ "What % of women said they had? and men?" as the figure of women and the same of
    men; not "… in FY2019? and in FY2020?" (a slot swapped) nor a second question."""
    m = _AND_GROUP.match(query.text)
    if m is None:
        return None
    first = reader.read(m.group("first"))
    group = reader.read(m.group("group"))
    asked = refine(first, scoped=False).intent
    if asked not in FACT_INTENTS or group.has_filters:
        return None
    if not group.own_words or len(group.own_words) > 2:
        return None
    second = first.model_copy(
        update={
            "intent": asked,
            "text": f"and {m.group('group')}?",
            "topic": f"{first.topic} {group.topic}",
            "topic_words": tuple(dict.fromkeys(first.topic_words + group.topic_words)),
        }
    )
    return TwoAsks(first, second, same_effort=True)


def _open_ask(ask: Query, first: Query) -> bool:
    """Whether a part asks what was done, of the effort the first part finds: "…, and
    what new kind of case did it add?", "…, and how did it compare with the phone?"; not
    when it names a ministry, a year or a section of its own."""
    return ask.intent is Intent.TOPIC and not _swaps(first, ask)


# A second ask about this many things of its own is about another effort.
OWN_TOPIC_WORDS = 2


def _asks_anew(first: Query, second: Query) -> bool:
    """Whether a second "who" names something else of its own: "Who held the seminar for
    inspectors, and who sent the notice to medical institutions?" asks of two efforts
    ("…, and who made it?" asks of the first; so does "…, and how many copies went out
    to schools?")."""
    if not (refine(first, scoped=False).intent is second.intent is Intent.WHO):
        return False  # "…, and how many copies went to schools?" asks of the same effort
    own = set(second.own_words) - set(first.topic_words)
    return not second.refers_back and len(own) >= OWN_TOPIC_WORDS


def _swaps(first: Query, second: Query) -> bool:
    """Whether the second ask names a ministry, a time or a section the first does not
    ("…, and in how many police departments?" counts departments: no ministry named); a
    time only when the first names one too, or the second names a thing of its own."""
    return bool(
        (
            second.ministries
            and second.ministries != first.ministries
            and not _counts_of_ministry(second)
        )
        or (
            second.time.any
            and second.time != first.time
            and (first.time.any or _names(second))
            and not _earlier_figure(first, second)
        )
        or (second.section is not None and second.section != first.section)
    )


def _earlier_figure(first: Query, second: Query) -> bool:
    """Whether the second ask names only a year no report is loaded for, after a loaded
    year: "in the FY2036 survey …, and what was the figure in the FY2033 survey?" asks the
    earlier figure the same effort gives beside its own, not another effort."""
    t = second.time
    return bool(first.time.fiscal_years and t.uncovered and not t.fiscal_years and t.months is None)


def _names(q: Query) -> bool:
    """Whether an ask names something of its own beyond what it counts: "…, and how many
    consultations in FY2049?" counts those of the thing the first ask is about."""
    return bool(set(q.own_words) - {stem(q.unit or "")})


def _counts_of_ministry(q: Query) -> bool:
    """Whether a ministry is named only as what the counted noun belongs to: "how many
    police departments" (read "how many NPA departments")."""
    unit = re.escape(q.unit or "")
    return (
        bool(unit)
        and q.counted
        and all(re.search(rf"\b{re.escape(m)}\s+{unit}\b", q.text) for m in q.ministries)
    )


# At most this many asks are read out of one question.
MAX_ASKS = 4
_HOW_MUCH = re.compile(r"\bhow\s+much\b(?!\s+of\b)", re.I)


# Facts asked by their noun: "the phone number", "the opening hours", "the venue".
_FACT = (
    r"(?:(?:phone|telephone|contact|toll[- ]free)\s+number|(?:opening\s+|business\s+|"
    r"operating\s+)?hours|address|web\s*site|url|e-?mail(?:\s+address)?|dates?|venue|"
    r"location|name|title|deadline)"
)
_AND = r"\s*(?:,\s*)?(?:and|&|\+|plus)\s+(?:also\s+)?(?:the\s+|its\s+|their\s+)?"
# "the phone number and opening hours of the hotline"
_FACTS_JOINED = re.compile(
    rf"^(?P<lead>.*?)\b(?P<a>{_FACT}){_AND}(?P<b>{_FACT})\s+(?P<tail>(?:of|for)\b.*)$", re.I
)
# "the phone number of the hotline + opening hours?", "… of the hotline? and the hours?"
_FACT_ADDED = re.compile(
    rf"^(?P<head>.*?\b(?P<a>{_FACT})\s+(?:of|for)\s+[^?]+?)\s*\??{_AND}"
    rf"(?:(?:what|which)\s+(?:are|is)\s+(?:the\s+|its\s+)?)?(?P<b>{_FACT})\s*(?:\?|$)",
    re.I,
)


# "in which hall and prefecture did …": two things asked by one "which", each one of a kind
_WHICH_TWO = re.compile(
    # (things in lower case: "what NPA and MOFA did together" names two ministries)
    r"^(?P<lead>.*?\b(?:which|what))\s+(?P<a>(?-i:[a-z]+[a-rt-z]))\s+(?:and|&)\s+"
    r"(?P<b>(?-i:[a-z]+[a-rt-z]))\s+"
    r"(?P<tail>(?:did|was|were|is|are|do|does|has|had|will)\b.*)$",
    re.I,
)


def joined_facts(text: str) -> tuple[str, str] | None:
    """Two facts asked by their nouns, of one thing, as two questions: "the phone number
    and opening hours of the hotline?" and "the phone number of the hotline + opening
    hours?" as "the phone number of the hotline?" and "the opening hours of the hotline?"."""
    m = _FACTS_JOINED.match(text.strip())
    if m is not None:
        lead, tail = m.group("lead"), m.group("tail")
        return f"{lead}{m.group('a')} {tail}", f"{lead}{m.group('b')} {tail}"
    m = _WHICH_TWO.match(text.strip())
    if m is not None:  # "in which hall and prefecture did it take place?": each, asked
        lead, tail = m.group("lead"), m.group("tail")
        return f"{lead} {m.group('a')} {tail}", f"{lead} {m.group('b')} {tail}"
    m = _FACT_ADDED.match(text.strip())
    if m is None:
        return None
    head = m.group("head")
    at = m.start("a")
    return f"{head}?", f"{head[:at]}{m.group('b')}{head[m.end('a') :]}?"


# Words that make a thing already asked about another occasion of it: "the previous
# survey", "the prior year", "the earlier edition" (stems).
_OCCASION = frozenset({"previous", "prior", "earlier", "preced", "former", "last"})


# Words of a change, which name no thing of their own ("how much did it rise?") (stems).
_CHANGED = frozenset(
    stem(w) for w in "rise rose risen grow grew grown increase fall fell drop change".split()
)


def _of_the_same(ask: Query, first: Query) -> Query:
    """A figure asked of what the first ask named, by a pronoun and no noun of its own:
    "How many school counselors were there, and by how much did their number grow?" asks
    the counselors' growth, not any growth the effort gives."""
    if ask.intent is not Intent.NUMBER or ask.unit or not first.unit:
        return ask
    if refine(first, scoped=False).intent is not Intent.NUMBER:
        return ask  # "what was the theme …? and how many came": people, not themes
    if set(ask.own_words) - _CHANGED:
        return ask  # "…, and how many of them were online?" names its own thing
    return ask.model_copy(
        update={
            "unit": first.unit,
            "topic": f"{first.topic} {ask.topic}".strip(),
            "topic_words": tuple(dict.fromkeys(first.topic_words + ask.topic_words)),
        }
    )


def _another_occasion(ask: Query, first: Query) -> bool:
    """Whether the ask names nothing but the first ask's thing, perhaps at another
    occasion: "…, and what was it last time?", "…, and what was the figure in the
    previous survey?" after "what % of the companies in the survey had a policy"."""
    new = set(ask.own_words) - set(first.topic_words) - _OCCASION
    if new:
        return False
    when = (ask.time.fiscal_years, ask.time.uncovered, ask.time.months)
    if any(when) and when != (first.time.fiscal_years, first.time.uncovered, first.time.months):
        return True  # "…, and what was the figure in the FY2033 survey?": another year's
    return ask.refers_back if not ask.own_words else bool(set(ask.own_words) & _OCCASION)


def _fact_ask(reader: Reader, text: str, whole: str) -> Query:
    ask = refine(reader.read(text), scoped=False)
    if not ask.unit and _HOW_MUCH.search(text) and MONEY_WORDS.search(whole):
        # "how many NPOs got the grants, and how much was it in total?": a sum of money
        ask = ask.model_copy(update={"intent": Intent.NUMBER, "unit": "money"})
    if ask.intent is Intent.COUNT and ask.refers_back:
        # "…, and how many of them?" counts what the first part asked about
        ask = ask.model_copy(update={"intent": Intent.NUMBER})
    if ask.intent is Intent.MINISTRIES and ask.refers_back:
        # "…, and who made it?": who is credited with the effort the first part found
        ask = ask.model_copy(update={"intent": Intent.WHO})
    if ask.intent is Intent.COUNT and not ask.has_filters:
        # "how many persons?" after a fact: a figure of the same effort, not a count
        ask = ask.model_copy(update={"intent": Intent.NUMBER})
    return ask


def joined(first: Answer, second: Answer) -> Answer:
    """One answer holding both, the second's citations numbered after the first's."""
    # an effort both cite keeps its first number; the second's others follow the first's
    numbers = {c.effort_id: c.number for c in first.citations}
    renumber: dict[int, int] = {}
    added: list[Citation] = []
    for c in second.citations:
        if c.effort_id in numbers:
            renumber[c.number] = numbers[c.effort_id]
        else:
            renumber[c.number] = numbers[c.effort_id] = len(first.citations) + len(added) + 1
            added.append(c.model_copy(update={"number": renumber[c.number]}))
    text = re.sub(
        r"\[(\d+)\]", lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", second.text
    )
    citations = first.citations + tuple(added)
    # a quotation the first answer gave already is not given again
    text = "\n\n".join(p for p in text.split("\n\n") if p.strip() not in first.text)
    return first.model_copy(
        update={
            "text": f"{first.text}\n\n{text}",
            "citations": citations,
            "abstained": first.abstained and second.abstained,
        }
    )
