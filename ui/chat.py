"""A conversation on the page: its turns, how they are shown, kept and exported (no Gradio).

A :class:`Turn` is one question with its answer (or the error that stopped it) and the
filters chosen when it was asked. The page keeps the turns of a session on the server and
a compact copy in the browser's localStorage (:func:`saved`), from which a reload rebuilds
them (:func:`restored`): citations are kept as effort ids and filled in again from the
loaded reports, so the copy stays small.

Example:
    >>> turns = [Turn(question="What did MEXT do?", answer=bot.ask("What did MEXT do?"))]
    >>> markdown_export(turns)  # doctest: +SKIP
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant import Answer, Assistant, Citation, Context
from ui.legend import Legends
from ui.render import pending_message, plain_markdown, render_answer

__all__ = [
    "MAX_SAVED_BYTES",
    "Turn",
    "chat_messages",
    "json_export",
    "markdown_export",
    "restored",
    "saved",
]

Message = dict[str, str]

# The browser sends its copy back on a reload, in a request the server caps at 256 KB.
MAX_SAVED_BYTES = 200_000
SAVED_VERSION = 1


class Turn(BaseModel):
    """One question of the conversation, as it was asked and answered."""

    model_config = ConfigDict(frozen=True)

    question: str
    answer: Answer | None = None
    error: str | None = None
    ministries: tuple[str, ...] = ()
    fiscal_years: tuple[int, ...] = ()


def context_of(turns: list[Turn]) -> Context | None:
    """The conversation the next question is read in: the last answer's."""
    for turn in reversed(turns):
        if turn.answer is not None:
            return turn.answer.context
    return None


def chat_messages(turns: list[Turn], glossary: dict[str, str], legends: Legends,
                  *, pending: str | None = None) -> list[Message]:
    """The chat as Gradio messages; ``pending`` is a question still being answered."""
    messages: list[Message] = []
    for number, turn in enumerate(turns, start=1):
        messages.append({"role": "user", "content": plain_markdown(turn.question)})
        if turn.answer is None:
            reply = f"⚠️ {plain_markdown(turn.error or '')}"
        else:
            reply = render_answer(turn.answer, glossary, turn.ministries, turn.fiscal_years,
                                  turn=number, legend=legends.for_answer(turn.answer))
        messages.append({"role": "assistant", "content": reply})
    if pending is not None:
        messages.append({"role": "user", "content": plain_markdown(pending)})
        messages.append({"role": "assistant", "content": pending_message()})
    return messages


# -- kept in the browser ------------------------------------------------------------------


def _compact(turn: Turn) -> dict[str, Any]:
    kept = turn.model_dump(mode="json", exclude={"answer"})
    if turn.answer is not None:
        kept["answer"] = turn.answer.model_dump(mode="json", exclude={"citations"})
        kept["cited"] = [[c.number, c.effort_id] for c in turn.answer.citations]
    return kept


def saved(turns: list[Turn]) -> dict[str, Any]:
    """The conversation as kept in the browser: the newest turns that fit the size cap."""
    kept: list[dict[str, Any]] = []
    size = 0
    for turn in reversed(turns):
        compact = _compact(turn)
        size += len(json.dumps(compact, ensure_ascii=False).encode("utf-8"))
        if size > MAX_SAVED_BYTES:
            break
        kept.append(compact)
    return {"version": SAVED_VERSION, "turns": kept[::-1], "dropped": len(turns) - len(kept)}


def restored(value: Any, bot: Assistant) -> tuple[list[Turn], int]:
    """Turns rebuilt from the browser's copy, and how many were not kept (or not readable).

    A turn citing an effort the loaded reports no longer hold is left out; anything
    unreadable starts a new conversation rather than an error.
    """
    if not isinstance(value, dict) or value.get("version") != SAVED_VERSION:
        return [], 0
    efforts = {e.id: e for e in bot.index.efforts}
    turns: list[Turn] = []
    lost = value.get("dropped", 0) if isinstance(value.get("dropped"), int) else 0
    for item in value.get("turns") or []:
        try:
            turn = _rebuilt(item, efforts, bot.glossary)
        except (ValidationError, TypeError, ValueError, KeyError):
            turn = None
        if turn is None:
            lost += 1
        else:
            turns.append(turn)
    return turns, lost


def _rebuilt(item: Any, efforts: dict[str, Any], glossary: dict[str, str]) -> Turn | None:
    if not isinstance(item, dict):
        return None
    answer = item.get("answer")
    if answer is not None:
        cited = [Citation.of(int(n), efforts[str(i)], glossary) for n, i in item["cited"]]
        answer = Answer.model_validate({**answer, "citations": cited})
    fields = {k: v for k, v in item.items() if k in Turn.model_fields and k != "answer"}
    return Turn.model_validate({**fields, "answer": answer})


# -- exported -----------------------------------------------------------------------------


def markdown_export(turns: list[Turn], legends: Legends, *, title: str) -> str:
    """The whole conversation as Markdown: each question, its answer, its numbered sources."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [f"# {title}\n\nConversation exported {stamp}."]
    if not turns:
        parts.append("No questions asked yet.")
    for number, turn in enumerate(turns, start=1):
        parts.append(f"## {number}. {turn.question}")
        if turn.answer is None:
            parts.append(f"Error: {turn.error}")
            continue
        parts.append(turn.answer.text)
        sources = [f"- {c.markdown()}; {_where(c)}" for c in turn.answer.citations]
        legend = legends.for_answer(turn.answer)
        if legend is not None:
            sources.insert(0, f"- The reports' list of abbreviations: {legend.text} — "
                              f"FY{legend.fiscal_year}; {legend.source}, line {legend.line}")
        if sources:
            parts.append("**Sources**\n\n" + "\n".join(sources))
    return "\n\n".join(parts) + "\n"


def _where(c: Citation) -> str:
    page = getattr(c, "page", None)
    return f"{c.source}, line {c.line}" + ("" if page is None else f", page {page}")


def json_export(turns: list[Turn]) -> str:
    """The whole conversation as JSON: each question with the answer ``/ask`` would give."""
    data = {
        "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        "turns": [
            {"question": t.question, "filters": {"ministries": list(t.ministries),
                                                 "fiscal_years": list(t.fiscal_years)},
             "answer": t.answer.model_dump(mode="json") if t.answer else None,
             "error": t.error}
            for t in turns
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
