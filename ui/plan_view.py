"""What the page shows of the loaded reports themselves: the plan, its ministries, examples.

Everything here is drawn from the corpus the assistant loaded, never from a list of names
written into the page: another year's report gets its own examples and choices.
"""

from __future__ import annotations

from collections import Counter

from assistant import Assistant, month_name
from ui.render import badges, effort_anchor, esc

__all__ = ["empty_state", "example_questions", "ministry_choices", "render_plan"]


def render_plan(bot: Assistant, ministry: str | None = None) -> str:
    """The whole plan, section by section and measure by measure, optionally for one ministry.

    Each effort carries the id ``pq-effort-<effort id>``, which source cards link to.
    """
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
                        f'<li id="{esc(effort_anchor(e.id))}" tabindex="-1">'
                        f'<span class="pq-id">{esc(e.id)}</span>{esc(e.text)}<br>'
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
    """Questions that each stand alone, drawn from the loaded reports.

    The busiest ministry in the latest year, the month with the most dated efforts, the
    section with the most efforts, an abbreviation from the glossary and, when there are
    any, the efforts shared between ministries. None refers to another question.
    """
    efforts = [(p, s, e) for p, s, _, e in bot.corpus.efforts()]
    if not efforts:
        return ["What are the pillars of the plan?"]
    year = max(bot.fiscal_years)
    ministries = Counter(m for p, _, e in efforts if p.fiscal_year == year for m in e.ministries)
    months = Counter(d for _, _, e in efforts for d in e.dates)
    sections = Counter((p.fiscal_year, s.number) for p, s, _ in efforts)
    examples = []
    if ministries:
        busiest = min(ministries, key=lambda m: (-ministries[m], m))
        examples.append(f"What did {busiest} do in FY{year}?")
    if months:
        month = min(months, key=lambda d: (-months[d], d))
        examples.append(f"What was done in {month_name(month)}?")
    section_year, section = min(sections, key=lambda k: (-sections[k], -k[0], k[1]))
    examples.append(f"What efforts are listed under section {section} in FY{section_year}?")
    explained = [m for m in ministries if m in bot.glossary] or list(bot.glossary)
    if explained:
        # the second busiest, so the examples name two ministries
        term = sorted(explained, key=lambda m: (-ministries[m], m))[min(1, len(explained) - 1)]
        examples.append(f"What does {term} stand for?")
    if any(len(e.ministries) > 1 for _, _, e in efforts):
        examples.append("Which efforts were joint efforts of several ministries?")
    return examples


def empty_state(bot: Assistant) -> str:
    """What the assistant covers and what it does not, shown before the first question."""
    years = ", ".join(f"FY{y}" for y in bot.fiscal_years) or "none"
    reports = "; ".join(p.title for p in bot.plans)
    return (
        '<div class="pq-empty"><h2>Ask about the loaded reports</h2>'
        f"<p>{esc(reports)} — fiscal years {esc(years)}, "
        f"{len(bot.ministries)} ministries and agencies.</p>"
        "<p>Answers come only from these reports, and every claim cites the effort it rests "
        "on. planqa gives no opinions, no legal advice, and nothing from outside the "
        "reports.</p><p>In an emergency, or if a child needs help now, contact the police "
        "(110) or a child guidance center (189).</p></div>"
    )
