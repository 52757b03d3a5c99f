"""What the assistant prepares once and keeps in the index root: the same as made afresh.

The trained intent model and the English word list's counts are read by later processes
instead of being worked out again; what is read must answer exactly as what is made, a
file made from other inputs or damaged is made again, and a root that cannot be written
costs time, never an answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant, prepared
from assistant.intents import Intent, IntentModel, load_examples, load_thresholds
from assistant.prepared import english_checker, english_counts, prepared_intent_model
from tests.conftest import FakeEmbedder

SHAPES = [
    "what did MINISTRY do in TIME",
    "when was TOPIC held",
    "how many TOPIC attend",
    "hi there",
    "which section cover TOPIC",
    "what doe TERM stand for",
]


@pytest.fixture
def kept_in(tmp_path: Path) -> Iterator[Path]:
    """A fresh root to keep prepared files in, and no word counts read yet."""
    saved = prepared._root, prepared._counts
    prepared.keep_in(tmp_path)
    prepared._counts = None
    yield tmp_path / prepared.FOLDER
    prepared._root, prepared._counts = saved


def _kept(folder: Path, kind: str) -> list[Path]:
    return sorted(folder.glob(f"{kind}-*.npz"))


def test_a_kept_intent_model_predicts_as_the_one_trained(kept_in: Path) -> None:
    examples, thresholds = load_examples(), load_thresholds()
    trained = prepared_intent_model(examples, thresholds)
    assert len(_kept(kept_in, "intents")) == 1
    read = prepared_intent_model(examples, thresholds)
    assert "X" not in vars(read)  # read, not trained again
    assert read.vocab == trained.vocab
    np.testing.assert_array_equal(read.weights, trained.weights)
    for shape in SHAPES:
        assert read.predict(shape) == trained.predict(shape)
    assert read.leave_one_out_accuracy() == trained.leave_one_out_accuracy()


def test_other_examples_are_trained_not_read(kept_in: Path) -> None:
    examples = load_examples()
    prepared_intent_model(examples, load_thresholds())
    fewer = [e for e in examples if e.intent is not Intent.GLOSSARY]
    model = prepared_intent_model(fewer, load_thresholds())
    assert Intent.GLOSSARY not in model.intents
    assert len(_kept(kept_in, "intents")) == 2


def test_a_damaged_kept_file_is_made_again(kept_in: Path) -> None:
    examples, thresholds = load_examples(), load_thresholds()
    prepared_intent_model(examples, thresholds)
    [path] = _kept(kept_in, "intents")
    path.write_bytes(b"PK\x03\x04 not a zip file" * 10)
    model = prepared_intent_model(examples, thresholds)
    fresh = IntentModel(examples, thresholds=thresholds)
    np.testing.assert_array_equal(model.weights, fresh.weights)
    read = prepared_intent_model(examples, thresholds)  # the file was written anew
    np.testing.assert_array_equal(read.weights, fresh.weights)


def test_kept_word_counts_are_the_word_lists_own(kept_in: Path) -> None:
    made = english_counts()
    prepared._counts = None
    read = english_counts()
    assert len(_kept(kept_in, "words")) == 1
    frequency = english_checker().word_frequency.dictionary
    assert len(read) == len(frequency)
    words = ["children", "the", "helping", "abused", "sexting", "organise", "zzzqx", "", "a"]
    words += sorted(frequency)[::5000]
    for word in words:
        assert read[word] == made[word] == frequency.get(word, 0), word


def test_a_root_that_cannot_be_written_keeps_nothing_and_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "root"
    blocked.mkdir()
    (blocked / prepared.FOLDER).write_text("a file where the folder would go")
    monkeypatch.setattr(prepared, "_root", blocked)
    monkeypatch.setattr(prepared, "_counts", None)
    assert english_counts()["children"] > 0
    model = prepared_intent_model(load_examples(), load_thresholds())
    assert model.predict("when was TOPIC held").intent is Intent.WHEN


def test_loading_an_assistant_keeps_prepared_files_in_its_index_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prepared, "_root", None)
    monkeypatch.setattr(prepared, "_counts", None)
    bot = Assistant.load(index_dir=tmp_path, embedder=FakeEmbedder())
    assert prepared._root == tmp_path
    bot.ask("How is the governmnet helping teachers?")  # a word to spell: the counts are read
    assert _kept(tmp_path / prepared.FOLDER, "words")
