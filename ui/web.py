"""The planqa web page: a chat over the plan reports, with filters, sources and a browser.

The page is thin: every answer comes from :meth:`Assistant.ask`, and the modules beside
this one turn answers into safe HTML (``render.py``), keep the conversation (``chat.py``)
and serve the ``/ask`` API (``api.py``). A question is answered in two steps: the first
shows it at once with a placeholder and disables Ask, the second (on the change of the
pending question) answers it, so a double click or an empty box never adds a reply.

Example:
    >>> from assistant import Assistant
    >>> from ui.web import serve
    >>> serve(Assistant.load(), port=7860)  # doctest: +SKIP
"""

from __future__ import annotations

import logging
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
from ui.api import API_PARAMETERS, APOLOGY, add_ask_api, ask_json, years_of  # noqa: E402
from ui.chat import (  # noqa: E402
    Turn,
    chat_messages,
    context_of,
    json_export,
    markdown_export,
    restored,
    saved,
)
from ui.compare_view import browse_view, year_pairs  # noqa: E402
from ui.legend import Legends  # noqa: E402
from ui.limits import LoginThrottle, ServerLimits, check_exposure  # noqa: E402
from ui.limits import is_loopback as _is_loopback  # noqa: E402
from ui.plan_view import empty_state, example_questions, ministry_choices, render_plan  # noqa: E402
from ui.render import esc  # noqa: E402

__all__ = ["API_PARAMETERS", "CSS", "JS", "TITLE", "ChatPage", "answer_turn", "ask_json",
           "build_app", "serve"]

log = logging.getLogger("planqa")

HERE = Path(__file__).resolve().parent
CSS = (HERE / "page.css").read_text(encoding="utf-8")
JS = (HERE / "page.js").read_text(encoding="utf-8")

TITLE = "planqa — questions on Japan's efforts against child sexual exploitation"
EMPTY_QUESTION = "Please type a question about the plan reports, or pick an example question."
ONE_AT_A_TIME = "Still looking in the plan for your last question; ask again once it is answered."
FILTERS_HELP = ("Filters narrow your next questions. “New conversation” clears the questions "
                "and what follow-ups take from them; the filters stay as set.")
STORAGE_KEY = "planqa-conversation"

# The question of a ?q= link, taken from the address once (so a reload does not ask again).
URL_QUESTION_JS = """(...values) => {
  const url = new URL(window.location.href);
  const question = url.searchParams.get("q") || "";
  if (question) {
    url.searchParams.delete("q");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
  return [question, ...values.slice(1)];
}"""
FRESH_QUESTION_JS = ("(...values) => [window.planqa ? window.planqa.takeFresh() : '', "
                     "...values.slice(1)]")
SHOW_PENDING_JS = "() => { window.planqa && window.planqa.showPending(); }"
SHOW_LATEST_JS = "() => { window.planqa && window.planqa.showLatest(); }"


def _download_js(name: str, kind: str) -> str:
    return f"(text) => {{ window.planqa && window.planqa.download({name!r}, text, {kind!r}); }}"


Pending = dict[str, Any] | None


def answer_turn(
    bot: Assistant,
    question: str,
    ministries: list[str] | None,
    fiscal_years: list[Any] | None,
    context: Context | None,
) -> Turn:
    """Answer one question of the page; an error becomes the turn's message, never a trace.

    ``context`` is the previous answer's: a follow-up ("And MHLW?") is read against it, a
    self-contained question starts fresh either way; None asks without any.
    """
    chosen = tuple(ministries or ())
    try:
        years = tuple(years_of(fiscal_years))
        answer = bot.ask(question, context=context, ministries=chosen or None,
                         fiscal_years=years or None)
    except PlanqaError as error:
        return Turn(question=question, error=str(error), ministries=chosen)
    except Exception:
        log.exception("answering %r failed", question[:200])
        return Turn(question=question, error=APOLOGY, ministries=chosen)
    return Turn(question=question, answer=answer, ministries=chosen, fiscal_years=years)


def note(text: str = "", *, refused: bool = False) -> str:
    """The line under the question box: why a question was not sent, or nothing."""
    kind = "pq-box-note pq-refused" if refused else "pq-box-note"
    return f'<p class="{kind}" role="status" aria-live="polite">{esc(text)}</p>'


# -- the page -----------------------------------------------------------------------------


def theme() -> gr.themes.Base:
    """Gradio's default look in system fonts, with AA contrast for buttons and tabs.

    Gradio's bundled web fonts drew a wrong capital "A" in headless Chromium; system fonts
    render every glyph and load nothing.
    """
    return gr.themes.Default(
        primary_hue="blue",
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Helvetica", "Arial", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
    ).set(
        button_primary_background_fill="*primary_700",
        button_primary_background_fill_hover="*primary_800",
        button_primary_background_fill_dark="*primary_600",
        button_primary_background_fill_hover_dark="*primary_700",
        button_primary_text_color="white",
        button_primary_text_color_dark="white",
    )


class ChatPage:
    """What the page's chat does with each event, around one loaded assistant.

    Each method takes and returns the values of the page's components, in the order
    :func:`build_app` wires them; ``gr.skip()`` leaves a component as it is.
    """

    def __init__(self, bot: Assistant) -> None:
        self.bot = bot
        self.legends = Legends(bot)

    def shown(self, turns: list[Turn], pending: str | None = None) -> list[dict[str, str]]:
        return chat_messages(turns, self.bot.glossary, self.legends, pending=pending)

    def begin(self, question: Any, turns: list[Turn], pending: Pending, *, fresh: bool,
              typed: bool) -> tuple[Any, ...]:
        """Show the question at once with a placeholder, disable Ask, and hand the
        question to :meth:`finish`: (chat, question box, Ask, note, pending)."""
        question = question if isinstance(question, str) else ""
        if pending:
            return gr.skip(), gr.skip(), gr.skip(), note(ONE_AT_A_TIME, refused=True), gr.skip()
        if not question.strip():
            if not typed:
                return (gr.skip(),) * 5
            return gr.skip(), "", gr.skip(), note(EMPTY_QUESTION, refused=True), gr.skip()
        return (self.shown(turns, pending=question), "" if typed else gr.skip(),
                gr.Button(interactive=False), note(), {"question": question, "fresh": fresh})

    def typed(self, question: str, turns: list[Turn], pending: Pending) -> tuple[Any, ...]:
        """A question typed in the box: read in the conversation."""
        return self.begin(question, turns, pending, fresh=False, typed=True)

    def fresh(self, question: str, turns: list[Turn], pending: Pending) -> tuple[Any, ...]:
        """An example, a ?q= link or "ask again without this context": read on its own."""
        return self.begin(question, turns, pending, fresh=True, typed=False)

    def finish(self, pending: Pending, ministries: list[str] | None, years: list[Any] | None,
               turns: list[Turn]) -> tuple[Any, ...]:
        """Answer the pending question and keep the turn, on the page and in the browser:
        (chat, turns, kept copy, Ask, pending)."""
        if not pending:
            return (gr.skip(),) * 5
        context = None if pending.get("fresh") else context_of(turns)
        turns = [*turns, answer_turn(self.bot, pending["question"], ministries, years, context)]
        return self.shown(turns), turns, saved(turns), gr.Button(interactive=True), None

    def load(self, kept: Any) -> tuple[Any, ...]:
        """The conversation kept in the browser, shown again: (chat, turns, note)."""
        turns, lost = restored(kept, self.bot)
        message = f"{lost} earlier question(s) could not be restored." if lost else ""
        return self.shown(turns), turns, note(message)

    def clear(self) -> tuple[Any, ...]:
        """A new conversation; the filters stay: (chat, turns, kept copy, pending, note, Ask)."""
        return [], [], saved([]), None, note(), gr.Button(interactive=True)


def build_app(bot: Assistant) -> gr.Blocks:
    """The planqa page around an already loaded assistant (the model loads once, not per page).

    Example:
        >>> demo = build_app(Assistant.load())  # doctest: +SKIP
        >>> demo.queue(default_concurrency_limit=4).launch(css=CSS, js=JS)  # doctest: +SKIP
    """
    page = ChatPage(bot)
    legends = page.legends
    demo: gr.Blocks
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(f"# {TITLE}")
        gr.Markdown(
            "A question-answering assistant over Japan's annual efforts reports on the "
            "*Basic Plan on Measures against Child Sexual Exploitation*."
        )
        turns = gr.State([])
        pending = gr.State(None)
        kept = gr.BrowserState(None, storage_key=STORAGE_KEY,
                               # not a secret: it ties the kept copy to these reports
                               secret=f"planqa-{bot.corpus.sha256[:24]}")
        link_question = gr.Textbox(visible=False)
        export_text = gr.Textbox(visible=False)
        with gr.Tabs():
            with gr.Tab("Ask"), gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(
                        label="Conversation", show_label=False, height="min(70vh, 680px)",
                        placeholder=empty_state(bot), autoscroll=False,
                        sanitize_html=True, render_markdown=True, latex_delimiters=[],
                        allow_tags=False, buttons=[], feedback_options=None,
                        elem_id="pq-chat",
                    )
                    with gr.Row():
                        question = gr.Textbox(
                            label="Your question", show_label=False, scale=5, max_lines=4,
                            placeholder="Ask about the plan…", elem_id="pq-question",
                        )
                        ask = gr.Button("Ask", variant="primary", scale=1, elem_id="pq-submit")
                    box_note = gr.HTML(note(), elem_id="pq-note", padding=False)
                with gr.Column(scale=1, min_width=240):
                    gr.Markdown("## Try a question")
                    with gr.Column(elem_id="pq-examples"):
                        examples = [gr.Button(text, size="sm", variant="secondary")
                                    for text in example_questions(bot)]
                    gr.Markdown("## Filters")
                    ministries = gr.Dropdown(
                        choices=ministry_choices(bot), multiselect=True, value=[],
                        label="Ministries", elem_id="pq-ministries",
                    )
                    years = gr.CheckboxGroup(
                        choices=[(f"FY{y}", y) for y in bot.fiscal_years], value=[],
                        label="Fiscal years", elem_id="pq-years",
                    )
                    gr.HTML(f'<p class="pq-help">{esc(FILTERS_HELP)}</p>')
                    clear = gr.Button("New conversation", variant="secondary",
                                      elem_id="pq-new")
                    gr.Markdown("## Export conversation")
                    with gr.Row():
                        export_md = gr.Button("Download Markdown", size="sm",
                                              elem_id="pq-export-md")
                        export_json = gr.Button("Download JSON", size="sm",
                                                elem_id="pq-export-json")
                    fresh = gr.Button("Ask again without context", elem_id="pq-fresh-go",
                                      elem_classes=["pq-hidden"])
            with gr.Tab("Browse the plan"):
                browse_ministry = gr.Dropdown(
                    choices=[("All ministries", "")] + ministry_choices(bot), value="",
                    label="Show efforts by", elem_id="pq-browse-ministry",
                )
                browse_years = gr.Dropdown(
                    choices=year_pairs(bot.fiscal_years), value="", label="Years",
                    elem_id="pq-browse-years", visible=len(bot.fiscal_years) > 1,
                )
                browse_all = gr.Button("Show every effort", elem_id="pq-browse-all",
                                       elem_classes=["pq-hidden"])
                plan_html = gr.HTML(render_plan(bot), js_on_load=None, elem_id="pq-plan")

        started = [chatbot, question, ask, box_note, pending]
        private: dict[str, Any] = {"api_visibility": "private"}
        # Showing the question is instant work: it never waits behind answers in the queue.
        quick: dict[str, Any] = {**private, "concurrency_limit": None}
        gr.on([question.submit, ask.click], page.typed, [question, turns, pending], started,
              **quick).then(None, js=SHOW_PENDING_JS)
        for example in examples:
            example.click(page.fresh, [example, turns, pending], started, **quick).then(
                None, js=SHOW_PENDING_JS)
        fresh.click(page.fresh, [link_question, turns, pending], started, js=FRESH_QUESTION_JS,
                    **quick).then(None, js=SHOW_PENDING_JS)
        pending.change(page.finish, [pending, ministries, years, turns],
                       [chatbot, turns, kept, ask, pending], **private).then(
            None, js=SHOW_LATEST_JS)
        demo.load(page.load, kept, [chatbot, turns, box_note], **quick).then(
            page.fresh, [link_question, turns, pending], started, js=URL_QUESTION_JS, **quick)
        cleared = [chatbot, turns, kept, pending, box_note, ask]
        clear.click(page.clear, None, cleared, **quick)
        chatbot.clear(page.clear, None, cleared, **quick)
        export_md.click(lambda t: markdown_export(t, legends, title=TITLE), turns, export_text,
                        **quick).then(None, export_text, None,
                                      js=_download_js("planqa-conversation.md", "text/markdown"))
        export_json.click(json_export, turns, export_text, **quick).then(
            None, export_text, None,
            js=_download_js("planqa-conversation.json", "application/json"))
        browsed = [browse_ministry, browse_years]
        gr.on([browse_ministry.change, browse_years.change],
              lambda m, y: browse_view(bot, m or None, y or None), browsed, plan_html, **private)
        browse_all.click(lambda: ("", "", render_plan(bot)), None, [*browsed, plan_html],
                         **quick)
        add_ask_api(bot)
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
        js=JS,
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
