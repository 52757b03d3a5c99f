"""A question's verb and preposition point at the part of an effort it asks for.

"Which businesses was it extended to?" is answered by what the effort extended something
to, whatever the question calls those things; an effort that does not use the verb with
that preposition answers nothing this way.
"""

from __future__ import annotations

import pytest

from assistant.facts_args import argument, asked_preposition, passive_object
from assistant.facts_people import agent
from assistant.intents import stem

DBS = (
    'Extended the "Japanese DBS" to talent agencies, theatre companies and cram schools '
    "with fewer than 10 staff (01/10/2055), after briefings for about 7,800 operators."
)


@pytest.mark.parametrize(
    ("question", "preposition"),
    [
        ("which businesses was it extended to?", "to"),
        ("to which businesses they extended it?", "to"),
        ("To whom was the leaflet sent", "to"),
        ("what was the campaign aimed at, exactly?", "at"),
        ("with which countries did they sign it?", "with"),
        ("who ran it?", None),
        ("what did MEXT do in 2019?", None),
    ],
)
def test_the_preposition_asked_is_the_one_left_at_the_end_or_put_first(
    question: str, preposition: str | None
) -> None:
    assert asked_preposition(question) == preposition


@pytest.mark.parametrize(
    "question",
    [
        "which businesses was it extended to?",
        "to which businesses they extended it?",
        "who did they extend it to",
    ],
)
def test_what_the_verb_was_done_to_is_read_after_the_same_verb(question: str) -> None:
    words = question.lower().rstrip("?").split()
    assert argument(DBS, words, "to") == "talent agencies, theatre companies and cram schools"


def test_a_verb_the_effort_does_not_use_reads_nothing() -> None:
    assert argument(DBS, ["who", "was", "it", "sent"], "to") is None
    # "for about 7,800 operators" is in a clause of its own (", after briefings for …")
    assert argument(DBS, ["which", "businesses", "was", "it", "extended"], "for") is None


def test_a_preposition_inside_a_quoted_name_or_brackets_is_not_read() -> None:
    text = 'Extended "Talk to Us" (open to all) to rural schools in 2055.'
    assert argument(text, ["extended"], "to") == "rural schools"


@pytest.mark.parametrize(
    "text",
    [
        "Handed out leaflets at 5 international airports.",  # how many, not which
        "Ordered three operators to improve their handling of images.",  # a verb
    ],
)
def test_what_names_nothing_is_no_answer(text: str) -> None:
    words = ["handed", "ordered"]
    assert argument(text, words, "at") is None
    assert argument(text, words, "to") is None


def test_an_agent_of_two_plurals_joined_by_and_is_named_whole() -> None:
    text = "Opened the desk, staffed by lawyers and counselors (from 02/04/2055); it received"
    assert agent(text, frozenset({stem("staff")})) == ("staffed", "lawyers and counselors")
    # … but "and" before a verb ends the agent
    chaired = "a group chaired by a professor and met six times"
    assert agent(chaired, frozenset({stem("chair")})) == ("chaired", "a professor")


def test_each_phrase_after_the_repeated_preposition_is_named() -> None:
    text = (
        'Extended the "Check" system to volunteers at children\'s cafeterias and to private '
        "tutors working through matching apps on 1 October 2052, after briefings."
    )
    assert argument(text, ["extended"], "to") == (
        "volunteers at children's cafeterias and private tutors"
    )


def test_a_place_named_after_in_belongs_to_the_phrase_and_a_later_to_opens_no_other() -> None:
    text = (
        "Posted an officer to the Embassy of Japan in Manila to support investigations of "
        "travelling offenders (April 2087)."
    )
    assert argument(text, ["posted"], "to") == "the Embassy of Japan in Manila"


def test_what_a_passive_question_asks_is_the_object_of_its_verb_in_the_effort() -> None:
    text = "Merged the Kodomo Line and the Parent Desk into one hotline (May 2080)."
    assert passive_object("which two services were merged into it?", text) == (
        "the Kodomo Line and the Parent Desk"
    )
    assert passive_object("which two services were closed?", text) is None  # no such verb
    assert passive_object("which services were merged", "Merged two desks in May.") is None
