"""Reading a question into a :class:`~assistant.query.Query`.

The steps, each a small tested piece:

1. normalise the text and correct ordinary misspellings (``text.py``, ``spelling.py``);
2. split it into sentences and drop those the intent model reads as greetings or
   remarks ("Hi!", "It's for a memo to my team."), unless they carry a slot;
3. read the slots (``slot_reader.py``): ministries (``ministries.py``), time
   (``when.py``), section, abbreviation, figures, ordinal, references back, countries
   (``slots.py``);
4. mask them to get the question's shape and classify it (``intents.py``); below the
   confidence line the safe default, :attr:`Intent.TOPIC`, is used, and a joint reading
   stands only when the slots name partners (``actors.py``);
5. resolve the time against the loaded reports (``time_scope.py``), keep the countries
   asked about rather than gone to (``actors.py``), and keep the topic words.

Everything here works from the question's shape and the loaded reports (glossary,
sections, fiscal years, vocabulary), never from the wording of particular questions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from assistant.actors import asks_partners, not_places
from assistant.asked import (
    bound,
    counts,
    name_of,
    quantity_of,
    unit,
)
from assistant.asked_names import asked_names
from assistant.asked_people import asked_role
from assistant.changes import read_changes
from assistant.chatter import Chatter
from assistant.countries import compares_with_home, countries
from assistant.cues import asks_place
from assistant.gazetteer import HostCountries
from assistant.intents import Intent, intent_model, shape, stem
from assistant.ministries import MinistryResolver, name_table
from assistant.parts import asks_measures, in_title, restated
from assistant.query import Query
from assistant.slot_reader import HOME_COUNTRY, SlotReader, Slots, blanked, tagged, unfiltered
from assistant.slots import (
    exact_ministry_count,
    ministry_count,
    names_the_plan,
    ordinal,
    rank,
    refers_back,
    sole_ministry,
    yes_no,
)
from assistant.spelling import Speller
from assistant.text import (
    asked_sentence,
    function_words,
    known_words,
    normalize,
    question_part,
)
from assistant.time_scope import asks_dated, asks_undated, months_within, time_scope
from assistant.topic_words import TopicWords
from assistant.when import that_time
from corpus.eras import western_years
from corpus.models import Corpus
from index.documents import CitedEffort
from index.lexical import tokenize

__all__ = ["Reader"]

_BRACKETED = re.compile(r"\s*[(（]([^()（）]{1,40})[)）]")
# Talk of a renamed body's names, no topic: "its old abbreviation", "(the new name only)",
# "under either of its names" (not "the new name of the hotline", which asks a name) ...
_NAMING_TALK = re.compile(
    r"\s*,?\s*(?:\(\s*)?(?:(?:counting|under|by|with|using)\s+)?(?:(?:its|the|their)\s+)?"
    r"(?:(?:old|new|former|previous|current|present|latest)\s+(?:name|abbreviation|acronym|one)"
    r"(?!\s+of\b)(?:\s+(?:only|too|counts\s+too|as\s+well|alone))?"
    r"|(?:either|both|any)\s+(?:of\s+)?(?:its|their)\s+(?:names|abbreviations)"
    r"|(?:before|after|since|until)\s+(?:it|they)\s+(?:was|were|got)\s+renamed)(?:\s*\))?",
    re.I,
)
# ... saying both names are meant: "(old name counts too)", "under either of its names"
_EITHER_NAME = re.compile(
    r"\b(?:both|either|any|too|as\s+well)\b|\b(?:old|former|previous)\b.*\b(?:new|current)\b", re.I
)
# Who acts at home: Japan, "our" police, "officials" (not "officials in Korea").
_HOME = re.compile(
    r"\b(?:japan(?:ese)?|tokyo|the government|our|officials(?!\s+(?:in|of|from)\b))\b", re.I
)


class Reader:
    """Reads questions against one corpus (its glossary, sections, years and words)."""

    def __init__(self, corpus: Corpus, efforts: Sequence[CitedEffort]) -> None:
        self.years = corpus.fiscal_years
        self.dated = frozenset(d for e in efforts for d in e.dates)
        # Fiscal years the efforts name in their text ("the FY2017 efforts report", "FY
        # Reiwa 30")
        self.named_years = frozenset(
            int(y)
            for e in efforts
            for y in re.findall(r"\bFY\s?((?:19|20)\d\d)\b", western_years(e.text))
        )
        # The words of the plan's own name ("Basic Plan on Measures against Child Sexual
        # Exploitation"), which every effort is under.
        self.plan_words = frozenset(
            w for plan in corpus.plans for w in tokenize(plan.title) if w.isalpha()
        )
        self.glossary = dict(corpus.glossary)  # abbreviation → full name
        self.renamed = corpus.renamed  # abbreviation → the body's former abbreviation
        self.titles = list(
            dict.fromkeys((s.number, s.title) for plan in corpus.plans for s in plan.sections)
        )
        measure_titles = [(t, t) for t in dict.fromkeys(e.measure_title for e in efforts)]
        texts = [e.text for e in efforts] + [e.measure_title for e in efforts]
        texts += [t for _, t in self.titles] + list(corpus.glossary.values())
        texts += list(corpus.glossary) + [m for e in efforts for m in e.ministries]
        self.vocabulary = frozenset(w.lower() for t in texts for w in re.findall(r"[A-Za-z]+", t))
        self.hosted = HostCountries(e.text for e in efforts)  # countries of their cities
        # what the efforts say, to tell a body they name ("the Vietnamese Ministry of
        # Public Security") from a ministry the reports do not know
        self.said = " ".join(" ".join(e.text.split()).lower() for e in efforts)
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
            self.vocabulary | model.words | other_names | _MONTH_WORDS | known_words(),
            reports=self.vocabulary,
        )
        attributed = tuple(sorted({m for e in efforts for m in e.ministries}))
        self.ministries = MinistryResolver(
            corpus.glossary,
            attributed,
            is_word=self.speller.is_common,
            is_known=self.speller.is_known,
            said=self.said,
        )
        self._chatter = Chatter(model, self.vocabulary, read_clause=self._clause_shape)
        self.chatter = self._chatter.words  # dropped from what is searched
        # Scaffold words the reports never use, and English function words, say how a
        # question asks, not what it is about.
        self.function_stems = (model.scaffold - self.stems) | frozenset(
            tokenize(" ".join(function_words()))
        )
        self.topics = TopicWords(self.chatter, self.function_stems, model.scaffold)
        self.mentioned = frozenset(w for w in self.vocabulary)
        self.slots = SlotReader(
            self.ministries,
            years=self.years,
            titles=self.titles,
            measure_titles=measure_titles,
            vocabulary=self.vocabulary,
            mentioned=self.mentioned,
        )

    # -- reading -------------------------------------------------------------------------

    def read(self, question: str) -> Query:
        """The typed reading of one question (already checked to be non-empty text)."""
        text = self.speller.correct(normalize(question))
        content = self._chatter.strip(text)
        if not content:
            return Query(text=text, intent=Intent.CHITCHAT)
        text = self._without_glosses(content)
        # "counting both its old abbreviation CFA and its new one CFYA": which of a renamed
        # body's names are meant, said around them
        talk = " ".join(m.group(0) for m in _NAMING_TALK.finditer(text)) if self.renamed else ""
        if talk:
            text = _NAMING_TALK.sub("", text).strip() or text
        slots = self.slots.read(text)
        # What is asked is read from the question itself, not from a statement leading
        # into it ("MOJ evaluated its guidance - what did the evaluation conclude?").
        asked = question_part(text)
        # A statement after the question ("…2017? writing a timeline for class") says why
        # it is asked, not what about: the question sentence alone holds the topic.
        follows = None if asked else asked_sentence(text)
        asked = asked or follows
        asked_slots = self.slots.read(asked) if asked else slots
        if asked and slots.time.spans and not asked_slots.time.spans and that_time(asked):
            # "September 2038 - what was done that month?": the month the lead names
            spans = {**asked_slots.spans, "time": that_time(asked)}
            asked_slots = dataclasses.replace(asked_slots, spans=spans)
        shape = self.shape(asked or text, asked_slots)
        if (
            asked_slots.time.spans
            and (asked_slots.has_year or not slots.has_year)
            and not months_within(slots.time, asked_slots.time)
        ):
            # "DA is in the 2025 glossary, but what did it do in FY2019?": the question's
            # own time, not the statement's; but "in the 2019 report, what happened after
            # October?" asks months of the year the lead names
            slots = dataclasses.replace(slots, time=asked_slots.time)
        prediction = self.model.predict(shape)
        lead = _LEADING_AND.match(asked or text)
        if prediction.intent is Intent.FOLLOW_ON and lead and not asked_slots.swappable:
            # "and where was it?" swaps nothing: it asks what its question words ask
            rest = (asked or text)[lead.end() :]
            again = self.model.predict(self.shape(rest, self.slots.read(rest)))
            if again.intent is not Intent.FOLLOW_ON and self.model.accepts(again):
                prediction = again
        at_least, together = ministry_count(text, len(slots.mentions.ministries))
        exactly = exact_ministry_count(text)  # "three bodies, no more and no fewer"
        sole = bool(slots.mentions.ministries) and sole_ministry(text)
        if prediction.intent is Intent.JOINT and (
            # "which 31 companies partnered with CFA?": partners that are no ministries
            asked_names(text) is not None
            or not asks_partners(
                asked or text,
                asked_slots.spans["ministry"],
                len(slots.mentions.ministries),
                at_least,
            )
        ):
            prediction = self.model.runner_up(shape)
        if prediction.intent is Intent.COMPARE and asks_place(asked or text):
            # "where did the 5 new centers open in FY2050?": a place, not what is new
            prediction = self.model.runner_up(shape)
        intent, confidence = prediction.intent, prediction.confidence
        if not self.model.accepts(prediction) or intent is Intent.CHITCHAT:
            intent = Intent.TOPIC
        back, subset = refers_back(blanked(text, slots.spans["time"]))
        topic, words = (
            self.topics.topic(follows, asked_slots) if follows else self.topics.topic(text, slots)
        )
        said = restated(text, self._section_words(slots.section)) if words else frozenset()
        if said:  # "section 3 (the one on tools) - what was done?": the title, restated
            words = tuple(w for w in words if w not in said)
            topic = " ".join(w for w in topic.split() if stem(w.lower()) not in said)
        if words and all(in_title(w, self._section_words(slots.section)) for w in words):
            # "under pillar 4 (prompt protection of … child victims)": the section's own
            # title, restated, names the section and asks about nothing more
            topic, words = "", ()
        filtered = bool(slots.mentions.ministries or slots.time.spans)
        if words and set(words) <= self.plan_words and filtered and intent is not Intent.MENTIONS:
            # "what has CAS done under the basic plan?": every effort is under the plan,
            # so naming it asks about all of the ministry's (or the year's) efforts; but
            # 'where does the phrase "child sexual exploitation" appear' asks for those words
            topic, words = "", ()
        # "I am a student from Vietnam. How many schools …?": the asker's country is no
        # country asked about; only the question's own are
        source = asked or text
        # "how does Korea handle it compared with Japan": Korea's measures, though the
        # reports tell of Korea
        beside = compares_with_home(source)
        mentioned = frozenset() if beside else self.mentioned
        named = countries(source, HOME_COUNTRY, mentioned)
        if named:  # "a panel in Switzerland" of reports that tell of one in Geneva
            named = countries(source, HOME_COUNTRY, mentioned, self.hosted())
        if (slots.mentions.ministries or _HOME.search(text)) and not beside:
            # "did Japan send officers to France?": a Japanese effort abroad, not France's
            named = not_places(named, source)
        term = self._term(text, slots)
        changes = read_changes(asked or text, self.years)
        names = asked_names(text)
        if names == "name" and unit(text) in ("percent", "money", "duration", "age"):
            names = None  # "what % of them recognised the slogan" asks a share, no name
        return Query(
            text=self._canonical(text, slots),
            intent=intent,
            confidence=round(confidence, 3),
            ministries=slots.mentions.ministries,
            written=()
            if _EITHER_NAME.search(talk)
            else tuple(m for m in slots.mentions.ministries if re.search(rf"\b{m}\b", text, re.I)),
            unknown_ministries=tuple(
                u for u in slots.mentions.unknown if u.lower() not in self.said
            ),
            all_ministries=together and len(slots.mentions.ministries) > 1,
            min_ministries=exactly or (0 if sole else at_least),  # "alone, without any other"
            max_ministries=exactly,
            sole=sole,
            time=time_scope(
                slots.time,
                self.years,
                self.dated,
                dated=asks_dated(text),
                undated=asks_undated(text),
            ),
            section=slots.section,
            also_sections=slots.also_sections,
            measure=slots.measure,
            measure_title=slots.measure_title,
            measures=asks_measures(text),
            term=term,
            unit=unit(text)
            or (name_of(text) if intent in (Intent.NAME, Intent.WHERE) else None)
            or quantity_of(text, known_only=intent is not Intent.NUMBER),
            counted=counts(text),
            names=names,
            role=asked_role(text),
            topic=topic,
            about=unfiltered(follows or text, asked_slots if follows else slots, self.chatter)
            if topic
            else "",
            topic_words=words,
            report_words=tuple(w for w in words if w in self.stems),
            own_words=tuple(w for w in words if w not in self.model.scaffold),
            alternatives=() if follows else self.topics.alternatives(text, slots),
            conjuncts=() if follows else self.topics.alternatives(text, slots, "and"),
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

    def _without_glosses(self, text: str) -> str:
        """``text`` without a bracket that only names again a ministry the question names
        ("how much did gaimusho give (外務省)?", "出入国在留管理庁 (immigration)"): a gloss,
        not something asked."""
        for m in reversed(list(_BRACKETED.finditer(text))):
            inside = self.ministries.find(m.group(1)).ministries
            rest = text[: m.start()] + text[m.end() :]
            named = self.ministries.find(rest).ministries
            # "出入国在留管理庁 (immigration)": words of its own name
            own = {w for abbr in named for w in self.glossary.get(abbr, "").lower().split()}
            words = set(re.findall(r"[a-z]+", m.group(1).lower()))
            if (inside and set(inside) <= set(named)) or (words and words <= own):
                text = rest.strip()
                continue
            # "houterasu (JLSC)": the words before it are of that body's own name
            full = " ".join(self.glossary.get(a, "") for a in inside).lower()
            names = "|".join(re.findall(r"[a-z]{3,}", full))
            before = re.search(rf"(?i:\b(?:{names})\s+)*\b(?i:{names})\s*$", text[: m.start()])
            if before and names:
                text = text[: before.start()] + text[m.start() :]
        return text

    def _clause_shape(self, clause: str) -> str | None:
        """A clause's shape, chatter words kept; None when it names a slot."""
        slots = self.slots.read(clause)
        return None if slots.any else self.shape(clause, slots, chatter=True)

    def shape(self, text: str, slots: Slots, *, chatter: bool = False) -> str:
        """The question with its slots masked, as the intent model reads it.

        Chatter words ("hey", "thx") say nothing of what a question asks and are left out,
        unless ``chatter`` (deciding whether a clause is itself chatter).
        """
        tokens = [
            (w, s) for w, s in tagged(text, slots.spans) if chatter or w.lower() not in self.chatter
        ]
        return shape(tokens, self.model.scaffold)

    def _section_words(self, section: int | None) -> frozenset[str]:
        """The stems of a section's titles, in every loaded report."""
        return frozenset(
            w for number, title in self.titles if number == section for w in tokenize(title)
        )

    def _term(self, text: str, slots: Slots) -> str | None:
        if slots.spans["term"]:
            start, end = slots.spans["term"][0]
            return text[start:end].rstrip("s") if text[start:end].endswith("s") else text[start:end]
        if slots.mentions.ministries:
            return slots.mentions.ministries[0]
        return None

    def _canonical(self, text: str, slots: Slots) -> str:
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


_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter".split()
)


# "and where was it?", "ok and who ran it": a conjunction before a question word.
_LEADING_AND = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|but)\s*,?\s+)?(?:and|also|then)\s+"
    r"(?=(?:who|whom|whose|what|which|when|where|why|how)\b)",
    re.I,
)
