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

from assistant.intents import Intent
from assistant.models import Answer
from assistant.query import Query
from assistant.reader import Reader
from assistant.refine import refine
from assistant.text import two_asks

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


def read_two_asks(reader: Reader, query: Query) -> TwoAsks | None:
    """The question's two asks, or None when it asks one thing (or the second part is
    neither a fact of the same effort nor the first question with another slot)."""
    parts = two_asks(query.text)
    if parts is None:
        return None
    first = reader.read(parts[0])
    second = refine(reader.read(parts[1]), scoped=False)
    if second.intent is Intent.COUNT and second.refers_back:
        # "…, and how many of them?" counts what the first part asked about
        second = second.model_copy(update={"intent": Intent.NUMBER})
    if second.intent in FACT_INTENTS:
        return TwoAsks(first, second, same_effort=True)
    swaps = (
        (second.ministries and second.ministries != first.ministries)
        or (second.time.any and second.time != first.time)
        or (second.section is not None and second.section != first.section)
    )  # "What did MEXT do? What did MEXT do?" asks once
    if refine(first, scoped=False).intent in FILTER_INTENTS and swaps and not second.topic_words:
        # "…, and how many in FY2025?": the first question with another year
        return TwoAsks(first, second.model_copy(update={"intent": Intent.FOLLOW_ON}), False)
    return None


def joined(first: Answer, second: Answer) -> Answer:
    """One answer holding both, the second's citations numbered after the first's."""
    n = len(first.citations)
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + n}]", second.text)
    citations = first.citations + tuple(
        c.model_copy(update={"number": c.number + n}) for c in second.citations
    )
    return first.model_copy(
        update={
            "text": f"{first.text}\n\n{text}",
            "citations": citations,
            "abstained": first.abstained and second.abstained,
        }
    )
