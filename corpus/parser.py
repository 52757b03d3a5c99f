"""Parse the text of one efforts report into a :class:`~corpus.models.Plan`.

The reports are text pulled out of PDFs, so the parser reads them line by line and
classifies each line by its shape, never by its wording:

* the first non-blank line is the title and carries the fiscal year (``FY2019 ...``);
* ``1. Title`` (or ``Chapter II: Title``) opens a section; ``O Title`` / ``○ Title`` (maybe
  after ``- ``) or ``(a) Title`` opens a measure (:mod:`corpus.headings`), and so does a short
  capitalised line with no sentence punctuation between an effort and a bulleted effort (a
  title that lost its ``O``);
* a line with two or more ``ABBR (Full Name)`` pairs is the glossary of ministries;
* a line ending in ``[MINISTRY, ...]`` closes an effort; a bullet line (``·``, ``•``, ``-``,
  ``*``, ``・``) opens one, and unmarked lines continue it while it is still open;
* an unmarked line while no effort is open is a note on the measure (figure text, captions);
* a page number alone on a line ("- 6 -", "Page 6") is page furniture and is dropped, even
  inside an effort wrapped over a page break; so is the current section's heading printed
  again at the top of a page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpus.errors import CorpusError
from corpus.headings import (
    bare_section_heading,
    measure_title,
    numbered_measure_title,
    section_heading,
)
from corpus.integrity import check_one_report, check_unique_effort_ids, where
from corpus.layout import clean_lines, plain_bullet
from corpus.lines import (
    MONTHS,
    attribution_line,
    find_dates,
    glossary_pairs,
    legend_row,
    normalise_line,
    paren_attribution,
    parse_attribution,
    prose_legend,
)
from corpus.models import Effort, Measure, Plan, Section

# MONTHS, find_dates, normalise_line and parse_attribution live in corpus.lines; they are
# named here too for the modules that import them from the parser.
__all__ = [
    "MONTHS",
    "parse_plan",
    "parse_attribution",
    "find_dates",
    "normalise_line",
    "opens_block",
]

# Bullets, including the private-use glyphs PDF extraction leaves for Symbol and
# Wingdings bullets (U+F0B7, U+F0A7 …).
# An item number in brackets ("(1) Opened …", "(ii) Ran …", not "(ii) taking …" inside an
# effort) is a bullet too, and so is an effort's own number ("4-1-2 Added …").
_BULLET = re.compile(
    r"^(?:(?:[-\u2010-\u2015\u2212·•*・‧∙●◦‣▪■□◇◆➢➤►▶▸✓✔\ue000-\uf8ff]|\(\d{1,2}\)(?=\s)|"
    r"\([ivx]{1,5}\)(?=\s+[A-Z])|\d{1,2}-\d{1,2}-\d{1,2}(?=\s))\s*)+"
)
# "[MEXT and NPA]" at the end of an effort, maybe followed by a full stop, a footnote mark
# or a pointer to a figure: "[NPA] (see Figure 3)", "[NPA]*1".
_ATTRIBUTION = re.compile(
    r"[\[［【〔〈《<]([^\[\]［］【】〔〕〈〉《》<>]{1,120})[\]］】〕〉》>]\s*[.。]?"
    r"(?:\s*(?:\*\d*|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\((?:see|cf\.?|figure|fig\.?|note)\b[^()]*\)))?\s*[.。]?\s*$",
    re.I,
)
# A footnote's own text at the foot of a page: "※1 A prepaid …", "(*1) …", "*1 …", "¹ …".
_FOOTNOTE_TEXT = re.compile(r"^(?:※\s?\d{1,2}|\(\*\d{1,2}\)|\*\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹]+)\s+\S")
# An attribution before the effort: "[NPA] Held a forum."
_LEADING_ATTRIBUTION = re.compile(
    r"^[\[［【〔〈《]([^\[\]［］【】〔〕〈〉《》]{1,60})[\]］】〕〉》]\s+(?=\S)"
)
# A measure title printed without its "O": a short capitalised line with no sentence
# punctuation, quotation marks or figures (captions have those), before a bulleted effort.
_BARE_TITLE = re.compile(r"^[A-Z][A-Za-z,'’()\- ]{10,150}[A-Za-z)]$")
_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t+)(?=\S)")
_FISCAL_YEAR = re.compile(r"\b(?:FY\s?|fiscal\s+(?:year\s+)?)((?:19|20)\d\d)\b", re.IGNORECASE)


@dataclass
class _OpenEffort:
    line: int
    parts: list[str]
    mark: str = ""  # what opened it: "·", "(ii)", "4-2-1"


@dataclass
class _MeasureDraft:
    title: str
    efforts: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _SectionDraft:
    number: int
    title: str
    line: int
    measures: list[_MeasureDraft] = field(default_factory=list)


class _Builder:
    """Accumulates drafts while lines stream past; ``_freeze`` turns them into a Plan."""

    def __init__(self, source: str, names: dict[str, str]) -> None:
        self.source = source
        self.names = names  # glossary full names (lower case) → abbreviations
        self.tabular: set[int] = set()  # line numbers of table rows
        self.pages: tuple[int, ...] = ()  # the page of each line, for text from a PDF
        self.sections: list[_SectionDraft] = []
        self.glossary: dict[str, str] = {}
        self.plan_notes: list[str] = []
        self.open: _OpenEffort | None = None
        self.last_note_line = -2
        self.last_note_start = -2
        # The heading just read, whose title a lower-case next line continues.
        self.heading: _SectionDraft | _MeasureDraft | None = None

    def page(self, line_no: int) -> int | None:
        return self.pages[line_no - 1] if 0 < line_no <= len(self.pages) else None

    def measure(self) -> _MeasureDraft:
        section = self.sections[-1]
        if not section.measures:
            # Efforts straight under a section heading get a measure named after the section.
            section.measures.append(_MeasureDraft(title=section.title))
        return section.measures[-1]

    def close_effort(self, ministries: tuple[str, ...] | None = None) -> None:
        """End the open effort; one never attributed is kept as a note, not lost."""
        if self.open is None:
            return
        opened, self.open = self.open, None
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

    def reopen_note_as_effort(self, line_no: int) -> _OpenEffort | None:
        """An unmarked effort wrapped over lines first looks like a note; take it back."""
        if self.last_note_line != line_no - 1 or not self.sections:
            return None
        notes = self.measure().notes
        self.last_note_line = -2
        return _OpenEffort(line=self.last_note_start, parts=[notes.pop()])


def opens_block(line: str) -> bool:
    """True when a line's shape opens something new: a section, a measure or a bulleted
    effort. The PDF text layer never joins such a line to the one before it.

    Example:
        >>> opens_block("O Campaigns"), opens_block("l Held a forum."), opens_block("and NPA]")
        (True, True, False)
    """
    line = plain_bullet(normalise_line(line))
    return bool(
        section_heading(line)
        or measure_title(line)
        or numbered_measure_title(line)
        or _BULLET.match(line)
    )


def parse_plan(text: str, *, source: str, pages: Sequence[int] | None = None) -> Plan:
    """Parse one report's text into a Plan; pure, no file access.

    Args:
        text: The whole report as text (any line endings).
        source: A name for error messages and for ``Plan.source``, usually the file name.
        pages: For text extracted from a PDF, the page each line is on (line 1 first);
            each effort then carries the page it starts on, and a refusal names pages.

    Raises:
        CorpusError: empty text, no fiscal year in the title, no numbered sections, or
            more than one report in the text (a second title, a section number used twice).

    Example:
        >>> plan = parse_plan(
        ...     "FY2020 Efforts on the Plan\\n1. Awareness\\nO Campaigns\\n"
        ...     "· Held a forum (July 2020). [CAO and NPA]\\n",
        ...     source="fy2020.txt",
        ... )
        >>> effort = plan.sections[0].measures[0].efforts[0]
        >>> effort.id, effort.ministries, effort.dates
        ('fy2020-1.1.1', ('CAO', 'NPA'), ('2020-07',))
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # A row of a table pulled out of the PDF keeps its column gaps: never a heading.
    tabular = {i for i, raw in enumerate(lines, start=1) if len(_COLUMN_GAP.findall(raw)) >= 2}
    numbered = [(i, normalise_line(legend_row(raw) or raw)) for i, raw in enumerate(lines, start=1)]
    numbered = [(i, line) for i, line in numbered if line]
    if not numbered:
        raise CorpusError(f"{source} is empty; point planqa at a plan report text file")
    title_no, title = numbered[0]
    year_match = _FISCAL_YEAR.search(title)
    if year_match is None:
        raise CorpusError(
            f"{source}, {where(title_no, pages or ())}: the title line has no fiscal year "
            f"(expected something like 'FY2019 Efforts on ...', found {title[:80]!r})"
        )
    fiscal_year = int(year_match.group(1))
    # The glossary may come anywhere, so read it first: attributions may use full names.
    pairs = [pair for _, line in numbered[1:] for pair in (glossary_pairs(line) or {}).items()]
    # "In this report, NPA refers to the National Police Agency, CAS to …": a sentence
    prose = prose_legend("\n".join(line for _, line in numbered[1:]))
    pairs += list(prose.items())
    names = {full.lower(): abbr for abbr, full in pairs}
    names.update({abbr.lower(): abbr for abbr, _ in pairs})  # "[MoJ]", "[Npa]" as in the glossary
    builder = _Builder(source, names)
    builder.glossary.update(prose)
    builder.tabular = tabular
    builder.pages = tuple(pages or ())
    lines_read = clean_lines(numbered[1:], title=title)
    for k, (line_no, line) in enumerate(lines_read):
        following = lines_read[k + 1][1] if k + 1 < len(lines_read) else ""
        _read_line(builder, line_no, line, following)
    builder.close_effort()
    if not builder.sections:
        raise CorpusError(
            f"no plan sections found in {source} (expected lines like '1. Title'); "
            "is this a plan report?"
        )
    sections = [(draft.number, draft.line) for draft in builder.sections]
    check_one_report(numbered, (title_no, title), sections, source=source, pages=builder.pages)
    plan = _freeze(builder, title=title, fiscal_year=fiscal_year)
    check_unique_effort_ids(plan)
    return plan


def _sub_item(opened: str, mark: str) -> bool:
    """Whether a dash-marked line is an item of an effort its number opened ("4-2-1",
    "(ii)"), not an effort of its own."""
    numbered = any(ch.isdigit() for ch in opened) or bool(re.fullmatch(r"\([ivx]+\)", opened))
    return numbered and mark.strip()[:1] in "-–—•·▪"


def _bare_title(builder: _Builder, line_no: int, line: str, following: str) -> bool:
    """A measure title without its "O": it follows an effort of the measure before it
    and leads into a bulleted effort (and is no table row)."""
    return (
        builder.open is None
        and line_no not in builder.tabular
        and bool(builder.sections)
        and bool(builder.sections[-1].measures)
        and bool(builder.sections[-1].measures[-1].efforts)
        and bool(_BARE_TITLE.match(line))
        and 3 <= len(line.split()) <= 20
        and bool(_BULLET.match(following))
    )


def _repeats_heading(builder: _Builder, section: tuple[int, str]) -> bool:
    """Whether a section heading is the current section's own, printed again."""
    if not builder.sections:
        return False
    current = builder.sections[-1]
    number, title = section[0], " ".join(section[1].split()).casefold()
    return number == current.number and " ".join(current.title.split()).casefold().startswith(title)


def _read_line(builder: _Builder, line_no: int, line: str, following: str = "") -> None:
    attribution = _ATTRIBUTION.search(line)
    heading, builder.heading = builder.heading, None
    if heading is not None and line[:1].islower() and not attribution and builder.open is None:
        # "6. Strengthening … children will never" / "become victims": the title goes on
        heading.title = f"{heading.title} {line}"
        builder.heading = heading
        return
    after = builder.sections[-1].number + 1 if builder.sections else 1
    section = section_heading(line) or bare_section_heading(line, after)
    if section and not attribution and _repeats_heading(builder, section):
        return  # the section's heading again at the top of a new page: page furniture
    if section and not attribution:
        builder.close_effort()
        builder.sections.append(_SectionDraft(number=section[0], title=section[1], line=line_no))
        builder.heading = builder.sections[-1]
        return
    measure = measure_title(line) or (
        numbered_measure_title(line) if builder.open is None else None
    )
    if not measure and not attribution and _bare_title(builder, line_no, line, following):
        builder.sections[-1].measures.append(_MeasureDraft(title=line))
        builder.heading = builder.sections[-1].measures[-1]
        return
    if measure and not attribution:
        builder.close_effort()
        if not builder.sections:
            raise CorpusError(
                f"{builder.source}, {where(line_no, builder.pages)}: a measure comes before the "
                "first numbered section (expected a line like '1. Title' first); "
                "is this a plan report?"
            )
        builder.sections[-1].measures.append(_MeasureDraft(title=measure))
        builder.heading = builder.sections[-1].measures[-1]
        return
    glossary = glossary_pairs(line)
    if glossary is not None:
        builder.close_effort()
        builder.glossary.update(glossary)
        return
    if _FOOTNOTE_TEXT.match(line):
        # "※1 A prepaid letter form …" at a page's foot: a note, while the effort the page
        # break cut stays open for its last words on the next page
        builder.aside(line)
        return
    alone = attribution_line(line, builder.names) if builder.open is not None else None
    if alone:
        # "— METI, DA" or "Ministries: CFA; NPA" on a line of its own: the open effort's
        builder.close_effort(alone)
        return
    bullet = _BULLET.match(line)
    if bullet and builder.open is not None and _sub_item(builder.open.mark, bullet.group(0)):
        # "– warning messages posted: 58,300" under a numbered effort: a line of it
        builder.open.parts.append(f"{bullet.group(0).strip()} {line[bullet.end() :]}")
        return
    body = line[bullet.end() :] if bullet else line
    if bullet:
        builder.close_effort()
    leading = _LEADING_ATTRIBUTION.match(body)
    if leading and parse_attribution(leading.group(1), builder.names):
        # "[NPA] Held a forum." reads as "Held a forum. [NPA]"
        body = f"{body[leading.end() :]} [{leading.group(1)}]"
    attribution = _ATTRIBUTION.search(body) or paren_attribution(body, builder.names)
    ministries = parse_attribution(attribution.group(1), builder.names) if attribution else None
    if builder.open is None and (bullet or ministries):
        if not builder.sections:
            if not ministries:
                builder.plan_notes.append(body)
                return
            raise CorpusError(
                f"{builder.source}, {where(line_no, builder.pages)}: an effort comes before the "
                "first numbered section (expected a line like '1. Title' first); "
                "is this a plan report?"
            )
        reopened = None if bullet else builder.reopen_note_as_effort(line_no)
        mark = bullet.group(0).strip() if bullet else ""
        builder.open = reopened or _OpenEffort(line=line_no, parts=[], mark=mark)
    if builder.open is None:
        builder.note(line_no, line)
        return
    if ministries and attribution:
        builder.open.parts.append(body[: attribution.start()].strip())
        builder.close_effort(ministries)
    else:
        builder.open.parts.append(body)


def _freeze(builder: _Builder, *, title: str, fiscal_year: int) -> Plan:
    sections = []
    for draft in builder.sections:
        measures = []
        for m_no, measure in enumerate(draft.measures, start=1):
            efforts = tuple(
                Effort(
                    id=f"fy{fiscal_year}-{draft.number}.{m_no}.{e_no}",
                    text=text,
                    ministries=ministries,
                    dates=find_dates(text),
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
                    number=m_no, title=measure.title, efforts=efforts, notes=tuple(measure.notes)
                )
            )
        sections.append(Section(number=draft.number, title=draft.title, measures=tuple(measures)))
    return Plan(
        title=title,
        fiscal_year=fiscal_year,
        source=builder.source,
        sections=tuple(sections),
        glossary=builder.glossary,
        notes=tuple(builder.plan_notes),
    )
