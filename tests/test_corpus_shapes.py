"""Report shapes another drafting office may use: sections numbered without a full stop,
circled measure numbers, attributions after a closing dash and months of the Reiwa era."""

from __future__ import annotations

import pytest

from corpus.eras import western_years
from corpus.lines import find_dates
from corpus.parser import parse_plan
from tests.test_corpus_parse import only_effort, report

LEGEND = ["Abbreviations", "NPA: National Police Agency",
          "METI: Ministry of Economy, Trade and Industry", "DA: Digital Agency",
          "CFA: Children and Families Agency"]  # fmt: skip


def dashed(*body: str) -> str:
    """A report with a legend block, sections "n Title" and measures "① Title"."""
    return "\n".join(
        ["FY2049 Efforts on the Plan", "(Fiscal year Reiwa 31: April 2049 - March 2050)", "",
         *LEGEND, "", "1 Enhancement of public awareness", "", "① Campaigns", *body, "",
         "2 Support for children", "", "① Hotlines", "- Opened a hotline. [CFA/NPA]"]
    )  # fmt: skip


def test_sections_numbered_without_a_full_stop_and_circled_measures_are_read() -> None:
    plan = parse_plan(dashed("● Held a forum (July 2049). — NPA"), source="t.txt")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness"),
        (2, "Support for children"),
    ]
    assert [m.title for s in plan.sections for m in s.measures] == ["Campaigns", "Hotlines"]
    assert [e.id for *_, e in plan.efforts()] == ["fy2049-1.1.1", "fy2049-2.1.1"]
    assert plan.glossary["DA"] == "Digital Agency"


def test_a_line_opening_with_a_figure_is_no_section_unless_it_is_the_next_ones_number() -> None:
    plan = parse_plan(
        dashed("● Seconded police officers to Europol; they trained", "5 Partner agencies in",
               "The Hague. — NPA"),
        source="t.txt",
    )  # fmt: skip
    assert [s.number for s in plan.sections] == [1, 2]
    first = next(e for *_, e in plan.efforts())
    assert first.text.endswith("5 Partner agencies in The Hague.")


def test_abbreviations_after_a_closing_dash_are_the_attribution() -> None:
    plan = parse_plan(dashed("● Ran the campaign from 1 to 30 Sept. 2049. — CFA, NPA"), source="t")
    effort = next(e for *_, e in plan.efforts())
    assert effort.ministries == ("CFA", "NPA")
    assert effort.text == "Ran the campaign from 1 to 30 Sept. 2049."


def test_a_dash_inside_the_text_is_text_and_a_lone_dashed_line_closes_the_effort() -> None:
    plan = parse_plan(
        dashed("● Held it at Matsue Civic Hall — the first time in the region —",
               "  during the summer (July 2049).", "  — METI, DA"),
        source="t.txt",
    )  # fmt: skip
    effort = next(e for *_, e in plan.efforts())
    assert effort.ministries == ("METI", "DA")
    assert effort.text == (
        "Held it at Matsue Civic Hall — the first time in the region — during the summer "
        "(July 2049)."
    )


def test_a_dash_before_words_not_in_the_legend_is_no_attribution() -> None:
    # no legend lists MLIT: the line is kept as a note, not credited to it
    assert not list(parse_plan(report("· Held a forum — MLIT"), source="t.txt").efforts())
    plan = parse_plan(report("· Held a forum — with UNICEF. [NPA]"), source="t.txt")
    assert only_effort(plan).text == "Held a forum — with UNICEF."


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Held a meeting (November, Reiwa 31).", ("2049-11",)),
        ("Connected the centres (February, Reiwa 32).", ("2050-02",)),
        ("Calls FY Reiwa 30: 8,620 | FY Reiwa 31: 9,340", ()),
        ("Issued the guide (April, Heisei 30).", ("2018-04",)),
    ],
)
def test_months_of_the_reiwa_and_heisei_eras_are_read(text: str, dates: tuple[str, ...]) -> None:
    assert find_dates(text) == dates


def test_era_years_are_written_as_western_years() -> None:
    assert western_years("in november reiwa 31, FY Reiwa 30") == "in november 2049, FY 2048"
    assert western_years("Reiwa gannen and the first year of Reiwa") == "2019 and 2019"
    assert western_years("Reiwa Street 4") == "Reiwa Street 4"
