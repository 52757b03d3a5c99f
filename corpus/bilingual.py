"""A bilingual report (a Japanese original with its provisional English translation), read
in English.

Such a report prints each heading and effort first in Japanese, then in English. The
English half is what planqa reads and cites, so :func:`english_only` blanks the lines
written in Japanese (one line for one line, so line numbers stay the file's) and keeps
a legend row's English: "　警察庁（NPA）　National Police Agency" reads "NPA: National
Police Agency". Pure; a report with few lines in Japanese comes back unchanged.
"""

from __future__ import annotations

import re

__all__ = ["english_only"]

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
# "　警察庁（NPA）　National Police Agency": the Japanese name, its abbreviation, the
# English name
_LEGEND_ROW = re.compile(
    r"^\s*[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff・]+\s*[（(]\s*([A-Z][A-Za-z]{1,6})\s*[)）]"
    r"[\s\u3000]*([A-Z].*)$"
)
# The share of its lines a report must have in each language to be read as bilingual.
BILINGUAL_SHARE = 0.2


def _japanese(line: str) -> bool:
    """A line written in Japanese: more of its letters Japanese than Latin."""
    return len(_CJK.findall(line)) > len(_LATIN.findall(line))


def english_only(lines: list[str]) -> list[str]:
    """The report's lines with those in Japanese blank, when it is bilingual.

    Example:
        >>> english_only(["第１　国民意識の向上", "No. 1  Public awareness", "　ア　開催した。",
        ...               "    (A) Held a forum.", "　警察庁（NPA）　National Police Agency"])
        ['', 'No. 1  Public awareness', '', '    (A) Held a forum.', 'NPA: National Police Agency']
    """
    written = [line for line in lines if line.strip()]
    japanese = sum(1 for line in written if _japanese(line))
    if not written or not BILINGUAL_SHARE <= japanese / len(written) <= 1 - BILINGUAL_SHARE:
        return lines
    out: list[str] = []
    row_at = -1  # the legend row a wrapped name goes on
    for line in lines:
        row = _LEGEND_ROW.match(line)
        if row:
            row_at = len(out)
            out.append(f"{row.group(1)}: {row.group(2).strip()}")
        elif row_at == len(out) - 1 and line.startswith("   ") and line.strip()[:1].isalpha():
            out[row_at] += f" {line.strip()}"  # "Ministry of Education, …, Sports," / "Science …"
            out.append("")
        else:
            out.append("" if _japanese(line) else line)
    return out
