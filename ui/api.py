"""The ``/ask`` API of the web server: checked arguments, a typed answer, clean refusals.

``/ask`` takes ``question``, ``history``, ``ministries`` and ``fiscal_years`` (in that order,
or by name) and returns the :class:`assistant.Answer` as JSON. Its return type in
``view_api()`` is the Answer's JSON schema, citations included, so a client can see every
field. A value of the wrong type is refused with a message naming it, and the server log
gets one line, never a traceback.

Example:
    >>> from gradio_client import Client
    >>> client = Client("http://127.0.0.1:7860/")  # doctest: +SKIP
    >>> client.predict("What did MEXT do in FY2019?", [], [], [], api_name="/ask")  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import math
from typing import Any

import gradio as gr
from gradio.context import get_blocks_context

from assistant import Answer, Assistant
from corpus.errors import PlanqaError
from ui.limits import json_text

__all__ = ["API_PARAMETERS", "APOLOGY", "add_ask_api", "ask_json", "years_of"]

log = logging.getLogger("planqa")

APOLOGY = "Sorry, something went wrong while answering. Please try again or rephrase."
API_PARAMETERS = {"ask": ("question", "history", "ministries", "fiscal_years")}
PARAMETER_HELP = {
    "question": "the question, in English",
    "history": "earlier questions of the conversation, oldest first ([] for none)",
    "ministries": "only efforts by these ministries, as abbreviations such as 'NPA' ([] for all)",
    "fiscal_years": "only these fiscal years, such as [2019] ([] for all)",
}


def _year(value: Any) -> int | None:
    """A four-digit year from 2019, 2019.0 or "2019"; None for anything else (True, 1e999)."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return value
    return None


def years_of(values: Any) -> list[int]:
    """Fiscal years from the page or the API; a value that is no year is named in the error."""
    years = []
    for value in values or []:
        year = _year(value)
        if year is None:
            raise PlanqaError(
                f"fiscal_years holds {json_text(value)}, which is not a year; "
                "send years such as [2019]"
            )
        years.append(year)
    return years


def _api_arguments(
    question: Any, history: Any, ministries: Any, fiscal_years: Any
) -> tuple[str, list[str], list[str], list[int]]:
    """The ``/ask`` values checked one by one; the error names the first that is wrong."""
    if not isinstance(question, str):
        raise PlanqaError(f"question must be a string, not {json_text(question)}")
    lists = {"history": history, "ministries": ministries, "fiscal_years": fiscal_years}
    for name, value in lists.items():
        if value is not None and not isinstance(value, list):
            raise PlanqaError(f"{name} must be a list, not {json_text(value)}; send [] for none")
    for h in history or []:
        if not isinstance(h, str):
            raise PlanqaError(
                f"history must be a list of earlier questions (strings); it holds {json_text(h)}"
            )
    for m in ministries or []:
        if not isinstance(m, str):
            raise PlanqaError(
                f"ministries must be a list of abbreviations such as 'NPA'; it holds {json_text(m)}"
            )
    return question, history or [], ministries or [], years_of(fiscal_years)


def ask_json(
    bot: Assistant,
    question: Any,
    history: Any = None,
    ministries: Any = None,
    fiscal_years: Any = None,
) -> dict[str, Any]:
    """The ``/ask`` API: an answer as JSON; bad input raises ``gr.Error`` with a message.

    A refused request is one line in the log, never a traceback: it is the caller's
    mistake, and the message tells them which value to fix.
    """
    try:
        question, history, ministries, years = _api_arguments(
            question, history, ministries, fiscal_years
        )
        answer = bot.ask(question, history, ministries=ministries or None,
                         fiscal_years=years or None)
    except PlanqaError as error:
        message = " ".join(str(error).split())
        log.warning("refused an /ask request: %s", message)
        raise gr.Error(message, print_exception=False) from None
    except Exception:
        log.exception("API answer failed")
        raise gr.Error(APOLOGY, print_exception=False) from None
    return answer.model_dump(mode="json")


def add_ask_api(bot: Assistant) -> None:
    """Register ``/ask`` in the Blocks being built, documented for ``view_api()``.

    Gradio types an endpoint from its function's annotations but labels its values "1st",
    "2nd" and cannot see through a pydantic model to JSON; the names, a line of help for
    each and the Answer's JSON schema are set on the endpoint's components here.
    """

    def ask(
        question: str,
        history: list[str] | None = None,
        ministries: list[str] | None = None,
        fiscal_years: list[int] | None = None,
    ) -> dict[str, Any]:
        """Answer a question from the plan reports: Markdown text whose [n] markers match
        the numbered citations, each with its effort, ministries, section, measure, fiscal
        year, source file and line."""
        return ask_json(bot, question, history, ministries, fiscal_years)

    endpoint = gr.api(ask, api_name="ask")  # type: ignore[attr-defined]
    context = get_blocks_context()
    if context is None:
        raise RuntimeError("add_ask_api() registers /ask in a gr.Blocks being built")
    components: dict[int, Any] = context.blocks
    for name, block_id in zip(API_PARAMETERS["ask"], endpoint["inputs"], strict=True):
        component = components[block_id]
        component.label = name
        component._api_info = {**component._api_info,
                               "additional_description": PARAMETER_HELP[name]}
    (output_id,) = endpoint["outputs"]
    schema = Answer.model_json_schema(mode="serialization")
    schema["additional_description"] = "the answer, with its numbered citations"
    components[output_id].label = "answer"
    components[output_id]._api_info = schema
