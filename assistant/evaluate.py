"""Scoring the assistant on question sets with expected evidence (``planqa eval``).

Five sets ship in ``assistant/evalset/``: ``dev.json``, the questions the reader was
developed on, three held-out sets written from the reports alone by helpers who saw no
code and never used for tuning: ``heldout.json`` (before the reader was redesigned),
``heldout2.json`` (with an invented FY2024 report, written later) and ``heldout3.json``
(with an invented FY2026 report, written later still), and ``compare.json``, questions
comparing fiscal years on invented FY2020 and FY2021 reports (``COMPARE.md``), also written
by a helper who saw no code (split ``compare``). Each is a JSON list of
objects with ``id``, ``corpus`` (a key of :data:`CORPORA`), ``question``, ``history``,
``kind``, ``style``, ``expected`` (effort ids), ``exact``, ``abstain`` and
``answer_contains``.

Answers are scored on what they themselves state (:func:`claims`): blockquoted source
lines and the quoted effort text of list items do not count, and a stated figure, quoted
name or date that no cited effort contains (:func:`unsupported`) fails the answer.
Stability (:func:`stability`) asks every question again in meaning-preserving variants
(:mod:`assistant.variants`) and counts how often the citations and abstention stay put.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.bot import Assistant
from assistant.claims import claims, unsupported
from assistant.models import Answer
from assistant.variants import VARIANT_KINDS, variants
from corpus.errors import CorpusError
from corpus.loader import BUNDLED_PLAN

__all__ = [
    "CORPORA",
    "EVALSET",
    "SHOWN_SPLITS",
    "Outcome",
    "Question",
    "Report",
    "Score",
    "Stability",
    "claims",
    "corpus_paths",
    "evaluate",
    "load_questions",
    "stability",
    "unsupported",
]

EVALSET = Path(__file__).resolve().parent / "evalset"
# The corpora a question may name: the bundled FY2019 report alone, with the invented
# reports the reader was developed on (FY2020 and FY2023; FY2022), or with the held-out
# invented FY2021 report.
CORPORA: dict[str, tuple[str, ...]] = {
    "bundled": (),
    "multi": ("reports",),
    "dev2": ("reports2",),
    "dev3": ("reports3",),
    "dev4": ("reports4",),
    "dev5": ("reports5",),
    "dev6": ("reports6",),
    "dev7": ("reports7",),
    "dev8": ("reports8",),
    "dev9": ("reports9",),
    "dev10": ("reports10",),
    "dev11": ("reports11",),
    "dev12": ("reports12",),
    "dev13": ("reports13",),
    "dev14": ("reports14",),
    "dev15": ("reports15",),
    "dev16": ("reports16",),
    "dev17": ("reports17",),
    "dev18": ("reports18",),
    "dev19": ("reports19",),
    "dev20": ("reports20",),
    "dev21": ("reports21",),
    "dev22": ("reports22",),
    "dev23": ("reports23",),
    "dev24": ("reports24",),
    "dev25": ("reports25",),
    "dev26": ("reports26",),
    "dev27": ("reports27",),
    "dev28": ("reports28",),
    "dev29": ("reports29",),
    "dev30": ("reports30",),
    "dev31": ("reports31",),
    "dev32": ("reports32",),
    "dev33": ("reports33",),
    "dev34": ("reports34",),
    "dev35": ("reports35",),
    "dev36": ("reports36",),
    "dev37": ("reports37",),
    "dev38": ("reports38",),
    "dev39": ("reports39",),
    "dev40": ("reports40",),
    "dev41": ("reports41",),
    "dev42": ("reports42",),
    "dev43": ("reports43",),
    "dev44": ("reports44",),
    "dev45": ("reports45",),
    "dev46": ("reports46",),
    "dev47": ("reports47",),
    "dev48": ("reports48",),
    "dev49": ("reports49",),
    "dev50": ("reports50",),
    "dev51": ("reports51",),
    "dev52": ("reports52",),
    "dev53": ("reports53",),
    "dev54": ("reports54",),
    "dev55": ("reports55",),
    "dev56": ("reports56",),
    "dev57": ("reports57",),
    "dev58": ("reports58",),
    "dev59": ("reports59",),
    "dev60": ("reports60",),
    "dev61": ("reports61",),
    "dev62": ("reports62",),
    "dev63": ("reports63",),
    "dev64": ("reports64",),
    "dev65": ("reports", "reports65"),
    "dev66": ("reports", "reports66"),
    "dev67": ("reports", "reports67"),
    "dev68": ("reports", "reports68"),
    "dev69": ("reports", "reports69"),
    "dev70": ("reports", "reports70"),
    "dev71": ("reports", "reports71"),
    "dev72": ("reports", "reports72"),
    "dev73": ("reports", "reports73"),
    "dev74": ("reports", "reports74"),
    "dev75": ("reports", "reports75"),
    "dev76": ("reports", "reports76"),
    "unseen": ("unseen",),
    "unseen2": ("unseen2",),
    "unseen3": ("unseen3",),
    # years compared: the invented FY2020 and FY2021 reports continuing FY2019 (COMPARE.md)
    "cmp1": ("compare1",),
    "cmp2": ("compare1", "compare2"),
}
# The held-out sets: ``heldout`` written before the redesign of the question side,
# ``heldout2`` (with the invented FY2024 report) and ``heldout3`` (with the invented FY2026
# report) written later, also never tuned on.
HELDOUT_SPLITS = ("heldout", "heldout2", "heldout3")
# Questions comparing fiscal years (``compare.json``, on the invented comparison reports).
COMPARE_SPLIT = "compare"
SPLITS = ("dev", *HELDOUT_SPLITS, COMPARE_SPLIT)
# The splits whose failures `planqa eval` lists (held-out ones are only counted).
SHOWN_SPLITS = ("dev", COMPARE_SPLIT)


def corpus_paths(name: str, main: Path | None = None) -> list[Path]:
    """The files a question set's corpus ``name`` reads (``main``: the FY2019 report)."""
    if name not in CORPORA:
        raise CorpusError(f"unknown corpus {name!r} in a question file; use {', '.join(CORPORA)}")
    return [main or BUNDLED_PLAN, *(EVALSET / folder for folder in CORPORA[name])]


class Question(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    corpus: str = "bundled"
    question: str
    history: list[str] = Field(default_factory=list)
    kind: str
    style: str = "plain"
    expected: list[str] = Field(default_factory=list)
    exact: bool = False
    abstain: bool = False
    answer_contains: list[str] = Field(default_factory=list)
    split: str = "dev"


class Outcome(BaseModel):
    model_config = ConfigDict(frozen=True)

    question: Question
    cited: list[str]
    abstained: bool
    passed: bool
    recall: float | None
    missing_text: list[str]
    unsupported: list[str]
    text: str


class Score(BaseModel):
    """Pass rate of one group of questions (a kind, a style or a split)."""

    model_config = ConfigDict(frozen=True)

    group: str
    questions: int
    pass_rate: float
    recall: float | None


class Stability(BaseModel):
    """How often a variant kind cites the same efforts and abstains the same way."""

    model_config = ConfigDict(frozen=True)

    kind: str
    pairs: int
    stable: int
    changed: list[str] = Field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.stable / max(1, self.pairs)


class Report(BaseModel):
    model_config = ConfigDict(frozen=True)

    outcomes: list[Outcome]
    stability: list[Stability] = Field(default_factory=list)

    def of(self, split: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.question.split == split]

    @staticmethod
    def rate(outcomes: Sequence[Outcome]) -> float:
        return sum(o.passed for o in outcomes) / max(1, len(outcomes))

    @property
    def pass_rate(self) -> float:
        return self.rate(self.outcomes)

    @property
    def false_abstentions(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.abstained and not o.question.abstain]

    @property
    def false_answers(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question.abstain and not o.abstained]

    @property
    def unsupported_facts(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.unsupported]

    @property
    def stability_rate(self) -> float:
        pairs = sum(s.pairs for s in self.stability)
        return sum(s.stable for s in self.stability) / max(1, pairs)

    def scores(self, key: Callable[[Question], str], split: str | None = None) -> list[Score]:
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for o in self.outcomes:
            if split is None or o.question.split == split:
                groups[key(o.question)].append(o)
        return [
            Score(
                group=name,
                questions=len(items),
                pass_rate=self.rate(items),
                recall=_mean([o.recall for o in items]),
            )
            for name, items in sorted(groups.items())
        ]

    def table(self) -> str:
        """Dev and held-out pass rates per kind and per style, then stability, as Markdown."""
        splits = [s for s in SPLITS if self.of(s)]
        out = []
        for title, key in (("kind", _kind), ("style", _style)):
            header = " | ".join(f"{s} ({len(self.of(s))})" for s in splits)
            rows = [f"| {title} | {header} |", "|---|" + "---|" * len(splits)]
            per_split = {s: {sc.group: sc for sc in self.scores(key, s)} for s in splits}
            for group in sorted({g for s in splits for g in per_split[s]}):
                cells = []
                for s in splits:
                    sc = per_split[s].get(group)
                    cells.append(f"{_pct(sc.pass_rate)} of {sc.questions}" if sc else "—")
                rows.append(f"| {group} | " + " | ".join(cells) + " |")
            rows.append(
                "| **all** | "
                + " | ".join(f"**{_pct(self.rate(self.of(s)))}**" for s in splits)
                + " |"
            )
            out.append("\n".join(rows))
        out.append(
            f"False abstentions: {len(self.false_abstentions)}; false answers: "
            f"{len(self.false_answers)}; answers stating a fact no cited effort holds: "
            f"{len(self.unsupported_facts)}."
        )
        if self.stability:
            rows = ["| variant | pairs | same citations and abstention |", "|---|---|---|"]
            rows += [f"| {s.kind} | {s.pairs} | {_pct(s.rate)} |" for s in self.stability]
            pairs = sum(s.pairs for s in self.stability)
            rows.append(f"| **all** | {pairs} | **{_pct(self.stability_rate)}** |")
            out.append("\n".join(rows))
        return "\n\n".join(out)


def _kind(q: Question) -> str:
    return q.kind


def _style(q: Question) -> str:
    return q.style


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def load_questions(path: Path, *, split: str | None = None) -> list[Question]:
    """Read a question file; a bad file raises CorpusError naming it."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        name = split or (path.stem if path.stem in SPLITS else "dev")
        return [Question.model_validate({**item, "split": name}) for item in raw]
    except FileNotFoundError:
        raise CorpusError(f"{path} does not exist; pass a question file (JSON list)") from None
    except (ValueError, ValidationError, TypeError) as exc:
        raise CorpusError(
            f"{path} is not a valid question file: {str(exc).splitlines()[0]}"
        ) from None


def default_questions() -> list[Question]:
    """The dev set and, where present, the held-out and comparison sets of the package."""
    out = load_questions(EVALSET / "dev.json", split="dev")
    for split in (*HELDOUT_SPLITS, COMPARE_SPLIT):
        path = EVALSET / f"{split}.json"
        if path.exists():
            out += load_questions(path, split=split)
    return out


# -- scoring ------------------------------------------------------------------------------


def score(
    question: Question, answer: Answer, glossary: dict[str, str], titles: Sequence[str] = ()
) -> Outcome:
    """Compare one answer with what the question expects, on the answer's own claims."""
    cited = [c.effort_id for c in answer.citations]
    expected, got = set(question.expected), set(cited)
    evidence_ok = got == expected if question.exact else expected <= got
    if question.exact and answer.total is not None and answer.total > len(cited):
        # a list longer than the cap shows its first efforts and says how many it found:
        # exact when those are expected and the count is the expected one
        evidence_ok = got <= expected and answer.total == len(expected)
    stated = claims(answer).lower()
    missing = [s for s in question.answer_contains if s.lower() not in stated]
    wrong = unsupported(answer, glossary, titles)
    passed = evidence_ok and answer.abstained == question.abstain and not missing and not wrong
    return Outcome(
        question=question,
        cited=cited,
        abstained=answer.abstained,
        passed=passed,
        recall=len(expected & got) / len(expected) if expected else None,
        missing_text=missing,
        unsupported=wrong,
        text=answer.text,
    )


def _ask(bot: Assistant, question: str, history: Sequence[str]) -> Answer:
    return bot.ask(question, history=list(history))


def evaluate(
    questions: Sequence[Question],
    bot_for: Callable[[str], Assistant],
    *,
    with_stability: bool = True,
) -> Report:
    """Ask every question of the assistant its corpus names, and score the answers."""
    outcomes = []
    for q in questions:
        bot = bot_for(q.corpus)
        outcomes.append(score(q, _ask(bot, q.question, q.history), bot.glossary, bot.titles))
    report = Report(outcomes=outcomes)
    if with_stability:
        report = report.model_copy(update={"stability": stability(outcomes, bot_for)})
    return report


def stability(outcomes: Iterable[Outcome], bot_for: Callable[[str], Assistant]) -> list[Stability]:
    """Ask each question again in every variant that changes it; compare what is cited."""
    pairs: dict[str, list[int]] = {k: [0, 0] for k in VARIANT_KINDS}
    changed: dict[str, list[str]] = defaultdict(list)
    for o in outcomes:
        q = o.question
        bot = bot_for(q.corpus)
        for kind, text in variants(q.question, names=q.kind != "glossary").items():
            answer = _ask(bot, text, q.history)
            same = set(o.cited) == {c.effort_id for c in answer.citations} and (
                answer.abstained == o.abstained
            )
            pairs[kind][0] += 1
            pairs[kind][1] += same
            if not same:
                changed[kind].append(f"{q.id}: {text!r}")
    return [
        Stability(kind=k, pairs=n, stable=s, changed=changed[k]) for k, (n, s) in pairs.items() if n
    ]
