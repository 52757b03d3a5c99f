"""Slot readers: each reads one kind of thing from a question, with a phrasing table.

``MinistryResolver`` maps however a person names a ministry to the reports' abbreviation;
``read_time`` turns fiscal and calendar years, months, ranges and seasons into ``YYYY-MM``
strings (a Japanese fiscal year N runs from April N to March N+1); the small readers of
``slots.py`` find a section, the unit a number is asked of, an ordinal, words pointing
back, how many ministries, and foreign countries; the speller fixes slips.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import asked, asked_names, parts, slots
from assistant.countries import countries as read_countries
from assistant.gazetteer import host_countries
from assistant.ministries import MinistryResolver
from assistant.spelling import Speller
from assistant.text import normalize
from assistant.time_scope import asks_dated, time_scope
from assistant.when import fiscal_months, read_time
from corpus import load_corpus

# The FY2019 report's own glossary line, as the parser reads it.
FY2019_GLOSSARY = load_corpus().glossary
COMMON = {"us", "it", "mod"}  # stands in for the English word list's common words


@pytest.fixture(scope="module")
def resolver() -> MinistryResolver:
    glossary = {**FY2019_GLOSSARY, "CB": "Consumer Bureau, Cabinet Office"}
    return MinistryResolver(glossary, is_word=lambda w: w in COMMON)


# -- ministries --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What did MEXT do?", ("MEXT",)),
        ("what did mext do", ("MEXT",)),
        ("MEXT's efforts", ("MEXT",)),
        ("What did MXET do?", ("MEXT",)),  # two letters swapped
        ("What did the Ministry of Justice do?", ("MOJ",)),
        ("What did the Ministry of Heath do?", ("MHLW",)),  # a typo in a full name
        ("Ministry of Health, Labour and Welfare", ("MHLW",)),
        ("the Ministry of Health", ("MHLW",)),  # a partial official name
        ("the education ministry", ("MEXT",)),
        ("Police Agency", ("NPA",)),
        ("the cops", ("NPA",)),
        ("the police's activities", ("NPA",)),
        ("the internal affairs ministry", ("MIC",)),
        ("the foreign office", ("MOFA",)),
        ("cabinet ofice", ("CAO",)),
        ("文部科学省", ("MEXT",)),
        ("文科省は何をした", ("MEXT",)),
        ("警察庁と厚生労働省", ("NPA", "MHLW")),
        ("法務省", ("MOJ",)),
        ("内閣府", ("CAO",)),
        ("総務省", ("MIC",)),
        ("経済産業省", ("METI",)),
        ("外務省", ("MOFA",)),
        ("内閣官房", ("CAS",)),
        ("Monbukagakusho", ("MEXT",)),
        ("What did the police and the Ministry of Heath do?", ("NPA", "MHLW")),
        # a body named with the body it is part of, in the glossary: by its own name too
        ("the Consumer Bureau of the Cabinet Office and the cabinet office", ("CB", "CAO")),
        ("what did the consumer bureau do", ("CB",)),
        ("the Ministry for Foreign Affairs", ("MOFA",)),  # its words, in another order
        ("What did the Agency of Police, National do?", ("NPA",)),
    ],
)
def test_a_ministry_is_found_however_it_is_named(
    resolver: MinistryResolver, question: str, expected: tuple[str, ...]
) -> None:
    assert resolver.find(question).ministries == expected


@pytest.mark.parametrize(
    "question",
    [
        "which ministry ran the symposium",
        "Who got the 300,000 copies?",  # "the copies" is not "the cops"
        "how is the government helping teachers",
        "tell us about it",  # "us" and "it" are English words, not abbreviations
        "the police do",  # words around a name do not make it another name
        "efforts by more than one ministry or agency",  # "or agency" names no agency
        "how many police stations opened a room for children?",  # a thing named after one
    ],
)
def test_words_that_only_look_like_ministry_names_are_not_ministries(
    resolver: MinistryResolver, question: str
) -> None:
    mentions = resolver.find(question)
    assert "us" not in mentions.ministries
    assert mentions.unknown == ()
    if question != "the police do":
        assert mentions.ministries == ()


@pytest.mark.parametrize(
    "name", ["kids agency", "the kids' agency", "こども家庭庁", "kodomo katei cho"]
)
def test_the_children_and_families_agency_goes_by_its_everyday_names(name: str) -> None:
    resolver = MinistryResolver({"CFA": "Children and Families Agency"})
    assert resolver.find(f"what did {name} do in march?").ministries == ("CFA",)


@pytest.mark.parametrize(
    "name", ["個人情報保護委員会", "the privacy commission", "the privacy watchdog"]
)
def test_a_body_a_report_adds_to_its_legend_goes_by_its_everyday_names(name: str) -> None:
    resolver = MinistryResolver({"PPC": "Personal Information Protection Commission"})
    assert resolver.find(f"what did {name} do in fy2046?").ministries == ("PPC",)


@pytest.mark.parametrize(
    ("text", "ministries"),
    [
        ("what % had a written child protection policy", ()),  # not "police"
        ("which new policies were adopted", ()),
        ("what did the polise do", ("NPA",)),  # a slip: no English word
        ("What did the Ministry of Heath do?", ("MHLW",)),  # the rest of the name is typed
    ],
)
def test_an_english_word_spelt_right_is_no_slip_for_a_ministry_name(
    text: str, ministries: tuple[str, ...]
) -> None:
    resolver = MinistryResolver(FY2019_GLOSSARY, is_known=Speller(()).is_known)
    assert resolver.find(text).ministries == ministries


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("What did the Ministry of Defense do?", "Ministry of Defense"),
        ("the Ministry of the Environment", "Ministry of the Environment"),
        ("What did 防衛省 do?", "防衛省"),
        ("what did 復興庁 do in fy2019", "復興庁"),  # a body no name table lists either
    ],
)
def test_a_ministry_no_report_has_is_reported_as_unknown(
    resolver: MinistryResolver, question: str, unknown: str
) -> None:
    mentions = resolver.find(question)
    assert mentions.ministries == ()
    assert mentions.unknown == (unknown,)


@pytest.mark.parametrize(
    "question",
    [
        "Did Japan give money to a UN agency?",
        "what does a foreign ministry do",
        "flyers warning about fake agency recruiters",  # a body's own name is capitalised
    ],
)
def test_a_body_abroad_is_no_ministry_the_reports_lack(
    resolver: MinistryResolver, question: str
) -> None:
    assert resolver.find(question).unknown == ()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_resolves_to_known_ministries_only(text: str) -> None:
    mentions = MinistryResolver(FY2019_GLOSSARY).find(text)
    assert set(mentions.ministries) <= set(FY2019_GLOSSARY)


# -- time --------------------------------------------------------------------------------

CALENDAR_2019 = tuple(f"2019-{m:02d}" for m in range(1, 13))
Q4_2020 = ("2020-10", "2020-11", "2020-12")
SUMMER_2043 = ("2043-06", "2043-07", "2043-08")


@pytest.mark.parametrize(
    ("text", "corpus_years", "fiscal", "calendar", "bare", "months"),
    [
        ("What did MEXT do in FY2019?", (2019,), (2019,), (), (), None),
        ("What happened in fiscal 2019?", (2019,), (2019,), (), (), None),
        ("in fiscal year 2019", (2019,), (2019,), (), (), None),
        ("in the 2019 fiscal year", (2019,), (2019,), (), (), None),
        ("FY19", (2019,), (2019,), (), (), None),
        ("What did NPA do in 2019?", (2019,), (), (), (2019,), None),
        ("What Justice Ministry was doing in 2019 year?", (2019,), (), (), (2019,), None),
        ("in calendar year 2019", (2019,), (), (2019,), (), CALENDAR_2019),
        ("What happened in January 2020?", (2019,), (), (), (), ("2020-01",)),
        ("in May 2019", (2019,), (), (), (), ("2019-05",)),
        ("and in may?", (2019,), (), (), (), ("2019-05",)),
        ("What happened in July?", (2019,), (), (), (), ("2019-07",)),
        ("in jul", (2019,), (), (), (), ("2019-07",)),
        ("2019/07", (2019,), (), (), (), ("2019-07",)),
        ("jun-aug", (2019,), (), (), (), ("2019-06", "2019-07", "2019-08")),
        ("from jun thru aug 2020", (2020,), (), (), (), ("2020-06", "2020-07", "2020-08")),
        ("between oct and dec", (2019,), (), (), (), ("2019-10", "2019-11", "2019-12")),
        ("dec 2019 to feb 2020", (2019,), (), (), (), ("2019-12", "2020-01", "2020-02")),
        ("in the summer", (2019,), (), (), (), ("2019-06", "2019-07", "2019-08")),
        ("winter 2019", (2019,), (), (), (), ("2019-12", "2020-01", "2020-02")),
        ("dated in April, May or June 2020", (2019,), (), (), (),
         ("2020-04", "2020-05", "2020-06")),  # a month in a list, after a comma
        ("the summer-holiday warning messages", (2019,), (), (), (), None),  # a thing's name
        ("the spring holiday banner ads", (2019,), (), (), (), None),
        # a range or season without a year takes the year the question names elsewhere
        ("from jul to aug in 2043", (2019, 2043), (), (), (2043,), ("2043-07", "2043-08")),
        ("in 2043, over the summer", (2019, 2043), (), (), (2043,), SUMMER_2043),
        ("summer 2043, jul to aug", (2019, 2043), (), (), (), SUMMER_2043),
        # a time in brackets restates the one before it more closely
        ("in summer 2043 (jul to aug)", (2019, 2043), (), (), (), SUMMER_2043[1:]),
        ("first half of FY2019", (2019,), (2019,), (), (), tuple(fiscal_months(2019)[:6])),
        ("second half of FY2019", (2019,), (2019,), (), (), tuple(fiscal_months(2019)[6:])),
        ("the first 6 months of FY2019", (2019,), (2019,), (), (), tuple(fiscal_months(2019)[:6])),
        ("its last 6 months, FY2019", (2019,), (2019,), (), (), tuple(fiscal_months(2019)[6:])),
        ("last quarter of FY2023", (2019,), (2023,), (), (), ("2024-01", "2024-02", "2024-03")),
        ("in Q1 of FY2019", (2019,), (2019,), (), (), ("2019-04", "2019-05", "2019-06")),
        (
            "What happened after October 2019?",
            (2019,), (), (), (),
            ("2019-11", "2019-12", "2020-01", "2020-02", "2020-03"),
        ),
        (
            "since October 2019",
            (2019,), (), (), (),
            ("2019-10", "2019-11", "2019-12", "2020-01", "2020-02", "2020-03"),
        ),
        ("before July 2019", (2019,), (), (), (), ("2019-04", "2019-05", "2019-06")),
        # a month said of a thing: from that month on, the month included
        (
            "how fast were calls put through after the November 2019 upgrade?",
            (2019,), (), (), (),
            ("2019-11", "2019-12", "2020-01", "2020-02", "2020-03"),
        ),
        ("between October and December 2020", (2019,), (), (), (), Q4_2020),
        (
            "from October 2019 to February 2020",
            (2019,), (), (), (),
            ("2019-10", "2019-11", "2019-12", "2020-01", "2020-02"),
        ),
        ("in march and april", (2019,), (), (), (), ("2019-04", "2020-03")),
        # "may" opening a range is the month
        (
            "anything from may through august 2019?",
            (2019,), (), (), (), ("2019-05", "2019-06", "2019-07", "2019-08"),
        ),
        ("in 2019 and 2044", (2019, 2044), (), (), (2019, 2044), None),  # two years
        # "after" that opens a clause bounds no month
        ("the name after they renamed it in december 2019", (2019,), (), (), (), ("2019-12",)),
        ("between 2019 and 2021", (2019,), (), (), (2019, 2020, 2021), None),  # a range
        ("which efforts are dated May?", (2018, 2019), (), (), (), ("2018-05", "2019-05")),
        (
            "after November 2017 but before February 2018",
            (2017,), (), (), (), ("2017-12", "2018-01"),
        ),
        (
            "anything after october 2039 but before 2040?",
            (2019, 2039), (), (), (), ("2039-11", "2039-12"),
        ),
        ("the second half of calendar 2019", (2019,), (), (2019,), (), CALENDAR_2019[6:]),
        # a part of "the fiscal year", none named: of each loaded one
        (
            "which are dated in the last quarter of the fiscal year?",
            (2019, 2046), (), (), (),
            ("2020-01", "2020-02", "2020-03", "2047-01", "2047-02", "2047-03"),
        ),
        ("first quarter of calendar 2019", (2019,), (), (2019,), (), CALENDAR_2019[:3]),
        # Japanese dates: a month, a fiscal year (年度), a plain year (年), the Reiwa era
        ("2038年9月の取り組み", (2038,), (), (), (), ("2038-09",)),
        ("2028年度の取り組み", (2019,), (2028,), (), (), None),
        ("令和元年度", (2019,), (2019,), (), (), None),
        ("令和3年度", (2019,), (2021,), (), (), None),
        ("2019年", (2019,), (), (), (2019,), None),  # a year said plainly, as "2019" is
        # things "from" a month are of that month; what happened from it on, since it
        ("any news from october 2019?", (2019,), (), (), (), ("2019-10",)),
        ("what was done from october 2019?", (2019,), (), (), (),
         (*CALENDAR_2019[9:], "2020-01", "2020-02", "2020-03")),
        # a month after its year, as some reports write it
        ("from 2019 October to 2019 December", (2019,), (), (), (), CALENDAR_2019[9:]),
        ("in the older report", (2019, 2029), (2019,), (), (), None),
        ("what does the latest report say", (2019, 2029), (2029,), (), (), None),
        ("in the older report", (2019,), (), (), (), None),  # one report: no older one
        ("tell me about the first one", (2019, 2029), (), (), (), None),  # of a list
        # one month of several years; a hyphen in a word is no span of time
        ("dated in a June (June 2019, 2029 or 2031)", (2019, 2029), (), (), (),
         ("2019-06", "2029-06", "2031-06")),
        ("the June-dated efforts (June 2019 and June 2029)", (2019, 2029), (), (), (),
         ("2019-06", "2029-06")),
        ("any dated in an august (aug 2019, 2029, 2031)", (2019, 2029), (), (), (),
         ("2019-08", "2029-08", "2031-08")),
        # a winter across two years; a half of the fiscal year written "H1"
        ("winter 2019-20, what was done", (2019,), (), (), (), ("2019-12", "2020-01", "2020-02")),
        ("FY2019, H1 only", (2019,), (2019,), (), (), CALENDAR_2019[3:9]),
    ],
)  # fmt: skip
def test_time_expressions_are_read_as_fiscal_calendar_and_bare_years_and_months(
    text: str,
    corpus_years: tuple[int, ...],
    fiscal: tuple[int, ...],
    calendar: tuple[int, ...],
    bare: tuple[int, ...],
    months: tuple[str, ...] | None,
) -> None:
    ref = read_time(text, corpus_years)
    assert (ref.fiscal_years, ref.calendar_years, ref.years, ref.months) == (
        fiscal,
        calendar,
        bare,
        months,
    )


def test_the_month_after_names_a_month_not_the_months_after_it() -> None:
    assert read_time("and the month after, january 2093?", (2092,)).months == ("2093-01",)


def test_a_year_s_report_is_its_fiscal_year_loaded_or_not() -> None:
    loaded = (2019, 2095)
    scope = time_scope(read_time("the 2097 report, anything on AI?", loaded), loaded, ("2097-05",))
    assert scope.uncovered == (2097,) and scope.months is None  # not calendar 2097
    assert read_time("in 2095's report, what did MOJ do", loaded).fiscal_years == (2095,)


def test_a_span_of_years_is_the_loaded_reports_within_it() -> None:
    loaded = (2019, 2020, 2023, 2093)
    scope = time_scope(read_time("CAO's efforts, 2019 through 2093?", loaded), loaded, ())
    assert scope.fiscal_years == (2019, 2020, 2023, 2093) and scope.uncovered == ()
    # a span no loaded report falls in is read year by year, as before
    scope = time_scope(read_time("MEXT from 2030 to 2032", loaded), loaded, ())
    assert scope.fiscal_years == () and scope.uncovered == (2030, 2031, 2032)


@pytest.mark.parametrize(
    "text",
    [
        "increasing the number of child welfare officers by approximately 2,020 persons",
        "What did MEXT do?",
        "a child may be suffering harm",  # "may" the verb is not the month
        "section 5",
        "the 4th Specialist Group Meeting",
        "in summer school",
        "1,204 cases",
        # a month's short name begins a word: "of junior", "in marine", "for novel"
        "what share of junior high school students owned a smartphone",
        "anything in marine safety or for novel apps?",
    ],
)
def test_text_without_a_time_expression_has_no_time(text: str) -> None:
    assert not read_time(text, (2019,)).any


def test_a_time_expression_span_covers_its_words() -> None:
    text = "What did NPA do in FY2019?"
    assert [text[s:e] for s, e in read_time(text, (2019,)).spans] == ["FY2019"]


def test_a_month_without_a_year_is_read_in_every_loaded_fiscal_year() -> None:
    assert read_time("What happened in December?", (2019, 2020)).months == ("2019-12", "2020-12")
    assert read_time("What happened in February?", (2019,)).months == ("2020-02",)


def test_fiscal_year_runs_from_april_to_the_next_march() -> None:
    assert fiscal_months(2019) == [
        "2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09",
        "2019-10", "2019-11", "2019-12", "2020-01", "2020-02", "2020-03",
    ]  # fmt: skip
    assert fiscal_months(2023)[-3:] == ["2024-01", "2024-02", "2024-03"]


_TIME_WORDS = st.sampled_from(
    "in after before since until between from to and of the first last second half quarter "
    "Q4 FY2019 FY19 fiscal calendar year 2019 2020 2,020 January March May may jun-aug "
    "October December summer What happened ? ,".split(" ")
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.lists(_TIME_WORDS, max_size=10).map(" ".join)))
def test_any_text_reads_as_well_formed_months(text: str) -> None:
    ref = read_time(text, (2019,))
    for month in ref.months or ():
        assert re.fullmatch(r"(19|20)\d\d-(0[1-9]|1[0-2])", month)
    for start, end in ref.spans:
        assert 0 <= start < end <= len(text)


# -- small readers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("How many people attended the meeting?", "people"),
        ("How many child welfare officers were added?", "officers"),
        ("how many companies took part", "companies"),
        ("By how many persons were officers increased?", "persons"),
        ("How long did the campaign run?", "duration"),
        ("how often was the video watched", "times"),
        ("Over what period?", "duration"),
        ("What share of the items were deleted?", "percent"),
        ("what percent of minors use filtering", "percent"),
        ("How much did it cost?", "money"),
        ("How much did Japan contribute to the project?", "money"),
        ("how many foreign embassies sent people to the meeting?", "embassies"),
        ("how many municipalities already have a support base?", "municipalities"),
        ("how much money gaimusho give to unicef?", "money"),
        ("how many consultations and how did it compare?", "consultations"),
        ("How many child abuse prevention hub hospitals are there?", "hospitals"),
        ("How many recommendations did the interim report on the study make?", "recommendations"),
        ("How old were the young people surveyed?", "age"),
        ("How many efforts did MEXT have?", "efforts"),
        ("What did MEXT do?", None),
        ("What's the average salary of a child welfare officer?", "salary"),
        ("what is the average budget for a hotline", "budget"),
        ("who did the annual survey", None),  # "annual" says which survey, not a figure
        ("were detectives trained, and how many of them?", None),
        ("how old were the children in the survey?", "age"),
        ("Is there a pilot that lets websites confirm how old you are?", None),
        ("In the 2025 report, how many measures sit under section 4?", "measures"),
        # a preposition ends the noun: "as of March" is a time, not what is counted
        ("in how many municipalities as of march 2035?", "municipalities"),
        ("how many schools per prefecture took part", "schools"),
        ("was there a meeting of experts? how many showed up", None),  # a verb, no noun
        ("how many watched the broadcast live?", None),  # people: "watched" is only a verb
        ("how many reported cases were there", "cases"),
        ("how big were the subsidies to the centres (yen)?", "money"),
        ("how big is the new team (number of investigators)?", "investigators"),
        ("within how many hours must they take it down", "hours"),  # a modal is no noun
        ("whats the max a town could get from the subsidy?", "money"),  # "up to 3 million yen"
        ("what was the maximum number of teams?", "teams"),  # a count, not a sum
        ("and how many centers exist now?", "centers"),  # a verb ends the noun
        ("tell me number of safety class done in 2020", "class"),  # a participle ends the noun
        ("do they say what the new app cost the city?", "money"),
        ("was the cost of the campaign given", "money"),
        ("number of young people spoken to at night?", "people"),  # an irregular past
        # what a count asks of, named before it, is left to the words it is about
        ("shelters for girls at risk - how many are there now?", None),
        ("listings of photo books on marketplaces - how many got removed?", "listings"),
        ("home visits by nurses, police and schools - how many were done?", "visits"),
        ("leaflets on grooming: how many were handed out?", "leaflets"),
        ("what budget was set aside for the new officers?", "budget"),  # a sum so called
        # "how many were …": the plural after the verb is what is counted, a verb is not
        ("of the cases cleared, how many were child pornography offences?", "offences"),
        ("of the suspects, how many were arrested?", None),
        ("the line got how many consultations last year?", "consultations"),  # a time ends it
        ("how many platform operators share it?", "operators"),  # a verb with its object
        ("how many countries' police took part?", "countries"),  # whose police: the countries
    ],
)
def test_the_unit_a_number_is_asked_of(question: str, unit: str | None) -> None:
    assert asked.unit(normalize(question)) == unit


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("shelters for girls at risk - how many are there now?", "shelters"),
        ("the hotline: how many calls?", None),  # named after it
        ("in 2063, how many were there?", None),
        ("efforts of MEXT - how many?", None),  # a part of the plan
    ],
)
def test_the_things_a_count_asks_of_may_be_named_before_it(
    question: str, named: str | None
) -> None:
    assert asked.named_before(question) == named


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Which law do the crackdowns refer to?", "law"),
        ("what was the name of the new hotline", "hotline"),
        ("What is the child abuse hotline called now?", "hotline"),
        ("At which conference did the NPA speak?", "conference"),
        ("What kind of support bases will every town get?", "bases"),
        ("which number specialist group meeting was it", "meeting"),
        ("What type of material did they hand out?", "material"),
        ("which number should I call", "number"),
    ],
)
def test_what_a_name_is_asked_of(question: str, noun: str) -> None:
    assert asked.name_of(question) == noun


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("tell me more about the second one", 2),
        ("the last one", -1),
        ("what about number 3?", 3),
        ("[2]", 2),
        ("What did MEXT do?", None),
        ("the whole list, from the first effort to the very last one", None),
    ],
)
def test_ordinals_pick_an_item_of_the_previous_answer(question: str, number: int | None) -> None:
    assert slots.ordinal(question)[0] == number


@pytest.mark.parametrize(
    ("question", "back", "subset"),
    [
        ("who ran it?", True, False),
        ("when was that?", True, False),
        ("which of those were joint?", True, True),
        ("Which of them involved MEXT?", True, True),
        ("What did they do in 2020?", True, False),
        ("Show efforts that involved both CFA and NPA", False, False),  # relative "that"
        ("Is anything done so kids don't retell their ordeal?", False, False),  # possessive
        ("When was the symposium held?", False, False),
        ("what dates was that course?", True, False),  # a demonstrative before the last noun
        ("list the efforts that involved", False, False),
        ("what was its old name?", True, False),  # "its" owned by nothing in the question
        ("what's its phone number", True, False),
        ("who gave the talk there?", True, False),  # a place pointed back at
        ("anything of theirs dated march 2019?", True, False),
        ("how many people were there?", False, False),  # "there" that only exists
        ("did the police publish its guide?", False, False),  # "its" is the police's
        # cutting the previous answer down
        ("just keep the ones from the summer", True, True),
        ("narrow it down to MOJ, please", True, True),
        ("filter to those after October", True, True),
        ("what keeps kids safe online?", False, False),  # "keeps" asks nothing back
        ("so how many MEXT items is that altogether?", True, False),
        ("cut that list back to the July ones", True, True),
        ("who spoke at the opening of that hearing?", True, False),  # an -ing noun
    ],
)
def test_words_pointing_back_at_the_previous_answer(
    question: str, back: bool, subset: bool
) -> None:
    assert slots.refers_back(question) == (back, subset)


@pytest.mark.parametrize(
    ("question", "named", "at_least", "together"),
    [
        ("Were any efforts done by three ministries together?", 0, 3, True),
        ("efforts involving more than one ministry", 0, 2, False),
        ("What did MEXT and NPA do jointly?", 2, 0, True),
        ("Which efforts were carried out jointly?", 0, 2, True),
        ("what did MOJ do, both years", 1, 0, True),
        ("What did MEXT do?", 1, 0, False),
        ("How many ministries are credited with efforts?", 0, 0, False),  # asks a count
        ("How many efforts did MEXT take part in, joint ones included?", 1, 0, False),
        ("what did CFA do in fy2025, incl joint ones", 1, 0, False),
        ("what did MEXT do alone or jointly", 1, 0, False),
        ("How many did NPA do in FY2023? counting also the joint ones", 1, 0, False),
        ("which were done together with MEXT or DA?", 2, 0, False),  # with either of them
        ("did MIC and METI work together on filtering or age checks?", 2, 0, True),
        ("which efforts, in either year, have both MIC and METI?", 2, 0, True),
        ("is there an effort that MEXT and the NPA share?", 2, 0, True),
        ("what share of MEXT and NPA efforts had a date?", 2, 0, False),
        ("of the DA's efforts, which did it not do alone?", 1, 2, False),  # with another
        ("what did METI and the JFTC each do? list both", 2, 0, False),  # each one's
        ("what did MEXT and NPA each do together", 2, 0, True),
        ("which efforts list three or more bodies?", 0, 3, False),
        ("which did DA do with at least two other bodies?", 1, 3, True),
        ("how many efforts were shared by 3+ ministries/agencies", 0, 3, True),
        ("which efforts name three competent ministries or agencies?", 0, 3, False),
        ("one list of the efforts credited to MIC or to METI (or to both)", 2, 0, False),
        ("the efforts in which the DA, METI, or both took part", 2, 0, False),  # either
        ("which ones didn't the police do on their own", 1, 2, False),
        ("did MEXT ever team up with someone else?", 1, 2, True),
        ("which did NPA do jointly rather than alone?", 1, 2, True),
        # organisations as a report credits them, not organisations an effort names
        ("efforts where 3 organisations are credited", 0, 3, False),
        ("the forum with 36 organisations attending", 0, 0, False),
        ("cases where 3 organisations share the credit", 0, 3, True),
        # one body more than those named: "some other", "a second", "a third"
        ("the NPA's efforts credited alongside some other body", 1, 2, True),
        ("MOJ efforts that name a second agency too", 1, 2, False),
        ("which did CFA do together with someone else", 1, 2, True),
        ("efforts with MIC and METI and some third body", 2, 3, True),
        ("efforts with MIC and METI and another ministry", 2, 3, True),
        ("which of these had a second ministry or agency on them?", 0, 2, False),
    ],
)
def test_how_many_ministries_an_effort_must_have(
    question: str, named: int, at_least: int, together: bool
) -> None:
    assert slots.ministry_count(question, named) == (at_least, together)


@pytest.mark.parametrize(
    ("question", "exactly"),
    [
        ("which efforts are credited to three bodies, no more and no fewer?", 3),
        ("list the efforts credited to precisely three ministries or agencies", 3),
        ("number of efforts done by exactly two bodies?", 2),
        ("how many efforts were done by one body alone?", 1),
        ("how many efforts have just one owner?", 1),
        ("which have three bodies in charge, no more and no fewer?", 3),
        ("how many have only one ministry in charge?", 1),
        ("efforts shared by 3+ ministries", 0),  # at least, not exactly
        ("what did the police do alone?", 0),  # the police's own, a ministry named
    ],
)
def test_how_many_ministries_exactly_an_effort_must_have(question: str, exactly: int) -> None:
    assert slots.exact_ministry_count(question) == exactly


def test_a_full_name_longer_than_seven_words_is_the_body_not_a_part_of_it() -> None:
    glossary = {
        "MEXT": "Ministry of Education, Culture, Sports, Science and Technology",
        "CFA": "Children and Families Agency",
        "NISC": "National Center of Incident Readiness and Strategy for Cybersecurity",
    }
    resolver = MinistryResolver(glossary)
    question = (
        "Which efforts did the Children and Families Agency and the Ministry of Education, "
        "Culture, Sports, Science and Technology both take part in?"
    )
    found = resolver.find(question)
    assert found.ministries == ("CFA", "MEXT") and not found.unknown
    found = resolver.find("efforts crediting the National Center of Incident Readiness and "
                          "Strategy for Cybersecurity")  # fmt: skip
    assert found.ministries == ("NISC",)


def test_sections_are_read_by_number_word_or_title() -> None:
    titles = [(4, "Prompt protection of and appropriate support for child victims")]
    assert parts.section("what was done under pillar 5?", titles)[0] == 5
    assert parts.section("the fifth section", titles)[0] == 5
    assert parts.section("2023 report, first section - which efforts?", titles)[0] == 1
    question = "What falls under 'Prompt protection and support for child victims'?"
    assert parts.section(question, titles)[0] == 4
    assert parts.section("What did MEXT do?", titles)[0] is None
    assert parts.section("what is in section III", titles)[0] == 3
    assert parts.section("sec 4?", titles)[0] == 4
    assert parts.section("whats in §6 of the 2052 report", titles)[0] == 6
    assert parts.measure("Measure 4-d of the FY2054 report - what is it called?", None)[0] == (4, 4)
    assert parts.measure("what is under measure 3-1", None)[0] == (3, 1)
    assert parts.measure("the title of measure M3.3 in the 2055 report", None)[0] == (3, 3)
    assert parts.section("the efforts under section [4] of the report", titles)[0] == 4
    # one word of a title names it after a cue when no other part's title has it
    five = [
        *titles,
        (2, "Support for children and families to ensure the growth of children"),
        (5, "Strengthening of crackdowns and rehabilitation of offenders"),
    ]
    assert parts.section("the crackdowns section in 2030 - what is in it?", five)[0] == 5
    assert parts.section("the support section - what is in it?", five)[0] is None  # 2 or 4
    # a measure's title is named by two of its words at least
    measures = [("1.3", "Promotion of international cooperation")]
    assert parts.titled("whats in the international collaboration section", measures) is None
    assert parts.section("the awareness section (no. 2), which efforts?", titles)[0] == 2
    assert parts.section("goal E of the 2056 report, whats in there", titles)[0] == 5
    assert parts.section("part a of the plan", titles)[0] is None  # no letter in capitals
    assert parts.measure("the title of measure D.4", None)[0] == (4, 4)
    assert parts.section("what is in §4.1", titles)[0] is None  # a measure
    assert parts.section("which section i should read", titles)[0] is None
    # an abbreviation's full stop does not cut the section's number from it
    assert parts.section("what is listed in sec. 4", titles)[0] == 4
    assert parts.section("everything in pt. 4 please", titles)[0] == 4
    # "the last section" is the highest-numbered one the reports have
    assert parts.section("what's in the report's final section?", five)[0] == 5
    assert parts.section("the last pillar, what does it hold", five)[0] == 5
    # most of a title after "under", without a section word
    question = "anything listed under support and protection for child victims?"
    assert parts.section(question, five)[0] == 4
    assert parts.section("filed under support for families", five)[0] is None  # 2 words


@pytest.mark.parametrize(
    ("question", "section", "measure"),
    [
        ("article 6 in the 2059 notice - every item under it", 6, None),
        ("whats under theme 5 in the 2060 report", 5, None),
        ("how many efforts sit under focus area 4?", 4, None),
        ("What efforts does No. 4 of the FY2062 report contain?", 4, None),
        ("now only those in No. 5.", 5, None),
        ("the hotline No. 189", None, None),  # no section so numbered
        ("Give the title of measure 4-(4) in FY2062.", None, (4, 4)),
        ("What is the title of measure 6(c) in the FY2060 report?", None, (6, 3)),
        ("measure 2(4) of that annex is called what", None, (2, 4)),  # "2(4) Title" as printed
        ("Measure (3.3) of the FY2057 report: what is it called?", None, (3, 3)),
        ("Measure IV-4 of the FY2058 report is called what?", None, (4, 4)),
        ("measure V-1", None, (5, 1)),
        ("What is the title of Para. 3 of Article 3 in the FY2059 report?", 3, (3, 3)),
        ("what was the theme of the meeting?", None, None),  # a theme, no section
        ("everything in category 3 of the 2064 edition", 3, None),
        ("field 2, the second measure is called what", 2, (2, 2)),
        ("what is Q4-2 about in that Q&A?", None, (4, 2)),  # a question of a Q&A: a measure
        ("every effort under direction 6 of the wiki page", 6, None),
        ("strand 2 of the plan, what's in it", 2, None),
        ("which direction did the police take in 2019?", None, None),  # a direction, no section
        ("what's initiative 2 of priority 5 called?", 5, (5, 2)),  # a web page's labels
        # an e-book's "⑷" and "Ⅳ" in plain letters
        ("the title of measure (4) in chapter IV of that edition?", 4, (4, 4)),
        # a wiki page's labels
        ("every effort under Workstream 3 of that page", 3, None),
        ("Action 5.3 is called what?", None, (5, 3)),
        ("the 2019 report's fifth pillar, what is in it?", 5, None),  # an ordinal after "'s"
        ("Measure five point three of that report is called what?", None, (5, 3)),  # in words
        # a cable's paragraphs and lettered sub-paragraphs
        ("which efforts are under para 6 of that cable", 6, None),
        ("the title of measure 6.C in the cable?", None, (6, 3)),
        # a compendium's release series and topics, a chat export's threads
        ("every effort in release series 3", 3, None),
        ("what is topic 2-4 called", None, (2, 4)),
        ("thread 3.2 of the export: its title?", None, (3, 2)),
    ],
)
def test_parts_are_read_as_the_reports_label_them(
    question: str, section: int | None, measure: tuple[int, int] | None
) -> None:
    number = parts.section(question, [])[0]
    assert number == section
    assert parts.measure(question, number)[0] == measure


@pytest.mark.parametrize(
    ("question", "section", "expected"),
    [
        ("FY2018, measure 3.2: what efforts are listed there?", None, (3, 2)),
        ("what is in §4.1", None, (4, 1)),
        ("the second measure of pillar 5", 5, (5, 2)),
        ("the last measure", 2, (2, -1)),
        ("the second measure", None, None),  # of no section named
        ("it rose by 3.2%", None, None),
        ("whats measure D under part III called", 3, (3, 4)),  # lettered as a report may
        ("measure 4 of section 3?", 3, (3, 4)),
        ("measure a of it", 3, None),  # a lower-case "a" is a word
    ],
)
def test_a_measure_is_named_by_its_number_or_its_place_in_a_section(
    question: str, section: int | None, expected: tuple[int, int] | None
) -> None:
    assert parts.measure(question, section)[0] == expected


def test_a_section_is_named_by_some_of_its_title_words_after_section_about() -> None:
    titles = [
        (1, "Enhancement of public awareness, development of social awareness"),
        (4, "Prompt protection of and appropriate support for child victims"),
    ]
    question = "What falls under the pillar about protecting and supporting child victims?"
    assert parts.section(question, titles)[0] == 4
    assert parts.section("the section on public awareness", titles)[0] == 1
    # without "section about", a few shared words are a topic, not a section
    assert parts.section("What did MEXT do for child victims?", titles)[0] is None


def test_a_section_is_named_by_its_title_words_before_section() -> None:
    titles = [
        (5, "Strengthening of crackdowns and rehabilitation of offenders"),
        (6, "Strengthening of the foundation for realizing a society where children will "
         "never become victims"),
    ]  # fmt: skip
    question = "show me whats in the strengthening of the foundation section for fy2045"
    # the title sharing the most words, not the one whose few words are most covered
    assert parts.section(question, titles)[0] == 6
    assert parts.section("the strengthening the foundation section pls", titles)[0] == 6
    assert parts.section("what did they do to strengthen the foundation?", titles)[0] is None


def test_a_section_title_restated_in_brackets_is_no_topic_of_its_own() -> None:
    title = frozenset({"promot", "measur", "prevent", "victim", "focus", "tool"})
    assert parts.restated("section 3 (the one on tools) - what was done?", title) == {"tool"}
    assert parts.restated("section 3 (and the hotline) - what was done?", title) == set()


def test_a_bracket_restating_the_named_sections_title_names_no_measure() -> None:
    titles = [(4, "Prompt protection of and appropriate support for child victims")]
    question = "section 4 (protection and support of child victims) has how many efforts?"
    assert parts.restates_section(question, 4, titles)
    assert not parts.restates_section("section 4 (recovery of child victims)", 4, titles)
    assert not parts.restates_section(question, None, titles)


def test_a_title_word_cut_short_restates_the_title_word_it_begins() -> None:
    title = frozenset({"strengthen", "crackdown", "rehabilit", "offend"})
    assert parts.restated("pillar 5 (crackdowns and rehab) - all of it", title) == {
        "crackdown",
        "rehab",
    }
    assert parts.restated("pillar 5 (crackdowns and reh) - all of it", title) == set()


def test_an_everyday_word_or_a_hyphenated_phrase_restates_a_title_too() -> None:
    title = frozenset({"support", "children", "famili", "ensur", "growth", "child"})
    assert parts.restated("pillar 2 (support for kids) - whats in it", title) == {
        "support",
        "kid",
    }
    victims = frozenset({"prompt", "protect", "appropri", "support", "child", "victim"})
    assert parts.in_title("protection-of-child-victims", victims)
    assert not parts.in_title("protection-of-pets", victims)


@pytest.mark.parametrize(
    ("question", "countries"),
    [
        ("What is the US doing about this?", ("United States",)),
        ("What do South Korea and France do?", ("Korea", "France")),
        ("tell us about it", ()),  # "us" the pronoun
        ("what is the us doing about sextortion", ("United States",)),  # "the us": the country
        ("What did Japan do?", ()),
        ("what did the uk do about grooming", ("United Kingdom",)),  # no word but the country
    ],
)
def test_foreign_countries_are_noticed(question: str, countries: tuple[str, ...]) -> None:
    found = tuple(dict.fromkeys(c.name for c in read_countries(question, "Japan", frozenset())))
    assert set(found) == set(countries)


@pytest.mark.parametrize(
    ("question", "countries"),
    [
        # where Japan's diplomats did something, in a country whose city the reports name
        ("Did the diplomats organise a panel in Switzerland?", ()),
        ("did they hold an event in switzerland", ()),
        # what that country does, or has, is still another country's
        ("what is Switzerland doing about child exploitation?", ("Switzerland",)),
        ("what measures are in place in Switzerland?", ("Switzerland",)),
        ("what does Switzerland's law say about this?", ("Switzerland",)),
    ],
)
def test_a_country_where_the_reports_tell_of_something_done_is_no_other_countrys_measures(
    question: str, countries: tuple[str, ...]
) -> None:
    hosted = host_countries(["Hosted a side event in Geneva (March 2046)."])
    found = read_countries(question, "Japan", frozenset(), hosted)
    assert tuple(c.name for c in found) == countries


def test_a_city_named_like_an_ordinary_word_tells_of_no_country() -> None:
    # "Police" is a town in Poland; "with the Royal Thai Police" names no place
    assert host_countries(["Held a workshop in Bangkok with the Royal Thai Police."]) == {
        "Thailand"
    }


# -- spelling ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller({"symposium", "hotline", "sns", "mext", "police", "guidebook", "toll-free"})


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Waht ddi the police do?", "what did the police do?"),
        ("wehn wsa teh symposum held", "when was the symposium held"),
        ("Hwo mnay people attended", "how many people attended"),
        ("hw mny efforts r there", "how many efforts are there"),
        ("what did mext do abt sns", "what did mext do about sns"),
        ("when was the hotlne made toll-free", "when was the hotline made toll-free"),
        ("Adn MHLW?", "and MHLW?"),
        ("gimme every effort fo 2025", "give me every effort for 2025"),
        # a contraction typed without its apostrophe is not another word ("want", "give")
        ("wasnt there a symposium", "wasn't there a symposium"),
        ("how many police depts", "how many police departments"),
        ("how many warning msgs", "how many warning messages"),
        ("health ministry n december", "health ministry and december"),
        ("ive heard theyre running one", "I've heard they're running one"),
        # a form the word list counts less often than its base word
        ("how many downlods", "how many downloads"),
        # a word in -y made plural with a bare "s" is its plural, not a word one letter off
        ("how many copys got sent out", "how many copies got sent out"),
        ("how many local govts took part", "how many local governments took part"),
    ],
)
def test_slips_and_chat_shorthand_are_corrected(speller: Speller, typed: str, meant: str) -> None:
    assert speller.correct(typed).lower() == meant.lower()


def test_a_word_spelt_the_other_way_is_spelt_as_the_reports_do() -> None:
    # "centres" is a word of the intent examples too: the reports' spelling wins
    speller = Speller({"centres", "centers", "colour"}, reports={"centers", "colour"})
    assert speller.correct("which centres, in what colour?") == "which centers, in what colour?"


@pytest.mark.parametrize(
    "word",
    [
        "sexting",
        "Monbukagakusho",
        "SNS",
        "MEXT",
        "symposium",
        # British spellings of known words, which the American word list lacks
        "organise",
        "colour",
        "centre",
        "programme",
        "counselling",
        "defence",
    ],
)
def test_words_that_are_not_slips_are_left_alone(speller: Speller, word: str) -> None:
    assert speller.correct(word) == word


def test_a_british_spelling_becomes_the_reports_own_when_only_that_is_theirs() -> None:
    speller = Speller({"organizations", "symposium"})
    assert speller.correct("how many organisations got it") == "how many organizations got it"
    assert Speller(()).correct("the organisations") == "the organisations"  # kept otherwise


def test_a_short_word_two_edits_from_a_report_word_is_a_word_of_its_own() -> None:
    speller = Speller({"consent", "symposium"})
    assert speller.correct("best onsen near kumamoto") == "best onsen near kumamoto"
    assert speller.correct("consnt") == "consent"  # one edit: a slip


def test_a_hyphenated_word_is_corrected_part_by_part() -> None:
    speller = Speller({"organised", "centre", "learning"})
    # the whole is no word of the list, but it is not a slip for its last part
    assert speller.correct("who co-organised the one-stop centre") == (
        "who co-organised the one-stop centre"
    )
    assert speller.correct("e-lerning for teachers") == "e-learning for teachers"


@pytest.mark.parametrize(
    ("question", "asks_if"),
    [
        ("Did MEXT publish a guidebook?", True),
        ("and is there a hotline", True),
        ("ok and is it free to call", True),  # a discourse marker before the auxiliary
        ("so what did MEXT do", False),
        ("Do you know who ran the symposium?", False),  # asks who
        ("can you tell me when it was held", False),
        ("did the police brief firms on what kinds of grooming they see?", True),
        ("In 2019, did the police brief firms?", True),  # a year before the auxiliary
        ("When was it?", False),
    ],
)
def test_a_yes_no_question_opens_with_an_auxiliary_and_asks_no_wh_question(
    question: str, asks_if: bool
) -> None:
    assert slots.yes_no(question) is asks_if


@pytest.mark.parametrize(
    ("question", "names"),
    [
        (
            "What was the budget for the Comprehensive Reinforcement Plan for Child Abuse "
            "Prevention Measures System?",
            ["Comprehensive Reinforcement Plan for Child Abuse Prevention Measures System"],
        ),
        (
            'Who made the "Is That Friend Really Your Friend?" video',
            ["Is That Friend Really Your Friend?"],
        ),
        ("When Was The Symposium Held?", []),  # typed all in Title Case: no name told apart
        ("Public Symposium: when?", []),  # a capital opening the question is not a name
    ],
)
def test_a_quoted_or_title_case_name_is_one_slot(question: str, names: list[str]) -> None:
    assert [question[s:e].strip('"') for s, e in slots.titles(question, [])] == names


@pytest.mark.parametrize(
    ("question", "quantity"),
    [
        ("What was the budget for the plan?", "budget"),
        ("what's the turnout", "turnout"),
        ("What was the number?", None),
    ],
)
def test_a_figure_question_without_how_many_names_its_quantity(
    question: str, quantity: str | None
) -> None:
    assert asked.quantity_of(question) == quantity


def test_a_quantity_noun_is_a_figure_asked_whatever_the_shape() -> None:
    assert asked.quantity_of("What is the budget for the DBS system?", known_only=True) == "budget"
    assert asked.quantity_of("what is the hotline called", known_only=True) is None
    assert asked.quantity_of("budget for the CFA campaign?", known_only=True) == "budget"
    assert asked.quantity_of("Does it cost anything to call?", known_only=True) is None
    assert asked.quantity_of("whats the yearly budget of ISA for X", known_only=True) == "budget"
    assert asked.quantity_of("what's the yearly budget of ISA for X") == "budget"


def test_romanised_names_with_macrons_are_read_without_them(resolver: MinistryResolver) -> None:
    assert normalize("Kōsei Rōdō-shō") == "Kosei Rodo-sho"
    assert normalize("デジタル庁") == "デジタル庁"  # kana keep their marks
    assert resolver.find(normalize("What did Kōsei Rōdō-shō do?")).ministries == ("MHLW",)


@pytest.mark.parametrize(
    ("typed", "fiscal", "months"),
    [
        ("what happened in november reiwa 31?", (), ("2049-11",)),
        ("list everything the health ministry did in fiscal reiwa 31", (2049,), None),
        ("and in FY Reiwa 30?", (2048,), None),
    ],
)
def test_a_year_of_the_reiwa_era_typed_in_letters_is_read_as_its_western_year(
    typed: str, fiscal: tuple[int, ...], months: tuple[str, ...] | None
) -> None:
    ref = read_time(normalize(typed), (2019, 2049))
    assert (ref.fiscal_years, ref.months) == (fiscal, months)


def test_two_ministries_in_a_row_are_two_names_not_one_reordered() -> None:
    glossary = {**FY2019_GLOSSARY, "CFA": "Children and Families Agency"}
    resolver = MinistryResolver(glossary, is_word=lambda w: w in COMMON)
    text = "What did the education ministry and the children and families agency do?"
    assert resolver.find(text).ministries == ("MEXT", "CFA")


def test_a_name_in_english_after_one_in_japanese_is_a_second_ministry() -> None:
    glossary = {**FY2019_GLOSSARY, "CAS": "Cabinet Secretariat", "CAA": "Consumer Affairs Agency"}
    resolver = MinistryResolver(glossary, is_word=lambda w: w in COMMON)
    text = "What did each of 内閣官房 and the Consumer Affairs Agency do in FY2017?"
    assert resolver.find(text).ministries == ("CAS", "CAA")


def test_a_name_as_written_is_cut_without_the_words_before_it() -> None:
    resolver = MinistryResolver(FY2019_GLOSSARY, is_word=lambda w: w in COMMON)
    text = "can a youngster write in to the justice ministry when treated unfairly?"
    mentions = resolver.find(text)
    assert mentions.ministries == ("MOJ",)
    assert [text[a:b] for a, b in mentions.spans] == ["the justice ministry"]


@pytest.mark.parametrize(
    ("text", "ministries"),
    [
        ("what did the justice and foreign affairs ministries do?", ("MOJ", "MOFA")),
        ("efforts of the health or education ministries", ("MHLW", "MEXT")),
        ("what did both ministries do?", ()),
    ],
)
def test_two_names_saying_their_last_word_once_are_two_ministries(
    resolver: MinistryResolver, text: str, ministries: tuple[str, ...]
) -> None:
    assert resolver.find(text).ministries == ministries


@pytest.mark.parametrize("name", ["最高裁判所", "最高裁", "the supreme court"])
def test_a_body_a_report_abbreviates_its_own_way_goes_by_its_everyday_names(name: str) -> None:
    # the table knows the court by its official name, whatever a report's abbreviation
    resolver = MinistryResolver({"SCJ": "General Secretariat of the Supreme Court of Japan"})
    assert resolver.find(f"what did {name} do in fy2046?").ministries == ("SCJ",)
    assert MinistryResolver({"MOJ": "Ministry of Justice"}).find(f"{name}?").ministries == ()


def test_two_names_sharing_a_word_are_two_ministries_not_one_reordered() -> None:
    glossary = {**FY2019_GLOSSARY, "CAS": "Cabinet Secretariat"}
    resolver = MinistryResolver(glossary, is_word=lambda w: w in COMMON)
    text = "what did each of the cabinet secretariat and the cabinet office do in fy2040?"
    assert resolver.find(text).ministries == ("CAS", "CAO")


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("At which conference did MOFA present its work?", "conference"),
        ("What is the guidebook that MEXT published titled?", "guidebook"),
        ("which 31 companies took part", "companies"),
        ("Which five operators joined the experiment?", "operators"),
        ("Which recommended practices came out of it?", "practices"),
        ("Which other landmarks were lit up?", "landmarks"),
        ("At which international conference did MOFA speak?", "conference"),
        ("Which agency runs the LINE service?", None),  # "runs" is what the agency does
        ("Which were the 17 operators of community sites?", "operators"),
        ("Which five online service operators joined?", "operators"),
        ("Which six Southeast Asian countries does it cover?", "countries"),
        ("which two ministries worked together?", None),
        ("which parts of the body are private?", None),
        ("Which efforts did MEXT do?", None),
        ("What did MEXT do?", None),
        # the number of a line is one to call; the number of calls is a count
        ("number for the youth consultation line pls", "number"),
        ("what was the consultation-only line set up in 2019 called?", "line"),  # its noun
        ("what was the national month the forum was held in called?", "month"),
        ("the forum was held in a national month, what was that month called?", "month"),
        ("what was the poster at the train stations called", "poster"),  # not "at"
        ("MHLW set up a second line - what is that one called?", None),  # no noun: "one"
        ("what is the guidebook MEXT published called", "guidebook"),  # not "MEXT"
        ("the meeting in jan 2057, which number was it", "ordinal"),  # its place in a series
        ("the number of calls to the hotline", None),
        # an imperative asks the names too
        ("Name the five universities that ran the study.", "universities"),
        ("can you name the companies that joined", "companies"),
        ("what did they name the campaign", None),
        ("the parents line, until what time can they call now?", "hours"),
        ("what exactly were the 9 pledges adopted there", "pledges"),
        ("did the ministry hold it again? in which reports", None),  # years, not names
    ],
)
def test_what_is_asked_to_be_named(question: str, names: str | None) -> None:
    assert asked_names.asked_names(question) == names


@pytest.mark.parametrize(
    ("question", "dated"),
    [
        ("which efforts are dated?", True),
        ("Which of those name a month?", True),
        ("which of them mention a date", True),
        ("what was the name of the month it was held in?", False),
    ],
)
def test_a_question_may_ask_for_the_efforts_that_give_a_date(question: str, dated: bool) -> None:
    assert asks_dated(question) is dated


@pytest.mark.parametrize(
    "question",
    [
        "how many things did police do by themself",
        "what did MOJ do, no other ministry involved",
        "justice ministry solo efforts in fy2056",
    ],
)
def test_efforts_a_ministry_did_with_no_other_are_asked_however_it_is_said(question: str) -> None:
    assert slots.sole_ministry(question)


@pytest.mark.parametrize(
    "question",
    [
        "which of its efforts did it not do alone?",
        "what didn't MEXT do on its own in 2019",
        "which did the police do with others rather than alone?",
    ],
)
def test_efforts_a_ministry_did_not_do_alone_are_not_those_it_did_alone(question: str) -> None:
    assert not slots.sole_ministry(question)
    assert slots.not_alone(question)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("which measures are under pillar 3?", True),
        ("what measure is listed under section 3 of the fy2019 report", True),
        ("what was done under the measures of section 3", False),  # their efforts
        ("the measure on inappropriate messages on SNS, what's there?", False),  # one named
        ("what is in measure 4.2", False),
    ],
)
def test_the_measures_of_a_part_are_asked_in_the_singular_too(question: str, asked: bool) -> None:
    assert parts.asks_measures(question) is asked


@pytest.mark.parametrize(
    ("text", "abbreviation"),
    [
        ("スポーツ庁 what did they do", "JSA"),
        ("what did the sports agency do in 2053", "JSA"),
        ("公正取引委員会 efforts?", "JFTC"),
        ("文化庁 in fy2019 - did they do anything?", "ACA"),
        ("what did the fair trade commission do", "JFTC"),
    ],
)
def test_the_sports_agency_and_the_fair_trade_commission_are_known_by_other_names(
    text: str, abbreviation: str
) -> None:
    glossary = {
        **FY2019_GLOSSARY,
        "JSA": "Japan Sports Agency",
        "JFTC": "Japan Fair Trade Commission",
        "ACA": "Agency for Cultural Affairs",
    }
    resolver = MinistryResolver(glossary, is_word=lambda w: w in COMMON)
    assert resolver.find(text).ministries == (abbreviation,)


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("when can i call the helpline", "hours"),
        ("since when can you text 189?", None),
        ("since when are the desks open?", None),
    ],
)
def test_since_when_asks_a_date_not_the_hours(question: str, names: str | None) -> None:
    assert asked_names.asked_names(question) == names


def test_how_the_answer_is_to_be_listed_is_no_subject_of_the_question() -> None:
    text = "Put together, in one list, every effort credited to MIC or to METI (or to both)."
    assert "Put together" in [text[s:e] for s, e in slots.ministry_count_spans(text)]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("only those in sections 5 and 6", (5, 6)),
        ("keep the ones in Focus Area 4 or 5", (4, 5)),
        ("every effort in fields 4 to 6", (4, 5, 6)),
        ("pillars 1, 2 and 3 please", (1, 2, 3)),
        ("section 4 and section 6 of the 2019 report", (4, 6)),
        ("keep those in section 4 or section 5.", (4, 5)),  # the full stop ends the number
        ("measures 4 and 5.2", ()),  # a measure's number
        ("section 4 of the 2019 report", ()),  # one section: parts.section reads it
        ("sections 4 to 40", ()),  # no plan has so many
        ("only chapters IV and V", (4, 5)),  # Roman numerals, as an e-book numbers them
        ("pillar 2 and i mean only those", ()),  # a digit and a pronoun are no list
    ],
)
def test_sections_named_together_are_each_read(question: str, named: tuple[int, ...]) -> None:
    assert parts.sections(question)[0] == named
