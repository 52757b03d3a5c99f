"""Two years side by side as HTML ("Browse the plan") and the choices that open it."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.compare import RULE, Pair, YearComparison
from assistant.evaluate import corpus_paths
from index.documents import CitedEffort
from tests.conftest import FakeEmbedder
from ui.compare_view import (
    NO_COMPARISON,
    browse_view,
    comparison_table,
    render_comparison,
    year_pairs,
)


def effort(id_: str, text: str, ministries: tuple[str, ...] = ("NPA",)) -> CitedEffort:
    year = int(id_[2:6])
    return CitedEffort(
        id=id_, text=text, ministries=ministries, dates=(), fiscal_year=year, section=1,
        section_title="Awareness", measure=1, measure_title="Campaigns <b>", line=1,
        source=f"fy{year}.txt",
    )


def test_year_pairs_offer_every_earlier_year_against_every_later_one() -> None:
    assert year_pairs([2021, 2019, 2020]) == [
        ("One plan at a time", NO_COMPARISON),
        ("FY2019 and FY2020 side by side", "2019-2020"),
        ("FY2019 and FY2021 side by side", "2019-2021"),
        ("FY2020 and FY2021 side by side", "2020-2021"),
    ]


def test_each_effort_is_marked_in_words_in_its_year_s_column() -> None:
    before = effort("fy2019-1.1.1", "Held a <script>campaign</script>")
    after = effort("fy2020-1.1.1", "Held the campaign again")
    c = YearComparison(
        before=2019, after=2020, rule=RULE,
        continued=(Pair(before=before, after=after, similarity=0.9, same_measure=True),),
        new=(effort("fy2020-1.1.2", "A new leaflet"),),
        stopped=(effort("fy2019-1.1.2", "An old survey"),),
        measures=(("Campaigns <b>", "Campaigns <b>"),),
    )
    html = render_comparison(c, {"NPA": "National Police Agency"})
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<caption>Campaigns &lt;b&gt;</caption>" in html
    rows = html.split("<tr>")[2:]
    assert [r.count("pq-tag-continued") for r in rows] == [2, 0, 0]
    assert 'class="pq-cmp-empty"' in rows[1].split("</td>")[0]  # new: nothing the year before
    assert 'class="pq-cmp-empty"' in rows[2].split("</td>")[1]  # stopped: nothing after
    assert 'id="pq-effort-fy2020-1.1.2"' in rows[1]
    assert ">no longer reported<" in rows[2] and ">new<" in rows[1]


def test_browse_view_is_the_plan_without_years_and_the_comparison_with_them(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = Assistant.load(corpus_paths("cmp1"), tmp_path_factory.mktemp("i"),
                         embedder=FakeEmbedder())
    assert "pq-cmp" not in browse_view(bot, None, None)
    both = browse_view(bot, "MOJ", "2019-2020")
    assert "FY2019 → FY2020 · MOJ · " in both and "<table" in both


def test_a_ministry_s_view_names_the_other_ministry_s_effort_it_joined() -> None:
    before = effort("fy2019-1.1.1", "Held a symposium", ("CAO",))
    after = effort("fy2020-1.1.1", "Held the symposium online", ("CAO", "NPA"))
    pair = Pair(before=before, after=after, similarity=0.9, same_measure=True)
    everyone = YearComparison(before=2019, after=2020, rule=RULE, continued=(pair,),
                              measures=(("Campaigns <b>", "Campaigns <b>"),))
    npa = everyone.only(ministries=["NPA"])
    assert npa.new == (after,) and npa.joined == (pair,)
    table = comparison_table(npa)
    assert "  new        (fy2019-1.1.1) fy2020-1.1.1" in table
    assert "[CAO → CAO, NPA]" in table
    assert "(id): another ministry's effort it continues" in table
    assert "continues fy2019-1.1.1 of CAO" in render_comparison(npa, {})
