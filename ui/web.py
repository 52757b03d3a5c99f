"""The planqa web page: a chat over the plan reports, with filters, sources and a browser.

The page is thin: every answer comes from :meth:`Assistant.ask`, and this module only
turns answers into safe HTML and Markdown. Text from the plan and from the user is always
shown as text: it is HTML-escaped before it reaches any HTML, and Markdown syntax in it is
neutralised before it reaches the chat (so a question like ``![x](http://host/x.png)``
neither renders nor loads an image).

Example:
    >>> from assistant import Assistant
    >>> from ui.web import serve
    >>> serve(Assistant.load(), port=7860)  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import math
import os
import sys
from pathlib import Path
from typing import Any

# Gradio reads this when it is imported; planqa never phones home.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import gradio as gr  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402

from assistant import Assistant, Context  # noqa: E402
from corpus.errors import PlanqaError  # noqa: E402
from index.store import default_index_root  # noqa: E402
from ui.limits import LoginThrottle, ServerLimits, check_exposure, json_text  # noqa: E402
from ui.limits import is_loopback as _is_loopback  # noqa: E402
from ui.render import (  # noqa: E402
    CSS,
    empty_state,
    example_questions,
    ministry_choices,
    plain_markdown,
    render_answer,
    render_plan,
)

__all__ = ["API_PARAMETERS", "TITLE", "ask_json", "build_app", "serve"]

Chat = list[dict[str, str]]

log = logging.getLogger("planqa")

TITLE = "planqa — questions on Japan's efforts against child sexual exploitation"
APOLOGY = "Sorry, something went wrong while answering. Please try again or rephrase."
EMPTY_QUESTION = "Please type a question about the plan reports, or pick an example question below."
API_PARAMETERS = {"ask": ("question", "history", "ministries", "fiscal_years")}


def _year(value: Any) -> int | None:
    """A four-digit year from 2019, 2019.0 or "2019"; None for anything else (True, 1e999)."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return value
    return None


def _years(values: Any) -> list[int]:
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


State = dict[str, Any] | None


def _context(state: State) -> Context | None:
    """The conversation kept in the page; a damaged one starts a new conversation."""
    try:
        return Context.model_validate(state) if state else None
    except ValueError:
        return None


def respond(
    bot: Assistant,
    question: str,
    ministries: list[str] | None,
    fiscal_years: list[Any] | None,
    chat: Chat,
    state: State,
) -> tuple[Chat, str, Chat, State, str]:
    """Answer one chat turn; returns (chatbot, question box, chat, conversation, markdown).

    The conversation state is the previous answer's :class:`Context`: a follow-up ("And
    MHLW?") is read against it, a self-contained question starts fresh.
    """
    chat = list(chat or [])
    question = question if isinstance(question, str) else ""
    markdown = ""
    if not question.strip():
        chat.append({"role": "assistant", "content": EMPTY_QUESTION})
        return chat, "", chat, state, markdown
    chat.append({"role": "user", "content": plain_markdown(question)})
    chosen_ministries = tuple(ministries or ())
    try:
        chosen_years = tuple(_years(fiscal_years))
        answer = bot.ask(question, context=_context(state),
                         ministries=chosen_ministries or None, fiscal_years=chosen_years or None)
    except PlanqaError as error:
        reply = f"⚠️ {plain_markdown(str(error))}"
    except Exception:
        log.exception("answering %r failed", question[:200])
        reply = APOLOGY
    else:
        reply = render_answer(answer, bot.glossary, chosen_ministries, chosen_years)
        markdown = answer.markdown()
        state = answer.context.model_dump(mode="json")
    chat.append({"role": "assistant", "content": reply})
    return chat, "", chat, state, markdown


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
    return question, history or [], ministries or [], _years(fiscal_years)


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


# -- the page -----------------------------------------------------------------------------


def theme() -> gr.themes.Base:
    """Gradio's default look in the reader's own system fonts.

    Gradio's bundled web fonts drew a wrong capital "A" in headless Chromium; system fonts
    render every glyph and load nothing.
    """
    return gr.themes.Default(
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Helvetica", "Arial", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
    )


def build_app(bot: Assistant) -> gr.Blocks:
    """The planqa page around an already loaded assistant (the model loads once, not per page).

    Example:
        >>> demo = build_app(Assistant.load())  # doctest: +SKIP
        >>> demo.queue(default_concurrency_limit=4).launch(css=CSS)  # doctest: +SKIP
    """

    def on_ask(
        question: str, ministries: list[str] | None, years: list[Any] | None,
        chat: Chat, state: State,
    ) -> tuple[Chat, str, Chat, State, str]:
        return respond(bot, question, ministries, years, chat, state)

    def on_clear() -> tuple[Chat, str, Chat, State, str]:
        return [], "", [], None, ""

    def on_browse(ministry: str | None) -> str:
        return render_plan(bot, ministry or None)

    def ask(
        question: str,
        history: list[str] | None = None,
        ministries: list[str] | None = None,
        fiscal_years: list[int] | None = None,
    ) -> dict[str, Any]:
        """Answer a question from the plan reports; returns the answer with its citations."""
        return ask_json(bot, question, history, ministries, fiscal_years)

    demo: gr.Blocks
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(f"# {TITLE}")
        gr.Markdown(
            "A question-answering assistant over Japan's annual efforts reports on the "
            "*Basic Plan on Measures against Child Sexual Exploitation*."
        )
        chat_state = gr.State([])
        conversation = gr.State(None)
        with gr.Tabs():
            with gr.Tab("Ask"), gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(
                        label="Conversation", height=620, placeholder=empty_state(bot),
                        sanitize_html=True, render_markdown=True, latex_delimiters=[],
                        allow_tags=False, buttons=[], feedback_options=None,
                        elem_id="pq-chat",
                    )
                    with gr.Row():
                        question = gr.Textbox(
                            show_label=False, placeholder="Ask about the plan…", scale=5,
                            max_lines=4, elem_id="pq-question", autofocus=True,
                        )
                        submit = gr.Button("Ask", variant="primary", scale=1,
                                           elem_id="pq-submit")
                    gr.Examples(example_questions(bot), inputs=question,
                                label="Example questions")
                    with gr.Accordion("Copy answer as Markdown", open=False):
                        copy_box = gr.Code(
                            label="Last answer with its sources", language="markdown",
                            interactive=False, buttons=["copy"], elem_id="pq-markdown",
                        )
                with gr.Column(scale=1, min_width=240):
                    gr.Markdown("### Filters\nApplied to your next questions.")
                    ministries = gr.Dropdown(
                        choices=ministry_choices(bot), multiselect=True, value=[],
                        label="Ministries", elem_id="pq-ministries",
                    )
                    years = gr.CheckboxGroup(
                        choices=[(f"FY{y}", y) for y in bot.fiscal_years], value=[],
                        label="Fiscal years", elem_id="pq-years",
                    )
                    clear = gr.Button("New conversation", variant="secondary")
            with gr.Tab("Browse the plan"):
                browse_ministry = gr.Dropdown(
                    choices=[("All ministries", "")] + ministry_choices(bot), value="",
                    label="Show efforts by", elem_id="pq-browse-ministry",
                )
                plan_html = gr.HTML(render_plan(bot), js_on_load=None, elem_id="pq-plan")

        turn_inputs = [question, ministries, years, chat_state, conversation]
        turn_outputs = [chatbot, question, chat_state, conversation, copy_box]
        for trigger in (question.submit, submit.click):
            trigger(on_ask, turn_inputs, turn_outputs, api_visibility="private")
        clear.click(on_clear, None, turn_outputs, api_visibility="private")
        chatbot.clear(on_clear, None, turn_outputs, api_visibility="private")
        browse_ministry.change(on_browse, browse_ministry, plan_html, api_visibility="private")
        gr.api(ask, api_name="ask")  # type: ignore[attr-defined]
    return demo


def serve(
    bot: Assistant,
    *,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: tuple[str, str] | None = None,
    allow_open: bool = False,
    index_root: str | Path | None = None,
) -> None:
    """Serve the page until interrupted; the index folder is never served as a file.

    A ``host`` other machines can reach needs ``auth`` (or ``allow_open=True``, said out
    loud). Every request passes :class:`ui.limits.ServerLimits` first: no uploads, bodies
    up to 256 KB, failed logins slowed down per client.

    Example:
        >>> serve(Assistant.load(), host="127.0.0.1", port=7860)  # doctest: +SKIP
    """
    check_exposure(host, has_auth=auth is not None, allow_open=allow_open)
    if not _is_loopback(host) and auth is None:
        print(f"warning: serving on {host} without a password (--allow-open); anyone who "
              "can reach it can use planqa", file=sys.stderr)
    bot.warm_up()  # the model loads once, at start, not on the first request
    demo = build_app(bot)
    demo.queue(default_concurrency_limit=4, max_size=64)
    blocked = Path(index_root or default_index_root()).expanduser().resolve()
    demo.launch(
        server_name=host,
        server_port=port,
        share=False,
        auth=auth,
        blocked_paths=[str(blocked)],
        show_error=False,
        ssr_mode=False,
        mcp_server=False,
        enable_monitoring=False,
        pwa=False,
        css=CSS,
        theme=theme(),
        footer_links=["api"],
        app_kwargs={"middleware": [Middleware(
            ServerLimits, throttle=LoginThrottle(), api_parameters=API_PARAMETERS,
        )]},
        # ServerLimits refuses every upload; should one slip past, Gradio caps its size.
        max_file_size="1mb",
        quiet=True,  # Gradio's own banner suggests share=True, which planqa never uses
        prevent_thread_lock=True,
    )
    print(f"planqa is answering on http://{host}:{port} (Ctrl-C to stop)", flush=True)
    try:
        demo.block_thread()
    finally:
        demo.close()
