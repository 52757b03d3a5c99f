"""Parse the text of one efforts report into a :class:`~corpus.models.Plan`.

The reports are text pulled out of PDFs, so the parser reads them line by line and
classifies each line by its shape, never by its wording:

* the first non-blank line is the title and carries the fiscal year (``FY2019 ...``);
* ``1. Title`` opens a section; ``O Title`` / ``○ Title`` (maybe after ``- ``) opens a measure,
  and so does a short capitalised line with no sentence punctuation between an effort and
  a bulleted effort (a title that lost its ``O``);
* a line with two or more ``ABBR (Full Name)`` pairs is the glossary of ministries;
* a line ending in ``[MINISTRY, ...]`` closes an effort; a bullet line (``·``, ``•``, ``-``,
  ``*``, ``・``) opens one, and unmarked lines continue it while it is still open;
* an unmarked line while no effort is open is a note on the measure (figure text, captions);
* a page number alone on a line ("- 6 -", "Page 6") is page furniture and is dropped, even
  inside an effort wrapped over a page break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.errors import CorpusError
from corpus.integrity import check_one_report, check_unique_effort_ids
from corpus.layout import clean_lines, spell_out
from corpus.models import Effort, Measure, Plan, Section

__all__ = ["parse_plan", "parse_attribution", "find_dates", "normalise_line"]

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000\u202f\u205f\ufeff]+")
# Bullets, including the private-use glyphs PDF extraction leaves for Symbol and
# Wingdings bullets (U+F0B7, U+F0A7 …).
_BULLET = re.compile(r"^(?:[-\u2010-\u2015\u2212·•*・‧∙●◦‣▪■□◇◆➢➤►▶▸✓✔\ue000-\uf8ff]\s*)+")
_SECTION = re.compile(r"^(\d{1,2})\s*[.．](?!\d)\s*(\S.*)$")
# "O Title" needs the space (O is a letter); the circles ○ 〇 ◯ may touch the title.
_MEASURE = re.compile(r"^(?:[-\u2010-\u2015]\s*)?(?:O\s+|[○〇◯]\s*)(\S.*)$")
# "(1) Title": a measure numbered in brackets, read as one when no effort is open.
_NUMBERED_MEASURE = re.compile(r"^\(\d{1,2}\)\s*([A-Z].*)$")
# "[MEXT and NPA]" at the end of an effort, maybe followed by a full stop, a footnote mark
# or a pointer to a figure: "[NPA] (see Figure 3)", "[NPA]*1".
_ATTRIBUTION = re.compile(
    r"[\[［【〔]([^\[\]［］【】〔〕]{1,120})[\]］】〕]\s*[.。]?"
    r"(?:\s*(?:\*\d*|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\((?:see|cf\.?|figure|fig\.?|note)\b[^()]*\)))?\s*[.。]?\s*$",
    re.I,
)
# An attribution before the effort: "[NPA] Held a forum."
_LEADING_ATTRIBUTION = re.compile(r"^[\[［【〔]([^\[\]［］【】〔〕]{1,60})[\]］】〕]\s+(?=\S)")
# A measure title printed without its "O": a short capitalised line with no sentence
# punctuation, quotation marks or figures (captions have those), before a bulleted effort.
_BARE_TITLE = re.compile(r"^[A-Z][A-Za-z,'’()\- ]{10,150}[A-Za-z)]$")
# Abbreviations: short, starting with a capital and holding at least two (NPA, MoJ, MHLW).
_MINISTRY = re.compile(r"^(?=[A-Z](?:[^A-Z]*[A-Z]))[A-Z][A-Za-z0-9&\-]{1,11}$")
_GLOSSARY_ENTRY = re.compile(
    r"^([A-Z][A-Za-z0-9&\-]{1,11})\s*(?::|=|–|—|-)\s*([A-Z][^:=()\[\]]{5,80})$"
)
_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t+)(?=\S)")
_GLOSSARY_PAIR = re.compile(r"\b([A-Z][A-Za-z0-9&\-]{1,11})\s*\(([^()]{3,120})\)")
_ATTRIBUTION_SPLIT = re.compile(r"\s*(?:,|、|/|／|&|・|;)\s*(?:and\s+)?|\s+and\s+")
_ETC = re.compile(r"[,、\s]*\b(?:etc\.?|and others|others)\s*$", re.I)
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_FISCAL_YEAR = re.compile(r"\b(?:FY\s?|fiscal\s+(?:year\s+)?)((?:19|20)\d\d)\b", re.IGNORECASE)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"((?:19|20)\d\d)"
# "July 2019", "July 1, 2019", "July 1-3, 2019", "November 12 to 25, 2023", "Sept. 2019"
_MONTH_YEAR = re.compile(
    rf"\b({_MONTH_NAMES})\.?(?:\s+\d{{1,2}}(?:\s*(?:[-–~]|to|and|through)\s*\d{{1,2}})?)?,?\s+"
    rf"{_YEAR}\b",
    re.IGNORECASE,
)
# "October to November 2019", "October and November 2019": the first month takes the year too
_MONTH_RANGE = re.compile(
    rf"\b({_MONTH_NAMES})\.?(?:\s+\d{{1,2}})?\s*(?:to|through|until|and|-|–|~)\s*"
    rf"(?:\d{{1,2}}\s+)?({_MONTH_NAMES})\.?(?:\s+\d{{1,2}})?,?\s+{_YEAR}\b",
    re.IGNORECASE,
)


# Full-width forms of ASCII ("［ＭＥＸＴ］", "１２") and the ideographic space, as in
# reports set in Japanese fonts, read as their ASCII letters.
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def normalise_line(line: str) -> str:
    """Collapse tabs, non-breaking and other odd spaces into one space, read full-width
    letters as ASCII, and strip.

    Example:
        >>> normalise_line("\\u00a0 Held a\\tseminar ")
        'Held a seminar'
    """
    return spell_out(_SPACES.sub(" ", line.translate(_FULL_WIDTH))).strip()


def parse_attribution(inner: str, names: dict[str, str] | None = None) -> tuple[str, ...] | None:
    """Split the inside of ``[...]`` into ministry abbreviations, or None if it is not one.

    Full names from the report's glossary (``names``: lower-case full name → abbreviation)
    are accepted too and turned into their abbreviations; a trailing "etc." is dropped.

    Example:
        >>> parse_attribution("MIC, MEXT, and METI")
        ('MIC', 'MEXT', 'METI')
        >>> parse_attribution("Cabinet Office and NPA", {"cabinet office": "CAO"})
        ('CAO', 'NPA')
    """
    text = _ETC.sub("", inner.strip())
    plain = _split_abbreviations(text)
    if plain is not None:
        return plain
    if not names:
        return _bodies(text)
    found: list[tuple[int, str]] = []
    if names:
        # Full names first: "Ministry of Health, Labour and Welfare" holds the separators.
        lowered = text.lower()
        for name in sorted(names, key=len, reverse=True):
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", lowered):
                found.append((m.start(), names[name]))
                lowered = lowered[: m.start()] + "\0" * len(name) + lowered[m.end() :]
        text = "".join("\0" if lowered[i] == "\0" else ch for i, ch in enumerate(text))
    parts = _ATTRIBUTION_SPLIT.split(text.replace("\0", " , "))
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not _MINISTRY.match(part):
            return _bodies(inner)
        found.append((text.find(part), part))
    if not found:
        return None
    return tuple(dict.fromkeys(abbr for _, abbr in sorted(found)))


# Words that make a name in brackets a government body even when the glossary lacks it.
_BODY_WORD = re.compile(
    r"\b(?:ministry|agency|office|secretariat|cabinet|police|bureau|commission|council)\b", re.I
)


def _bodies(inner: str) -> tuple[str, ...] | None:
    """Government bodies named in full that the glossary does not list ("[Ministry of
    Justice; Reconstruction Agency]"), kept as written rather than losing the effort."""
    split = re.split(r"\s*[;；、/／]\s*|\s+and\s+(?=[A-Z])", inner)
    parts = [p.strip() for p in split if p.strip()]
    if parts and all(_BODY_WORD.search(p) and p[:1].isupper() for p in parts):
        return tuple(dict.fromkeys(parts))
    return None


def _split_abbreviations(text: str) -> tuple[str, ...] | None:
    parts = [p.strip() for p in _ATTRIBUTION_SPLIT.split(text)]
    names = [p for p in parts if p]
    if not names or not all(_MINISTRY.match(n) for n in names):
        return None
    return tuple(dict.fromkeys(names))


def find_dates(text: str) -> tuple[str, ...]:
    """Every month named with a year in ``text``, as sorted unique ``YYYY-MM`` strings.

    Example:
        >>> find_dates("held (from October to November 2019) and in January 2020")
        ('2019-10', '2019-11', '2020-01')
    """
    if not _ANY_YEAR.search(text):
        return ()
    found: set[str] = set()
    for match in _MONTH_RANGE.finditer(text):
        year = int(match.group(3))
        for name in match.group(1, 2):
            found.add(f"{year:04d}-{MONTHS[name.lower()]:02d}")
    for match in _MONTH_YEAR.finditer(text):
        found.add(f"{int(match.group(2)):04d}-{MONTHS[match.group(1).lower()]:02d}")
    return tuple(sorted(found))


def _glossary_pairs(line: str) -> dict[str, str] | None:
    """The legend's ``ABBR (Full Name)`` pairs on this line (two or more), or its one
    ``ABBR: Full Name`` entry (also ``=`` or a dash) when the name is a government body."""
    single = _GLOSSARY_ENTRY.match(line)
    if single and _MINISTRY.match(single.group(1)) and _BODY_WORD.search(single.group(2)):
        return {single.group(1): normalise_line(single.group(2))}
    pairs = [(a, n) for a, n in _GLOSSARY_PAIR.findall(line) if _MINISTRY.match(a)]
    if len(pairs) < 2:
        return None
    # A glossary line is mostly pairs: what is left once they are removed is only punctuation.
    rest = re.sub(r"\band\b", "", _GLOSSARY_PAIR.sub("", line))
    if len(re.sub(r"[\W_]", "", rest)) > 10:
        return None
    return {abbr: normalise_line(name) for abbr, name in pairs}


@dataclass
class _OpenEffort:
    line: int
    parts: list[str]


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
        self.sections: list[_SectionDraft] = []
        self.glossary: dict[str, str] = {}
        self.plan_notes: list[str] = []
        self.open: _OpenEffort | None = None
        self.last_note_line = -2
        self.last_note_start = -2
        # The heading just read, whose title a lower-case next line continues.
        self.heading: _SectionDraft | _MeasureDraft | None = None

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

    def reopen_note_as_effort(self, line_no: int) -> _OpenEffort | None:
        """An unmarked effort wrapped over lines first looks like a note; take it back."""
        if self.last_note_line != line_no - 1 or not self.sections:
            return None
        notes = self.measure().notes
        self.last_note_line = -2
        return _OpenEffort(line=self.last_note_start, parts=[notes.pop()])


def parse_plan(text: str, *, source: str) -> Plan:
    """Parse one report's text into a Plan; pure, no file access.

    Args:
        text: The whole report as text (any line endings).
        source: A name for error messages and for ``Plan.source``, usually the file name.

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
    numbered = [(i, normalise_line(raw)) for i, raw in enumerate(lines, start=1)]
    numbered = [(i, line) for i, line in numbered if line]
    if not numbered:
        raise CorpusError(f"{source} is empty; point planqa at a plan report text file")
    title_no, title = numbered[0]
    year_match = _FISCAL_YEAR.search(title)
    if year_match is None:
        raise CorpusError(
            f"{source}, line {title_no}: the title line has no fiscal year "
            f"(expected something like 'FY2019 Efforts on ...', found {title[:80]!r})"
        )
    fiscal_year = int(year_match.group(1))
    # The glossary may come anywhere, so read it first: attributions may use full names.
    pairs = [pair for _, line in numbered[1:] for pair in (_glossary_pairs(line) or {}).items()]
    names = {full.lower(): abbr for abbr, full in pairs}
    names.update({abbr.lower(): abbr for abbr, _ in pairs})  # "[MoJ]", "[Npa]" as in the glossary
    builder = _Builder(source, names)
    builder.tabular = tabular
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
    check_one_report(numbered, (title_no, title), sections, source=source)
    plan = _freeze(builder, title=title, fiscal_year=fiscal_year)
    check_unique_effort_ids(plan)
    return plan


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


def _read_line(builder: _Builder, line_no: int, line: str, following: str = "") -> None:
    attribution = _ATTRIBUTION.search(line)
    heading, builder.heading = builder.heading, None
    if heading is not None and line[:1].islower() and not attribution and builder.open is None:
        # "6. Strengthening … children will never" / "become victims": the title goes on
        heading.title = f"{heading.title} {line}"
        builder.heading = heading
        return
    section = _SECTION.match(line)
    if section and not attribution:
        builder.close_effort()
        builder.sections.append(
            _SectionDraft(number=int(section.group(1)), title=section.group(2), line=line_no)
        )
        builder.heading = builder.sections[-1]
        return
    measure = _MEASURE.match(line) or (
        _NUMBERED_MEASURE.match(line) if builder.open is None else None
    )
    if not measure and not attribution and _bare_title(builder, line_no, line, following):
        builder.sections[-1].measures.append(_MeasureDraft(title=line))
        builder.heading = builder.sections[-1].measures[-1]
        return
    if measure and not attribution:
        builder.close_effort()
        if not builder.sections:
            raise CorpusError(
                f"{builder.source}, line {line_no}: a measure comes before the first numbered "
                "section (expected a line like '1. Title' first); is this a plan report?"
            )
        builder.sections[-1].measures.append(_MeasureDraft(title=measure.group(1)))
        builder.heading = builder.sections[-1].measures[-1]
        return
    glossary = _glossary_pairs(line)
    if glossary is not None:
        builder.close_effort()
        builder.glossary.update(glossary)
        return
    bullet = _BULLET.match(line)
    body = line[bullet.end() :] if bullet else line
    if bullet:
        builder.close_effort()
    leading = _LEADING_ATTRIBUTION.match(body)
    if leading and parse_attribution(leading.group(1), builder.names):
        # "[NPA] Held a forum." reads as "Held a forum. [NPA]"
        body = f"{body[leading.end() :]} [{leading.group(1)}]"
    attribution = _ATTRIBUTION.search(body)
    ministries = parse_attribution(attribution.group(1), builder.names) if attribution else None
    if builder.open is None and (bullet or ministries):
        if not builder.sections:
            if not ministries:
                builder.plan_notes.append(body)
                return
            raise CorpusError(
                f"{builder.source}, line {line_no}: an effort comes before the first numbered "
                "section (expected a line like '1. Title' first); is this a plan report?"
            )
        reopened = None if bullet else builder.reopen_note_as_effort(line_no)
        builder.open = reopened or _OpenEffort(line=line_no, parts=[])
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
