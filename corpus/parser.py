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

from corpus.columns import CELL, mark_cells
from corpus.credits import bodies_listed, lead_line, partners_of
from corpus.drafts import Builder, MeasureDraft, OpenEffort, SectionDraft, freeze
from corpus.errors import CorpusError
from corpus.headings import (
    bare_section_heading,
    captioned,
    measure_title,
    numbered_in_brackets,
    numbered_in_figures,
    numbered_measure_title,
    numbered_with_its_section,
    section_heading,
    title_line,
)
from corpus.integrity import check_one_report, check_unique_effort_ids, where
from corpus.layout import clean_lines, plain_bullet
from corpus.legend import (
    join_legend_rows,
    join_stacked_legend,
    name_first_legend,
    prose_legend,
    run_in_legend,
    side_by_side_legend,
)
from corpus.lines import (
    LEADING_LABEL,
    MONTHS,
    attribution_line,
    broken_attribution,
    day_first,
    find_dates,
    glossary_pairs,
    legend_row,
    normalise_line,
    paren_attribution,
    parse_attribution,
    renamings,
)
from corpus.models import Plan
from corpus.sources import plain_lines

# MONTHS, find_dates, normalise_line, parse_attribution: corpus.lines', named here too.
__all__ = [
    "MONTHS", "find_dates", "normalise_line", "opens_block", "parse_attribution", "parse_plan"
]  # fmt: skip

# Bullets, including the private-use glyphs PDF extraction leaves for Symbol and
# Wingdings bullets (U+F0B7, U+F0A7 …).
# An item number in brackets ("(1) Opened …", "(ii) Ran …", not "(ii) taking …" inside an
# effort) is a bullet too, and so is an effort's own number ("4-1-2 Added …").
_BULLET = re.compile(
    r"^(?:(?:[-\u2010-\u2015\u2212·•*・‧∙●◦‣▪■□◇◆◎☐➢➤►▶▸✓✔❖\ue000-\uf8ff]|\+(?=\s)|\(\d{1,2}\)(?=\s)|"
    r"\(?[ivx]{1,5}\)(?=\s+[A-Z])|Item\s+\d{1,2}(?=\s+[A-Z])|\d{1,2}-\d{1,2}-\d{1,2}(?=\s))\s*)+"
)
# "7. Extended …": an effort's own number, in a report whose sections are not so numbered;
# "2) Held …" in one whose measures are numbered "(1.2)".
_NUMBERED_EFFORT = re.compile(r"^\d{1,3}\.\s+(?=\S)")
_BRACKET_EFFORT = re.compile(r"^\d{1,2}\)\s+(?=\S)")
_LETTERED_EFFORT = re.compile(r"^\([a-zA-Z]\)\s+(?=\S)")  # "(b) Ran …" under "I-1. Title"
# "[MEXT and NPA]" at the end of an effort, maybe followed by a full stop, a footnote mark
# or a pointer to a figure: "[NPA] (see Figure 3)", "[NPA]*1".
_ATTRIBUTION = re.compile(
    r"[\[［【〔〈《<{«]([^\[\]［］【】〔〕〈〉《》<>{}«»]{1,120})[\]］】〕〉》>}»]\s*[.。]?"
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
# The end of a heading wrapped before a capitalised word: "Centers", "Juvenile Damage".
_TITLE_TAIL = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]?[a-z]+){0,2}$")
_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t+)(?=\S)")
_FISCAL_YEAR = re.compile(r"\b(?:FY\s?|fiscal\s+(?:year\s+)?)((?:19|20)\d\d)\b", re.IGNORECASE)


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
    raw = re.split(r"\r\n|\r|\n", text)
    lines = plain_lines(raw)  # JSON, XML, a wiki page, LaTeX … read as plain lines
    # "Abbreviations: CAO, Cabinet Office; …" run in at a page's foot: read, then set aside
    run_in, lines = run_in_legend(lines)
    # A row of a table pulled out of the PDF keeps its column gaps: never a heading.
    tabular = {i for i, raw in enumerate(lines, start=1) if len(_COLUMN_GAP.findall(raw)) >= 2}
    # a legend row wrapped onto a second row, or an abbreviation above its name, joined
    rows = join_stacked_legend(join_legend_rows(lines))
    numbered = _numbered(rows)
    if not numbered:
        raise CorpusError(f"{source} is empty; point planqa at a plan report text file")
    title_no, title = title_line(numbered)
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
    # "National Police Agency (NPA); Cabinet Office (CAO); …": names first, in a note
    prose.update(name_first_legend("\n".join(line for _, line in numbered[1:])))
    prose.update(run_in)
    side = side_by_side_legend(lines)  # two columns of "ABBR — Name", as printed
    if side:  # each row read whole would join two entries
        pairs = [(a, n) for a, n in pairs if a not in side]
        prose.update(side)
    pairs += list(prose.items())
    names = {full.lower(): abbr for abbr, full in pairs}
    if pairs:  # the bodies in a right-hand column, marked where they stand
        numbered = _numbered(mark_cells(rows, {abbr for abbr, _ in pairs}))
    names.update({abbr.lower(): abbr for abbr, _ in pairs})  # "[MoJ]", "[Npa]" as in the glossary
    builder = Builder(source, names)
    builder.glossary.update(prose)
    builder.renamed = {
        new: old for _, line in numbered[1:] for new, old in renamings(line).items()
    }
    builder.tabular = tabular
    builder.day_first = day_first(text)
    builder.pages = tuple(pages or ())
    lines_read = captioned(clean_lines(numbered[1:], title=title))
    for k, (line_no, line) in enumerate(lines_read):
        following = lines_read[k + 1][1] if k + 1 < len(lines_read) else ""
        _read_line(builder, line_no, line, following)
    builder.close_effort()
    builder.glossary.update(prose)  # a legend read whole wins over its rows read one by one
    if not builder.sections:
        raise CorpusError(
            f"no plan sections found in {source} (expected lines like '1. Title'); "
            "is this a plan report?"
        )
    sections = [(draft.number, draft.line) for draft in builder.sections]
    check_one_report(numbered, (title_no, title), sections, source=source, pages=builder.pages)
    plan = freeze(builder, title=title, fiscal_year=fiscal_year)
    check_unique_effort_ids(plan)
    return plan


def _numbered(rows: list[str]) -> list[tuple[int, str]]:
    """The report's non-blank lines with their numbers, legend rows read as entries and a
    web page's heading marks ("## Goal A: …") dropped."""
    numbered = [(i, normalise_line(legend_row(raw) or raw)) for i, raw in enumerate(rows, start=1)]
    return [(i, _HEADING_MARK.sub("", line)) for i, line in numbered if line]


# "## Goal A: …", "### A.1 …": the marks of a heading a web page kept as text.
_HEADING_MARK = re.compile(r"^#{1,6}\s+(?=\S)")


def _bare_title(builder: Builder, line_no: int, line: str, following: str) -> bool:
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


def _read_line(builder: Builder, line_no: int, line: str, following: str = "") -> None:
    cell = CELL.search(line)
    if cell is None:
        _read_shape(builder, line_no, line, following)
        return
    # "■ Held the symposium … ⟦CAO⟧": the line as it reads, then the bodies of its cell
    # are the open effort's (a cell alone on a line goes on the one before it)
    line = line[: cell.start()]
    if line:
        _read_shape(builder, line_no, line, following)
    found = parse_attribution(cell.group(1), builder.names)
    if not line and builder.partners == "rest" and found:
        _read_shape(builder, line_no, cell.group(1), following)  # "Partners: CFA," / "MEXT"
        return
    if builder.open is not None and found:
        owners = builder.open.ministries
        builder.open.ministries = owners + tuple(a for a in found if a not in owners)


def _read_shape(builder: Builder, line_no: int, line: str, following: str = "") -> None:
    attribution = _ATTRIBUTION.search(line)
    heading, builder.heading = builder.heading, None
    goes_on = (
        (line[:1].islower() and not _BULLET.match(line))  # "i) Held …" opens an effort
        or (isinstance(heading, SectionDraft) and not heading.title)
        # "… AND INTERNATIONAL" / "COLLABORATION": a title in capitals goes on so
        or bool(heading and heading.title.isupper() and line.isupper())
        # "… of Child Guidance" / "Centers": a capitalised word or two, nothing more
        or bool(heading and _TITLE_TAIL.match(line) and not _BULLET.match(line))
    )
    if heading is not None and goes_on and not attribution and builder.open is None:
        # "6. Strengthening … children will never" / "become victims": the title goes on;
        # "PART ONE" / "Enhancement of …": the title is below the heading
        heading.title = f"{heading.title} {line}".strip()
        builder.heading = heading
        return
    after = builder.sections[-1].number + 1 if builder.sections else 1
    section = section_heading(line) or bare_section_heading(line, after)
    if section and builder.numbered_efforts and numbered_in_figures(line):
        section = None  # "7. Extended …" in a report of "IV. Title" sections: an effort
    if section and not builder.sections:
        builder.numbered_efforts = not numbered_in_figures(line) and bool(
            re.match(r"[IVX]+\.", line)
        )
    if section and not attribution and builder.repeats_section(section):
        return  # the section's heading again at the top of a new page: page furniture
    if section and not attribution:
        builder.close_effort()
        builder.after_contents(section[0])
        builder.sections.append(SectionDraft(number=section[0], title=section[1], line=line_no))
        builder.heading = builder.sections[-1]
        return
    measure = measure_title(line) or (
        # a numbered title inside an effort is its text, unless the effort named its
        # bodies at its head and so may end at any heading
        numbered_measure_title(line)
        if builder.open is None or builder.open.ministries
        else None
    )
    if measure and builder.bracket_efforts and _BRACKET_EFFORT.match(line):
        measure = None  # "2) Held …" under "(1.2) Title": an effort, numbered in its measure
    elif measure and builder.lettered_efforts and _LETTERED_EFFORT.match(line):
        measure = None  # "(b) Ran …" under "I-1. Title": an effort, lettered in its measure
    elif measure and numbered_in_brackets(line):
        builder.bracket_efforts = True
    elif measure and numbered_with_its_section(line):
        builder.lettered_efforts = True
    if not measure and not attribution and _bare_title(builder, line_no, line, following):
        builder.sections[-1].measures.append(MeasureDraft(title=line))
        builder.heading = builder.sections[-1].measures[-1]
        return
    if measure and not attribution and builder.repeats_measure(measure):
        builder.close_effort()
        return  # "3.3 Measures against … (cont'd)": the measure's heading again on a new page
    if measure and not attribution:
        builder.close_effort()
        if not builder.sections:
            raise CorpusError(
                f"{builder.source}, {where(line_no, builder.pages)}: a measure comes before the "
                "first numbered section (expected a line like '1. Title' first); "
                "is this a plan report?"
            )
        builder.sections[-1].measures.append(MeasureDraft(title=measure))
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
    if builder.open is not None and builder.open.parts:
        # "… thirty-seven centers. (by" / "CFA, MOJ and NPA)": the attribution, joined
        parts = builder.open.parts
        joined = broken_attribution(parts[-1], line)
        if joined is not None:
            parts[-1], line = joined
    lead = lead_line(line, builder.names) if builder.open is not None else None
    if lead is not None:
        # "Lead ministry: CFA" under an effort closes it; its partners may follow
        builder.close_effort(lead[0])
        builder.partners = "rest" if lead[1] else "line"
        return
    if bodies_listed(builder, line):  # "Competent authority:" / "- CFA" under an effort
        return
    partners = partners_of(builder, line)
    builder.partners = None
    if partners is not None:
        # "Partners: NPA, MEXT" (or the rest of its list, "MEXT", after the line end)
        builder.credit_last(partners[0])
        builder.partners = "rest" if partners[1] else None
        return
    alone = attribution_line(line, builder.names) if builder.open is not None else None
    if alone:
        # "— METI, DA" or "Ministries: CFA; NPA" on a line of its own: the open effort's;
        # "— CFA" / "— DA", one body to a line, all of them
        builder.close_effort(alone)
        builder.partners = "items"
        return
    bullet = (
        _BULLET.match(line)
        or (_NUMBERED_EFFORT.match(line) if builder.numbered_efforts else None)
        or (_BRACKET_EFFORT.match(line) if builder.bracket_efforts else None)
        or (_LETTERED_EFFORT.match(line) if builder.lettered_efforts else None)
    )
    if bullet and builder.open is not None and builder.open.lists_item(bullet.group(0)):
        # "– warning messages posted: 58,300" under a numbered effort: a line of it, which
        # may end it ("– an online quiz … {CFA; NPA}")
        line, bullet = f"{bullet.group(0).strip()} {line[bullet.end() :]}", None
    body = line[bullet.end() :] if bullet else line
    if bullet:
        builder.close_effort()
    label = LEADING_LABEL.match(body) if bullet else None
    owners = parse_attribution(label.group(1), builder.names) if label else None
    if label and owners and set(owners) <= set(builder.names.values()) and builder.sections:
        # "CFA, NPA: Launched …": its bodies first, its text on the lines that follow
        mark = bullet.group(0).strip() if bullet else ""
        builder.open = OpenEffort(line_no, [body[label.end() :]], mark, owners)
        return
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
        builder.open = reopened or OpenEffort(line=line_no, parts=[], mark=mark)
    if builder.open is None:
        builder.note(line_no, line)
        return
    if ministries and attribution:
        builder.open.parts.append(body[: attribution.start()].strip())
        builder.close_effort(ministries)
    else:
        builder.open.parts.append(body)
