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
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from assistant.compose import Composer
from assistant.models import Answer, AppliedFilters, Citation
from assistant.understand import Cue, Parsed, Reader
from assistant.when import fiscal_months
from corpus.models import Corpus
from index.documents import CitedEffort
from index.lexical import tokenize
from index.search import EffortMatch, SearchIndex

__all__ = ["Answerer", "Frame", "ABSTAIN_BELOW", "MAX_QUESTION_CHARS"]

MAX_QUESTION_CHARS = 2000
# Dense cosine (all-MiniLM-L6-v2) below which the best effort is not an answer: calibrated
# on tests/data/questions.json (see benchmarks/ and the README for the rates).
ABSTAIN_BELOW = 0.25
# Further efforts join the best one when they are nearly as similar.
KEEP_MARGIN = 0.08
NARROWED_DISCOUNT = 0.1
# Matches this close to the abstention line are offered as "closest", not as the answer.
WEAK_MARGIN = 0.1
# How deep in the fused ranking literal matches are looked for, and what share of the
# question's content words an effort must hold to count as one.
LEXICAL_DEPTH = 20
LITERAL_COVERAGE = 0.6
MAX_SEARCH_CITATIONS = 4
HISTORY_TURNS = 4


@dataclass(frozen=True)
class Frame:
    """What an answer was about, so the next question can build on it."""

    kind: str
    ministries: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    months: tuple[str, ...] | None = None
    section: int | None = None
    topic: str = ""
    topic_words: tuple[str, ...] = ()
    cues: frozenset[str] = frozenset()
    efforts: tuple[CitedEffort, ...] = field(default=())
    # The last list shown, so "the second one" still means its second item after a
    # follow-up about one of them.
    listing: tuple[CitedEffort, ...] = field(default=())


class Answerer:
    """Answers questions over one corpus and its index."""

    def __init__(self, corpus: Corpus, index: SearchIndex) -> None:
        self.corpus = corpus
        self.index = index
        attributed = tuple(sorted({m for e in index.efforts for m in e.ministries}))
        self.reader = Reader(corpus, attributed)
        self.compose = Composer(corpus, self.reader.ministries)
        self._token_cache: dict[int, set[str]] = {}

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
        base = self._mask(f, ui_ministries, ui_years, ministries=False)
        if Cue.MINISTRY_LIST in cues and not topical and not f.ministries:
            efforts = self._select(f, base)
            frame = replace(f, kind="structure", efforts=())
            return c.ministry_overview(question, efforts, frame, self._filters(frame)), frame
        if Cue.STRUCTURE in cues and not f.ministries and f.section is None:
            return c.structure(question, f.years or self.corpus.fiscal_years), replace(
                f, kind="structure"
            )
        if Cue.COUNT in cues or (Cue.HOW_MANY in cues and not topical and f.ministries):
            efforts = self._select(f, base, joint=Cue.JOINT in cues)
            frame = replace(f, kind="count", efforts=tuple(efforts))
            return c.count(question, efforts, frame, self._filters(frame)), frame
        if f.section is not None:
            efforts = [
                e for e in self._select(f, base, joint=Cue.JOINT in cues) if e.section == f.section
            ]
            frame = replace(f, kind="section", efforts=tuple(efforts))
            return c.section(question, f.section, efforts, frame, self._filters(frame)), frame
        if (
            Cue.JOINT in cues
            and Cue.WHO not in cues
            and not (
                f.ministries
                and Cue.BOTH in cues
                and len(f.ministries) > 1
                and not self._three(question)
            )
        ):
            efforts = self._select(f, base, joint=True, at_least=3 if self._three(question) else 2)
            frame = replace(f, kind="joint", efforts=tuple(efforts))
            return c.joint(question, efforts, frame, self._filters(frame)), frame
        if not topical and not f.ministries and ui_ministries:
            # "What was done?" with ministries chosen in the filter box: list theirs.
            f = replace(f, ministries=ui_ministries)
        if f.ministries and not topical:
            both = Cue.BOTH in cues and len(f.ministries) > 1
            efforts = self._select(f, base, all_ministries=both)
            frame = replace(f, kind="ministry", efforts=tuple(efforts))
            return c.ministry(question, efforts, frame, self._filters(frame), both=both), frame
        if f.months is not None and not topical:
            efforts = self._select(f, base)
            frame = replace(f, kind="months", efforts=tuple(efforts))
            return c.months(question, efforts, frame, self._filters(frame)), frame
        wants_all = Cue.LIST_ALL in cues or bool(f.years) or bool(_PLAN_WORDS.search(question))
        if not topical and wants_all:
            efforts = self._select(f, base)
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
        mask = self._mask(f, ui_ministries, ui_years, ministries=True)
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
        literal = self._literal_matches(f.topic_words, matches[:LEXICAL_DEPTH])
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

    def _literal_matches(self, words: tuple[str, ...], matches: list[EffortMatch]) -> set[int]:
        """Candidates whose text holds (nearly) all the question's content words.

        Only the best-covered candidates count, and only when the shared words are
        distinctive: a figure, or at least two words.
        """
        wanted = {w for w in words if w not in _weak_words()}
        if not wanted:
            return set()
        cover: dict[int, set[str]] = {}
        for m in matches:
            cover[m.position] = wanted & self._tokens(m.position)
        best = max((len(v) for v in cover.values()), default=0)
        if best == 0 or best / len(wanted) < LITERAL_COVERAGE:
            return set()
        return {
            p
            for p, shared in cover.items()
            if len(shared) == best
            and (len(shared) >= 2 or any(ch.isdigit() for w in shared for ch in w))
        }

    def _tokens(self, position: int) -> set[str]:
        tokens = self._token_cache.get(position)
        if tokens is None:
            e = self.index.efforts[position]
            tokens = set(tokenize(f"{e.text} {e.measure_title}"))
            self._token_cache[position] = tokens
        return tokens

    # -- selecting efforts ---------------------------------------------------------------

    def _mask(
        self,
        f: Frame,
        ui_ministries: tuple[str, ...],
        ui_years: tuple[int, ...],
        *,
        ministries: bool,
    ) -> np.ndarray | None:
        idx = self.index
        masks = [
            idx.effort_mask(
                ministries=f.ministries if ministries else None,
                fiscal_years=f.years or None,
                months=f.months,
            ),
            idx.effort_mask(ministries=ui_ministries or None, fiscal_years=ui_years or None),
        ]
        present = [m for m in masks if m is not None]
        if not present:
            return None
        out = present[0]
        for m in present[1:]:
            out = out & m
        return out

    def _select(
        self,
        f: Frame,
        base: np.ndarray | None,
        *,
        joint: bool = False,
        at_least: int = 2,
        all_ministries: bool = False,
    ) -> list[CitedEffort]:
        efforts = self.index.efforts
        rows = range(len(efforts)) if base is None else np.flatnonzero(base).tolist()
        out = []
        wanted = set(f.ministries)
        for row in rows:
            e = efforts[row]
            if wanted:
                have = wanted & set(e.ministries)
                if not have or (all_ministries and have != wanted):
                    continue
            if joint and len(e.ministries) < at_least:
                continue
            out.append(e)
        return out

    def _filters(self, f: Frame) -> AppliedFilters:
        return AppliedFilters(
            ministries=f.ministries,
            fiscal_years=f.years,
            months=tuple(f.months) if f.months is not None else (),
            section=f.section,
        )


# Question words that say little about which effort is meant (stemmed on first use, so
# a ministry question never loads the stemmer).
_WEAK = "mention mentions mentioned figure number come comes say says said refer refers talk"


@lru_cache(maxsize=1)
def _weak_words() -> frozenset[str]:
    return frozenset(tokenize(_WEAK))
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


def clean_question(question: object) -> tuple[str, str | None, str | None]:
    """Normalise a question: (text, notice about the input, problem that stops it).

    Control characters and lone surrogates are dropped; over-long input is cut to
    ``MAX_QUESTION_CHARS`` with a notice; empty or wordless input is a problem.
    """
    if not isinstance(question, str):
        return "", None, "Please type a question as text."
    notice = None
    text = question
    if len(text) > MAX_QUESTION_CHARS:
        # Cut first, so a huge paste costs no more than a long question.
        notice = (
            f"Your question was {len(text):,} characters long; only the first "
            f"{MAX_QUESTION_CHARS:,} were read."
        )
        cut = text[:MAX_QUESTION_CHARS]
        # Back off to the last space so no half word is read as part of the question.
        space = cut.rfind(" ", MAX_QUESTION_CHARS // 2)
        text = cut[:space] if space > 0 else cut
    text = text.encode("utf-8", "replace").decode("utf-8", "replace")
    text = "".join(ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = " ".join(text.split())
    if not text:
        return (
            "",
            None,
            (
                "Please type a question about the plan, for example "
                "“What did MEXT do in FY2019?” or “When was the symposium held?”."
            ),
        )
    letters = sum(ch.isalpha() for ch in text)
    if letters < 2 or letters / len(text) < 0.3:
        return (
            text,
            notice,
            (
                "That does not look like a question in words. Please ask about the plan's "
                "efforts, ministries, dates or sections in a sentence."
            ),
        )
    return text, notice, None


def citations_for(efforts: list[CitedEffort], glossary: dict[str, str]) -> tuple[Citation, ...]:
    return tuple(Citation.of(n, e, glossary) for n, e in enumerate(efforts, start=1))
