"""Years compared: the matching engine, pure (hand-made vectors) and over an index.

The engine takes two years' efforts and their vectors and gives continued pairs, new
efforts and efforts no longer reported; the rule it used travels with the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from assistant import Assistant
from assistant.compare import (
    RULE,
    MatchRule,
    YearComparison,
    compare_years,
    effort_vectors,
    match_efforts,
    same_measures,
)
from assistant.compare_eval import PRScore, load_labels, score_matching
from assistant.evaluate import corpus_paths
from assistant.models import QuestionError
from index.documents import CitedEffort
from tests.conftest import FakeEmbedder

RULE_05 = MatchRule(same_measure=0.5, any_measure=0.9, heading=0.75)


def effort(
    id_: str, *, ministries: Sequence[str] = ("NPA",), measure: str = "Crackdowns", section: int = 1
) -> CitedEffort:
    year = int(id_[2:6])
    return CitedEffort(
        id=id_, text=f"text of {id_}", ministries=tuple(ministries), dates=(), fiscal_year=year,
        section=section, section_title=f"Section {section}", measure=1, measure_title=measure,
        line=1, source=f"fy{year}.txt",
    )


def unit(*rows: Sequence[float]) -> npt.NDArray[np.float32]:
    """Rows made unit length, so their dot products are cosines."""
    a = np.array(rows, dtype=np.float32)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def ids(c: YearComparison) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    return (
        [(p.before.id, p.after.id) for p in c.continued],
        [e.id for e in c.new],
        [e.id for e in c.stopped],
    )


SAME = {"Crackdowns": "Crackdowns"}


def test_an_effort_close_in_meaning_under_the_same_measure_continues() -> None:
    before = [effort("fy2019-1.1.1"), effort("fy2019-1.1.2")]
    after = [effort("fy2020-1.1.1"), effort("fy2020-1.1.2")]
    vb = unit([1, 0, 0], [0, 1, 0])
    va = unit([0.1, 0, 1], [0, 1, 0.2])  # the second continues the second
    c = match_efforts(before, after, vb, va, measures=SAME, rule=RULE_05)
    assert ids(c) == ([("fy2019-1.1.2", "fy2020-1.1.2")], ["fy2020-1.1.1"], ["fy2019-1.1.1"])


def test_each_effort_is_in_one_pair_at_most_the_closest_first() -> None:
    before = [effort("fy2019-1.1.1")]
    after = [effort("fy2020-1.1.1"), effort("fy2020-1.1.2")]
    vb = unit([1, 0])
    va = unit([1, 0.6], [1, 0.1])  # both close; the second closer
    c = match_efforts(before, after, vb, va, measures=SAME, rule=RULE_05)
    assert ids(c) == ([("fy2019-1.1.1", "fy2020-1.1.2")], ["fy2020-1.1.1"], [])


def test_a_pair_must_share_a_ministry() -> None:
    before = [effort("fy2019-1.1.1", ministries=("MOJ",))]
    after = [effort("fy2020-1.1.1", ministries=("NPA",))]
    same_text = unit([1, 0])
    c = match_efforts(before, after, same_text, same_text, measures=SAME, rule=RULE_05)
    assert ids(c) == ([], ["fy2020-1.1.1"], ["fy2019-1.1.1"])
    loose = RULE_05.model_copy(update={"shared_ministry": False})
    assert ids(match_efforts(before, after, same_text, same_text, measures=SAME, rule=loose))[0]


def test_a_gained_ministry_still_continues_the_effort() -> None:
    before = [effort("fy2019-1.1.1", ministries=("CAO",))]
    after = [effort("fy2020-1.1.1", ministries=("CAO", "NPA"))]
    v = unit([1, 0])
    c = match_efforts(before, after, v, v, measures=SAME, rule=RULE_05)
    assert ids(c)[0] == [("fy2019-1.1.1", "fy2020-1.1.1")]


def test_across_measures_an_effort_needs_the_higher_line() -> None:
    before = [effort("fy2019-1.1.1", measure="Crackdowns")]
    after = [effort("fy2020-2.1.1", measure="Surveys")]
    vb, va = unit([1, 0]), unit([1, 0.5])  # cosine 0.89
    measures = {"Surveys": "Other"}
    assert ids(match_efforts(before, after, vb, va, measures=measures, rule=RULE_05))[0] == []
    moved = RULE_05.model_copy(update={"any_measure": 0.85})
    assert ids(match_efforts(before, after, vb, va, measures=measures, rule=moved))[0] == [
        ("fy2019-1.1.1", "fy2020-2.1.1")
    ]


def test_a_year_without_efforts_leaves_everything_new_or_stopped() -> None:
    after = [effort("fy2020-1.1.1")]
    c = match_efforts([], after, unit([1, 0])[:0], unit([1, 0]), measures={}, rule=RULE)
    assert ids(c) == ([], ["fy2020-1.1.1"], [])


def test_reworded_and_renumbered_headings_are_the_same_measure() -> None:
    embedder = FakeEmbedder()
    before = ["Promotion of crackdowns on crimes of child sexual exploitation", "Surveys"]
    after = ["Surveys and research", "Crackdowns on crimes of child sexual exploitation"]
    found = same_measures(before, after, embedder.encode, line=0.6)
    assert found["Crackdowns on crimes of child sexual exploitation"] == before[0]
    assert same_measures(["Surveys"], ["surveys."], embedder.encode, line=0.99) == {
        "surveys.": "Surveys"
    }


def test_the_rule_says_how_efforts_were_matched() -> None:
    text = RULE.describe()
    assert "similarity of their text within the same measure" in text
    assert f"cosine ≥ {RULE.same_measure:.2f}" in text


def test_a_comparison_narrows_to_a_ministry_keeping_pairs_either_side_holds() -> None:
    before = [effort("fy2019-1.1.1", ministries=("CAO",)), effort("fy2019-1.1.2")]
    after = [
        effort("fy2020-1.1.1", ministries=("CAO", "NPA")),
        effort("fy2020-1.1.2", ministries=("MOJ",)),
    ]
    v = unit([1, 0], [0, 1])
    c = match_efforts(before, after, v, unit([1, 0], [0.2, 1]), measures=SAME, rule=RULE_05)
    cao = c.only(ministries=["CAO"])
    assert ids(cao) == ([("fy2019-1.1.1", "fy2020-1.1.1")], [], [])
    assert cao.ministries == ("CAO",)
    assert ids(c.only(ministries=["MOJ"])) == ([], ["fy2020-1.1.2"], [])


def test_by_measure_groups_each_kind_under_its_heading() -> None:
    before = [effort("fy2019-1.1.1"), effort("fy2019-2.1.1", measure="Old", section=2)]
    after = [effort("fy2020-1.1.1"), effort("fy2020-1.1.2")]
    v = unit([1, 0], [0, 1])
    c = match_efforts(before, after, v, unit([1, 0], [0.5, -1]), measures=SAME, rule=RULE_05)
    rows = c.by_measure()
    assert [(r.title, len(r.continued), len(r.new), len(r.stopped)) for r in rows] == [
        ("Crackdowns", 1, 1, 0),
        ("Old", 0, 0, 1),
    ]
    assert rows[1].after_title is None


# -- over an index ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cmp1(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """FY2019 and the invented FY2020 comparison report, with the fake embedder."""
    return Assistant.load(
        corpus_paths("cmp1"), tmp_path_factory.mktemp("idx"), embedder=FakeEmbedder()
    )


def test_the_index_s_own_vectors_are_reused_not_embedded_again(cmp1: Assistant) -> None:
    embedder = cmp1.index.embedder
    assert isinstance(embedder, FakeEmbedder)
    calls = embedder.calls
    positions = list(range(len(cmp1.index.efforts)))
    vectors = effort_vectors(cmp1.index, positions)
    assert embedder.calls == calls
    texts = [e.text for e in cmp1.index.efforts]
    assert np.allclose(vectors, FakeEmbedder().encode(texts), atol=1e-6)


def test_every_effort_of_both_years_lands_in_exactly_one_place(cmp1: Assistant) -> None:
    c = compare_years(cmp1.index, 2019, 2020)
    before = [p.before.id for p in c.continued] + [e.id for e in c.stopped]
    after = [p.after.id for p in c.continued] + [e.id for e in c.new]
    assert sorted(before) == sorted(e.id for e in cmp1.index.efforts if e.fiscal_year == 2019)
    assert sorted(after) == sorted(e.id for e in cmp1.index.efforts if e.fiscal_year == 2020)
    assert (c.before, c.after, c.rule) == (2019, 2020, RULE)


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        (2019, 2021, r"no report for FY2021 is loaded \(loaded: FY2019, FY2020\); load its"),
        (2020, 2020, r"FY2020 cannot be compared with itself"),
    ],
)
def test_a_comparison_of_years_not_loaded_says_what_to_do(
    cmp1: Assistant, before: int, after: int, message: str
) -> None:
    with pytest.raises(QuestionError, match=message):
        cmp1.compare(before, after)


def test_either_order_of_years_compares_the_earlier_with_the_later(cmp1: Assistant) -> None:
    assert cmp1.compare(2020, 2019) == cmp1.compare(2019, 2020)


def test_an_unknown_ministry_is_refused_with_the_known_ones(cmp1: Assistant) -> None:
    with pytest.raises(QuestionError, match=r"unknown ministry 'XYZ'; known ministries: "):
        cmp1.compare(2019, 2020, ministries=["XYZ"])


def test_precision_and_recall_count_pairs_and_sets() -> None:
    score = PRScore.of({1, 2, 3}, {2, 3, 4, 5})
    assert (score.precision, score.recall) == (2 / 3, 2 / 4)
    assert PRScore.of(set(), set()).f1 == 1.0


def test_the_labels_partition_each_year(cmp1: Assistant) -> None:
    labels = load_labels()[(2019, 2020)]
    efforts = {e.id for e in cmp1.index.efforts}
    named = {i for pair in labels.continued for i in pair} | set(labels.new) | set(labels.stopped)
    assert named == efforts
    perfect = cmp1.compare(2019, 2020)
    assert score_matching(perfect, labels).new.expected == len(labels.new)


def test_the_labels_file_must_be_well_formed(tmp_path: Path) -> None:
    bad = tmp_path / "labels.json"
    bad.write_text('[{"from": 2019}]', encoding="utf-8")
    from corpus.errors import CorpusError

    with pytest.raises(CorpusError, match=r"is not a comparison label file"):
        load_labels(bad)


def test_a_reworded_and_renumbered_measure_is_still_the_same_measure(
    tmp_path: Path,
) -> None:
    """FY2020 here is FY2019 again with section 5's first heading reworded and a new
    measure put before it, so the crackdowns are measure 5.2, under other words."""
    from corpus import BUNDLED_PLAN

    text = BUNDLED_PLAN.read_text(encoding="utf-8").replace("FY2019 Efforts", "FY2020 Efforts")
    text = text.replace(
        "O Promotion of crackdowns on crimes of child sexual exploitation",
        "O Training of investigators\n\n· Trained investigators of prefectural police "
        "departments in analysing seized smartphones (October 2020). [NPA]\n\n"
        "O Crackdowns on crimes of child sexual exploitation",
    )
    (tmp_path / "fy2020_efforts.txt").write_text(text, encoding="utf-8")
    bot = Assistant.load([BUNDLED_PLAN, tmp_path / "fy2020_efforts.txt"], tmp_path / "idx",
                         embedder=FakeEmbedder())
    c = bot.compare(2019, 2020)
    crackdowns = next(p for p in c.continued if p.before.id == "fy2019-5.1.1")
    assert crackdowns.after.id == "fy2020-5.2.1" and crackdowns.same_measure
    assert [e.id for e in c.new] == ["fy2020-5.1.1"]
    answer = bot.ask("were the crackdowns still going in FY2020?")
    assert {"fy2019-5.1.1", "fy2020-5.2.1"} <= {x.effort_id for x in answer.citations}
