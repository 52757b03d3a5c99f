"""Answering questions across fiscal years from the matched efforts of each year.

"What is new in FY2020?", "Which efforts continued from FY2019?", "Compare MHLW in FY2019
and FY2020": the years are chosen as ``compare_read.py`` says, the side asked (new,
continued, no longer reported) comes from the change slot (``changes.py``), the ministries
and section from theirs; a topic ("is the guidebook still in the FY2020 report?") narrows
the comparison to the measures whose efforts match it.

Every listed effort is cited with its year, a continued pair as both its efforts; the
answer names the rule the efforts were matched by (:meth:`MatchRule.describe`) and, when
the years were not both named, how they were chosen. With one year loaded, or a year named
that no loaded report covers, it says which years are loaded and what would be needed, and
abstains. Lists are capped at :data:`MAX_LISTED_EFFORTS` citations, as other lists are.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

from assistant.changes import Aspect
from assistant.compare import RULE, MatchRule, YearComparison, compare_years
from assistant.compare_read import asked_aspects, choose_years, topic_noise
from assistant.compose import MAX_LISTED_EFFORTS, Composer, count, short, years_phrase
from assistant.intents import stem
from assistant.models import Answer, AppliedFilters, QuestionError
from assistant.query import Query
from assistant.retrieval import Retriever
from index.documents import CitedEffort
from index.search import SearchIndex

__all__ = ["CompareWriter", "Comparisons"]

_WORD = re.compile(r"[a-z]+")
# {of}: " of MEXT" when the comparison is seen from some ministries.
_TITLES: dict[Aspect, str] = {
    "new": "**New in FY{after}**{of} (continuing no FY{before} effort{of}):",
    "continued": "**Continued from FY{before}**{of} (each FY{after} effort, then the "
    "FY{before} effort it continues):",
    "stopped": "**No longer reported in FY{after}**{of} (FY{before} efforts no FY{after} "
    "effort{of} continues):",
}
_NONE: dict[Aspect, str] = {
    "new": "No effort{who} is new in FY{after}.",
    "continued": "No effort{who} of FY{before} is continued in FY{after}.",
    "stopped": "Every FY{before} effort{who} is continued in FY{after}.",
}


class Comparisons:
    """The loaded years compared, each pair of years computed once and kept."""

    def __init__(self, index: SearchIndex, *, rule: MatchRule = RULE) -> None:
        self.index = index
        self.rule = rule
        self.years = tuple(sorted(index.fiscal_years))
        self._done: dict[tuple[int, int], YearComparison] = {}
        self._lock = threading.Lock()

    def between(
        self,
        before: int,
        after: int,
        *,
        ministries: Sequence[str] = (),
        together: bool = False,
        section: int | None = None,
    ) -> YearComparison:
        """``before`` against ``after`` (either order), narrowed to ministries or a section.

        Raises:
            QuestionError: a year not loaded, or the same year twice.
        """
        loaded = ", ".join(f"FY{y}" for y in self.years) or "none"
        missing = [y for y in (before, after) if y not in self.years]
        if missing:
            raise QuestionError(
                f"no report for FY{missing[0]} is loaded (loaded: {loaded}); load its report "
                "with --corpus PATH to compare it"
            )
        if before == after:
            raise QuestionError(
                f"FY{before} cannot be compared with itself; name two loaded fiscal years "
                f"(loaded: {loaded})"
            )
        key = (min(before, after), max(before, after))
        with self._lock:
            if key not in self._done:
                self._done[key] = compare_years(self.index, *key, rule=self.rule)
        return self._done[key].only(ministries=ministries, together=together, section=section)


class CompareWriter:
    """Comparison answers for one corpus."""

    def __init__(self, compose: Composer, comparisons: Comparisons, retriever: Retriever) -> None:
        self.c = compose
        self.comparisons = comparisons
        self.retriever = retriever
        self._by_id = {e.id: e for e in retriever.index.efforts}
        self._sections = {s.number: s.title for p in compose.corpus.plans for s in p.sections}

    def answer(
        self, q: Query, filters: AppliedFilters, *, scope: tuple[str, ...] | None = None
    ) -> Answer:
        """Answer ``q`` under ``filters`` (the question's and the caller's ministries and
        years), within ``scope`` (effort ids) when it picks from the previous answer."""
        loaded = self.comparisons.years
        if len(loaded) < 2:
            return self._one_year(q, loaded)
        picked = sorted({self._by_id[i].fiscal_year for i in scope or () if i in self._by_id})
        ui_years = [y for y in filters.fiscal_years if y not in q.time.fiscal_years]
        choice = choose_years(q, loaded, ui_years=ui_years, picked=picked)
        if choice.missing:
            return self._not_loaded(q, choice.missing, loaded)
        steps = [
            self.comparisons.between(
                before, after, ministries=filters.ministries,
                together=q.all_ministries, section=q.section,
            )
            for before, after in choice.steps
        ]
        kept = self._topic(q, steps)
        if scope is not None:  # "which of those continued?": the previous answer's efforts
            kept = set(scope) if kept is None else kept & set(scope)
        if kept is not None:
            ids = kept
            steps = [c.only(keep=lambda e: e.id in ids) for c in steps]
        filters = filters.model_copy(update={"fiscal_years": tuple(sorted(
            {y for step in choice.steps for y in step}))})
        notes = [f"_{choice.how[0].upper()}{choice.how[1:]}._"] if choice.how else []
        notes.append(f"_Efforts {self.comparisons.rule.describe()}._")
        return self._write(q, steps, asked_aspects(q, choice), notes, filters)

    def _topic(self, q: Query, steps: Sequence[YearComparison]) -> set[str] | None:
        """Ids of the efforts under the measures on the question's topic (None: no topic,
        or nothing on it): "is the leaflet still there?" looks at the leaflet's measure, in
        each year, under its heading of that year."""
        noise = topic_noise(q, self._sections.get(q.section) if q.section else None)
        words = tuple(w for w in q.own_words if w in q.report_words and w not in noise)
        if not words:
            return None
        years = {y for c in steps for y in (c.before, c.after)}
        topic = " ".join(
            w for w in q.topic.split() if not {stem(p) for p in _WORD.findall(w.lower())} <= noise
        )
        asked = q.model_copy(update={"topic_words": words, "report_words": words,
                                     "own_words": words, "topic": topic})
        found = self.retriever.retrieve(asked, self.retriever.index.effort_mask(fiscal_years=years))
        titles = {e.measure_title for e in found.efforts}
        if not titles:
            return None
        for c in [*steps, *reversed(steps)]:  # the same measure under another year's heading
            titles |= {t for pair in c.measures if titles & set(pair) for t in pair}
        return {
            e.id
            for e in self.retriever.index.efforts
            if e.fiscal_year in years and e.measure_title in titles
        }

    # -- writing ---------------------------------------------------------------------------

    def _one_year(self, q: Query, loaded: Sequence[int]) -> Answer:
        have = years_phrase(loaded) if loaded else "no fiscal year"
        text = (
            f"Only the {have} report is loaded, so there is no other year to compare it with. "
            "To compare years, load the reports of two or more fiscal years (a folder of "
            "reports: `--corpus PATH`)."
        )
        return self.c.answer(q, text, "compare", abstained=True)

    def _not_loaded(self, q: Query, missing: Sequence[int], loaded: Sequence[int]) -> Answer:
        named = " or ".join(f"FY{y}" for y in missing)
        text = (
            f"No report for {named} is loaded, so I cannot compare it. The loaded reports "
            f"cover {years_phrase(loaded)}; to compare {named}, load its report "
            "(`--corpus PATH`)."
        )
        return self.c.answer(q, text, "compare", abstained=True)

    def _write(
        self,
        q: Query,
        steps: Sequence[YearComparison],
        aspects: Sequence[Aspect],
        notes: list[str],
        filters: AppliedFilters,
    ) -> Answer:
        efforts: list[CitedEffort] = []
        blocks = []
        total = 0
        for c in steps:
            if len(steps) > 1:
                blocks.append(f"**FY{c.before} → FY{c.after}**")
            blocks.append(self._lead(c))
            for aspect in aspects:
                items = _items(c, aspect)
                total += sum(len(group) for group in items)
                if not items:
                    blocks.append(_none(c, aspect))
                    continue
                shown = []
                for group in items:
                    if len(efforts) + len(group) > MAX_LISTED_EFFORTS:
                        break
                    shown += _lines(group, len(efforts))
                    efforts += group
                if shown:
                    of = f" of {', '.join(c.ministries)}" if c.ministries else ""
                    title = _TITLES[aspect].format(before=c.before, after=c.after, of=of)
                    blocks.append("\n".join([title, *shown]))
        text = "\n\n".join([*notes, *blocks])
        if total > len(efforts):
            text += (
                f"\n\n_Showing {len(efforts)} of the {total} efforts. Narrow the question by "
                "ministry (“… MEXT …”) or by section (“… under section 3”)._"
            )
        answer = self.c.answer(q, text, "compare", efforts, filters)
        return answer.model_copy(update={"total": total})

    def _lead(self, c: YearComparison) -> str:
        kept, new, stopped = c.counts()
        named = f", {self.c.names(c.ministries)}" if c.ministries else ""
        where = f" under section {c.section}" if c.section is not None else ""
        return (
            f"From FY{c.before} ({count(kept + stopped)}) to FY{c.after} "
            f"({count(kept + new)}){named}{where}: {_counted(kept, 'continued')}, "
            f"{_counted(new, 'new')}, {count(stopped)} no longer reported."
        )


def _none(c: YearComparison, aspect: Aspect) -> str:
    who = f" of {', '.join(c.ministries)}" if c.ministries else ""
    where = f" under section {c.section}" if c.section is not None else ""
    return _NONE[aspect].format(who=who + where, before=c.before, after=c.after)


def _items(c: YearComparison, aspect: Aspect) -> list[list[CitedEffort]]:
    """Each listed effort, with the effort of the other year it goes with, if any: a
    continued pair, or another ministry's effort a ministry joined or left."""
    if aspect == "continued":
        return [[p.after, p.before] for p in c.continued]
    out = []
    for e in c.new if aspect == "new" else c.stopped:
        other = c.counterpart(e)
        out.append([e] if other is None else [e, other])
    return out


def _lines(group: list[CitedEffort], start: int) -> list[str]:
    """Efforts as list items numbered as their sources; the effort of the other year a
    listed one goes with follows it, marked as what it continues or is continued by."""
    lines = []
    head = group[0]
    for n, e in enumerate(group, start=start + 1):
        mark = ""
        if e is not head:
            mark = "↳ continues " if e.fiscal_year < head.fiscal_year else "↳ continued by "
        who = ", ".join(e.ministries)
        lines.append(f"{n}. {mark}{short(e.text)} — {who}; FY{e.fiscal_year} [{n}]")
    return lines


def _counted(n: int, adjective: str) -> str:
    """ "3 continued efforts": the count stands before the noun, as the fact check reads it."""
    return f"{n} {adjective} effort{'' if n == 1 else 's'}"
