"""A report written as questions and answers, read as the report its answers make.

A Q&A compilation asks one question per measure ("Q2-3  What was done under "Support for
families"?") and answers it effort by effort ("A1. Held …", then the bodies in charge);
banners set off its parts ("=== CATEGORY 2 (Q2-1 to Q2-3) ===", the part's title on the
lines below), and a general part first (questions "Q0-n", answered "A.") says what the
Q&A is and lists the abbreviations.

:func:`qanda_to_plain` keeps what the answers say, one line for one line: a banner becomes
the section heading "2. Title" (its title's lines joined onto it), a question of the
measures the heading "O Title" (the title it quotes, else the question itself), a
numbered answer a bullet, and the general part's questions blank (its answers stay as
the report's preamble, its legend as rows). Pure; only a Q&A (three numbered questions
and three numbered answers or more) is touched.
"""

from __future__ import annotations

import re

__all__ = ["is_qanda", "qanda_to_plain"]

_QUESTION = re.compile(r"^Q(\d{1,2})-\d{1,2}\b\.?\s+(\S.*)$")
_ANSWER = re.compile(r"^(\s*)A\d{0,2}\.\s+")
_BANNER = re.compile(r"^\s*([=*#~-])\1{2,}\s*([A-Za-z][^=*#~]*?)\s*\1{3,}\s*$")
# "CATEGORY 2 (Q2-1 to Q2-3)", "Part 4": a part's label and number
_PART = re.compile(r"^[A-Za-z]+\s+(\d{1,2})\b")
# "(10)  MEXT   Ministry of …": a legend's row, numbered
_ROW_NUMBER = re.compile(r"^(\s*)\(\d{1,2}\)(\s+)(?=[A-Z][A-Za-z]{1,11}\s{2,})")


def is_qanda(lines: list[str]) -> bool:
    """Whether a report is a Q&A: three numbered questions and three numbered answers."""
    questions = sum(1 for line in lines if _QUESTION.match(line))
    answers = sum(1 for line in lines if re.match(r"^\s*A\d{1,2}\.\s", line))
    return questions >= 3 and answers >= 3


def qanda_to_plain(lines: list[str]) -> list[str]:
    """The lines of a Q&A as the report its answers make (as many lines; the general
    part's questions are blank). Other reports come back unchanged.

    Example:
        >>> qa = ["FY2064 Q&A", "=== CATEGORY 1 (Q1-1 to Q1-2) ===", "Public awareness",
        ...       "", 'Q1-1  What was done under "Campaigns"?', "  A1. Held a forum.",
        ...       "      Answered by: NPA", 'Q1-2  What was done under "Abroad"?',
        ...       "  A1. Sent a leaflet.", "  A2. Met twice.", "Q1-3  Anything else?"]
        >>> [line for line in qanda_to_plain(qa) if line]  # doctest: +NORMALIZE_WHITESPACE
        ['FY2064 Q&A', '1. Public awareness', 'O Campaigns', '· Held a forum.',
         '      Answered by: NPA', 'O Abroad', '· Sent a leaflet.', '· Met twice.',
         'O Anything else?']
    """
    if not is_qanda(lines):
        return lines
    out = list(lines)
    general = True  # until a part numbered from 1
    i = 0
    while i < len(out):
        line = out[i]
        banner = _BANNER.match(line)
        question = _QUESTION.match(line)
        if banner:
            part = _PART.match(banner.group(2))
            general = part is None or int(part.group(1)) == 0
            end = _paragraph_end(out, i + 1)
            if part is None or general:
                out[i] = ""
            else:  # "=== Part 2: Support ===", or its title on the lines below
                inline = re.sub(r"\([^)]*\)", "", banner.group(2)[part.end() :]).strip(" :.–—-")
                below = [out[j].strip() for j in range(i + 1, end)]
                out[i] = f"{int(part.group(1))}. " + " ".join([inline, *below]).strip()
                out[i + 1 : end] = [""] * (end - i - 1)
            i = end
            continue
        if question:
            end = _question_end(out, i + 1)
            asked = " ".join([question.group(2), *(out[j].strip() for j in range(i + 1, end))])
            out[i + 1 : end] = [""] * (end - i - 1)
            general = general and int(question.group(1)) == 0
            quoted = re.search(r"[\"“]([^\"”]{3,})[\"”]", asked)
            out[i] = "" if general else f"O {quoted.group(1) if quoted else asked}"
            i = end
            continue
        answer = _ANSWER.match(line)
        if answer:
            out[i] = line[answer.end() :] if general else f"· {line[answer.end() :]}"
        else:
            out[i] = _ROW_NUMBER.sub(r"\1\2", line)  # "(10)  MEXT  Ministry of …"
        i += 1
    return out


def _paragraph_end(lines: list[str], start: int) -> int:
    end = start
    while end < len(lines) and lines[end].strip() and not _QUESTION.match(lines[end]):
        end += 1
    return end


def _question_end(lines: list[str], start: int) -> int:
    """The line after a question wrapped over indented lines."""
    end = start
    while (
        end < len(lines)
        and lines[end][:1].isspace()
        and lines[end].strip()
        and not _ANSWER.match(lines[end])
    ):
        end += 1
    return end
