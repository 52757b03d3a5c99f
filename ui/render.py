"""Turning answers into safe HTML and Markdown for the chat (no Gradio here).

Text from the plan and from the user is always shown as text: it is HTML-escaped before it
reaches any HTML, and Markdown syntax in it is neutralised before it reaches the chat (so a
question like ``![x](http://host/x.png)`` neither renders nor loads an image).

An answer is shown as: a line saying what it took from the previous question (with a link
to ask again without it), the text with each ``[n]`` a link to its source card, the
filters it was computed under, and one compact card per source, which opens to the whole
effort, its place in the plan, its source file and line, and a link to it in "Browse the
plan". Ids are unique on the page: card ``n`` of turn ``t`` is ``pq-t{t}-s{n}``.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from assistant import Answer, Citation, month_name
from ui.legend import Legend

__all__ = [
    "PENDING",
    "answer_markdown",
    "badges",
    "card_id",
    "context_line",
    "effort_anchor",
    "esc",
    "filters_line",
    "legend_card",
    "pending_message",
    "plain_markdown",
    "render_answer",
    "source_card",
]

PENDING = "Looking in the plan…"

# Every character Markdown (CommonMark, GFM) gives a meaning to; a backslash makes it plain.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:$=^])")
_MARKER = re.compile(r"\[(\d+)\]")
# What a glossary answer says its source is; it becomes a link to the legend's card.
_FROM_LEGEND = "(from the reports' list of abbreviations)"


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


def answer_markdown(text: str, cited: dict[int, str] | None = None) -> str:
    """The assistant's Markdown kept (bold, lists), raw HTML, links and images disarmed.

    Each ``[n]`` whose number is in ``cited`` (number → id of its card) becomes a link to
    that card; any other stays plain text.
    """
    # Escaping "<" (and "&") is enough to stop raw HTML; ">" stays for blockquotes.
    safe = text.replace("&", "&amp;").replace("<", "&lt;")
    # No image in any form (inline, reference) and no inline link can form.
    safe = safe.replace("![", "!\\[").replace("](", "]\\(")
    cards = cited or {}

    def chip(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number not in cards:
            return match.group(0)
        return (f'<a class="pq-ref" href="#{cards[number]}">'
                f'<span class="pq-sr">Source </span>{number}</a>')

    return _MARKER.sub(chip, safe)


def share_link(question: str) -> str:
    """A page address that opens the page and asks ``question`` on its own."""
    return "?q=" + quote(question, safe="")


# -- pieces of an answer ------------------------------------------------------------------


def card_id(turn: int, number: int) -> str:
    return f"pq-t{turn}-s{number}"


def effort_anchor(effort_id: str) -> str:
    """The id of an effort's entry in "Browse the plan"."""
    return f"pq-effort-{effort_id}"


def badges(ministries: tuple[str, ...], names: tuple[str, ...]) -> str:
    """Ministry badges: the abbreviation, its full name in a tooltip and beside it."""
    parts = []
    for abbr, name in zip(ministries, names, strict=False):
        parts.append(
            f'<span class="pq-ministry"><span class="pq-badge" title="{esc(name)}">'
            f"{esc(abbr)}</span>"
            + (f'<span class="pq-name">{esc(name)}</span>' if name != abbr else "")
            + "</span>"
        )
    return "".join(parts)


def _where(source: str, line: int, page: int | None) -> str:
    """``fy2019_efforts.txt, line 42`` (and the page, when the source gives one)."""
    where = f"{source}, line {line}"
    return where if page is None else f"{where}, page {page}"


def source_card(c: Citation, turn: int = 1) -> str:
    """One citation as a compact card: one line that opens to the whole effort.

    A single line of HTML, so Markdown leaves it as an HTML block.
    """
    meta = [f"FY{c.fiscal_year}", *(month_name(d) for d in c.dates),
            _where(c.source, c.line, c.page)]
    return (
        f'<details class="pq-card" id="{card_id(turn, c.number)}">'
        f'<summary><span class="pq-num">{c.number}</span>'
        f'<span class="pq-card-by">{esc(", ".join(c.ministries))}</span>'
        f'<span class="pq-card-line">{esc(c.text)}</span></summary>'
        f'<div class="pq-card-body"><p class="pq-card-text">{esc(c.text)}</p>'
        f'<div class="pq-card-head">{esc(f"§{c.section} {c.section_title} › {c.measure_title}")}'
        f"</div>"
        f'<div class="pq-ministries">{badges(c.ministries, c.ministry_names)}</div>'
        f'<div class="pq-meta">{esc(" · ".join(meta))} · '
        f'<a class="pq-goto" href="#{esc(effort_anchor(c.effort_id))}">'
        f'Show {esc(c.effort_id)} in “Browse the plan”</a></div></div></details>'
    )


def legend_card(legend: Legend, terms: tuple[str, ...], turn: int = 1) -> str:
    """The reports' list of abbreviations as the source of a glossary answer."""
    entries = [f"{t} ({legend.entries[t]})" for t in terms if t in legend.entries]
    shown = "; ".join(entries) or "the list of abbreviations"
    meta = [f"FY{legend.fiscal_year}", _where(legend.source, legend.line, None)]
    return (
        f'<details class="pq-card" id="{card_id(turn, 0)}">'
        f'<summary><span class="pq-num" aria-hidden="true">≡</span>'
        f'<span class="pq-card-by">List of abbreviations</span>'
        f'<span class="pq-card-line">{esc(shown)}</span></summary>'
        f'<div class="pq-card-body"><p class="pq-card-text">{esc(legend.text)}</p>'
        f'<div class="pq-meta">{esc(" · ".join(meta))}</div></div></details>'
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
        asked.append(", ".join(month_name(m) for m in f.months))
    if f.section is not None:
        asked.append(f"section {f.section}")
    if not chosen and not asked:
        text = "No filters: all ministries, all fiscal years"
    else:
        text = " · ".join(
            ([f"Your filters: {'; '.join(chosen)}"] if chosen else [])
            + ([f"From the question: {'; '.join(asked)}"] if asked else [])
        )
    return (f'<div class="pq-filters">{esc(text)} · '
            f'<a class="pq-share" href="{esc(share_link(answer.question))}">'
            f"Link to this question</a></div>")


def context_line(answer: Answer) -> str:
    """What the answer took from the previous question, and a link to ask without it."""
    if not answer.carried:
        return ""
    return (
        f'<div class="pq-context"><span>Following up on: {esc(", ".join(answer.carried))}'
        f'</span> <a class="pq-fresh" href="{esc(share_link(answer.question))}">'
        f"Ask again without this context</a></div>"
    )


def _own_text(answer: Answer, chosen: tuple[str, ...]) -> str:
    """The answer's text without the notes the page shows on lines of their own.

    The assistant writes "_Following up on …_" first and "_Filter applied: …_" last; the
    page states both once, in the context line and the filters line.
    """
    text = answer.text
    if answer.carried:
        text = text.replace(f"_Following up on {', '.join(answer.carried)}._\n\n", "", 1)
    if chosen:
        text = text.removesuffix(f"\n\n_Filter applied: {', '.join(chosen)}._")
    return text


def pending_message() -> str:
    """The reply shown while an answer is computed."""
    return f'<p class="pq-pending" role="status">{esc(PENDING)}</p>'


def render_answer(
    answer: Answer,
    glossary: dict[str, str],
    chosen_ministries: tuple[str, ...] = (),
    chosen_years: tuple[int, ...] = (),
    *,
    turn: int = 1,
    legend: Legend | None = None,
) -> str:
    """An answer as a chat message: context, linked text, filters, compact source cards.

    ``legend`` is the list of abbreviations a glossary answer rests on: it is shown as the
    answer's source.
    """
    chosen = (*chosen_ministries, *(f"FY{y}" for y in chosen_years))
    cited = {c.number: card_id(turn, c.number) for c in answer.citations}
    text = answer_markdown(_own_text(answer, chosen), cited)
    terms = legend.terms_in(answer.text) if legend is not None else ()
    if legend is not None and _FROM_LEGEND in text:
        text = text.replace(_FROM_LEGEND, f'(from the reports’ <a class="pq-legend-ref" '
                            f'href="#{card_id(turn, 0)}">list of abbreviations</a>)', 1)
    parts = [p for p in (context_line(answer), text) if p]
    if answer.kind != "invalid":
        parts.append(filters_line(answer, glossary, chosen_ministries, chosen_years))
    cards = [source_card(c, turn) for c in answer.citations]
    if legend is not None:
        cards.insert(0, legend_card(legend, terms, turn))
    if cards:
        count = f" ({len(cards)})" if len(cards) > 1 else ""
        parts.append(f'<div class="pq-sources"><div class="pq-sources-title">Sources{count}'
                     f'</div>{"".join(cards)}</div>')
    return "\n\n".join(parts)
