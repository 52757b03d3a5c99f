"""How well years are matched: precision and recall against hand-written labels.

``assistant/evalset/comparisons.json`` holds, for each pair of years of the invented
comparison reports, the continued pairs, the new efforts and those no longer reported,
written by a helper who saw no code (``evalset/COMPARE.md``). FY2019 → FY2020 is where
:data:`assistant.compare.RULE` was calibrated; FY2020 → FY2021 is held out.

Example:
    >>> labels = load_labels()  # doctest: +SKIP
    >>> score_matching(comparison, labels[(2019, 2020)]).continued.f1  # doctest: +SKIP
    0.94
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.compare import YearComparison
from corpus.errors import CorpusError

__all__ = ["LABELS", "Labels", "MatchScore", "PRScore", "load_labels", "score_matching"]

LABELS = Path(__file__).resolve().parent / "evalset" / "comparisons.json"
# The pair the similarity lines were calibrated on; every other pair is held out.
CALIBRATION_PAIR = (2019, 2020)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Labels(_Frozen):
    """The truth for one pair of years: ``continued`` holds (earlier id, later id) pairs."""

    before: int
    after: int
    continued: tuple[tuple[str, str], ...]
    new: tuple[str, ...]
    stopped: tuple[str, ...]


class PRScore(_Frozen):
    """Precision and recall of one set against its truth."""

    found: int
    expected: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @classmethod
    def of(cls, found: set[object], expected: set[object]) -> PRScore:
        return cls(found=len(found), expected=len(expected), correct=len(found & expected))


class MatchScore(_Frozen):
    """Continued pairs, new and no longer reported efforts of one pair of years, scored."""

    before: int
    after: int
    continued: PRScore
    new: PRScore
    stopped: PRScore
    wrong: tuple[str, ...] = ()

    def row(self) -> str:
        """One Markdown table row: the pair, then precision / recall of each set."""
        cells = [
            f"{s.precision:.2f} / {s.recall:.2f} ({s.correct} of {s.found} found, "
            f"{s.expected} expected)"
            for s in (self.continued, self.new, self.stopped)
        ]
        return f"| FY{self.before} → FY{self.after} | " + " | ".join(cells) + " |"


def load_labels(path: Path = LABELS) -> dict[tuple[int, int], Labels]:
    """The labelled pairs of years, by (earlier, later)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        labels = [
            Labels(before=item["from"], after=item["to"], continued=item["continued"],
                   new=item["new"], stopped=item["stopped"])
            for item in raw
        ]
    except (OSError, ValueError, KeyError, TypeError, ValidationError) as exc:
        raise CorpusError(
            f"{path} is not a comparison label file ({str(exc).splitlines()[0]}); expected a "
            "JSON list of {from, to, continued, new, stopped}"
        ) from None
    return {(lab.before, lab.after): lab for lab in labels}


def score_matching(comparison: YearComparison, labels: Labels) -> MatchScore:
    """Precision and recall of the comparison's three sets against the labels."""
    pairs = {(p.before.id, p.after.id) for p in comparison.continued}
    new = {e.id for e in comparison.new}
    stopped = {e.id for e in comparison.stopped}
    truth = set(labels.continued)
    wrong = [f"paired {a} → {b}" for a, b in sorted(pairs - truth)]
    wrong += [f"missed {a} → {b}" for a, b in sorted(truth - pairs)]
    return MatchScore(
        before=labels.before,
        after=labels.after,
        continued=PRScore.of(set(pairs), set(truth)),
        new=PRScore.of(set(new), set(labels.new)),
        stopped=PRScore.of(set(stopped), set(labels.stopped)),
        wrong=tuple(wrong),
    )
