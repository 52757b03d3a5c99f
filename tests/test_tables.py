"""Figures an effort sets out together: a row by fiscal year, each cell answering its own
year, and a running total, which counts what the figure before it counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.claims import claims
from assistant.facts import figures
from assistant.facts_pick import pick_figure
from assistant.facts_table import table_cells
from tests.conftest import blind_report_bot, report_bot


@pytest.fixture(scope="module")
def bot2049(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return blind_report_bot(tmp_path_factory, "reports29")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("results: Shops checked FY2046 455 FY2047 512",
         ["512 shops checked in FY2047", "455 shops checked in FY2046"]),
        ("Carried out interviews: Cases | FY2047: 3,108 | FY2048: 3,480 | FY2049: 3,905 [x]",
         ["3,905 cases in FY2049", "3,480 cases in FY2048", "3,108 cases in FY2047"]),
        ("nationwide: Venues FY2048 13,400 → FY2049 13,900 | Participants FY2048 about "
         "468,000 → FY2049 about 481,000",
         ["13,900 venues in FY2049", "13,400 venues in FY2048",
          "481,000 participants in FY2049", "468,000 participants in FY2048"]),
        ("to Sundays (July 2049); Calls FY Reiwa 30: 8,620 | FY Reiwa 31: 9,340",
         ["9,340 calls in FY2049", "8,620 calls in FY2048"]),
        ("received 30,215 consultations in FY2049", []),  # one figure: no table
        ("consultations received: FY2053 (former services) 38,400 FY2054 52,760",
         ["52,760 consultations received in FY2054", "38,400 consultations received in FY2053"]),
    ],
)  # fmt: skip
def test_a_row_by_fiscal_year_is_read_cell_by_cell_the_latest_first(
    text: str, read: list[str]
) -> None:
    cells, _ = table_cells(text)
    assert [c.text for c in cells] == read
    latest = max(c.text[-4:] for c in cells) if cells else ""
    assert all(c.earlier == (not c.text.endswith(latest)) for c in cells)


@pytest.mark.parametrize(
    "text",
    [
        "Increased staff: School social workers about 13,500 (+900) | School counsellors "
        "about 31,200 (+600)",
        "Increased staff: – school social workers: approx. 13,500 (+900) – school "
        "counsellors: approx. 31,200 (+600)",
    ],
)
def test_figures_each_after_its_label_are_read_with_the_change_beside_them(text: str) -> None:
    cells, _ = table_cells(text)
    assert [(c.text.split(None, 1)[-1], c.noun, c.change) for c in cells] == [
        ("13,500 school social workers", "workers", False),
        ("more school social workers", "workers", True),
        ("31,200 school counsellors", "counsellors", False),
        ("more school counsellors", "counsellors", True),
    ]


def test_a_labelled_figure_with_the_year_before_beside_it_answers_that_year_too() -> None:
    cells, _ = table_cells(
        "on SNS: – warning messages posted: 58,300 (FY2049: 51,700) – children taken into "
        "protective custody: 471"
    )
    assert [(c.text, c.noun, c.earlier) for c in cells] == [
        ("58,300 warning messages posted", "messages", False),
        ("51,700 warning messages posted in FY2049", "messages", True),
        ("471 children taken into protective custody", "children", False),
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("calls received: Calls in FY2051 ........ 12,430 Calls in FY2050 ........ 10,870",
         [("12,430 calls in FY2051", False), ("10,870 calls in FY2050", True)]),
        ("results: Seminars held ........ 10,240 (FY2050: 9,850) Online sessions ... 30",
         [("10,240 seminars held", False), ("9,850 seminars held in FY2050", True),
          ("30 online sessions", False)]),
        ("Pornography: Cases cleared in 2051 ...... 3,720 Persons cleared in 2051 .... 2,760",
         [("3,720 cases cleared in 2051", False), ("2,760 persons cleared in 2051", False)]),
        # the year in brackets after the label
        ("module: Seminars held (FY2054) ..... 10,940 Seminars held (FY2055) ..... 11,260",
         [("10,940 seminars held in FY2054", True), ("11,260 seminars held in FY2055", False)]),
        # the dots lost, a label ending in its fiscal year still ends where its figure starts
        ("calls received: Calls in FY2052 13,960 Calls in FY2051 12,610",
         [("13,960 calls in FY2052", False), ("12,610 calls in FY2051", True)]),
    ],
)  # fmt: skip
def test_rows_set_with_leader_dots_are_read_each_a_figure_of_its_label(
    text: str, read: list[tuple[str, bool]]
) -> None:
    cells, _ = table_cells(text)
    assert [(c.text, c.earlier) for c in cells] == read


def test_a_table_with_a_column_per_year_is_read_cell_by_cell_the_latest_first() -> None:
    cells, _ = table_cells(
        "results: Indicator FY2051 FY2052 Seminars held 10,240 10,510 Participants 418k 402k"
    )
    assert [(c.text, c.earlier) for c in cells] == [
        ("10,510 seminars held in FY2052", False),
        ("10,240 seminars held in FY2051", True),
        ("402k participants in FY2052", False),
        ("418k participants in FY2051", True),
    ]


def test_a_bilingual_table_by_calendar_year_with_leader_dots_is_read_cell_by_cell() -> None:
    cells, _ = table_cells(
        "(Table 2). Table 2 Arrests (calendar year) 区分/Item 2080 2081 "
        "送致件数/Cases sent ........ 1,210 1,340 検挙人員/Persons arrested ...... 870 905"
    )
    assert [(c.text, c.earlier) for c in cells] == [
        ("1,340 cases sent in 2081", False),  # not "1,210", the first figure after the dots
        ("1,210 cases sent in 2080", True),
        ("905 persons arrested in 2081", False),
        ("870 persons arrested in 2080", True),
    ]


def test_a_row_counted_in_thousands_says_so_with_each_figure() -> None:
    cells, _ = table_cells(
        "held online too: FY2053 FY2054 Seminars held 9,870 10,130 Participants (thousand) 384 397"
    )
    assert [c.text for c in cells][2:] == [
        "397 thousand participants in FY2054",
        "384 thousand participants in FY2053",
    ]


def test_rows_of_a_table_flattened_onto_one_line_are_each_a_figure_of_its_label() -> None:
    cells, _ = table_cells(
        "exploitation: Warning messages posted 64,300 Children taken into protective custody 478"
    )
    assert [(c.text, c.noun) for c in cells] == [
        ("64,300 warning messages posted", "messages"),
        ("478 children taken into protective custody", "children"),
    ]


def test_a_sentence_with_one_figure_after_a_colon_is_no_labelled_list() -> None:
    assert table_cells("Held seminars: 30 sessions were held.") == ([], None)


def test_how_many_after_the_increase_asks_the_figure_reached(bot2049: Assistant) -> None:
    answer = bot2049.ask("how many school counsellors were there after the fy2049 increase?")
    assert "31,200" in claims(answer) and "600" not in claims(answer)
    both = bot2049.ask("how many school social workers and school counsellors are there now?")
    assert "13,500" in claims(both) and "31,200" in claims(both)


def test_the_change_after_a_row_is_no_cell() -> None:
    cells, _ = table_cells("Consultations | FY2048: 26,480 | FY2049: 30,215 | +14.1%")
    assert [c.text for c in cells] == [
        "30,215 consultations in FY2049",
        "26,480 consultations in FY2048",
    ]


def test_a_year_the_row_gives_answers_a_follow_up_on_it(bot2049: Assistant) -> None:
    first = bot2049.ask("how many calls did the oyako net soudan phone line get in fy2049?")
    assert "9,340" in claims(first)
    answer = bot2049.ask("and in reiwa 30?", context=first.context)  # FY2048: not loaded
    assert "8,620" in claims(answer) and not answer.abstained


def test_a_cell_of_an_earlier_year_answers_a_question_naming_that_year(
    bot2049: Assistant,
) -> None:
    answer = bot2049.ask("how many consultations did kodomo sos chat get in fy2048?")
    assert "26,480" in claims(answer)


def test_a_running_total_counts_what_the_figure_before_it_counts() -> None:
    text = (
        "Expanded the database to 1.6 million hashes and connected 9 more platform "
        "operators, bringing the total to 31 (August, Reiwa 31)."
    )
    assert [(s.text, s.noun) for s in figures(text)] == [
        ("1.6 million hashes", "hashes"),
        ("9 more platform operators", "operators"),
        ("31", "operators"),
    ]


def test_a_total_written_in_words_is_a_figure() -> None:
    text = "Opened 6 new centers in Aomori and Saga, bringing the total to thirty-seven centers."
    assert [(s.text, s.noun) for s in figures(text)] == [
        ("6 new centers", "centers"),
        ("thirty-seven centers", "centers"),
    ]


def test_how_many_are_connected_asks_the_standing_total_not_the_years_increase(
    bot2049: Assistant,
) -> None:
    answer = bot2049.ask("how many platform operators are connected to the kodomo hash database?")
    assert "31 (operators)" in claims(answer)


def test_a_second_ask_of_a_figure_in_a_year_asks_it_of_the_first_asks_effort(
    bot2049: Assistant,
) -> None:
    # the first ask names no year: "in FY2049" narrows the same effort's figure
    answer = bot2049.ask(
        "whats the kodomo sos chat opening hours now and how many consultations in fy2049?"
    )
    said = claims(answer)
    assert "16:00 to 23:00" in said and "30,215 consultations" in said
    assert [c.effort_id for c in answer.citations] == ["fy2049-4.1.1"]


def test_a_year_before_the_report_is_answered_by_the_figure_given_for_it_or_not_at_all(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "26,480 consultations in FY2048, compared with 23,910 in FY2047"
    bot2048 = blind_report_bot(tmp_path_factory, "reports28")
    answer = bot2048.ask("how many consultations did the kodomo sos chat service have in fy2047")
    assert "23,910" in claims(answer) and "FY2047" in claims(answer)
    assert "26,480" not in claims(answer)
    first = bot2048.ask("kodomo sos chat: number of consultations in fy2048?")
    assert "26,480" in claims(first)
    before = bot2048.ask("and the year before?", context=first.context)
    assert "23,910" in claims(before) and "26,480" not in claims(before)


@pytest.fixture(scope="module")
def bot2052(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return blind_report_bot(tmp_path_factory, "reports32")


def test_the_previous_year_after_a_figure_is_the_cell_of_that_year(bot2052: Assistant) -> None:
    first = bot2052.ask("how many calls did the parents helpline oyako net soudan get in fy2052")
    assert "13,960" in claims(first)
    answer = bot2052.ask("and what about the previous year?", context=first.context)
    assert "12,610 calls in FY2051" in claims(answer)
    assert [c.effort_id for c in answer.citations] == ["fy2052-2.3.1"]


def test_two_counts_of_one_table_are_each_read_from_its_row(bot2052: Assistant) -> None:
    # the first figure stated is not blanked out of the table the second is read from
    answer = bot2052.ask("How many seminars and participants did the e-Net Caravan have in 2052?")
    said = claims(answer)
    assert "10,510 seminars" in said and "402k participants" in said
    assert "10,240" not in said
    assert [c.effort_id for c in answer.citations] == ["fy2052-2.1.1"]


INTERVIEWS = (
    'Promoted "collaborative forensic interviews" by public prosecutors\' offices, the police '
    "and child guidance centers, which were conducted in 3,210 cases in FY2033."
)


def test_a_count_of_cases_counts_what_its_sentence_says_was_done_but_never_people() -> None:
    topic = frozenset({"collabor", "forens", "interview"})
    found = pick_figure(figures(INTERVIEWS), "interviews", topic)
    assert found is not None and found.text == "3,210 cases"
    # a crackdown's persons are not its victims, however near the words
    crackdown = "Conducted a nationwide crackdown and cleared 1,487 cases involving 1,102 persons."
    assert pick_figure(figures(crackdown), "victims", frozenset({"victim", "crackdown"})) is None
    assert pick_figure(figures(INTERVIEWS), "victims", frozenset({"victim", "interview"})) is None


def test_a_figure_asked_of_a_place_is_not_given_by_an_effort_that_names_no_such_place(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot2042 = blind_report_bot(tmp_path_factory, "reports22")
    national = bot2042.ask("how many children were taken into protective custody in 2042")
    assert "1,380 children" in claims(national)
    # the 1,380 are the whole country's: none of them is said to be Tokyo's
    in_tokyo = bot2042.ask("how many children in tokyo were taken into protective custody in 2042")
    assert in_tokyo.abstained and "1,380" not in claims(in_tokyo)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("a self-study course completed by 61k teachers.", [("61k teachers", "teachers")]),
        # what reached the figure is said before it
        ("Released the app (Jun 2050); downloads reached approx. 640k by March.",
         [("approx. 640k downloads", "downloads")]),
        ("the number of centers increased to 52.", [("52 centers", "centers")]),
    ],
)  # fmt: skip
def test_a_figure_in_thousands_or_reached_by_a_noun_before_it_counts_that_noun(
    text: str, read: list[tuple[str, str]]
) -> None:
    assert [(s.text, s.noun) for s in figures(text)] == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("seminars: | Indicator | FY2055 | FY2056 | |---|---:|---:| | Seminars held | 10,420 "
         "| 10,870 | | Participants (thousand) | 401 | 415 |",
         ["10,420 seminars held in FY2055", "10,870 seminars held in FY2056",
          "401 thousand participants in FY2055", "415 thousand participants in FY2056"]),
        ("consultations received: | Channel | FY2055 | FY2056 | |---|---:|---:| | Telephone "
         "| 53,900 | 39,040 | | Chat | – | 22,380 |",
         ["53,900 consultations (telephone) in FY2055",
          "39,040 consultations (telephone) in FY2056",
          "22,380 consultations (chat) in FY2056"]),  # "–": no figure
        ("received: | Period | Consultations | |---|---:| | FY2055 (until 8 p.m.) | 12,300 | "
         "| FY2056 | 16,840 |",
         ["12,300 consultations in FY2055", "16,840 consultations in FY2056"]),
        ("counselors: | Staff | Number | Change | |---|---:|---:| | School counselors | about "
         "35,600 | +700 |",
         ["about 35,600 school counselors", "700 more school counselors"]),
        # what is counted in the table's own head; a part of it; "as follows" counts nothing
        ("its use was as follows. | Calls received | FY2055 | FY2056 | |---|---|---| | Total "
         "| 9,100 | 9,800 | | of which by chat | 2,100 | 3,300 |",
         ["9,100 calls (total) in FY2055", "9,800 calls (total) in FY2056",
          "2,100 calls (of which by chat) in FY2055", "3,300 calls (of which by chat) in FY2056"]),
        ("as follows. | Channel | FY2055 | FY2056 | |---|---|---| | Chat | 61,800 | 74,900 |",
         ["61,800 chat in FY2055", "74,900 chat in FY2056"]),
        # an acronym is no plural: "SNS chat" counts the consultations above it
        ("consultations received: | Channel | FY2055 | FY2056 | |---|---|---| | SNS chat | "
         "48,700 | 57,300 |",
         ["48,700 consultations (sns chat) in FY2055",
          "57,300 consultations (sns chat) in FY2056"]),
        # … or in the table's caption
        ("(Table 2). Table 2 – Consultations received | Channel | FY2055 | FY2056 | |---|---|"
         "---| | Social media | 41,900 | 57,240 |",
         ["41,900 consultations (social media) in FY2055",
          "57,240 consultations (social media) in FY2056"]),
        # what the rows that say it count, not a span of time said before the table
        ("received the reports below; most removed within two days. | Source | FY2055 | FY2056 | "
         "|---|---|---| | Public reports | 900 | 950 | | Total | 1,200 | 1,300 |",
         ["900 public reports in FY2055", "950 public reports in FY2056",
          "1,200 reports (total) in FY2055", "1,300 reports (total) in FY2056"]),
        # … but a row's own noun the text does not say is no noun of the others
        ("Table 2. Cases cleared, by offense | Offense | FY2055 | FY2056 | |---|---|---| | "
         "Child pornography | 2,941 | 3,108 | | Prefectural ordinances | 1,377 | 1,402 |",
         ["2,941 cases (child pornography) in FY2055", "3,108 cases (child pornography) in FY2056",
          "1,377 prefectural ordinances in FY2055", "1,402 prefectural ordinances in FY2056"]),
        # a quarter's code, as a question says it
        ("calls: | Quarter | FY2055 | FY2056 | |---|---|---| | QTR 3 | 7,100 | 7,400 |",
         ["7,100 calls (third quarter) in FY2055", "7,400 calls (third quarter) in FY2056"]),
    ],
)  # fmt: skip
def test_a_markdown_table_is_read_cell_by_cell(text: str, read: list[str]) -> None:
    cells, _ = table_cells(text)
    assert [c.text for c in cells] == read
    assert all(c.earlier == ("FY2055" in c.text) for c in cells if "FY" in c.text)


def test_a_row_by_year_set_with_leader_dots_gives_each_year_s_figure_of_its_label() -> None:
    text = (
        "Ran the guardians' line 24/7 from 01/04/2080; calls received: "
        "FY2079 .................... 12,310 FY2080 .................... 14,020"
    )
    spans = {s.text: s for s in figures(text)}
    assert set(spans) == {"14,020 calls received in FY2080", "12,310 calls received in FY2079"}
    assert spans["12,310 calls received in FY2079"].earlier  # the year before the report's


def test_a_hyphenated_row_label_is_named_without_its_hyphen(tmp_path: Path) -> None:
    bot = report_bot(
        tmp_path,
        "Recorded the consultations of the line by channel. Consultations received "
        "| Channel | FY2079 | FY2080 | |---|---|---| | Telephone | 51,200 | 53,900 | "
        "| E-mail | – | 3,700 | [CFA]",
    )
    said = claims(bot.ask("how many consultations by email did the line get in FY2080?"))
    assert "3,700" in said and "53,900" not in said


def test_a_row_named_in_brackets_is_asked_by_its_name(tmp_path: Path) -> None:
    bot = report_bot(
        tmp_path,
        "Compiled the consultations of the hotline and its chat (Table 2). Table 2 – "
        "Consultations received | Channel | FY2079 | FY2080 | |---|---|---| "
        '| Telephone (189) | 71,300 | 74,800 | | Chat ("Hinata Talk") | 22,100 | 26,450 | [CFA]',
    )
    said = claims(bot.ask("how many consultations did hinata talk get in fy2080?"))
    assert "26,450" in said and "“Hinata Talk”" in said and "74,800" not in said
