"""Two fiscal years side by side: as a text table (``planqa compare``) and as HTML (Browse).

Both show :meth:`assistant.compare.YearComparison.by_measure`: measure by measure, each
continued pair on one row (the earlier effort beside the later one), new efforts on the
later side, efforts no longer reported on the earlier side, and the rule they were matched
by. Plan text is escaped before it reaches any HTML (``render.esc``).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from assistant import Assistant
from assistant.compare import MeasureRow, YearComparison
from index.documents import CitedEffort
from ui.plan_view import render_plan
from ui.render import badges, effort_anchor, esc

__all__ = [
    "NO_COMPARISON",
    "browse_view",
    "comparison_table",
    "render_comparison",
    "year_pairs",
]

NO_COMPARISON = ""
EFFORT_WIDTH = 72


def year_pairs(years: Sequence[int]) -> list[tuple[str, str]]:
    """Dropdown choices: every earlier year against every later one, value ``"2019-2020"``."""
    ordered = sorted(years)
    choices = [("One plan at a time", NO_COMPARISON)]
    choices += [
        (f"FY{a} and FY{b} side by side", f"{a}-{b}")
        for i, a in enumerate(ordered)
        for b in ordered[i + 1 :]
    ]
    return choices


def browse_view(bot: Assistant, ministry: str | None, years: str | None) -> str:
    """What "Browse the plan" shows: the whole plan, or two years side by side (``years``
    as ``"2019-2020"``, a value of :func:`year_pairs`), for one ministry or all."""
    if not years:
        return render_plan(bot, ministry)
    before, _, after = years.partition("-")
    comparison = bot.compare(int(before), int(after), ministries=[ministry] if ministry else None)
    return render_comparison(comparison, bot.glossary)


def _short(text: str, width: int = EFFORT_WIDTH) -> str:
    return textwrap.shorten(text, width=width, placeholder="…")


def _summary(c: YearComparison) -> str:
    kept, new, stopped = c.counts()
    who = f" · {', '.join(c.ministries)}" if c.ministries else ""
    return (
        f"FY{c.before} → FY{c.after}{who} · {kept} continued, {new} new, "
        f"{stopped} no longer reported"
    )


def comparison_table(c: YearComparison) -> str:
    """The comparison as a plain-text table, measure by measure.

    Example:
        >>> print(comparison_table(bot.compare(2019, 2020)))  # doctest: +SKIP
        FY2019 → FY2020 · 7 continued, 13 new, 4 no longer reported
        ...
    """
    left, right = f"FY{c.before}", f"FY{c.after}"
    out = [_summary(c), f"Efforts {c.rule.describe()}.", ""]
    if c.empty:
        who = f" of {', '.join(c.ministries)}" if c.ministries else ""
        out.append(f"No effort{who} in FY{c.before} or FY{c.after}.")
        return "\n".join(out)
    id_width = max(len("fy0000-0.0.0"), len(left))
    header = f"  {'':10} {left:<{id_width}}   {right:<{id_width}}  {'cos':>4}  effort"
    section = None
    for row in c.by_measure():
        if row.section != section:
            section = row.section
            out.append(f"{row.section}. {row.section_title}")
        out.append(f"  ○ {_heading(row)}")
        out.append(header)
        for p in row.continued:
            who = _who(p.before.ministries, p.after.ministries)
            out.append(
                f"  {'continued':10} {p.before.id:<{id_width}} → {p.after.id:<{id_width}}  "
                f"{p.similarity:.2f}  {_short(p.after.text)} [{who}]"
            )
        for e in row.new:
            other = c.counterpart(e)
            was = f"({other.id})" if other else "—"
            who = _who(other.ministries if other else e.ministries, e.ministries)
            out.append(
                f"  {'new':10} {was:<{id_width + 2}} {e.id:<{id_width}}  {'':>4}  "
                f"{_short(e.text)} [{who}]"
            )
        for e in row.stopped:
            other = c.counterpart(e)
            then = f"({other.id})" if other else "—"
            who = _who(e.ministries, other.ministries if other else e.ministries)
            out.append(
                f"  {'stopped':10} {e.id:<{id_width}}   {then:<{id_width}}  {'':>4}  "
                f"{_short(e.text)} [{who}]"
            )
    out.append("")
    out.append("stopped: no longer reported in the later year. cos: cosine of the two texts.")
    if c.joined or c.left:
        out.append("(id): another ministry's effort it continues, or that continues it.")
    return "\n".join(out)


def _heading(row: MeasureRow) -> str:
    if row.before_title and row.after_title and row.before_title != row.after_title:
        return f"{row.after_title} (earlier: {row.before_title})"
    return row.title


def _who(before: Sequence[str], after: Sequence[str]) -> str:
    if tuple(before) == tuple(after):
        return ", ".join(after)
    return f"{', '.join(before)} → {', '.join(after)}"


# -- HTML ---------------------------------------------------------------------------------

_TAGS = {
    "continued": "continued",
    "new": "new",
    "stopped": "no longer reported",
}


def _cell(
    e: CitedEffort | None, tag: str, glossary: dict[str, str], other: CitedEffort | None = None
) -> str:
    if e is None:
        return '<td class="pq-cmp-empty"><span class="pq-sr">none</span></td>'
    names = tuple(glossary.get(m, m) for m in e.ministries)
    note = ""
    if other is not None:  # seen from a ministry that joined or left a continued effort
        verb = "continues" if other.fiscal_year < e.fiscal_year else "continued by"
        note = (f'<br><span class="pq-meta">{verb} {esc(other.id)} of '
                f"{esc(', '.join(other.ministries))}</span>")
    return (
        f'<td id="{esc(effort_anchor(e.id))}" tabindex="-1">'
        f'<span class="pq-tag pq-tag-{tag}">{esc(_TAGS[tag])}</span> '
        f'<span class="pq-id">{esc(e.id)}</span>{esc(e.text)}<br>'
        f"{badges(e.ministries, names)}{note}</td>"
    )


def render_comparison(c: YearComparison, glossary: dict[str, str]) -> str:
    """Two years side by side, measure by measure, each effort marked continued, new or
    no longer reported; each effort keeps its anchor (``pq-effort-<id>``)."""
    out = ['<div class="pq-plan pq-compare">',
           f"<h2>{esc(_summary(c))}</h2>",
           f'<p class="pq-note">Efforts {esc(c.rule.describe())}.</p>']
    if c.empty:
        who = f" of {', '.join(c.ministries)}" if c.ministries else ""
        out.append(f"<p>No effort{esc(who)} in FY{c.before} or FY{c.after}.</p></div>")
        return "".join(out)
    section = None
    for row in c.by_measure():
        if row.section != section:
            section = row.section
            out.append(f"<h3>{esc(f'{row.section}. {row.section_title}')}</h3>")
        rows: list[tuple[CitedEffort | None, CitedEffort | None, str]]
        rows = [(p.before, p.after, "continued") for p in row.continued]
        rows += [(None, e, "new") for e in row.new]
        rows += [(e, None, "stopped") for e in row.stopped]
        body = "".join(
            "<tr>"
            + _cell(before, tag, glossary, c.counterpart(before) if before else None)
            + _cell(after, tag, glossary, c.counterpart(after) if after else None)
            + "</tr>"
            for before, after, tag in rows
        )
        out.append(
            f'<table class="pq-cmp"><caption>{esc(_heading(row))}</caption>'
            f'<thead><tr><th scope="col">FY{c.before}</th><th scope="col">FY{c.after}</th>'
            f"</tr></thead><tbody>{body}</tbody></table>"
        )
    out.append("</div>")
    return "".join(out)
