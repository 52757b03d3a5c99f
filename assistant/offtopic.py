"""Everyday requests the reports cannot be about, to tell a question that is one of them.

A question about the weather, an exchange rate or renewing a visa can still land near an
effort in the embedding space ("yen" is in the grants, "Osaka" in a venue). What tells it
apart is that it lands much nearer to everyday requests. The bank is the 16,200 utterances
of CLINC150 (Larson et al., 2019: 150 everyday intents and 1,200 out-of-scope queries,
CC BY 3.0; ``data/offtopic/README.md``), embedded once with the product's model and shipped
as int8 vectors with a manifest naming that model. With another embedder the bank does not
apply and :meth:`OffTopic.packaged` gives None: no question is judged off-topic.

Pure and small: no search index, no model. The retriever asks :meth:`OffTopic.nearest`.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

import numpy as np
import numpy.typing as npt

from index.embedder import Embedder

__all__ = ["BANK", "NEIGHBOURS", "OffTopic", "build_bank"]

BANK = Path(__file__).resolve().parent / "data" / "offtopic"
UTTERANCES = "utterances.txt"
VECTORS = "vectors.npy"
MANIFEST = "manifest.json"
# CLINC150's training utterances come 100 to an intent, 150 intents, in the file's order.
PER_INTENT = 100
INTENTS = 150
NEIGHBOURS = 10


class OffTopic:
    """Unit vectors of everyday requests; ``nearest`` is a question's best cosine to one.

    Args:
        vectors: Rows of unit length; or
        folder: A bank folder, read on first use (a start that asks nothing open does not
            pay for it).
    """

    def __init__(
        self, vectors: npt.NDArray[np.float32] | None = None, *, folder: Path | None = None
    ) -> None:
        self._vectors = vectors
        self._folder = folder
        self._lock = threading.Lock()

    @classmethod
    def packaged(cls, embedder: Embedder, folder: Path = BANK) -> OffTopic | None:
        """The shipped bank, if it was embedded with ``embedder``'s model (else None)."""
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        same = (manifest.get("model"), manifest.get("dimension"))
        if same != (embedder.name, embedder.dimension):
            return None
        return cls(folder=folder)

    def _rows(self) -> npt.NDArray[np.float32]:
        if self._vectors is None:
            with self._lock:
                if self._vectors is None and self._folder is not None:
                    self._vectors = _read(self._folder)
        assert self._vectors is not None
        return self._vectors

    def nearest(self, vector: npt.NDArray[np.float32]) -> float:
        """The best cosine between a query vector (one row) and an everyday request."""
        return self.judge(vector)[0]

    def agreement(self, vector: npt.NDArray[np.float32], k: int = NEIGHBOURS) -> tuple[int, float]:
        """How many of the ``k`` everyday requests nearest a query vector ask one and the
        same thing (one of CLINC150's intents), and their mean cosine: "how do I renew my
        passport" lands among requests about travel documents, a question the reports
        answer among scattered ones."""
        _, agreeing, alike = self.judge(vector, k)
        return agreeing, alike

    def judge(
        self, vector: npt.NDArray[np.float32], k: int = NEIGHBOURS
    ) -> tuple[float, int, float]:
        """:meth:`nearest` and :meth:`agreement` from one pass over the bank."""
        rows = self._rows()
        if rows.size == 0:
            return -1.0, 0, 0.0
        sims = rows @ np.asarray(vector, dtype=np.float32).reshape(-1)
        top = np.argpartition(-sims, min(k, sims.size) - 1)[:k]
        # the file keeps CLINC150's order: each intent's utterances together, then the
        # out-of-scope queries, which share no intent
        labelled = [(int(i) // PER_INTENT, float(sims[i])) for i in top if i < PER_INTENT * INTENTS]
        best = float(sims.max())
        if not labelled:
            return best, 0, 0.0
        intents = [intent for intent, _ in labelled]
        mode = max(set(intents), key=intents.count)
        agreeing = [sim for intent, sim in labelled if intent == mode]
        return best, len(agreeing), float(np.mean(agreeing))


def _read(folder: Path) -> npt.NDArray[np.float32]:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    packed: npt.NDArray[np.int8] = np.load(folder / VECTORS, allow_pickle=False)
    rows: npt.NDArray[np.float32] = packed.astype(np.float32) / np.float32(manifest["scale"])
    return rows


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_bank(embedder: Embedder, folder: Path = BANK) -> dict[str, object]:
    """Embed ``utterances.txt`` with ``embedder`` and write the int8 vectors and manifest.

    int8 at a scale of 127 over the largest coordinate keeps every cosine within 0.003 of
    the float one (measured on this bank), at a quarter of the size.
    """
    texts = (folder / UTTERANCES).read_text(encoding="utf-8").splitlines()
    vectors = embedder.encode(texts)
    scale = 127.0 / float(np.abs(vectors).max())
    np.save(folder / VECTORS, np.round(vectors * scale).astype(np.int8), allow_pickle=False)
    manifest: dict[str, object] = {
        "what": "CLINC150 utterances (everyday requests), embedded; see README.md",
        "model": embedder.name,
        "dimension": embedder.dimension,
        "count": len(texts),
        "scale": scale,
        "utterances_sha256": _sha256(folder / UTTERANCES),
        "vectors_sha256": _sha256(folder / VECTORS),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


if __name__ == "__main__":  # python -m assistant.offtopic: rebuild the shipped vectors
    from index.embedder import MiniLMEmbedder

    print(json.dumps(build_bank(MiniLMEmbedder(onnx=False)), indent=2))
