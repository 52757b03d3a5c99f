"""How a question names what it asks for: which end of a span of time, the thing a name is
asked of, a sum of money, a number to dial, who chaired something, and which report.

The answers come from the invented FY2029 development report (``reports9``), written blind;
these readers were changed after its first run.
"""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.asked import bound, name_of, quantity_of, unit
from assistant.asked_names import asked_names
from assistant.claims import claims
from assistant.facts import figures
from assistant.facts_dates import clock_times
from assistant.facts_names import issue_of, names
from assistant.facts_people import agent
from assistant.facts_pick import pick_figure
from assistant.facts_places import places
from assistant.intents import Intent, stem
from assistant.reader import Reader
from assistant.refine import refine
from assistant.retrieval import Retriever
from assistant.text import two_asks
from corpus import BUNDLED_PLAN, load_corpus
from index.documents import build_chunks
from tests.conftest import EVALSET, FakeEmbedder, blind_report_bot


@pytest.fixture(scope="module")
def bot2029(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return blind_report_bot(tmp_path_factory, "reports9")


@pytest.fixture(scope="module")
def bot2031(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return blind_report_bot(tmp_path_factory, "reports11")


@pytest.mark.parametrize(
    ("question", "end"),
    [
        ("and by when?", "end"),
        ("until when does the campaign run?", "end"),
        ("from which fiscal year does it start?", "start"),
        ("since when has the chat been open?", "start"),
        ("when was the meeting held?", None),
        ("from when until when did it run?", None),  # both ends: the span as written
    ],
)
def test_a_question_may_ask_one_end_of_a_span_of_time(question: str, end: str | None) -> None:
    assert bound(question) == end


def test_by_when_is_answered_with_the_target_year_not_the_date_the_plan_was_made(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = Assistant.load(
        [BUNDLED_PLAN, EVALSET / "reports4" / "fy2018_efforts.txt"],
        index_dir=tmp_path_factory.mktemp("idx2018"),
        embedder=FakeEmbedder(),
    )
    answer = bot.ask(
        "By how many persons are child welfare officers to be increased under the plan "
        "formulated in December 2018, and by when?"
    )
    assert "by FY2022" in claims(answer) and "2,020" in claims(answer)


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("whats the title of the police film they showed in cinemas", "film"),
        ("The symposium was held during which national month? full name pls", "month"),
        ("what is the name of the hotline it set up", "hotline"),
        ("what is the name of the hotline set up in May", "hotline"),  # a past without -ed
        ("which ministry ran it", None),
    ],
)
def test_a_name_is_asked_of_the_head_of_its_noun_phrase(question: str, noun: str | None) -> None:
    assert name_of(question) == noun


def test_a_maximum_grant_is_a_sum_of_money() -> None:
    assert quantity_of("what's the max grant per municipality", known_only=True) == "grant"


def test_a_quoted_dialling_code_is_a_number_to_call() -> None:
    (code,) = names('Introduced the nationwide short number "#8103" for police consultation.')
    assert (code.text, code.noun) == ("#8103", "number")


def test_a_title_holding_for_and_to_is_one_agent() -> None:
    text = "Held the conference, chaired by the Minister of State for Policies Related to Children."
    assert agent(text, frozenset({stem("chaired")})) == (
        "chaired",
        "the Minister of State for Policies Related to Children",
    )


@pytest.fixture(scope="module")
def bots(bot2029: Assistant, bot2031: Assistant) -> dict[int, Assistant]:
    return {2029: bot2029, 2031: bot2031}


@pytest.mark.parametrize(
    ("year", "question", "stated"),
    [
        (2029, "whats the max grant per municipality for the parenting support programmes, and "
         "how many municipalities used it", ("2 million yen", "163")),
        (2029, "The 2019 symposium was held during which national month? full name pls",
         ("National Month for the Prevention of Juvenile Delinquency and Juvenile Damage",)),
        (2029, "what's the short phone number for police consultation on sexual crimes?",
         ("#8103",)),
        (2029, "in 2019 what are the bases MHLW wanted in every municipality called?",
         ("child and family general support bases",)),
        (2031, "how many NPOs got the shelter grants, and how much was it in total?",
         ("44 NPOs", "150 million yen")),  # "how much" of grants: a sum of money
        (2031, "Kodomo SOS Chat: what hours is it open?", ("from 5 p.m. to 11 p.m.",)),
        (2031, "in the public awareness survey, what % knew that asking a minor for sexual "
         "images is a crime? and what was it last time?", ("71.4%", "58.9%")),
        (2031, "in the public awareness survey, what % knew that asking a minor for sexual "
         "images is a crime, and what was the figure in the previous survey?",
         ("71.4%", "58.9%")),  # the first fact again, of another occasion
        (2031, "the public awareness survey: what % knew that asking a minor for sexual "
         "images is a crime, and the previous survey?", ("71.4%", "58.9%")),
        (2031, "the Public-Private Council: how many member orgs does it have?",
         ("32 member organizations",)),
    ],
)  # fmt: skip
def test_facts_are_stated_in_the_answer(
    bots: dict[int, Assistant], year: int, question: str, stated: tuple[str, ...]
) -> None:
    answer = bots[year].ask(question)
    assert not answer.abstained
    for fact in stated:
        assert fact in claims(answer)


def test_the_plan_named_beside_a_ministry_asks_for_all_its_efforts(bot2029: Assistant) -> None:
    answer = bot2029.ask("what has CAS done under the basic plan? any year")
    assert "No effort" in answer.text and "Cabinet Secretariat (CAS)" in answer.text


def test_the_older_report_is_the_earlier_fiscal_year(bot2029: Assistant) -> None:
    answer = bot2029.ask("which efforts are in the older report?")
    assert {c.effort_id[:6] for c in answer.citations} == {"fy2019"}


def test_a_word_inside_a_hyphenated_name_is_mentioned(bot2029: Assistant) -> None:
    answer = bot2029.ask("anything mentioning Interpol?")
    assert [c.effort_id for c in answer.citations] == ["fy2029-5.1.3"]


@pytest.mark.parametrize(
    "question",
    ["what's the short number for the centers?", "the phone number of the hotline?",
     "is there a toll-free number to call?", "whats the toll free number of the desk",
     "what number do i call", "which number should parents dial?", "and whats its number?",
     "what is the number of the consultation desk"],
)  # fmt: skip
def test_a_number_to_dial_is_asked_by_name(question: str) -> None:
    assert asked_names(question) == "number"


@pytest.mark.parametrize(
    "question",
    ["what's the number of participants", "what number of calls",
     "the number of calls to the hotline", "the number of the centers that joined"],
)  # fmt: skip
def test_the_number_of_things_counts_them(question: str) -> None:
    assert asked_names(question) is None


def test_the_name_of_a_named_kind_of_thing_is_asked_for() -> None:
    question = "whats the exact name of the reinforcement plan for child abuse prevention?"
    assert asked_names(question) == "plan"
    assert asked_names("what is the name of the ministry") is None
    # the preposition asked with it may come first
    assert asked_names("On which plan was the strengthening of the centers based?") == "plan"
    # a question asking who changed a name asks who, not the name
    assert asked_names("which agency changed the name of the helpline in 2080?") is None
    assert asked_names("what agency altered the name of the plan?") is None



def test_which_in_a_relative_clause_asks_no_names() -> None:
    question = "who ran the trial in which volunteer drivers joined the night patrols?"
    assert asked_names(question) is None  # a noun and "in which …": what the trial was
    assert asked_names("who ran it, and in which prefectures?") == "prefectures"


@pytest.mark.parametrize(
    "question",
    ["What slogan was used in the TV ad?", "what was the slogan of the ad", "the drive's motto?"],
)
def test_a_slogan_or_motto_is_a_name_asked_for(question: str) -> None:
    assert asked_names(question) == "name"


def test_a_yes_or_no_question_after_a_comma_is_an_ask_of_its_own() -> None:
    assert two_asks("whats the number of the helpline, and is it open on sundays now?") == (
        "whats the number of the helpline",
        "is it open on sundays now?",
    )


def test_till_when_opens_an_ask_of_its_own() -> None:
    assert two_asks("whats the phone number of the desk and till when is it open?") == (
        "whats the phone number of the desk",
        "till when is it open?",
    )


def test_when_one_can_call_asks_the_hours_with_their_days() -> None:
    assert asked_names("when can i call on a saturday?") == "hours"
    times = clock_times("(0570-044-247; weekdays 10:00-20:00, Saturdays 10:00-17:00), which")
    assert [t.text for t in times] == ["weekdays 10:00-20:00", "Saturdays 10:00-17:00"]


def test_the_title_of_a_thing_a_ministry_made_names_the_thing() -> None:
    assert asked_names("whats the full title of the guidebook mext put out in may") == (
        "guidebook"
    )


def test_a_fact_asked_as_its_noun_is_an_ask_of_its_own() -> None:
    assert two_asks("dates of the workshop for investigators, and how many came?") == (
        "dates of the workshop for investigators",
        "how many came?",
    )
    # after the topic and a colon, and joined by a plus
    assert two_asks("night patrols: number of officers + how many youths were met?") == (
        "night patrols: number of officers",
        "how many youths were met?",
    )


def test_which_eight_companies_asks_their_names_however_long_their_description() -> None:
    question = "Which 8 cloud storage and image hosting companies ran the scan?"
    assert asked_names(question) == "companies"


def test_a_group_the_report_only_counts_is_not_named_by_its_description(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = blind_report_bot(tmp_path_factory, "reports30")
    answer = bot.ask("which 36 app operators took up the design pledge in fy2050?")
    # "36 SNS, game and app operators adopted …": what kind they were, not which ones
    assert answer.abstained and "by name" in answer.text
    assert "names it" not in answer.text


def test_one_name_does_not_answer_which_three(tmp_path_factory: pytest.TempPathFactory) -> None:
    bot = blind_report_bot(tmp_path_factory, "reports4")
    # "in the Metropolitan Police Department and 3 prefectural police departments"
    answer = bot.ask("which three prefectural police departments trialled the sns post tool?")
    assert answer.abstained and "Metropolitan" not in answer.text.split(">")[0]


def test_countries_the_report_only_counts_are_not_named_by_another_it_names(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "Co-hosted with the Government of Australia … where 24 countries endorsed the …"
    bot = blind_report_bot(tmp_path_factory, "reports34")
    answer = bot.ask("which countries endorsed the fukuoka statement on safety by design?")
    assert answer.abstained and "Australia" not in answer.text.split(">")[0]
    listed = bot.ask("from which countries came the prosecutors at the MOJ joint training?")
    assert "Philippines, Indonesia and Mongolia" in listed.text.split(">")[0]


def test_which_five_companies_asks_their_names_not_their_number() -> None:
    corpus = load_corpus([BUNDLED_PLAN, EVALSET / "reports9"])
    reader = Reader(corpus, build_chunks(corpus)[0])
    q = reader.read("which five platform companies took part in the age verification demo?")
    assert refine(q, scoped=False).intent is Intent.NAME


@pytest.mark.parametrize(
    "question", ["how accurate is the classifier?", "what's the tool's detection accuracy"]
)
def test_how_accurate_asks_a_rate(question: str) -> None:
    assert unit(question) == "percent"  # "with 96.2% accuracy", not "5 universities"


def test_a_word_a_determiner_follows_is_a_verb_not_the_unit() -> None:
    assert unit("How many officers staff the new support unit?") == "officers"
    assert unit("how many staff the unit has") == "staff"


@pytest.mark.parametrize(
    "question", ["and how many followed online?", "how many took part from abroad", "how many came"]
)
def test_a_verb_with_no_noun_before_it_counts_people_and_names_no_unit(question: str) -> None:
    assert unit(question) is None
    assert unit("how many registered users are there?") == "users"  # a participle, a noun


def test_an_issue_may_be_numbered_after_its_noun() -> None:
    text = 'Published the "Age Verification Guidelines, Version 2.0" (September 2030).'
    assert issue_of(text, "version") == "Version 2.0"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("between which dates did the office run the spots", None),  # a time, not names
        ("Which famous buildings were lit up?", "buildings"),  # "famous" only says which
        ("What new name did the hotline get?", "name"),
        ("Which number was the Specialist Group Meeting in FY2019?", "ordinal"),
        ("which number (1st, 2nd...) was the group meeting?", "ordinal"),
        ("which hotel chains took part in the training?", "chains"),
        ("what time does the consultation desk open in the morning?", "hours"),
        ("and when is the consultation desk open?", "hours"),  # while it is open
        ("the helpline - at what time of day are most calls made?", "hours"),
        ("when did the consultation desk open?", None),  # the day it opened
        ("what did they rename the hotline to? need the exact new name", "name"),
        ("did they change the name of the hotline?", "hotline"),  # the name of a named kind
        # which of a counted group: the group's own noun, past the words that qualify it
        ("Which of the 13 SNS and online game operators refused?", "operators"),
        ("Which 13 hotel and travel industry associations attended?", "associations"),
        ("which two SNS were used in the trial", "sns"),
        ("which private groups presented their work at the forum?", "groups"),  # a describing word
    ],
)
def test_what_a_which_question_asks_names_of(question: str, asked: str | None) -> None:
    assert asked_names(question) == asked


def test_a_budget_of_a_fiscal_year_is_a_sum() -> None:
    assert quantity_of("What was the total FY2030 budget for the plan?", known_only=True) == (
        "budget"
    )


def test_a_count_of_arrests_is_not_answered_by_a_count_of_victims() -> None:
    spans = figures("Ran the crackdown from July to August 2030, identifying 412 child victims.")
    assert pick_figure(spans, "people", frozenset({stem("arrested"), stem("crackdown")})) is None
    assert pick_figure(spans, "victims", frozenset({stem("identified")})) is not None


def test_a_figures_noun_stops_at_the_verb_after_it() -> None:
    (countries,) = figures("investigators from 14 countries and regions took part.")
    assert countries.text == "14 countries and regions"
    (places_,) = figures("Ran it in 21 penal institutions and evaluated its effects.")
    assert places_.text == "21 penal institutions"


def test_a_venue_of_an_institution_keeps_the_place_it_is_in() -> None:
    venue = "at the Research and Training Institute of the Ministry of Justice in Akishima, Tokyo"
    assert venue in [s.text for s in places(f"Held a course {venue} (June 2030).")]


def test_a_body_named_with_for_is_one_place_but_a_town_for_someone_is_the_town() -> None:
    venue = "at the Training Institute for Correctional Personnel in Akishima"
    assert venue in [s.text for s in places(f"Trained 75 instructors {venue} (July 2048).")]
    assert [s.text for s in places("Held a seminar in Tokyo for Teachers.")] == ["in Tokyo"]


def test_opening_hours_are_the_times_of_day_an_effort_gives() -> None:
    text = "from July 2030, the opening hours were extended to 9 hours a day (from 14:00 to 23:00)."
    assert [t.text for t in clock_times(text)] == ["from 14:00 to 23:00"]
    assert asked_names("What are the opening hours of the chat?") == "hours"
    assert [t.text for t in clock_times("extended the chat's hours to midnight")] == ["midnight"]
    # the hours asked alone; after another question word, two things are asked
    assert asked_names("the parents line, until what time can they call now?") == "hours"
    assert asked_names("who runs the parents line? and till what time is it open") != "hours"


def test_two_shares_of_one_effort_are_told_apart_by_the_words_after_each() -> None:
    text = "the usage rate was 44.7% at the time of contract and 36.1% six months later."
    spans = figures(text)
    asked = frozenset({stem("usage"), stem("rate")})
    later = pick_figure(spans, "percent", asked, worded=frozenset({"six", "month", "after"}))
    first = pick_figure(spans, "percent", asked, worded=frozenset({"time", "contract"}))
    assert (later and later.text, first and first.text) == ("36.1%", "44.7%")


def test_a_figure_whose_own_noun_is_the_unit_asked_comes_before_one_that_only_names_it() -> None:
    text = 'Sent out 1.5 million "Help Card" forms, and received about 9,400 cards.'
    spans = figures(text)
    asked = frozenset({stem("help"), stem("cards")})
    card = pick_figure(spans, "cards", asked)
    assert card is not None and card.text == "about 9,400 cards"  # not the forms


def test_people_a_verb_after_them_says_were_arrested_count_the_arrests() -> None:
    text = "Ran Operation Kiri with 30 police departments; 126 suspects were arrested."
    asked = frozenset({stem("operation"), stem("kiri"), stem("arrests")})
    arrests = pick_figure(figures(text), "arrests", asked)
    assert arrests is not None and arrests.text == "126 suspects"


def test_a_date_written_year_first_is_no_figure() -> None:
    spans = figures("Ran it (2082/09/05 - 2082/10/21) and again on 2083-01-15 in 12 cities.")
    assert [s.text for s in spans] == ["12 cities"]


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        # an open part asks what was done: the effort itself answers it
        ("When was the specialist group meeting held in FY2019, and what did it introduce?",
         ("January 2020", "to introduce the activities of private groups")),
        # a part naming a ministry of its own is a question of its own
        ("How many attended the FY2019 specialist meeting, and what did MEXT do?",
         ("about 220 representatives", "Ministry of Education")),
    ],
)  # fmt: skip
def test_each_part_of_a_question_is_answered(
    bot2029: Assistant, question: str, stated: tuple[str, ...]
) -> None:
    answer = bot2029.ask(question)
    assert not answer.abstained
    for fact in stated:
        assert fact in claims(answer)


def test_months_of_two_years_are_said_as_one_span_of_each(bot2029: Assistant) -> None:
    answer = bot2029.ask("what was done in the second half of the fiscal year?")
    assert (
        "between October 2019 and March 2020 or between October 2029 and March 2030"
        in answer.text
    )


def test_two_asks_answered_from_one_effort_quote_it_once(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot2039 = blind_report_bot(tmp_path_factory, "reports19")
    answer = bot2039.ask(
        "who did METI start the app mark with, and how many apps had it by march 2040?"
    )
    ids = [c.effort_id for c in answer.citations]
    assert ids and len(ids) == len(set(ids))  # each effort cited under one number
    quotes = [line for line in answer.text.splitlines() if line.startswith("> ")]
    assert len(quotes) == len(set(quotes))


@pytest.mark.parametrize(
    "question",
    [
        "the specialist group meeting in january 2048 - what theme did it have?",
        "what was the theme of the specialist group meeting?",
    ],
)
def test_a_theme_asked_for_is_the_name_given_after_the_word_theme(
    tmp_path_factory: pytest.TempPathFactory, question: str
) -> None:
    bot2047 = blind_report_bot(tmp_path_factory, "reports27")
    assert "Grooming in Online Games" in claims(bot2047.ask(question))


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("how many shops did they check in FY2046?", "455 shops checked in FY2046"),
        ("how many consultations did Kodomo SOS Chat get in FY2047 vs FY2046?",
         "23,910 consultations in FY2047, against 18,240 consultations in FY2046"),
    ],
)  # fmt: skip
def test_a_figure_of_a_table_by_year_is_the_cell_of_the_year_asked(
    tmp_path_factory: pytest.TempPathFactory, question: str, stated: str
) -> None:
    bot2047 = blind_report_bot(tmp_path_factory, "reports27")
    assert stated in claims(bot2047.ask(question))


def test_a_phrase_the_reports_also_write_in_lower_case_is_no_name(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # FY2047 has the title "Grooming in Online Games" and "SNS and online game operators":
    # "online games" is searched as words, not listed as a name only one effort holds
    bot2047 = blind_report_bot(tmp_path_factory, "reports27")
    reader = Reader(bot2047.corpus, bot2047.index.efforts)
    retriever = Retriever(bot2047.index, reader)
    query = reader.read("what did the police do on online games?")
    assert retriever.held.named_phrase(query, None) == []
    named = reader.read("anything on the Specialist Group Meeting?")
    assert retriever.held.named_phrase(named, None)  # a name, as the reports write it


def test_a_name_holding_the_noun_asked_inside_it_is_no_name_of_that_noun(
    bot2029: Assistant,
) -> None:
    # "the 4th Specialist Group Meeting" is a meeting: it names no private group
    answer = bot2029.ask(
        "Which private groups introduced their activities at the FY2019 specialist meeting?"
    )
    assert answer.abstained and "the groups by name" in answer.text


def test_the_year_before_a_lone_report_is_the_earlier_figure_its_effort_gives(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot2048 = blind_report_bot(tmp_path_factory, "reports28")
    first = bot2048.ask("how many consultations did kodomo sos chat get in fy2048?")
    answer = bot2048.ask("and the year before?", context=first.context)
    assert "23,910" in claims(answer)  # "…, compared with 23,910 in FY2047"


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("the warnings led to how many children being placed in custody?", "children"),
        ("the guidance reached how many young people out at night?", "people"),
        ("arrests were made in how many prefectures then", "prefectures"),
        ("how many training sessions were held", "sessions"),
    ],
)
def test_the_noun_counted_ends_before_an_adverb_a_particle_or_an_ing_form(
    question: str, noun: str
) -> None:
    assert unit(question) == noun


@pytest.mark.parametrize(
    "question",
    [
        # an adjective before the noun asked ("foreign institutions"), a verb the noun ends
        "Which foreign institutions sent people to the specialist meeting in FY2019?",
        # "Child Guidance Centers and municipalities" is two things: no municipality named
        "which municipalities strengthened their structure in 2019? names please",
    ],
)
def test_the_names_of_several_things_are_not_answered_by_another_things_name(
    question: str, bot2029: Assistant
) -> None:
    answer = bot2029.ask(question)
    assert answer.abstained and "by name" in answer.text
    assert "names it" not in answer.text


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("the check - how many registered by the end of march?", None),  # a participle
        ("how many registered nurses took part?", "nurses"),
    ],
)
def test_a_participle_after_how_many_counts_no_noun(question: str, noun: str | None) -> None:
    assert unit(question) == noun


@pytest.mark.parametrize(
    ("question", "quantity"),
    [
        ("what was the approximate turnout at the forum?", "turnout"),
        ("what's the rough attendance figure", "attendance"),
    ],
)
def test_a_word_that_says_how_exact_is_no_quantity(question: str, quantity: str) -> None:
    assert quantity_of(question, known_only=True) == quantity
    assert quantity_of(question) == quantity


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Which nationality were the people detained in the raid?", "nationality"),
        ("name the three banks that signed on", "banks"),
        ("Could you list the prefectures that joined the pilot?", "prefectures"),
        ("the 12 charities funded this year - names please", "charities"),
        ("list the efforts about filtering", None),  # the plan's own parts: listed, not named
        ("what did they name the mascot", None),
        # a number before the noun; bodies that a word of their own says are no ministries
        ("names of the 14 clinics that signed up?", "clinics"),
        ("list the 9 recruitment agencies that were warned", "agencies"),
        ("list the agencies that took part", None),
    ],
)
def test_a_request_to_name_or_list_things_asks_their_names(
    question: str, names: str | None
) -> None:
    assert asked_names(question) == names


@pytest.mark.parametrize(
    "question",
    [
        "what nationalities were the people at the 4th specialist group meeting?",
        "name the private groups that presented at the specialist meeting in january 2020",
    ],
)
def test_names_the_effort_does_not_give_are_not_given(question: str, bot: Assistant) -> None:
    answer = bot.ask(question)
    assert answer.abstained and "by name" in answer.text
    assert [c.effort_id for c in answer.citations] == ["fy2019-1.2.1"]  # offered as nearest


def test_which_adjective_noun_asks_the_noun() -> None:
    assert name_of("Which foreign institutions sent representatives?") == "institutions"
    assert name_of("From which Thai provinces did the ring operate?") == "provinces"
    assert name_of("which prefecture hosted it") == "prefecture"


def test_a_body_an_effort_names_is_no_unknown_ministry(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot2071 = blind_report_bot(tmp_path_factory, "reports52")
    reader = Reader(bot2071.corpus, bot2071.index.efforts)
    # the partner of a joint investigation, as the effort names it
    partner = reader.read("kids found with the Vietnamese Ministry of Public Security?")
    assert partner.unknown_ministries == () and partner.ministries == ()
    assert reader.read("what did the Reconstruction Agency do").unknown_ministries == (
        "Reconstruction Agency",
    )


def test_how_many_were_added_asks_a_figure_not_what_is_new_between_years(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot2071 = blind_report_bot(tmp_path_factory, "reports52")
    first = bot2071.ask("what did the CFA do about temporary custody facilities in 2071?")
    answer = bot2071.ask("how many places did the agency add?", context=first.context)
    assert answer.kind == "number" and "The report gives" in claims(answer)
    # what is new between the years is still asked so, and counted so
    assert bot2071.ask("what was new in 2071?").kind == "compare"
    assert bot2071.ask("how many new efforts in fy2071 (vs fy2019)?").kind == "compare"


def test_how_much_of_the_effort_in_hand_is_its_sum_not_a_count_beside_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot2071 = blind_report_bot(tmp_path_factory, "reports52")
    first = bot2071.ask("what were the FY2071 subsidies to private organizations?")
    assert first.citations[0].effort_id == "fy2071-6.4.1"  # 930 million yen to 64 groups
    answer = bot2071.ask("so how much was that overall?", context=first.context)
    assert not answer.abstained and "930 million yen" in claims(answer)


def test_a_country_set_beside_japan_is_asked_about_though_the_reports_tell_of_it() -> None:
    corpus = load_corpus([BUNDLED_PLAN, EVALSET / "reports34"])  # co-hosted with Australia
    reader = Reader(corpus, build_chunks(corpus)[0])
    beside = reader.read("what does australia do about sextortion, versus japan?")
    assert beside.countries == ("Australia",)
    assert refine(beside, scoped=False).intent is Intent.OUTSIDE
    assert reader.read("did japan work with australia on sextortion?").countries == ()


@pytest.mark.parametrize(
    ("question", "country"),
    [("how do the british police handle sextortion?", "United Kingdom"),
     ("what does the Korean government do about grooming", "Korea")],
)  # fmt: skip
def test_a_country_s_adjective_before_its_public_body_asks_about_that_country(
    question: str, country: str
) -> None:
    corpus = load_corpus()
    reader = Reader(corpus, build_chunks(corpus)[0])
    assert reader.read(question).countries == (country,)
    assert reader.read("how many Korean nationals took part?").countries == ()  # people


def test_which_organisation_did_a_thing_asks_the_partner_its_verb_names(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "Co-hosted with UNICEF the "Asia-Pacific Dialogue on Child Online Safety" in Osaka"
    bot = blind_report_bot(tmp_path_factory, "reports41")
    answer = bot.ask(
        "the asia-pacific dialogue on child online safety: which organisation co-hosted it?"
    )
    stated = answer.text.split(">")[0]
    assert not answer.abstained and "co-hosted with UNICEF" in stated
    assert "Dialogue" not in stated  # the event's own title is not its partner
    # "…the industry's "Safety by Design Charter", signed by 41 companies at its launch"
    bot42 = blind_report_bot(tmp_path_factory, "reports42")
    signed = bot42.ask("the safety by design charter - which companies signed it, by name?")
    assert signed.abstained and "by name" in signed.text  # a count names none of them


def test_under_which_plan_asks_the_plans_name_though_a_number_is_named(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "Increased the number of child welfare officers to about 8,400 under the "Plan for
    # Strengthening the Structure of Child Guidance Centers (FY2063-FY2066)"."
    bot = blind_report_bot(tmp_path_factory, "reports45")
    answer = bot.ask("the number of child welfare officers went up under which plan?")
    stated = answer.text.split(">")[0]
    assert "Plan for Strengthening the Structure of Child Guidance Centers" in stated
    assert "8,400" not in stated
