"""Answer quality on the shipped question sets, measured rather than asserted by example.

`assistant/evalset/dev.json` (developed on) and `heldout.json` (never tuned on) hold
questions of every kind with the efforts a correct answer must cite; answers are scored on
their own claims (`assistant.evaluate`). `planqa eval` prints the same scores.
"""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.evaluate import Report, corpus_paths, default_questions, evaluate

# Kinds whose answers must list exactly the expected efforts, no more, no fewer.
EXACT_KINDS = {"ministry", "no_effort_ministry", "ministry_month", "two_ministries", "count"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("indexes")
    bots: dict[str, Assistant] = {}

    def bot_for(name: str) -> Assistant:
        if name not in bots:
            bots[name] = Assistant.load(corpus_paths(name), root)
        return bots[name]

    return evaluate(default_questions(), bot_for)


def test_question_sets_cover_every_kind_on_every_corpus() -> None:
    questions = default_questions()
    assert len([q for q in questions if q.split == "dev"]) >= 60
    assert {q.corpus for q in questions} >= {"bundled", "multi"}
    assert {"followup", "out_of_scope", "semantic", "ministry"} <= {q.kind for q in questions}


def test_ministry_questions_cite_exactly_the_expected_efforts(report: Report) -> None:
    failed = [
        (o.question.id, o.question.question, o.cited)
        for o in report.outcomes
        if o.question.kind in EXACT_KINDS and not o.passed and o.question.split == "dev"
    ]
    assert failed == []


def test_overall_pass_rate_is_at_least_90_percent(report: Report) -> None:
    assert report.pass_rate >= 0.90, report.table()


def test_out_of_scope_questions_are_declined_and_answerable_ones_are_not(report: Report) -> None:
    assert report.false_answers == [], report.table()
    assert len(report.false_abstentions) <= 0.05 * len(report.outcomes), report.table()
