"""A question the reports match below a line, and that is much nearer to an everyday
request than to any effort, is out of scope: no "closest effort" is offered for the weather.

The bank of everyday requests (CLINC150, ``assistant/data/offtopic``) ships embedded with
the product's model; it applies to that model only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant
from assistant.offtopic import BANK, NEIGHBOURS, PER_INTENT, OffTopic
from assistant.reader import Reader
from assistant.refine import refine
from assistant.retrieval import OFF_TOPIC_BELOW, Retriever
from corpus import BUNDLED_PLAN
from index.embedder import MODEL_NAME, MiniLMEmbedder
from tests.conftest import EVALSET, FakeEmbedder


@dataclass(frozen=True)
class NamedOnly:
    """An embedder's identity without its model: enough to choose a bank."""

    name: str
    dimension: int

    def encode(self, texts: object) -> np.ndarray:
        raise AssertionError("choosing a bank embeds nothing")


def test_the_shipped_bank_is_what_its_manifest_says() -> None:
    manifest = json.loads((BANK / "manifest.json").read_text(encoding="utf-8"))
    lines = (BANK / "utterances.txt").read_text(encoding="utf-8").splitlines()
    vectors = np.load(BANK / "vectors.npy")
    assert manifest["model"] == MODEL_NAME and manifest["dimension"] == 384
    assert manifest["count"] == len(lines) == vectors.shape[0] == 16_200
    assert vectors.shape[1] == 384 and vectors.dtype == np.int8
    for name, key in (("utterances.txt", "utterances_sha256"), ("vectors.npy", "vectors_sha256")):
        assert hashlib.sha256((BANK / name).read_bytes()).hexdigest() == manifest[key]


def test_the_bank_applies_only_to_the_model_it_was_embedded_with() -> None:
    assert OffTopic.packaged(FakeEmbedder()) is None
    assert OffTopic.packaged(NamedOnly(MODEL_NAME, 256)) is None
    bank = OffTopic.packaged(NamedOnly(MODEL_NAME, 384))
    assert bank is not None
    row = bank._rows()[7]  # a unit vector: its cosine with itself is 1, give or take int8
    assert bank.nearest(row) == pytest.approx(1.0, abs=0.01)


def test_nearest_is_the_best_cosine_to_any_everyday_request() -> None:
    bank = OffTopic(np.eye(3, dtype=np.float32))
    assert bank.nearest(np.array([0.6, 0.8, 0.0], dtype=np.float32)) == pytest.approx(0.8)
    assert OffTopic(np.zeros((0, 3), dtype=np.float32)).nearest(np.ones(3)) == -1.0


def _retrievers(bot: Assistant, question: str) -> tuple[Retriever, Retriever, Reader]:
    reader = Reader(bot.corpus, bot.index.efforts)
    everyday = OffTopic(FakeEmbedder().encode([question]))  # the request itself is everyday
    return Retriever(bot.index, reader), Retriever(bot.index, reader, offtopic=everyday), reader


@pytest.mark.parametrize(
    "question",
    ["tell me a good ramen place near the station", "recommend a hotel for the conference"],
)
def test_a_weak_match_of_an_everyday_request_is_no_closest_effort(
    bot: Assistant, question: str
) -> None:
    plain, judged, reader = _retrievers(bot, question)
    query = refine(reader.read(question), False)
    hedged = plain.retrieve(query, None)
    assert hedged.weak and hedged.efforts  # without the bank: "the closest efforts are …"
    found = judged.retrieve(query, None)
    assert found.off_topic and not found.efforts


def test_a_good_match_is_never_judged_everyday(bot: Assistant) -> None:
    # matched at OFF_TOPIC_BELOW or better, however near an everyday request it also is
    question = "when was the 4th Specialist Group Meeting on Child Sexual Exploitation"
    _, judged, reader = _retrievers(bot, question)
    found = judged.retrieve(refine(reader.read(question), False), None)
    assert found.best >= OFF_TOPIC_BELOW
    assert not found.off_topic and not found.weak


@pytest.mark.parametrize(
    "question",
    ["whats the population of Fukuoka?", "best okonomiyaki place in hiroshima?? thx"],
)
def test_a_request_sharing_only_a_place_s_name_with_the_reports_is_outside_them(
    real_index_root: Path, real_embedder: MiniLMEmbedder, question: str
) -> None:
    # a forum in Fukuoka, a conference in Hiroshima; how far the rest is needs the model
    (report,) = (EVALSET / "reports34").glob("fy*_efforts.txt")
    bot = Assistant.load([BUNDLED_PLAN, report], index_dir=real_index_root, embedder=real_embedder)
    retriever = bot._answerer.retriever
    assert retriever.only_a_place(bot._answerer.reader.read(question))
    answer = bot.ask(question)
    assert answer.abstained and not answer.citations
    asked = bot._answerer.reader.read("was the ministerial dialogue held in fukuoka?")
    assert not retriever.only_a_place(asked)  # "ministerial dialogue": the reports' words
    # in everyday words only, no word of the reports at all: a question by meaning
    everyday = bot._answerer.reader.read("were neighbourhood helpers in fukuoka coached")
    assert not retriever.only_a_place(everyday)


def test_agreement_counts_the_nearest_requests_that_ask_the_same_thing() -> None:
    # CLINC150's order: each intent's requests together, PER_INTENT of them
    per = PER_INTENT
    rows = np.zeros((per * 3, 3), dtype=np.float32)
    rows[:per] = [1.0, 0.0, 0.0]  # one intent, all alike
    rows[per : 2 * per : 2] = [0.0, 1.0, 0.0]  # another, in two halves
    rows[per + 1 : 2 * per : 2] = [0.0, 0.0, 1.0]
    rows[2 * per :] = [0.0, 0.6, 0.8]
    bank = OffTopic(rows)
    agreeing, alike = bank.agreement(np.array([1.0, 0.0, 0.0], dtype=np.float32))
    assert agreeing == NEIGHBOURS and alike == pytest.approx(1.0)
    assert OffTopic(np.zeros((0, 3), dtype=np.float32)).agreement(np.ones(3)) == (0, 0.0)


def test_an_everyday_request_among_agreeing_ones_is_declined_but_not_in_a_conversation(
    real_index_root: Path, real_embedder: MiniLMEmbedder
) -> None:
    # "renewed" a website, "foreign residents": a passport renewal is near them, but nearer
    # to requests about travel documents, which agree on what they ask
    (report,) = (EVALSET / "reports19").glob("fy*_efforts.txt")
    bot = Assistant.load([BUNDLED_PLAN, report], index_dir=real_index_root, embedder=real_embedder)
    answer = bot.ask("how can I get my japanese passport renewed?")
    assert answer.abstained and not answer.citations
    first = bot.ask("What did the Ministry of Health, Labour and Welfare do in FY2019?")
    later = bot.ask("was calling it free of charge?", context=first.context)
    assert later.citations  # about the hotline just listed, not an everyday request
