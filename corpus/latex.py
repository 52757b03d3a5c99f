"""A report kept as LaTeX source, read as the text it typesets.

:func:`latex_to_plain` keeps what the typeset page says, one line for one line: comments,
the preamble (but the title), ``comment`` environments, footnotes, labels and layout
commands go; the house's own one-line macros are expanded as the preamble defines them
(``\\newcommand{\\resp}[1]{\\hfill[#1]}``); ``\\section`` and ``\\subsection`` become the
headings the parser reads ("2. Title", "O Title"; a starred one, unnumbered, is no part of
the plan); ``\\item`` a bullet, with a margin note of bodies as its attribution; a
``tabular`` Markdown rows; datetime2 dates ("\\DTMdate{2065-07-11}") their words;
escapes, TeX quotes and dashes their characters. A construct over several lines is
written on its first line, the lines it took left blank. Pure; only a LaTeX source (a
``\\documentclass`` or ``\\begin{document}``) is touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["is_latex", "latex_to_plain"]

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
# Commands that typeset nothing the report says.
_DROPPED = (
    "maketitle tableofcontents listoftables listoffigures newpage clearpage pagebreak "
    "noindent centering toprule midrule bottomrule hline par small footnotesize normalsize "
    "large Large bigskip medskip smallskip hfill vfill unskip nobreak raggedright "
    "appendix"
).split()
_DROPPED_WITH_ARG = (
    "label thispagestyle pagestyle vspace hspace addtocounter fancyhead fancyfoot markright "
    "lhead chead rhead lfoot cfoot rfoot"
).split()
_TEXT_OF = (
    "textit emph textbf texttt textsc textrm textsf mbox textsuperscript underline caption"
).split()


def is_latex(lines: list[str]) -> bool:
    """Whether a report is LaTeX source."""
    return any(line.lstrip().startswith(("\\documentclass", "\\begin{document}")) for line in lines)


def latex_to_plain(lines: list[str]) -> list[str]:
    """The lines of a LaTeX source as the text it typesets (as many lines). Other reports
    come back unchanged.

    Example:
        >>> tex = ["\\\\documentclass{article}", "\\\\newcommand{\\\\resp}[1]{\\\\hfill[#1]}",
        ...        "\\\\title{FY2065 Efforts}", "\\\\begin{document}",
        ...        "\\\\section{Awareness}", "\\\\subsection{Campaigns}", "\\\\begin{itemize}",
        ...        "  \\\\item Held a ``forum'' (\\\\DTMdate{2065-07-11}); 97\\\\% came.",
        ...        "    \\\\resp{CFA \\\\& NPA} % checked", "\\\\end{itemize}", "\\\\end{document}"]
        >>> for line in latex_to_plain(tex):
        ...     print(line.strip()) if line else None
        FY2065 Efforts
        1. Awareness
        O Campaigns
        · Held a "forum" (11 July 2065); 97% came.
        [CFA & NPA]
    """
    if not is_latex(lines):
        return lines
    text = "\n".join(_uncommented(line) for line in lines)
    text = _environment(text, "comment", lambda body: "")
    begin = text.find("\\begin{document}")
    preamble, body = (text[:begin], text[begin:]) if begin >= 0 else ("", text)
    macros = _macros(preamble)
    title = _command_args(preamble, "title", 1)
    body = _inline(_structure(_expand(body, macros)))
    out = (_blank(preamble) + body).split("\n")
    if title:  # the title, on the line it is set
        start, _, args = title[0]
        out[preamble.count("\n", 0, start)] = re.sub(r"\s+", " ", _inline(args[0])).strip()
    return [line.rstrip() for line in out[: len(lines)]] + [""] * (len(lines) - len(out))


def _uncommented(line: str) -> str:
    return re.sub(r"(?<!\\)%.*$", "", line)


def _blank(text: str) -> str:
    return "\n" * text.count("\n")


def _group(text: str, at: int, open_: str = "{", close: str = "}") -> tuple[str, int] | None:
    """The contents of the group opening at ``at`` (whitespace skipped) and the index after
    it; None if none opens there."""
    i = at
    while i < len(text) and text[i] in " \t":
        i += 1
    if i >= len(text) or text[i] != open_:
        return None
    depth = 0
    for j in range(i, len(text)):
        if text[j] == "\\":
            continue
        if text[j] == open_ and text[j - 1] != "\\":
            depth += 1
        elif text[j] == close and text[j - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[i + 1 : j], j + 1
    return None


def _command_args(
    text: str, name: str, count: int, *, optional: bool = True
) -> list[tuple[int, int, list[str]]]:
    """Each ``\\name[opt]{a}{b}`` in ``text``: (start, end, [a, b]), its optional argument
    skipped."""
    found = []
    for m in re.finditer(rf"\\{name}(?![A-Za-z])\*?", text):
        at = m.end()
        if optional and (skipped := _group(text, at, "[", "]")) is not None:
            at = skipped[1]
        args = []
        for _ in range(count):
            group = _group(text, at)
            if group is None:
                break
            args.append(group[0])
            at = group[1]
        if len(args) == count:
            found.append((m.start(), at, args))
    return found


def _replace(text: str, name: str, count: int, make: Callable[[list[str], str], str]) -> str:
    """``text`` with each ``\\name{…}`` replaced by ``make(args, command)``, written on its
    first line and followed by as many line ends as it took."""
    out, last = [], 0
    for start, end, args in _command_args(text, name, count):
        if start < last:
            continue
        out.append(text[last:start])
        shown = re.sub(r"[ \t\n]+", " ", make(args, text[start:end]))
        out.append(shown + "\n" * text.count("\n", start, end))
        last = end
    out.append(text[last:])
    return "".join(out)


def _environment(text: str, name: str, make: Callable[[str], str], *, lines: bool = False) -> str:
    """``text`` with each ``name`` environment replaced by ``make(body)``: on its first
    line, or (``lines``) as ``make`` lays it out, line for line."""

    def whole(m: re.Match[str]) -> str:
        if lines:
            return make(m.group(1))
        return make(m.group(1)).replace("\n", " ") + "\n" * m.group(0).count("\n")

    return re.sub(rf"\\begin\{{{name}\}}(.*?)\\end\{{{name}\}}", whole, text, flags=re.S)


def _macros(preamble: str) -> dict[str, tuple[int, str]]:
    """The house's macros: ``\\newcommand{\\resp}[1]{…}`` → {"resp": (1, "…")}."""
    macros = {}
    for m in re.finditer(r"\\(?:new|renew|provide)command\*?\s*\{?\\([A-Za-z]+)\}?", preamble):
        at, count = m.end(), 0
        number = re.match(r"\s*\[(\d)\]", preamble[at:])
        if number:
            count, at = int(number.group(1)), at + number.end()
        body = _group(preamble, at)
        if body is not None:
            macros[m.group(1)] = (count, body[0])
    return macros


def _expand(text: str, macros: dict[str, tuple[int, str]]) -> str:
    for name, (count, body) in macros.items():

        def make(args: list[str], _: str, body: str = body) -> str:
            out = body
            for n, arg in enumerate(args, start=1):
                out = out.replace(f"#{n}", arg)
            return out

        text = _replace(text, name, count, make)
    return text


def _structure(text: str) -> str:
    """Headings, items, margin notes of bodies, tables, footnotes and dates."""
    text = _environment(text, "tabular", _tabular, lines=True)
    text = re.sub(r"\\(?:begin|end)\{table\*?\}(?:\[[^\]]*\])?", "", text)
    text = _items(_replace(text, "footnote", 1, lambda a, c: ""))
    # an unnumbered heading and its paragraphs ("\\subsection*{Note}"): a note, not the plan
    text = re.sub(
        r"\\(?:sub)*section\*\s*\{[^{}]*\}.*?(?=\\(?:sub)*section(?![A-Za-z])|\\begin\{|$)",
        lambda m: "\n" * m.group(0).count("\n"),
        text,
        flags=re.S,
    )
    section = 0

    def heading(args: list[str], command: str) -> str:
        nonlocal section
        if re.match(r"\\(?:sub)*section\*", command):
            return ""  # unnumbered: a note, no part of the plan
        if command.startswith("\\section"):
            section += 1
            return f"{section}. {args[0]}"
        return f"O {args[0]}" if command.startswith("\\subsection") else args[0]

    parts = re.compile(r"\\(sub)?section(?![A-Za-z])")
    out, last = [], 0
    for m in parts.finditer(text):
        if m.start() < last:
            continue
        command = "subsection" if m.group(1) else "section"
        found = _command_args(text[m.start() :], command, 1)
        if not found or found[0][0] != 0:
            continue
        _, end, args = found[0]
        out.append(text[last : m.start()])
        whole = text[m.start() : m.start() + end]
        out.append(re.sub(r"\s+", " ", heading(args, whole)) + "\n" * whole.count("\n"))
        last = m.start() + end
    out.append(text[last:])
    text = "".join(out)
    text = re.sub(
        r"\\(?:begin|end)\{(?:enumerate|itemize|description|document|center)\}(?:\[[^\]]*\])?",
        "",
        text,
    )
    text = _replace(text, "DTMdate", 1, lambda a, c: _date(*a[0].split("-")))
    text = _replace(text, "DTMdisplaydate", 4, lambda a, c: _date(a[0], a[1], a[2]))
    return _replace(text, "DTMmonthname", 1, lambda a, c: _month(a[0]))


def _items(text: str) -> str:
    """Each ``\\item`` a bullet, its first words on its line; a margin note right after it
    (bodies, one per ``\\\\``) written as the attribution at the end of its item."""
    pieces = re.split(r"(\\item(?![A-Za-z]))", text)
    out = [pieces[0]]
    for chunk in pieces[2::2]:
        # the item ends where its list does, or at the next heading
        stop = re.search(r"\\end\{(?:enumerate|itemize)\}|\\(?:sub)*section(?![A-Za-z])", chunk)
        item, after = (chunk[: stop.start()], chunk[stop.start() :]) if stop else (chunk, "")
        note = _command_args(item, "marginpar", 1)
        bodies = ""
        if note and not item[: note[0][0]].strip():
            _, end, args = note[0]
            names = [re.sub(r"\\[A-Za-z]+\s*", "", n).strip() for n in args[0].split("\\\\")]
            bodies = "[" + ", ".join(n for n in names if n) + "]"
            item = "\n" * item.count("\n", 0, end) + item[end:]
        if bodies:  # after the item's last words, before the lines it leaves blank
            words = item.rstrip("\n \t")
            item = words + f" {bodies}" + item[len(words) :]
        lead = re.match(r"\s*", item)
        at = lead.end() if lead else 0
        first, ends, tail = item[at:].partition("\n")
        out.append("· " + first + "\n" * item.count("\n", 0, at) + ends + tail + after)
    return "".join(out)


def _tabular(body: str) -> str:
    """A ``tabular``'s rows as Markdown rows, each on the line it starts on: "a & b \\\\"
    → "| a | b |"; a ``\\midrule`` the rule under the head."""
    spec = re.match(r"\s*\{(?:[^{}]|\{[^{}]*\})*\}", body)
    body = ("\n" * spec.group(0).count("\n") + body[spec.end() :]) if spec else body
    out, width = [], 2
    for row in re.split(r"(\\\\|\\midrule|\\toprule|\\bottomrule|\\hline)", body):
        if row in ("\\\\", "\\toprule", "\\bottomrule", "\\hline"):
            continue
        if row == "\\midrule":
            out.append("|" + "---|" * width)
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)&", row.strip())] if row.strip() else []
        width = len(cells) or width
        shown = "| " + " | ".join(re.sub(r"\s+", " ", c) for c in cells) + " |" if cells else ""
        lead = row[: len(row) - len(row.lstrip())]
        out.append(lead + shown + "\n" * row.lstrip().count("\n"))
    return "".join(out)


def _month(number: str) -> str:
    return (
        _MONTHS[int(number) - 1] if number.strip().isdigit() and 1 <= int(number) <= 12 else number
    )


def _date(year: str, month: str = "", day: str = "") -> str:
    if not month:
        return year
    return " ".join(p for p in (day.strip().lstrip("0"), _month(month), year.strip()) if p)


def _inline(text: str) -> str:
    """Text markup, escapes, quotes and dashes as the characters they typeset."""
    for name in _TEXT_OF:
        text = _replace(text, name, 1, lambda a, c: a[0])
    for name in _DROPPED_WITH_ARG:
        text = _replace(text, name, 1, lambda a, c: "")
    text = _replace(text, "ref", 1, lambda a, c: "1")
    text = re.sub(rf"\\(?:{'|'.join(_DROPPED)})(?![A-Za-z])\*?", "", text)
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r"(?<![|-])---(?![|-])", "—", re.sub(r"(?<![|-])--(?![|-])", "–", text))
    text = re.sub(r"\\([%&#_$])", r"\1", text)
    text = re.sub(r"\\\\(?:\[[^\]]*\])?", " ", text)
    text = re.sub(r"\\[,;:!]", "", text)
    text = text.replace("~", " ")
    text = re.sub(r"\\[A-Za-z]+\*?", "", text)  # any command left: it prints nothing
    return re.sub(r"(?<!\\)[{}]", "", text)
