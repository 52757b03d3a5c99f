"""An open question's answer says its best match in a sentence of its own.

Quoted source lines and list items are quotations, not claims (``assistant.claims``): an
answer made only of them states nothing. So the effort that answers best is said as the
answer — its ministries and year in front, its own words after — and the other matches
follow as a list.
"""

from __future__ import annotations

import re

import pytest

from assistant import Assistant
from assistant.claims import claims, unsupported
from assistant.compose import restate
from index.documents import CitedEffort


def effort(text: str, year: int = 2032) -> CitedEffort:
    return CitedEffort(
        id=f"fy{year}-1.1.1", text=text, ministries=("MOFA",), dates=(), fiscal_year=year,
        section=1, section_title="Awareness", measure=1, measure_title="Campaigns", line=1,
        source=f"fy{year}.txt",
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Contributed 150 million yen to the UNICEF fund.",
            "In FY2032, MOFA contributed 150 million yen to the UNICEF fund",
        ),
        ("Held the symposium (July 2032).", "In FY2032, MOFA held the symposium (July 2032)"),
        (
            "Co-hosted, with Thailand, a meeting.",
            "In FY2032, MOFA co-hosted, with Thailand, a meeting",
        ),
        (
            "Through the hotline, 400 reports were received.",
            "The report says of MOFA (FY2032): Through the hotline, 400 reports were received",
        ),
    ],
)
def test_an_effort_is_restated_with_its_doer_and_year_in_front(text: str, said: str) -> None:
    assert restate(effort(text), "MOFA") == said


def test_a_list_answer_states_its_best_match_and_lists_the_others_from_two(
    bot: Assistant,
) -> None:
    answer = bot.ask("What did the police do about SNS?")
    first = answer.citations[0].text
    assert len(answer.citations) > 1
    # the best match is a claim of the answer, with its figures and names, and holds up
    assert first.rstrip(".").split(" ", 1)[1] in claims(answer)
    assert unsupported(answer) == []
    assert re.findall(r"^(\d+)\. ", answer.text, re.M) == [
        str(n) for n in range(2, len(answer.citations) + 1)
    ]


def test_a_single_match_is_stated_and_then_quoted(bot: Assistant) -> None:
    answer = bot.ask("anything on repeat sexual offenses?")
    (cited,) = answer.citations
    assert "implemented guidance on the prevention of repeat sexual offenses" in claims(answer)
    assert f"> {cited.text}" in answer.text


def test_an_unsure_match_is_said_as_the_closest_effort_not_as_the_answer(
    bot: Assistant,
) -> None:
    answer = bot.ask("what is being done about the internet?")
    assert answer.text.startswith("The reports do not answer this directly; the closest effort")
    first = answer.citations[0].text
    assert first.rstrip(".").split(" ", 1)[1] in claims(answer)  # said, as the closest
    assert re.findall(r"^(\d+)\. ", answer.text, re.M)[:1] in ([], ["2"])
