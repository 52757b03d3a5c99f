"""What an answer is made of: Answer, Citation, and the filters it applied."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from assistant.conversation import Context
from corpus.errors import PlanqaError
from index.documents import CitedEffort

__all__ = ["Answer", "AppliedFilters", "Citation", "Context", "Kind", "QuestionError"]


class QuestionError(PlanqaError):
    """A question or search request that cannot be answered as asked (empty, k < 1, ...)."""


# How a question was answered: the intent it was read as, or how it was declined.
Kind = Literal[
    "list",
    "count",
    "joint",
    "ministries",
    "who",
    "audience",
    "when",
    "period",
    "number",
    "name",
    "where",
    "which_section",
    "glossary",
    "structure",
    "topic",
    "compare",
    "outside",
    "chitchat",
    "no_effort",
    "not_covered",
    "year_not_covered",
    "invalid",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Citation(_Frozen):
    """One cited effort, numbered as its ``[n]`` marker in the answer text."""

    number: int
    effort_id: str
    text: str
    ministries: tuple[str, ...]
    ministry_names: tuple[str, ...]
    section: int
    section_title: str
    measure: int
    measure_title: str
    fiscal_year: int
    dates: tuple[str, ...]
    source: str
    line: int
    # The page of a PDF report the effort starts on; None for a text report.
    page: int | None = None

    @classmethod
    def of(cls, number: int, effort: CitedEffort, glossary: dict[str, str]) -> Citation:
        return cls(
            number=number,
            effort_id=effort.id,
            text=effort.text,
            ministries=effort.ministries,
            ministry_names=tuple(glossary.get(m, m) for m in effort.ministries),
            section=effort.section,
            section_title=effort.section_title,
            measure=effort.measure,
            measure_title=effort.measure_title,
            fiscal_year=effort.fiscal_year,
            dates=effort.dates,
            source=effort.source,
            line=effort.line,
            page=effort.page,
        )

    def markdown(self) -> str:
        """The citation as one Markdown line, for copying an answer with its sources."""
        when = f", {', '.join(self.dates)}" if self.dates else ""
        page = "" if self.page is None else f", {Path(self.source).name} p. {self.page}"
        return (
            f"[{self.number}] {self.text} [{', '.join(self.ministries)}] — FY{self.fiscal_year}, "
            f"§{self.section} {self.section_title} › {self.measure_title}{when} "
            f"({self.effort_id}{page})"
        )


class AppliedFilters(_Frozen):
    """The restrictions an answer was computed under, so a reader can see them."""

    ministries: tuple[str, ...] = ()
    fiscal_years: tuple[int, ...] = ()
    months: tuple[str, ...] = ()
    section: int | None = None


class Answer(_Frozen):
    """A short Markdown answer whose every claim cites an effort by ``[n]``.

    Attributes:
        question: The question as answered (after truncation of over-long input).
        text: Markdown with ``[1]``, ``[2]`` markers matching ``citations``.
        citations: The cited efforts, numbered from 1, attached by code from retrieval.
        abstained: True when the plan does not cover the question.
        kind: How the question was understood.
        filters: The filters applied (from the question, the conversation or the caller).
        notice: A remark about the input itself, e.g. that it was truncated.
        carried: What the answer took from the previous turn ("MEXT", "FY2019"); empty
            when the question was read on its own.
        context: The conversation state to pass to the next ``ask`` (``context=``).
        total: How many efforts a list answer found; its citations hold at most the
            first ``MAX_LISTED_EFFORTS`` of them (None for answers that are no list).
    """

    question: str
    text: str
    citations: tuple[Citation, ...] = ()
    abstained: bool = False
    kind: Kind
    filters: AppliedFilters = AppliedFilters()
    notice: str | None = None
    carried: tuple[str, ...] = ()
    context: Context = Context()
    total: int | None = None

    def markdown(self) -> str:
        """The answer followed by its sources, as one Markdown document."""
        parts = [self.text]
        if self.citations:
            parts.append("**Sources**\n\n" + "\n".join(f"- {c.markdown()}" for c in self.citations))
        return "\n\n".join(parts)
