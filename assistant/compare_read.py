"""What a comparison question compares: its years, the sides asked, its conversation.

The years come from the time slot and are chosen, and said, as follows:

- two years named: the earlier against the later; three or more, or two joined as a range
  ("from FY2019 through FY2021") with loaded years between them: each loaded year against
  the one before it, step by step;
- one year named: against the loaded year before it ("compared with FY2019, the previous
  loaded report"), or, for the first loaded year or one introduced by "from", "since" or
  "after", against the loaded year after it;
- none: the year of the efforts the question picks from ("which of these are new?"), else
  the two latest loaded years.

"The previous year", "last year", "the year before" say what the comparison is against,
which is how it is made anyway: they are neither a year to look up nor a topic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.changes import ASPECTS, Aspect
from assistant.conversation import Context, FollowUp, follow_up
from assistant.intents import stem
from assistant.query import Query
from assistant.when import read_time

__all__ = ["YearChoice", "asked_aspects", "choose_years", "compare_follow_up", "topic_noise"]

# A year introduced by one of these is where the comparison starts ("continued from FY2019").
_FROM_YEAR = re.compile(r"\b(?:from|since|after|beyond)\s+(?:the\s+)?(?:FY\s?)?$", re.I)
# Two years joined as a range: every year between them counts.
_RANGE = re.compile(r"^\s*(?:to|through|thru|till|until|-|–|—)\s*(?:the\s+)?$", re.I)
# Years named relative to the one compared: the comparison's default, no topic.
_RELATIVE = re.compile(
    r"\b(?:(?:the\s+)?(?:previous|prior|preceding|last|this|following|next|same)\s+"
    r"(?:fiscal\s+)?(?:year|report)|(?:the\s+)?year\s+(?:before|after)|"
    r"(?:one|a)\s+year\s+(?:to\s+the\s+next|earlier|later)|each\s+year|every\s+year)\b|"
    r"\b(?:vs|versus)\b",
    re.I,
)


@dataclass(frozen=True)
class YearChoice:
    """The years a question compares, how they were chosen, or why none can be.

    ``steps`` are (earlier, later) pairs, one for a plain comparison; ``how`` is said in
    the answer when the years were not all named; ``missing`` are named years no loaded
    report covers.
    """

    steps: tuple[tuple[int, int], ...] = ()
    how: str = ""
    missing: tuple[int, ...] = ()

    @property
    def before(self) -> int:
        return self.steps[0][0]

    @property
    def after(self) -> int:
        return self.steps[-1][1]


def choose_years(
    q: Query,
    loaded: Sequence[int],
    *,
    ui_years: Sequence[int] = (),
    picked: Sequence[int] = (),
) -> YearChoice:
    """The years ``q`` compares among the ``loaded`` fiscal years (see the module).

    ``ui_years`` are the caller's year filters, used when the question names none;
    ``picked`` the years of the efforts it picks from, after those.
    """
    years = sorted(loaded)
    text = _RELATIVE.sub(" ", q.text)
    ref = read_time(text, tuple(years))
    named = [*q.time.fiscal_years, *q.time.uncovered, *ref.fiscal_years, *ref.years]
    missing = tuple(dict.fromkeys(y for y in named if y not in years))
    if missing:
        return YearChoice(missing=missing)
    asked = sorted(
        set(q.time.fiscal_years) or set(ui_years) & set(years) or set(picked) & set(years)
    )
    if len(asked) >= 2:
        first, last = asked[0], asked[-1]
        between = [y for y in years if first <= y <= last]
        joined = len(ref.spans) == 2 and _RANGE.match(text[ref.spans[0][1] : ref.spans[1][0]])
        if len(between) > 2 and (len(asked) > 2 or joined):
            return YearChoice(tuple(zip(between, between[1:], strict=False)))
        return YearChoice(((first, last),))
    if len(asked) == 1:
        year = asked[0]
        earlier = [y for y in years if y < year]
        later = [y for y in years if y > year]
        starts = any(_FROM_YEAR.search(text[:start]) for start, _ in ref.spans)
        if later and (starts or not earlier):
            return YearChoice(
                ((year, later[0]),), f"compared with FY{later[0]}, the next loaded report"
            )
        return YearChoice(
            ((earlier[-1], year),), f"compared with FY{earlier[-1]}, the previous loaded report"
        )
    a, b = years[-2:]
    return YearChoice(((a, b),), f"comparing the two latest loaded reports, FY{a} and FY{b}")


def asked_aspects(q: Query, choice: YearChoice) -> tuple[Aspect, ...]:
    """The sides of the comparison asked for (see the module)."""
    if q.changes:
        if q.changes == ("continued",) and q.yes_no:
            # "was the cyber volunteer thing still going in 2021?": yes or no, either way
            return ("continued", "stopped")
        return q.changes
    if q.absent_year in (choice.before, choice.after):
        # "… that it did not do in FY2019": new in the later year
        return ("new",) if q.absent_year == choice.before else ("stopped",)
    return ASPECTS


def topic_noise(q: Query, section_title: str | None) -> frozenset[str]:
    """Stems of the question that are no topic of a comparison: relative years ("the
    previous year"), "vs", and the words of the section it names."""
    words = [w for m in _RELATIVE.finditer(q.text) for w in re.findall(r"[A-Za-z]+", m.group(0))]
    words += re.findall(r"[A-Za-z]+", section_title or "")
    return frozenset(stem(w.lower()) for w in words)


def compare_follow_up(q: Query, ctx: Context | None) -> FollowUp:
    """A comparison question in its conversation: it stands alone unless it picks from the
    previous answer ("which of those continued?") or points back at what it was about
    ("how did their work change?"), which carries the ministries and years it named."""
    if ctx is None or ctx.empty:
        return FollowUp(q)
    if (q.subset or q.ordinal is not None) and ctx.efforts:
        return follow_up(q, ctx)
    if not q.refers_back:
        return FollowUp(q)
    update: dict[str, object] = {}
    carried: list[str] = []
    if not q.ministries and ctx.ministries:
        update["ministries"] = ctx.ministries
        carried += ctx.ministries
    if not q.time.any and ctx.time.fiscal_years:
        update["time"] = ctx.time
        carried += [f"FY{y}" for y in ctx.time.fiscal_years]
    return FollowUp(q.model_copy(update=update), None, tuple(carried))
