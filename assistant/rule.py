"""What a refining rule is, and the slots' shapes the rules of :mod:`assistant.refine`
share: units of the plan itself, contact details, activities, the intents a role may
refine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.intents import Intent, stem
from assistant.query import Query

__all__ = [
    "ACTIVITIES",
    "CONTACTS",
    "OPEN_QUESTION_WORDS",
    "PLAN_UNITS",
    "ROLE_ASKS",
    "UNANSWERED_BY_FILTERS",
    "Rule",
    "asked_unit",
    "only_the_unit",
    "plan_unit",
    "to",
]

# Units of the plan itself: "how many sections" is a question about the plan's shape.
PLAN_UNITS = {
    "effort": Intent.COUNT,
    "measure": Intent.STRUCTURE,
    "sub-section": Intent.STRUCTURE,  # as a report may call its measures
    "subsection": Intent.STRUCTURE,
    "initiative": Intent.COUNT,
    "activity": Intent.COUNT,
    "thing": Intent.COUNT,
    "item": Intent.COUNT,
    "project": Intent.COUNT,
    "subparagraph": Intent.COUNT,  # as a cable calls its efforts
    "subpara": Intent.COUNT,
    "topic": Intent.STRUCTURE,  # as a compendium of press releases calls its measures
    "thread": Intent.STRUCTURE,  # … and a chat export
    "section": Intent.STRUCTURE,
    "pillar": Intent.STRUCTURE,
    "area": Intent.STRUCTURE,
    "report": Intent.STRUCTURE,
    "ministry": Intent.MINISTRIES,
    "agency": Intent.MINISTRIES,
    "ministrie": Intent.MINISTRIES,
    "agencie": Intent.MINISTRIES,
    "organisation": Intent.MINISTRIES,
    "organization": Intent.MINISTRIES,
    "bodie": Intent.MINISTRIES,
    "department": Intent.MINISTRIES,
}
# Names a question may ask for that are numbers or addresses rather than titles.
CONTACTS = frozenset({"number", "website", "url", "web address", "email address"})
# Things a ministry does that are efforts themselves: "which trainings did MHLW hold" asks
# for those efforts, not for names.
ACTIVITIES = frozenset(
    "trainings seminars sessions campaigns events surveys meetings workshops courses "
    "projects programmes programs classes lectures symposiums symposia forums conferences "
    "studies trials inspections crackdowns".split()
)
ROLE_ASKS = (Intent.AUDIENCE, Intent.WHO, Intent.NAME, Intent.TOPIC)
UNANSWERED_BY_FILTERS = frozenset({Intent.GLOSSARY, Intent.OUTSIDE, Intent.CHITCHAT})
# A question naming this many things of its own asks more than what a name stands for.
OPEN_QUESTION_WORDS = 4


def asked_unit(q: Query) -> str:
    return (q.unit or "").lower().rstrip("s")


def plan_unit(q: Query) -> Intent | None:
    return PLAN_UNITS.get(asked_unit(q))


def only_the_unit(q: Query) -> bool:
    """No topic beyond the unit itself ("how many efforts" vs "how many items did …")."""
    return not set(q.topic_words) - {stem(asked_unit(q))}


@dataclass(frozen=True)
class Rule:
    """``then`` replaces the intent when ``when`` holds; ``reason`` says why, with an example.

    ``when`` receives the query, the intent so far and whether the question is limited to
    the previous answer's efforts.
    """

    reason: str
    when: Callable[[Query, Intent, bool], bool]
    then: Callable[[Query], Intent]


def to(intent: Intent) -> Callable[[Query], Intent]:
    return lambda _q: intent
