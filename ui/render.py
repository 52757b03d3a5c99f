"""Turning answers and the plan into safe HTML and Markdown for the web page (no Gradio here).

Text from the plan and from the user is always shown as text: it is HTML-escaped before it
reaches any HTML, and Markdown syntax in it is neutralised before it reaches the chat (so a
question like ``![x](http://host/x.png)`` neither renders nor loads an image).
"""

from __future__ import annotations

import html
import re
from collections import Counter

from assistant import Answer, Assistant, Citation, month_name

__all__ = [
    "CSS",
    "answer_markdown",
    "empty_state",
    "esc",
    "example_questions",
    "ministry_choices",
    "plain_markdown",
    "render_answer",
    "render_plan",
    "source_card",
]

CSS = """
.pq-card { border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: 8px 12px; margin: 8px 0; background: var(--background-fill-secondary); }
.pq-card-head { font-size: 0.85em; color: var(--body-text-color); opacity: 0.8; }
.pq-ref { font-weight: 600; color: var(--color-accent); }
.pq-num { font-weight: 700; color: var(--color-accent); margin-right: 4px; }
.pq-card-text { margin: 4px 0; }
.pq-ministries { font-size: 0.85em; margin-top: 2px; }
.pq-meta { font-size: 0.8em; opacity: 0.75; margin-top: 2px; }
.pq-badge { display: inline-block; border-radius: 4px; padding: 0 6px; margin-right: 4px;
  font-size: 0.8em; font-weight: 600; background: var(--color-accent-soft);
  border: 1px solid var(--border-color-accent); }
.pq-ministry { display: inline-block; margin-right: 12px; }
.pq-filters { font-size: 0.85em; opacity: 0.75; margin-top: 6px; }
.pq-empty { max-width: 640px; margin: 0 auto; padding: 0 16px; text-align: center; }
.pq-empty p { opacity: 0.85; }
.pq-sources-title { font-weight: 600; margin-top: 10px; }
.pq-plan h3 { margin-top: 18px; }
.pq-plan h4 { margin: 12px 0 4px; font-size: 1em; }
.pq-plan li { margin: 6px 0; }
.pq-id { font-family: var(--font-mono); font-size: 0.8em; margin-right: 6px; opacity: 0.75; }
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


# -- rendering ----------------------------------------------------------------------------


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


def source_card(c: Citation) -> str:
    """One citation as a card; a single line, so Markdown leaves it as an HTML block."""
    meta = [f"FY{c.fiscal_year}", *(month_name(d) for d in c.dates), c.effort_id]
    return (
        f'<div class="pq-card">'
        f'<div class="pq-card-head"><span class="pq-num">[{c.number}]</span>'
        f"{esc(f'§{c.section} {c.section_title} › {c.measure_title}')}</div>"
        f'<div class="pq-card-text">{esc(c.text)}</div>'
        f'<div class="pq-ministries">{badges(c.ministries, c.ministry_names)}</div>'
        f'<div class="pq-meta">{esc(" · ".join(meta))}</div></div>'
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
                    when = ", ".join(month_name(d) for d in e.dates)
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
    reports = "; ".join(p.title for p in bot.plans)
    return (
        '<div class="pq-empty"><h3>Ask about the loaded reports</h3>'
        f"<p>{esc(reports)} — fiscal years {esc(years)}, "
        f"{len(bot.ministries)} ministries and agencies.</p>"
        "<p>Answers come only from these reports, and every claim cites the effort it rests "
        "on. planqa gives no opinions, no legal advice, and nothing from outside the "
        "reports.</p><p>In an emergency, or if a child needs help now, contact the police "
        "(110) or a child guidance center (189).</p></div>"
    )


# -- callbacks ----------------------------------------------------------------------------

