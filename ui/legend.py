"""Where each report lists its abbreviations, so a glossary answer can cite that line.

The assistant answers "What does METI stand for?" from the reports' glossary and cites no
effort: the glossary is no effort, and the parsed plan keeps no line for it. The page
shows the legend line instead, found here by reading the report's file with the parser's
own legend test, once per report and only when a glossary answer first needs it.

Example:
    >>> legends = Legends(Assistant.load())  # doctest: +SKIP
    >>> legends.for_answer(bot.ask("What does METI stand for?")).line  # doctest: +SKIP
    29
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from assistant import Answer, Assistant
from corpus.lines import glossary_pairs, normalise_line
from corpus.loader import corpus_files, read_report
from corpus.models import Plan

__all__ = ["Legend", "Legends"]

log = logging.getLogger("planqa")

# How a glossary answer names each abbreviation it explains: "**METI** stands for …".
_EXPLAINED = re.compile(r"\*\*([^*]+)\*\* stands for")


@dataclass(frozen=True)
class Legend:
    """One line of a report that lists abbreviations with their full names."""

    source: str
    line: int
    text: str
    fiscal_year: int
    entries: Mapping[str, str] = field(default_factory=dict)

    def terms_in(self, text: str) -> tuple[str, ...]:
        """The abbreviations of this line that ``text`` explains, in its order."""
        return tuple(t for t in _EXPLAINED.findall(text) if t in self.entries)


class Legends:
    """The legend lines of the loaded reports, read from their files when first needed."""

    def __init__(self, bot: Assistant | None = None) -> None:
        self._bot = bot
        self._read: dict[str, tuple[Legend, ...]] = {}

    def for_answer(self, answer: Answer) -> Legend | None:
        """The legend line a glossary answer rests on; None for any other answer.

        The latest report whose glossary holds an abbreviation the answer explains, and
        its line that lists it; for a term no report lists, the latest report's legend.
        """
        if self._bot is None or answer.kind != "glossary" or answer.citations:
            return None
        asked = _EXPLAINED.findall(answer.text)
        plans = sorted(self._bot.plans, key=lambda p: -p.fiscal_year)
        for plan in [p for p in plans if any(t in p.glossary for t in asked)] or plans[:1]:
            lines = self._lines(plan)
            found = [g for g in lines if any(t in g.entries for t in asked)] or list(lines)
            if found:
                return found[0]
        return None

    def _lines(self, plan: Plan) -> tuple[Legend, ...]:
        if plan.source not in self._read:
            self._read[plan.source] = self._legend_lines(plan)
        return self._read[plan.source]

    def _legend_lines(self, plan: Plan) -> tuple[Legend, ...]:
        source = self._bot.corpus.source if self._bot is not None else ""
        given = [s for s in source.split(", ") if s] or None
        try:
            file = next(f for f in corpus_files(given) if f.name == plan.source)
            text = read_report(file)
        except Exception as error:
            # Moved, changed or unreadable since it was loaded: the answer stands uncited,
            # as the assistant gave it, rather than failing.
            log.warning("cannot read the list of abbreviations of %s: %s", plan.source, error)
            return ()
        return tuple(
            Legend(plan.source, number, normalise_line(raw), plan.fiscal_year, pairs)
            for number, raw in enumerate(text.splitlines(), start=1)
            if (pairs := glossary_pairs(normalise_line(raw))) is not None
        )
