"""Frozen value types for a parsed plan report: Plan → Section → Measure → Effort."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Effort(_Frozen):
    """One thing a ministry (or several) did that year, as one bullet of the report.

    Attributes:
        id: Stable id ``fy<year>-<section>.<measure>.<effort>``, e.g. ``fy2019-4.1.1``.
        text: The effort exactly as in the source, minus bullet marker and attribution.
        ministries: Abbreviations from the attribution, in the report's order.
        dates: Months mentioned in the text, normalised as ``YYYY-MM``.
        fiscal_year: The report's fiscal year.
        section: Number of the section it belongs to.
        measure: 1-based position of its measure within the section.
        line: 1-based line in the source file where the effort starts; for a PDF, the line
            in the text planqa extracted from it (``corpus.pdf.pdf_report_text``).
        page: 1-based page of a PDF report where the effort starts; None for a text report
            (and then left out of its JSON, which stays as it was before PDFs were read).
    """

    id: str
    text: str
    ministries: tuple[str, ...]
    dates: tuple[str, ...] = ()
    fiscal_year: int
    section: int
    measure: int
    line: int
    page: int | None = None

    @property
    def is_joint(self) -> bool:
        """True when more than one ministry is credited."""
        return len(self.ministries) > 1

    @model_serializer(mode="wrap")
    def _without_unknown_page(self, handler: SerializerFunctionWrapHandler) -> Any:
        # A text report's efforts serialise exactly as before: its golden files, corpus
        # digest (which names the index) and `planqa parse --json` are unchanged.
        data = handler(self)
        if self.page is None and isinstance(data, dict):
            data.pop("page", None)
        return data


class Measure(_Frozen):
    """A measure header (``O ...``) with its efforts and any non-effort notes (figure text)."""

    number: int
    title: str
    efforts: tuple[Effort, ...] = ()
    notes: tuple[str, ...] = ()


class Section(_Frozen):
    """A numbered section (a pillar of the plan)."""

    number: int
    title: str
    measures: tuple[Measure, ...] = ()


class Plan(_Frozen):
    """One fiscal year's efforts report.

    Example:
        >>> plan = parse_plan(text, source="fy2019_efforts.txt")  # doctest: +SKIP
        >>> plan.fiscal_year, len(plan.sections)  # doctest: +SKIP
        (2019, 6)
    """

    title: str
    fiscal_year: int
    source: str
    sections: tuple[Section, ...]
    glossary: dict[str, str] = Field(default_factory=dict)
    # Bodies the legend says were renamed during the year: abbreviation → former one
    # ("CFYA (…; formerly CFA …)": {"CFYA": "CFA"}); efforts credit whichever name held.
    renamed: dict[str, str] = Field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def efforts(self) -> Iterator[tuple[Section, Measure, Effort]]:
        """Every effort in report order, with the section and measure it sits in."""
        for section in self.sections:
            for measure in section.measures:
                for effort in measure.efforts:
                    yield section, measure, effort

    @property
    def effort_count(self) -> int:
        return sum(1 for _ in self.efforts())

    @property
    def measure_count(self) -> int:
        return sum(len(s.measures) for s in self.sections)


class Corpus(_Frozen):
    """One or more plan reports read together, each keeping its fiscal year.

    Attributes:
        plans: Reports ordered by fiscal year.
        sha256: Digest over every report's bytes, name and parse; names the index built
            from it, so a changed report or a changed parser builds a new one.
        source: The file or folder the corpus was read from.
    """

    plans: tuple[Plan, ...]
    sha256: str
    source: str

    @property
    def fiscal_years(self) -> tuple[int, ...]:
        return tuple(p.fiscal_year for p in self.plans)

    @property
    def glossary(self) -> dict[str, str]:
        """Every report's glossary merged; a later report's wording wins."""
        return {k: v for plan in self.plans for k, v in plan.glossary.items()}

    @property
    def renamed(self) -> dict[str, str]:
        """Every report's renamed bodies: abbreviation → former abbreviation."""
        return {k: v for plan in self.plans for k, v in plan.renamed.items()}

    def efforts(self) -> Iterator[tuple[Plan, Section, Measure, Effort]]:
        for plan in self.plans:
            for section, measure, effort in plan.efforts():
                yield plan, section, measure, effort
