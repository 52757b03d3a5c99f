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

import html
import ipaddress
import logging
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

# Gradio reads this when it is imported; planqa never phones home.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import gradio as gr  # noqa: E402

from assistant import Answer, Assistant, Citation  # noqa: E402
from corpus.errors import PlanqaError  # noqa: E402
from index.store import default_index_root  # noqa: E402

__all__ = ["CSS", "TITLE", "ask_json", "build_app", "render_answer", "serve"]

log = logging.getLogger("planqa")

TITLE = "planqa — questions on Japan's efforts against child sexual exploitation"
APOLOGY = "Sorry, something went wrong while answering. Please try again or rephrase."
EMPTY_QUESTION = "Please type a question about the plan reports, or pick an example question below."
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

CSS = """
.pq-card { border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: 8px 12px; margin: 8px 0; background: var(--background-fill-secondary); }
.pq-card-head { font-size: 0.85em; color: var(--body-text-color); opacity: 0.8; }
.pq-ref { font-weight: 600; color: var(--color-accent); }
.pq-num { font-weight: 700; color: var(--color-accent); margin-right: 4px; }
.pq-card-text { margin: 4px 0; }
.pq-meta { font-size: 0.85em; }
.pq-badge { display: inline-block; border-radius: 4px; padding: 0 6px; margin-right: 4px;
  font-size: 0.8em; font-weight: 600; background: var(--color-accent-soft);
  border: 1px solid var(--border-color-accent); }
.pq-name { margin-right: 10px; }
.pq-filters { font-size: 0.85em; opacity: 0.75; margin-top: 6px; }
.pq-sources-title { font-weight: 600; margin-top: 10px; }
.pq-plan h3 { margin-top: 18px; }
.pq-plan h4 { margin: 12px 0 4px; }
.pq-plan li { margin: 6px 0; }
.pq-id { font-family: var(--font-mono); font-size: 0.8em; margin-right: 6px;
  color: var(--body-text-color-subdued); }
.pq-note { font-size: 0.85em; font-style: italic; color: var(--body-text-color-subdued); }
"""

# Every character Markdown (CommonMark, GFM) gives a meaning to; a backslash makes it plain.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:$=^])")
_MARKER = re.compile(r"\[(\d+)\]")


# -- escaping -----------------------------------------------------------------------------


def esc(text: object) -> str:
    """Text made safe inside HTML elements and attributes, template braces included."""
    escaped = html.escape(str(text), quote=True)
    # gr.HTML fills JS/Handlebars templates; keep their syntax inert in plan text.
    return escaped.replace("{", "&#123;").replace("}", "&#125;").replace("$", "&#36;")


def plain_markdown(text: str) -> str:
    """User text as Markdown that renders exactly as typed: no HTML, links or images."""
    # Leading spaces would open a code block, where escapes show literally.
    lines = (line.strip() for line in text.strip().splitlines())
    escaped = html.escape("\n".join(lines), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def answer_markdown(text: str) -> str:
    """The assistant's Markdown kept (bold, lists), raw HTML, links and images disarmed."""
    # Escaping "<" (and "&") is enough to stop raw HTML; ">" stays for blockquotes.
    safe = text.replace("&", "&amp;").replace("<", "&lt;")
    # No image in any form (inline, reference) and no inline link can form.
    safe = safe.replace("![", "!\\[").replace("](", "]\\(")
    return _MARKER.sub(r'<span class="pq-ref">[\1]</span>', safe)


def month_label(month: str) -> str:
    """``2019-07`` → ``July 2019``; anything else as given."""
    year, _, number = month.partition("-")
    if number.isdigit() and 1 <= int(number) <= 12:
        return f"{MONTHS[int(number) - 1]} {year}"
    return month


# -- rendering ----------------------------------------------------------------------------


def badges(ministries: tuple[str, ...], names: tuple[str, ...]) -> str:
    """Ministry badges: the abbreviation, its full name in a tooltip and beside it."""
    parts = []
    for abbr, name in zip(ministries, names, strict=False):
        parts.append(
            f'<span class="pq-badge" title="{esc(name)}">{esc(abbr)}</span>'
            + (f'<span class="pq-name">{esc(name)}</span>' if name != abbr else "")
        )
    return "".join(parts)


def source_card(c: Citation) -> str:
    """One citation as a card; a single line, so Markdown leaves it as an HTML block."""
    when = " · ".join(month_label(d) for d in c.dates)
    meta = [badges(c.ministries, c.ministry_names), esc(f"FY{c.fiscal_year}")]
    if when:
        meta.append(esc(when))
    meta.append(f'<span class="pq-id">{esc(c.effort_id)}</span>')
    return (
        f'<div class="pq-card" data-number="{c.number}">'
        f'<div class="pq-card-head"><span class="pq-num">[{c.number}]</span>'
        f"{esc(f'§{c.section} {c.section_title} › {c.measure_title}')}</div>"
        f'<div class="pq-card-text">{esc(c.text)}</div>'
        f'<div class="pq-meta">{" · ".join(meta)}</div></div>'
    )


def _filter_parts(ministries: tuple[str, ...], years: tuple[int, ...],
                  glossary: dict[str, str]) -> list[str]:
    parts = []
    if ministries:
        parts.append(", ".join(f"{m} ({glossary.get(m, m)})" for m in ministries))
    if years:
        parts.append(", ".join(f"FY{y}" for y in years))
    return parts


def filters_line(
    answer: Answer,
    glossary: dict[str, str],
    chosen_ministries: tuple[str, ...] = (),
    chosen_years: tuple[int, ...] = (),
) -> str:
    """Which filters the answer was computed under, as one short line of HTML.

    The filters chosen beside the chat narrow every answer; the rest came from the
    question or the conversation ("in FY2019", "And MHLW?").
    """
    f = answer.filters
    chosen = _filter_parts(chosen_ministries, chosen_years, glossary)
    asked = _filter_parts(
        tuple(m for m in f.ministries if m not in chosen_ministries),
        tuple(y for y in f.fiscal_years if y not in chosen_years),
        glossary,
    )
    if f.months:
        asked.append(", ".join(month_label(m) for m in f.months))
    if f.section is not None:
        asked.append(f"section {f.section}")
    if not chosen and not asked:
        text = "No filters: all ministries, all fiscal years"
    else:
        text = " · ".join(
            ([f"Your filters: {'; '.join(chosen)}"] if chosen else [])
            + ([f"From the question: {'; '.join(asked)}"] if asked else [])
        )
    return f'<div class="pq-filters">{esc(text)}</div>'


def render_answer(
    answer: Answer,
    glossary: dict[str, str],
    chosen_ministries: tuple[str, ...] = (),
    chosen_years: tuple[int, ...] = (),
) -> str:
    """An answer as a chat message: the text, the filters it applied, its source cards."""
    parts = [answer_markdown(answer.text)]
    if answer.kind != "invalid":
        parts.append(filters_line(answer, glossary, chosen_ministries, chosen_years))
    if answer.citations:
        cards = "".join(source_card(c) for c in answer.citations)
        parts.append(f'<div class="pq-sources"><div class="pq-sources-title">Sources</div>'
                     f"{cards}</div>")
    return "\n\n".join(parts)


def render_plan(bot: Assistant, ministry: str | None = None) -> str:
    """The whole plan, section by section and measure by measure, optionally for one ministry."""
    glossary = bot.glossary
    out: list[str] = ['<div class="pq-plan">']
    shown = 0
    for plan in bot.plans:
        out.append(f"<h2>{esc(plan.title)}</h2>")
        for section in plan.sections:
            measures = []
            for measure in section.measures:
                efforts = [e for e in measure.efforts if not ministry or ministry in e.ministries]
                if ministry and not efforts:
                    continue
                items = []
                for e in efforts:
                    names = tuple(glossary.get(m, m) for m in e.ministries)
                    when = ", ".join(month_label(d) for d in e.dates)
                    items.append(
                        f'<li><span class="pq-id">{esc(e.id)}</span>{esc(e.text)}<br>'
                        f"{badges(e.ministries, names)}"
                        + (f'<span class="pq-meta">{esc(when)}</span>' if when else "")
                        + "</li>"
                    )
                notes = "".join(f'<p class="pq-note">{esc(n)}</p>' for n in measure.notes)
                shown += len(efforts)
                measures.append(f"<h4>{esc(measure.title)}</h4><ul>{''.join(items)}</ul>"
                                + ("" if ministry else notes))
            if measures:
                out.append(f"<h3>{esc(f'{section.number}. {section.title}')}</h3>")
                out.extend(measures)
    if ministry and not shown:
        name = glossary.get(ministry, ministry)
        out.append(f"<p>No efforts by {esc(name)} ({esc(ministry)}) in the loaded reports.</p>")
    out.append("</div>")
    return "".join(out)


def ministry_choices(bot: Assistant) -> list[tuple[str, str]]:
    """Dropdown choices: the full name shown, the abbreviation as the value."""
    glossary = bot.glossary
    return [(f"{glossary.get(m, m)} ({m})" if m in glossary else m, m) for m in bot.ministries]


def example_questions(bot: Assistant) -> list[str]:
    """Questions that fit the loaded corpus: its busiest ministries, its years, its terms."""
    counts = Counter(m for _, _, _, e in bot.corpus.efforts() for m in e.ministries)
    busiest = [m for m, _ in counts.most_common()]
    year = max(bot.fiscal_years) if bot.fiscal_years else None
    examples = []
    first = "MEXT" if "MEXT" in counts else (busiest[0] if busiest else None)
    if first:
        examples.append(f"What did {first} do in FY{year}?" if year else f"What did {first} do?")
    if any("symposium" in e.text.lower() for _, _, _, e in bot.corpus.efforts()):
        examples.append("When was the symposium held?")
    if "NPA" in counts and first != "NPA":
        examples.append("And the police?")
    elif len(busiest) > 1:
        examples.append(f"And {busiest[1]}?")
    term = "METI" if "METI" in bot.glossary else next(iter(bot.glossary), None)
    if term:
        examples.append(f"What does {term} stand for?")
    examples.append("What are the pillars of the plan?")
    examples.append("Which efforts were joint efforts of several ministries?")
    return examples


def empty_state(bot: Assistant) -> str:
    """What the assistant covers and what it does not, shown before the first question."""
    years = ", ".join(f"FY{y}" for y in bot.fiscal_years) or "none"
    titles = "; ".join(p.title for p in bot.plans)
    return (
        f"**Ask about the loaded reports** ({plain_markdown(titles)}): fiscal years {years}, "
        f"{len(bot.ministries)} ministries and agencies.\n\n"
        "Answers come only from the reports, and every claim cites the effort it rests on.\n\n"
        "planqa gives no opinions, no legal advice, and nothing outside the reports. "
        "In an emergency, or if a child needs help, contact the police (110) or a child "
        "guidance center (189)."
    )


# -- callbacks ----------------------------------------------------------------------------

Chat = list[dict[str, str]]


def _years(values: Any) -> list[int]:
    return [int(v) for v in values or []]


def respond(
    bot: Assistant,
    question: str,
    ministries: list[str] | None,
    fiscal_years: list[Any] | None,
    chat: Chat,
    history: list[str],
) -> tuple[Chat, str, Chat, list[str], str]:
    """Answer one chat turn; returns (chatbot, question box, chat, history, markdown)."""
    chat = list(chat or [])
    history = list(history or [])
    question = question if isinstance(question, str) else ""
    markdown = ""
    if not question.strip():
        chat.append({"role": "assistant", "content": EMPTY_QUESTION})
        return chat, "", chat, history, markdown
    chat.append({"role": "user", "content": plain_markdown(question)})
    chosen_ministries = tuple(ministries or ())
    chosen_years = tuple(_years(fiscal_years))
    try:
        answer = bot.ask(question, history, ministries=chosen_ministries or None,
                         fiscal_years=chosen_years or None)
    except PlanqaError as error:
        reply = f"⚠️ {plain_markdown(str(error))}"
    except Exception:
        log.exception("answering %r failed", question[:200])
        reply = APOLOGY
    else:
        reply = render_answer(answer, bot.glossary, chosen_ministries, chosen_years)
        markdown = answer.markdown()
        if answer.kind != "invalid":
            history.append(question)
    chat.append({"role": "assistant", "content": reply})
    return chat, "", chat, history, markdown


def ask_json(
    bot: Assistant,
    question: Any,
    history: Any = None,
    ministries: Any = None,
    fiscal_years: Any = None,
) -> dict[str, Any]:
    """The ``/ask`` API: an answer as JSON; bad input raises ``gr.Error`` with a message."""
    try:
        if not isinstance(question, str):
            raise PlanqaError("question must be a string")
        lists = {"history": history, "ministries": ministries, "fiscal_years": fiscal_years}
        for name, value in lists.items():
            if value is not None and not isinstance(value, list):
                raise PlanqaError(f"{name} must be a list")
        if not all(isinstance(h, str) for h in history or []):
            raise PlanqaError("history must be a list of earlier questions (strings)")
        if not all(isinstance(m, str) for m in ministries or []):
            raise PlanqaError("ministries must be a list of abbreviations such as 'NPA'")
        try:
            years = _years(fiscal_years)
        except (TypeError, ValueError):
            raise PlanqaError("fiscal_years must be a list of years such as 2019") from None
        answer = bot.ask(question, history or [], ministries=ministries or None,
                         fiscal_years=years or None)
    except PlanqaError as error:
        raise gr.Error(str(error)) from None
    except Exception:
        log.exception("API answer failed")
        raise gr.Error(APOLOGY) from None
    return answer.model_dump(mode="json")


# -- the page -----------------------------------------------------------------------------


def build_app(bot: Assistant) -> gr.Blocks:
    """The planqa page around an already loaded assistant (the model loads once, not per page).

    Example:
        >>> demo = build_app(Assistant.load())  # doctest: +SKIP
        >>> demo.queue(default_concurrency_limit=4).launch(css=CSS)  # doctest: +SKIP
    """

    def on_ask(
        question: str, ministries: list[str] | None, years: list[Any] | None,
        chat: Chat, history: list[str],
    ) -> tuple[Chat, str, Chat, list[str], str]:
        return respond(bot, question, ministries, years, chat, history)

    def on_clear() -> tuple[Chat, str, Chat, list[str], str]:
        return [], "", [], [], ""

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
        history_state = gr.State([])
        with gr.Tabs():
            with gr.Tab("Ask"), gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(
                        label="Conversation", height=560, placeholder=empty_state(bot),
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

        turn_inputs = [question, ministries, years, chat_state, history_state]
        turn_outputs = [chatbot, question, chat_state, history_state, copy_box]
        for trigger in (question.submit, submit.click):
            trigger(on_ask, turn_inputs, turn_outputs, api_visibility="private")
        clear.click(on_clear, None, turn_outputs, api_visibility="private")
        chatbot.clear(on_clear, None, turn_outputs, api_visibility="private")
        browse_ministry.change(on_browse, browse_ministry, plan_html, api_visibility="private")
        gr.api(ask, api_name="ask")  # type: ignore[attr-defined]
    return demo


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    bot: Assistant,
    *,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: tuple[str, str] | None = None,
    index_root: str | Path | None = None,
) -> None:
    """Serve the page until interrupted; the index folder is never served as a file.

    Example:
        >>> serve(Assistant.load(), host="127.0.0.1", port=7860)  # doctest: +SKIP
    """
    if not _is_loopback(host) and auth is None:
        print(f"warning: serving on {host} without --auth; anyone who can reach it can use "
              "planqa (set --auth user:pass or PLANQA_AUTH)", file=sys.stderr)
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
        footer_links=["api"],
        # Nothing on the page takes files; keep Gradio's upload route from taking big ones.
        max_file_size="1mb",
    )
