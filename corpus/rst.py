"""A report kept as reStructuredText (a Sphinx page's source), read as the text it renders.

In reStructuredText a heading is a line underlined (and maybe overlined) with a run of
punctuation; ``.. name::`` opens a directive, whose indented block is its content (a
table, a note, a page break, the page's header); ``:Field: value`` is a field; ``#.`` an
auto-numbered item; and inline roles mark words (``:abbr:`NPA (National Police
Agency)```, ```Tayori Guide <https://…>`_``, ``*emphasis*``, ``|substitution|``).

:func:`rst_to_plain` keeps what the page shows, one line for one line: adornments,
comments, targets and directives that show nothing in the report's text (page breaks, the
page's header and footer, its table of contents, notes, footnotes, revision notes) become
blank; a table directive or a simple table becomes Markdown rows; an auto-numbered item a
bullet; a field inside an item its labelled line ("Handled by: NPA"); inline markup its
text (a title in italics in quotes), a role cut by a line's end joined onto its first
line. Headings keep their words.
Pure; only a page with headings underlined and two directives or more is touched.
"""

from __future__ import annotations

import re

from corpus.headings import labelled_heading

__all__ = ["is_rst", "rst_to_plain"]

# A heading's underline or overline: one punctuation character, four times or more.
_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+:._])\1{3,}\s*$")
_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([a-z][\w-]*)::\s*(.*)$")
# ".. _label:", ".. [#] note", ".. |plan| replace:: …", ".. a comment"
_EXPLICIT = re.compile(r"^(\s*)\.\.(?:\s|$)")
_SUBSTITUTION = re.compile(r"^\s*\.\.\s+\|([^|]+)\|\s+replace::\s*(.*)$")
_TABLES = frozenset({"list-table", "csv-table", "table"})
_FIELD = re.compile(r"^(\s*):([^:`]+):\s+(.*)$")
_AUTO_ITEM = re.compile(r"^(\s*)#\.\s+")
# A simple table's rule: runs of "=" with spaces between ("=====  ======  ======").
_SIMPLE_RULE = re.compile(r"^\s*=+(?:\s+=+)+\s*$")

_ROLE = re.compile(r":[a-z]+:`([^`<]*?)(?:\s*\(([^`]*)\))?(?:\s*<[^`>]*>)?`", re.S)
_LINK = re.compile(r"`([^`<]+?)\s*<[^`>]+>`__?", re.S)
_LITERAL = re.compile(r"``([^`]+)``")
_STRONG = re.compile(r"\*\*([^*]+)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_FOOTNOTE_REF = re.compile(r"\s*\[(?:#[\w-]*|\d+|\*)\]_")
_INTERPRETED = re.compile(r"`([^`]+)`_{0,2}")


def is_rst(lines: list[str]) -> bool:
    """Whether a report is reStructuredText: an underlined heading and two directives."""
    underlined = sum(
        1
        for above, line in zip(lines, lines[1:], strict=False)
        if _ADORNMENT.match(line) and above.strip() and not _ADORNMENT.match(above)
    )
    return underlined >= 1 and sum(1 for line in lines if _DIRECTIVE.match(line)) >= 2


def rst_to_plain(lines: list[str]) -> list[str]:
    """The lines of a reStructuredText page as the text it shows (as many lines; what it
    does not show is blank). Other reports come back unchanged.

    Example:
        >>> page = ["FY2063 Efforts", "==============", "", ".. raw:: pdf", "",
        ...         "   PageBreak", "", "#. Held a *forum* [#]_.", "", "   :Handled by: NPA",
        ...         "", "* Ran a desk. [:abbr:`CFA (Children and", "  Families Agency)`]",
        ...         "", ".. note::", "", "   Provisional."]
        >>> [line for line in rst_to_plain(page) if line]
        ['FY2063 Efforts', '· Held a "forum".', '   Handled by: NPA', '* Ran a desk. [CFA]']
    """
    if not is_rst(lines):
        return lines
    substitutions = {
        m.group(1): m.group(2).strip() for line in lines if (m := _SUBSTITUTION.match(line))
    }
    out = _join_open_roles(list(lines))
    _headings(out)
    i = 0
    while i < len(out):
        line = out[i]
        if _ADORNMENT.match(line):
            out[i] = ""
        elif (directive := _DIRECTIVE.match(line)) or _EXPLICIT.match(line):
            end = _block_end(out, i)
            if directive and directive.group(2) in _TABLES:
                _table(out, i, end, directive.group(2))
            else:
                out[i:end] = [""] * (end - i)
            i = end
            continue
        elif _SIMPLE_RULE.match(line):
            i = _simple_table(out, i)
            continue
        else:
            out[i] = _inline(line, substitutions)
        i += 1
    return out


def _headings(out: list[str]) -> None:
    """Headings written as the parser reads them, by their level: adornment styles rank
    in the order they first appear; the title's (a heading with its fiscal year) first,
    then sections ("2. Title"), then measures ("O Title")."""
    found: list[tuple[int, tuple[str, bool]]] = []
    for i in range(1, len(out)):
        under, text = _ADORNMENT.match(out[i]), out[i - 1]
        if under and text.strip() and not text[:1].isspace() and not _ADORNMENT.match(text):
            over = i >= 2 and out[i - 2].strip() == out[i].strip()
            found.append((i - 1, (under.group(1), over)))
    styles = list(dict.fromkeys(style for _, style in found))
    if found and re.search(r"\bFY\s?\d{4}\b", out[found[0][0]]):
        styles = styles[1:]  # the page's title
    section = 0
    for at, style in found:
        level = styles.index(style) if style in styles else -1
        number, title = labelled_heading(out[at].strip())
        if level == 0:
            section = number or section + 1
            out[at] = f"{section}. {title}"
        elif level == 1:
            out[at] = f"O {title}"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _block_end(lines: list[str], start: int) -> int:
    """The line after a directive's block: its lines indented deeper, blanks between."""
    indent = _indent(lines[start])
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > indent):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # the blank lines after the block are the page's, not the block's
    return end


def _join_open_roles(lines: list[str]) -> list[str]:
    """A line whose role or link a line's end cut (an odd number of backticks) with the
    rest of it joined on, the lines it took left blank: "[:abbr:`NPA (National Police" /
    "Agency)`]"."""
    out = list(lines)
    for i in range(len(out)):
        j = i
        while out[i].count("`") % 2 and j + 1 < len(out) and out[j + 1].strip():
            j += 1
            out[i] = f"{out[i].rstrip()} {out[j].strip()}"
            out[j] = ""
    return out


def _inline(line: str, substitutions: dict[str, str]) -> str:
    """A line's text without its inline markup."""
    if (field := _FIELD.match(line)) and field.group(1):
        line = f"{field.group(1)}{field.group(2).strip()}: {field.group(3)}"
    elif field:
        return ""  # the page's own fields, above its first heading: who compiled it, when
    line = _AUTO_ITEM.sub(lambda m: f"{m.group(1)}· ", line)
    line = _ROLE.sub(lambda m: m.group(1).strip(), line)  # ":abbr:`NPA (…)`": NPA
    line = _LINK.sub(lambda m: m.group(1).strip(), line)
    line = _LITERAL.sub(r"\1", line)
    line = _STRONG.sub(r"\1", line)
    line = _EMPHASIS.sub(r'"\1"', line)  # a title in italics: "Think Twice, Tap Once"
    line = _FOOTNOTE_REF.sub("", line)
    line = re.sub(r"\|([^|\s][^|]*)\|", lambda m: substitutions.get(m.group(1), m.group(0)), line)
    return _INTERPRETED.sub(r"\1", line)


def _cells(text: str) -> list[str]:
    return [
        c.strip().strip('"').strip() for c in re.split(r",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", text)
    ]


def _table(out: list[str], start: int, end: int, kind: str) -> None:
    """A table directive's rows, as Markdown rows on its lines."""
    indent = " " * (_indent(out[start]) + 2)
    header: list[str] = []
    rows: list[list[str]] = []
    for line in out[start + 1 : end]:
        text = line.strip()
        option = re.match(r":([\w-]+):\s*(.*)$", text)
        if option:
            header = _cells(option.group(2)) if option.group(1) == "header" else header
        elif kind == "list-table" and text.startswith("* -"):
            rows.append([text[3:].strip()])
        elif kind == "list-table" and text.startswith("- ") and rows:
            rows[-1].append(text[2:].strip())
        elif kind == "list-table" and text and rows:
            rows[-1][-1] = f"{rows[-1][-1]} {text}"  # a cell's words wrapped under it
        elif kind == "csv-table" and text:
            rows.append(_cells(text))
    headed = bool(header) or re.search(r":header-rows:\s*[1-9]", "\n".join(out[start:end]))
    rows = [header, *rows] if header else rows
    if rows and headed:
        rows.insert(1, ["---"] * len(rows[0]))
    shown = [indent + "| " + " | ".join(_inline(c, {}) for c in row) + " |" for row in rows]
    out[start:end] = [""] * (end - start)
    room = end - start
    if len(shown) > room:  # more rows than lines: the last line holds the rest
        shown[room - 1 :] = [" ".join(shown[room - 1 :])]
    out[start : start + len(shown)] = shown


def _simple_table(out: list[str], start: int) -> int:
    """A simple table (rows between rules of "="), as Markdown rows; the line after it."""
    rule = out[start]
    columns = [m.start() for m in re.finditer(r"=+", rule)]
    end = start + 1
    rules = [start]
    while end < len(out) and out[end].strip():
        if _SIMPLE_RULE.match(out[end]):
            rules.append(end)
        end += 1
    for i in range(start, end):
        if i in rules:
            out[i] = ""
            continue
        line = out[i]
        cells = [
            line[a:b].strip() for a, b in zip(columns, [*columns[1:], len(line) + 1], strict=False)
        ]
        out[i] = " " * columns[0] + "| " + " | ".join(cells) + " |"
    if len(rules) >= 3:  # the rule under the header row: the Markdown one
        out[rules[1]] = " " * columns[0] + "|" + "|".join("---" for _ in columns) + "|"
    return end
