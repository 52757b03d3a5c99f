"""Conversations: a follow-up carries context only when it is elliptical or refers back.

``ask`` returns the conversation state (``answer.context``) to pass to the next question;
a self-contained question starts fresh whatever came before, and an answer that used the
previous turn says what it carried over.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Answer, Assistant, Context
from assistant.claims import claims
from tests.conftest import FakeEmbedder, blind_report_bot

MEXT_FY2019 = ["fy2019-2.1.1", "fy2019-2.1.2", "fy2019-6.1.1"]
MHLW_FY2019 = ["fy2019-4.1.1", "fy2019-6.2.1"]


def cited(answer: Answer) -> list[str]:
    return [c.effort_id for c in answer.citations]


def then(bot: Assistant, first: str, second: str) -> Answer:
    return bot.ask(second, context=bot.ask(first).context)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("What did MEXT do in FY2019?", "When was the symposium held?", ["fy2019-1.1.1"]),
        ("What did MEXT do in FY2019?", "What did MHLW do?", MHLW_FY2019),
        ("When was the symposium held?", "What did MOJ do?", ["fy2019-5.2.1"]),
        ("What did the police do?", "Which efforts were joint?", ["fy2019-2.1.1", "fy2019-2.1.2"]),
        ("What did MEXT do in FY2019?", "What does METI stand for?", []),
        ("What did MEXT do in FY2019?", "What are the pillars of the plan?", []),
    ],
)
def test_a_self_contained_question_starts_fresh(
    bot: Assistant, first: str, second: str, expected: list[str]
) -> None:
    answer = then(bot, first, second)
    assert cited(answer) == expected
    assert answer.carried == ()
    assert "Following up" not in answer.text


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("What did MEXT do in FY2019?", "And MHLW?", MHLW_FY2019),
        ("What did MEXT do in FY2019?", "and in may?", ["fy2019-6.1.1"]),
        ("What did MEXT do in FY2019?", "how many are there?", MEXT_FY2019),
        ("What did MEXT do in FY2019?", "which of those were joint?", MEXT_FY2019[:2]),
        ("What did MEXT do in FY2019?", "tell me more about the second one", ["fy2019-2.1.2"]),
        ("When was the symposium held?", "who ran it?", ["fy2019-1.1.1"]),
        ("What did the justice ministry do?", "was it ever evaluated?", ["fy2019-5.2.1"]),
        ("What did MEXT do in FY2019?", "What did they do in May?", ["fy2019-6.1.1"]),
        ("What did MEXT do in FY2019?", "and which of those were with the NPA?", ["fy2019-2.1.2"]),
        ("What did MEXT do in FY2019?", "which one was about a guidebook?", ["fy2019-6.1.1"]),
        ("How many representatives came to the meeting?", "and how many people?", ["fy2019-1.2.1"]),
        ("When was the Specialist Group Meeting held?", "How many attended?", ["fy2019-1.2.1"]),
        ("what did the police do", "and which of those had a date", ["fy2019-1.2.1"]),
        # a word or two of the effort just given, and the fact asked of it
        ("tell me about the guidebook for schools", "published on what date", ["fy2019-6.1.1"]),
        (
            "Who distributed the leaflet to boards of education?",
            "whats it called",
            ["fy2019-2.1.2"],
        ),
    ],
)
def test_an_elliptical_follow_up_carries_the_previous_turn(
    bot: Assistant, first: str, second: str, expected: list[str]
) -> None:
    answer = then(bot, first, second)
    assert cited(answer) == expected
    assert answer.carried
    assert "Following up on" in answer.text


def test_a_follow_up_naming_only_another_year_asks_the_same_of_that_year(
    multi: Assistant,
) -> None:
    first = multi.ask("whats the deletion rate of the hotline items at the end of fy2023")
    answer = multi.ask("whats the rate for 2020 then", context=first.context)
    assert cited(answer) == ["fy2020-3.1.1"] and "94.7%" in claims(answer)


def test_the_same_for_another_year_after_a_pick_asks_that_year_with_the_same_filters(
    multi: Assistant,
) -> None:
    listed = multi.ask("list the MIC efforts in 2020")
    shared = multi.ask("only the ones done with another body", context=listed.context)
    assert cited(shared) == ["fy2020-3.1.2"]
    answer = multi.ask("now the same for 2019", context=shared.context)
    assert cited(answer) == ["fy2019-2.1.1"]  # MIC's shared effort of FY2019, not none


def test_the_same_in_other_years_is_searched_in_every_year_not_among_the_last_answer(
    multi: Assistant,
) -> None:
    first = multi.ask("what did MEXT do in FY2019?")
    answer = multi.ask(
        "did they do that every year? the seminars on internet safety i mean",
        context=first.context,
    )
    assert {"fy2019-2.1.1", "fy2023-2.1.1"} <= set(cited(answer))


def test_among_the_previous_efforts_those_that_say_the_word_are_the_answer(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # FY2019 and FY2039: "SNS" is in many efforts, so it is no rare word of the reports,
    # but among the police's FY2019 efforts it tells the two that say it
    bot = blind_report_bot(tmp_path_factory, "reports19")
    answer = then(bot, "what did the police do in FY2019?", "which of those were about SNS?")
    assert set(cited(answer)) == {"fy2019-3.1.1", "fy2019-4.2.1"}


def test_which_of_those_fall_in_a_time_are_the_previous_efforts_so_dated(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = blind_report_bot(tmp_path_factory, "reports31")
    first = bot.ask("What did MHLW do in FY2051?")
    answer = bot.ask("which of those mention a month in the second half of the fiscal year?",
                     context=first.context)  # fmt: skip
    assert [c.effort_id for c in answer.citations] == ["fy2051-5.2.3", "fy2051-6.2.3"]


def test_how_many_after_a_list_counts_its_efforts(bot: Assistant) -> None:
    listed = bot.ask("which FY2019 efforts does the NPA have?")
    answer = bot.ask("how many was that?", context=listed.context)
    assert "There are 5 efforts" in answer.text
    assert len(answer.citations) == len(listed.citations) == 5


def test_of_these_before_the_question_picks_from_the_previous_answer(bot: Assistant) -> None:
    first = bot.ask("What did MEXT do?")
    answer = bot.ask("Of these, which are dated in May?", context=first.context)
    assert [c.effort_id for c in answer.citations] == ["fy2019-6.1.1"]  # the guidebook


@pytest.mark.parametrize("question", ["how many were joint?", "of those, how many were shared?"])
def test_how_many_were_joint_after_a_list_counts_its_shared_efforts(
    bot: Assistant, question: str
) -> None:
    first = bot.ask("What did MEXT do?")
    answer = bot.ask(question, context=first.context)
    assert answer.kind == "count"
    assert [c.effort_id for c in answer.citations] == ["fy2019-2.1.1", "fy2019-2.1.2"]


def test_the_same_for_two_other_bodies_after_what_two_shared_asks_what_they_shared(
    bot: Assistant,
) -> None:
    answer = then(bot, "which efforts did the police share with MEXT?", "same, but MIC and MEXT")
    assert cited(answer) == ["fy2019-2.1.1"]  # not every joint effort of either


def test_the_answer_says_what_it_carried_over(bot: Assistant) -> None:
    answer = then(bot, "What did MEXT do in FY2019?", "And MHLW?")
    assert answer.carried == ("FY2019",)
    assert "_Following up on FY2019._" in answer.text


def test_who_ran_it_names_the_ministry_of_the_previous_answer(bot: Assistant) -> None:
    answer = then(bot, "When was the symposium held?", "Which ministry organized it?")
    assert "CAO" in answer.text


def test_which_ministry_did_that_asks_who_did_the_effort_just_given(bot: Assistant) -> None:
    first = "what happened to the child abuse hotline in december 2019?"
    answer = then(bot, first, "which ministry did that?")
    assert [c.effort_id for c in answer.citations] == ["fy2019-4.1.1"]
    assert "Ministry of Health, Labour and Welfare (MHLW) was responsible" in claims(answer)


def test_a_figure_asked_with_a_second_ask_that_points_back_is_of_the_same_effort(
    bot: Assistant,
) -> None:
    first = "tell me about the specialist group meeting"
    answer = then(bot, first, "how many people came and who organized it?")
    assert [c.effort_id for c in answer.citations] == ["fy2019-1.2.1"]
    assert "about 220 representatives" in claims(answer)


def test_a_month_follow_up_keeps_the_year_of_the_previous_question(multi: Assistant) -> None:
    answer = then(multi, "What happened in July 2020?", "what about in December?")
    assert cited(answer) == ["fy2020-1.2.1"]


@pytest.mark.parametrize(
    ("second", "year"),
    [("And the year before?", 2019), ("what about the previous fiscal year", 2019)],
)
def test_a_year_named_relative_to_the_previous_one_moves_that_year(
    multi: Assistant, second: str, year: int
) -> None:
    answer = then(multi, "What did MEXT do in FY2020?", second)
    assert answer.citations
    assert {c.fiscal_year for c in answer.citations} == {year}
    assert all("MEXT" in c.ministries for c in answer.citations)


def test_a_relative_year_with_no_report_loaded_says_the_year_is_not_covered(
    multi: Assistant,
) -> None:
    answer = then(multi, "What did MEXT do in FY2020?", "and the following year?")
    assert "2021" in answer.text and not answer.citations


def test_a_follow_up_on_a_measure_keeps_the_measure(bot: Assistant) -> None:
    answer = then(bot, "What is measure 4.2 about?", "And what efforts are listed under it?")
    assert cited(answer) == ["fy2019-4.2.1"]
    assert "measure 4.2" in answer.text


def test_the_context_survives_a_round_trip_through_json(bot: Assistant) -> None:
    first = bot.ask("What did MEXT do in FY2019?")
    kept = Context.model_validate(first.context.model_dump(mode="json"))
    assert cited(bot.ask("And MHLW?", context=kept)) == MHLW_FY2019


def test_a_history_of_questions_is_the_same_as_passing_the_context(bot: Assistant) -> None:
    by_history = bot.ask("And MHLW?", history=["What did MEXT do in FY2019?"])
    by_context = then(bot, "What did MEXT do in FY2019?", "And MHLW?")
    assert cited(by_history) == cited(by_context)


def test_an_item_the_previous_answer_does_not_have_is_said_to_be_missing(bot: Assistant) -> None:
    answer = then(bot, "What did MOJ do?", "tell me more about the fifth one")
    assert answer.citations == ()
    assert "no such item" in answer.text


def test_greetings_and_thanks_keep_the_conversation(bot: Assistant) -> None:
    first = bot.ask("What did MEXT do in FY2019?")
    thanks = bot.ask("thanks!", context=first.context)
    assert thanks.kind == "chitchat" and thanks.citations == ()
    assert cited(bot.ask("And MHLW?", context=thanks.context)) == MHLW_FY2019


def test_a_swap_after_a_pick_asks_the_same_of_the_same_efforts(multi: Assistant) -> None:
    mext = multi.ask("What did MEXT do in FY2023?")
    with_mic = multi.ask("Which of those were joint with MIC?", context=mext.context)
    with_npa = multi.ask("And with the NPA?", context=with_mic.context)
    assert {c.effort_id for c in with_mic.citations} <= {c.effort_id for c in mext.citations}
    assert with_npa.citations == ()  # none of MEXT's FY2023 efforts is shared with the NPA
    assert "among those efforts" in with_npa.text
    assert "the same 3 efforts" in with_npa.text


def test_how_many_of_those_after_one_effort_asks_a_figure_it_gives(bot: Assistant) -> None:
    first, then_asked = "What did the MHLW do about the hotline?", "How many of those were free?"
    answer = then(bot, first, then_asked)
    # one effort is no list to count: a figure of it, here one it does not give
    assert answer.kind != "count" and answer.abstained
    assert cited(answer) == ["fy2019-4.1.1"]


def test_and_before_a_question_word_asks_anew_of_the_same_effort(bot: Assistant) -> None:
    # "and who organised it?" swaps nothing into the previous question: it asks who
    answer = then(bot, "When was the 4th Specialist Group Meeting held?", "and who organised it?")
    assert [c.effort_id for c in answer.citations] == ["fy2019-1.2.1"]
    assert answer.kind == "who" and "NPA" in answer.text


def test_a_follow_on_that_swaps_nothing_asks_about_the_previous_answer(bot: Assistant) -> None:
    # "and did they check whether it worked?" names no ministry or year to swap in
    answer = then(bot, "what did the justice ministry do in FY2019?", "and did they check it?")
    assert cited(answer) == ["fy2019-5.2.1"] and not answer.abstained


def test_a_thing_named_with_the_that_one_listed_effort_holds_is_asked_of_it(
    bot: Assistant,
) -> None:
    # "the specialist group" after a list holding one Specialist Group Meeting: that effort
    answer = then(bot, "What did the police do in FY2019?", "when did the specialist group meet?")
    assert cited(answer) == ["fy2019-1.2.1"]
    assert "previous answer" in answer.text


def test_sections_named_together_keep_the_efforts_of_any_of_them(bot: Assistant) -> None:
    both = bot.ask("which efforts are listed in sections 5 and 6?")
    assert {c.effort_id.split("-")[1][0] for c in both.citations} == {"5", "6"}
    assert "sections 5 and 6" in both.text
    # … and narrow a previous answer the same way
    mext = bot.ask("only those in sections 1 and 6", history=["What did MEXT do?"])
    assert [c.effort_id for c in mext.citations] == ["fy2019-6.1.1"]


def test_only_those_after_a_ministrys_efforts_narrows_them(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = blind_report_bot(tmp_path_factory, "reports39")
    history = ["Which FY2059 efforts did the Ministry of Justice take part in?"]
    joint = bot.ask("Now only those done jointly with the National Police Agency.", history=history)
    # the Ministry of Justice's efforts the NPA shared, not every effort the NPA shared
    assert joint.citations
    assert all({"MOJ", "NPA"} <= set(c.ministries) for c in joint.citations)


def test_how_many_are_there_after_things_named_alone_counts_those_things(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot2071 = blind_report_bot(tmp_path_factory, "reports52")
    answer = then(bot2071, "tell me about school social workers in 2071", "how many are there?")
    assert "21,300" in claims(answer)  # the workers the effort counts, not the year's efforts
    assert cited(answer) == ["fy2071-6.1.2"]
    # after a ministry's efforts on them, it still counts the efforts listed
    listed = then(
        bot2071, "what did MEXT do about school social workers in 2071", "how many are there?"
    )
    assert listed.kind == "count"


def test_a_fact_asked_of_what_the_previous_question_named_is_asked_of_its_effort(
    tmp_path: Path,
) -> None:
    report = tmp_path / "fy2080.txt"
    report.write_text(
        "FY2080 Efforts on the Plan\n1. Research\nO Surveys\n"
        "· Conducted a survey of 9,000 pupils on online harm (June 2080). [CFA]\n"
        "· Ran a survey of 5,000 kids and their parents on screen time (July 2080). [MIC]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    first = bot.ask("what did the CFA survey of pupils look at?")
    assert cited(first)[0] == "fy2080-1.1.1"
    # it names only what the previous question was about: that survey, not the one of kids
    answer = bot.ask("how many kids were surveyed?", context=first.context)
    assert cited(answer) == ["fy2080-1.1.1"] and "9,000" in claims(answer)


def test_a_bare_count_naming_only_the_years_time_counts_what_was_asked_about(
    tmp_path: Path,
) -> None:
    report = tmp_path / "fy2080.txt"
    report.write_text(
        "FY2080 Efforts on the Plan\n6. Foundation\nO Centers\n"
        "· Raised the number of child welfare officers to 8,120. [CFA]\n"
        "· Held 40 seminars for teachers. [MEXT]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    first = bot.ask("child welfare officers fy2080?")
    answer = bot.ask("and how many are there in fy2080 vs before?", context=first.context)
    assert "8,120" in claims(answer)  # the officers, not the year's 2 efforts


def test_a_fact_the_effort_just_given_does_not_count_is_found_beside_it(
    tmp_path: Path,
) -> None:
    report = tmp_path / "fy2089.txt"
    report.write_text(
        "FY2089 Efforts on the Plan\n4. Support\nO Consultations\n"
        '· Extended the chat line "Kodomo Line" to 24 hours a day and received 61,400 chats '
        "in FY2089. [CFA]\n"
        "· Recruited 140 more chat counsellors for the line, bringing the total to 380. [CFA]\n"
        "· Held a seminar on grooming for 300 teachers. [MEXT]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    first = bot.ask("how many chats did the kodomo line get")
    assert "61,400" in claims(first)
    answer = bot.ask("how many counsellors did it have at the end", context=first.context)
    assert cited(answer) == ["fy2089-4.1.2"] and "380" in claims(answer)
    # nothing beside it counts victims: not given, no other figure
    assert bot.ask("how many victims were there?", context=first.context).abstained
