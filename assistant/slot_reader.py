"""Reading every slot of a question's text against one corpus.

The small slot readers (``ministries.py``, ``when.py``, ``parts.py``, ``slots.py``) each
find one kind of slot; :class:`SlotReader` runs them all over a text, against the loaded
reports' glossary, fiscal years, section and measure titles and vocabulary, and gives
the :class:`Slots` that :class:`~assistant.reader.Reader` masks to get a question's shape
and reads its filters from. A question's clauses and parts are read more than once, so
the readings are remembered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.changes import read_changes
from assistant.countries import countries
from assistant.intents import token_spans
from assistant.ministries import Mentions, MinistryResolver
from assistant.parts import measure, restates_section, section, sections, titled
from assistant.slots import Span, asides, numbers, ordinal, terms, titles
from assistant.when import TimeRef, read_time

__all__ = ["HOME_COUNTRY", "SlotReader", "Slots", "blanked", "tagged", "unfiltered"]

# The country whose measures the reports cover: any other a question names is asked about.
HOME_COUNTRY = "Japan"
# How many texts' slots a reader remembers (a question reads its clauses more than once).
SLOT_CACHE = 512
# A measure is named by its title only where the question points at a part of the plan
# ("what falls under …", "the … section"); otherwise its words are a topic ("who is in
# charge of the guidance on repeat sexual offenses").
_PART_CUE = re.compile(
    r"\b(?:measures?|sections?|pillars?|parts?|bits?|headings?|chapters?|items?|under|"
    r"titled|called|heading)\b|[\"“”]",
    re.I,
)


@dataclass(frozen=True)
class Slots:
    """The slots of one text: the ministries and time it names, the section or measure,
    and the character spans of every slot, by kind, for masking them out."""

    mentions: Mentions
    time: TimeRef
    section: int | None
    spans: dict[str, list[Span]]
    measure: tuple[int, int] | None = None
    measure_title: str | None = None
    also_sections: tuple[int, ...] = ()  # "sections 4 to 6": 5 and 6 after the first

    @property
    def has_year(self) -> bool:
        """Whether its time names a year."""
        return bool(self.time.fiscal_years or self.time.years or self.time.calendar_years)

    @property
    def any(self) -> bool:
        """Whether it names a ministry, a time, a section or a measure."""
        return bool(
            self.mentions.ministries
            or self.mentions.unknown
            or self.time.any
            or self.section is not None
            or self.measure is not None
            or self.measure_title is not None
        )

    @property
    def swappable(self) -> bool:
        """Whether it names something a follow-on could swap in."""
        return bool(self.mentions.ministries or self.time.spans or self.section is not None)


def tagged(text: str, spans: dict[str, list[Span]]) -> list[tuple[str, str | None]]:
    """The text's tokens, each with the slot whose span covers it (or None)."""
    return [
        (token, next((kind for kind, ss in spans.items() for s, e in ss if s <= at < e), None))
        for token, at in token_spans(text)
    ]


def blanked(text: str, spans: list[Span]) -> str:
    """``text`` without its ``spans``: "that month" after "September 2038" is the time."""
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]}{text[end:]}"
    return text


# Words that lead into a filter and mean nothing once it is gone ("during FY2022").
_ORPHANED = re.compile(
    r"\b(?:in|during|since|for|from|by|of|at|on|to|the|after|before|until|under|within)"
    r"(?:\s|\0)*\0",
    re.IGNORECASE,
)


def unfiltered(text: str, slots: Slots, dropped: frozenset[str] = frozenset()) -> str:
    """The sentence without what filters it (ministries, times, sections, asides), nor a
    word that only led into one, nor the ``dropped`` words (chatter): "what did MOJ do
    about sex offenders in 2018" → "what did do about sex offenders"."""
    spans = [s for kind in ("ministry", "time", "section", "aside") for s in slots.spans[kind]]
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]}\0{text[end:]}"
    words = _ORPHANED.sub(" ", text).replace("\0", " ").split()
    kept = " ".join(w for w in words if w.lower().strip("?!.,;:") not in dropped)
    return re.sub(r"\s+([?!.,;:])", r"\1", kept).strip(" ,;:-–—")


class SlotReader:
    """Reads the slots of texts against one corpus (its glossary, years, titles, words)."""

    def __init__(
        self,
        ministries: MinistryResolver,
        *,
        years: tuple[int, ...],
        titles: list[tuple[int, str]],
        measure_titles: list[tuple[str, str]],
        vocabulary: frozenset[str],
        mentioned: frozenset[str],
    ) -> None:
        self.ministries = ministries
        self.years = years
        self.titles = titles
        self.measure_titles = measure_titles
        self.vocabulary = vocabulary
        self.mentioned = mentioned
        self._read_slots: dict[str, Slots] = {}

    def read(self, text: str) -> Slots:
        """The slots of ``text``, remembered: a question's clauses and parts are read
        more than once (to tell chatter apart, then as the question)."""
        cached = self._read_slots.get(text)
        if cached is None:
            if len(self._read_slots) >= SLOT_CACHE:
                self._read_slots.clear()
            cached = self._read_slots[text] = self._read(text)
        return cached

    def _read(self, text: str) -> Slots:
        mentions = self.ministries.find(text)
        time = read_time(text, self.years)
        together, together_spans = sections(text)  # "sections 4 to 6"
        number, section_spans = (
            (together[0], together_spans) if together else section(text, self.titles)
        )
        at, measure_spans = measure(text, number)
        measure_title = None
        # (a bracket restating the named section's title names no measure)
        restating = restates_section(text, number, self.titles)
        cued = _PART_CUE.search(text) is not None and not restating
        by_title = titled(text, self.measure_titles) if at is None and cued else None
        if by_title is not None:
            # "the follow-up of the basic plan section" names a measure, unless the same
            # words name a section better
            by_section = titled(text, self.titles, one_word=True)
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
        return Slots(mentions, time, number, spans, at, measure_title, together[1:])
