"""Answering questions across fiscal years from the matched efforts of each year.

"What is new in FY2020?", "Which efforts continued from FY2019?", "Compare MHLW in FY2019
and FY2020": the years come from the time slot, the side asked (new, continued, no longer
reported) from the change slot (``changes.py``), the ministries and section from theirs.
The years are chosen and said:

- two or more years named: the earliest against the latest;
- one year named: against the loaded year before it ("compared with FY2019, the previous
  loaded report"), or, for the first loaded year or one introduced by "from", "since" or
  "after", against the loaded year after it;
- none: the two latest loaded years.

Every listed effort is cited, each pair with both its years; the answer names the rule the
efforts were matched by (:meth:`assistant.compare.MatchRule.describe`). With one year
loaded, or a year named that no loaded report covers, it says which years are loaded and
what would be needed, and abstains.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.changes import ASPECTS, Aspect
from assistant.compare import RULE, MatchRule, YearComparison, compare_years
from assistant.compose import MAX_LISTED_EFFORTS, Composer, count, short, years_phrase
from assistant.conversation import Context, FollowUp, follow_up
from assistant.models import Answer, AppliedFilters, QuestionError
from assistant.query import Query
from assistant.retrieval import Retriever
from assistant.when import read_time
from index.documents import CitedEffort
from index.search import SearchIndex

__all__ = ["CompareWriter", "Comparisons", "YearChoice", "choose_years", "compare_follow_up"]

# A year introduced by one of these is where the comparison starts ("continued from FY2019").
_FROM_YEAR = re.compile(r"\b(?:from|since|after|beyond)\s+(?:the\s+)?(?:FY\s?)?$", re.I)
_TITLES: dict[Aspect, str] = {
    "new": "**New in FY{after}** (continuing no effort of FY{before}):",
    "continued": "**Continued from FY{before}** (each FY{after} effort, with the FY{before} "
    "effort it continues under it):",
    "stopped": "**No longer reported in FY{after}** (FY{before} efforts no FY{after} effort "
    "continues):",
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
        return self._done[key].only(ministries=ministries, section=section)


@dataclass(frozen=True)
class YearChoice:
    """The years a question compares, how they were chosen, or why none can be."""

    before: int = 0
    after: int = 0
    how: str = ""  # said in the answer when the years were not both named
    missing: tuple[int, ...] = ()  # named years no loaded report covers


def choose_years(q: Query, loaded: Sequence[int], ui_years: Sequence[int] = ()) -> YearChoice:
    """The two years ``q`` compares among the ``loaded`` fiscal years (see the module)."""
    years = sorted(loaded)
    ref = read_time(q.text, tuple(years))
    named = [*q.time.fiscal_years, *q.time.uncovered, *ref.fiscal_years, *ref.years]
    missing = tuple(dict.fromkeys(y for y in named if y not in years))
    if missing:
        return YearChoice(missing=missing)
    asked = sorted(set(q.time.fiscal_years) or set(ui_years) & set(years))
    if len(asked) >= 2:
        return YearChoice(asked[0], asked[-1])
    if len(asked) == 1:
        year = asked[0]
        earlier = [y for y in years if y < year]
        later = [y for y in years if y > year]
        starts = any(_FROM_YEAR.search(q.text[:start]) for start, _ in ref.spans)
        if later and (starts or not earlier):
            return YearChoice(year, later[0], f"compared with FY{later[0]}, the next loaded report")
        return YearChoice(
            earlier[-1], year, f"compared with FY{earlier[-1]}, the previous loaded report"
        )
    return YearChoice(
        years[-2], years[-1], f"comparing the two latest loaded reports, {years_phrase(years[-2:])}"
    )


def asked_aspects(q: Query, choice: YearChoice) -> tuple[Aspect, ...]:
    """The sides of the comparison asked for: the change slot, else what the absent year
    says ("… that it did not do in FY2019": new in the later year), else all three."""
    if q.changes:
        return q.changes
    if q.absent_year in (choice.before, choice.after):
        return ("new",) if q.absent_year == choice.before else ("stopped",)
    return ASPECTS


def compare_follow_up(q: Query, ctx: Context | None) -> FollowUp:
    """A comparison question in its conversation: it stands alone unless it picks from the
    previous answer ("which of those continued?") or points back at what it was about
    ("how did their work change?"), which carries the ministries and years it named."""
    if ctx is None or ctx.empty:
        return FollowUp(q)
    if (q.subset or q.ordinal is not None) and ctx.efforts:
        return follow_up(q, ctx)
    if not q.refers_back:
        return FollowUp(q)
    update: dict[str, object] = {}
    carried: list[str] = []
    if not q.ministries and ctx.ministries:
        update["ministries"] = ctx.ministries
        carried += ctx.ministries
    if not q.time.any and ctx.time.fiscal_years:
        update["time"] = ctx.time
        carried += [f"FY{y}" for y in ctx.time.fiscal_years]
    return FollowUp(q.model_copy(update=update), None, tuple(carried))


class CompareWriter:
    """Comparison answers for one corpus."""

    def __init__(self, compose: Composer, comparisons: Comparisons, retriever: Retriever) -> None:
        self.c = compose
        self.comparisons = comparisons
        self.retriever = retriever

    def answer(
        self, q: Query, filters: AppliedFilters, *, scope: tuple[str, ...] | None = None
    ) -> Answer:
        """Answer ``q`` under ``filters`` (the question's and the caller's ministries and
        years), within ``scope`` (effort ids) when it picks from the previous answer."""
        loaded = self.comparisons.years
        if len(loaded) < 2:
            return self._one_year(q, loaded)
        ui_years = [y for y in filters.fiscal_years if y not in q.time.fiscal_years]
        choice = choose_years(q, loaded, ui_years)
        if choice.missing:
            return self._not_loaded(q, choice.missing, loaded)
        ministries = filters.ministries
        comparison = self.comparisons.between(
            choice.before, choice.after, ministries=ministries, section=q.section
        )
        kept = self._topic(q, choice)
        if scope is not None:  # "which of those continued?": the previous answer's efforts
            kept = set(scope) if kept is None else kept & set(scope)
        if kept is not None:
            ids = kept
            comparison = comparison.only(keep=lambda e: e.id in ids)
        filters = filters.model_copy(
            update={"ministries": ministries, "fiscal_years": (choice.before, choice.after)}
        )
        return self._write(q, comparison, asked_aspects(q, choice), choice.how, filters)

    def _topic(self, q: Query, choice: YearChoice) -> set[str] | None:
        """Ids of the efforts of either year on the question's topic; None: no topic."""
        if not q.own_words:
            return None
        mask = self.retriever.index.effort_mask(fiscal_years=(choice.before, choice.after))
        found = self.retriever.retrieve(q, mask)
        return {e.id for e in found.efforts}

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
        comparison: YearComparison,
        aspects: Sequence[Aspect],
        how: str,
        filters: AppliedFilters,
    ) -> Answer:
        before, after = comparison.before, comparison.after
        who = f" of {', '.join(comparison.ministries)}" if comparison.ministries else ""
        where = f" under section {comparison.section}" if comparison.section is not None else ""
        notes = [f"_{how[0].upper()}{how[1:]}._"] if how else []
        notes.append(f"_Efforts {comparison.rule.describe()}._")
        kept, new, stopped = comparison.counts()
        named = f", {self.c.names(comparison.ministries)}" if comparison.ministries else ""
        lead = (
            f"From FY{before} to FY{after}{named}{where}: {_counted(kept, 'continued')}, "
            f"{_counted(new, 'new')}, {count(stopped)} no longer reported."
        )
        efforts: list[CitedEffort] = []
        blocks = []
        total = 0
        for aspect in aspects:
            items = self._items(comparison, aspect)
            total += sum(len(group) for group in items)
            if not items:
                blocks.append(_NONE[aspect].format(who=who + where, before=before, after=after))
                continue
            shown = []
            for group in items:
                if len(efforts) + len(group) > MAX_LISTED_EFFORTS:
                    break
                shown += self._lines(group, len(efforts))
                efforts += group
            if shown:
                title = _TITLES[aspect].format(before=before, after=after)
                blocks.append("\n".join([title, *shown]))
        text = "\n\n".join([*notes, lead, *blocks])
        if total > len(efforts):
            text += (
                f"\n\n_Showing {len(efforts)} of the {total} efforts. Narrow the question by "
                "ministry (“… MEXT …”) or by section (“… under section 3”)._"
            )
        answer = self.c.answer(q, text, "compare", efforts, filters)
        return answer.model_copy(update={"total": total})

    @staticmethod
    def _items(c: YearComparison, aspect: Aspect) -> list[list[CitedEffort]]:
        if aspect == "continued":
            return [[p.after, p.before] for p in c.continued]
        return [[e] for e in (c.new if aspect == "new" else c.stopped)]

    @staticmethod
    def _lines(group: list[CitedEffort], start: int) -> list[str]:
        """Efforts as list items numbered as their sources; a continued pair's earlier effort
        follows its later one, marked as what it continues."""
        lines = []
        for n, e in enumerate(group, start=start + 1):
            mark = "↳ continues " if e is not group[0] else ""
            lines.append(f"{n}. {mark}{short(e.text)} — {_who(e)}; FY{e.fiscal_year} [{n}]")
        return lines


def _who(e: CitedEffort) -> str:
    return ", ".join(e.ministries)


def _counted(n: int, adjective: str) -> str:
    """ "3 continued efforts": the count stands before the noun, as the fact check reads it."""
    return f"{n} {adjective} effort{'' if n == 1 else 's'}"
