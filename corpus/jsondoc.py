"""A report published as open data in JSON, read as the text it holds.

A data portal's edition of a report is a JSON document: metadata, then a list of sections,
each with its measures, each with its efforts; an effort's text is a string or a list of
strings (one per printed line, maybe with page-break objects between), its bodies a list of
codes, names or ``{code, name}`` objects under a key that says so ("lead_bodies",
"responsible_bodies", "ministries"), its figures a table of rows; a list of ``{code,
name}`` objects, or an object of codes, is the legend. Keys differ from one portal (and one
schema version) to another, so they are recognised by what they are named like, and the
nesting by what it holds.

:func:`json_to_plain` writes what the document holds on the line where each part starts
(found by its text, as the document writes it), the other lines blank: "2. Title" for a
section, "O Title" for a measure, "· text [bodies]" for an effort with its table as
Markdown rows, "NPA: National Police Agency" for a legend entry. A withdrawn record is no
effort. A document that is not JSON, or holds no sections of efforts, comes back unchanged.
"""

from __future__ import annotations

import json
import re
from typing import Any

from corpus.plaintables import markdown_line

__all__ = ["data_to_plain", "is_json", "json_to_plain"]

_SECTIONS = re.compile(r"section|chapter|pillar|part|goal|area|field|direction", re.I)
_MEASURES = re.compile(r"measure|subsection|topic|heading", re.I)
_EFFORTS = re.compile(r"effort|item|activit|record|entr|action", re.I)
_TITLE = re.compile(r"^(?:title|heading|name|label)(?:_en)?$", re.I)
_TEXT = re.compile(r"^(?:text|description|body|content|summary|details?)(?:_en)?$", re.I)
_NUMBER = re.compile(r"(?:^|_)(?:no|num|number|index|seq)$", re.I)
_BODIES = re.compile(r"bod(?:y|ies)|ministr|agenc|resp|lead|in_?charge|owner|org", re.I)
_TABLE = re.compile(r"^(?:figures|tables?|stats|statistics)$", re.I)
_CODE = re.compile(r"^(?:code|abbr\w*|acronym|short\w*)$", re.I)
_CODE_NAME = re.compile(r"^(?:name(?:_en)?|full_?name|title(?:_en)?|label|en)$", re.I)
_WITHDRAWN = frozenset("withdrawn deleted cancelled canceled draft retracted".split())


def is_json(lines: list[str]) -> bool:
    """Whether a report is a JSON document (an object or a list at its start)."""
    head = next((line.strip() for line in lines if line.strip()), "")
    return head.startswith(("{", "["))


def json_to_plain(lines: list[str]) -> list[str]:
    """The lines of a JSON report as the text it holds (as many lines; the rest blank).
    Other reports, and JSON holding no sections of efforts, come back unchanged."""
    if not is_json(lines):
        return lines
    text = "\n".join(lines)
    try:
        data = json.loads(text)
    except ValueError:
        return lines
    return data_to_plain(data, text, len(lines)) or lines


def data_to_plain(data: Any, text: str, size: int) -> list[str] | None:
    """What a parsed document (``data``, from ``text`` of ``size`` lines) holds, each
    part on its line; None when it holds no sections of efforts. A string that knows its
    line (``line``, as the YAML reader gives) is written there."""
    sections = _sections(data)
    if not sections:
        return None
    page = _Page(text, size)
    title = _document_title(data)
    if title:
        page.write(title, _one_line(title))
    for number, section in enumerate(sections, start=1):
        page.section(section, number)
    for code, name in _legend(data):
        page.entry(code, name)
    return page.out


def _document_title(data: dict[str, Any]) -> str:
    """The document's title: its own, or its metadata's ({"document": {"title": …}})."""
    return _title(data) or next(
        (_title(v) for v in data.values() if isinstance(v, dict) and _title(v)), ""
    )


def _lists_of_dicts(node: dict[str, Any], pattern: re.Pattern[str]) -> list[list[dict[str, Any]]]:
    return [
        [v for v in value if isinstance(v, dict)]
        for key, value in node.items()
        if pattern.search(key)
        and isinstance(value, list)
        and any(isinstance(v, dict) for v in value)
    ]


def _sections(data: Any) -> list[dict[str, Any]]:
    """The document's list of sections: dicts with a title and measures of efforts."""
    if not isinstance(data, dict):
        return []
    for found in _lists_of_dicts(data, _SECTIONS):
        sections = [s for s in found if _title(s) and _measures(s)]
        if sections:
            return sections
    return []


def _title(node: dict[str, Any]) -> str:
    return next((v for k, v in node.items() if _TITLE.match(k) and isinstance(v, str)), "")


def _measures(section: dict[str, Any]) -> list[dict[str, Any]]:
    for found in _lists_of_dicts(section, _MEASURES):
        measures = [m for m in found if _title(m) and _efforts(m)]
        if measures:
            return measures
    return []


def _efforts(measure: dict[str, Any]) -> list[dict[str, Any]]:
    for found in _lists_of_dicts(measure, _EFFORTS):
        efforts = [e for e in found if _text_lines(e)]
        if efforts:
            return efforts
    return []


def _text_lines(effort: dict[str, Any]) -> list[str]:
    """An effort's text as its strings, page-break objects and nulls left out."""
    for key, value in effort.items():
        if _TEXT.match(key):
            if isinstance(value, str):
                return [value]
            if isinstance(value, list):
                return [v for v in value if isinstance(v, str)]
    return []


def _bodies(effort: dict[str, Any]) -> list[str]:
    """The bodies an effort names: codes, names, "MEXT, NPA", or {code, name} objects."""
    out: list[str] = []
    for key, value in effort.items():
        if not _BODIES.search(key) or _TEXT.match(key):
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                out += [b.strip() for b in re.split(r"[,;/]", item) if b.strip()]
            elif isinstance(item, dict):
                code = next((v for k, v in item.items() if _CODE.match(k) and v), None)
                name = next((v for k, v in item.items() if _CODE_NAME.match(k) and v), None)
                said = code or name
                if isinstance(said, str):
                    out.append(said)
    return list(dict.fromkeys(out))


def _table(effort: dict[str, Any]) -> str:
    """An effort's table of figures as Markdown rows, with its caption."""
    for key, value in effort.items():
        if not _TABLE.match(key) or not value:
            continue
        table = value if isinstance(value, dict) else {"rows": value}
        given = [r for r in table.get("rows") or [] if isinstance(r, (list, dict))]
        # rows as objects ({indicator, FY2070, FY2071}): their keys are the head
        keys = list(dict.fromkeys(k for r in given if isinstance(r, dict) for k in r))
        rows = [list(table.get("columns") or table.get("header") or keys)]
        rows += [[r.get(k) for k in keys] if isinstance(r, dict) else r for r in given]
        rows = [r for r in rows if r]
        cells = [[("–" if c is None else str(c)) for c in row] for row in rows]
        return markdown_line(cells, table.get("caption") or table.get("title") or "")
    return ""


def _legend(data: Any) -> list[tuple[str, str]]:
    """The legend's entries: from a list of {code, name} objects anywhere outside the
    sections, or an object of codes under a key that names abbreviations."""
    found: list[tuple[str, str]] = []

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if not _SECTIONS.search(k):
                    walk(v, k)
            if re.search(r"abbreviation|legend|glossary|acronym", key, re.I):
                for k, v in node.items():
                    if isinstance(v, dict):  # {ja: 警察庁, en: National Police Agency}
                        v = next((n for c, n in v.items() if _CODE_NAME.match(str(c))), None)
                    if isinstance(v, str) and isinstance(k, str) and k.isupper():
                        found.append((k, re.sub(r"\s+", " ", v).strip()))
        elif isinstance(node, list):
            for item in node:
                if isinstance(item, dict):
                    code = next((v for k, v in item.items() if _CODE.match(k)), None)
                    name = next((v for k, v in item.items() if _CODE_NAME.match(k) and v), None)
                    if isinstance(code, str) and isinstance(name, str) and code.isupper():
                        found.append((code, name))
                        continue
                walk(item, key)

    walk(data)
    return list(dict.fromkeys(found))


def _one_line(said: str) -> str:
    return re.sub(r"\s+", " ", said).strip()


class _Page:
    """Writes each part on the line where the document writes its text."""

    def __init__(self, text: str, size: int) -> None:
        self.text = text
        self.out = [""] * size
        self.at = 0  # how far the document has been read

    def line_of(self, said: str) -> int:
        """The line where ``said`` is written as a JSON string, reading on from the last."""
        if isinstance(getattr(said, "line", None), int):
            return int(said.line)  # type: ignore[attr-defined]
        for form in (json.dumps(said), json.dumps(said, ensure_ascii=False)):
            found = self.text.find(form, self.at)
            if found >= 0:
                self.at = found + len(form)
                return self.text.count("\n", 0, found)
        return self.text.count("\n", 0, self.at)

    def write(self, said: str, shown: str) -> None:
        line = self.line_of(said)
        if not self.out[line]:
            self.out[line] = shown

    def entry(self, code: str, name: str) -> None:
        """A legend entry, on the line of its code where the name follows it."""
        if isinstance(getattr(code, "line", None), int):
            self._entry_at(int(code.line), code, name)  # type: ignore[attr-defined]
            return
        for form in (json.dumps, lambda s: json.dumps(s, ensure_ascii=False)):
            between = re.compile(
                re.escape(form(code)) + r"[^{}\[\]]{0,300}?" + re.escape(form(name))
            )
            # after the sections if it is there (an effort may name a body in full too)
            pair = between.search(self.text, self.at) or between.search(self.text)
            if pair:
                self._entry_at(self.text.count("\n", 0, pair.start()), code, name)
                return

    def _entry_at(self, line: int, code: str, name: str) -> None:
        while line < len(self.out) - 1 and self.out[line]:
            line += 1  # on one line with another entry: the next free one
        self.out[line] = f"{code}: {name}"

    def section(self, section: dict[str, Any], order: int) -> None:
        number = next(
            (v for k, v in section.items() if _NUMBER.search(k) and isinstance(v, int)), order
        )
        self.write(_title(section), f"{number}. {_one_line(_title(section))}")
        for measure in _measures(section):
            self.write(_title(measure), f"O {_one_line(_title(measure))}")
            for effort in _efforts(measure):
                if str(effort.get("status", "")).lower() in _WITHDRAWN:
                    continue
                said = _text_lines(effort)
                body = re.sub(r"\s+", " ", " ".join(said)).strip()
                table = _table(effort)
                bodies = _bodies(effort)
                named = f" [{', '.join(bodies)}]" if bodies else ""
                shown = " ".join(w for w in (body, table) if w)
                self.write(said[0], f"· {shown}{named}")
