"""Questions across fiscal years: how they are read and how they are answered.

The phrasings here are written apart from the intent examples and the evaluation sets.
Answers run on FY2019 and the invented FY2020 comparison report with the fake embedder,
so they are checked for what they must always do (years chosen and said, rule named,
every listed effort cited by year, facts checked), not for the model's matching.
"""

from __future__ import annotations

import pytest

from assistant import Answer, Assistant
from assistant import compare_answer as compare_answer_module
from assistant.changes import read_changes
from assistant.claims import unsupported
from assistant.compare import RULE
from assistant.evaluate import corpus_paths
from assistant.intents import Intent
from assistant.reader import Reader
from assistant.refine import refine
from corpus import load_corpus
from index.documents import build_chunks
from tests.conftest import FakeEmbedder


@pytest.fixture(scope="module")
def cmp1(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant.load(
        corpus_paths("cmp1"), tmp_path_factory.mktemp("idx"), embedder=FakeEmbedder()
    )


@pytest.fixture(scope="module")
def reader() -> Reader:
    corpus = load_corpus(corpus_paths("cmp1"))
    efforts, _ = build_chunks(corpus)
    return Reader(corpus, efforts)


# -- the change slot ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "aspects"),
    [
        ("Anything new from the NPA in FY2020?", ("new",)),
        ("which newly introduced measures are there", ("new",)),
        ("Which of last year's activities were carried over?", ("continued",)),
        ("did MOJ keep running its programme in 2020", ("continued",)),
        ("are the seminars still going", ("continued",)),
        ("which efforts were not continued in FY2020", ("stopped",)),
        ("What did the NPA stop doing after 2019?", ("stopped",)),
        ("what was discontinued", ("stopped",)),
        ("which efforts ended up dropped, and which carried on?", ("continued", "stopped")),
        ("what changed between FY2019 and FY2020", ()),
    ],
)
def test_the_change_slot_reads_which_side_is_asked(question: str, aspects: tuple[str]) -> None:
    assert read_changes(question).aspects == aspects


@pytest.mark.parametrize(
    "question",
    [
        "what is the new hotline called",
        "When was the new Basic Plan adopted?",
        "which companies did the police ask to add a report button",
        "how many officers were added in FY2019",
        "has the number of consultations gone up",
    ],
)
def test_new_as_part_of_a_name_or_an_ordinary_verb_is_no_change(question: str) -> None:
    assert read_changes(question).aspects == ()


def test_a_year_named_after_a_negation_is_where_efforts_are_absent() -> None:
    read = read_changes("What did the police do in FY2020 that they didnt do in FY2019?")
    assert read.absent == 2019
    assert read_changes("What did MOJ do in 2020 but not in 2019").absent == 2019


# -- the intent ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Anything new from the NPA in FY2020?",
        "Which of MHLW's activities were carried over from FY2019?",
        "What did MIC do in FY2020 that it had not done in FY2019?",
        "How has the police's work changed since 2019?",
        "compare the justice ministry in 2019 and 2020",
        "which efforts were dropped in FY2020",
    ],
)
def test_comparison_phrasings_are_read_as_comparisons(reader: Reader, question: str) -> None:
    assert refine(reader.read(question), scoped=False).intent is Intent.COMPARE


@pytest.mark.parametrize(
    "question",
    [
        "what is the new hotline called",
        "what is the hotline in FY2020",
        "anything from FY2020",
        "which efforts were dated after November 2019 but before February 2020?",
        "How does Japan compare with other countries?",
    ],
)
def test_other_questions_are_not_read_as_comparisons(reader: Reader, question: str) -> None:
    assert refine(reader.read(question), scoped=False).intent is not Intent.COMPARE


# -- answers ------------------------------------------------------------------------------


def test_one_named_year_is_compared_with_the_previous_loaded_one_and_says_so(
    cmp1: Assistant,
) -> None:
    answer = cmp1.ask("Anything new from the NPA in FY2020?")
    assert answer.kind == "compare" and not answer.abstained
    assert "_Compared with FY2019, the previous loaded report._" in answer.text
    assert RULE.describe() in answer.text
    npa = cmp1.compare(2019, 2020, ministries=["NPA"])
    # each new effort, then the other ministry's effort it continues when NPA joined one
    expected = [i for e in npa.new for i in (e.id, *[o.id for o in [npa.counterpart(e)] if o])]
    assert [c.effort_id for c in answer.citations] == expected
    assert answer.total == len(expected)


def test_a_continued_pair_cites_the_later_effort_then_the_earlier(cmp1: Assistant) -> None:
    answer = cmp1.ask("Which efforts were carried over from FY2019 into FY2020?")
    pairs = cmp1.compare(2019, 2020).continued
    cited = [c.effort_id for c in answer.citations]
    assert pairs and cited == [i for p in pairs for i in (p.after.id, p.before.id)]
    lines = {line.split(".")[0]: line for line in answer.text.splitlines() if line[:1].isdigit()}
    for n, c in enumerate(answer.citations, start=1):
        assert ("↳ continues" in lines[str(n)]) == (c.fiscal_year == 2019)


def held_or_marked(answer: Answer, ministry: str) -> bool:
    """Every cited effort is the ministry's, or another's it continues or is continued by
    (marked ↳ under the ministry's own)."""
    lines = {line.split(".")[0]: line for line in answer.text.splitlines() if line[:1].isdigit()}
    return bool(answer.citations) and all(
        ministry in c.ministries or "↳" in lines[str(c.number)] for c in answer.citations
    )


def test_a_ministry_comparison_lists_that_ministry_s_efforts(cmp1: Assistant) -> None:
    answer = cmp1.ask("compare the health ministry in 2019 and 2020")
    assert held_or_marked(answer, "MHLW")
    assert {c.fiscal_year for c in answer.citations} <= {2019, 2020}


def test_comparison_answers_state_only_what_their_efforts_hold(cmp1: Assistant) -> None:
    for question in (
        "Anything new from the NPA in FY2020?",
        "compare the health ministry in 2019 and 2020",
        "what changed between FY2019 and FY2020",
    ):
        answer = cmp1.ask(question)
        assert unsupported(answer, cmp1.glossary) == [], question


def test_a_year_not_loaded_is_named_with_the_loaded_ones(cmp1: Assistant) -> None:
    answer = cmp1.ask("what is new in FY2022 compared with FY2020?")
    assert answer.abstained and answer.kind == "compare"
    assert "FY2022" in answer.text and "FY2019 and FY2020" in answer.text


def test_with_one_year_loaded_the_answer_says_what_is_needed(bot: Assistant) -> None:
    answer = bot.ask("Which efforts were carried over from FY2019?")
    assert answer.abstained and answer.kind == "compare" and not answer.citations
    assert "Only the FY2019 report is loaded" in answer.text
    assert "two or more fiscal years" in answer.text


def test_a_long_comparison_is_capped_and_says_how_to_narrow_it(
    cmp1: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compare_answer_module, "MAX_LISTED_EFFORTS", 3)
    answer = cmp1.ask("what changed between FY2019 and FY2020")
    assert len(answer.citations) <= 3
    assert answer.total is not None and answer.total > 3
    assert f"_Showing {len(answer.citations)} of the {answer.total} efforts." in answer.text


def test_and_another_ministry_compares_it_the_same_way(cmp1: Assistant) -> None:
    first = cmp1.ask("compare the health ministry in 2019 and 2020")
    answer = cmp1.ask("And MEXT?", context=first.context)
    assert answer.kind == "compare" and held_or_marked(answer, "MEXT")


def test_which_of_those_continued_picks_from_the_previous_answer(cmp1: Assistant) -> None:
    first = cmp1.ask("What did the NPA do in FY2020?")
    answer = cmp1.ask("which of those were carried over from 2019?", context=first.context)
    assert answer.kind == "compare"
    listed = set(first.context.efforts)
    pairs = [(answer.citations[i], answer.citations[i + 1])
             for i in range(0, len(answer.citations), 2)]
    assert all(after.effort_id in listed for after, _ in pairs)


def test_a_ministry_that_joined_an_effort_has_it_as_new_with_what_it_continues(
    cmp1: Assistant,
) -> None:
    everyone = cmp1.compare(2019, 2020)
    joined = [p for p in everyone.continued
              if set(p.after.ministries) - set(p.before.ministries)]
    assert joined, "the invented FY2020 report has a ministry join a continued effort"
    pair = joined[0]
    ministry = sorted(set(pair.after.ministries) - set(pair.before.ministries))[0]
    seen = cmp1.compare(2019, 2020, ministries=[ministry])
    assert pair.after in seen.new and seen.counterpart(pair.after) == pair.before
    assert pair not in seen.continued


def test_a_caller_s_ministry_filter_narrows_the_comparison(cmp1: Assistant) -> None:
    answer = cmp1.ask("what changed between FY2019 and FY2020", ministries=["MOJ"])
    assert held_or_marked(answer, "MOJ")
