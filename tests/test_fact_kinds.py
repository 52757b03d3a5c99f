"""Facts of every kind a question asks for, read with field libraries and the report's own
phrases: languages from ISO 639, durations written as "three minutes long", the venue a
place is in, who chaired or hosted something, which edition was published, and asks
joined before one clause ("where and when …").

The answers come from the invented FY2027 development report (``reports8``), which none
of these rules were written against in advance of its questions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.claims import claims
from assistant.compound import joined_facts
from assistant.facts import figures
from assistant.facts_names import issue_of
from assistant.facts_people import agent
from assistant.facts_pick import measure_of, pick_figure
from assistant.facts_places import places
from assistant.gazetteer import places_of_kind
from assistant.intents import stem
from assistant.name_checks import is_headed_by
from assistant.text import joined_heads, two_asks
from tests.conftest import blind_report_bot, report_bot


@pytest.fixture(scope="module")
def bot2027(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return blind_report_bot(tmp_path_factory, "reports8")


def test_languages_are_the_names_iso_639_knows() -> None:
    text = "Added English, Chinese, Vietnamese and Tagalog support to the chat (May 2027)."
    assert places_of_kind(text, "language") == ["English", "Chinese", "Vietnamese", "Tagalog"]
    assert places_of_kind("Held the May Forum in English Bay", "language") == ["English"]
    assert places_of_kind("Trained 40 Police officers", "language") == []


def test_a_city_the_list_lacks_is_the_name_written_before_its_country() -> None:
    text = "Held a course in Ulaanbaatar, Mongolia for 45 border officers (October 2070)."
    assert places_of_kind(text, "city") == ["Ulaanbaatar"]
    assert places_of_kind("Sent officers to Mongolia and Peru", "city") == []


def test_a_unit_right_after_a_figure_is_its_whole_noun() -> None:
    (videos, length) = figures("Produced five videos, each about three minutes long, for pupils.")
    assert (videos.noun, length.kind, length.noun) == ("videos", "duration", "minutes")
    (money,) = figures("Contributed 45 million yen to a UNICEF project.")
    assert money.kind == "money"


@pytest.mark.parametrize(
    ("unit", "measure"),
    [("budget", "money"), ("cost", "money"), ("yen", "money"), ("weeks", "duration"),
     ("percent", "percent"), ("people", None), ("schools", None), (None, None)],
)
def test_a_unit_says_when_it_asks_a_sum_a_duration_or_a_share(
    unit: str | None, measure: str | None
) -> None:
    assert measure_of(unit) == measure


def test_a_venue_keeps_the_named_place_it_is_in() -> None:
    text = "Trained 150 investigators at the National Police Academy in Fuchu, Tokyo (June 2027)."
    assert places(text)[0].text == "at the National Police Academy in Fuchu, Tokyo"
    assert [s.text for s in places("Held a course at the training center in July 2020.")] == [
        "at the training center"
    ]


@pytest.mark.parametrize(
    ("text", "asked", "found"),
    [
        ("A group chaired by a professor at Keio University; it met four times.", "chaired",
         ("chaired", "a professor at Keio University")),
        ("A symposium organized by the NPA and the CAO in July.", "organized",
         ("organized", "the NPA and the CAO")),
        ("A group chaired by Dr Sato and held six meetings.", "chaired", ("chaired", "Dr Sato")),
        # a verb of the same doing: "who runs it" of "operated by"; a quoted name whole
        ("The center is operated by the NPO “Kodomo no Mori.” [CFA]", "runs",
         ("operated", "the NPO “Kodomo no Mori”")),
        ("Increased by 1,000 persons.", "increased", None),  # a figure is no agent
        ("A group chaired by Dr Sato.", "organized", None),  # another verb
        # a partner: "co-organised" asked, "co-organized with" written
        ("Held a workshop in Bangkok, co-organized with the Royal Thai Police; 14 came.",
         "co-organised", ("co-organized with", "the Royal Thai Police")),
        ("Co-hosted, with the Government of Thailand, a meeting.", "co-hosted",
         ("Co-hosted with", "the Government of Thailand")),
        # the partner ends where the thing done begins: its article or its quoted title
        ("Co-hosted with UNICEF the \"Pacific Forum\" in Suva.", "co-hosted",
         ("Co-hosted with", "UNICEF")),
        # a title's full stop is no end of the agent, nor is a long institution's name
        ("A panel chaired by Dr. Ryo Tsukamoto of the National Institute of Population and "
         "Social Security Research, four times.", "chaired",
         ("chaired", "Dr. Ryo Tsukamoto of the National Institute of Population and Social "
          "Security Research")),  # the title as the text has it
    ],
)
def test_who_did_what_a_verb_says_is_read_from_its_by_phrase(
    text: str, asked: str, found: tuple[str, str] | None
) -> None:
    assert agent(text, frozenset({stem(asked), asked})) == found


def test_which_edition_is_the_qualified_issue_the_effort_names() -> None:
    text = 'Revised the "Internet Trouble Casebook" (2028 edition) and published it.'
    assert issue_of(text, "edition") == "2028 edition"
    assert issue_of("Held the 5th round of talks", "round") == "5th round"
    assert issue_of(text, "round") is None


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("Where and when was the course held?", ("Where was the course held?",
                                                 "when was the course held?")),
        ("where and on which dates did they train?", ("where did they train?",
                                                      "on which dates did they train?")),
        ("Who and what was it?", None),  # "what was" asks, it names nothing
        ("where is the hotline and when did it open", None),  # two clauses: two_asks
        # a follow-up's own "and" before them
        ("and when and where did it open?", ("when did it open?", "where did it open?")),
    ],
)
def test_question_words_joined_before_one_clause_each_ask_it(
    question: str, parts: tuple[str, str] | None
) -> None:
    assert joined_heads(question) == parts


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("phone number and opening hours of the hotline?",
         ("phone number of the hotline?", "opening hours of the hotline?")),
        ("what was the date and venue of the symposium",
         ("what was the date of the symposium", "what was the venue of the symposium")),
        # the second fact added after the thing, with "+" or as an afterthought
        ("whats the phone number of the hotline + opening hours?",
         ("whats the phone number of the hotline?", "whats the opening hours of the hotline?")),
        ("what is the address of the website? and the name?",
         ("what is the address of the website?", "what is the name of the website?")),
        ("what is the name of the hotline and how many calls did it get?", None),
        # two things of a kind asked by one "which"
        ("in which city and prefecture was the forum held?",
         ("in which city was the forum held?", "in which prefecture was the forum held?")),
        ("which ministries and agencies were credited?", None),  # the bodies credited, as one
        ("tell me what NPA and MOFA did together in 2019", None),  # two ministries, one ask
    ],
)  # fmt: skip
def test_facts_asked_by_their_nouns_of_one_thing_each_ask_it(
    question: str, parts: tuple[str, str] | None
) -> None:
    assert joined_facts(question) == parts


def test_two_facts_asked_by_their_nouns_are_both_stated(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = blind_report_bot(tmp_path_factory, "reports25")
    answer = bot.ask("phone number + opening hours of the parents online safety hotline?")
    assert "0570-017-245" in claims(answer) and "10:00-20:00" in claims(answer)


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("how many child prostitution cases were cleared in 2045 compared with the year before?",
         ["628", "655"]),
        ("what share of junior high school students owned a smartphone in fy2045, versus the "
         "previous year?", ["94.6%", "93.8%"]),
        # asked as a second question of the same thing
        ("what share of junior high school students owned a smartphone, and what was the "
         "figure a year earlier?", ["94.6%", "93.8%"]),
    ],
)  # fmt: skip
def test_a_figure_asked_beside_the_previous_years_states_both(
    tmp_path_factory: pytest.TempPathFactory, question: str, stated: list[str]
) -> None:
    bot = blind_report_bot(tmp_path_factory, "reports25")
    said = claims(bot.ask(question))
    assert all(figure in said for figure in stated), said
    assert "71.3%" not in said and "68.0%" not in said  # elementary school students'


def test_the_same_fact_of_another_group_asked_alone_is_answered_too(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = blind_report_bot(tmp_path_factory, "reports11")
    answer = bot.ask("in the survey of young adults, what % of women had experienced it? and men?")
    assert "6.8%" in claims(answer) and "2.1%" in claims(answer)


def test_an_informal_n_joins_two_asks() -> None:
    assert two_asks("how many staff got the training n where was it") == (
        "how many staff got the training",
        "where was it",
    )


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("How many items were removed, and to hotlines in how many countries did reports go?",
         ("How many items were removed", "to hotlines in how many countries did reports go?")),
        ("How long is the video, and to roughly how many schools did its DVD go?",
         ("How long is the video", "to roughly how many schools did its DVD go?")),
        ("how many teachers in how many schools", None),  # one clause, no coordinator
        ("in which month, and officials from how many countries attended?",
         ("in which month", "officials from how many countries attended?")),
        ("When was it held, and in Tokyo how was it received", None),  # far: counts only
    ],
)
def test_a_second_ask_may_lead_with_a_phrase_before_its_question_word(
    question: str, parts: tuple[str, str] | None
) -> None:
    assert two_asks(question) == parts


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("Which languages were added to Cure Time?", "English, Chinese, Vietnamese"),
        ("How long is each of the animated videos for elementary school pupils?",
         "three minutes"),
        ("In how many cities were briefing sessions on the Japanese DBS held?", "10 cities"),
        ("Where and on which dates did the 150 investigators receive their digital "
         "forensics training?", "Fuchu"),
        ("Where and when was the training course for staff of the One-Stop Support Centers "
         "held?", "Osaka"),
        ("who chaired the study group on AI images??", "Keio University"),
        ("which edition of the Internet Trouble Casebook came out", "2028 edition"),
    ],
)
def test_facts_of_every_kind_are_stated_in_the_answer(
    bot2027: Assistant, question: str, stated: str
) -> None:
    answer = bot2027.ask(question)
    assert not answer.abstained
    assert stated in claims(answer)


def test_a_budget_is_a_sum_the_reports_do_not_give_not_a_list_of_efforts(
    bot2027: Assistant,
) -> None:
    answer = bot2027.ask("What was the Children and Families Agency's total budget in FY2027?")
    assert answer.abstained and "budget" in claims(answer)
    assert len(answer.citations) <= 1


def test_a_budget_asked_in_an_unfamiliar_shape_is_still_a_sum_not_given(
    bot2027: Assistant,
) -> None:
    answer = bot2027.ask("whats the yearly budget of the CFA for protecting kids online")
    assert answer.abstained and "budget" in claims(answer)


def test_things_named_with_or_between_them_are_each_enough(bot2027: Assistant) -> None:
    answer = bot2027.ask("Which efforts mention generative AI or deepfakes?")
    assert [c.effort_id for c in answer.citations] == ["fy2027-2.1.2", "fy2027-3.2.3"]
    assert "“generative AI” or “deepfake”" in answer.text


def test_a_question_far_outside_the_reports_is_offered_no_nearest_effort(
    bot2027: Assistant,
) -> None:
    answer = bot2027.ask("hi! can u help me write a cover letter for a job at the foreign office")
    assert answer.abstained and answer.citations == ()


def test_every_single_effort_of_a_year_is_a_list_of_them_all(bot2027: Assistant) -> None:
    answer = bot2027.ask("give me every single fy2019 effort, all of them please")
    assert answer.total == 11 and len(answer.citations) == 11


def test_two_whos_each_naming_their_own_effort_are_two_searches(bot2027: Assistant) -> None:
    answer = bot2027.ask(
        "Who held the seminar for labor standards inspectors, and who sent the notice to "
        "medical institutions?"
    )
    assert [c.effort_id for c in answer.citations] == ["fy2027-6.3.3", "fy2027-6.3.2"]
    # a second ask of another kind stays with the effort the first one found
    one = bot2027.ask("In which city was the INTERPOL Specialists Group meeting held, and how "
                      "many investigators were sent?")
    assert [c.effort_id for c in one.citations] == ["fy2027-1.3.2"]


def test_a_sections_title_restated_beside_its_number_asks_for_the_whole_section(
    bot2027: Assistant,
) -> None:
    answer = bot2027.ask(
        "What was done under pillar 4 (prompt protection of and appropriate support for child "
        "victims) in FY2019?"
    )
    assert [c.effort_id for c in answer.citations] == ["fy2019-4.1.1", "fy2019-4.2.1"]


def test_a_word_matched_inside_a_hyphenated_compound_is_quoted_whole() -> None:
    from assistant.literal import literal_terms

    assert literal_terms("free call", "made the number toll-free (Dec. 2019)", single=True) == (
        "toll-free",
    )
    assert literal_terms("one stop centers", "opened one-stop centers", single=True) == (
        "one-stop centers",
    )


def test_the_facts_of_several_asks_are_answered_when_one_ask_is_open(bot2027: Assistant) -> None:
    answer = bot2027.ask(
        "Which edition of the Internet Trouble Casebook was published, in which month, and "
        "what new kind of case did it add?"
    )
    assert "2028 edition" in claims(answer) and "March 2028" in claims(answer)


def test_a_count_asked_with_the_reports_own_year_is_not_read_from_that_year_s_cell(
    tmp_path: Path,
) -> None:
    bot = report_bot(
        tmp_path,
        'Operated the chat service "Kodama Chat" around the clock with 540 counselors; '
        "consultations received: FY2079 41,200 FY2080 47,900 [CFA]",
    )
    # the effort's own figures are of its own year: FY2080's cell counts consultations
    assert "540" in claims(bot.ask("how many counselors did kodama chat have in fy2080?"))
    received = claims(bot.ask("how many consultations did kodama chat receive in fy2080?"))
    assert "47,900" in received and "540" not in received


def test_a_table_s_row_the_question_names_gives_the_count_the_table_does_not_name(
    tmp_path: Path,
) -> None:
    bot = report_bot(
        tmp_path,
        "Kept the hotline open around the clock; its use changed as follows. "
        "| Channel | FY2079 | FY2080 | |---|---|---| | Telephone | 402,100 | 398,800 | "
        "| Chat | 50,200 | 63,400 | [CFA]",
    )
    chats = claims(bot.ask("How many chat consultations did the hotline handle in FY2080?"))
    assert "63,400" in chats and "398,800" not in chats
    victims = bot.ask("how many victims did the hotline help in FY2080?")
    assert victims.abstained and not re.search(r"\d{2},\d{3}", claims(victims))


def test_people_who_did_something_else_after_a_count_of_people_are_people_too(
    tmp_path: Path,
) -> None:
    bot = report_bot(
        tmp_path,
        'Held the "Forum on Safe Play" in Matsue (July 2080); 730 people attended in '
        "person and about 1,900 followed the live stream. [CAO]",
    )
    streamed = claims(bot.ask("how many people followed the forum on the live stream?"))
    assert "1,900" in streamed and "730" not in streamed
    assert "730" in claims(bot.ask("how many people attended the forum in person?"))
    checked = figures("Checked 41,000 applicants, and 96 had a relevant conviction.")
    assert [(s.text, s.noun) for s in checked][1] == ("96 had a relevant conviction", "people")
    # no people before it: a past verb after a figure is not taken for people
    (operators, done) = figures("Asked 22 operators to act; 17 introduced the feature.")
    assert done.noun != "people"


@pytest.mark.parametrize("asked", ["questions", "queries", "enquiries"])
def test_the_questions_a_service_answered_are_its_inquiries(asked: str) -> None:
    spans = figures("Opened a chat for guardians (May 2080); it answered 18,400 inquiries.")
    picked = pick_figure(spans, asked, frozenset({"chat"}))
    assert picked is not None and picked.text == "18,400 inquiries"


def test_a_name_the_question_only_describes_is_not_taken_as_stated(tmp_path: Path) -> None:
    bot = report_bot(
        tmp_path,
        'Renamed the helpline for reporting abuse from "Kodomo Line" to "Kodomo Safety '
        'Line" and set up a line dedicated to advice, called the "Parent Advice Line" '
        "(June 2080). [CFA]",
    )
    # its words are all in the question, but not in a row: the question describes it
    asked = "what name was given to the new line dedicated to advice for parents?"
    assert "“Parent Advice Line”" in claims(bot.ask(asked))
    renamed = claims(bot.ask("what was the helpline renamed to?"))
    assert "Kodomo Safety Line" in renamed and "set up" not in renamed  # a second deed


def test_a_name_ending_in_a_compound_of_the_noun_asked_is_one(tmp_path: Path) -> None:
    bot = report_bot(
        tmp_path, 'Opened the "Kids Support Hotline" for children in care (May 2080). [MHLW]'
    )
    assert "“Kids Support Hotline”" in claims(
        bot.ask("what was the line for children in care called?")
    )
    assert not is_headed_by("Safety Online Forum", "line")


@pytest.mark.parametrize(("asked", "given"), [("dad", False), ("mum", False), ("chat", True)])
def test_a_figure_whose_sentence_names_no_fathers_or_mothers_gives_none_of_theirs(
    asked: str, given: bool
) -> None:
    spans = figures("Operated a chat for parents; it received 12,400 consultations.")
    # "how many consultations came from dads?"
    worded = frozenset({"how", "mani", "consult", "came", "from", stem(asked)})
    source = frozenset({stem(asked)})
    picked = pick_figure(spans, "consultations", frozenset({"chat"}), worded=worded, sources=source)
    assert (picked is not None) is given
    split = figures("It received 12,400 consultations, 3,100 of them from fathers.")
    assert pick_figure(split, None, frozenset(), worded=worded, sources=source) is not None
    # "how many dads vs moms": a split asked, without "from"
    both = frozenset({"how", "mani", "dad", "vs", "mom"})
    assert pick_figure(spans, None, frozenset({"chat"}), worded=both) is None


def test_those_who_did_what_a_part_of_a_whole_did_are_that_part(tmp_path: Path) -> None:
    bot = report_bot(
        tmp_path,
        'Held the third examination for the "Youth Safety Advisor" qualification '
        "(November 2080); 940 of the 1,480 candidates passed. [CFA]",
    )
    passed = claims(bot.ask("how many candidates passed the advisor examination?"))
    assert "940" in passed
    assert "940" not in claims(bot.ask("how many candidates sat the advisor examination?"))


def test_those_who_had_done_so_are_counted_by_what_they_were_asked_to_do(
    tmp_path: Path,
) -> None:
    bot = report_bot(
        tmp_path,
        "Asked video platforms to switch off direct messages from strangers by default, "
        "and 9 of the 14 companies had done so by March 2081. [MIC]",
    )
    done = claims(bot.ask("how many companies had switched off messages from strangers?"))
    assert "9 of the 14" in done
    asked = claims(bot.ask("how many companies were asked to switch off messages by default?"))
    assert "14" in asked and "9 of" not in asked


@pytest.mark.parametrize(("asked", "given"), [("refuges", "shelters"), ("flyers", "leaflets")])
def test_a_count_in_the_field_s_everyday_word_is_a_count_of_the_reports_term(
    asked: str, given: str
) -> None:
    # data/synonyms.json: "refuges" → "shelters", "flyer" → "leaflet"
    spans = figures(f"Supported 48 {given} for girls who left home (March 2081).")
    picked = pick_figure(spans, asked, frozenset({stem(asked), "girl"}))
    assert picked is not None and picked.text == f"48 {given}"


def test_a_calendar_year_no_effort_is_dated_in_is_the_year_an_effort_counts(
    tmp_path: Path,
) -> None:
    bot = report_bot(
        tmp_path,
        "Analysed 1,150 cases of child sexual exploitation cleared in calendar year 2081 to "
        "learn where offenders first met their victims. [NPA]",
        "Posted warning replies to risky messages on SNS; 1,470 children were taken into "
        "protective custody. [NPA]",
        year=2082,
    )
    answer = bot.ask("how many cleared cases from calendar 2081 did the police study?")
    assert "1,150" in claims(answer) and not answer.abstained
    # a figure of an effort that names no 2081 is no figure of calendar 2081
    answer = bot.ask("how many kids did the police take into custody in calendar year 2081?")
    assert "1,470" not in claims(answer) and answer.abstained


def test_a_figure_set_aside_in_the_question_is_not_its_answer(tmp_path: Path) -> None:
    bot = report_bot(
        tmp_path,
        "Held the symposium in Sendai (July 2080), with about 640 participants in the hall "
        "and 9,800 online viewers. [CAO]",
    )
    answer = bot.ask("how many folks sat in the hall (not the online viewers)?")
    assert "640" in claims(answer) and "9,800" not in claims(answer)


def test_the_theme_asked_of_an_event_is_what_the_effort_says_it_was_about(
    tmp_path: Path,
) -> None:
    bot = report_bot(
        tmp_path,
        "Held the 12th Youth Forum in Osaka (May 2080), with grooming through online games "
        "as its theme; about 300 attended. [CAO]",
    )
    answer = bot.ask("what was the theme of the youth forum?")
    assert "grooming through online games" in claims(answer)
    assert "12th Youth Forum" not in claims(answer)  # the name the question gives


def test_a_meetings_theme_may_follow_its_date(tmp_path: Path) -> None:
    bot = report_bot(
        tmp_path,
        "Organized the 40th Specialist Group Meeting (22.01.2081) on grooming in online "
        "games; about 410 representatives attended. [NPA]",
    )
    answer = bot.ask("the 40th specialist group meeting - what was its theme?")
    assert "grooming in online games" in claims(answer)


def test_a_count_of_those_who_failed_is_not_the_count_of_those_who_took_part(
    tmp_path: Path,
) -> None:
    bot = report_bot(
        tmp_path,
        "Ran a trial in which 3 game operators checked new users' ages with the digital ID "
        "card, with about 18,000 users taking part. [DA]",
    )
    answer = bot.ask("how many users failed the age check in the digital id trial?")
    assert "18,000" not in claims(answer) and answer.abstained


def test_no_ministry_is_the_ngo_a_question_asks_for(tmp_path: Path) -> None:
    bot = report_bot(
        tmp_path,
        "Subsidised an NGO's development of a free app that warns children before they send "
        "nude pictures; it was downloaded about 210,000 times. [CFA]",
    )
    answer = bot.ask("which NGO made the nude picture warning app?")
    assert "CFA" not in claims(answer) and "Children and Families" not in claims(answer)


def test_a_place_noun_naming_whose_staff_is_no_place(tmp_path: Path) -> None:
    bot = report_bot(
        tmp_path,
        "Held training in forensic interviewing for child guidance center staff and police "
        "officers in Fukuoka (January 2081), attended by about 350 participants. [CFA]",
    )
    said = claims(bot.ask("where was the forensic interviewing training held?"))
    assert "Fukuoka" in said and "guidance center" not in said


def test_a_city_state_is_the_city_asked_for(tmp_path: Path) -> None:
    bot = report_bot(
        tmp_path, "Sent investigators to the victim identification course held in Singapore. [NPA]"
    )
    assert "Singapore" in claims(bot.ask("which city was the victim identification course in?"))


def test_those_certified_after_an_examination_are_those_who_passed(tmp_path: Path) -> None:
    bot = report_bot(
        tmp_path,
        "Held the first examination for the new welfare qualification (November 2080); "
        "1,420 persons were certified. [CFA]",
    )
    said = claims(bot.ask("how many persons passed the first examination for the qualification?"))
    assert "1,420" in said
