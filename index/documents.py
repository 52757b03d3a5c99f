"""What gets indexed: one chunk per measure (the user's design) plus one per effort.

Chunking by measure keeps an effort's context (section and measure titles, its sibling
efforts); indexing each effort on its own as well lets a query land on the one bullet
that answers it. Both kinds point back to the efforts they hold, so any hit can cite them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from corpus.models import Corpus

__all__ = ["CitedEffort", "Chunk", "build_chunks", "scored_by_words"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CitedEffort(_Frozen):
    """An effort with everything needed to cite it on its own."""

    id: str
    text: str
    ministries: tuple[str, ...]
    dates: tuple[str, ...]
    fiscal_year: int
    section: int
    section_title: str
    measure: int
    measure_title: str
    line: int
    source: str
    page: int | None = None  # for a PDF report, the page the effort starts on

    @property
    def is_joint(self) -> bool:
        return len(self.ministries) > 1


class Chunk(_Frozen):
    """One indexed document: a whole measure, or a single effort.

    Attributes:
        kind: ``measure`` for a measure chunk, ``effort`` for a single-effort document
            (with its ministries and headings), ``text`` for the effort's own words alone:
            a second view of the same effort, so headings cannot drown a short effort.
        key: ``fy2019-4.1`` for a measure, the effort id for an effort.
        text: What is embedded and searched.
        efforts: Positions (into the index's effort table) of the efforts it holds.
    """

    kind: Literal["measure", "effort", "text"]
    key: str
    fiscal_year: int
    section: int
    measure: int
    text: str
    efforts: tuple[int, ...]


def _attribution(ministries: tuple[str, ...], glossary: dict[str, str]) -> str:
    names = [f"{m} ({glossary[m]})" if m in glossary else m for m in ministries]
    return "; ".join(names)


def scored_by_words(chunks: Sequence[Chunk]) -> list[str]:
    """The texts BM25 indexes, in chunk order: every chunk but the "text" views, which
    repeat their effort's words and would only skew word statistics."""
    return [c.text for c in chunks if c.kind != "text"]


def build_chunks(corpus: Corpus) -> tuple[list[CitedEffort], list[Chunk]]:
    """Flatten a corpus into its effort table and the documents to index.

    Example:
        >>> efforts, chunks = build_chunks(load_corpus())  # doctest: +SKIP
        >>> len(efforts), sum(c.kind == "measure" for c in chunks)  # doctest: +SKIP
        (11, 10)
    """
    efforts: list[CitedEffort] = []
    chunks: list[Chunk] = []
    for plan in corpus.plans:
        for section in plan.sections:
            for measure in section.measures:
                first = len(efforts)
                header = f"{section.title} — {measure.title}"
                lines = []
                for effort in measure.efforts:
                    position = len(efforts)
                    efforts.append(
                        CitedEffort(
                            id=effort.id,
                            text=effort.text,
                            ministries=effort.ministries,
                            dates=effort.dates,
                            fiscal_year=plan.fiscal_year,
                            section=section.number,
                            section_title=section.title,
                            measure=measure.number,
                            measure_title=measure.title,
                            line=effort.line,
                            source=plan.source,
                            page=effort.page,
                        )
                    )
                    by = _attribution(effort.ministries, plan.glossary)
                    views = (("effort", f"{effort.text} [{by}] ({header})"), ("text", effort.text))
                    chunks.extend(
                        Chunk(
                            kind=kind,
                            key=effort.id,
                            fiscal_year=plan.fiscal_year,
                            section=section.number,
                            measure=measure.number,
                            text=text,
                            efforts=(position,),
                        )
                        for kind, text in views
                    )
                    lines.append(f"{effort.text} [{by}]")
                if not measure.efforts:
                    continue
                chunks.append(
                    Chunk(
                        kind="measure",
                        key=f"fy{plan.fiscal_year}-{section.number}.{measure.number}",
                        fiscal_year=plan.fiscal_year,
                        section=section.number,
                        measure=measure.number,
                        text=f"{header}\n" + "\n".join(lines),
                        efforts=tuple(range(first, len(efforts))),
                    )
                )
    return efforts, chunks
