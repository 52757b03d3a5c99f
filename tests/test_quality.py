"""Answer quality on the question set, measured rather than asserted by example.

`tests/data/questions.json` holds questions of every kind with the efforts a correct
answer must cite; `planqa eval` prints the same scores per kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.evaluate import Report, evaluate, load_questions
from corpus.loader import BUNDLED_PLAN

QUESTIONS = Path(__file__).parent / "data" / "questions.json"
# Kinds whose answers must list exactly the expected efforts, no more, no fewer.
EXACT_KINDS = {"ministry", "no_effort_ministry", "ministry_month", "two_ministries", "count"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("indexes")
    corpora = {"bundled": [BUNDLED_PLAN], "multi": [BUNDLED_PLAN, QUESTIONS.parent / "reports"]}
    bots: dict[str, Assistant] = {}

    def bot_for(name: str) -> Assistant:
        if name not in bots:
            bots[name] = Assistant.load(corpora[name], root)
        return bots[name]

    return evaluate(load_questions(QUESTIONS), bot_for)


def test_question_set_covers_every_kind_on_both_corpora() -> None:
    questions = load_questions(QUESTIONS)
    assert len(questions) >= 60
    assert {q.corpus for q in questions} == {"bundled", "multi"}
    assert {"followup", "out_of_scope", "semantic", "ministry"} <= {q.kind for q in questions}


def test_ministry_questions_cite_exactly_the_expected_efforts(report: Report) -> None:
    failed = [
        (o.question.id, o.question.question, o.cited)
        for o in report.outcomes
        if o.question.kind in EXACT_KINDS and not o.passed
    ]
    assert failed == []


def test_overall_pass_rate_is_at_least_90_percent(report: Report) -> None:
    assert report.pass_rate >= 0.90, report.table()


def test_out_of_scope_questions_are_declined_and_answerable_ones_are_not(report: Report) -> None:
    assert report.false_answer_rate == 0.0, report.table()
    assert report.false_abstain_rate <= 0.05, report.table()
