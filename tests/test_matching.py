"""What an open question is matched with: the effort using its words, and when that one
effort is all of the answer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant
from assistant.evaluate import EVALSET
from assistant.reader import Reader
from assistant.retrieval import Retriever
from corpus import BUNDLED_PLAN
from index.embedder import MiniLMEmbedder
from tests.conftest import blind_report_bot


@pytest.fixture(scope="module")
def bot2031(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return blind_report_bot(tmp_path_factory, "reports11")


def cited(answer: object) -> list[str]:
    return [c.effort_id for c in answer.citations]  # type: ignore[attr-defined]


def test_what_a_ministry_did_about_a_topic_is_every_effort_of_its_on_the_topic(
    bot2031: Assistant,
) -> None:
    # FY2031 writes "sex offender treatment program" once (probation offices) and
    # "sexual offender treatment program" once (penal institutions): both answer
    answer = bot2031.ask("what did the justice ministry do on sex offender treatment programs")
    assert {"fy2031-5.3.1", "fy2031-5.2.1"} <= set(cited(answer))


def test_a_ministrys_efforts_close_in_meaning_stay_beside_those_holding_the_phrase(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot2050 = blind_report_bot(tmp_path_factory, "reports30")
    # 5.2.2 and 5.3.1 say "sex offenders"; 5.2.1 is "guidance on the prevention of repeat
    # sexual offenses" in penal institutions
    answer = bot2050.ask("what has the justice ministry done with sex offenders in fy2050")
    assert {"fy2050-5.2.1", "fy2050-5.2.2", "fy2050-5.3.1"} <= set(cited(answer))


def test_a_ministrys_efforts_under_a_measure_titled_with_the_topic_answer_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot2050 = blind_report_bot(tmp_path_factory, "reports30")
    # "Connected 7 more platform operators to the hash database" says nothing of child
    # sexual abuse material; its measure's title does
    answer = bot2050.ask("what has the npa done against child sexual abuse material in 2050")
    assert {"fy2050-3.3.1", "fy2050-3.3.2", "fy2050-3.3.3", "fy2050-3.3.4"} <= set(cited(answer))


@pytest.mark.parametrize(
    ("question", "effort"),
    [
        ("sex offender treatment program at probation offices?", "fy2031-5.3.1"),
        ("anything on evening group sessions?", "fy2031-5.3.1"),
    ],
)
def test_a_question_about_nothing_but_words_one_effort_holds_is_answered_by_that_effort(
    bot2031: Assistant, question: str, effort: str
) -> None:
    answer = bot2031.ask(question)
    assert cited(answer) == [effort]
    assert answer.text.startswith("The report mentions “")


def test_the_reports_structure_gives_each_reports_own_title(bot2031: Assistant) -> None:
    answer = bot2031.ask("what is the report called?")
    for plan in bot2031.plans:
        assert f"The FY{plan.fiscal_year} report is titled “{plan.title}”." in answer.text
    assert not answer.abstained


def test_a_question_of_the_previous_answer_with_no_words_of_its_own_keeps_its_ranking(
    bot2031: Assistant,
) -> None:
    # "what's it called?" after an answer that ranked 5.3.1 before 5.2.1: of 5.3.1 first
    reader = Reader(bot2031.corpus, bot2031.index.efforts)
    retriever = Retriever(bot2031.index, reader)
    ids = [e.id for e in bot2031.index.efforts]
    shown = ("fy2031-5.3.1", "fy2031-5.2.1")
    mask = np.isin(np.array(ids), shown)
    query = reader.read("what's it called?")
    found = retriever.retrieve(query, mask, scoped=True, order=shown)
    assert [e.id for e in found.efforts] == list(shown)


def test_a_quoted_phrase_is_mentioned_only_where_its_words_stand_together(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # FY2049 writes "Kodomo Safety Check" twice; "kodomo-anzen" and "Children's Safety
    # Online" hold the words apart
    bot2049 = blind_report_bot(tmp_path_factory, "reports29")
    answer = bot2049.ask('Which FY2049 efforts mention the "Kodomo Safety Check"?')
    assert cited(answer) == ["fy2049-5.3.2", "fy2049-5.3.3"]
    # a name written as one, in capitals, is a phrase too
    named = bot2049.ask("which fy2049 efforts mention the Kodomo Safety Check")
    assert cited(named) == ["fy2049-5.3.2", "fy2049-5.3.3"]


@pytest.mark.parametrize(
    "question",
    [
        "how many efforts did the justice ministry do alone in 2031?",
        "how many FY2031 efforts did MOJ carry out on its own, without any other ministry?",
    ],
)
def test_what_a_ministry_did_alone_is_its_efforts_credited_to_no_other(
    bot2031: Assistant, question: str
) -> None:
    sole = [
        e.id for *_, e in bot2031.corpus.efforts()
        if e.ministries == ("MOJ",) and e.fiscal_year == 2031
    ]  # fmt: skip
    shared = [
        e.id for *_, e in bot2031.corpus.efforts()
        if "MOJ" in e.ministries and len(e.ministries) > 1 and e.fiscal_year == 2031
    ]  # fmt: skip
    assert sole and shared  # the report has both kinds
    answer = bot2031.ask(question)
    assert sorted(cited(answer)) == sorted(sole)
    assert f"{len(sole)} efforts" in answer.text and "alone" in answer.text


def test_alone_or_with_others_is_every_effort_of_the_ministry(bot2031: Assistant) -> None:
    answer = bot2031.ask("which 2031 efforts list the justice ministry, alone or with others?")
    every = [
        e.id for *_, e in bot2031.corpus.efforts()
        if "MOJ" in e.ministries and e.fiscal_year == 2031
    ]  # fmt: skip
    assert sorted(cited(answer)) == sorted(every)


def test_a_ministrys_efforts_on_either_of_two_things_named_with_and_answer_it(
    bot: Assistant,
) -> None:
    # 2.1.2 sent a leaflet to boards of education; 6.1.1 is a guidebook for schools and
    # boards of education: one ministry's efforts on either thing are asked for
    answer = bot.ask("how did MEXT support schools and boards of education?")
    assert {"fy2019-2.1.2", "fy2019-6.1.1"} <= set(cited(answer))


def test_a_measure_title_holding_all_but_one_of_many_topic_words_stands_for_the_topic(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot2061 = blind_report_bot(tmp_path_factory, "reports42")
    # "Prevention of the spread of child sexual abuse material" lacks only "internet"; the
    # hash database and the blocking list under it say nothing of the spread
    answer = bot2061.ask(
        "what has the police done about the spread of child sexual abuse material on the "
        "internet in 2061"
    )
    assert {"fy2061-3.2.1", "fy2061-3.2.2", "fy2061-3.2.3", "fy2061-3.2.4"} <= set(cited(answer))


def test_a_measure_whose_title_means_the_topic_stands_for_it(
    real_index_root: Path, real_embedder: MiniLMEmbedder
) -> None:
    (report,) = sorted((EVALSET / "reports51").glob("fy*_efforts.txt"))
    bot2070 = Assistant.load([BUNDLED_PLAN, report], real_index_root, embedder=real_embedder)
    # "Measures against the distribution of child sexual abuse material on the internet"
    # shares no word with "pictures", "kids", "traded" or "web"; the hash list and the
    # payment providers' training under it say nothing of trading pictures either
    answer = bot2070.ask(
        "fy2070: how did the police fight the trading of sexual pictures of kids on the web?"
    )
    assert {"fy2070-3.2.1", "fy2070-3.2.2", "fy2070-3.2.3"} <= set(cited(answer))


def test_an_everyday_word_stands_for_the_reports_term_in_a_measure_title(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot2060 = blind_report_bot(tmp_path_factory, "reports40")
    # "Prevention of the spread of child sexual abuse material on the internet": "online"
    # is the reports' "internet" (data/synonyms.json); only "circulating" is not there
    answer = bot2060.ask(
        "what did the national police agency do in fy2060 about child sexual abuse material "
        "circulating online"
    )
    assert {"fy2060-3.2.1", "fy2060-3.2.2", "fy2060-3.2.3", "fy2060-3.2.4"} <= set(cited(answer))


@pytest.mark.parametrize(
    "question",
    [
        "which efforts of fy2065 bring up sextortion?",
        "all FY2065 efforts dealing with sextortion, please",
    ],
)
def test_a_list_of_efforts_on_a_term_few_hold_is_every_effort_holding_it(
    tmp_path_factory: pytest.TempPathFactory, question: str
) -> None:
    bot2065 = blind_report_bot(tmp_path_factory, "reports46")
    # "sextortion" is in four FY2065 efforts, two of them about much else besides
    answer = bot2065.ask(question)
    assert set(cited(answer)) == {"fy2065-2.1.2", "fy2065-5.1.2", "fy2065-5.1.3", "fy2065-6.3.2"}
