"""Writing fact answers, topic answers and refusals.

A fact answer states a typed span of its cited effort (``facts.py``) or says the reports
do not give it, offering the nearest effort *as such*; a refusal says what the reports do
not cover. Nothing here reads the question text: only the :class:`Query`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.compose import Composer, count, fiscal_span, restate, years_phrase
from assistant.fact_leads import Leads
from assistant.intents import Intent
from assistant.literal import literal_terms
from assistant.models import Answer, AppliedFilters
from assistant.query import Query
from assistant.retrieval import Found
from index.documents import CitedEffort

__all__ = ["FactWriter", "asks_each_year"]

HEDGE = "The reports do not answer this directly; the closest"
_UNIT_WORDS = {
    "age": "ages",
    "duration": "how long it lasted",
    "percent": "that share",
    "money": "sums of money or budgets",
}


def _quote(e: CitedEffort, n: int = 1) -> str:
    return f"> {e.text} [{n}]"


def _where(e: CitedEffort) -> str:
    return f"§{e.section} {e.section_title} › {e.measure_title}"


# At most this many efforts are listed as mentioning a term; the answer says how many.
MAX_LISTED = 12


class FactWriter:
    """Fact answers and refusals for one corpus, on top of a :class:`Composer`."""

    def __init__(self, compose: Composer) -> None:
        self.c = compose
        self.leads = Leads(compose)

    # -- refusals ------------------------------------------------------------------------

    def unknown_ministry(self, q: Query) -> Answer:
        known = ", ".join(self.c.terms) or "none"
        text = (
            f"The reports do not cover “{q.unknown_ministries[0]}”: no such ministry or agency "
            f"appears in the loaded reports (they name {known})."
        )
        return self.c.answer(q, text, "not_covered", abstained=True)

    def year_not_covered(self, q: Query) -> Answer:
        missing = " or ".join(str(y) for y in q.time.uncovered)
        loaded = years_phrase(self.c.corpus.fiscal_years)
        text = (
            f"No report for {missing} is loaded, so I cannot say what was done then. "
            f"The loaded reports cover {loaded}; to ask about {missing}, load its report "
            "(`--corpus PATH`)."
        )
        return self.c.answer(q, text, "year_not_covered")

    def out_of_scope(self, q: Query) -> Answer:
        years = years_phrase(self.c.corpus.fiscal_years)
        text = (
            f"The loaded plan reports ({years}) do not cover this, so I cannot answer it from them."
        )
        return self.c.answer(q, text, "outside", abstained=True)

    def not_given(
        self, q: Query, what: str, nearest: Sequence[CitedEffort], filters: AppliedFilters
    ) -> Answer:
        """The reports do not give ``what``; the nearest effort is offered as such."""
        text = f"The reports do not give {what}."
        if not nearest:
            return self.c.answer(q, text, "outside", (), filters, abstained=True)
        e = nearest[0]
        text += f" The closest effort they list is [1]:\n\n{_quote(e)}"
        return self.c.answer(q, text, "outside", nearest[:1], filters, abstained=True)

    def outside(self, q: Query, nearest: Sequence[CitedEffort], filters: AppliedFilters) -> Answer:
        if q.countries:
            what = (
                f"other countries' measures ({', '.join(q.countries)}): they describe Japan's own"
            )
        elif q.unit in _UNIT_WORDS or q.unit:
            what = self._unit_phrase(q)
        else:
            what = (
                "this: they list what each ministry did, not statistics, budgets, the "
                "contents of laws or judgements of how well measures worked"
            )
        return self.not_given(q, what, nearest, filters)

    def _unit_phrase(self, q: Query) -> str:
        unit = q.unit or ""
        if unit in _UNIT_WORDS:
            return _UNIT_WORDS[unit]
        if not unit:
            return "such a figure"
        # "a number of officers", but "a salary figure"
        plural = unit.endswith("s") or unit.lower() in ("people", "children", "staff")
        article = "an" if unit[:1].lower() in "aeiou" else "a"
        return f"a number of {unit}" if plural else f"{article} {unit} figure"

    def chitchat(self, q: Query) -> Answer:
        years = years_phrase(self.c.corpus.fiscal_years)
        ministries = list(self.c.terms)[:2] or ["a ministry"]
        text = (
            f"I answer questions about the efforts reports on the Basic Plan on Measures "
            f"against Child Sexual Exploitation ({years}), citing the efforts I rely on. "
            f"Ask, for example, *What did {ministries[0]} do?*, *What happened in a given "
            "month?* or about a topic such as hotlines or online safety."
        )
        return self.c.answer(q, text, "chitchat")

    def need_more(self, q: Query) -> Answer:
        text = (
            "Could you say a little more? Ask about a ministry (“What did MEXT do?”), a date, "
            "a section, or a topic of the plan."
        )
        return self.c.answer(q, text, "invalid")

    def nothing_matches(self, q: Query, filters: AppliedFilters, *, within: str) -> Answer:
        text = f"None of {within} {self.c.scope(q.time)} is about that, as far as the reports say."
        return self.c.answer(q, text, "topic", (), filters, abstained=True)

    # -- topic answers ---------------------------------------------------------------------

    def matches(self, q: Query, found: Found, filters: AppliedFilters) -> Answer:
        """Efforts that answer an open question, quoted; a name or figure of the question
        found word for word narrows the answer to the efforts that hold it."""
        efforts = found.efforts
        if found.weak:  # the closest effort, said as such, and any others as close
            e = efforts[0]
            opening = f"{HEDGE} effort is this one: "
            if len(efforts) == 1:
                said = f"{opening}{restate(e, self.c.names(e.ministries))} [1]."
                return self.c.answer(q, f"{said}\n\n{_quote(e)}", "topic", efforts, filters)
            return self.c.listing(
                q, f"{HEDGE} efforts are:", efforts, "topic", filters,
                stated="Also close:", opening=opening,
            )
        terms = " and ".join(f"“{t}”" for t in found.literal)
        # a ministry's effort under a measure titled with the words mentions them too
        mentioning = [
            e
            for e in efforts
            if all(
                t.lower() in e.text.lower()
                or (q.ministries and t.lower() in e.measure_title.lower())
                for t in found.literal
            )
        ]
        if found.literal and len(mentioning) == 1 and found.pinned:
            efforts = mentioning
        if len(efforts) == 1:
            e = efforts[0]
            who = self.c.names(e.ministries)
            said = restate(e, who)
            if found.literal:
                yes = "Yes: the report" if q.yes_no and found.covered else "The report"
                said = f"{yes} mentions {terms} in this effort. {said}"
            return self.c.answer(q, f"{said} [1].\n\n{_quote(e)}", "topic", efforts, filters)
        if found.literal and len(mentioning) > 1:
            lead = f"The reports mention {terms} in these efforts:"
            # a phrase, or words found together, is what was asked about; one word
            # ("meeting") may be incidental, so efforts close in meaning stay
            phrase = len(found.literal) > 1 or " " in found.literal[0]
            # within one ministry's few efforts, those close in meaning stay beside the
            # ones holding the phrase ("sexual offenses" beside "sex offenders")
            kept = not phrase or bool(q.ministries)
            efforts = mentioning + ([e for e in efforts if e not in mentioning] if kept else [])
            others = f"The reports also mention {terms} in:" if phrase else "Also related:"
            if phrase and q.ministries and len(efforts) > len(mentioning):
                others = f"Other efforts by {self.c.names(q.ministries)} that match:"
        elif q.ministries:
            lead = f"These efforts by {self.c.names(q.ministries)} match:"
            others = f"Other efforts by {self.c.names(q.ministries)} that match:"
        else:
            lead = "The reports list these related efforts:"
            others = "Also related:"
        # the best match is said as the answer; the others follow as a list
        return self.c.listing(q, lead, efforts, "topic", filters, stated=others)

    def mentions(
        self, q: Query, efforts: Sequence[CitedEffort], filters: AppliedFilters
    ) -> Answer:
        """Every effort that holds the words asked about, the first few listed."""
        n = len(efforts)
        shown = efforts[:MAX_LISTED]
        verb = "mentions" if n == 1 else "mention"
        more = f"; the first {len(shown)}:" if n > len(shown) else ":"
        # the words as the efforts write them ("police" is read as the NPA in the question)
        held = " … ".join(e.text for e in efforts) if q.alternatives else efforts[0].text
        terms = literal_terms(q.topic, held, single=True)
        said = (" or " if q.alternatives else " and ").join(f"“{t}”" for t in terms)
        lead = f"{count(n)} {self.c.scope(q.time)} {verb} {said or 'it'}{more}"
        return self.c.listing(q, lead, shown, "topic", filters)

    # -- fact answers ----------------------------------------------------------------------

    def fact(self, q: Query, efforts: Sequence[CitedEffort], filters: AppliedFilters) -> Answer:
        """A fact of the kind the intent asks for, from the first effort that gives one."""
        writer = self._writers()[q.intent]
        plural_back = q.refers_back and _PLURAL_BACK.search(q.text) is not None
        if len(efforts) > 1 and (_EACH.search(q.text) or plural_back):
            # "how many people took part in each of those?", "when were those?": every
            # effort's own figure
            given = [(e, lead) for e in efforts if (lead := writer(q, e, True)) is not None]
            if len(given) > 1:
                return self._several(q, given, filters, by_year=False)
        years = q.time.fiscal_years or (
            tuple(sorted({e.fiscal_year for e in efforts})) if _EVERY_YEAR.search(q.text) else ()
        )
        if len(years) > 1 and q.intent in _OF_EACH_YEAR:
            # "the deletion rate in FY2020 and in FY2023": each year's figure, from the
            # first of that year's efforts that gives one
            # who did it is said of every effort: a year's counts only when it names the
            # thing asked about word for word ("the SOS Mini Letter"), not when it is merely
            # that year's nearest effort
            named = [
                e
                for e in efforts
                if q.intent is not Intent.WHO or literal_terms(q.topic, e.text)
            ]
            given = [
                found
                for year in years
                if (found := _first_given(writer, q, [e for e in named if e.fiscal_year == year]))
            ]
            if len(given) > 1:
                return self._several(q, given, filters, by_year=True)
        for n, e in enumerate(efforts):
            lead = writer(q, e, n == 0)
            if lead is not None:
                text = f"{lead} [1].\n\n{_quote(e)}\n\n— {self.c.names(e.ministries)}; {_where(e)}"
                return self.c.answer(q, text, q.intent.value, [e], filters)  # type: ignore[arg-type]
        return self.not_given(q, self.missing(q, efforts), efforts, filters)

    def _several(
        self,
        q: Query,
        given: Sequence[tuple[CitedEffort, str]],
        filters: AppliedFilters,
        *,
        by_year: bool,
    ) -> Answer:
        """One fact of each of several efforts, a line each ("- FY2020: …" by year), each
        cited, then their quotes."""
        leads = "\n".join(
            f"- {f'FY{e.fiscal_year}: ' if by_year else ''}{lead} [{n}]."
            for n, (e, lead) in enumerate(given, 1)
        )
        quotes = "\n\n".join(_quote(e, n) for n, (e, _) in enumerate(given, 1))
        cited = [e for e, _ in given]
        return self.c.answer(q, f"{leads}\n\n{quotes}", q.intent.value, cited, filters)  # type: ignore[arg-type]

    def also(self, q: Query, e: CitedEffort, *, missing: bool = True) -> str | None:
        """The second thing a question asks of an effort already chosen, in one sentence:
        "When was the meeting, and which one was it?" → "The report names it “4th …”".
        When ``e`` does not give it: say so, or (``missing`` false) None."""
        writer = self._writers().get(q.intent)
        if writer is None:
            # "…, and what new kind of case did it add?": what was done is the effort
            return restate(e, self.c.names(e.ministries))
        lead = writer(q, e, True)
        if lead is None and missing:
            return f"The report does not give {self.missing(q, [e])}"
        return lead

    def _writers(self) -> dict[Intent, Callable[[Query, CitedEffort, bool], str | None]]:
        return self.leads.writers()

    def missing(self, q: Query, efforts: Sequence[CitedEffort]) -> str:
        """What the reports do not give, in words: "an exact date", "a number of victims"."""
        about = "for it" if efforts else ""
        if q.intent is Intent.WHEN:
            year = ""
            if efforts:
                year = f" beyond its fiscal year, {fiscal_span(efforts[0].fiscal_year)}"
            return f"an exact date {about}{year}".replace("  ", " ")
        if q.intent is Intent.PERIOD:
            return f"how long it ran {about}".strip()
        if q.intent is Intent.NUMBER:
            return self._unit_phrase(q)
        if q.names == "hours":
            return "the hours"
        asked = q.names or (q.unit if q.unit not in (None, "number", "money") else None)
        if q.intent is Intent.NAME and asked and asked.endswith("s") and asked not in (
            "number",
            "address",
        ):
            # "which five operators joined …?"; "the 36 NPOs …" as the question writes it
            written = re.search(rf"\b{re.escape(asked)}\b", q.text, re.I)
            return f"the {written.group(0) if written else asked} by name"
        if q.intent is Intent.NAME:
            return f"a name {about}".strip()
        if q.intent is Intent.WHERE:
            return f"where it took place {about}".strip()
        if q.intent is Intent.AUDIENCE:
            return "who it was for"
        if q.intent is Intent.WHO and q.role:
            return f"who the {q.role} {'were' if q.role.endswith('s') else 'was'}"
        return "this"


# Facts asked of each of the years a question names, or of every year ("year by year").
_OF_EACH_YEAR = frozenset({Intent.NUMBER, Intent.PERIOD, Intent.WHEN, Intent.WHO})
_EVERY_YEAR = re.compile(
    r"\b(?:year\s+by\s+year|(?:in|for)\s+each\s+(?:fiscal\s+)?year|each\s+year|every\s+year|"
    r"(?:in|for)\s+both\s+(?:fiscal\s+)?(?:years|reports))\b",
    re.I,
)


def asks_each_year(q: Query) -> bool:
    """Whether a fact is asked of several years: two named, or "year by year"."""
    return len(q.time.fiscal_years) > 1 or bool(_EVERY_YEAR.search(q.text))


def _first_given(
    writer: Callable[[Query, CitedEffort, bool], str | None],
    q: Query,
    efforts: Sequence[CitedEffort],
) -> tuple[CitedEffort, str] | None:
    """The first of ``efforts`` that gives the fact, with what it gives."""
    return next(((e, lead) for e in efforts if (lead := writer(q, e, True)) is not None), None)


# The question asks the same fact of several efforts: "… in each of those?"
_EACH = re.compile(r"\b(?:each|every\s+one|respectively)\b", re.I)
# Several efforts pointed back at: "when were those?", "how many came to them?"
_PLURAL_BACK = re.compile(r"\b(?:those|these|they|them|both)\b", re.I)
