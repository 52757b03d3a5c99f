"""Scoring the assistant on a question set with expected evidence (``planqa eval``).

A question file is a JSON list of objects with ``id``, ``corpus`` (``bundled`` or
``multi``), ``question``, ``history``, ``kind``, ``expected`` (effort ids), ``exact``,
``abstain`` and ``answer_contains``. ``bundled`` questions run on the main corpus;
``multi`` questions on the main corpus plus the ``reports/`` folder beside the file.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.bot import Assistant
from assistant.models import Answer
from corpus.errors import CorpusError

__all__ = ["Question", "Outcome", "KindScore", "Report", "load_questions", "evaluate"]


class Question(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    corpus: str = "bundled"
    question: str
    history: list[str] = Field(default_factory=list)
    kind: str
    expected: list[str] = Field(default_factory=list)
    exact: bool = False
    abstain: bool = False
    answer_contains: list[str] = Field(default_factory=list)


class Outcome(BaseModel):
    model_config = ConfigDict(frozen=True)

    question: Question
    cited: list[str]
    abstained: bool
    passed: bool
    recall: float | None
    precision: float | None
    missing_text: list[str]


class KindScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str
    questions: int
    pass_rate: float
    recall: float | None
    precision: float | None
    abstention_accuracy: float


class Report(BaseModel):
    model_config = ConfigDict(frozen=True)

    outcomes: list[Outcome]
    kinds: list[KindScore]

    @property
    def pass_rate(self) -> float:
        return sum(o.passed for o in self.outcomes) / max(1, len(self.outcomes))

    @property
    def false_abstain_rate(self) -> float:
        answerable = [o for o in self.outcomes if not o.question.abstain]
        return sum(o.abstained for o in answerable) / max(1, len(answerable))

    @property
    def false_answer_rate(self) -> float:
        declinable = [o for o in self.outcomes if o.question.abstain]
        return sum(not o.abstained for o in declinable) / max(1, len(declinable))

    def table(self) -> str:
        """The per-kind scores as a Markdown table, with the overall line last."""

        def pct(x: float | None) -> str:
            return "—" if x is None else f"{100 * x:.0f}%"

        rows = [
            "| kind | questions | pass | recall | precision | abstention |",
            "|---|---|---|---|---|---|",
        ]
        for k in self.kinds:
            rows.append(
                f"| {k.kind} | {k.questions} | {pct(k.pass_rate)} | {pct(k.recall)} | "
                f"{pct(k.precision)} | {pct(k.abstention_accuracy)} |"
            )
        rows.append(
            f"| **all** | {len(self.outcomes)} | {pct(self.pass_rate)} | | | "
            f"false abstain {pct(self.false_abstain_rate)}, "
            f"false answer {pct(self.false_answer_rate)} |"
        )
        return "\n".join(rows)


def load_questions(path: Path) -> list[Question]:
    """Read a question file; a bad file raises CorpusError naming it."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [Question.model_validate(item) for item in raw]
    except FileNotFoundError:
        raise CorpusError(f"{path} does not exist; pass a question file (JSON list)") from None
    except (ValueError, ValidationError, TypeError) as exc:
        raise CorpusError(
            f"{path} is not a valid question file: {str(exc).splitlines()[0]}"
        ) from None


def score(question: Question, answer: Answer) -> Outcome:
    """Compare one answer with what the question expects."""
    cited = [c.effort_id for c in answer.citations]
    expected = set(question.expected)
    got = set(cited)
    if question.exact:
        evidence_ok = got == expected
    else:
        evidence_ok = expected <= got
    text = answer.text.lower()
    missing = [s for s in question.answer_contains if s.lower() not in text]
    passed = evidence_ok and answer.abstained == question.abstain and not missing
    recall = len(expected & got) / len(expected) if expected else None
    precision = len(expected & got) / len(got) if got and expected else None
    return Outcome(
        question=question,
        cited=cited,
        abstained=answer.abstained,
        passed=passed,
        recall=recall,
        precision=precision,
        missing_text=missing,
    )


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def evaluate(questions: Sequence[Question], bot_for: Callable[[str], Assistant]) -> Report:
    """Ask every question of the assistant its corpus names, and score the answers."""
    outcomes = []
    for q in questions:
        answer = bot_for(q.corpus).ask(q.question, q.history)
        outcomes.append(score(q, answer))
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_kind[o.question.kind].append(o)
    kinds = [
        KindScore(
            kind=kind,
            questions=len(items),
            pass_rate=sum(o.passed for o in items) / len(items),
            recall=_mean([o.recall for o in items]),
            precision=_mean([o.precision for o in items]),
            abstention_accuracy=sum(o.abstained == o.question.abstain for o in items) / len(items),
        )
        for kind, items in sorted(by_kind.items())
    ]
    return Report(outcomes=outcomes, kinds=kinds)
