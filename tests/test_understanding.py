"""Reading a question, with no index and no model: which ministries it names, and when.

``MinistryResolver`` (assistant/ministries.py) maps however a person names a ministry to
the abbreviation the reports use; ``read_time`` (assistant/when.py) turns fiscal years,
calendar years, months and ranges of months into ``YYYY-MM`` strings. A Japanese fiscal
year N runs from April N to March N+1.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.ministries import MinistryResolver
from assistant.when import fiscal_months, read_time

# The FY2019 report's own glossary line, as the parser reads it.
FY2019_GLOSSARY = {
    "NPA": "National Police Agency",
    "CAS": "Cabinet Secretariat",
    "CAO": "Cabinet Office",
    "MIC": "Ministry of Internal Affairs and Communications",
    "MOJ": "Ministry of Justice",
    "MOFA": "Ministry of Foreign Affairs",
    "MEXT": "Ministry of Education, Culture, Sports, Science and Technology",
    "MHLW": "Ministry of Health, Labour and Welfare",
    "METI": "Ministry of Economy, Trade and Industry",
}


@pytest.fixture
def resolver() -> MinistryResolver:
    return MinistryResolver(FY2019_GLOSSARY)


# -- ministries --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "ministry"),
    [
        ("What did MEXT do?", "MEXT"),
        ("what did mext do", "MEXT"),
        ("What did the Ministry of Education do?", "MEXT"),
        ("What has the education ministry done?", "MEXT"),
        ("What did the police do?", "NPA"),
        ("Did the cops do anything?", "NPA"),
        ("What did the National Police Agency do?", "NPA"),
        ("What has the health ministry done?", "MHLW"),
        ("What did the Ministry of Heath do?", "MHLW"),
        ("What did MHWL do?", "MHLW"),
        ("What did the Ministry of Health, Labour and Welfare do?", "MHLW"),
        ("justice ministry efforts", "MOJ"),
        ("What did the Ministry of Justice do?", "MOJ"),
        ("What did the Cabinet Office do?", "CAO"),
        ("What did the Cabinet Secretariat do?", "CAS"),
        ("What did MIC do?", "MIC"),
        ("What did the Ministry of Internal Affairs and Communications do?", "MIC"),
        ("What did the foreign ministry do?", "MOFA"),
    ],
)
def test_a_ministry_is_recognised_however_it_is_named(
    resolver: MinistryResolver, question: str, ministry: str
) -> None:
    mentions = resolver.find(question)
    assert mentions.ministries == (ministry,)
    assert mentions.unknown == ()


@pytest.mark.parametrize(
    ("question", "ministries"),
    [
        ("What did MHLW and the police do?", ("MHLW", "NPA")),
        ("What did the police and the Ministry of Heath do?", ("NPA", "MHLW")),
        ("What did the police and MEXT do together?", ("NPA", "MEXT")),
        ("Compare the justice ministry with the Cabinet Office", ("MOJ", "CAO")),
    ],
)
def test_two_ministries_in_one_question_come_out_in_order_of_mention(
    resolver: MinistryResolver, question: str, ministries: tuple[str, ...]
) -> None:
    assert resolver.find(question).ministries == ministries


def test_a_mention_span_covers_the_words_that_named_the_ministry(
    resolver: MinistryResolver,
) -> None:
    question = "What did the police do in 2019?"
    ((start, end),) = resolver.find(question).spans
    assert question[start:end] == "the police"


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("What did the Ministry of Defense do?", "Ministry of Defense"),
        ("What did the defense ministry do?", "defense ministry"),
    ],
)
def test_a_ministry_outside_the_glossary_is_reported_as_unknown(
    resolver: MinistryResolver, question: str, unknown: str
) -> None:
    mentions = resolver.find(question)
    assert mentions.ministries == ()
    assert mentions.unknown == (unknown,)


def test_a_ministry_in_the_glossary_is_known_by_its_alias() -> None:
    resolver = MinistryResolver({**FY2019_GLOSSARY, "MOD": "Ministry of Defense"})
    mentions = resolver.find("What did the Ministry of Defense do?")
    assert mentions.ministries == ("MOD",)
    assert mentions.unknown == ()


@pytest.mark.parametrize(
    "question",
    [
        "which ministry ran the symposium?",
        "Which agency was responsible for the hotline?",
        "What did each ministry do?",
        "the lead ministry",
        "When was the symposium held?",
    ],
)
def test_generic_ministry_words_name_no_ministry(resolver: MinistryResolver, question: str) -> None:
    mentions = resolver.find(question)
    assert mentions.ministries == ()
    assert mentions.unknown == ()


def test_a_full_name_is_looked_up_from_the_abbreviation(resolver: MinistryResolver) -> None:
    assert resolver.name("METI") == "Ministry of Economy, Trade and Industry"
    assert resolver.name("XYZ") == "XYZ"


# -- time --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "corpus_years", "fiscal_years", "years", "months"),
    [
        ("What did MEXT do in FY2019?", (2019,), [2019], [], None),
        ("What happened in fiscal 2019?", (2019,), [2019], [], None),
        ("in fiscal year 2019", (2019,), [2019], [], None),
        ("FY19", (2019,), [2019], [], None),
        ("What did NPA do in 2019?", (2019,), [], [2019], None),
        ("What happened in January 2020?", (2019,), [], [], ["2020-01"]),
        ("in May 2019", (2019,), [], [], ["2019-05"]),
        ("What happened in July?", (2019,), [], [], ["2019-07"]),
        (
            "first half of FY2019",
            (2019,),
            [2019],
            [],
            ["2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09"],
        ),
        (
            "second half of FY2019",
            (2019,),
            [2019],
            [],
            ["2019-10", "2019-11", "2019-12", "2020-01", "2020-02", "2020-03"],
        ),
        ("last quarter of FY2023", (2019,), [2023], [], ["2024-01", "2024-02", "2024-03"]),
        ("in Q1 of FY2019", (2019,), [2019], [], ["2019-04", "2019-05", "2019-06"]),
        (
            "What happened after October 2019?",
            (2019,),
            [],
            [],
            ["2019-11", "2019-12", "2020-01", "2020-02", "2020-03"],
        ),
        (
            "since October 2019",
            (2019,),
            [],
            [],
            ["2019-10", "2019-11", "2019-12", "2020-01", "2020-02", "2020-03"],
        ),
        ("before July 2019", (2019,), [], [], ["2019-04", "2019-05", "2019-06"]),
        (
            "between October and December 2020",
            (2020,),
            [],
            [],
            ["2020-10", "2020-11", "2020-12"],
        ),
        (
            "between October and December 2020",
            (2019,),
            [],
            [],
            ["2020-10", "2020-11", "2020-12"],
        ),
        (
            "from October 2019 to February 2020",
            (2019,),
            [],
            [],
            ["2019-10", "2019-11", "2019-12", "2020-01", "2020-02"],
        ),
    ],
)
def test_time_expressions_are_read_as_fiscal_years_years_and_months(
    text: str,
    corpus_years: tuple[int, ...],
    fiscal_years: list[int],
    years: list[int],
    months: list[str] | None,
) -> None:
    ref = read_time(text, corpus_years)
    assert (ref.fiscal_years, ref.years, ref.months) == (fiscal_years, years, months)
    assert ref.any


@pytest.mark.parametrize(
    "text",
    [
        "increasing the number of child welfare officers by approximately 2,020 persons",
        "What did MEXT do?",
        "a child may be suffering harm",  # "may" the verb is not the month
        "section 5",
        "the 4th Specialist Group Meeting",
    ],
)
def test_text_without_a_time_expression_has_no_time(text: str) -> None:
    ref = read_time(text, (2019,))
    assert (ref.fiscal_years, ref.years, ref.months) == ([], [], None)
    assert not ref.any


def test_a_time_expression_span_covers_its_words() -> None:
    text = "What did NPA do in FY2019?"
    ref = read_time(text, (2019,))
    assert [text[s:e] for s, e in ref.spans] == ["FY2019"]


def test_a_month_without_a_year_is_read_in_every_loaded_fiscal_year() -> None:
    assert read_time("What happened in December?", (2019, 2020)).months == [
        "2019-12",
        "2020-12",
    ]
    assert read_time("What happened in February?", (2019,)).months == ["2020-02"]


def test_fiscal_year_runs_from_april_to_the_next_march() -> None:
    assert fiscal_months(2019) == [
        "2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09",
        "2019-10", "2019-11", "2019-12", "2020-01", "2020-02", "2020-03",
    ]  # fmt: skip
    assert fiscal_months(2023)[-3:] == ["2024-01", "2024-02", "2024-03"]


_TIME_WORDS = st.sampled_from(
    "in after before since until between from to and of the first last second half quarter "
    "Q4 FY2019 FY19 fiscal year 2019 2020 2,020 January March May may October December "
    "What happened ? ,".split(" ")
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.lists(_TIME_WORDS, max_size=10).map(" ".join)))
def test_any_text_reads_as_well_formed_months(text: str) -> None:
    ref = read_time(text, (2019,))
    for month in ref.months or []:
        assert re.fullmatch(r"(19|20)\d\d-(0[1-9]|1[0-2])", month)
    for start, end in ref.spans:
        assert 0 <= start < end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_resolves_to_known_ministries_only(text: str) -> None:
    mentions = MinistryResolver(FY2019_GLOSSARY).find(text)
    assert set(mentions.ministries) <= set(FY2019_GLOSSARY)
