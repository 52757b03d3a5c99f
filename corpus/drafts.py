"""What the parser builds while a report's lines stream past: the open effort, the
measure and section drafts, and :func:`freeze`, which turns them into a
:class:`~corpus.models.Plan`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.lines import find_dates
from corpus.models import Effort, Measure, Plan, Section

__all__ = ["Builder", "MeasureDraft", "OpenEffort", "SectionDraft", "freeze"]


@dataclass
class OpenEffort:
    line: int
    parts: list[str]
    mark: str = ""  # what opened it: "·", "(ii)", "4-2-1"
    ministries: tuple[str, ...] = ()  # named at its head: "CFA, NPA: Launched …"

    def lists_item(self, mark: str) -> bool:
        """Whether a dash-marked line is an item of this effort, not an effort of its own:
        one its number opened ("4-2-1", "(ii)"), or one after its words announce a list
        ("…, which consisted of:") when efforts are marked otherwise ("◇")."""
        dash = mark.strip()[:1] in "-–—•·▪"
        numbered = any(ch.isdigit() for ch in self.mark) or bool(
            re.fullmatch(r"\(?[ivx]+\)", self.mark)
        )
        listed = bool(self.parts) and self.parts[-1].rstrip().endswith((":", ";"))
        other_mark = bool(self.mark) and self.mark[:1] != mark.strip()[:1]
        return dash and (numbered or (listed and other_mark))


@dataclass
class MeasureDraft:
    title: str
    efforts: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class SectionDraft:
    number: int
    title: str
    line: int
    measures: list[MeasureDraft] = field(default_factory=list)


class Builder:
    """Accumulates drafts while lines stream past; ``_freeze`` turns them into a Plan."""

    def __init__(self, source: str, names: dict[str, str]) -> None:
        self.source = source
        self.names = names  # glossary full names (lower case) → abbreviations
        self.tabular: set[int] = set()  # line numbers of table rows
        self.pages: tuple[int, ...] = ()  # the page of each line, for text from a PDF
        self.sections: list[SectionDraft] = []
        self.glossary: dict[str, str] = {}
        self.renamed: dict[str, str] = {}  # abbreviation → the body's former abbreviation
        self.plan_notes: list[str] = []
        self.open: OpenEffort | None = None
        # Sections numbered otherwise than "1. Title" ("IV. Title"): "7. Held …" is an effort
        self.numbered_efforts = False
        # Measures numbered "(1.2) Title": "2) Held …" is an effort of its own
        self.bracket_efforts = False
        # Measures numbered "I-1. Title": "(b) Ran …" is an effort of its own
        self.lettered_efforts = False
        self.last_note_line = -2
        self.last_note_start = -2
        # The heading just read, whose title a lower-case next line continues.
        self.heading: SectionDraft | MeasureDraft | None = None
        # What the last effort, closed by its lead ("Lead ministry: CFA"), may still be
        # credited with: its partners' line, or the rest of a list the line end cut.
        self.partners: str | None = None  # "line", "rest", "items" or None
        self.day_first = True  # "05/10/2055" is 5 October (corpus.lines.day_first)

    def after_contents(self, number: int) -> None:
        """Set aside the sections read so far when they were a list of contents: none has
        an effort, and the report numbers its sections again from ``number``."""
        if self.sections and number <= self.sections[-1].number:
            if not any(m.efforts for s in self.sections for m in s.measures):
                self.plan_notes += [f"{s.number}. {s.title}" for s in self.sections]
                self.sections.clear()

    def repeats_section(self, section: tuple[int, str]) -> bool:
        """Whether a section heading is the current section's own, printed again."""
        if not self.sections:
            return False
        current = self.sections[-1]
        number, title = section[0], " ".join(section[1].split()).casefold()
        return number == current.number and _plain(current.title).startswith(title)

    def repeats_measure(self, title: str) -> bool:
        """Whether a measure heading is the current measure's own, printed again."""
        if not self.sections or not self.sections[-1].measures:
            return False
        again = re.sub(r"\s*\(?cont(?:['’]?d|inued)\.?\)?\s*$", "", title, flags=re.I)
        return again != title or _plain(again) == _plain(self.sections[-1].measures[-1].title)

    def credit_last(self, more: tuple[str, ...]) -> None:
        """Credit the last effort closed with ``more`` bodies, after those it has."""
        efforts = self.measure().efforts
        line, text, ministries = efforts[-1]
        efforts[-1] = (line, text, ministries + tuple(m for m in more if m not in ministries))

    def page(self, line_no: int) -> int | None:
        return self.pages[line_no - 1] if 0 < line_no <= len(self.pages) else None

    def measure(self) -> MeasureDraft:
        section = self.sections[-1]
        if not section.measures:
            # Efforts straight under a section heading get a measure named after the section.
            section.measures.append(MeasureDraft(title=section.title))
        return section.measures[-1]

    def close_effort(self, ministries: tuple[str, ...] | None = None) -> None:
        """End the open effort; one never attributed is kept as a note, not lost."""
        if self.open is None:
            return
        opened, self.open = self.open, None
        ministries = ministries or opened.ministries or None
        text = " ".join(p for p in opened.parts if p).strip()
        if not text:
            return
        if ministries:
            self.measure().efforts.append((opened.line, text, ministries))
        else:
            self.note(opened.line, text, joinable=False)

    def note(self, line_no: int, text: str, *, joinable: bool = True) -> None:
        if not self.sections:
            self.plan_notes.append(text)
            return
        notes = self.measure().notes
        if joinable and notes and self.last_note_line == line_no - 1:
            notes[-1] = f"{notes[-1]} {text}"
        else:
            notes.append(text)
            self.last_note_start = line_no
        self.last_note_line = line_no if joinable else -2

    def aside(self, text: str) -> None:
        """A note that neither closes the open effort nor joins the lines around it."""
        if self.sections:
            self.measure().notes.append(text)
        else:
            self.plan_notes.append(text)
        self.last_note_line = -2

    def reopen_note_as_effort(self, line_no: int) -> OpenEffort | None:
        """An unmarked effort wrapped over lines first looks like a note; take it back."""
        if self.last_note_line != line_no - 1 or not self.sections:
            return None
        notes = self.measure().notes
        self.last_note_line = -2
        return OpenEffort(line=self.last_note_start, parts=[notes.pop()])


def freeze(builder: Builder, *, title: str, fiscal_year: int) -> Plan:
    sections = []
    for draft in builder.sections:
        measures = []
        for m_no, measure in enumerate(draft.measures, start=1):
            efforts = tuple(
                Effort(
                    id=f"fy{fiscal_year}-{draft.number}.{m_no}.{e_no}",
                    text=text,
                    ministries=ministries,
                    dates=find_dates(text, day_is_first=builder.day_first),
                    fiscal_year=fiscal_year,
                    section=draft.number,
                    measure=m_no,
                    line=line_no,
                    page=builder.page(line_no),
                )
                for e_no, (line_no, text, ministries) in enumerate(measure.efforts, start=1)
            )
            measures.append(
                Measure(
                    number=m_no,
                    title=_closed(measure.title),
                    efforts=efforts,
                    notes=tuple(measure.notes),
                )
            )
        # "PROMPT PROTECTION OF …" set in capitals reads as the sentence it is
        heading = draft.title.capitalize() if draft.title.isupper() else draft.title
        sections.append(Section(number=draft.number, title=heading, measures=tuple(measures)))
    return Plan(
        title=title,
        fiscal_year=fiscal_year,
        source=builder.source,
        sections=tuple(sections),
        glossary=builder.glossary,
        renamed=builder.renamed,
        notes=tuple(builder.plan_notes),
    )


def _plain(title: str) -> str:
    return " ".join(title.split()).casefold()


def _closed(title: str) -> str:
    """A title without the bracket that closed its caption: "(Promotion of …" / "…
    victimization)" was read as "Promotion of … victimization)"."""
    if title.endswith(")") and title.count(")") > title.count("("):
        return title[:-1].rstrip()
    return title
