"""Turning a read question (and the conversation so far) into a cited answer.

The intent table (``intent_table.py``) holds, for each :class:`Intent`, how it selects
efforts and how it writes; how it is recognised lives in ``data/intents.md``. Answering is:
read the question (``reader.py``), place it in the conversation (``conversation.py``),
refine the intent by its typed slots (``refine.py``: a count of sections is a structure
question), look the row up, select, write, and check the facts it states before showing it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from assistant.claims import stated_figures, unsupported, without_figures
from assistant.compare_answer import CompareWriter, Comparisons
from assistant.compare_read import compare_follow_up
from assistant.compose import Composer
from assistant.compose_facts import FactWriter
from assistant.compose_plan import PlanWriter
from assistant.compound import FACT_INTENTS, joined, read_two_asks
from assistant.conversation import Context, FollowUp, follow_up, relative_year
from assistant.facts import figures
from assistant.intent_table import INTENTS, Turn
from assistant.intents import Intent
from assistant.models import Answer, AppliedFilters
from assistant.offtopic import OffTopic
from assistant.query import Query, TimeScope
from assistant.question import clean_question
from assistant.reader import Reader
from assistant.refine import refine
from assistant.retrieval import Retriever
from assistant.rule import plan_unit
from assistant.time_scope import counted_in
from assistant.turns import Turns
from corpus.models import Corpus
from index.documents import CitedEffort
from index.search import SearchIndex

__all__ = ["Answerer"]


def _attributive(text: str, years: Sequence[int]) -> bool:
    """Whether each year is written before a noun it names ("the FY2017 report"), not as
    the time of what was done ("what did CFA do in FY2087 - …")."""
    return all(
        re.search(
            rf"(?i)\b(?:FY\s?)?{y}(?:年)?\s+(?!(?:and|or|to|that|this|the|what|which|who|how|"
            rf"when|did|was|were|is|are|pls|please)\b)[a-z]",
            text,
        )
        for y in years
    )


# The answers a second ask of the same effort may join.
ALSO_KINDS = frozenset({i.value for i in FACT_INTENTS} | {"topic"})


def _measure_mask(at: tuple[int, int], efforts: Sequence[CitedEffort]) -> np.ndarray:
    """The efforts under measure ``at``: (section, place in it; -1 for its last measure)."""
    section, place = at
    last: dict[int, int] = {}
    for e in efforts:
        if e.section == section:
            last[e.fiscal_year] = max(last.get(e.fiscal_year, 0), e.measure)
    wanted = [place if place > 0 else last.get(e.fiscal_year, 0) for e in efforts]
    pairs = zip(efforts, wanted, strict=True)
    return np.array([e.section == section and e.measure == w for e, w in pairs])


class Answerer:
    """Answers questions over one corpus and its index."""

    def __init__(self, corpus: Corpus, index: SearchIndex) -> None:
        self.corpus = corpus
        self.index = index
        self.reader = Reader(corpus, index.efforts)
        self.compose = Composer(corpus)
        self.facts = FactWriter(self.compose)
        self.plan = PlanWriter(self.compose)
        offtopic = OffTopic.packaged(index.embedder)
        self.retriever = Retriever(index, self.reader, offtopic=offtopic)
        self.comparisons = Comparisons(index)
        self.comparer = CompareWriter(self.compose, self.comparisons, self.retriever)
        self._position = {e.id: i for i, e in enumerate(index.efforts)}
        self.turns = Turns(index.efforts)
        self._years = frozenset(e.fiscal_year for e in index.efforts)
        # A body renamed during a year is one body under both names: efforts credit the
        # name that held then ("CFYA (…; formerly CFA …)").
        self._body = {old: new for new, old in corpus.renamed.items()}

    def answer(
        self,
        question: str,
        context: Context | None,
        *,
        ministries: tuple[str, ...] = (),
        fiscal_years: tuple[int, ...] = (),
    ) -> Answer:
        text, notice, problem = clean_question(question)
        if problem is not None:
            shown = f"_{notice}_\n\n{problem}" if notice else problem
            answer = Answer(question=text, text=shown, kind="invalid", notice=notice)
            return answer.model_copy(update={"context": context or Context()})
        query = self.reader.read(text)
        if (
            query.intent is Intent.COMPARE
            and plan_unit(query) is None  # "how many new efforts" compares the years
            and refine(query, scoped=False).intent is Intent.NUMBER
        ):
            # "how many places did they add?": a figure an effort gives, asked of the
            # conversation's effort, not what is new between the years
            query = query.model_copy(update={"intent": Intent.NUMBER})
        if query.intent is not Intent.COMPARE:  # "compared to the year before" is no shift
            query = self._shift_year(query, context)
        if query.intent is Intent.CHITCHAT:
            answer = self.facts.chitchat(query)
            return answer.model_copy(update={"context": context or Context()})
        asks = None if query.intent is Intent.COMPARE else read_two_asks(self.reader, query)
        if query.intent is Intent.COMPARE:  # across years: its own reading of the conversation
            turn = compare_follow_up(query, context)
        else:
            turn = follow_up(asks.first if asks else query, context)
            turn = self.turns.definite(turn, context)
        # in a conversation about the reports, a question only loosely like an everyday
        # request is taken as about them
        conversing = context is not None and bool(context.question)
        answer = self._respond(turn, ministries, fiscal_years, conversing=conversing)
        wider = self.turns.widened(turn, context) if answer.abstained and context else None
        if wider is not None and not asks:
            # a fact the effort just given does not count, found in one beside it
            retry = self._respond(wider, ministries, fiscal_years, conversing=conversing)
            unit = wider.query.unit or ""
            if retry.citations and not retry.abstained and context is not None:
                if self.turns.beside(retry.citations[0].effort_id, unit, context):
                    answer, turn = retry, wider
        if asks and asks.same_effort:
            answer = self._also(answer, (asks.second, *asks.more))
        elif asks and not (asks.second.intent in FACT_INTENTS and answer.abstained):
            # "…, and how many in FY2025?": the first question again, with the new year; a
            # fact of another effort only when the first was found ("of the 4,600 …, how
            # many …, and how many were passed to the police?" asks of what is not given)
            again = follow_up(asks.second, Context.of(turn.query, ()))
            plain = FollowUp(again.query)  # says nothing of carrying: it is one question
            answer = joined(answer, self._respond(plain, ministries, fiscal_years))
        if asks:
            answer = answer.model_copy(update={"question": query.text})
        answer = self._checked(answer, turn)
        return self._finish(answer, turn, notice, ministries, fiscal_years)

    def _shift_year(self, query: Query, context: Context | None) -> Query:
        """ "And the year before?" after a question about one year: that year, moved."""
        relative = relative_year(query.text)
        if relative is None or query.time.any or context is None:
            return query
        years = context.time.fiscal_years or context.time.uncovered
        if len(years) != 1:
            return query
        shift, start, end = relative
        target = years[0] + shift
        earlier = [
            s
            for i in context.efforts
            if i in self._position
            for s in figures(self.index.efforts[self._position[i]].text)
            if s.earlier
        ]
        if (
            target not in self._years
            and earlier
            and not any(f"fy{target}" in s.near for s in earlier)
        ):
            # "and the year before?" of a year whose report alone is loaded: the earlier
            # figure the effort just given states ("…, up from 23,910"); one it gives
            # with its year ("Calls in FY2051 12,610") is asked by that year
            return query
        text = query.text
        return self.reader.read(f"{text[:start]}FY{years[0] + shift}{text[end:]}")

    def _also(self, answer: Answer, more: tuple[Query, ...]) -> Answer:
        """``answer`` with each further ask answered from the first of its cited efforts
        that gives it; with one effort cited, saying so when it does not."""
        if answer.abstained or answer.kind not in ALSO_KINDS or not answer.citations:
            return answer
        extras = []
        # "how many letters went out, and how many were answered?": a second figure asked
        # is another figure than the one already stated
        first = answer.text.partition("\n\n")[0]
        stated = stated_figures(first) if answer.kind == "number" else set()
        for ask in more:
            for c in answer.citations:
                e = self.index.efforts[self._position[c.effort_id]]
                lead = self.facts.also(ask, e, missing=len(answer.citations) == 1)
                if ask.intent is Intent.NUMBER and lead and stated_figures(lead) & stated:
                    # the figure already stated again: another is read with it blanked
                    # (blanked only then, so that a table it stands in stays whole)
                    e = e.model_copy(update={"text": without_figures(e.text, stated)})
                    lead = self.facts.also(ask, e, missing=len(answer.citations) == 1)
                if lead is not None:
                    extras.append(f"{lead} [{c.number}].")
                    if ask.intent is Intent.NUMBER:
                        stated |= stated_figures(lead)
                    break
        lead, _, rest = answer.text.partition("\n\n")
        extras = [x for x in extras if x not in lead]  # said already: "… 490 inmates" twice
        if not extras:
            return answer
        said = "\n\n".join(dict.fromkeys(extras))  # two asks the effort answers alike: once
        return answer.model_copy(update={"text": f"{lead}\n\n{said}\n\n{rest}".rstrip()})

    def _respond(
        self,
        turn: FollowUp,
        ui_ministries: tuple[str, ...],
        ui_years: tuple[int, ...],
        *,
        conversing: bool = False,
    ) -> Answer:
        q = turn.query
        # "how does Japan compare with …"; "which languages were newly added": names
        if q.intent is not Intent.COMPARE or q.countries or q.names or (q.unit and not q.changes):
            q = refine(q, scoped=turn.scope is not None)
        if (
            q.intent is Intent.NUMBER
            and not q.unit
            and not q.topic_words
            and turn.scope is not None
            and len(turn.scope) > 1
            and re.search(r"\bhow\s+many\b", q.text, re.I) is not None
        ):
            # "how many was that?" after a list: how many efforts it held, not a figure of
            # the first (after one effort, its figure; "how much in total?" asks a sum)
            q = q.model_copy(update={"intent": Intent.COUNT})
        if q.unknown_ministries and not q.ministries:
            return self.facts.unknown_ministry(q)
        q = self._both_names(q)
        if q.intent is Intent.COMPARE:  # it says itself which years are loaded
            q = q.model_copy(update={"time": q.time.model_copy(update={"uncovered": ()})})
        if (
            q.time.uncovered
            and set(q.time.uncovered) <= self.reader.named_years
            and q.topic_words  # "what was done in FY2015?" asks for that year's efforts
            # "what did CFA do in FY2087?" asks that year's efforts, which no report holds
            and (
                q.intent in FACT_INTENTS
                or not q.ministries
                or _attributive(q.text, q.time.uncovered)
            )
        ) or (
            q.intent in FACT_INTENTS
            and q.topic_words
            and not q.time.fiscal_years
            and counted_in(q.time.months, self.index.efforts)
        ):
            # "the English version of the FY2017 report": a year the efforts name, not a
            # time to filter by
            q = q.model_copy(update={"time": TimeScope()})
        if (
            q.time.uncovered
            and not q.time.fiscal_years
            and q.time.months is None
            and q.intent is not Intent.OUTSIDE  # "how did South Korea respond in 2024?"
        ):
            if q.topic_words and not q.ministries and not self.retriever.on_topic(q):
                return self.facts.out_of_scope(q)
            return self.facts.year_not_covered(q)
        if turn.scope == ():
            return self.compose.answer(
                q, "The previous answer has no such item; ask about one of its numbers.", "invalid"
            )
        mask = self._mask(q, turn.scope, ui_ministries, ui_years)
        filters = AppliedFilters(
            ministries=tuple(dict.fromkeys([*q.ministries, *ui_ministries])),
            fiscal_years=tuple(dict.fromkeys([*q.time.fiscal_years, *ui_years])),
            months=q.time.months or (),
            section=q.section,
        )
        turn_ = Turn(
            q,
            mask,
            filters,
            scoped=turn.scope is not None,
            scope=turn.scope,
            follows=conversing or bool(turn.carried) or turn.scope is not None,
        )
        return INTENTS[q.intent].answer(self, turn_)

    def _mask(
        self,
        q: Query,
        scope: tuple[str, ...] | None,
        ui_ministries: tuple[str, ...],
        ui_years: tuple[int, ...],
    ) -> np.ndarray | None:
        """The efforts a question may use, before its own ministry filter (see filtered)."""
        idx = self.index
        masks = [
            idx.effort_mask(fiscal_years=q.time.fiscal_years or None, months=q.time.months),
            idx.effort_mask(ministries=ui_ministries or None, fiscal_years=ui_years or None),
        ]
        if scope is not None:
            keep = np.zeros(len(idx.efforts), dtype=bool)
            keep[[self._position[i] for i in scope if i in self._position]] = True
            masks.append(keep)
        if q.time.undated:  # "which efforts give no date"
            masks.append(np.array([not e.dates for e in idx.efforts]))
        if q.section is not None:
            named = {q.section, *q.also_sections}  # "sections 4 to 6": any of them
            masks.append(np.array([e.section in named for e in idx.efforts]))
        if q.measure is not None:
            masks.append(_measure_mask(q.measure, idx.efforts))
        if q.measure_title is not None:
            masks.append(np.array([e.measure_title == q.measure_title for e in idx.efforts]))
        present = [m for m in masks if m is not None]
        if not present:
            return None
        out = present[0]
        for m in present[1:]:
            out = out & m
        return out

    def _both_names(self, q: Query) -> Query:
        """A renamed body asked by an everyday name is asked by both of its names ("the
        kids agency": CFA and CFYA), each effort found under the name it credits; one of
        its abbreviations written alone asks that name ("CFYA": since the renaming)."""
        if not self._body or not q.ministries:
            return q
        names = {*self._body, *self._body.values()}
        same = [
            m
            for m in sorted(names)
            for asked in q.ministries
            if asked not in q.written and self._canon(m) == self._canon(asked)
        ]
        both = tuple(dict.fromkeys([*q.ministries, *same]))
        return q if both == q.ministries else q.model_copy(update={"ministries": both})

    def _canon(self, ministry: str, asked: Sequence[str] = ()) -> str:
        """A body's latest name: its former abbreviation read as the new one (when both
        are ``asked``, if given)."""
        new = self._body.get(ministry)
        if new is None or (asked and not {ministry, new} <= set(asked)):
            return ministry
        return new

    def filtered(self, t: Turn, *, joint: bool = False) -> list[CitedEffort]:
        """The efforts in the turn's mask that its ministries and joint condition admit."""
        q = t.query
        rows = range(len(self.index.efforts)) if t.mask is None else np.flatnonzero(t.mask)
        wanted = {self._canon(m, q.ministries) for m in q.ministries}
        at_least = max(2, q.min_ministries) if joint else 0
        out = []
        for row in rows:
            e = self.index.efforts[int(row)]
            credited = {self._canon(m, q.ministries) for m in e.ministries}
            if wanted:
                have = wanted & credited
                if not have or (q.all_ministries and have != wanted):
                    continue
            if len(e.ministries) < at_least or (q.sole and credited - wanted):
                continue  # "what did the police do alone": no other ministry credited
            if q.max_ministries and not q.min_ministries <= len(e.ministries) <= q.max_ministries:
                continue  # "credited to exactly three bodies"
            out.append(e)
        return out

    def _checked(self, answer: Answer, turn: FollowUp) -> Answer:
        """The last check: a figure or name no cited effort holds is never shown."""
        titles = [p.title for p in self.corpus.plans]
        if not unsupported(answer, self.corpus.glossary, titles):
            return answer
        nearest = [self.index.efforts[self._position[c.effort_id]] for c in answer.citations]
        return self.facts.not_given(turn.query, "this", nearest, answer.filters)

    def _finish(
        self,
        answer: Answer,
        turn: FollowUp,
        notice: str | None,
        ui_ministries: tuple[str, ...],
        ui_years: tuple[int, ...],
    ) -> Answer:
        notes = []
        if notice:
            notes.append(f"_{notice}_")
        if turn.carried:
            notes.append(f"_Following up on {', '.join(turn.carried)}._")
        if turn.query.time.reading and answer.kind not in ("year_not_covered", "outside"):
            reading = turn.query.time.reading
            notes.append(f"_{reading[0].upper()}{reading[1:]}._")
        text = "\n\n".join([*notes, answer.text])
        if ui_ministries or ui_years:
            chosen = ", ".join([*ui_ministries, *(f"FY{y}" for y in ui_years)])
            text += f"\n\n_Filter applied: {chosen}._"
        cited = tuple(c.effort_id for c in answer.citations)
        return answer.model_copy(
            update={
                "text": text,
                "notice": notice,
                "carried": turn.carried,
                "context": Context.of(turn.query, cited, scope=turn.scope),
            }
        )
