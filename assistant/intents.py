"""Intents as data: what a question asks for, learnt from example phrasings.

The examples live in ``assistant/data/intents.md`` with their slots marked, in the
manner of Snips NLU and Rasa NLU. A question reaches the classifier as its *shape*:
slot values are masked (``MINISTRY``, ``TIME``, ``SECTION``, ``TERM``, ``NUMBER``,
``CHANGE``), words
of the examples' scaffold vocabulary are kept (stemmed), and every other run of words is
one ``TOPIC``. The classifier is ridge regression on TF-IDF word uni- and bigrams of
that shape, solved in closed form (its dual, one small linear system), so it trains in
milliseconds at start-up with numpy alone and has exact leave-one-out scores for
measuring it. Its top score is the confidence; below :data:`CONFIDENCE` the assistant
falls back to the safe default, :attr:`Intent.TOPIC` (retrieve and quote).

Example:
    >>> model = intent_model()
    >>> model.predict("when was TOPIC held").intent  # doctest: +SKIP
    <Intent.WHEN: 'when'>
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.text import function_words

__all__ = [
    "CLEAR_MARGIN",
    "CONFIDENCE",
    "shape",
    "token_spans",
    "tokens_of",
    "Example",
    "Intent",
    "IntentModel",
    "Prediction",
    "SLOT_TOKENS",
    "Trained",
    "intent_model",
    "load_examples",
    "stem",
]

EXAMPLES_FILE = Path(__file__).resolve().parent / "data" / "intents.md"
# Below this top score the question is answered the safe way (retrieve and quote, hedged).
CONFIDENCE = 0.35
# A prediction this far ahead of the runner-up needs only the default line.
CLEAR_MARGIN = 0.3
# Ridge penalty; leave-one-out accuracy on the examples is flat between 0.3 and 1.0.
RIDGE = 0.5
SLOT_TOKENS = {
    "ministry": "MINISTRY",
    "time": "TIME",
    "section": "SECTION",
    "term": "TERM",
    "number": "NUMBER",
    "topic": "TOPIC",
    "title": "TOPIC",  # a name the question quotes or writes in Title Case, whole
    "change": "CHANGE",  # across years: "new", "continued", "no longer" (changes.py)
}


class Intent(StrEnum):
    """What a question asks for; each has its examples in ``data/intents.md``."""

    LIST = "list"
    COUNT = "count"
    JOINT = "joint"
    MINISTRIES = "ministries"
    WHO = "who"
    AUDIENCE = "audience"
    WHEN = "when"
    PERIOD = "period"
    NUMBER = "number"
    NAME = "name"
    WHERE = "where"
    WHICH_SECTION = "which_section"
    GLOSSARY = "glossary"
    STRUCTURE = "structure"
    TOPIC = "topic"
    MENTIONS = "mentions"
    COMPARE = "compare"
    FOLLOW_ON = "follow_on"
    OUTSIDE = "outside"
    CHITCHAT = "chitchat"


@dataclass(frozen=True)
class Example:
    """One example phrasing: its words, each with the slot it belongs to (or None)."""

    intent: Intent
    text: str
    tokens: tuple[tuple[str, str | None], ...]


_SLOT = re.compile(r"\[([^\]]+)\]\((\w+)\)")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*(?:%|[A-Za-z]+)?|[^\sA-Za-z\d]")
# A word of the examples counts as scaffold (kept in a question's shape) once it occurs
# in this many examples; rarer words are read as topic, in the examples as in questions.
SCAFFOLD_MIN_EXAMPLES = 2


def token_spans(text: str) -> list[tuple[str, int]]:
    """Words, figures and single other characters, each with where it starts."""
    return [
        (m.group(0), m.start()) for m in _TOKEN.finditer(text) if m.group(0).strip("?!.,;:'\"()")
    ]


def tokens_of(text: str) -> list[str]:
    """Words, figures and single other characters (kanji stay one character each)."""
    return [t for t, _ in token_spans(text)]


# Words that lead into a slot ("in 2019", "the police") stay outside it, as the readers
# read them, so an example masks the way a question does.
_LEAD_INS = frozenset(
    "the a an in on at of for from during since after before between until till by to "
    "about under".split()
)


def load_examples(path: Path = EXAMPLES_FILE) -> list[Example]:
    """The example phrasings of every intent, with their slots."""
    examples: list[Example] = []
    intent: Intent | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            intent = Intent(line[3:].split("(")[0].strip())
        elif line.startswith("- ") and intent is not None:
            text = line[2:].strip()
            tokens: list[tuple[str, str | None]] = []
            last = 0
            for m in _SLOT.finditer(text):
                tokens += [(t, None) for t in tokens_of(text[last : m.start()])]
                inside = tokens_of(m.group(1))
                while len(inside) > 1 and inside[0].lower() in _LEAD_INS:
                    tokens.append((inside.pop(0), None))
                tokens += [(t, m.group(2)) for t in inside]
                last = m.end()
            tokens += [(t, None) for t in tokens_of(text[last:])]
            examples.append(Example(intent, text, tuple(tokens)))
    return examples


def load_thresholds(path: Path = EXAMPLES_FILE) -> dict[Intent, float]:
    """Each intent's confidence line: ``## outside (confidence 0.55)``, else the default."""
    out = {intent: CONFIDENCE for intent in Intent}
    for m in re.finditer(r"^## (\w+) \(confidence ([\d.]+)\)", path.read_text("utf-8"), re.M):
        out[Intent(m.group(1))] = float(m.group(2))
    return out


def shape(tokens: list[tuple[str, str | None]], scaffold: frozenset[str]) -> str:
    """A question's shape: slots masked, scaffold words kept, any other run is ``TOPIC``.

    Topic-marked words of an example are treated like any word of a question: kept if
    scaffold, else ``TOPIC``. Two times joined by "and"/"to" are one time.
    """
    out: list[str] = []
    for at, (word, slot) in enumerate(tokens):
        if slot == "aside":  # "joint ones included" says what is counted in, not what is asked
            continue
        after = tokens[at + 1][0].lower() if at + 1 < len(tokens) else None
        if out and out[-1] == "TOPIC" and word.lower() in _RELATIVE and after not in _ASKING:
            continue  # "the forum where firms meet": part of what is asked about
        if (slot is None or slot == "topic") and stem(word.lower()) in scaffold:
            out.append(stem(word.lower()))
            continue
        mark = SLOT_TOKENS[slot or "topic"]
        if out and out[-1] == mark:
            continue
        if mark == "TIME" and len(out) >= 2 and out[-2] == "TIME" and out[-1] in _JOINS:
            out.pop()
            continue
        out.append(mark)
    return " ".join(_join_topics(out))


# "Where" right after a noun opens a relative clause ("the forum where firms meet"), not a
# question; "tell me where it was" keeps it.
_RELATIVE = frozenset({"where"})
# ... unless a verb comes next, asking: "the symposium, where was it held?"
_ASKING = frozenset(
    {None, "was", "is", "are", "were", "did", "does", "do", "can", "could", "will", "would",
     "has", "have", "had", "should", "exactly"}
)
# Words that join two topic runs into one noun phrase: "the evaluation of the guidance in
# penal institutions" is one thing asked about, however many words link its parts.
_NOUN_LINKS = frozenset("of the a an in on against and".split())


def _join_topics(marks: list[str]) -> list[str]:
    """``TOPIC of the TOPIC in TOPIC`` → ``TOPIC``: links between topic runs are dropped."""
    out: list[str] = []
    for mark in marks:
        if mark == "TOPIC" and "TOPIC" in out:
            last = len(out) - 1 - out[::-1].index("TOPIC")
            if last < len(out) - 1 and all(w in _NOUN_LINKS for w in out[last + 1 :]):
                del out[last + 1 :]
                continue
        out.append(mark)
    return out


_JOINS = frozenset({"and", "to", "-", "through", "thru", "until", "till", "or"})


def scaffold_of(examples: list[Example]) -> frozenset[str]:
    """The stems a question's shape keeps: English function words, and stems outside
    slots that occur in at least ``SCAFFOLD_MIN_EXAMPLES`` examples and never inside a
    topic (a word an example uses as a topic is a topic word everywhere)."""
    function = {stem(w) for w in function_words()}
    counts = Counter(
        s for e in examples for s in {stem(t.lower()) for t, slot in e.tokens if slot is None}
    )
    topical = {stem(t.lower()) for e in examples for t, slot in e.tokens if slot == "topic"}
    frequent = {
        s for s, n in counts.items() if n >= SCAFFOLD_MIN_EXAMPLES and s not in topical - function
    }
    return frozenset(frequent | function)


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """The Snowball English stem (PyStemmer, as the BM25 index uses)."""
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def features(shape: str) -> list[str]:
    """Stemmed unigrams and bigrams of a masked question, with a start marker."""
    tokens = ["<s>"]
    for raw in shape.split():
        word = raw.strip("?!.,;:'\"()")
        if not word:
            continue
        tokens.append(word if word in SLOT_TOKENS.values() else stem(word.lower()))
    grams = tokens[1:] + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    return grams


# What training yields: each feature's column, its idf, and the weights (features x intents).
Trained = tuple[dict[str, int], npt.NDArray[np.float64], npt.NDArray[np.float64]]


@dataclass(frozen=True)
class Prediction:
    """The intent a question most likely has, how sure, and the runner-up."""

    intent: Intent
    confidence: float
    runner_up: Intent
    margin: float


class IntentModel:
    """Dual ridge regression over TF-IDF features of masked example phrasings."""

    def __init__(
        self,
        examples: list[Example],
        *,
        ridge: float = RIDGE,
        thresholds: dict[Intent, float] | None = None,
        trained: Trained | None = None,
    ) -> None:
        self.examples = examples
        self.thresholds = thresholds or {intent: CONFIDENCE for intent in Intent}
        self.intents = list(dict.fromkeys(e.intent for e in examples))
        self.scaffold = scaffold_of(examples)
        # The examples' own words, which spelling correction must leave alone.
        self.words = frozenset(t.lower() for e in examples for t, _ in e.tokens if t.isalpha())
        self.ridge = ridge
        if trained is not None:  # trained on these examples before (assistant.prepared)
            self.vocab, self.idf, self.weights = trained
            return
        self.shapes = [shape(list(e.tokens), self.scaffold) for e in examples]
        docs = [Counter(features(s)) for s in self.shapes]
        df = Counter(g for d in docs for g in d)
        self.vocab = {g: i for i, g in enumerate(sorted(df))}
        n = len(docs)
        self.idf = np.array(
            [math.log((1 + n) / (1 + df[g])) + 1.0 for g in sorted(df)], dtype=np.float64
        )
        self.X = np.vstack([self._vector(d) for d in docs])
        labels = np.array([self.intents.index(e.intent) for e in examples])
        Y = np.eye(len(self.intents))[labels]
        K = self.X @ self.X.T
        dual = np.linalg.solve(K + ridge * np.eye(n), Y)
        # The primal weights, one column per intent: a question costs one small product.
        self.weights = np.ascontiguousarray(self.X.T @ dual)
        self.labels = labels
        self._Y = Y

    def _vector(self, grams: Counter[str]) -> npt.NDArray[np.float64]:
        v = np.zeros(len(self.vocab), dtype=np.float64)
        for g, count in grams.items():
            i = self.vocab.get(g)
            if i is not None:
                v[i] = (1.0 + math.log(count)) * self.idf[i]
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def scores(self, shape: str) -> npt.NDArray[np.float64]:
        x = self._vector(Counter(features(shape)))
        result: npt.NDArray[np.float64] = x @ self.weights
        return result

    def accepts(self, prediction: Prediction) -> bool:
        """Whether the prediction clears its intent's confidence line, or the default line
        with no rival near it (an intent that asks for more is then sure enough)."""
        if prediction.confidence >= self.thresholds[prediction.intent]:
            return True
        return prediction.confidence >= CONFIDENCE and prediction.margin >= CLEAR_MARGIN

    def predict(self, shape: str) -> Prediction:
        return self._ranked(shape, 0)

    def runner_up(self, shape: str) -> Prediction:
        """The second most likely intent, as a prediction of its own."""
        return self._ranked(shape, 1)

    def _ranked(self, shape: str, place: int) -> Prediction:
        s = self.scores(shape)
        order = np.argsort(-s)
        chosen, next_ = int(order[place]), int(order[place + 1])
        return Prediction(
            intent=self.intents[chosen],
            confidence=float(s[chosen]),
            runner_up=self.intents[next_],
            margin=float(s[chosen] - s[next_]),
        )

    def leave_one_out_accuracy(self) -> float:
        """Share of examples whose intent is predicted with that example held out."""
        if "X" not in vars(self):  # read trained: train again to measure
            return IntentModel(self.examples, ridge=self.ridge).leave_one_out_accuracy()
        K = self.X @ self.X.T
        hat = K @ np.linalg.inv(K + self.ridge * np.eye(len(K)))
        pred = hat @ self._Y
        diag = np.diag(hat)[:, None]
        loo = (pred - diag * self._Y) / (1.0 - diag)
        return float(np.mean(loo.argmax(axis=1) == self.labels))


@lru_cache(maxsize=1)
def intent_model() -> IntentModel:
    """The model trained on the shipped examples, once per process; a process that starts
    after another trained it reads what that one kept (:mod:`assistant.prepared`)."""
    from assistant.prepared import prepared_intent_model

    return prepared_intent_model(load_examples(), load_thresholds())
