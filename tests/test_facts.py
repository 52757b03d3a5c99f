"""Facts are spans of a cited effort whose type fits the question, or they are not given.

An effort's text is read into typed spans (figures with the noun they count, durations,
shares, ages, dates, names, places); a fact answer states one that fits what was asked
— a number of *people* for "how many people" — and otherwise says the reports do not
give it. Whatever an answer states is checked against its cited efforts before it is
shown.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant import Answer, Assistant, Citation
from assistant.asked import quantity_of, unit
from assistant.claims import claims, unsupported, without_figures
from assistant.countries import country_mentions
from assistant.evaluate import corpus_paths
from assistant.facts import figures, is_part
from assistant.facts_dates import dates
from assistant.facts_names import listed, named_after, names, phrases, pick_name, said_after
from assistant.facts_people import audiences
from assistant.facts_pick import pick_figure
from assistant.facts_places import places
from assistant.gazetteer import places_of_kind
from assistant.literal import holds_identifiers
from corpus import BUNDLED_PLAN
from index.documents import CitedEffort
from index.embedder import MiniLMEmbedder
from tests.conftest import EVALSET, FakeEmbedder, blind_report_bot, report_bot

MEETING = (
    "Organized the 4th Specialist Group Meeting on Child Sexual Exploitation (January 2020) "
    "to introduce the activities of private groups; about 220 representatives from relevant "
    "ministries and agencies, foreign institutions, private groups, and others attended."
)
OFFICERS = (
    'Strengthened the structure of Child Guidance Centers based on the "Comprehensive '
    'Reinforcement Plan for Child Abuse Prevention Measures System" by increasing the number '
    "of child welfare officers (by approximately 2,020 persons) over four years starting FY2019."
)
HOTLINE = (
    'Changed the name of the hotline from "Nationwide Hotline Connected to Child Guidance '
    'Centers" to "Child Abuse Hotline Connected to Child Guidance Centers" and made the '
    "number toll-free (December 2019)."
)
SURVEY = (
    "Conducted the annual survey on internet use by young people, covering 5,000 persons "
    "aged 10 to 17 (July 2020), and published the results in February 2021."
)


def test_figures_know_what_they_count() -> None:
    spans = {(s.kind, s.text, s.noun) for s in figures(MEETING + " " + OFFICERS)}
    assert ("number", "about 220 representatives", "representatives") in spans
    assert ("number", "approximately 2,020 persons", "persons") in spans
    assert ("duration", "over four years", "years") in spans


def test_a_figure_after_and_ends_the_noun_phrase_before_it() -> None:
    spans = figures("Met 36 city offices and 120 private groups, with 3 judges and 4 lawyers.")
    assert [(s.text, s.noun) for s in spans] == [
        ("36 city offices", "offices"),
        ("120 private groups", "groups"),
        ("3 judges", "judges"),
        ("4 lawyers", "lawyers"),
    ]


def test_an_age_in_words_is_an_age_and_its_end_no_figure() -> None:
    spans = figures("Sent 900 copies to children aged three to five in 12 towns.")
    assert [(s.kind, s.text) for s in spans] == [
        ("age", "aged three to five"),
        ("number", "900 copies"),
        ("number", "12 towns"),
    ]


def test_a_total_after_a_figure_counts_what_that_figure_counts() -> None:
    more, total = figures("Opened desks at 7 more town halls, making 52 in total.")
    assert (more.noun, total.noun, total.text) == ("halls", "halls", "52 in total")


def test_an_adverb_after_a_noun_ends_it_but_an_adjective_before_one_does_not() -> None:
    spans = figures("Streamed to 9,100 viewers online; signed by 27 SNS and online game firms.")
    assert [(s.text, s.noun) for s in spans] == [
        ("9,100 viewers", "viewers"),
        ("27 SNS and online game firms", "firms"),
    ]


def test_a_word_in_ing_or_ed_before_the_noun_belongs_to_its_phrase() -> None:
    spans = figures(
        "Certified 610 private tutoring schools and 45 newly appointed officers, with 14 "
        "companies participating."
    )
    assert [(s.text, s.noun) for s in spans] == [
        ("610 private tutoring schools", "schools"),
        ("45 newly appointed officers", "officers"),
        ("14 companies", "companies"),
    ]


def test_a_day_before_its_month_is_a_date_not_a_figure() -> None:
    spans = figures("Held the forum on 12 July 2080 and on 3 Feb. 2081 for 300 parents.")
    assert [(s.text, s.noun) for s in spans] == [("300 parents", "parents")]


def test_times_as_at_a_date_is_a_count_of_times_and_times_as_many_a_ratio() -> None:
    used, twice = figures(
        "The app was opened 640 thousand times as at the end of March; the forum drew 1.5 times "
        "as many people as before."
    )
    assert used.kind == twice.kind == "times"
    assert not used.change and twice.change


def test_a_figure_a_count_grew_by_is_no_standing_count() -> None:
    text = (
        "Increased the number of child welfare officers by approximately 2,020 persons; "
        "the number of centers with a lawyer increased to 52."
    )
    grew, centers = figures(text)
    assert grew.change and not centers.change
    assert pick_figure([grew], "officers", frozenset({"offic"}), increase=False) is None
    assert pick_figure([grew], "officers", frozenset({"offic"}), increase=True) == grew
    assert pick_figure([centers], "centers", frozenset({"center"}), increase=False) == centers


def test_a_change_named_as_one_answers_only_a_question_about_a_change() -> None:
    (rise,) = figures("Cleared 412 cases, an increase of 18% over the previous year.")[1:]
    assert rise.change
    assert pick_figure([rise], "percent", frozenset({"convict", "rate"})) is None
    assert pick_figure([rise], "percent", frozenset({"rise"}), increase=True) == rise


@pytest.mark.parametrize(
    ("text", "reached", "moved_from"),
    [
        ("the usage rate rose to 51.7% from 46.2% in the previous survey", "51.7%", "46.2%"),
        ("the usage rate was 51.7%, up from 46.2%", "51.7%", "46.2%"),
        # the earlier year's beside it, in brackets
        ("received 8,410 calls (7,300 in FY2079), most at night", "8,410 calls", "7,300"),
        ("the usage rate reached 51.7% (FY2079: 46.2%)", "51.7%", "46.2%"),
    ],
)
def test_the_value_a_figure_moved_from_is_told_from_the_one_it_reached(
    text: str, reached: str, moved_from: str
) -> None:
    spans = {s.text: s for s in figures(text)}
    assert spans[moved_from].earlier and not spans[reached].earlier


def test_a_figure_from_somewhere_is_no_earlier_value() -> None:
    (countries,) = figures("officers from 40 countries attended")
    assert not countries.earlier
    _, part = figures("trained 450 officers (120 in FY2080 alone)")
    assert not part.earlier  # a part of the report's own year


def test_a_number_dialled_is_no_figure() -> None:
    spans = figures('Set up the "#8777 Kids Police Line", which took 1,200 calls (#8891 too).')
    assert [s.text for s in spans] == ["1,200 calls"]


def test_how_often_in_one_word_is_a_count_of_times() -> None:
    spans = figures("Held the council twice (July 2032 and March 2033) to follow up.")
    assert [(s.kind, s.text) for s in spans] == [("times", "twice")]
    assert pick_figure(spans, "times", frozenset({"council", "meet"})) == spans[0]


@pytest.mark.parametrize("noun", ["candidates", "applicants", "graduates", "callers"])
def test_people_asked_for_are_counted_by_any_noun_for_people(noun: str) -> None:
    spans = figures(f"Held the first examination (February 2034), which 1,874 {noun} passed.")
    picked = pick_figure(spans, "persons", frozenset({"pass", "examin"}))
    assert picked is not None and picked.text == f"1,874 {noun}"


def test_a_total_is_the_figure_the_report_calls_the_total() -> None:
    spans = figures(
        "Designated 12 additional hospitals as hub hospitals, bringing the total to 57 "
        "hospitals in 41 prefectures."
    )
    topic = frozenset({"hospit"})
    assert pick_figure(spans, "hospitals", topic).text.startswith("12")
    assert pick_figure(spans, "hospitals", topic, total=True).text.startswith("57")


def test_a_kindred_noun_is_counted_only_by_a_figure_about_the_topic() -> None:
    spans = figures(
        'Distributed the "SOS Mini Letter" to about 6.5 million elementary and junior high '
        "school students."
    )
    letter = frozenset({"children", "sos", "mini", "letter"})
    assert pick_figure(spans, "children", letter).text.startswith("about 6.5 million")
    assert pick_figure(spans, "children", frozenset({"children", "victim", "sextort"})) is None
    assert pick_figure(figures("about 5,200 business operators"), "businesses", frozenset())


def test_a_figure_of_persons_counts_staff_only_when_it_is_about_the_topic() -> None:
    spans = figures(OFFICERS)
    officers = frozenset({"child", "welfar", "offic", "grow"})
    grow = {"increase": True}  # the 2,020 persons are a growth: asked as one
    assert pick_figure(spans, "staff", officers, **grow).text == "approximately 2,020 persons"
    assert pick_figure(spans, "staff", frozenset({"school", "counsellor"}), **grow) is None


def test_who_got_something_is_read_past_a_to_that_leads_nowhere() -> None:
    text = (
        'Distributed the card "When a Child Tells You" on how to respond to a disclosure '
        "to about 210,000 nursery school teachers."
    )
    assert [s.text for s in audiences(text)] == ["about 210,000 nursery school teachers"]


def test_who_got_something_is_read_past_a_figure_with_a_decimal_point() -> None:
    text = "Distributed about 1.2 million copies to first-year junior high school students."
    assert [s.text for s in audiences(text)] == ["first-year junior high school students"]


def test_the_items_an_effort_lists_for_a_noun_are_read_from_its_brackets_or_list() -> None:
    text = "Produced a leaflet in six languages (English, Chinese and Korean) for guardians."
    assert listed(text, "languages") == "English, Chinese and Korean"
    assert listed("invited groups such as NGOs and schools.", "groups") == "NGOs and schools"
    assert listed("held seminars (July 2019)", "seminars") is None  # a date, not a list
    # a bracket dating them, however many commas it holds
    assert listed("in 5 wards (from Friday, June 2, 2080)", "wards") is None
    assert listed("in 2 towns (Monday, May 1 and Friday, May 5, 2080)", "towns") is None
    # things named by where they are: "the consulates in Busan, Jeju and Osaka"
    posted = "Posted liaison officers to the consulates in Busan, Jeju and Osaka (May 2090)."
    assert listed(posted, "consulates") == "Busan, Jeju and Osaka"
    assert listed("Posted an officer to the consulate in Busan.", "consulate") is None


def test_a_total_over_several_groups_does_not_count_one_of_them(bot: Assistant) -> None:
    part = bot.ask("How many representatives from foreign institutions were at the 4th meeting?")
    assert part.abstained and "220" not in claims(part)
    whole = bot.ask("How many representatives attended the 4th Specialist Group Meeting?")
    assert "about 220 representatives" in claims(whole)
    # the groups it lists, named again, are the whole
    listed = bot.ask("how many people from private groups, ministries and foreign institutions "
                     "came to the 4th Specialist Group Meeting?")  # fmt: skip
    assert "about 220 representatives" in claims(listed)


def test_the_name_of_a_thing_is_the_quoted_name_right_after_it() -> None:
    text = 'Distributed the checklist "Signs to Notice" to about 30,000 schools.'
    assert named_after(text, "checklist") == "Signs to Notice"
    assert named_after(text, "schools") is None
    # who it is for may stand between, and the comma inside the quotes is no part of it
    flyer = 'Produced a flyer for guardians, "Talking with Your Child about Safety," in May.'
    assert named_after(flyer, "flyer") == "Talking with Your Child about Safety"
    listed = 'Extended a hash list of known abuse images, "Kagami DB", to 72 operators.'
    assert named_after(listed, "list") == "Kagami DB"
    # the noun asked may end a compound: the learning site is the learning website
    site = 'Created the learning website "Digital Citizenship Lab" for pupils.'
    assert named_after(site, "site") == "Digital Citizenship Lab"
    # … or the name comes first, the noun after it in apposition
    tool = 'Trialled "Signal Finder", an AI tool that flags posts seeking paid dates.'
    assert named_after(tool, "tool") == "Signal Finder"
    assert named_after(tool, "posts") is None


@pytest.mark.parametrize(
    ("text", "asked", "theme"),
    [
        ("Organized the meeting (2060) on the theme of grooming in online games; about", "theme",
         "grooming in online games"),
        ("for 250 representatives; the main theme was the sextortion of boys.", "theme",
         "the sextortion of boys"),
        ("Organized the meeting on the theme of grooming through online games; 240", "topic",
         "grooming through online games"),
        # what a dated event was on, with no word for its theme
        ("Organized the 9th meeting (May 2080) on sextortion of girls; 120 attended.", "theme",
         "sextortion of girls"),
        ("Organized the 9th meeting (May 2080) on the theme “grooming in games”, with 90.",
         "topic", "grooming in games"),
    ],
)  # fmt: skip
def test_a_theme_is_what_the_effort_says_it_was_quoted_or_not(
    text: str, asked: str, theme: str
) -> None:
    assert said_after(text, asked) == theme


def test_only_a_theme_like_noun_is_read_so() -> None:
    assert said_after("the number of consultations was 5,130.", "number") is None
    assert said_after("under the theme of the campaign, held", "theme") is None


def test_a_time_asked_by_its_name_is_answered_with_the_name(bot: Assistant) -> None:
    answer = bot.ask("During which national month was the symposium held?")
    assert "National Month for the Prevention of Juvenile Delinquency" in claims(answer)
    assert "July 2019" in claims(bot.ask("In which month was the symposium held?"))


def test_what_something_has_been_called_since_a_change_is_its_new_name(bot: Assistant) -> None:
    answer = bot.ask("What has the child abuse hotline been called since December 2019?")
    assert "Child Abuse Hotline Connected to Child Guidance Centers" in claims(answer)


def test_years_ordinals_codes_and_ranges_are_not_figures() -> None:
    spans = figures(MEETING + " " + SURVEY + " the Hotline (189).")
    texts = {s.text for s in spans if s.kind != "age"}
    assert not any(re.search(r"\b(2020|2021|4th|189|17)\b", t) for t in texts), texts
    assert "aged 10 to 17" in {s.text for s in spans if s.kind == "age"}


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        (MEETING, "people", "about 220 representatives"),
        (MEETING, "representatives", "about 220 representatives"),
        (MEETING, "victims", None),  # a statistic the effort does not give
        (MEETING, "arrests", None),
        (OFFICERS, "officers", None),  # a growth, and no growth asked (see above)
        (OFFICERS, "duration", "over four years"),
        (OFFICERS, "years", "over four years"),
        (OFFICERS, "money", None),
        (SURVEY, "age", "aged 10 to 17"),
        (SURVEY, "percent", None),
        ("confirmed that 94.7% of them were deleted", "percent", "94.7%"),
        ("with 14 companies participating", "firms", "14 companies"),
        ("posted online and viewed about 190,000 times", "views", "about 190,000 times"),
        ("the number of centers with a lawyer increased to 52.", "centres", "52 centers"),
        ("attended by about 1,800 guardians (October 2020)", "parents", "about 1,800 guardians"),
        ("posted online and viewed about 190,000 times", "downloads", None),
        ("its video was played 2.1 million times on video sites", "views", "2.1 million times"),
        ("bringing the total to 57 hospitals in 41 prefectures", "clinics", "57 hospitals"),
        ("the blocking list held about 1,250 addresses", "urls", "about 1,250 addresses"),
        ("with 57 hospitals in 41 prefectures", "schools", None),
        ("a new course at 8 probation offices (January 2026)", "places", "8 probation offices"),
        ("a course attended by about 450 officers", "places", None),
        ("Released the eight-minute animated video", "duration", "eight-minute"),
        ("22 operators; 12 of them had introduced it", "operators", "22 operators"),
    ],
)
def test_a_figure_is_given_only_when_its_type_fits_the_question(
    text: str, unit: str, expected: str | None
) -> None:
    span = pick_figure(figures(text), unit, frozenset())
    assert (span.text if span else None) == expected


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("on 38 FM radio stations (Oct. 2018).", "Oct. 2018"),
        ("on the website (2 November 2018).", "2 November 2018"),
        ("(January–February 2019)", "January–February 2019"),
        ("in the first week (from 1 to 7 August 2017).", "from 1 to 7 August 2017"),
        # written the Japanese way: said by its month's name, as written too
        ("and published the results (2092年2月).", "February 2092 (2092年2月)"),
    ],
)
def test_a_date_is_read_however_the_report_writes_it(text: str, date: str) -> None:
    assert [s.text for s in dates(text)] == [date]


def test_dates_are_read_as_written() -> None:
    assert [s.text for s in dates(HOTLINE)] == ["December 2019"]
    assert [
        s.text for s in dates("attended by 1,800 guardians (from October to November 2020)")
    ] == ["from October to November 2020"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("by text message from the 1st of December 2053; 9,840", "from the 1st of December 2053"),
        ("the symposium (Jul 12, 2054), with", "Jul 12, 2054"),
        ("on Sun, Dec 6, 2054; 1,905 passed", "Dec 6, 2054"),
        ("broadcast it from Oct-2053; the episodes", "from Oct-2053"),
    ],
)
def test_a_day_before_its_month_and_a_month_cut_short_are_part_of_the_date(
    text: str, said: str
) -> None:
    assert [s.text for s in dates(text)] == [said]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Extended the desks to nights (15th Jul 2056); they", "15th Jul 2056"),
        (
            "(from the 1st day of February to the 15th day of March, 2060), with",
            "from the 1st day of February to the 15th day of March, 2060",
        ),
        ("the campaign (2063 July 20 – August 31) reached", "2063 July 20 – August 31"),
        ("Operation Hotaru (R41.6.3), in which", "R41.6.3"),
        ("extended it (01/10/2055), after", "01/10/2055"),
        ("held it (2055年11月～12月) in", "2055年11月～12月"),
    ],
)
def test_every_date_the_report_parser_reads_is_a_date_an_answer_can_state(
    text: str, said: str
) -> None:
    assert [s.text for s in dates(text)] == [said]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ('the series "Ask Dr. Hoshino" (26 episodes), in which', [("26 episodes", "number")]),
        ("the hotline (189) took 5 calls", [("5 calls", "number")]),  # "(189)" is a code
        ("seconded to Europol for eighteen months", [("eighteen months", "duration")]),
        ("bringing the total to fifty-one centers.", [("fifty-one centers", "number")]),
        ("viewed 12.8 million times, and its stickers", [("12.8 million times", "times")]),
    ],
)
def test_figures_in_brackets_or_in_words_are_read(text: str, read: list[tuple[str, str]]) -> None:
    assert [(f.text, f.kind) for f in figures(text)] == read


def test_names_are_quoted_or_title_case_and_the_new_one_is_told_from_the_old() -> None:
    spans = names(HOTLINE)
    texts = [s.text for s in spans]
    assert "Nationwide Hotline Connected to Child Guidance Centers" in texts
    new = pick_name(spans, frozenset({"hotlin"}), later=True, earlier=False)
    old = pick_name(spans, frozenset({"hotlin"}), later=False, earlier=True)
    assert new is not None and new.text == "Child Abuse Hotline Connected to Child Guidance Centers"
    assert old is not None and old.text == "Nationwide Hotline Connected to Child Guidance Centers"


def test_a_law_is_found_by_its_title_case_name() -> None:
    text = "Promoted crackdowns, such as violations of the Act Against Child Prostitution."
    span = pick_name(names(text), frozenset({"law"}), later=False, earlier=False)
    assert span is not None and span.text == "Act Against Child Prostitution"


@pytest.mark.parametrize(
    ("text", "audience"),
    [
        ("distributed the leaflet to the boards of education, etc.", "the boards of education"),
        ("Organized online seminars for guardians on filtering", "guardians"),
        (
            'Distributed a card listing the "Hotline Connected to Centers" (189) to all '
            "elementary, junior high and high school students.",
            "all elementary, junior high and high school students",
        ),
        (
            "Conducted joint training for prosecutors, police officers, and child guidance "
            "center staff, attended by about 600 participants",
            "prosecutors, police officers, and child guidance center staff",
        ),
    ],
)
def test_who_an_effort_was_for_is_read_up_to_the_last_noun_naming_people(
    text: str, audience: str
) -> None:
    assert audiences(text)[0].text == audience


def test_an_effort_that_names_no_audience_has_none() -> None:
    assert audiences("Held the Public Symposium (July 2019).") == []
    assert audiences('Held the "Forum for the Future" in Osaka.') == []  # no one it is for


def test_a_title_that_says_whom_it_is_for_names_the_audience() -> None:
    text = 'Published "A Handbook on Online Risks for Parents and Foster Carers" (May 2080).'
    assert [s.text for s in audiences(text)] == ["Parents and Foster Carers"]


def test_named_places_joined_by_and_are_one_place() -> None:
    text = "held lessons at 18 schools in Hiroshima and Okayama Prefectures (January 2018)."
    assert [s.text for s in places(text)] == [
        "at 18 schools in Hiroshima and Okayama Prefectures",  # the venue, and where it is
        "in Hiroshima and Okayama Prefectures",
    ]


def test_the_places_named_come_before_how_far_the_whole_reaches() -> None:
    text = "Opened centers in Kochi and Tottori, so that one now runs in every prefecture."
    assert [s.text for s in places(text)][0] == "in Kochi and Tottori"


def test_a_named_place_may_hold_an_apostrophe() -> None:
    text = "Held the symposium at Matsuyama Citizens' Hall (July 2053)."
    assert [s.text for s in places(text)] == ["at Matsuyama Citizens' Hall"]
    assert [s.text for s in places("Held it in Osaka's north.")] == ["in Osaka"]  # possessive


def test_online_is_where_a_thing_held_online_took_place() -> None:
    assert [s.text for s in places('Held the "Youth Forum" online (June 2080).')] == ["online"]
    assert [s.text for s in places("Spoke at an online conference of experts.")] == ["online"]
    assert places("Curbed the online distribution of illegal images.") == []  # what, not where


def test_a_named_conference_is_no_place_even_with_a_hyphen_in_its_name() -> None:
    text = "Presented efforts at the Asia-Pacific Regional Conference on Ending Violence."
    assert places(text) == []


def test_a_part_of_a_counted_whole_is_not_the_whole(bot: Assistant) -> None:
    answer = bot.ask("How many of the representatives at the 4th meeting were from private groups?")
    assert answer.abstained and "220" not in claims(answer)


def test_a_standing_figure_answers_how_many_and_an_increase_answers_how_many_more() -> None:
    spans = figures("in 7 more prefectures, bringing the total to 31 prefectures")
    standing = pick_figure(spans, "prefectures", frozenset(), increase=False)
    added = pick_figure(spans, "prefectures", frozenset(), increase=True)
    assert (standing.text, added.text) == ("31 prefectures", "7 more prefectures")


def test_a_part_of_the_figure_before_it_counts_the_same_things() -> None:
    text = "Asked 22 operators (users under 18); 12 of them had introduced it."
    (whole, part) = figures(text)[::2]
    assert (whole.noun, part.noun, part.text) == ("operators", "operators", "12 of them")


def test_a_part_of_a_whole_named_is_the_figure_whose_clause_says_what_the_part_did(
    tmp_path: Path,
) -> None:
    (part,) = figures("In addition, 9 of the suspects were minors.")
    assert (part.text, part.noun) == ("9 of the suspects", "suspects")
    report = tmp_path / "fy2018.txt"
    report.write_text(
        "FY2018 Efforts on the Plan\n1. Crackdowns\nO Joint operations\n"
        "· Ran a nationwide sweep (May 2018), arresting 40 suspects: 25 suspects for "
        "possession; 15 suspects for production. Later, 6 of the suspects were found to have "
        "worked at schools. [NPA]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    worked = bot.ask("regarding the sweep, how many of the suspects worked at schools?")
    assert "6 of the suspects" in claims(worked)


def test_a_part_of_a_whole_the_question_states_is_not_that_whole(bot: Assistant) -> None:
    answer = bot.ask("Of the 220 people at the 4th meeting, how many spoke?")
    assert answer.abstained and "220" not in claims(answer)


def test_a_report_a_year_names_is_a_topic_and_names_of_a_kind_are_not_another_name(
    tmp_path: Path,
) -> None:
    report = tmp_path / "fy2018.txt"
    report.write_text(
        "FY2018 Efforts on the Plan\n1. Follow-up\nO Publicity\n"
        "· Published an English version of the FY2017 efforts report (2 November 2018). [CAS]\n"
        '· Screened the video "Your Selfie, Their Weapon" at 24 cinemas (July 2018). [NPA]\n',
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    dated = bot.ask("When was the English version of the FY2017 report published?")
    assert "2 November 2018" in claims(dated)
    assert bot.ask("Which cinemas showed the selfie video?").abstained
    earlier = bot.ask("What efforts were made in FY2017?")  # that year's, not the report's
    assert earlier.citations == () and "No report for 2017 is loaded" in earlier.text
    # the year is when things were done, though an effort names it: not loaded
    done = bot.ask("english report in fy2017 - what did CAS do that year?")
    assert done.citations == () and "No report for 2017 is loaded" in done.text


def test_a_part_asked_by_what_the_effort_says_it_did_is_the_figure(tmp_path: Path) -> None:
    report = tmp_path / "fy2018.txt"
    report.write_text(
        "FY2018 Efforts on the Plan\n1. Crackdowns\nO Joint operations\n"
        "· Detained 17 members of a smuggling network with the police of Laos (May 2018); "
        "30 victims were supported. [NPA]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    detained = bot.ask("the smuggling network - how many of its members were detained?")
    assert "17 members" in claims(detained)
    # what the effort does not say of them is a part it does not give
    assert bot.ask("how many of its members were women, in the smuggling network?").abstained


def test_places_are_where_something_was_done() -> None:
    found = [s.text for s in places("distributed leaflets at 5 international airports, in Osaka")]
    assert found == ["at 5 international airports", "in Osaka"]


def test_a_named_event_is_not_a_place_but_the_city_it_was_in_is() -> None:
    text = "Presented measures at the WeProtect Global Alliance Summit in Bangkok (October 2025)."
    assert [s.text for s in places(text)] == ["in Bangkok"]


def test_the_day_of_a_date_is_no_figure() -> None:
    spans = figures("held the first course (November 12, 2020), attended by about 450 officers.")
    assert [s.text for s in spans] == ["about 450 officers"]


# -- answers --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant.load(
        [BUNDLED_PLAN, EVALSET / "reports" / "fy2020_efforts.txt"],
        index_dir=tmp_path_factory.mktemp("idx"),
        embedder=FakeEmbedder(),
    )


@pytest.mark.parametrize(
    ("head", "phrase"),
    [
        ("bases", "child and family general support bases"),
        ("officers", "child welfare officers"),
        ("meeting", "4th Specialist Group Meeting on Child Sexual Exploitation"),
    ],
)
def test_a_noun_is_named_with_the_words_that_qualify_it(head: str, phrase: str) -> None:
    text = (
        "Organized the 4th Specialist Group Meeting on Child Sexual Exploitation (January "
        "2020). Strengthened Child Guidance Centers and municipalities based on the plan by "
        "increasing the number of child welfare officers and by setting up child and family "
        "general support bases in all municipalities."
    )
    assert [s.text for s in phrases(text, head)] == [phrase]


def test_a_bare_noun_or_a_verb_sharing_its_stem_is_no_name() -> None:
    assert phrases("Set up bases. Work based on the plan.", "bases") == []


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("How many representatives attended the 4th Specialist Group Meeting?", "220"),
        ("When was the 4th Specialist Group Meeting held?", "January 2020"),
        ("Over how many years will child welfare officers be increased?", "four years"),
        ("How many companies took part in the exchange of views on age verification?", "14"),
        ("What kind of support bases are set up in all municipalities?", "general support"),
        ("what was the old name of the hotline before they changed it", "Nationwide Hotline"),
        ("what was the turnout at the specialist group meeting?", "220"),
    ],
)
def test_a_fact_answer_states_the_span_in_its_own_words(
    bot: Assistant, question: str, stated: str
) -> None:
    answer = bot.ask(question)
    assert not answer.abstained
    assert stated in claims(answer)  # not only in the quotation below it
    assert unsupported(answer, bot.glossary) == []


@pytest.mark.parametrize(
    "question",
    [
        "How many victims attended the 4th Specialist Group Meeting?",
        "How many arrests did the FY2020 crackdown make?",
        "How many of the 1,204 cases ended in a conviction?",
        "How much money did the symposium cost?",
        "What's the average salary of a child welfare officer?",
        "What was the budget for the Comprehensive Reinforcement Plan for Child Abuse "
        "Prevention Measures System?",
        "what was MHLW's budget for the child welfare officers",  # whose budget
        "What was the police's budget for crackdowns in 2019?",
    ],
)
def test_a_figure_the_reports_do_not_give_is_declined_without_a_figure(
    bot: Assistant, question: str
) -> None:
    answer = bot.ask(question)
    assert answer.abstained
    assert "do not give" in answer.text
    stated = claims(answer)
    assert not re.search(r"\d", re.sub(r"\[\d+\]|FY\d{4}", "", stated)), stated


@pytest.mark.parametrize(
    ("question", "says_yes"),
    [
        ("Was a leaflet about criminal incidents produced?", True),
        ("Did the leaflet about criminal incidents stop any crimes?", False),
    ],
)
def test_a_yes_or_no_question_is_answered_yes_only_when_the_effort_holds_all_it_asks(
    bot: Assistant, question: str, says_yes: bool
) -> None:
    answer = bot.ask(question)
    assert answer.text.startswith("Yes") is says_yes
    if says_yes:
        assert [c.effort_id for c in answer.citations] == ["fy2019-2.1.2"]


def test_a_fact_of_one_numbered_event_does_not_answer_for_another(bot: Assistant) -> None:
    asked = bot.ask("When was the 5th Specialist Group Meeting held?")
    assert asked.abstained and "2020" not in claims(asked)
    held = bot.ask("When was the 4th Specialist Group Meeting held?")
    assert not held.abstained and "January 2020" in claims(held)


def test_an_ordinal_in_figures_is_the_one_an_effort_spells_out() -> None:
    effort = CitedEffort(
        id="fy2053-6.2.2",
        text="Held the seventh examination (December 2053); 61.2 per cent passed.",
        ministries=("CFA",),
        dates=("2053-12",),
        fiscal_year=2053,
        section=6,
        section_title="Strengthening of the foundation",
        measure=2,
        measure_title="Strengthening of the structure",
        line=1,
        source="fy2053_efforts.txt",
    )
    assert holds_identifiers(effort, ("7th",))
    assert not holds_identifiers(effort, ("8th",))


def test_whether_an_effort_had_an_effect_is_not_answered_from_what_was_done(
    bot: Assistant,
) -> None:
    answer = bot.ask("Did the leaflet about criminal incidents reduce crime?")
    assert answer.abstained and "judgement of its effect" in answer.text
    assert not answer.text.startswith("Yes")


def _answer(text: str, cited: str) -> Answer:
    citation = Citation(
        number=1, effort_id="fy2019-1.2.1", text=cited, ministries=("NPA",),
        ministry_names=("National Police Agency",), section=1, section_title="S",
        measure=2, measure_title="M", fiscal_year=2019, dates=("2020-01",),
        source="fy2019_efforts.txt", line=8,
    )  # fmt: skip
    return Answer(question="q", text=text, citations=(citation,), kind="number")


def test_the_last_check_finds_a_figure_or_name_no_cited_effort_holds() -> None:
    assert unsupported(_answer("About 220 people came [1].", MEETING)) == []
    assert unsupported(_answer("About 300 people came [1].", MEETING)) == ["300"]
    assert unsupported(_answer("It was called “The Big Meeting” [1].", MEETING)) == [
        "“The Big Meeting”"
    ]
    # counts the answer makes itself, years and list numbers are not lifted facts
    assert unsupported(_answer("2 efforts in FY2019 are listed [1].", MEETING)) == []
    assert unsupported(_answer("8 efforts (FY2019: 1, FY2025: 7) [1].", MEETING)) == []
    # a name is checked whole, the fiscal years it holds with it
    plan = 'Raised staff under the "Plan for Child Guidance Centers (FY2063-FY2066)".'
    said = "The report names it “Plan for Child Guidance Centers (FY2063-FY2066)” [1]."
    assert unsupported(_answer(said, plan)) == []
    assert unsupported(_answer(said.replace("2066", "2067"), plan)) != []


def test_quoted_source_lines_are_not_claims() -> None:
    answer = _answer(f"The report says [1]:\n\n> {MEETING} [1]", MEETING)
    assert "220" not in claims(answer)


def test_a_name_the_question_already_states_is_not_its_answer(bot: Assistant) -> None:
    answer = bot.ask(
        "What is the name of the event the Public Symposium for Preventing Youth Crime and "
        "Victimization was held during?"
    )
    assert "“Public Symposium" not in claims(answer)
    assert "National Month" in claims(answer)


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        (
            "How many representatives attended the 4th Specialist Group Meeting, and when "
            "was it held?",
            ("220", "January 2020"),
        ),
        (
            "When was the Specialist Group Meeting held and which meeting was it?",
            ("January 2020", "4th Specialist Group Meeting"),
        ),
        (
            "Did the NPA organise the Specialist Group Meeting, and how many of them came?",
            ("220",),
        ),
    ],
)
def test_a_question_asking_two_facts_of_one_effort_gets_both(
    bot: Assistant, question: str, stated: tuple[str, ...]
) -> None:
    answer = bot.ask(question)
    assert [c.effort_id for c in answer.citations] == ["fy2019-1.2.1"]
    for fact in stated:
        assert fact in claims(answer)
    assert unsupported(answer, bot.glossary) == []


def test_a_span_adjective_is_a_duration_and_a_currency_sign_makes_money() -> None:
    course = figures("Held a three-day national training course for 310 investigators.")
    assert ("duration", "three-day") in [(f.kind, f.text) for f in course]
    grant = figures("Contributed about US$1.5 million to a UNICEF project in six countries.")
    assert ("money", "US$1.5 million") in [(f.kind, f.text) for f in grant]


@pytest.mark.parametrize("unit", ["budget", "yen", "money", "cost"])
def test_a_budget_or_a_currency_asked_is_answered_by_a_sum_of_money(unit: str) -> None:
    campaign = figures("Ran it for six weeks with a budget of 48 million yen, shown 37 times.")
    found = pick_figure(campaign, unit, frozenset({"campaign"}))
    assert found is not None and found.text == "48 million yen"


def test_a_generic_figure_counts_the_noun_named_just_before_it_not_one_further_away() -> None:
    officers = "increasing child welfare officers (by approximately 2,020 persons) over four years"
    assert pick_figure(figures(officers), "officers", frozenset(), increase=True) is not None
    crackdown = (
        "Conducted a crackdown on the sexual exploitation of children via SNS, and cleared "
        "1,487 cases involving 1,102 persons."
    )
    assert pick_figure(figures(crackdown), "children", frozenset()) is None
    # a figure with no noun of its own counts the noun just before it
    raised = "increasing child welfare officers to about 8,400. (Continuing)"
    found = pick_figure(figures(raised), "officers", frozenset())
    assert found is not None and found.text == "about 8,400"


def test_how_many_times_counts_what_the_verb_names() -> None:
    text = "Held six meetings of the study group (from July to August 2025)."
    span = pick_figure(figures(text), "times", frozenset({"meet"}))
    assert span is not None and span.text == "six meetings"


def test_how_many_times_something_was_done_is_the_count_of_times_its_verb_names() -> None:
    text = (
        'Launched the "Stay Safe" campaign with eight short videos, which were viewed about '
        "3.4 million times, about 1.3 times the figure for the previous campaign."
    )
    span = pick_figure(figures(text), "times", frozenset({"campaign", "video", "view"}))
    assert span is not None and span.text == "about 3.4 million times"


def test_children_asked_for_are_not_the_persons_who_took_part_in_something() -> None:
    text = (
        "Held training for staff of child guidance centers (December 2045); about 380 "
        "persons took part."
    )
    topic = frozenset({"children", "temporari", "protect", "child", "guidanc", "center"})
    assert pick_figure(figures(text), "children", topic) is None
    assert pick_figure(figures(text), "staff", topic) is not None


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # "the number of X …" may be far before the figure, in the same clause
        ("Increased the number of prefectures in which the One-Stop Support Center for Victims "
         "of Sexual Crimes and Sexual Violence is open 24 hours a day to 39.", "39 prefectures"),
        # "increasing their number": the plural named before it
        ("Supported the placement of school social workers, increasing their number to about "
         "4,300 nationwide.", "about 4,300 workers"),
    ],
)  # fmt: skip
def test_a_figure_written_without_its_noun_counts_what_the_sentence_numbers(
    text: str, counted: str
) -> None:
    assert counted in [s.text for s in figures(text)]


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        ("instructors", "which showed that 248 teachers were disciplined for misconduct."),
        ("educators", "which showed that 248 teachers were disciplined for misconduct."),
        ("psychologists", "Increased the number of school counselors to about 31,800."),
        ("regions", "the number of prefectures with a 24-hour center rose to 39."),
        ("towns", "Subsidized 44 local governments that operated safety networks."),
        ("staff", "Supported school social workers, increasing their number to about 4,300."),
    ],
)
def test_a_unit_asked_in_everyday_words_is_counted_by_the_reports_noun_for_it(
    asked: str, text: str
) -> None:
    assert pick_figure(figures(text), asked, frozenset()) is not None


def test_a_list_of_figures_with_the_previous_years_in_brackets_is_read_pair_by_pair() -> None:
    text = (
        "Promoted crackdowns. Cases cleared in 2045 (previous year in parentheses): Child "
        "prostitution: 628 (655) / Child pornography: 3,105 (2,910) / Demanding sexual images "
        "from children under 16: 498 (412)."
    )
    read = [(s.text, s.earlier) for s in figures(text)]
    assert read[:2] == [("628 cases of child prostitution", False), ("655 the previous year", True)]
    assert ("498 cases of demanding sexual images from children under 16", False) in read
    assert "16" not in [s.text for s in figures(text)]  # part of a row's name


def test_a_month_written_in_figures_is_said_by_name_and_as_written() -> None:
    assert [s.text for s in dates("Launched the campaign (2047.9); then 11/2047.")] == [
        "September 2047 (2047.9)",
        "November 2047 (11/2047)",
    ]


def test_a_row_of_figures_by_fiscal_year_is_read_cell_by_cell() -> None:
    text = (
        "Checked shops; results: Shops checked FY2046 455 FY2047 512 Properly explained "
        "FY2046 95% FY2047 97.1%"
    )
    read = [(s.text, s.earlier) for s in figures(text)]
    assert read == [
        ("512 shops checked in FY2047", False), ("455 shops checked in FY2046", True),
        ("97.1% properly explained in FY2047", False), ("95% properly explained in FY2046", True),
    ]  # fmt: skip
    text = "Ran the chat (daily 16:00-22:00); number of consultations: FY2046 18,240 FY2047 23,910"
    assert [s.text for s in figures(text)] == [
        "23,910 consultations in FY2047",  # the label's row, no clock times as figures
        "18,240 consultations in FY2046",
    ]


def test_what_a_part_did_is_said_after_its_whole() -> None:
    text = "Held the first examination (Dec. 2047); 1,042 of the 1,886 examinees passed."
    picked = pick_figure(figures(text), None, frozenset({"pass", "exam"}))
    assert picked is not None and picked.text == "1,042 of the 1,886 examinees"


def test_one_in_so_many_is_a_share_of_its_noun_not_a_count() -> None:
    text = "1 in 9 women and 1 in 28 men said they had experienced it."
    read = {(s.kind, s.text) for s in figures(text)}
    assert ("number", "1 in 9 women") in read and ("percent", "1 in 28 men") in read
    assert not {t for _, t in read} & {"9 women", "28 men", "1"}
    # the first share stated, the second is still read whole
    assert [s.text for s in figures(without_figures(text, {"1 in 9"}))][:1] == ["1 in 28 men"]


def test_a_month_in_figures_is_no_figure() -> None:
    text = "Opened two new centers (2047.5), bringing the total to 19 centers."
    assert "2047.5" not in [s.text for s in figures(text)]


def test_what_a_figure_is_of_is_read_past_the_small_words_up_to_the_next_figure() -> None:
    text = (
        'Distributed about 38,500 copies of the manga booklet "Kaito" to junior high schools '
        "and about 6,200 copies to after-school clubs."
    )
    asked = frozenset({"copi", "manga", "booklet", "kaito", "school"})
    picked = pick_figure(figures(text), "copies", asked)
    assert picked is not None and picked.text == "about 38,500 copies"


def test_a_part_of_a_whole_given_together_counts_the_wholes_noun() -> None:
    (part, whole) = figures("confirmed that 19 of the 22 major providers had introduced filters.")
    assert (part.text, part.noun) == ("19 of the 22 major providers", "providers")
    assert is_part(part) and not is_part(whole)


def test_a_figure_compared_for_another_group_is_no_earlier_figure_and_answers_for_it() -> None:
    text = "the re-arrest rate was 9.2% for participants, compared with 14.8% for non-participants."
    assert [(s.text, s.earlier) for s in figures(text)] == [("9.2%", False), ("14.8%", False)]
    worded = frozenset({"rate", "non", "particip"})  # "… for non participants", typed apart
    picked = pick_figure(figures(text), "percent", frozenset({"rate"}), worded=worded)
    assert picked is not None and picked.text == "14.8%"
    earlier = figures("the rate was 41%, compared with 38% in the previous year.")[1]
    assert earlier.earlier  # another time


def test_a_figure_of_another_group_of_the_same_kind_does_not_answer() -> None:
    text = "a survey found that 43.5% of guardians of elementary school children used filtering."
    junior = frozenset({"guardian", "junior", "high", "school", "student", "filter"})
    elementary = frozenset({"guardian", "elementari", "school", "children", "filter"})
    topic = frozenset({"guardian", "filter"})
    assert pick_figure(figures(text), "percent", topic, worded=junior) is None
    assert pick_figure(figures(text), "percent", topic, worded=elementary) is not None


def test_people_who_viewed_a_stream_are_counted_and_so_is_the_figure_before() -> None:
    text = (
        "about 530 people attended in person and about 4,200 viewed the online stream, up "
        "from about 3,900 in the previous year."
    )
    spans = figures(text)
    online = pick_figure(spans, "people", frozenset({"watch", "symposium", "onlin"}))
    assert online is not None and online.text == "about 4,200 viewed the online stream"
    assert [(s.text, s.noun) for s in spans if s.earlier] == [("about 3,900", "people")]


def test_a_part_written_after_of_which_counts_the_whole_s_noun() -> None:
    text = (
        "the center received 412,000 reports, of which 9,850 concerned child pornography, "
        "and requested site administrators to delete them."
    )
    part = [s for s in figures(text) if s.text.startswith("9,850")]
    assert [(s.text, s.noun) for s in part] == [("9,850 concerned child pornography", "reports")]
    asked = frozenset({"child", "pornographi", "report", "internet", "hotlin"})
    picked = pick_figure(figures(text), "reports", asked)
    assert picked is not None and picked.text.startswith("9,850")


def test_an_audience_is_read_past_a_decimal_figure() -> None:
    text = (
        'Distributed the "SOS Mini Letter", a prepaid letter form for consulting volunteers, '
        "to about 6.5 million elementary and junior high school students."
    )
    assert [a.text for a in audiences(text)] == [
        "about 6.5 million elementary and junior high school students"
    ]


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        (
            "how many ministries organized the seminars for safe and secure internet use in 2019?",
            "3 ministries",
        ),
        (
            "Not the old name, the new one: what is the child abuse hotline called?",
            "Child Abuse Hotline",
        ),
        ("What is the guidebook that MEXT published in May 2019 titled?", "A Guidebook on"),
        ("Which law do the crackdowns refer to?", "Act Against Child Prostitution"),
    ],
)
def test_facts_of_an_effort_asked_in_other_ways(bot: Assistant, question: str, stated: str) -> None:
    answer = bot.ask(question)
    assert stated in claims(answer)
    assert unsupported(answer, bot.glossary) == []


def test_a_fact_asked_of_each_effort_is_given_for_each(tmp_path: Path) -> None:
    report = tmp_path / "fy2018.txt"
    report.write_text(
        "FY2018 Efforts on the Plan\n1. Training\nO Training of staff\n"
        "· Held training for about 1,900 public health nurses on noticing abuse. [MHLW]\n"
        "· Held the first training for about 620 supervisors of caseworkers. [MHLW]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    listed = bot.ask("What did MHLW do?")
    answer = bot.ask("How many people took part in each of those?", context=listed.context)
    assert {"1,900 public health nurses", "620 supervisors"} <= set(
        re.findall(r"\d[\d,]* [a-z ]*(?:nurses|supervisors)", claims(answer))
    )
    assert len(answer.citations) == 2
    # a fact asked of them all, pointing back in the plural, is given for each too
    dated = bot.ask("how many people came to those?", context=listed.context)
    assert {"1,900", "620"} <= set(re.findall(r"\d[\d,]*", claims(dated)))


def test_what_the_question_itself_says_is_named_as_no_answer(tmp_path: Path) -> None:
    report = tmp_path / "fy2084.txt"
    report.write_text(
        "FY2084 Efforts on the Plan\n4. Support\nO Support in trials\n"
        "· Started a pilot in which facility dogs accompany child victims at the public "
        "prosecutors offices in Matsuyama and Naha. [MOJ]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    answer = bot.ask("At which public prosecutors offices did the facility dog pilot start?")
    # the offices by their places, never the question's own words alone
    assert "names them: the public prosecutors offices [" not in answer.text
    assert "Matsuyama and Naha" in claims(answer)


def test_a_name_alike_to_the_questions_own_words_is_no_answer(tmp_path: Path) -> None:
    report = tmp_path / "fy2091.txt"
    report.write_text(
        "FY2091 Efforts on the Plan\n5. Crackdowns\nO Crackdowns\n"
        "· Arrested 11 members of a brokerage ring that had brought girls from abroad to work "
        "at bars (July 2091). [NPA]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    answer = bot.ask("whats the name of the broker ring arrested in july 2091?")
    assert answer.abstained and "brokerage ring" not in claims(answer)


def test_a_list_of_names_before_their_common_noun_is_one_phrase() -> None:
    text = "distributed 30,000 leaflets at Narita, Haneda and Kansai airports in summer"
    assert [s.text for s in phrases(text, "airports")] == ["Narita, Haneda and Kansai airports"]
    oxford = "travelers departing from Narita, Haneda, and Kansai airports, with ECPAT"
    assert [s.text for s in phrases(oxford, "airports")] == ["Narita, Haneda, and Kansai airports"]
    at = "at Narita, Haneda and Kansai airports"
    assert [s.text for s in places(f"leaflets {at} in summer")][0] == at
    contest = "a contest on SNS, with entries from 118 schools, and a ceremony in Kobe"
    assert [s.text for s in places(contest)] == ["in Kobe"]  # a comma ends a lower-case run
    lower = "held at schools, libraries and community centers"
    assert [s.text for s in phrases(lower, "centers")] == ["libraries and community centers"]


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("a course at the national training center in Yokohama (May 2015)", "city", ["Yokohama"]),
        ("training in Sapporo, Nagoya and Fukuoka", "city", ["Sapporo", "Nagoya", "Fukuoka"]),
        ("a UN side event in Vienna, Austria", "city", ["Vienna"]),  # "UN" is no town
        ("the seminar of March 2016 at the national center", "city", []),  # nor is March
        ("officers from Central Asian countries", "city", []),  # an ordinary word, no town
        ("volunteers in Okayama and Kagawa Prefectures", "prefecture", ["Okayama", "Kagawa"]),
        ("UNICEF work in the Philippines and Cambodia", "country", ["Philippines", "Cambodia"]),
        ("about US$1.5 million to a project in Japan", "country", []),  # a currency, home
    ],
)
def test_places_of_a_kind_are_the_names_a_gazetteer_knows(
    text: str, kind: str, found: list[str]
) -> None:
    assert places_of_kind(text, kind) == found


def test_countries_are_named_as_the_effort_writes_them() -> None:
    assert country_mentions("in Thailand, Viet Nam and the US") == ["Thailand", "Viet Nam", "US"]


def test_a_hotline_that_got_a_different_title_is_named_by_its_new_one(bot: Assistant) -> None:
    answer = bot.ask("which hotline got a different title in FY2019?")
    assert "Child Abuse Hotline Connected to Child Guidance Centers" in claims(answer)


def test_a_service_asked_for_is_named_by_a_hotline() -> None:
    picked = pick_name(names(HOTLINE), frozenset({"service"}), later=False, earlier=False)
    assert picked is not None and "Hotline" in picked.text


@pytest.fixture(scope="module")
def bot2016(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return blind_report_bot(tmp_path_factory, "reports6")


def test_which_countries_and_which_airports_are_answered_with_the_names_given(
    bot2016: Assistant,
) -> None:
    money = bot2016.ask("How much did MOFA give UNICEF in FY2016, and for which countries?")
    assert "45 million yen" in claims(money) and "Philippines and Cambodia" in claims(money)
    airports = bot2016.ask('At which airports did they give out the leaflet "Child Sex Tourism"?')
    assert "Narita, Haneda and Kansai airports" in claims(airports)


def test_a_city_asked_for_is_a_city_not_a_place_of_another_kind(bot2016: Assistant) -> None:
    answer = bot2016.ask("In which city did MOFA brief the diplomats from 31 embassies?")
    assert "the city as Tokyo" in claims(answer)
    forum = bot2016.ask("in what city was the Youth Internet Environment Forum?")
    assert "Osaka" in claims(forum)


def test_a_figure_counts_the_noun_a_list_of_modifiers_leads_to() -> None:
    text = "Sent lecturers to about 2,150 elementary, junior high and senior high schools."
    [span] = figures(text)
    assert (span.text, span.noun) == (
        "about 2,150 elementary, junior high and senior high schools",
        "schools",
    )


def test_a_part_counted_with_of_which_counts_the_figure_before_it() -> None:
    spans = figures("received about 17,800 letters, 96 of which concerned sexual harm")
    assert [(s.text, s.noun) for s in spans] == [
        ("about 17,800 letters", "letters"),
        ("96 of which", "letters"),
    ]


@pytest.mark.parametrize(
    "question",
    [
        "the specialist group meeting in january 2020 - which edition was it?",
        "which round of the specialist group meeting was held in January 2020?",
    ],
)
def test_which_edition_of_a_meeting_is_the_ordinal_its_name_counts(
    bot: Assistant, question: str
) -> None:
    answer = bot.ask(question)
    assert not answer.abstained
    assert "4th Specialist Group Meeting" in claims(answer)


def test_a_venue_named_like_an_event_is_the_place_when_there_is_no_other() -> None:
    held = 'Held the "Youth Symposium" at the Tokyo International Forum (July 2035).'
    assert [s.text for s in places(held)] == ["at the Tokyo International Forum"]
    # an event with a place of its own took place there
    abroad = "Took part in the WeProtect Global Alliance Summit in Bangkok."
    assert [s.text for s in places(abroad)] == ["in Bangkok"]


def test_where_something_was_held_is_not_answered_by_its_own_name(bot: Assistant) -> None:
    answer = bot.ask("where was the Conference for Development of Internet Use Environment held?")
    assert "at the Conference" not in claims(answer)


def test_in_one_place_says_together_not_where() -> None:
    text = "Opened a model centre in Sapporo (February 2034), where help is given in one place."
    assert [s.text for s in places(text)] == ["in Sapporo"]


def test_a_figure_of_people_may_be_written_with_only_what_they_did() -> None:
    spans = figures("About 480 people attended and about 3,100 watched the online stream.")
    assert [(s.text, s.noun) for s in spans] == [
        ("About 480 people", "people"),
        ("about 3,100 watched the online stream", "people"),
    ]
    topic, worded = frozenset({"watch", "onlin"}), frozenset({"watch"})
    stream = pick_figure(spans, "people", topic, worded=worded)
    assert stream is not None and stream.text == "about 3,100 watched the online stream"


def test_a_length_in_seconds_is_a_duration() -> None:
    spans = figures("Broadcast a 30-second spot on 14 stations.")
    (spot,) = [s for s in spans if s.kind == "duration"]
    assert spot.text == "30-second"


def test_a_noun_people_use_counts_the_reports_noun_for_the_same_thing() -> None:
    text = "Ran the record check system; about 1.9 million confirmations were made in FY2034."
    picked = pick_figure(figures(text), "checks", frozenset({"check", "dbs"}))
    assert picked is not None and picked.text == "about 1.9 million confirmations"


@pytest.fixture(scope="module")
def bot2034(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return blind_report_bot(tmp_path_factory, "reports14")


def test_a_budget_is_the_sum_an_effort_calls_its_budget(bot2034: Assistant) -> None:
    answer = bot2034.ask("what was the budget for the school counselors in FY2034?")
    assert "9.8 billion yen" in claims(answer) and not answer.abstained


def test_a_figure_of_the_whole_plan_is_no_sum_one_effort_gives(bot2034: Assistant) -> None:
    answer = bot2034.ask("what was the total budget for the whole basic plan in FY2034?")
    assert answer.abstained and "9.8 billion" not in claims(answer)


def test_a_ministrys_total_budget_is_no_sum_one_effort_gives(bot2034: Assistant) -> None:
    answer = bot2034.ask("what was MEXT's total budget for FY2034?")
    assert answer.abstained and "9.8 billion" not in claims(answer)


def test_a_town_inside_a_quoted_name_is_no_place_when_the_effort_names_one() -> None:
    opened = 'Opened a center in Kobe City; it is run by the NPO "Kodomo no Mori." [CFA]'
    assert places_of_kind(opened, "city") == ["Kobe"]
    assert places_of_kind('Held the "Osaka Forum" in June.', "city") == ["Osaka"]


def test_a_place_is_the_whole_venue_not_a_piece_of_its_name() -> None:
    final = 'Held the final of the "Quiz" at the Nagoya City Science Museum on August 22.'
    assert [p.text for p in places(final)] == ["at the Nagoya City Science Museum"]


@pytest.fixture(scope="module")
def bot2041(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return blind_report_bot(tmp_path_factory, "reports21")


def test_how_long_something_ran_is_not_the_length_of_the_thing(bot2041: Assistant) -> None:
    ran = bot2041.ask("for how long was the Stop, Think, Tell Someone announcement on air?")
    assert "six weeks" in claims(ran) and "30-second" not in claims(ran)
    spot = bot2041.ask("how long was the Stop, Think, Tell Someone announcement?")
    assert "30-second" in claims(spot)


def test_a_second_figure_asked_of_one_effort_is_another_figure(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = blind_report_bot(tmp_path_factory, "reports4")
    answer = bot.ask("How many SOS Mini Letters went out in FY2018 and how many were answered?")
    assert "6.8 million" in claims(answer) and "11,000" in claims(answer)


def test_a_counted_phrase_is_no_name_of_what_it_counts(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = blind_report_bot(tmp_path_factory, "reports12")
    answer = bot.ask("which two SNS were used in the grooming detection trial?")
    assert answer.abstained and "two major SNS" not in claims(answer)


def test_a_national_total_is_not_answered_with_one_operations_figure(
    real_index_root: Path, real_embedder: MiniLMEmbedder
) -> None:
    bot = Assistant.load(corpus_paths("dev14"), real_index_root, embedder=real_embedder)
    interpol = bot.ask("how many child victims in japan were identified via INTERPOL's database?")
    assert "37 child victims" in claims(interpol)
    asked = "how many kids in total were victims of exploitation in japan? national figure"
    national = bot.ask(asked)
    assert "37" not in claims(national)


TABLE = (
    "Held the class in three prefectures, as follows: Prefecture Sessions Participants "
    "Aomori 9 1,180 Kochi 5 620 Okinawa 11 1,560 for a total of 25 sessions and 3,360 "
    "participants."
)


def test_a_flattened_table_gives_each_cell_as_a_figure_of_its_column_and_row() -> None:
    spans = figures(TABLE)
    okinawa = frozenset({"okinawa", "particip"})
    assert pick_figure(spans, "participants", okinawa).text == "1,560 participants in Okinawa"
    assert "9 sessions in Aomori" in [s.text for s in spans]
    whole = pick_figure(spans, "participants", frozenset({"particip"}), total=True)
    assert whole.text == "3,360 participants"  # the total is still the total
    assert not [s for s in spans if "Kochi Okinawa" in s.text]  # no run of row names


def test_a_sentence_of_capitalised_names_and_figures_is_no_table() -> None:
    text = "Trained 120 officers in Tokyo and 80 in Osaka with the Kyoto Police."
    assert [s.text for s in figures(text)] == ["120 officers", "80"]


def test_of_two_shares_the_one_of_the_group_asked_answers() -> None:
    text = (
        "Surveyed 10,000 young adults; 6.8% of women and 2.1% of men reported having "
        "experienced online sexual exploitation before the age of 18."
    )
    asked = frozenset({"women", "experienc", "onlin", "sexual", "exploit"})
    assert pick_figure(figures(text), "percent", asked).text == "6.8%"
    assert pick_figure(figures(text), "percent", asked - {"women"} | {"men"}).text == "2.1%"


def test_a_month_in_figures_is_given_as_a_date_however_it_is_written() -> None:
    found = [d.text for d in dates("Held it (2050/10), again (11/2051) and on 2052-10-21.")]
    assert found == [
        "October 2050 (2050/10)",
        "November 2051 (11/2051)",
        "October 2052 (2052-10-21)",
    ]


def test_a_count_of_convictions_is_not_answered_by_the_arrests_of_a_report_never_saying_convicted(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "→ 44 suspects were arrested, 17 of them abroad": no word of convictions in the report
    bot = blind_report_bot(tmp_path_factory, "reports33")
    answer = bot.ask("How many people ended up convicted because of Operation Silent Harbor?")
    assert answer.abstained and "44" not in claims(answer)
    assert answer.text.startswith("The reports do not give a number of people.")
    # "convicted offenders" says who took part, it counts no convictions
    took_part = bot.ask("how many inmates got guidance against repeat offending in fy2053?")
    assert "846" in claims(took_part)
    convicted = bot.ask("how many convicted inmates got guidance against reoffending in fy2053?")
    assert "846" in claims(convicted)


def test_a_document_s_table_number_is_no_count_of_what_the_table_holds() -> None:
    assert figures("Increased the staff (Table 4). Table 4 School social workers") == []


def test_a_figure_asked_of_two_years_is_each_years_figure(multi: Assistant) -> None:
    answer = multi.ask("in 2020 and in 2023, how many consultations did the sns service take?")
    said = claims(answer)
    assert "FY2020" in said and "2,300" in said and "FY2023" in said and "4,600" in said
    assert [c.effort_id for c in answer.citations] == ["fy2020-4.1.1", "fy2023-4.1.1"]
    by_year = claims(multi.ask("the sns service: consultations taken, year by year - how many?"))
    assert "2,300" in by_year and "4,600" in by_year


@pytest.mark.parametrize(
    ("text", "unit", "figure"),
    [
        ("Launched a pledge under which 1,240 accommodation facilities trained staff "
         "at 12 airports.", "hotels", "1,240"),
        ("Renewed the portal in 14 languages; it recorded 530 thousand visits.", "traffic",
         "530 thousand"),
    ],
)  # fmt: skip
def test_a_unit_people_say_otherwise_finds_the_reports_noun(
    text: str, unit: str, figure: str
) -> None:
    picked = pick_figure(figures(text), unit, frozenset())
    assert picked is not None and picked.text.startswith(figure)


def test_who_did_something_in_two_years_is_said_of_each_year(multi: Assistant) -> None:
    answer = multi.ask("who ran the youth crime symposium - 2019 and 2020?")
    said = claims(answer)
    assert "FY2019: Cabinet Office" in said and "FY2020: Cabinet Office" in said
    assert [c.effort_id for c in answer.citations] == ["fy2019-1.1.1", "fy2020-1.1.1"]


def test_the_noun_asked_of_ends_at_a_verb_or_a_please() -> None:
    assert unit("how many folks sat in the hall?") == "folks"
    assert unit("the symposium: number of attendees pls") == "attendees"
    assert unit("how many officers attend the course") == "officers"


def test_a_figures_noun_does_not_run_on_into_the_next_clause() -> None:
    text = "Received 24,600 consultations, and extended weekday hours until 8 p.m."
    (count, *_) = figures(text)
    assert (count.kind, count.noun) == ("number", "consultations")
    (listed, *_) = figures("Reached about 412,000 students, parents and teachers.")
    assert listed.noun == "teachers" and listed.text.endswith("parents and teachers")


def test_by_how_many_asks_the_size_of_a_change_of_what_its_verb_moves() -> None:
    assert unit("by how many did the ministry raise school counselors in 2030?") == "counselors"
    assert unit("by how many did they increase it") is None


def test_a_year_labelling_a_bracketed_figure_is_that_figures_year(tmp_path: Path) -> None:
    now, before = figures("the usage rate reached 51.7% (FY2079: 46.2%)")
    assert "fy2079" in before.near and "fy2079" not in now.near
    report = tmp_path / "fy2080.txt"
    report.write_text(
        "FY2080 Efforts on the Plan\n1. Tools\nO Filtering\n"
        "· Asked carriers to explain filtering at each contract; the filtering usage rate "
        "of minors reached 51.7% (FY2079: 46.2%). [MIC]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    earlier = claims(bot.ask("the filtering usage rate of minors back in FY2079?"))
    assert "46.2%" in earlier and "51.7%" not in earlier  # never this year's figure
    both = claims(bot.ask("what is the filtering usage rate of minors, and what was it in FY2079?"))
    assert "51.7%" in both and "46.2%" in both


def test_a_second_ask_of_a_year_no_report_covers_asks_the_earlier_figure_beside_it(
    tmp_path: Path,
) -> None:
    report = tmp_path / "fy2080.txt"
    report.write_text(
        "FY2080 Efforts on the Plan\n1. Awareness\nO Surveys\n"
        "· Polled 3,000 guardians (June 2080); 58.3% knew where to report abuse, up from 41.0% "
        "in the FY2077 poll. [CAO]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    said = claims(
        bot.ask(
            "in FY2080 what share of guardians knew where to report abuse, and what was "
            "the figure in the FY2077 poll?"
        )
    )
    assert "58.3%" in said and "41.0%" in said


def test_a_figure_of_such_things_counts_those_things() -> None:
    (streams,) = figures("set up a patrol unit, which found 410 such streams in a year")
    assert streams.noun == "streams"
    (listed,) = figures("12 groups such as NPOs and schools")
    assert listed.noun == "groups"


def test_a_count_that_rose_from_one_year_to_the_next_gives_each_years_figure(
    tmp_path: Path,
) -> None:
    before, now = figures("consultations rose from 17,200 in FY2079 to 20,450 in FY2080.")
    assert (before.text, before.earlier) == ("17,200 consultations", True)
    assert (now.text, now.earlier) == ("20,450 consultations", False)
    report = tmp_path / "fy2080.txt"
    report.write_text(
        "FY2080 Efforts on the Plan\n1. Support\nO Guardians\n"
        "· Operated the Oyako Line for guardians; consultations rose from 17,200 in FY2079 to "
        "20,450 in FY2080. [CFA]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    said = claims(bot.ask("the oyako line got how many consultations last year (2080)?"))
    assert "20,450" in said and "17,200" not in said
    assert "17,200" in claims(bot.ask("and the oyako line's consultations in FY2079?"))


def test_what_a_person_is_and_how_many_did_what_was_asked_are_read(tmp_path: Path) -> None:
    report = tmp_path / "fy2080.txt"
    report.write_text(
        "FY2080 Efforts on the Plan\n1. Awareness\nO Campaigns\n"
        '· Ran the campaign "Safe Clicks" (June 2080) with the rugby player Ken Sato as its '
        "ambassador. [CFA]\n"
        "· Asked 20 app operators to add age checks; 14 of them had done so by March 2081. [MIC]\n"
        "· Asked 12 game operators to add parental controls; 9 operators had done so by "
        "March 2081. [MIC]\n"
        "· Inspected 40 travel agencies with the police and instructed 7 of them to revise "
        "their advertisements. [MLIT and NPA]\n"
        "· Held a forum with a keynote by the children's author Emi Sato (May 2080). [CAO]\n"
        "· Asked payment firms to block 64 websites selling abuse material. [NPA]\n"
        "· Trained 5,200 school nurses and school counselors on disclosures. [MEXT]\n"
        "· Carried out joint interviews of child victims: Cases | FY2079: 3,108 | FY2080: "
        "3,905 [MOJ]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    # the person, with what the report calls them; the sport a player is named by
    who = claims(bot.ask("who was the ambassador of the safe clicks campaign?"))
    assert "Ken Sato" in who and "rugby player" in who
    assert "rugby" in claims(bot.ask("which sport does the safe clicks ambassador play?"))
    # those that did what was asked, not all that were asked; and all that were asked
    assert "14" in claims(bot.ask("how many app companies added age checks?"))
    assert "20" in claims(bot.ask("how many app operators were asked to add age checks?"))
    assert "14" in claims(bot.ask("the app operators asked to add age checks: how many did it?"))
    # those told to do a thing, a part of those inspected; a noun the effort qualifies
    # as the question does ("travel agencies") is no count of ministries
    assert "7" in claims(bot.ask("how many travel agencies were told to fix their ads?"))
    assert "40" in claims(bot.ask("how many travel agencies were inspected?"))
    assert "Emi Sato" in claims(bot.ask("who gave the keynote talk at the forum?"))
    # the asked noun said again after the ask: "…; 9 operators had done so"
    assert "9" in claims(bot.ask("firms were asked to add parental controls. how many really did?"))
    # a noun's compound ("websites" for "sites"); staff counted as the people they are
    assert "64" in claims(bot.ask("block how many sites selling abuse material?"))
    assert "5,200" in claims(bot.ask("how many staff were trained on disclosures?"))
    # "…, and how many in FY2079?": the same thing, another year's cell
    both = claims(
        bot.ask(
            "How many joint interviews of child victims were carried out in FY2080, and how "
            "many in FY2079?"
        )
    )
    assert "3,905" in both and "3,108" in both


def test_a_figure_of_the_very_noun_asked_comes_before_a_kindred_one() -> None:
    spans = figures("Concluded a charter with 9 app store operators and 31 game companies.")
    asked = frozenset({"app", "store", "charter", "game", "compani"})  # the charter's name too
    assert pick_figure(spans, "companies", asked).text == "31 game companies"


def test_the_reports_own_year_named_near_another_figure_does_not_pick_that_figure(
    tmp_path: Path,
) -> None:
    report = tmp_path / "fy2080.txt"
    report.write_text(
        "FY2080 Efforts on the Plan\n6. Foundation\nO Centers\n"
        "· Increased the number of child welfare officers (by approximately 2,020 persons) "
        "over four years starting FY2080. [CFA]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    said = claims(bot.ask("by how many persons were child welfare officers to grow in FY2080?"))
    assert "2,020" in said


def test_a_group_of_people_is_not_counted_by_another_group_named_beside_it(
    tmp_path: Path,
) -> None:
    bot = report_bot(
        tmp_path, "Trained about 2,100 pupils along with volunteer mentors. [MOJ]"
    )
    answer = bot.ask("how many volunteer mentors helped?")
    assert answer.abstained and "2,100" not in claims(answer)
    assert "2,100" in claims(bot.ask("how many pupils were trained?"))


def test_contacts_to_a_consultation_service_are_its_consultations(tmp_path: Path) -> None:
    bot = report_bot(tmp_path, "Ran a chat line for girls; received about 930 consultations. [CFA]")
    assert "930 consultations" in claims(bot.ask("how many contacts did the chat line get?"))


@pytest.mark.parametrize(
    "question", ["which ages did it cover?", "for which age group?", "what age brackets?"]
)
def test_which_ages_asks_an_age(question: str) -> None:
    assert unit(question) == "age"


def test_an_age_given_as_a_limit_is_an_age_and_a_compound_qualifies_a_name() -> None:
    ages = figures("a chat line for victims under the age of 20; it took 3,100 chats.")
    assert [(s.kind, s.text) for s in ages] == [
        ("age", "under the age of 20"),
        ("number", "3,100 chats"),
    ]  # "20" is no count of its own
    shared = phrases("an operation against sharing through file-sharing software", "software")
    assert [s.text for s in shared] == ["file-sharing software"]


def test_a_second_ask_by_a_pronoun_is_of_what_the_first_named(tmp_path: Path) -> None:
    report = tmp_path / "fy2080.txt"
    report.write_text(
        "FY2080 Efforts on the Plan\n6. Foundation\nO Staff\n"
        "· Increased school staff: | Staff | Number | Change | |---|---:|---:| "
        "| School social workers | about 18,100 | +900 | | School counselors | about 35,600 "
        "| +700 | [MEXT]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    asked = "How many school counselors were there, and how much did their number rise?"
    said = claims(bot.ask(asked))
    assert "35,600" in said and "700" in said and "900" not in said


def test_police_forces_are_counted_as_the_police_departments() -> None:
    spans = figures("Ran the crackdown with 34 prefectural police departments taking part.")
    assert pick_figure(spans, "forces", frozenset({"prefectur", "forc"})).text.startswith("34")


def test_a_table_with_a_part_row_and_a_total_asked_of_a_named_service(tmp_path: Path) -> None:
    assert quantity_of("What was Oyako Line's FY2080 consultation total?") == "consultation"
    report = tmp_path / "fy2080.txt"
    report.write_text(
        "FY2080 Efforts on the Plan\n2. Support\nO Guardians\n"
        '· Operated "Oyako Line" for guardians, as shown in Table 2. Table 2 Consultations '
        "Classification FY2079 FY2080 Consultations 15,830 18,920 of which by chat 9,410 "
        "11,760 [CFA]\n"
        '· Organized the 9th meeting (May 2080) under the theme "Safe Play"; about 240 '
        "representatives attended. [NPA]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    total = claims(bot.ask("What was Oyako Line's FY2080 consultation total?"))
    assert "18,920" in total  # "FY2080 consultation" is a year, no figure the question gives
    assert "11,760" in claims(bot.ask("oyako line: how many consultations by chat in FY2080?"))
    both = claims(bot.ask("what was the theme of the 9th meeting? and how many came"))
    assert "Safe Play" in both and "240" in both  # people came, not themes


def test_a_group_named_before_its_figure_is_what_it_counts() -> None:
    spans = figures("Set up the office with a staff of 45 and a team of 6 lawyers.")
    assert [(s.text, s.noun) for s in spans] == [("45 staff", "staff"), ("6 lawyers", "lawyers")]


def test_a_sum_is_said_of_what_it_pays_for_never_of_something_else(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = blind_report_bot(tmp_path_factory, "reports67")  # FY2019 and the invented FY2086
    # the commission the effort sets up, with its budget; no other effort's sum for events
    # whose cost the report does not give
    budget = bot.ask("what was the budget of the online safety commission?")
    assert "4.3 billion yen" in claims(budget)
    events = bot.ask("how much did the online safety month events cost in total")
    assert events.abstained and "yen" not in claims(events)


def test_where_someone_came_from_is_the_place_after_from(tmp_path: Path) -> None:
    report = tmp_path / "fy2068.txt"
    report.write_text(
        "FY2068 Efforts on the Plan\n2. Education\nO Contests\n"
        '· Held the final of the "Safe Phone Contest" (12 February 2069); the grand prize '
        "went to a team from Tottori. [MEXT]\n",
        encoding="utf-8",
    )
    bot = Assistant.load(report, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    answer = bot.ask("Where was the team that won the Safe Phone Contest from?")
    assert not answer.abstained and "Tottori" in claims(answer)


def test_a_figure_compared_across_years_is_each_years_figure(multi: Assistant) -> None:
    answer = multi.ask("compare how many consultations the SNS service got, 2020 vs 2023")
    said = claims(answer)
    assert "2,300" in said and "4,600" in said and not answer.abstained
