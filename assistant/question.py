"""Checking and normalising what a person typed before it is read as a question."""

from __future__ import annotations

import unicodedata

__all__ = ["MAX_QUESTION_CHARS", "clean_question"]

MAX_QUESTION_CHARS = 2000


def clean_question(question: object) -> tuple[str, str | None, str | None]:
    """Normalise a question: (text, notice about the input, problem that stops it).

    Control characters and lone surrogates are dropped; over-long input is cut to
    ``MAX_QUESTION_CHARS`` with a notice; empty or wordless input is a problem.
    """
    if not isinstance(question, str):
        return "", None, "Please type a question as text."
    notice = None
    text = question
    if len(text) > MAX_QUESTION_CHARS:
        # Cut first, so a huge paste costs no more than a long question.
        notice = (
            f"Your question was {len(text):,} characters long; only the first "
            f"{MAX_QUESTION_CHARS:,} were read."
        )
        cut = text[:MAX_QUESTION_CHARS]
        # Back off to the last space so no half word is read as part of the question.
        space = cut.rfind(" ", MAX_QUESTION_CHARS // 2)
        text = cut[:space] if space > 0 else cut
    text = text.encode("utf-8", "replace").decode("utf-8", "replace")
    text = "".join(ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = " ".join(text.split())
    if not text:
        return (
            "",
            None,
            (
                "Please type a question about the plan, for example "
                "“What did MEXT do in FY2019?” or “When was the symposium held?”."
            ),
        )
    letters = sum(ch.isalpha() for ch in text)
    if letters < 2 or letters / len(text) < 0.3:
        return (
            text,
            notice,
            (
                "That does not look like a question in words. Please ask about the plan's "
                "efforts, ministries, dates or sections in a sentence."
            ),
        )
    return text, notice, None
