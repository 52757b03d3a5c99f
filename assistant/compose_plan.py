"""Answers about the plan itself: its abbreviations and its structure.

What an abbreviation stands for comes from the reports' glossary, and a term an effort
explains where it uses it ("ura-aka" (secret SNS accounts)) is quoted from that effort;
the structure answers list the reports' sections and, for a section or when measures are
asked, its measures, each citing its efforts. Like the fact answers
(``compose_facts.py``), they are written on top of a :class:`Composer`.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.compose import Composer, count, years_phrase
from assistant.models import Answer
from assistant.query import Query
from corpus.models import Plan
from index.documents import CitedEffort

__all__ = ["PlanWriter"]


class PlanWriter:
    """Glossary and structure answers for one corpus, on top of a :class:`Composer`."""

    def __init__(self, compose: Composer) -> None:
        self.c = compose

    def glossary(self, q: Query) -> Answer:
        term = q.term or ""
        full = self.c.terms.get(term)
        if full is None:
            listed = ", ".join(self.c.terms)
            text = f"“{term}” is not in the reports' list of abbreviations; they list {listed}."
            return self.c.answer(q, text, "glossary", abstained=True)
        # "What do DA and CFA stand for?": every abbreviation the question names
        asked = [term, *(w for w in q.topic.split() if w in self.c.terms), *q.ministries]
        known = [t for t in dict.fromkeys(asked) if t in self.c.terms]
        lines = [f"**{t}** stands for the **{self.c.terms[t]}**" for t in known]
        text = "; ".join(lines) + " (from the reports' list of abbreviations)."
        credited = {
            m
            for plan in self.c.corpus.plans
            for section in plan.sections
            for measure in section.measures
            for effort in measure.efforts
            for m in effort.ministries
        }
        idle = [t for t in known if t not in credited]
        if idle:  # "what is CAS?" of a ministry the legend lists but no effort credits
            text += f" No effort in the loaded reports is attributed to {' or '.join(idle)}."
        return self.c.answer(q, text, "glossary")

    def explained(self, q: Query, effort: CitedEffort, phrase: str, gloss: str) -> Answer:
        """A term the reports explain where they use it: “ura-aka” (secret SNS accounts)."""
        text = f"The report explains “{phrase}” as “{gloss}” [1].\n\n> {effort.text} [1]"
        return self.c.answer(q, text, "glossary", [effort])

    def structure(self, q: Query, efforts: Sequence[CitedEffort] = ()) -> Answer:
        """The reports' sections; with a section named or measures asked, their measures,
        each citing its efforts among ``efforts``."""
        corpus = self.c.corpus
        years = q.time.fiscal_years or corpus.fiscal_years
        plans = [p for p in corpus.plans if p.fiscal_year in years] or list(corpus.plans)
        if q.measure is not None:
            return self._measure(q, plans, efforts)
        if q.section is not None or (q.unit or "").lower().rstrip("s") == "measure":
            cited = [e for e in efforts if q.section in (None, e.section)] if q.section else []
            return self.c.answer(q, self._measures(q, plans, cited), "structure", cited)
        titles = {tuple((s.number, s.title) for s in p.sections) for p in plans}
        lines = []
        if len(plans) > 1:
            lines.append(
                f"The loaded reports cover {years_phrase([p.fiscal_year for p in plans])}."
            )
        # each report by the title it gives itself: "what is the report called?"
        lines.extend(f"The FY{p.fiscal_year} report is titled “{p.title}”." for p in plans)
        for plan in plans if len(titles) > 1 else plans[:1]:
            if len(titles) == 1 and len(plans) > 1:
                heading = "Each report"
            else:
                heading = f"The FY{plan.fiscal_year} report"
            lines.append(f"{heading} has {count(len(plan.sections), 'section')} (pillars):")
            lines.extend(f"{s.number}. {s.title}" for s in plan.sections)
        return self.c.answer(q, "\n".join(lines), "structure")

    def _measure(self, q: Query, plans: list[Plan], efforts: Sequence[CitedEffort]) -> Answer:
        """One measure by its number ("measure 3.4"; place -1 is a section's last): its
        title in each report that has it, citing its efforts among ``efforts``."""
        assert q.measure is not None
        section, place = q.measure
        lines: list[str] = []
        cited: list[CitedEffort] = []
        for plan in plans:
            measures = next((s.measures for s in plan.sections if s.number == section), ())
            if not measures or place > len(measures) or place == 0:
                continue
            m = measures[place - 1] if place > 0 else measures[-1]
            mine = [
                e
                for e in efforts
                if (e.fiscal_year, e.section, e.measure) == (plan.fiscal_year, section, m.number)
            ]
            refs = "".join(f"[{len(cited) + k}]" for k in range(1, len(mine) + 1))
            cited.extend(mine)
            lines.append(
                f"Measure {section}.{m.number} of the FY{plan.fiscal_year} report, under "
                f"section {section}, is “{m.title}” {refs}".rstrip()
                + "."
            )
        if not lines:
            have = [
                f"section {section} of the FY{p.fiscal_year} report has "
                f"{count(len(s.measures), 'measure')}"
                for p in plans
                for s in p.sections
                if s.number == section
            ]
            text = f"No loaded report has a measure {section}.{place}" + (
                f"; {', '.join(have)}." if have else "."
            )
            return self.c.answer(q, text, "structure", abstained=True)
        return self.c.answer(q, "\n".join(lines), "structure", cited)

    def _measures(self, q: Query, plans: list[Plan], cited: Sequence[CitedEffort]) -> str:
        """The measures (the ``O`` headings) of one section, or how many each section has."""
        number: dict[tuple[int, int, int], list[int]] = {}
        for n, e in enumerate(cited, 1):
            number.setdefault((e.fiscal_year, e.section, e.measure), []).append(n)
        lines = []
        for plan in plans:
            sections = [s for s in plan.sections if q.section in (None, s.number)]
            if q.section is None:
                total = sum(len(s.measures) for s in sections)
                lines.append(f"The FY{plan.fiscal_year} report has {count(total, 'measure')}:")
                lines.extend(
                    f"- section {s.number}: {count(len(s.measures), 'measure')}" for s in sections
                )
                continue
            for s in sections:
                lines.append(
                    f"Section {s.number} of the FY{plan.fiscal_year} report ({s.title}) has "
                    f"{count(len(s.measures), 'measure')}:"
                )
                for n, m in enumerate(s.measures, 1):
                    key = (plan.fiscal_year, s.number, m.number)
                    refs = "".join(f"[{k}]" for k in number.get(key, []))
                    lines.append(f"{n}. {m.title} {refs}".rstrip())
        return "\n".join(lines) or f"No report has a section {q.section}."
