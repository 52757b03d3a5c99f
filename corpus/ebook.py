"""A report's English edition as a Japanese publisher typeset it, copied out of its e-book.

Its marks are the Japanese ones: a chapter is ``【Ⅰ】Title``, a measure ``⑴　Title``, an
effort ``①text``; the lines of each wrap at the margin (inside a word of Japanese text
too) and go on indented by an ideographic space. The bodies in charge end each effort in
white lenticular brackets, separated by middle dots (``〖NPA・MEXT〗``), at the right margin
or on lines of their own; a body may be written in full, in English or in Japanese
(``〖法務省〗``). Digits and brackets are full width in places (``（２０７６）``); a date
gives the era year and the Western one (``July 19, Reiwa 57（2075）``, ``June 1〜July 31,
Reiwa 57（2075）``, ``May of Reiwa 57（2075）``). A table sits inside its effort under a
``〔Table 1〕`` caption, its columns set apart by spaces. The legend (``※ Abbreviations …``)
gives each body as ``NPA＝National Police Agency／警察庁（けいさつちょう）``. A page break
leaves a running head with a full-width page number (``２　FY2075 Efforts …``) between
blank lines, inside an effort too; notes (``【Notes on this edition】``) come before the
first chapter and a colophon after the last.

:func:`ebook_to_plain` writes what such a report holds: "1. Title" for a chapter, "O Title"
for a measure, "· text [NPA, MEXT]" for an effort, whole, on its first line, in half-width
characters with the Western years; "Note: NPA = National Police Agency; …" for the legend.
The other lines are left blank. A report not marked so comes back unchanged. Pure.
"""

from __future__ import annotations

import re
import unicodedata

from corpus.legend import as_note
from corpus.plaintables import markdown_line

__all__ = ["ebook_to_plain"]

_CHAPTER = re.compile(r"^【([\u2160-\u216b])】\s*(\S.*)$")  # 【Ⅰ】 … 【Ⅻ】
_OTHER_BLOCK = re.compile(r"^【[^】]+】")  # 【Notes on this edition】, 【Colophon】
_MEASURE = re.compile(r"^([\u2474-\u2487])[\s\u3000]*(\S.*)$")  # ⑴ … ⒇
_EFFORT = re.compile(r"^([\u2460-\u2473\u3251-\u325f])\s*(\S.*)$")  # ① … ⑳, ㉑ …
_CREDIT = re.compile(r"〖([^〗]*)〗?\s*$|〖([^〗]*)$")
_CAPTION = re.compile(r"^[\s\u3000]*〔(Table\s*[0-9０-９]+)〕\s*(.*)$")
_LEGEND_HEAD = re.compile(r"^※[\s\u3000]*(?:list\s+of\s+)?abbreviations", re.I)
_ENTRY = re.compile(r"^[\s\u3000]*([A-Z][A-Za-z0-9&]{1,7})＝([^／]+)(?:／(.*))?$")
# A running head: a full-width page number before or after the head, alone between blanks.
_RUNNING_HEAD = re.compile(r"^\s*[０-９]{1,3}\u3000\S|\S\u3000[０-９]{1,3}\s*$")
_ERA = re.compile(r"\b(?:Reiwa|Heisei)\s*\d{1,2}\s*\(\s*((?:19|20)\d\d)\s*\)")
_ERA_ALONE = re.compile(r"\s*\(\s*(?:Reiwa|Heisei)\s*\d{1,2}\s*\)")  # "FY2074（Reiwa 56）"
_MONTH_OF = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+of\s+(?=(?:19|20)\d\d\b)"
)
_MIN_EFFORTS = 3


def ebook_to_plain(lines: list[str]) -> list[str]:
    """``lines`` with an e-book's Japanese-marked report written as the report it holds
    (as many lines); any other report unchanged."""
    chapters = [i for i, line in enumerate(lines) if _CHAPTER.match(line)]
    efforts = sum(1 for line in lines if _EFFORT.match(line))
    if len(chapters) < 2 or efforts < _MIN_EFFORTS:
        return lines
    out = [""] * len(lines)
    head = next((i for i, line in enumerate(lines) if _OTHER_BLOCK.match(line)), chapters[0])
    out[:head] = lines[:head]  # the title, before the notes
    legend, japanese = _legend(lines, out)
    i = chapters[0]
    while i < len(lines):
        line = lines[i]
        chapter, measure, effort = _CHAPTER.match(line), _MEASURE.match(line), _EFFORT.match(line)
        if _OTHER_BLOCK.match(line) and not chapter:  # the colophon: nothing of the report
            i = _next_mark(lines, i + 1, stop_at_blocks=False)
        elif chapter or measure:
            m = chapter or measure
            assert m is not None
            end = _next_mark(lines, i + 1)
            number = int(unicodedata.numeric(m.group(1)))
            title = _plain(_joined([m.group(2), *(x for x in lines[i + 1 : end] if x.strip())]))
            out[i] = f"{number}. {title}" if chapter else f"O {title}"
            i = end
        elif effort and i not in legend:
            i = _effort(lines, i, out, japanese)
        else:
            i += 1
    return out


def _next_mark(lines: list[str], i: int, *, stop_at_blocks: bool = True) -> int:
    """Where the heading that started before ``i`` ends: a blank line or the next mark."""
    while i < len(lines):
        line = lines[i]
        if not line.strip() or _MEASURE.match(line) or _EFFORT.match(line):
            return i
        if stop_at_blocks and _OTHER_BLOCK.match(line):
            return i
        i += 1
    return i


def _effort(lines: list[str], i: int, out: list[str], japanese: dict[str, str]) -> int:
    """Write the effort that starts at ``i`` on its first line; where it ends: after the
    line that closes its bodies' brackets (page breaks and running heads inside it
    skipped), or before the next mark."""
    m = _EFFORT.match(lines[i])
    assert m is not None
    words: list[str] = [m.group(2)]
    table: list[list[str]] = []
    caption = ""
    k = i + 1
    while k < len(lines) and "〗" not in words[-1]:
        line = lines[k]
        if _EFFORT.match(line) or _MEASURE.match(line) or _CHAPTER.match(line):
            break
        if not line.strip() or _RUNNING_HEAD.search(line):
            k += 1
            continue
        cap = _CAPTION.match(line)
        if cap:
            caption = _plain(f"{cap.group(1)} {cap.group(2)}")
        elif caption and not _CREDIT.search(line) and re.search(r"\S\s{2,}\S", line.strip()):
            table.append(re.split(r"[\s\u3000]{2,}", line.strip()))
        else:
            words.append(line)
        k += 1
    text, bodies = _credits(_joined(words))
    if caption:
        text = f"{text} {markdown_line([[_plain(c) for c in row] for row in table], caption)}"
    named = [japanese.get(b, b) for b in bodies]
    out[i] = f"· {text} [{', '.join(named)}]" if named else f"· {text}"
    return k


def _credits(text: str) -> tuple[str, list[str]]:
    """The effort's text and its bodies, read from the brackets that end it."""
    m = re.search(r"〖([^〗]*)〗?\s*$", text)
    if m is None:
        return _plain(text), []
    bodies = [_plain(b).strip() for b in re.split(r"[・･]", m.group(1)) if b.strip()]
    return _plain(text[: m.start()]).strip(), bodies


def _joined(parts: list[str]) -> str:
    """Wrapped lines as one: with a space between words, none inside Japanese text."""
    text = ""
    for part in (p.strip(" \u3000") for p in parts):
        if not part:
            continue
        if text and not (_wide(text[-1]) or _wide(part[0])):
            text += " "
        text += part
    return text


def _wide(ch: str) -> bool:
    """A character of Japanese text; a full-width digit or bracket stands for a Latin one."""
    return unicodedata.east_asian_width(ch) == "W"


def _plain(text: str) -> str:
    """Half-width characters, a space around brackets that set words apart, the Western
    years of dates and "〜" as a dash."""
    text = unicodedata.normalize("NFKC", text.replace("〜", "–").replace("～", "–"))
    text = re.sub(r"、(?=[A-Za-z0-9\"“])", ", ", text)  # "(新宿/しんじゅく)、Umeda"
    text = re.sub(r"(?<=[\w.,;:%\"”)])\(", " (", text)
    text = re.sub(r"\)(?=[A-Za-z0-9])", ") ", text)
    text = _ERA.sub(r"\1", text)
    text = _ERA_ALONE.sub("", text)
    text = _MONTH_OF.sub(r"\1 ", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _legend(lines: list[str], out: list[str]) -> tuple[set[int], dict[str, str]]:
    """The legend written as one line of pairs on its heading; its lines, and each body's
    abbreviation by its English and Japanese names ("法務省" → "MOJ")."""
    head = next((i for i, line in enumerate(lines) if _LEGEND_HEAD.match(line)), None)
    if head is None:
        return set(), {}
    english: dict[str, str] = {}
    japanese: dict[str, str] = {}
    rows: list[list[str]] = []
    box = {head}
    for i in range(head + 1, len(lines)):
        line = lines[i]
        if _CHAPTER.match(line) or _MEASURE.match(line) or _EFFORT.match(line):
            break
        if not line.strip() or _RUNNING_HEAD.search(line):
            box.add(i)
            continue
        m = _ENTRY.match(line)
        if m:
            rows.append([m.group(1), m.group(2), m.group(3) or ""])
        elif rows:
            rows[-1][2] += line.strip(" \u3000")  # a name wrapped onto the next line
        box.add(i)
    for abbr, name, local in rows:
        english[abbr] = _plain(name)
        japanese[_plain(name)] = abbr
        native = re.sub(r"[（(].*$", "", local).strip()
        if native:
            japanese[native] = abbr
    if len(english) < 3:
        return set(), {}
    out[head] = as_note(english)
    return box, japanese
