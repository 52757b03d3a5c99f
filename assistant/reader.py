"""Reading a question into a :class:`~assistant.query.Query`.

The steps, each a small tested piece:

1. normalise the text and correct ordinary misspellings (``text.py``);
2. split it into sentences and drop those the intent model reads as greetings or
   remarks ("Hi!", "It's for a memo to my team."), unless they carry a slot;
3. read the slots: ministries (``ministries.py``), time (``when.py``), section,
   abbreviation, figures, ordinal, references back, countries (``slots.py``);
4. mask them to get the question's shape and classify it (``intents.py``); below the
   confidence line the safe default, :attr:`Intent.TOPIC`, is used;
5. resolve the time against the loaded reports, and keep the topic words.

Everything here works from the question's shape and the loaded reports (glossary,
sections, fiscal years, vocabulary), never from the wording of particular questions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.asked import (
    asked_names,
    asked_role,
    bound,
    counts,
    name_of,
    quantity_of,
    unit,
)
from assistant.changes import read_changes
from assistant.chatter import Chatter
from assistant.intents import Intent, intent_model, shape, token_spans
from assistant.ministries import Mentions, MinistryResolver, name_table
from assistant.parts import asks_measures, measure, section, titled
from assistant.query import Query, TimeScope
from assistant.slots import (
    Country,
    Span,
    asides,
    asks_dated,
    countries,
    ministry_count,
    ministry_count_spans,
    names_the_plan,
    numbers,
    ordinal,
    plan_noun,
    rank,
    refers_back,
    terms,
    titles,
    yes_no,
)
from assistant.text import (
    Speller,
    asked_sentence,
    function_words,
    known_words,
    normalize,
    question_part,
)
from assistant.when import TimeRef, fiscal_months, month_name, read_time, that_time
from corpus.models import Corpus
from index.documents import CitedEffort
from index.lexical import STOPWORDS, tokenize

__all__ = ["Reader"]

HOME_COUNTRY = "Japan"
_BRACKETED = re.compile(r"\s*[(（]([^()（）]{1,40})[)）]")
# A measure is named by its title only where the question points at a part of the plan
# ("what falls under …", "the … section"); otherwise its words are a topic ("who is in
# charge of the guidance on repeat sexual offenses").
_PART_CUE = re.compile(
    r"\b(?:measures?|sections?|pillars?|parts?|bits?|headings?|chapters?|items?|under|"
    r"titled|called|heading)\b|[\"“”]",
    re.I,
)
_HOME = re.compile(r"\b(?:japan(?:ese)?|tokyo|the government)\b", re.I)
# A country after one of these is where a Japanese effort went, not who acted.
_PLACE_BEFORE = re.compile(
    r"\b(?:to|in|into|at|from|visit(?:ed|ing)?|toward|towards|like|such\s+as|including)\s+"
    r"(?:the\s+)?$",
    re.I,
)
# Between two places of one list: "in Vietnam or the Philippines".
_LIST_LINK = re.compile(r"^\s*(?:,|,?\s*(?:and|or|&))\s*(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class _Slots:
    mentions: Mentions
    time: TimeRef
    section: int | None
    spans: dict[str, list[Span]]
    measure: tuple[int, int] | None = None
    measure_title: str | None = None


class Reader:
    """Reads questions against one corpus (its glossary, sections, years and words)."""

    def __init__(self, corpus: Corpus, efforts: Sequence[CitedEffort]) -> None:
        self.years = corpus.fiscal_years
        self.dated = frozenset(d for e in efforts for d in e.dates)
        # Fiscal years the efforts name in their text ("the FY2017 efforts report")
        self.named_years = frozenset(
            int(y) for e in efforts for y in re.findall(r"\bFY\s?((?:19|20)\d\d)\b", e.text)
        )
        # The words of the plan's own name ("Basic Plan on Measures against Child Sexual
        # Exploitation"), which every effort is under.
        self.plan_words = frozenset(
            w for plan in corpus.plans for w in tokenize(plan.title) if w.isalpha()
        )
        self.titles = list(
            dict.fromkeys((s.number, s.title) for plan in corpus.plans for s in plan.sections)
        )
        self.measure_titles = [(t, t) for t in dict.fromkeys(e.measure_title for e in efforts)]
        texts = [e.text for e in efforts] + [e.measure_title for e in efforts]
        texts += [t for _, t in self.titles] + list(corpus.glossary.values())
        texts += list(corpus.glossary) + [m for e in efforts for m in e.ministries]
        self.vocabulary = frozenset(w.lower() for t in texts for w in re.findall(r"[A-Za-z]+", t))
        self.stems = frozenset(tokenize(" ".join(self.vocabulary)))
        model = intent_model()
        self.model = model
        other_names = {
            w
            for entry in name_table().values()
            for kind in ("en", "romaji")
            for name in entry.get(kind, ())
            for w in name.lower().split()
        }
        self.speller = Speller(
            self.vocabulary | model.words | other_names | _MONTH_WORDS | known_words()
        )
        attributed = tuple(sorted({m for e in efforts for m in e.ministries}))
        self.ministries = MinistryResolver(
            corpus.glossary, attributed, is_word=self.speller.is_common
        )
        self._chatter = Chatter(model, self.vocabulary, read_clause=self._clause_shape)
        self.chatter = self._chatter.words  # dropped from what is searched
        # Scaffold words the reports never use, and English function words, say how a
        # question asks, not what it is about.
        self.function_stems = (model.scaffold - self.stems) | frozenset(
            tokenize(" ".join(function_words()))
        )
        self.mentioned = frozenset(w for w in self.vocabulary)
        self._read_slots: dict[str, _Slots] = {}

    # -- reading -------------------------------------------------------------------------

    def read(self, question: str) -> Query:
        """The typed reading of one question (already checked to be non-empty text)."""
        text = self.speller.correct(normalize(question))
        content = self._chatter.strip(text)
        if not content:
            return Query(text=text, intent=Intent.CHITCHAT)
        text = self._without_glosses(content)
        slots = self._slots(text)
        # What is asked is read from the question itself, not from a statement leading
        # into it ("MOJ evaluated its guidance - what did the evaluation conclude?").
        asked = question_part(text)
        # A statement after the question ("…2017? writing a timeline for class") says why
        # it is asked, not what about: the question sentence alone holds the topic.
        follows = None if asked else asked_sentence(text)
        asked = asked or follows
        asked_slots = self._slots(asked) if asked else slots
        if asked and slots.time.spans and not asked_slots.time.spans and that_time(asked):
            # "September 2038 - what was done that month?": the month the lead names
            spans = {**asked_slots.spans, "time": that_time(asked)}
            asked_slots = dataclasses.replace(asked_slots, spans=spans)
        shape = self.shape(asked or text, asked_slots)
        if asked_slots.time.spans and (_has_year(asked_slots.time) or not _has_year(slots.time)):
            # "DA is in the 2025 glossary, but what did it do in FY2019?": the question's
            # own time, not the statement's; but "in the 2019 report, what happened after
            # October?" asks months of the year the lead names
            slots = dataclasses.replace(slots, time=asked_slots.time)
        prediction = self.model.predict(shape)
        lead = _LEADING_AND.match(asked or text)
        if prediction.intent is Intent.FOLLOW_ON and lead and not _names_a_slot(asked_slots):
            # "and where was it?" swaps nothing: it asks what its question words ask
            rest = (asked or text)[lead.end() :]
            again = self.model.predict(self.shape(rest, self._slots(rest)))
            if again.intent is not Intent.FOLLOW_ON and self.model.accepts(again):
                prediction = again
        at_least, together = ministry_count(text, len(slots.mentions.ministries))
        if prediction.intent is Intent.JOINT and (
            # "which 31 companies partnered with CFA?": partners that are no ministries
            asked_names(text) is not None
            or not _asks_partners(
                _masked(asked or text, asked_slots.spans["ministry"]),
                len(slots.mentions.ministries),
                at_least,
            )
        ):
            prediction = self.model.runner_up(shape)
        intent, confidence = prediction.intent, prediction.confidence
        if not self.model.accepts(prediction) or intent is Intent.CHITCHAT:
            intent = Intent.TOPIC
        back, subset = refers_back(_blanked(text, slots.spans["time"]))
        topic, words = self._topic(follows, asked_slots) if follows else self._topic(text, slots)
        if words and set(words) <= self._section_words(slots.section):
            # "under pillar 4 (prompt protection of … child victims)": the section's own
            # title, restated, names the section and asks about nothing more
            topic, words = "", ()
        filtered = bool(slots.mentions.ministries or slots.time.spans)
        if words and set(words) <= self.plan_words and filtered:
            # "what has CAS done under the basic plan?": every effort is under the plan,
            # so naming it asks about all of the ministry's (or the year's) efforts
            topic, words = "", ()
        # "I am a student from Vietnam. How many schools …?": the asker's country is no
        # country asked about; only the question's own are
        source = asked or text
        named = countries(source, HOME_COUNTRY, self.mentioned)
        if slots.mentions.ministries or _HOME.search(text):
            # "did Japan send officers to France?": a Japanese effort abroad, not France's
            named = _not_places(named, source)
        term = self._term(text, slots)
        changes = read_changes(asked or text, self.years)
        return Query(
            text=self._canonical(text, slots),
            intent=intent,
            confidence=round(confidence, 3),
            ministries=slots.mentions.ministries,
            unknown_ministries=slots.mentions.unknown,
            all_ministries=together and len(slots.mentions.ministries) > 1,
            min_ministries=at_least,
            time=self._scope(slots.time, dated=asks_dated(text)),
            section=slots.section,
            measure=slots.measure,
            measure_title=slots.measure_title,
            measures=asks_measures(text),
            term=term,
            unit=unit(text)
            or (name_of(text) if intent in (Intent.NAME, Intent.WHERE) else None)
            or quantity_of(text, known_only=intent is not Intent.NUMBER),
            counted=counts(text),
            names=asked_names(text),
            role=asked_role(text),
            topic=topic,
            topic_words=words,
            report_words=tuple(w for w in words if w in self.stems),
            own_words=tuple(w for w in words if w not in self.model.scaffold),
            alternatives=() if follows else self._alternatives(text, slots),
            rank=rank(text),
            bound=bound(text),
            ordinal=ordinal(text)[0],
            refers_back=back,
            subset=subset,
            countries=tuple(dict.fromkeys(c.name for c in named)),
            yes_no=yes_no(text),
            whole=names_the_plan(text),
            changes=changes.aspects,
            absent_year=changes.absent,
        )

    def _slots(self, text: str) -> _Slots:
        """The slots of ``text``, remembered: a question's clauses and parts are read
        more than once (to tell chatter apart, then as the question)."""
        cached = self._read_slots.get(text)
        if cached is None:
            if len(self._read_slots) >= SLOT_CACHE:
                self._read_slots.clear()
            cached = self._read_slots[text] = self._read(text)
        return cached

    def _read(self, text: str) -> _Slots:
        mentions = self.ministries.find(text)
        time = read_time(text, self.years)
        number, section_spans = section(text, self.titles)
        at, measure_spans = measure(text, number)
        measure_title = None
        cued = _PART_CUE.search(text) is not None
        by_title = titled(text, self.measure_titles) if at is None and cued else None
        if by_title is not None:
            # "the follow-up of the basic plan section" names a measure, unless the same
            # words name a section better
            by_section = titled(text, self.titles)
            if by_section is None or by_title[1] > by_section[1]:
                measure_title, measure_spans = by_title[0], [by_title[2]]
                if by_section is not None and by_section[0] == number:
                    number, section_spans = None, []
        spans: dict[str, list[Span]] = {
            "ministry": list(mentions.spans),
            "time": list(time.spans),
            "section": section_spans + measure_spans,
            "change": list(read_changes(text).spans),  # "what is new", "which continued"
        }
        spans["section"] += ordinal(text)[1]
        spans["aside"] = asides(text)
        # A country's short name ("US") is a place, not an abbreviation to look up.
        named = [c.span for c in countries(text, HOME_COUNTRY, self.mentioned)]
        spans["term"] = terms(text, self.vocabulary, spans["ministry"] + named)
        spans["number"] = numbers(text, [s for v in spans.values() for s in v])
        spans["title"] = titles(text, [s for v in spans.values() for s in v])
        return _Slots(mentions, time, number, spans, at, measure_title)

    def _without_glosses(self, text: str) -> str:
        """``text`` without a bracket that only names again a ministry the question names
        ("how much did gaimusho give (外務省)?"): a gloss, not something asked."""
        for m in reversed(list(_BRACKETED.finditer(text))):
            inside = self.ministries.find(m.group(1)).ministries
            rest = text[: m.start()] + text[m.end() :]
            if inside and set(inside) <= set(self.ministries.find(rest).ministries):
                text = rest.strip()
        return text

    def _clause_shape(self, clause: str) -> str | None:
        """A clause's shape, chatter words kept; None when it names a slot."""
        slots = self._slots(clause)
        return None if _has_slots(slots) else self.shape(clause, slots, chatter=True)

    def shape(self, text: str, slots: _Slots, *, chatter: bool = False) -> str:
        """The question with its slots masked, as the intent model reads it.

        Chatter words ("hey", "thx") say nothing of what a question asks and are left out,
        unless ``chatter`` (deciding whether a clause is itself chatter).
        """
        tokens = [
            (w, s)
            for w, s in _tagged(text, slots.spans)
            if chatter or w.lower() not in self.chatter
        ]
        return shape(tokens, self.model.scaffold)

    def _topic(self, text: str, slots: _Slots) -> tuple[str, tuple[str, ...]]:
        """What the question is about: its words outside slots, scaffold and chatter."""
        spans = {"many": ministry_count_spans(text), **slots.spans}  # "3 ministries" first
        kept = [word for word, slot in _tagged(text, spans) if self._about(word, slot)]
        # "consultation-only" is about consultation: a hyphenated word and its parts
        joined = " ".join(kept)
        whole_and_parts = f"{joined} {joined.replace('-', ' ')}" if "-" in joined else joined
        words = tuple(
            dict.fromkeys(w for w in tokenize(whole_and_parts) if w not in self.function_stems)
        )
        topic = " ".join(w for w in kept if not set(tokenize(w)) <= self.function_stems)
        return topic, words

    def _section_words(self, section: int | None) -> frozenset[str]:
        """The stems of a section's titles, in every loaded report."""
        return frozenset(
            w for number, title in self.titles if number == section for w in tokenize(title)
        )

    def _about(self, word: str, slot: str | None) -> bool:
        """Whether a word of the question says what it is about."""
        return (
            slot in (None, "number", "term", "title")
            and re.match(r"[A-Za-z\d]", word) is not None
            and word.lower() not in self.chatter
            and word.lower() not in STOPWORDS
            and (slot is not None or not plan_noun(word))  # "the two reports" is no topic
        )

    def _alternatives(self, text: str, slots: _Slots) -> tuple[tuple[str, ...], ...]:
        """The things a question names with "or" between them, each as its own words:
        "which efforts mention generative AI or deepfakes" → (("generat", "ai"),
        ("deepfak",)). Empty when it names one thing."""
        spans = {"many": ministry_count_spans(text), **slots.spans}
        runs: list[list[str]] = [[]]
        for word, slot in _tagged(text, spans):
            if slot is None and word.lower() == "or":
                runs.append([])
            elif self._about(word, slot):
                runs[-1].append(word)
        groups = [
            tuple(
                w
                for w in tokenize(" ".join(run))
                if w not in self.function_stems and w not in self.model.scaffold
            )
            for run in runs
        ]
        groups = [g for g in groups if g]
        return tuple(groups) if len(groups) > 1 else ()

    def _term(self, text: str, slots: _Slots) -> str | None:
        if slots.spans["term"]:
            start, end = slots.spans["term"][0]
            return text[start:end].rstrip("s") if text[start:end].endswith("s") else text[start:end]
        if slots.mentions.ministries:
            return slots.mentions.ministries[0]
        return None

    def _canonical(self, text: str, slots: _Slots) -> str:
        """The question as searched: chatter words dropped, ministries by abbreviation."""
        out, last = [], 0
        for start, end in sorted(slots.mentions.spans):
            out.append(text[last:start])
            ministry = self.ministries.find(text[start:end]).ministries
            out.append(ministry[0] if ministry else text[start:end])
            last = end
        out.append(text[last:])
        words = "".join(out).split()
        kept = [w for w in words if w.lower().strip("?!.,;:") not in self.chatter]
        return " ".join(kept) or text

    def _scope(self, ref: TimeRef, *, dated: bool = False) -> TimeScope:
        """Fiscal years and months to restrict to, with a bare year resolved and said.

        ``dated``: the question asks for efforts that give a date at all ("which efforts
        are dated?"), so with no month named, every month an effort names counts.
        """
        loaded = set(self.years)
        fiscal = [y for y in ref.fiscal_years if y in loaded]
        uncovered = [y for y in ref.fiscal_years if y not in loaded]
        months: list[str] | None = list(ref.months) if ref.months is not None else None
        readings = []
        for y in ref.years:
            if y in loaded:
                fiscal.append(y)
                readings.append(f"{y} is read as the fiscal year FY{y} ({_span_of(y)})")
                continue
            calendar = [f"{y:04d}-{m:02d}" for m in range(1, 13)]
            if any(d in self.dated for d in calendar):
                # No report for that fiscal year, but efforts dated in the calendar year.
                if months is None:
                    months = calendar
                readings.append(f"no FY{y} report is loaded, so {y} is read as calendar {y}")
            else:
                uncovered.append(y)
        for y in ref.calendar_years:
            readings.append(f"read as calendar year {y} (January – December {y})")
        if dated and months is None:
            months = sorted(self.dated)
        if months is not None and fiscal and ref.months is None:
            months = [m for m in months if any(m in fiscal_months(f) for f in fiscal)]
        return TimeScope(
            fiscal_years=tuple(dict.fromkeys(fiscal)),
            months=tuple(months) if months is not None else None,
            uncovered=tuple(dict.fromkeys(uncovered)),
            reading="; ".join(readings),
        )


# How many texts' slots a reader remembers (a question reads its clauses more than once).
SLOT_CACHE = 512
_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter".split()
)


def _span_of(year: int) -> str:
    months = fiscal_months(year)
    return f"{month_name(months[0])} – {month_name(months[-1])}"


def _has_year(time: TimeRef) -> bool:
    return bool(time.fiscal_years or time.years or time.calendar_years)


def _has_slots(slots: _Slots) -> bool:
    return bool(
        slots.mentions.ministries
        or slots.mentions.unknown
        or slots.time.any
        or slots.section is not None
        or slots.measure is not None
        or slots.measure_title is not None
    )


def _tagged(text: str, spans: dict[str, list[Span]]) -> list[tuple[str, str | None]]:
    """The question's tokens, each with the slot whose span covers it (or None)."""
    return [
        (token, next((kind for kind, ss in spans.items() for s, e in ss if s <= at < e), None))
        for token, at in token_spans(text)
    ]


# "and where was it?", "ok and who ran it": a conjunction before a question word.
_LEADING_AND = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|but)\s*,?\s+)?(?:and|also|then)\s+"
    r"(?=(?:who|whom|whose|what|which|when|where|why|how)\b)",
    re.I,
)


def _names_a_slot(slots: _Slots) -> bool:
    """Whether a question names something a follow-on could swap in."""
    return bool(slots.mentions.ministries or slots.time.spans or slots.section is not None)


def _not_places(named: list[Country], text: str) -> list[Country]:
    """The countries a question names that are not where something was done: "in
    Vietnam or the Philippines" names two places."""
    kept, end = [], None
    for c in named:
        before = text[: c.span[0]]
        listed = end is not None and _LIST_LINK.match(text[end : c.span[0]])
        if _PLACE_BEFORE.search(before) or listed:
            end = c.span[1]
            continue
        end = None
        kept.append(c)
    return kept


# "with" and what follows it, when that is a thing worked with: "the round table with the
# SNS companies" (not "work with in FY2017?", "with other ministries").
_WITH_OBJECT = re.compile(
    r"\bwith\s+(?:the\s+|a\s+|an\s+)?(?!(?:the|a|an|in|on|at|during|for|over|since|between|from|to|"
    r"and|or|other|another|ministr\w*|agenc\w*)\b)[a-z]{3,}",
    re.I,
)


def _blanked(text: str, spans: list[Span]) -> str:
    """``text`` without its ``spans``: "that month" after "September 2038" is the time."""
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]}{text[end:]}"
    return text


def _masked(text: str, spans: list[Span]) -> str:
    """``text`` with each span read as a ministry replaced by the word "ministry"."""
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]}ministry{text[end:]}"
    return text


def _asks_partners(text: str, ministries: int, at_least: int) -> bool:
    """Whether a question the intent model reads as joint says so in its slots: two
    ministries, a number of them, or one ministry whose partners are asked ("which
    agencies did MOJ work with?"). "Who chaired the round table with the SNS companies
    (MIC)?" and "who did Japan work with?" ask something else."""
    if ministries >= 2 or at_least >= 2 or _OTHER_MINISTRIES.search(text):
        return True
    if _WITH_OBJECT.search(text):
        return False
    return ministries == 1 or bool(_THEY.search(text))  # "and who did they work with?"


_OTHER_MINISTRIES = re.compile(
    r"\b(?:another|other|more\s+than\s+one|multiple|several)\s+(?:ministr|agenc)", re.I
)
_THEY = re.compile(r"\b(?:they|them|it|those|these)\b", re.I)
