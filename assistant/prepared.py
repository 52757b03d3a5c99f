"""What the assistant works out from files that rarely change, kept for the next process.

Training the intent model on its examples (0.1 s, and 0.3 to 0.6 s when numpy's BLAS
threads contend with other work on a small machine) and reading pyspellchecker's English
word list (a gzipped JSON of 160,000 words: 0.2 to 0.45 s) give the same result in every
process until the files they are made from change. So the first process that needs one
keeps it in the index root's ``prepared/`` folder, named by the SHA-256 of everything it is
made from, and later processes read it in milliseconds:

    prepared/intents-<key>.npz  the trained intent model: its features, idf and weights
                                 (key: the examples, function_words.txt, the code of
                                 intents.py and text.py, PyStemmer's and numpy's versions)
    prepared/words-<key>.npz    the English word list, sorted, and each word's count
                                 (key: pyspellchecker's en.json.gz and spellchecker.py)

Each file also holds, as ``about``, the parts of its key, so it says what it was made from.
A file that is missing, unreadable or does not fit is made again; one that cannot be
written is not kept, and the result is used all the same. Arrays and text only, no pickle.
:func:`keep_in` names the folder (:meth:`assistant.Assistant.load` gives its index root);
until it is called, nothing is read or written.

Example:
    >>> keep_in(Path("~/.cache/planqa/indexes").expanduser())  # doctest: +SKIP
    >>> english_counts()["children"] > 2_000  # doctest: +SKIP
    True
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import tempfile
import threading
from bisect import bisect_left
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from assistant import intents, text
from assistant.intents import Example, Intent, IntentModel

__all__ = ["WordCounts", "english_checker", "english_counts", "keep_in", "prepared_intent_model"]

log = logging.getLogger("planqa")

FOLDER = "prepared"
FORMAT = "1"  # change when what a file holds changes

T = TypeVar("T")

_lock = threading.Lock()
_root: Path | None = None
_counts: WordCounts | None = None


def keep_in(root: Path | None) -> None:
    """Keep what is prepared in ``root``/prepared from now on (None: nowhere)."""
    global _root
    with _lock:
        _root = root


class WordCounts:
    """How often each word occurs in the English word list (lower case); 0 for no word.

    Args:
        words: Every word of the list, sorted.
        counts: Each word's count, in the same order.
    """

    def __init__(self, words: list[str], counts: list[int]) -> None:
        if len(words) != len(counts):
            raise ValueError(f"{len(words)} words but {len(counts)} counts")
        self._words = words
        self._counts = counts

    def __len__(self) -> int:
        return len(self._words)

    def __getitem__(self, word: str) -> int:
        i = bisect_left(self._words, word)
        return self._counts[i] if i < len(self._words) and self._words[i] == word else 0


@lru_cache(maxsize=1)
def english_checker() -> Any:
    """pyspellchecker's English checker, one per process (its words take 0.2 s to load)."""
    from spellchecker import SpellChecker

    # Distance 1 only: pyspellchecker's distance 2 takes ~0.5 s on a long word.
    return SpellChecker(distance=1)


def english_counts() -> WordCounts:
    """The English word list's counts, read from ``prepared/`` or made and kept there."""
    global _counts
    with _lock:
        if _counts is None:
            _counts = _prepared("words", _words_key, _load_words, _make_words)
        return _counts


def prepared_intent_model(examples: list[Example], thresholds: dict[Intent, float]) -> IntentModel:
    """The intent model of ``examples``, read from ``prepared/`` or trained and kept there."""

    def load(arrays: Mapping[str, Any]) -> IntentModel:
        grams = _lines(arrays["grams"])
        idf, weights = arrays["idf"], arrays["weights"]
        names = [i.value for i in dict.fromkeys(e.intent for e in examples)]
        fits = idf.shape == (len(grams),) and weights.shape == (len(grams), len(names))
        if _lines(arrays["intents"]) != names or not fits:
            raise ValueError("the kept intent model does not fit its examples")
        vocab = {g: i for i, g in enumerate(grams)}
        return IntentModel(examples, thresholds=thresholds, trained=(vocab, idf, weights))

    def make() -> tuple[IntentModel, dict[str, Any]]:
        model = IntentModel(examples, thresholds=thresholds)
        grams = sorted(model.vocab, key=model.vocab.__getitem__)
        arrays = {
            "grams": _text("\n".join(grams)),
            "intents": _text("\n".join(i.value for i in model.intents)),
            "idf": model.idf,
            "weights": model.weights,
        }
        return model, arrays

    return _prepared("intents", lambda: _intents_key(examples), load, make)


def _prepared(
    kind: str,
    key: Callable[[], dict[str, str]],
    load: Callable[[Mapping[str, Any]], T],
    make: Callable[[], tuple[T, dict[str, Any]]],
) -> T:
    """Read ``kind`` from its file if it is there and fits, else make it and keep it."""
    folder = _root / FOLDER if _root is not None else None
    about: dict[str, str] = {}
    path = None
    if folder is not None:
        try:
            about = key()
        except OSError as exc:  # a file the key is made from is not where it was expected
            log.debug("planqa: not keeping %s (%s)", kind, exc)
            folder = None
    if folder is not None:
        digest = hashlib.sha256(json.dumps(about, sort_keys=True).encode()).hexdigest()
        path = folder / f"{kind}-{digest[:16]}.npz"
        try:
            with np.load(path, allow_pickle=False) as arrays:
                if json.loads(str(arrays["about"])) != about:
                    raise ValueError("made from other files")
                return load(arrays)
        except FileNotFoundError:
            pass
        except Exception as exc:  # noqa: BLE001 - anything off: make it again
            log.debug("planqa: making %s again: %s", path, exc)
    value, arrays = make()
    if path is not None:
        _keep(path, {**arrays, "about": np.array(json.dumps(about, sort_keys=True))})
    return value


def _keep(path: Path, arrays: dict[str, Any]) -> None:
    """Write ``arrays`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as fh:
            tmp = Path(fh.name)
            try:
                np.savez(fh, **arrays)
            except BaseException:
                fh.close()
                tmp.unlink(missing_ok=True)
                raise
        os.replace(tmp, path)
    except OSError as exc:  # a read-only root: used, not kept
        log.debug("planqa: cannot keep %s (%s)", path, exc)


def _text(value: str) -> np.ndarray:
    return np.frombuffer(value.encode("utf-8"), dtype=np.uint8)


def _lines(array: np.ndarray) -> list[str]:
    return bytes(array).decode("utf-8").split("\n")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _intents_key(examples: list[Example]) -> dict[str, str]:
    import Stemmer

    phrasings = json.dumps([[e.intent.value, e.text] for e in examples], ensure_ascii=False)
    return {
        "format": FORMAT,
        "examples": hashlib.sha256(phrasings.encode("utf-8")).hexdigest(),
        "function_words.txt": _sha256(text.DATA / "function_words.txt"),
        "intents.py": _sha256(Path(intents.__file__)),
        "text.py": _sha256(Path(text.__file__)),
        "PyStemmer": str(Stemmer.version()),
        "numpy": np.__version__,
    }


def _spellchecker_folder() -> Path:
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("pyspellchecker is not installed")
    return Path(spec.origin).parent


def _words_key() -> dict[str, str]:
    folder = _spellchecker_folder()
    return {
        "format": FORMAT,
        "en.json.gz": _sha256(folder / "resources" / "en.json.gz"),
        "spellchecker.py": _sha256(folder / "spellchecker.py"),
    }


def _load_words(arrays: Mapping[str, Any]) -> WordCounts:
    return WordCounts(_lines(arrays["words"]), arrays["counts"].tolist())


def _make_words() -> tuple[WordCounts, dict[str, Any]]:
    frequency = english_checker().word_frequency.dictionary
    words = sorted(frequency)
    counts = [int(frequency[w]) for w in words]
    arrays = {"words": _text("\n".join(words)), "counts": np.array(counts, dtype=np.int64)}
    return WordCounts(words, counts), arrays
