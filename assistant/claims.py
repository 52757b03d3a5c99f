"""What an answer states, and which of its stated facts no cited effort holds.

List items keep the shape ``N. <effort text> — <who; when> [N]`` and source lines are
blockquoted, so an answer's own statements can be told from its quotations. The
assistant checks every answer with :func:`unsupported` before showing it, and
``planqa eval`` scores with the same two functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.models import Answer

__all__ = ["claims", "stated_figures", "unsupported", "without_figures"]

# A note on how the question was read ("_Following up on MEXT._"), not a claim.
_NOTE = re.compile(r"^_[^_].*_$")
# A list item "N. <effort text> — <who, when> [N]": the effort text is a quotation.
_LIST_ITEM = re.compile(r"^(\s*\d+\.\s+)(.*?)(\s+—\s+.*\[\d+\]\s*)$")


def claims(answer: Answer) -> str:
    """The answer's own statements: quoted source lines, list items' quotes and the
    italic notes on how the question was read are left out."""
    kept = []
    for line in answer.text.splitlines():
        if line.lstrip().startswith(">") or _NOTE.match(line):
            continue
        item = _LIST_ITEM.match(line)
        kept.append(item.group(1) + item.group(3) if item else line)
    return "\n".join(kept)


_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(%?)(?![\w])")
_COUNTED = re.compile(
    r"^\s*(?:of\s+(?:them|these|those)\b|(?:of\s+the\s+|or\s+more\s+)?(?:\w+\s+)?(?:efforts?|"
    r"measures?|sections?|pillars?|ministr(?:y|ies)|agenc(?:y|ies)|bod(?:y|ies)|reports?)\b)",
    re.I,
)
_NAME = re.compile(r"“([^”]{3,200})”")


def stated_figures(text: str) -> set[str]:
    """The figures a statement gives, ``[n]`` markers aside: "about 11,000 letters [1]" →
    {"11,000"}."""
    text = re.sub(r"\[\d+\]", "", text)
    shares = {m.group(0) for m in _SHARE.finditer(text)}  # "1 in 9" is one figure
    return shares | {m.group(0) for m in _NUMBER.finditer(_SHARE.sub(" ", text))}


def without_figures(text: str, figures: set[str]) -> str:
    """``text`` with the given figures blanked, so that another is read ("1 in 9 women and
    1 in 28 men" keeps the second share whole)."""
    text = _SHARE.sub(lambda m: "…" if m.group(0) in figures else m.group(0), text)
    return _NUMBER.sub(lambda m: "…" if m.group(0) in figures else m.group(0), text)


# A share said as one of so many: "1 in 9".
_SHARE = re.compile(r"\b(?:1|one)\s+in\s+\d[\d,]*\b", re.I)


def unsupported(
    answer: Answer, glossary: dict[str, str] | None = None, titles: Sequence[str] = ()
) -> list[str]:
    """Figures and names the answer states that none of its cited efforts contains (nor
    the reports' own ``titles``: "what is the report called?").

    Counts of efforts, sections or ministries, years, section numbers, list numbers and
    ``[n]`` markers are the answer's own arithmetic, not facts lifted from an effort.
    """
    said = claims(answer)
    text = re.sub(
        r"(?i)\[\d+\]|FY\d{4}(?::\s*\d+)?|§\s*\d+|\b(?:section|pillar|measure)s?\s+\d+(?:\.\d+)?"
        r"(?:\s*(?:,|and|or|to)\s*\d+(?:\.\d+)?)*",  # "sections 5 and 6"
        " ",
        said,
    )  # "FY2025: 7" is a count per year
    text = re.sub(r"^\s*\d+\.\s", " ", text, flags=re.M)
    sources = " ".join(
        [c.text for c in answer.citations]
        + [f"{c.section_title} {c.measure_title}" for c in answer.citations]
        + list(titles)
    )
    flat = sources.replace(",", "")
    out = []
    for m in _NUMBER.finditer(text):
        value = m.group(1)
        if re.fullmatch(r"(19|20)\d\d", value) or _COUNTED.match(text[m.end() :]):
            continue
        if value.replace(",", "") not in flat:
            out.append(m.group(0))
    names = set(glossary or {}) | set((glossary or {}).values())
    for m in _NAME.finditer(said):  # a name whole, its years too ("… (FY2063-FY2066)")
        name = m.group(1).strip()
        known = name in sources or name in names or name.lower() in answer.question.lower()
        if not known and not _is_title(name, answer):
            out.append(f"“{name}”")
    return out


def _is_title(name: str, answer: Answer) -> bool:
    return any(name in (c.section_title, c.measure_title) for c in answer.citations)
