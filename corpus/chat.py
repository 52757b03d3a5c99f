"""A report kept as a team-chat channel and exported as plain text.

Each message opens with its time and poster, ``[2080-04-09 11:06] Hayashi (CFA):``, a
reply in a thread with ``↳`` before it, and its lines follow indented. The coordinator
pins a message per section (``:pushpin: SEC 1/6 » Title``) and starts a thread per
measure (``:thread: THREAD 1.2 » Title``); each effort is a reply in its measure's thread
that starts ``#E1``, ``#E2`` …, credited to the poster's body (or to the body it posts
for: ``Mori (CFA), posting for MOJ:``) and to each body it @-mentions (``@NPA-focal``).
Other replies are discussion. A pinned "WHO IS WHO" message is the legend (``NPA = National
Police Agency · @NPA-focal (Sato)``); reactions (``:+1: 4``), ``(edited)`` marks, struck-out
words (``~21~``), tables in code fences, and page furniture (a ``‹ 4 ›`` footer and the
channel's running header after it, inside a message too) come with it.

:func:`chat_to_plain` writes what such a report holds: "2. Title" for a section, "O Title"
for a measure, "· text [CFA, NPA]" for an effort, whole, on its first line (mentions as
the bodies' abbreviations, a table as Markdown rows), and "Note: NPA = National Police
Agency; …" for the legend; the other lines are left blank. A report not written so comes
back unchanged. Pure.
"""

from __future__ import annotations

import re

from corpus.legend import as_note
from corpus.plaintables import markdown_line

__all__ = ["chat_to_plain"]

_HEADER = re.compile(
    r"^\s*(?P<reply>↳\s*)?\[\d{4}-\d\d-\d\d[ T]\d\d:\d\d\]\s+[^()\n]+?\s+"
    r"\((?P<body>[A-Za-z]{2,6})\)(?:,\s*posting\s+for\s+(?P<for>[A-Za-z]{2,6}))?:\s*$"
)
_SECTION = re.compile(r"^:pushpin:\s+SEC\s+(\d{1,2})\s*/\s*\d{1,2}\s*[»:>-]+\s*(\S.*)$")
_MEASURE = re.compile(r"^:thread:\s+THREAD\s+\d{1,2}\.\d{1,2}\s*[»:>-]+\s*(\S.*)$")
_EFFORT = re.compile(r"^#E\d{1,2}\s+(\S.*)$")
_LEGEND = re.compile(r":pushpin:.*\bWHO\s+IS\s+WHO\b", re.I)
_ENTRY = re.compile(r"^([A-Z][A-Za-z]{1,5})\s*=\s*(.+?)\s*(?:·\s*@\S+.*)?$")
_MENTION = re.compile(r"@([A-Za-z]{2,6})-focal\b")
_FOOTER = re.compile(r"^\s*‹\s*\d+\s*›\s*$")
_REACTIONS = re.compile(r"^(?::[\w+-]+:\s*\d*\s*)+$")
_FENCE = re.compile(r"^```")
_EDITED = re.compile(r"\s*\(edited\)")
_STRUCK = re.compile(r"~[^~\s][^~]*~\s*")
_MIN = 3


def chat_to_plain(lines: list[str]) -> list[str]:
    """``lines`` with a channel's pinned headings and effort replies written as the report
    they hold (as many lines); any other report unchanged."""
    headers = [i for i, line in enumerate(lines) if _HEADER.match(line)]
    sections = sum(1 for i in headers if _SECTION.match(_first(lines, i)))
    efforts = sum(1 for i in headers if _EFFORT.match(_first(lines, i)))
    if sections < 2 or efforts < _MIN:
        return lines
    out = [""] * len(lines)
    if re.search(r"\bFY\s?(?:19|20)\d\d\b", lines[0]):
        out[0] = lines[0]
    names = _legend(lines, headers, out)
    for i in headers:
        body = _message(lines, i)
        if not body:
            continue
        text = " ".join(body)
        section, measure, effort = _SECTION.match(text), _MEASURE.match(text), _EFFORT.match(text)
        if section:
            out[i] = f"{section.group(1)}. {section.group(2)}"
        elif measure:
            out[i] = f"O {measure.group(1)}"
        elif effort and _is_reply(lines[i]):
            out[i] = _effort(lines, i, names)
    return out


def _is_reply(line: str) -> bool:
    header = _HEADER.match(line)
    return bool(header and header.group("reply"))


def _first(lines: list[str], i: int) -> str:
    """The first line of the message whose header is at ``i``."""
    body = _message(lines, i)
    return body[0] if body else ""


def _message(lines: list[str], i: int) -> list[str]:
    """The stripped lines of the message whose header is at ``i``: up to the next header
    or a blank line, across a page break (its footer and the running header after it)."""
    body: list[str] = []
    k, broken = i + 1, False
    while k < len(lines):
        line = lines[k]
        if _HEADER.match(line):
            break
        if _FOOTER.match(line):
            k, broken = k + 2, True  # the footer and the channel's running header under it
            continue
        if not line.strip():
            ahead = next((x for x in lines[k:] if x.strip()), "")
            if body and not broken and not _FOOTER.match(ahead):
                break
            k += 1
            continue
        body.append(line.strip())
        k, broken = k + 1, False
    return body


def _effort(lines: list[str], i: int, names: dict[str, str]) -> str:
    """An effort reply as "· text [bodies]": the poster's body (or the one it posts for)
    and the bodies it mentions; a table in a code fence as Markdown rows."""
    header = _HEADER.match(lines[i])
    assert header is not None
    words: list[str] = []
    table: list[list[str]] = []
    fenced = False
    for line in _message(lines, i):
        if _FENCE.match(line):
            fenced = not fenced
            if not fenced and table:
                words.append(markdown_line(_squared(table)))
                table = []
            continue
        if fenced:
            table.append(re.split(r"\s{2,}", line.strip()))
        elif not _REACTIONS.match(line):
            words.append(line)
    text = _EFFORT.sub(r"\1", " ".join(words))
    text = _STRUCK.sub("", _EDITED.sub("", text))
    bodies = [header.group("for") or header.group("body")]
    bodies += [m.group(1) for m in _MENTION.finditer(text) if m.group(1) in names]
    text = _MENTION.sub(r"\1", text).strip()
    return f"· {text} [{', '.join(dict.fromkeys(bodies))}]"


def _squared(rows: list[list[str]]) -> list[list[str]]:
    """A table whose head has no cell over the row names given one."""
    width = max(len(r) for r in rows)
    return [[""] * (width - len(r)) + r if n == 0 else r for n, r in enumerate(rows)]


def _legend(lines: list[str], headers: list[int], out: list[str]) -> dict[str, str]:
    """The bodies of the pinned "WHO IS WHO" message, written as one line of pairs on
    its header."""
    for i in headers:
        body = _message(lines, i)
        if not body or not _LEGEND.search(body[0]):
            continue
        entries: list[str] = []
        for line in body[1:]:
            if _ENTRY.match(line) or not entries:
                entries.append(line)
            else:
                entries[-1] = f"{entries[-1]} {line}"  # a wrapped name
        names = {}
        for entry in entries:
            m = _ENTRY.match(entry)
            if m:
                names[m.group(1)] = m.group(2).rstrip(" ·")
        if len(names) >= _MIN:
            out[i] = as_note(names)
            return names
    return {}
