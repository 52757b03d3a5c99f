"""A report saved from a word processor as plain text ("Save As > Plain Text").

The document's outline numbering is flattened into the text, each number followed by a
tab: ``1<TAB>Title`` for a section, ``1.1<TAB>Title`` for a measure, ``1.1.1<TAB>Text``
for an effort; a heading wraps onto lines of its own at the margin. The bodies in charge
stand at the right margin of an effort's first paragraph, after a tab (``…stream.<TAB>CFA,
NPA``), or alone on the next line after a tab when the line is full; they may be written
in full ("National Police Agency, Ministry of Economy, Trade and Industry"). After that
paragraph the effort may go on: bullets the Symbol font left as ``o<TAB>`` or ``§<TAB>``, a
table as one row a line with its cells between tabs (under a "Table 1: …" caption), a
second paragraph. Footnote marks are glued to words (``Caravan[1]``) and the footnotes
gathered at the end under a rule of underscores; a text box (the legend, "·<TAB>NPA –
National Police Agency", names wrapped to the box) is dumped after them; a table of
contents (``1<TAB>Title<TAB>page``) and an overview table come first; a manual page break
is a form feed, perhaps with a typed running head.

:func:`word_text_to_plain` writes what such a report holds on its lines: "2. Title" for a
section, "O Title" for a measure, "· text [bodies]" for an effort, whole, on its first line,
"Note: NPA = National Police Agency; …" for the legend; the other lines of each are left
blank, and so are the contents, the overview table, the footnotes and the page furniture.
A report not numbered so comes back unchanged. Pure.
"""

from __future__ import annotations

import re

from corpus.legend import as_note
from corpus.plaintables import markdown_line

__all__ = ["word_text_to_plain"]

_OUTLINE = re.compile(r"^\f?(\d{1,2}(?:\.\d{1,2}){0,2})\t+(\S.*)$")
# A line of the contents: a number or a word, a tab, a title, a tab, a page number.
_CONTENTS = re.compile(r"^\f?(?:\d{1,2}(?:\.\d{1,2}){0,2}|[A-Z][A-Za-z ]+)\t.+\t\d{1,3}\s*$")
_BULLET = re.compile(r"^[o§·•▪■\uf0a7\uf0b7–-]\t+(\S.*)$")
_CAPTION = re.compile(r"^(?:Table|Figure)\s*\d{1,2}\s*[:.]\s*\S", re.I)
_RULE = re.compile(r"^\s*_{5,}\s*$")
_FOOTNOTE = re.compile(r"^\[\d{1,2}\]\s+\S")
_MARK = re.compile(r"(?<=[^\s\[])\[\d{1,2}\]")  # "Caravan[1]", "2075”[4]."
_LEGEND_HEAD = re.compile(r"^\s*(?:list\s+of\s+)?abbreviations?\s*:?\s*$", re.I)
_ENTRY = re.compile(r"^(?:[·•▪\uf0b7-]\t+)?([A-Z][A-Za-z0-9&]{1,7})\s*(?:[–—=:]|-{1,2})\s*(\S.*)$")


def word_text_to_plain(lines: list[str]) -> list[str]:
    """``lines`` with a word processor's outline-numbered plain text written as the report
    it holds (as many lines); any other report unchanged."""
    numbered = [_OUTLINE.match(line) for line in lines]
    depths = [m.group(1).count(".") if m else -1 for m in numbered]
    if depths.count(2) < 3 or depths.count(0) < 1 or depths.count(1) < 1:
        return lines
    out = list(lines)
    legend = _legend(lines, out)
    title = next((line.strip() for line in lines if line.strip()), "")
    body = next(i for i, d in enumerate(depths) if d == 2)
    first = max((i for i in range(body) if depths[i] == 0), default=body)
    for i in range(first):  # the contents and the overview before the first section
        if "\t" in lines[i] or _CONTENTS.match(lines[i]) or lines[i].strip() == "Contents":
            out[i] = ""
    i = first
    while i < len(lines):
        line = lines[i]
        bare = line.lstrip("\f").strip()
        if "\f" in line and (not bare or bare.startswith(title)):
            out[i] = ""  # a page break, with the running head typed after it
            i += 1
            continue
        if _RULE.match(line):
            i = _footnotes(lines, out, i)
            continue
        m = numbered[i]
        if m is None or i in legend:
            i += 1
            continue
        end = _block_end(lines, numbered, i + 1, legend)
        if depths[i] == 2:
            out[i] = _effort(m.group(2), lines[i + 1 : end])
        else:
            heading = " ".join([m.group(2), *(x.strip() for x in lines[i + 1 : end])])
            number = m.group(1)
            out[i] = f"{number}. {heading}" if depths[i] == 0 else f"O {heading}"
        for k in range(i + 1, end):
            out[k] = ""
        i = end
    return out


def _block_end(
    lines: list[str], numbered: list[re.Match[str] | None], i: int, legend: set[int]
) -> int:
    """Where the block that started before ``i`` ends: a blank line, the next numbered
    line, a page break, the footnote rule or the legend."""
    while i < len(lines):
        line = lines[i]
        if not line.strip() or numbered[i] or "\f" in line or _RULE.match(line) or i in legend:
            return i
        i += 1
    return i


def _effort(first: str, rest: list[str]) -> str:
    """One effort, whole: its first paragraph up to the bodies at the right margin, then
    what follows it (bullets, a table under its caption, a paragraph), then the bodies."""
    words: list[str] = []
    bodies = ""
    lines = [first, *rest]
    k = 0
    while k < len(lines) and not bodies:
        line = lines[k]
        text, tab, right = line.rpartition("\t")
        if tab and right.strip():
            bodies = right.strip()
            if text.strip():
                words.append(text.strip())
        else:
            words.append(line.strip())
        k += 1
    table: list[list[str]] = []
    caption = ""
    for line in lines[k:]:
        bullet = _BULLET.match(line)
        if bullet:
            words.append(f"{_flush(table, caption)}{bullet.group(1).strip()};")
            table, caption = [], ""
        elif "\t" in line.strip():
            table.append([cell.strip() for cell in line.split("\t")])
        elif _CAPTION.match(line.strip()):
            words.append(_flush(table, caption))
            table, caption = [], line.strip()
        else:
            words.append(_flush(table, caption) + line.strip())
            table, caption = [], ""
    words.append(_flush(table, caption))
    text = _MARK.sub("", " ".join(w for w in words if w)).rstrip(";")
    return f"· {text} [{bodies}]" if bodies else f"· {text}"


def _flush(table: list[list[str]], caption: str) -> str:
    if not table:
        return f"{caption} " if caption else ""
    return f"{markdown_line(table, caption)} "


def _footnotes(lines: list[str], out: list[str], i: int) -> int:
    """Blank the footnote rule and the footnotes under it ("[1] The e-Net Caravan is …",
    wrapped); where they end."""
    out[i] = ""
    i += 1
    while i < len(lines) and not _LEGEND_HEAD.match(lines[i]):
        if not lines[i].strip():
            ahead = next((x for x in lines[i + 1 :] if x.strip()), "")
            if not _FOOTNOTE.match(ahead):
                break
        out[i] = ""
        i += 1
    return i


def _legend(lines: list[str], out: list[str]) -> set[int]:
    """The text box of abbreviations ("·<TAB>NPA – National Police Agency", a name wrapped
    to the box's width), written as one line of pairs on its heading ("Note: NPA =
    National Police Agency; …"); the box's lines."""
    head = next((i for i, x in enumerate(lines) if _LEGEND_HEAD.match(x)), None)
    if head is None:
        return set()
    names: dict[str, str] = {}
    box = {head}
    last: str | None = None
    for i in range(head + 1, len(lines)):
        line = lines[i].strip()
        if not line:
            if names:
                break
            continue
        m = _ENTRY.match(line)
        if m:
            last = m.group(1)
            names[last] = m.group(2).strip()
        elif last is not None:
            names[last] = f"{names[last]} {line}"  # a name wrapped to the box's width
        box.add(i)  # the box's own note ("Bodies in charge are shown …") too
    if len(names) < 3:
        return set()
    for i in box:
        out[i] = ""
    out[head] = as_note(names)
    return box
