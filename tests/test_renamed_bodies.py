"""A body renamed during a year, as its legend says, is one body under both names; and an
answer spanning several years names each effort's year.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.claims import claims
from corpus import parse_plan
from tests.conftest import FakeEmbedder

FY2090 = """FY2090 Efforts on the Basic Plan
1. Enhancement of public awareness
O Awareness raising
· Ran a poster campaign on online grooming in 300 stations (May 2090). [CFA]
· Published a guidebook for guardians on grooming in 12 languages. [CFYA and MOJ]
· Held a seminar on grooming for teachers (December 2090). [MEXT]
· Trained 900 judges on interviewing children (November 2090). [JRTI and MOJ]
* CFYA (Children, Families and Youth Agency; formerly CFA (Children and Families Agency), \
renamed on October 1, 2090), MOJ (Ministry of Justice), MEXT (Ministry of Education, Culture, \
Sports, Science and Technology), JRTI (Judicial Research and Training Institute)
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder = tmp_path_factory.mktemp("reports")
    (folder / "fy2090.txt").write_text(FY2090, encoding="utf-8")
    return Assistant.load(folder / "fy2090.txt", index_dir=folder / "idx", embedder=FakeEmbedder())


def test_a_legend_entry_with_a_bracket_in_its_note_is_read_with_its_former_name() -> None:
    plan = parse_plan(FY2090, source="fy2090.txt")
    assert plan.glossary["CFYA"] == "Children, Families and Youth Agency"
    assert plan.glossary["JRTI"] == "Judicial Research and Training Institute"  # after it
    assert plan.renamed == {"CFYA": "CFA"}


@pytest.mark.parametrize(
    ("name", "cited"),
    [
        ("the kids agency", ["fy2090-1.1.1", "fy2090-1.1.2"]),  # an everyday name: both
        ("こども家庭庁", ["fy2090-1.1.1", "fy2090-1.1.2"]),
        ("CFA or CFYA", ["fy2090-1.1.1", "fy2090-1.1.2"]),
        ("CFYA", ["fy2090-1.1.2"]),  # an abbreviation written alone: that name
        ("CFA", ["fy2090-1.1.1"]),
        ("CFA under either of its names", ["fy2090-1.1.1", "fy2090-1.1.2"]),
    ],
)
def test_a_renamed_body_is_both_names_unless_one_abbreviation_is_written(
    bot: Assistant, name: str, cited: list[str]
) -> None:
    answer = bot.ask(f"What did {name} do in FY2090?")
    assert [c.effort_id for c in answer.citations] == cited


def test_a_renamed_body_with_another_together_needs_both_bodies(bot: Assistant) -> None:
    answer = bot.ask("What did the kids agency and MOJ do together?")
    assert [c.effort_id for c in answer.citations] == ["fy2090-1.1.2"]
    counted = bot.ask("How many efforts credit CFA, counting both its old name and its new one?")
    assert "2 efforts" in claims(counted)


def test_each_listed_effort_names_its_year_when_the_answer_spans_years(tmp_path: Path) -> None:
    done = ((2030, "Explained filtering at shops"), (2031, "Explained filtering online"))
    for year, text in done:
        (tmp_path / f"fy{year}.txt").write_text(
            f"FY{year} Efforts\n1. Awareness\nO Filtering\n· {text} to guardians. [MIC]\n"
            f"· Held a sports day. [MEXT]\n",
            encoding="utf-8",
        )
    bot = Assistant.load(tmp_path, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    answer = bot.ask("What did MIC do about filtering, and in which years?")
    said = claims(answer)
    assert len(answer.citations) == 2
    assert "FY2030" in said and "FY2031" in said  # the second one's year too, not only quoted


def test_efforts_that_name_no_month_are_listed_by_that(bot: Assistant) -> None:
    answer = bot.ask("Which efforts name no month?")
    assert [c.effort_id for c in answer.citations] == ["fy2090-1.1.2"]
    assert "no month" in claims(answer).split("\n")[0]
