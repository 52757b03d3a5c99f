"""Turning a read question (and the conversation so far) into a cited answer.

The answerer picks one way of answering from the question's cues: list every effort that
fits a set of filters (a ministry, a month, a section, joint efforts, a whole year), count
them, look a term up in the glossary, name the plan's sections, or retrieve the best
matching efforts and quote them (open questions, "when", "how many", "which ministry").
Follow-ups either reuse the previous question's frame with one thing changed ("And
MHLW?") or work on the previous answer's citations ("which of those were joint?").
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.compose import Composer
from assistant.evidence import Evidence
from assistant.frame import Frame
from assistant.models import Answer, AppliedFilters
from assistant.question import clean_question
from assistant.understand import Cue, Parsed, Reader
from assistant.when import fiscal_months
from corpus.models import Corpus
from index.search import SearchIndex

__all__ = ["ABSTAIN_BELOW", "Answerer"]

# Dense cosine (all-MiniLM-L6-v2) below which the best effort is not an answer: calibrated
# on tests/data/questions.json (see benchmarks/ and the README for the rates).
ABSTAIN_BELOW = 0.25
# Further efforts join the best one when they are nearly as similar.
KEEP_MARGIN = 0.08
NARROWED_DISCOUNT = 0.1
# Matches this close to the abstention line are offered as "closest", not as the answer.
WEAK_MARGIN = 0.1
# How deep in the fused ranking literal matches are looked for.
LEXICAL_DEPTH = 20
MAX_SEARCH_CITATIONS = 4
HISTORY_TURNS = 4


class Answerer:
    """Answers questions over one corpus and its index."""

    def __init__(self, corpus: Corpus, index: SearchIndex) -> None:
        self.corpus = corpus
        self.index = index
        attributed = tuple(sorted({m for e in index.efforts for m in e.ministries}))
        self.reader = Reader(corpus, attributed)
        self.compose = Composer(corpus, self.reader.ministries)
        self.evidence = Evidence(index)

    # -- entry point ---------------------------------------------------------------------

    def answer(
        self,
        question: str,
        history: list[str],
        *,
        ministries: tuple[str, ...] = (),
        fiscal_years: tuple[int, ...] = (),
    ) -> Answer:
        answer, _ = self._answer(question, history[-HISTORY_TURNS:], ministries, fiscal_years)
        return answer

    def _answer(
        self,
        question: str,
        history: list[str],
        ui_ministries: tuple[str, ...],
        ui_years: tuple[int, ...],
    ) -> tuple[Answer, Frame | None]:
        text, notice, problem = clean_question(question)
        if problem is not None:
            shown = f"_{notice}_\n\n{problem}" if notice else problem
            return Answer(question=text, text=shown, kind="invalid", notice=notice), None
        previous: Frame | None = None
        if history:
            _, previous = self._answer(history[-1], history[:-1], ui_ministries, ui_years)
        parsed = self.reader.read(text)
        answer, frame = self._respond(parsed, previous, ui_ministries, ui_years)
        if ui_ministries or ui_years:
            applied = answer.filters
            chosen = ", ".join([*ui_ministries, *(f"FY{y}" for y in ui_years)])
            answer = answer.model_copy(
                update={
                    "text": f"{answer.text}\n\n_Filter applied: {chosen}._",
                    "filters": applied.model_copy(
                        update={
                            "ministries": tuple(
                                dict.fromkeys([*applied.ministries, *ui_ministries])
                            ),
                            "fiscal_years": tuple(
                                dict.fromkeys([*applied.fiscal_years, *ui_years])
                            ),
                        }
                    ),
                }
            )
        if notice:
            answer = answer.model_copy(
                update={"notice": notice, "text": f"_{notice}_\n\n{answer.text}"}
            )
        return answer, frame

    # -- deciding how to answer ----------------------------------------------------------

    def _respond(
        self,
        p: Parsed,
        previous: Frame | None,
        ui_ministries: tuple[str, ...],
        ui_years: tuple[int, ...],
    ) -> tuple[Answer, Frame | None]:
        c = self.compose
        if p.unknown_ministries and not p.ministries:
            return c.not_covered(p.text, f"{p.unknown_ministries[0]}", self.reader.ministries), None
        if p.glossary_term is not None:
            return c.glossary(p.text, p.glossary_term), None
        if previous is not None:
            follow = self._follow_up(p, previous, ui_ministries, ui_years)
            if follow is not None:
                return follow
        years, uncovered, calendar = self._years(p)
        if uncovered:
            if p.topic_words and not p.ministries and not self._on_topic(p.topic):
                return c.abstain(p.text), None
            return c.year_not_covered(p.text, uncovered), None
        months = p.time.months
        if calendar is not None:
            months = sorted(set(months or []) | set(calendar)) if months else calendar
        frame = Frame(
            kind="",
            ministries=p.ministries,
            years=years,
            months=tuple(months) if months is not None else None,
            section=p.section,
            topic=p.topic,
            topic_words=p.topic_words,
            cues=p.cues,
        )
        return self._dispatch(p.text, frame, ui_ministries, ui_years)

    def _on_topic(self, text: str) -> bool:
        matches = self.index.rank_efforts(text, depth=10)
        return bool(matches) and max(m.similarity for m in matches[:5]) >= ABSTAIN_BELOW

    def _years(self, p: Parsed) -> tuple[tuple[int, ...], list[int], list[str] | None]:
        """Selected fiscal years, years no report covers, and calendar-year months."""
        loaded = set(self.corpus.fiscal_years)
        years = [y for y in p.time.fiscal_years if y in loaded]
        uncovered = [y for y in p.time.fiscal_years if y not in loaded]
        calendar: list[str] | None = None
        for y in p.time.years:
            if y in loaded:
                years.append(y)
                continue
            # A calendar year with no report of its own may still hold dated efforts
            # (January 2020 lies in FY2019).
            dated = [f"{y:04d}-{m:02d}" for m in range(1, 13)]
            if any(d in self.index.months for d in dated):
                calendar = (calendar or []) + dated
            else:
                uncovered.append(y)
        return tuple(dict.fromkeys(years)), uncovered, calendar

    def _follow_up(
        self,
        p: Parsed,
        prev: Frame,
        ui_ministries: tuple[str, ...],
        ui_years: tuple[int, ...],
    ) -> tuple[Answer, Frame | None] | None:
        c = self.compose
        own_topic = [w for w in p.topic_words if w not in _FOLLOW_UP_WORDS]
        # "which of those were joint / involved the police / are dated in 2024?"
        if p.has(Cue.OF_THOSE) and prev.efforts:
            chosen = list(prev.efforts)
            if p.has(Cue.JOINT):
                chosen = [e for e in chosen if e.is_joint]
            if p.ministries:
                chosen = [e for e in chosen if set(e.ministries) & set(p.ministries)]
            months = self._months_of(p)
            if months is not None:
                chosen = [e for e in chosen if set(e.dates) & set(months)]
            frame = replace(prev, kind="subset", efforts=tuple(chosen))
            return c.subset(p.text, prev.efforts, chosen, p, self._filters(frame)), frame
        # "tell me more about the second one", "who ran number 3?"
        listing = prev.listing or prev.efforts
        if p.ordinal is not None and listing and len(own_topic) <= 2:
            n = p.ordinal
            if n == -1 or 1 <= n <= len(listing):
                one = listing[n - 1 if n > 0 else -1]
                frame = replace(
                    prev, kind="about_previous", cues=p.cues, efforts=(one,), listing=listing
                )
                return c.about(p.text, [one], p, self._filters(frame)), frame
            return c.no_such_item(p.text, n, len(listing)), prev
        # "Which ministry organized it?", "when did that happen?", "over what period?"
        asks_fact = p.has(Cue.WHO) or p.has(Cue.WHEN) or p.has(Cue.HOW_MANY) or p.has(Cue.NAME)
        if asks_fact and prev.efforts and len(own_topic) <= 1 and not p.ministries:
            frame = replace(prev, kind="about_previous", cues=p.cues, listing=listing)
            return c.about(p.text, list(prev.efforts[:1]), p, self._filters(frame)), frame
        # "And MHLW?", "What about FY2023?", "and the police?"
        short = len(own_topic) == 0 and (p.ministries or p.time.any or p.has(Cue.FOLLOW_ON))
        if short and prev.kind not in ("", "glossary", "structure"):
            years, uncovered, calendar = self._years(p)
            if uncovered:
                return c.year_not_covered(p.text, uncovered), None
            months = p.time.months if p.time.months is not None else calendar
            frame = replace(
                prev,
                ministries=p.ministries or prev.ministries,
                years=years or (prev.years if not months else ()),
                months=tuple(months)
                if months is not None
                else (None if (years and prev.months is not None) else prev.months),
                efforts=(),
            )
            return self._dispatch(p.text, frame, ui_ministries, ui_years)
        return None

    def _months_of(self, p: Parsed) -> list[str] | None:
        if p.time.months is not None:
            return p.time.months
        if p.time.years or p.time.fiscal_years:
            out = [f"{y:04d}-{m:02d}" for y in p.time.years for m in range(1, 13)]
            out += [mo for y in p.time.fiscal_years for mo in fiscal_months(y)]
            return out
        return None

    def _dispatch(
        self,
        question: str,
        f: Frame,
        ui_ministries: tuple[str, ...],
        ui_years: tuple[int, ...],
    ) -> tuple[Answer, Frame | None]:
        c = self.compose
        cues = f.cues
        topical = bool(f.topic_words)
        base = self.evidence.mask(f, ui_ministries, ui_years, ministries=False)
        if Cue.MINISTRY_LIST in cues and not topical and not f.ministries:
            efforts = self.evidence.select(f, base)
            frame = replace(f, kind="structure", efforts=())
            return c.ministry_overview(question, efforts, frame, self._filters(frame)), frame
        if Cue.STRUCTURE in cues and not f.ministries and f.section is None:
            return c.structure(question, f.years or self.corpus.fiscal_years), replace(
                f, kind="structure"
            )
        if Cue.COUNT in cues or (Cue.HOW_MANY in cues and not topical and f.ministries):
            efforts = self.evidence.select(f, base, joint=Cue.JOINT in cues)
            frame = replace(f, kind="count", efforts=tuple(efforts))
            return c.count(question, efforts, frame, self._filters(frame)), frame
        if f.section is not None:
            efforts = [
                e
                for e in self.evidence.select(f, base, joint=Cue.JOINT in cues)
                if e.section == f.section
            ]
            frame = replace(f, kind="section", efforts=tuple(efforts))
            return c.section(question, f.section, efforts, frame, self._filters(frame)), frame
        if (
            Cue.JOINT in cues
            and (Cue.WHO not in cues or f.ministries)
            and not (
                f.ministries
                and Cue.BOTH in cues
                and len(f.ministries) > 1
                and not self._three(question)
            )
        ):
            efforts = self.evidence.select(
                f, base, joint=True, at_least=3 if self._three(question) else 2
            )
            frame = replace(f, kind="joint", efforts=tuple(efforts))
            return c.joint(question, efforts, frame, self._filters(frame)), frame
        if not topical and not f.ministries and ui_ministries:
            # "What was done?" with ministries chosen in the filter box: list theirs.
            f = replace(f, ministries=ui_ministries)
        if f.ministries and not topical:
            both = Cue.BOTH in cues and len(f.ministries) > 1
            efforts = self.evidence.select(f, base, all_ministries=both)
            frame = replace(f, kind="ministry", efforts=tuple(efforts))
            return c.ministry(question, efforts, frame, self._filters(frame), both=both), frame
        if f.months is not None and not topical:
            efforts = self.evidence.select(f, base)
            frame = replace(f, kind="months", efforts=tuple(efforts))
            return c.months(question, efforts, frame, self._filters(frame)), frame
        wants_all = Cue.LIST_ALL in cues or bool(f.years) or bool(_PLAN_WORDS.search(question))
        if not topical and wants_all:
            efforts = self.evidence.select(f, base)
            frame = replace(f, kind="list_all", efforts=tuple(efforts))
            return c.list_all(question, efforts, frame, self._filters(frame)), frame
        if not topical:
            return c.need_more(question), None
        return self._retrieve(question, f, ui_ministries, ui_years)

    @staticmethod
    def _three(question: str) -> bool:
        return bool(
            re.search(r"\b(three|3|all three)\s+(?:or more\s+)?(ministr|agenc)", question, re.I)
        )

    def _retrieve(
        self,
        question: str,
        f: Frame,
        ui_ministries: tuple[str, ...],
        ui_years: tuple[int, ...],
    ) -> tuple[Answer, Frame | None]:
        c = self.compose
        mask = self.evidence.mask(f, ui_ministries, ui_years, ministries=True)
        if mask is not None and not mask.any():
            frame = replace(f, kind="ministry_topic", efforts=())
            return c.nothing_matches(question, frame, self._filters(frame)), frame
        query = f.topic if f.ministries or f.months is not None else question
        matches = self.index.rank_efforts(query or question, effort_mask=mask)
        top = matches[:MAX_SEARCH_CITATIONS]
        best = max((m.similarity for m in top), default=-1.0)
        # Within one ministry's (or month's) efforts the question has already narrowed the
        # field, so a weaker match still answers it.
        threshold = ABSTAIN_BELOW if mask is None else ABSTAIN_BELOW - NARROWED_DISCOUNT
        # Names and figures ("the 189 number", "Internet Hotline Center") are evidence
        # even when the sentence embedding is unsure: embeddings read numbers poorly.
        literal = self.evidence.literal_matches(f.topic_words, matches[:LEXICAL_DEPTH])
        if best < threshold and not literal:
            if f.ministries:
                frame = replace(f, kind="ministry_topic", efforts=())
                return c.nothing_matches(question, frame, self._filters(frame)), frame
            return c.abstain(question), None
        floor = max(threshold, best - KEEP_MARGIN)
        semantic = [m.position for m in top if m.similarity >= floor] if best >= threshold else []
        ranked = [m.position for m in matches[:LEXICAL_DEPTH]]
        picked = set(semantic) | set(literal)
        positions = [p for p in ranked if p in picked]
        if literal and best < threshold + KEEP_MARGIN:
            positions = [p for p in positions if p in literal] + [
                p for p in positions if p not in literal
            ]
        efforts = [self.index.efforts[p] for p in positions[:MAX_SEARCH_CITATIONS]]
        cues = f.cues
        if Cue.WHICH_SECTION in cues:
            kind = "section"
        elif Cue.WHO in cues:
            kind = "reverse_attribution"
        elif Cue.WHEN in cues or Cue.HOW_MANY in cues or Cue.NAME in cues:
            kind = "factoid"
        elif f.ministries:
            kind = "ministry_topic"
        else:
            kind = "semantic"
        frame = replace(f, kind=kind, efforts=tuple(efforts))
        parsed = Parsed(text=question, topic=f.topic, topic_words=f.topic_words, cues=cues)
        if kind == "section":
            return c.which_section(question, efforts, self._filters(frame)), frame
        if kind in ("reverse_attribution", "factoid"):
            return c.about(question, efforts[:1], parsed, self._filters(frame)), frame
        weak = not literal and best < threshold + WEAK_MARGIN
        return c.matches(question, efforts, frame, self._filters(frame), weak=weak), frame

    def _filters(self, f: Frame) -> AppliedFilters:
        return AppliedFilters(
            ministries=f.ministries,
            fiscal_years=f.years,
            months=tuple(f.months) if f.months is not None else (),
            section=f.section,
        )


_PLAN_WORDS = re.compile(
    r"\b(efforts?|measures?|done|did|do|happen\w*|activities|initiatives|work|made|taken)\b", re.I
)
_FOLLOW_UP_WORDS = {
    "ministri",
    "agenc",
    "organ",
    "organiz",
    "organis",
    "respons",
    "who",
    "period",
    "happen",
    "held",
    "run",
    "ran",
    "hold",
    "place",
    "when",
    "date",
    "long",
    "name",
    "call",
    "titl",
}
