"""What a question is about: its words outside the slots, the scaffold of how it asks
and chatter, read by :class:`TopicWords` for :mod:`assistant.reader`.

Words that only say which reports or times ("the three older reports", "later than
October", "(calendar year)") or how much of a list ("the complete list") are no topic.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from assistant.slot_reader import Slots, tagged
from assistant.slots import ministry_count_spans, plan_noun, plan_part
from corpus.parser import MONTHS
from index.lexical import STOPWORDS, tokenize

__all__ = ["TopicWords"]

# What a year's report may be called after its year: "the FY2075 edition".
_DOCUMENT = frozenset(
    "edition editions book books document documents volume publication notice gazette annex "
    "bulletin export exports cable cables telegram telegrams compendium compendia "
    "compilation channel slack listing listings printout printouts print-out print-outs".split()
)
_VAGUE = frozenset("somewhere anywhere sometime anytime".split())
_WHOLE = frozenset("complete full entire whole".split())
# Which of the reports, by their order: "the three older reports", "the earlier years".
_BOUNDS = frozenset("later earlier sooner".split())
_ORDER = frozenset("older earlier previous prior later newer latest recent past".split())
_PARTS_IN_ORDER = frozenset("reports years editions ones".split())  # not "the previous year"
_LISTS = frozenset("list lists effort efforts report reports item items".split())


class TopicWords:
    """Reads the topic of a question.

    Args:
        chatter: Words dropped from what is searched ("please", "hey").
        function_stems: Stems that say how a question asks, never what about.
        scaffold: The intent examples' scaffold stems.
    """

    def __init__(
        self, chatter: Collection[str], function_stems: Collection[str], scaffold: Collection[str]
    ) -> None:
        self.chatter = frozenset(chatter)
        self.function_stems = frozenset(function_stems)
        self.scaffold = frozenset(scaffold)

    def topic(self, text: str, slots: Slots) -> tuple[str, tuple[str, ...]]:
        """What the question is about: its words outside slots, scaffold and chatter."""
        spans = {"many": ministry_count_spans(text), **slots.spans}  # "3 ministries" first
        kept, after = [], None
        read = list(tagged(text, spans))
        for i, (word, slot) in enumerate(read):
            # "the FY2075 edition", "the 2075 book": a year's report, named as a document;
            # "dated somewhere in April or May": where in the time, no topic
            named = after in ("time", "document") and word.lower() in _DOCUMENT
            vague = word.lower() in _VAGUE and any(s == "time" for _, s in read[i + 1 : i + 4])
            # "the complete effort list": how much of the list, not what it is about
            vague = vague or (
                word.lower() in _WHOLE and any(w.lower() in _LISTS for w, _ in read[i + 1 : i + 3])
            )
            # "all 4 reports": how many of the plan's parts, as "the two reports" says it
            counted = word.isdigit() and any(plan_part(w) for w, _ in read[i + 1 : i + 2])
            # "dated in a March (2020, 2021 or 2024)": the month the time names
            counted = counted or (word.lower() in MONTHS and bool(slots.spans.get("time")))
            # "the three older reports": which reports, by their order
            counted = counted or (
                word.lower() in _ORDER
                and any(w.lower() in _PARTS_IN_ORDER for w, _ in read[i + 1 : i + 2])
            )
            # "later than oct 2090 yet earlier than feb 2091": bounds of the time asked
            counted = counted or (
                word.lower() in _BOUNDS and any(w.lower() == "than" for w, _ in read[i + 1 : i + 2])
            )
            # "jan to dec 2024 (calendar year)": how the time is counted
            counted = counted or (
                word.lower() in ("calendar", "fiscal")
                and any(w.lower() in ("year", "years") for w, _ in read[i + 1 : i + 2])
            )
            if self.about(word, slot) and not named and not vague and not counted:
                kept.append(word)
            after = "document" if named else slot  # "the FY2059 gazette notice"
        # "consultation-only" is about consultation: a hyphenated word and its parts
        joined = " ".join(kept)
        whole_and_parts = f"{joined} {joined.replace('-', ' ')}" if "-" in joined else joined
        words = tuple(
            dict.fromkeys(w for w in tokenize(whole_and_parts) if w not in self.function_stems)
        )
        topic = " ".join(w for w in kept if not set(tokenize(w)) <= self.function_stems)
        return topic, words

    def about(self, word: str, slot: str | None) -> bool:
        """Whether a word of the question says what it is about."""
        return (
            slot in (None, "number", "term", "title")
            and re.match(r"[A-Za-z\d]", word) is not None
            and (len(word) > 1 or word.isdigit())  # the "q" of "q&a"
            and word.lower() not in self.chatter
            and word.lower() not in STOPWORDS
            and (slot is not None or not plan_noun(word))  # "the two reports" is no topic
        )

    def alternatives(
        self, text: str, slots: Slots, joiner: str = "or"
    ) -> tuple[tuple[str, ...], ...]:
        """The things a question names with ``joiner`` between them, each as its own
        words: "which efforts mention generative AI or deepfakes" → (("generat", "ai"),
        ("deepfak",)). Empty when it names one thing."""
        spans = {"many": ministry_count_spans(text), **slots.spans}
        runs: list[list[str]] = [[]]
        for word, slot in tagged(text, spans):
            if slot is None and word.lower() == joiner:
                runs.append([])
            elif self.about(word, slot):
                runs[-1].append(word)
        groups = [
            tuple(
                w
                for w in tokenize(" ".join(run))
                if w not in self.function_stems and w not in self.scaffold
            )
            for run in runs
        ]
        groups = [g for g in groups if g]
        return tuple(groups) if len(groups) > 1 else ()
