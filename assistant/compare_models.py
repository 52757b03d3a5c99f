"""What a comparison of two years is: the rule, the pairs, the result (``compare.py``).

Frozen values: :class:`MatchRule` says when an effort continues another and can say so in
words; :class:`YearComparison` holds continued pairs, new efforts and those no longer
reported, and narrows itself to some ministries, a section or a topic
(:meth:`YearComparison.only`) or lays itself out measure by measure
(:meth:`YearComparison.by_measure`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict

from index.documents import CitedEffort

__all__ = ["MatchRule", "MeasureRow", "Pair", "YearComparison"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MatchRule(_Frozen):
    """When an effort of the later year continues one of the earlier year.

    Attributes:
        same_measure: The cosine line for two efforts under the same measure.
        any_measure: The (higher) line for an effort that moved to another measure.
        heading: The cosine line for two measure headings to be the same measure.
        shared_ministry: A pair must share at least one ministry.
    """

    same_measure: float
    any_measure: float
    heading: float
    shared_ministry: bool = True

    def describe(self) -> str:
        """The rule in words, for an answer to name so a reader can judge it."""
        sharing = ", sharing a ministry" if self.shared_ministry else ""
        return (
            f"matched by the similarity of their text within the same measure "
            f"(cosine ≥ {self.same_measure:.2f}; ≥ {self.any_measure:.2f} across measures)"
            f"{sharing}, one to one, best first"
        )


class Pair(_Frozen):
    """An effort of the earlier year and the later effort that continues it."""

    before: CitedEffort
    after: CitedEffort
    similarity: float
    same_measure: bool


class MeasureRow(_Frozen):
    """One measure of the comparison: its heading in each year, and what happened under it.

    ``before_title`` or ``after_title`` is None where only one year has the measure.
    """

    section: int
    section_title: str
    before_title: str | None
    after_title: str | None
    continued: tuple[Pair, ...] = ()
    new: tuple[CitedEffort, ...] = ()
    stopped: tuple[CitedEffort, ...] = ()

    @property
    def title(self) -> str:
        return self.after_title or self.before_title or ""


class YearComparison(_Frozen):
    """What continued, what is new and what is no longer reported, from one year to another.

    Attributes:
        before, after: The fiscal years compared (``before`` < ``after``).
        rule: The rule the efforts were matched by.
        continued: Pairs, in the later report's order.
        new: Efforts of ``after`` that continue none of ``before``.
        stopped: Efforts of ``before`` that no effort of ``after`` continues.
        joined: Seen from some ministries (:meth:`only`), pairs only whose later effort is
            theirs: that effort is among ``new``, with what it continues.
        left: Pairs only whose earlier effort is theirs: it is among ``stopped``.
        measures: Headings of the later year with the earlier heading of the same measure.
        ministries: The comparison was narrowed to efforts of these ministries (empty: all).
        section: The comparison was narrowed to this section.
    """

    before: int
    after: int
    rule: MatchRule
    continued: tuple[Pair, ...] = ()
    new: tuple[CitedEffort, ...] = ()
    stopped: tuple[CitedEffort, ...] = ()
    joined: tuple[Pair, ...] = ()
    left: tuple[Pair, ...] = ()
    measures: tuple[tuple[str, str], ...] = ()
    ministries: tuple[str, ...] = ()
    section: int | None = None

    @property
    def empty(self) -> bool:
        return not (self.continued or self.new or self.stopped)

    def only(
        self,
        *,
        ministries: Sequence[str] = (),
        together: bool = False,
        section: int | None = None,
        keep: Callable[[CitedEffort], bool] | None = None,
    ) -> YearComparison:
        """The comparison seen from some ministries (any of them; ``together``: all of
        them), within a section or the efforts ``keep`` admits (a pair stays when either
        of its efforts is admitted).

        Seen from a ministry, a pair is continued when it has both efforts; when it has
        only the later one, that effort is new for it ("what did NPA do in FY2020 that it
        did not do in FY2019" includes a symposium NPA joined that year), and when only the
        earlier, that effort is no longer reported for it.
        """
        wanted = set(ministries)

        def held(e: CitedEffort) -> bool:
            have = set(e.ministries)
            return not wanted or (wanted <= have if together else bool(wanted & have))

        def admitted(e: CitedEffort) -> bool:
            return (section is None or e.section == section) and (keep is None or keep(e))

        pairs = [p for p in self.continued if admitted(p.before) or admitted(p.after)]
        both = [p for p in pairs if held(p.before) and held(p.after)]
        joined = [p for p in pairs if held(p.after) and not held(p.before)]
        left = [p for p in pairs if held(p.before) and not held(p.after)]
        # narrowed again (a topic after a ministry): the pairs seen so far stay with theirs
        joined += [p for p in self.joined if admitted(p.after) and held(p.after)]
        left += [p for p in self.left if admitted(p.before) and held(p.before)]
        gained = {p.after.id for p in joined}
        lost = {p.before.id for p in left}
        after_order = [p.after for p in self.continued] + list(self.new)
        after_order.sort(key=lambda e: e.line)
        before_order = [p.before for p in self.continued] + list(self.stopped)
        before_order.sort(key=lambda e: e.line)
        new = {e.id for e in self.new if held(e) and admitted(e)} | gained
        stopped = {e.id for e in self.stopped if held(e) and admitted(e)} | lost
        return self.model_copy(
            update={
                "continued": tuple(both),
                "joined": tuple(joined),
                "left": tuple(left),
                "new": tuple(e for e in after_order if e.id in new),
                "stopped": tuple(e for e in before_order if e.id in stopped),
                "ministries": tuple(ministries) or self.ministries,
                "section": section if section is not None else self.section,
            }
        )

    def by_measure(self) -> list[MeasureRow]:
        """The comparison measure by measure: the later report's measures in its order,
        then the measures only the earlier report has, in its order."""
        earlier = {b: a for a, b in self.measures}
        rows: dict[tuple[bool, int, int, str], dict[str, object]] = {}

        def row(e: CitedEffort, *, later: bool) -> dict[str, object]:
            title = e.measure_title if later else earlier.get(e.measure_title)
            if later or title is not None:
                place = self._place(title or "") or (e.section, e.measure)
                key = (False, *place, title or "")
            else:
                key = (True, e.section, e.measure, e.measure_title)
            r = rows.setdefault(key, {"section": key[1], "section_title": e.section_title,
                                      "before_title": None, "after_title": None,
                                      "continued": [], "new": [], "stopped": []})
            if key[0]:
                r["before_title"] = e.measure_title
            else:
                r["after_title"] = key[3]
                r["before_title"] = self._earlier_title(key[3])
            return r

        for p in self.continued:
            _append(row(p.after, later=True), "continued", p)
        for e in self.new:
            _append(row(e, later=True), "new", e)
        for e in self.stopped:
            _append(row(e, later=False), "stopped", e)
        return [MeasureRow.model_validate(rows[k]) for k in sorted(rows)]

    def _place(self, title: str) -> tuple[int, int] | None:
        """Where the later report has the measure headed ``title`` (section, measure)."""
        places = [(p.after.section, p.after.measure) for p in self.continued
                  if p.after.measure_title == title]
        places += [(e.section, e.measure) for e in self.new if e.measure_title == title]
        return min(places, default=None)

    def _earlier_title(self, title: str) -> str | None:
        return next((b for a, b in self.measures if a == title), None)

    def counterpart(self, e: CitedEffort) -> CitedEffort | None:
        """For a new effort that continues another ministry's, that effort; for one no
        longer reported that another ministry's continues, the continuing one."""
        for p in self.joined:
            if p.after.id == e.id:
                return p.before
        for p in self.left:
            if p.before.id == e.id:
                return p.after
        return None

    def counts(self) -> tuple[int, int, int]:
        """How many efforts continued, are new and are no longer reported."""
        return len(self.continued), len(self.new), len(self.stopped)


def _append(row: dict[str, object], key: str, item: object) -> None:
    items = row[key]
    assert isinstance(items, list)
    items.append(item)
