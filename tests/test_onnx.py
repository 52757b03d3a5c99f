"""The query path through ONNX Runtime, its fallback, and builds that embed only new texts.

An index built with the real model holds the model exported to ONNX, checked against
sentence-transformers before it is written; questions are then embedded by onnxruntime and
tokenizers alone, and torch is never imported to answer them. Anything wrong with the
export costs speed, never an answer. The fast tests use the fake embedder (and a stand-in
for the real model that never loads it); those on the real model are marked ``slow``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

import index.embed_cache
import index.onnx_export
from corpus import BUNDLED_PLAN, Corpus, load_corpus
from index import (
    MODEL_NAME,
    IndexError_,
    MiniLMEmbedder,
    SearchIndex,
    build_chunks,
    index_folder,
    open_index,
)
from index.embed_cache import CACHE_FILE, EmbeddingCache, text_key
from index.embedder import threads_from
from index.manifest import FORMAT_VERSION, read_manifest
from index.onnx_embedder import (
    ONNX_MODEL,
    ONNX_WEIGHTS,
    OnnxEmbedder,
    OnnxExport,
    ReferenceStandIn,
    query_embedder,
)
from index.onnx_export import MIN_COSINE, VERIFY_QUESTIONS, agreement
from tests.conftest import EVALSET, REPO_ROOT, FakeEmbedder
from ui.cli import main

REPORTS = EVALSET / "reports"  # the invented FY2020 and FY2023 reports
# An open question: answering it embeds it (dev question; it cites the school guidebook).
OPEN_QUESTION = "How is the government helping teachers notice children who are being abused?"
GUIDEBOOK = "fy2019-6.1.1"
HEAVY = ("torch", "sentence_transformers", "transformers")


class Recording(FakeEmbedder):
    """The fake embedder, keeping every text it was asked to embed."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.texts += texts
        return super().encode(texts)


class Interrupted(Exception):
    pass


class FailsOnThirdBatch(Recording):
    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if self.calls == 2:
            raise Interrupted
        return super().encode(texts)


class PretendMiniLM(MiniLMEmbedder):
    """Stands for the real model (its name and width) without loading it: fake vectors."""

    def __init__(self) -> None:
        super().__init__()
        self.fake = FakeEmbedder(name=MODEL_NAME, dimension=MiniLMEmbedder.dimension)

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return self.fake.encode(texts)


def documents(corpus: Corpus) -> set[str]:
    return {chunk.text for chunk in build_chunks(corpus)[1]}


def warnings_in(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


# -- the embedding cache ---------------------------------------------------------------


def test_a_corpus_that_gains_reports_embeds_only_their_documents(index_root: Path) -> None:
    bundled, grown = load_corpus(BUNDLED_PLAN), load_corpus([BUNDLED_PLAN, REPORTS])
    open_index(bundled, Recording(), root=index_root, cache=True)
    again = Recording()
    index, built = open_index(grown, again, root=index_root, cache=True)
    assert built
    new = documents(grown) - documents(bundled)
    assert sorted(again.texts) == sorted(new)
    fresh, _ = open_index(grown, FakeEmbedder(), root=index_root / "without-cache", cache=False)
    n = len(index.chunks)
    np.testing.assert_array_equal(
        index.vectors.reconstruct_n(0, n), fresh.vectors.reconstruct_n(0, n)
    )


def test_an_interrupted_build_resumes_from_the_batches_it_finished(
    index_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index.embed_cache, "EMBED_BATCH", 8)
    corpus = load_corpus()
    interrupted = FailsOnThirdBatch()
    with pytest.raises(Interrupted):
        open_index(corpus, interrupted, root=index_root, cache=True)
    resumed = Recording()
    _, built = open_index(corpus, resumed, root=index_root, cache=True)
    assert built and len(interrupted.texts) == 16
    assert sorted(resumed.texts) == sorted(documents(corpus) - set(interrupted.texts))


def test_a_forced_rebuild_embeds_everything_afresh(index_root: Path) -> None:
    corpus = load_corpus()
    open_index(corpus, FakeEmbedder(), root=index_root, cache=True)
    again = Recording()
    open_index(corpus, again, root=index_root, rebuild=True, cache=True)
    assert sorted(again.texts) == sorted(documents(corpus))


@pytest.mark.parametrize(
    "other",
    [FakeEmbedder(name="another-model"), FakeEmbedder(dimension=32)],
    ids=["another model", "another width"],
)
def test_vectors_are_reused_only_for_the_same_model_and_width(
    index_root: Path, other: FakeEmbedder
) -> None:
    corpus = load_corpus()
    open_index(corpus, FakeEmbedder(), root=index_root / "a", cache=True)
    shutil.copy(index_root / "a" / CACHE_FILE, index_root / CACHE_FILE)
    recording = Recording(name=other.name, dimension=other.dimension)
    open_index(corpus, recording, root=index_root, cache=True)
    assert sorted(recording.texts) == sorted(documents(corpus))


def test_a_damaged_cache_file_is_replaced_and_the_build_goes_on(index_root: Path) -> None:
    index_root.mkdir(parents=True)
    (index_root / CACHE_FILE).write_bytes(b"not a database, " * 1000)
    corpus = load_corpus()
    _, built = open_index(corpus, FakeEmbedder(), root=index_root, cache=True)
    assert built
    text = next(iter(documents(corpus)))
    with EmbeddingCache(index_root / CACHE_FILE) as cache:
        found = cache.lookup("fake-hash-embedder", 64, [text_key(text)])
    np.testing.assert_array_equal(found[text_key(text)], FakeEmbedder().encode([text])[0])


def test_only_the_packaged_model_keeps_a_cache_by_default(index_root: Path) -> None:
    open_index(load_corpus(), FakeEmbedder(), root=index_root)  # costs nothing to embed again
    assert not (index_root / CACHE_FILE).exists()


# -- threads ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "environment", "threads"),
    [(None, None, 1), (None, "2", 2), (3, "2", 3), (None, " 4 ", 4)],
)
def test_threads_come_from_the_option_else_the_environment_else_one(
    monkeypatch: pytest.MonkeyPatch, given: int | None, environment: str | None, threads: int
) -> None:
    if environment is None:
        monkeypatch.delenv("PLANQA_THREADS", raising=False)
    else:
        monkeypatch.setenv("PLANQA_THREADS", environment)
    assert MiniLMEmbedder(threads=given).threads == threads


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5", "65"])
def test_a_thread_count_that_is_no_count_is_refused_saying_what_to_use(value: str) -> None:
    with pytest.raises(IndexError_, match="whole number from 1 to 64"):
        threads_from(value)


def test_the_threads_option_refuses_a_count_that_is_no_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["ask", "toll-free hotline", "--threads", "0"])
    assert exit_.value.code == 2
    assert "--threads: '0' is not a number of threads; use 1 to 64" in capsys.readouterr().err


# -- falling back to sentence-transformers -----------------------------------------------


def _record(model: bytes, tokenizer: bytes) -> OnnxExport:
    return OnnxExport(
        model_sha256=hashlib.sha256(model).hexdigest(),
        tokenizer_sha256=hashlib.sha256(tokenizer).hexdigest(),
        max_length=256,
        min_cosine=1.0,
        checked_texts=0,
        exported_with={},
    )


def test_without_onnxruntime_questions_go_to_the_reference_after_one_notice(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # `import onnxruntime` fails
    reference = FakeEmbedder()
    onnx = OnnxEmbedder(b"model", b"{}", _record(b"model", b"{}"), fallback=reference)
    with caplog.at_level(logging.WARNING, logger="planqa"):
        first, second = onnx.encode(["toll-free hotline"]), onnx.encode(["a forum"])
    np.testing.assert_array_equal(first, reference.encode(["toll-free hotline"]))
    np.testing.assert_array_equal(second, reference.encode(["a forum"]))
    notices = warnings_in(caplog)
    assert len(notices) == 1 and "\n" not in notices[0]
    assert "sentence-transformers" in notices[0] and "pip install onnxruntime" in notices[0]


def test_a_model_onnxruntime_cannot_read_is_not_used(caplog: pytest.LogCaptureFixture) -> None:
    junk = b"\x08\x07" + b"not an onnx graph" * 64
    onnx = OnnxEmbedder(junk, b"{}", _record(junk, b"{}"), fallback=FakeEmbedder())
    with caplog.at_level(logging.WARNING, logger="planqa"):
        assert not onnx.active
        assert onnx.encode(["hotline"]).shape == (1, 64)
    notices = warnings_in(caplog)
    assert len(notices) == 1 and "planqa index --rebuild" in notices[0]


def test_an_index_without_an_onnx_model_loads_and_says_so_once_when_it_embeds(
    bundled_corpus: Corpus, index_root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Built by an embedder that exports nothing, under the real model's name and width.
    open_index(bundled_corpus, PretendMiniLM().fake, root=index_root)
    with caplog.at_level(logging.WARNING, logger="planqa"):
        loaded, built = open_index(bundled_corpus, PretendMiniLM(), root=index_root)
        assert not built and warnings_in(caplog) == []  # loading says nothing
        assert loaded.search("toll-free hotline", k=1)[0].efforts[0].id == "fy2019-4.1.1"
        loaded.search("a seminar for guardians", k=1)
    notices = warnings_in(caplog)
    assert len(notices) == 1 and "holds no ONNX model" in notices[0]
    assert "planqa index --rebuild" in notices[0]


def test_an_index_of_the_previous_format_is_rebuilt_once_with_a_warning(
    bundled_corpus: Corpus, index_root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    open_index(bundled_corpus, FakeEmbedder(), root=index_root)
    path = index_folder(bundled_corpus, index_root) / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["format"] = FORMAT_VERSION - 1
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="planqa"):
        _, built = open_index(bundled_corpus, FakeEmbedder(), root=index_root)
    assert built
    assert [f"format={FORMAT_VERSION - 1}" in w for w in warnings_in(caplog)] == [True]


# -- the real model ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def onnx_root(tmp_path_factory: pytest.TempPathFactory, real_embedder: MiniLMEmbedder) -> Path:
    """An index root holding the bundled plan's index, built with the real model."""
    root = tmp_path_factory.mktemp("onnx-indexes")
    open_index(load_corpus(), real_embedder, root=root)
    return root


def _copy(onnx_root: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the bundled plan's real index folder in a new root (files, not links)."""
    folder = index_folder(load_corpus(), onnx_root)
    root = tmp_path / "copy"
    shutil.copytree(folder, root / folder.name)
    return root, root / folder.name


def _bundled_export(onnx_root: Path, real_embedder: MiniLMEmbedder) -> OnnxEmbedder:
    """The ONNX embedder of the bundled plan's real index."""
    folder = index_folder(load_corpus(), onnx_root)
    onnx = query_embedder(folder, read_manifest(folder).onnx, real_embedder)
    assert isinstance(onnx, OnnxEmbedder)
    return onnx


def _long_text(words: int) -> str:
    text = " ".join(sorted(documents(load_corpus()), key=len))
    return " ".join(text.split()[:words])


def _notices_finding_the_guidebook(
    loaded: SearchIndex, caplog: pytest.LogCaptureFixture
) -> list[str]:
    """The warnings logged by the time ``loaded`` has searched the open question.

    Whichever embedder answers (the export or the reference model), the school guidebook
    must be among the hits.
    """
    with caplog.at_level(logging.WARNING, logger="planqa"):
        hits = loaded.search(OPEN_QUESTION, k=3)
    assert GUIDEBOOK in [e.id for hit in hits for e in hit.efforts]
    return warnings_in(caplog)


@pytest.mark.slow
def test_the_manifest_records_a_checked_export_beside_the_files(onnx_root: Path) -> None:
    manifest = read_manifest(index_folder(load_corpus(), onnx_root))
    assert manifest.format == FORMAT_VERSION and manifest.onnx is not None
    assert manifest.onnx.min_cosine >= MIN_COSINE
    assert manifest.onnx.max_length == 256  # sentence-transformers' limit, not 128
    every_document = build_chunks(load_corpus())[1]
    assert manifest.onnx.checked_texts == len(every_document) + len(VERIFY_QUESTIONS)
    assert ONNX_MODEL not in manifest.files  # a damaged export is no reason to rebuild
    assert manifest.onnx.optimized and manifest.onnx.weights_sha256
    weights = (index_folder(load_corpus(), onnx_root) / ONNX_WEIGHTS).stat()
    assert (manifest.onnx.weights_bytes, manifest.onnx.weights_mtime_ns) == (
        weights.st_size,
        weights.st_mtime_ns,
    )
    assert (onnx_root / CACHE_FILE).exists()


@pytest.mark.slow
def test_the_export_embeds_as_sentence_transformers_does_at_any_length(
    onnx_root: Path, real_embedder: MiniLMEmbedder
) -> None:
    onnx = _bundled_export(onnx_root, real_embedder)
    # Past 128 tokens (tokenizer.json's own limit) and past 256 (sentence-transformers').
    long_texts = [_long_text(words) for words in (150, 400)]
    texts = [*sorted(documents(load_corpus())), *VERIFY_QUESTIONS, *long_texts]
    cosines = agreement(onnx.encode(texts), real_embedder.encode(texts))
    assert onnx.active and cosines.min() >= MIN_COSINE


@pytest.mark.slow
def test_the_export_gives_the_token_vectors_sentence_transformers_gives(
    onnx_root: Path, real_embedder: MiniLMEmbedder
) -> None:
    onnx = _bundled_export(onnx_root, real_embedder)
    texts = ["Was the toll-free stalking hotline renamed?", _long_text(400)]
    vectors, tokens = onnx.encode_with_tokens(texts)
    reference_vectors, reference_tokens = real_embedder.encode_with_tokens(texts)
    assert agreement(vectors, reference_vectors).min() >= MIN_COSINE
    for (rows, pieces), (reference_rows, reference_pieces) in zip(
        tokens, reference_tokens, strict=True
    ):
        assert pieces == reference_pieces and "[CLS]" not in pieces
        assert agreement(rows, reference_rows).min() >= MIN_COSINE


@pytest.mark.slow
def test_indexes_of_one_root_share_one_export(
    onnx_root: Path, real_embedder: MiniLMEmbedder
) -> None:
    grown = load_corpus([BUNDLED_PLAN, REPORTS])
    open_index(grown, real_embedder, root=onnx_root)
    for name in (ONNX_MODEL, ONNX_WEIGHTS):
        first = index_folder(load_corpus(), onnx_root) / name
        assert (index_folder(grown, onnx_root) / name).samefile(first)


@pytest.mark.slow
def test_an_export_that_disagrees_with_sentence_transformers_is_not_used(
    onnx_root: Path,
    real_embedder: MiniLMEmbedder,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(index.onnx_export, "MIN_COSINE", 1.5)  # no export can pass
    corpus = load_corpus(REPORTS)
    with caplog.at_level(logging.WARNING, logger="planqa"):
        fresh, _ = open_index(corpus, real_embedder, root=onnx_root)
    notices = warnings_in(caplog)
    assert len(notices) == 1 and "cosine to sentence-transformers" in notices[0]
    manifest = read_manifest(index_folder(corpus, onnx_root))
    assert manifest.onnx is None and "cosine" in manifest.onnx_note
    assert not (index_folder(corpus, onnx_root) / ONNX_MODEL).exists()
    assert fresh.embedder is real_embedder
    loaded, _ = open_index(corpus, real_embedder, root=onnx_root)
    assert isinstance(loaded.embedder, ReferenceStandIn)


@pytest.mark.slow
def test_a_damaged_export_is_not_run_and_the_reference_answers(
    onnx_root: Path,
    real_embedder: MiniLMEmbedder,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    root, folder = _copy(onnx_root, tmp_path)
    model = bytearray((folder / ONNX_MODEL).read_bytes())
    middle = len(model) // 2  # inside the weights: onnxruntime would read it without a word
    model[middle : middle + 64] = bytes(64)
    (folder / ONNX_MODEL).write_bytes(bytes(model))
    loaded, built = open_index(load_corpus(), real_embedder, root=root)
    assert not built  # the rest of the index is sound: no rebuild
    notices = _notices_finding_the_guidebook(loaded, caplog)
    assert len(notices) == 1 and "does not match its checksum" in notices[0]


@pytest.mark.slow
def test_damaged_weights_are_not_run_and_the_reference_answers(
    onnx_root: Path,
    real_embedder: MiniLMEmbedder,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    root, folder = _copy(onnx_root, tmp_path)
    weights = bytearray((folder / ONNX_WEIGHTS).read_bytes())
    middle = len(weights) // 2  # same size: the time it was written gives it away
    weights[middle : middle + 64] = bytes(64)
    (folder / ONNX_WEIGHTS).write_bytes(bytes(weights))
    loaded, built = open_index(load_corpus(), real_embedder, root=root)
    assert not built
    notices = _notices_finding_the_guidebook(loaded, caplog)
    assert len(notices) == 1 and f"{ONNX_WEIGHTS} does not match its checksum" in notices[0]


@pytest.mark.slow
def test_weights_touched_but_unchanged_are_hashed_and_used(
    onnx_root: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root, folder = _copy(onnx_root, tmp_path)
    os.utime(folder / ONNX_WEIGHTS, ns=(0, 0))  # another time than the manifest records
    loaded, _ = open_index(load_corpus(), MiniLMEmbedder(), root=root)
    assert _notices_finding_the_guidebook(loaded, caplog) == []
    assert isinstance(loaded.embedder, OnnxEmbedder) and loaded.embedder.active


@pytest.mark.slow
def test_a_loaded_index_embeds_with_its_export_after_its_folder_is_rebuilt(
    onnx_root: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root, folder = _copy(onnx_root, tmp_path)
    loaded, _ = open_index(load_corpus(), MiniLMEmbedder(), root=root)
    # Another build put other files in its place: the weights opened at load are used.
    (folder / ONNX_WEIGHTS).unlink()
    (folder / ONNX_WEIGHTS).write_bytes(b"not the weights")
    assert _notices_finding_the_guidebook(loaded, caplog) == []
    assert isinstance(loaded.embedder, OnnxEmbedder) and loaded.embedder.active


@pytest.mark.slow
def test_a_loaded_index_embeds_with_its_export_after_its_folder_is_deleted(
    onnx_root: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root, folder = _copy(onnx_root, tmp_path)
    loaded, _ = open_index(load_corpus(), MiniLMEmbedder(), root=root)
    shutil.rmtree(folder)
    assert _notices_finding_the_guidebook(loaded, caplog) == []
    assert isinstance(loaded.embedder, OnnxEmbedder) and loaded.embedder.active


def _planqa(argv: list[str]) -> tuple[subprocess.CompletedProcess[str], dict[str, object]]:
    """``planqa ARGV`` in a new process; also which heavy modules it had imported by the end."""
    script = textwrap.dedent(
        f"""
        import json, sys
        sys.path.insert(0, {str(REPO_ROOT)!r})
        from ui.cli import main
        status = main({argv!r})
        loaded = {{name: name in sys.modules for name in {(*HEAVY, "onnxruntime")!r}}}
        print(json.dumps({{"status": status, "loaded": loaded}}), file=sys.stderr)
        """
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300
    )
    *_, last = done.stderr.strip().splitlines() or [""]
    return done, json.loads(last) if last.startswith("{") else {}


@pytest.mark.slow
@pytest.mark.parametrize("command", ["ask", "search"])
def test_answering_an_open_question_imports_neither_torch_nor_sentence_transformers(
    onnx_root: Path, command: str
) -> None:
    done, report = _planqa([command, OPEN_QUESTION, "--index-dir", str(onnx_root)])
    assert report, done.stderr
    assert report["status"] == 0 and GUIDEBOOK in done.stdout
    loaded = report["loaded"]
    assert isinstance(loaded, dict)
    assert loaded["onnxruntime"] and not any(loaded[name] for name in HEAVY), loaded
    assert done.stderr.count("\n") == 1  # the report line alone: no notice, no warning


@pytest.mark.slow
@pytest.mark.parametrize("missing", [ONNX_MODEL, ONNX_WEIGHTS])
def test_a_missing_export_costs_one_notice_and_the_question_is_answered(
    onnx_root: Path, tmp_path: Path, missing: str
) -> None:
    root, folder = _copy(onnx_root, tmp_path)
    (folder / missing).unlink()
    done, report = _planqa(["ask", OPEN_QUESTION, "--index-dir", str(root)])
    assert report.get("status") == 0 and GUIDEBOOK in done.stdout
    notices = done.stderr.strip().splitlines()[:-1]
    assert len(notices) == 1 and notices[0].startswith("planqa: cannot read the ONNX model")
    assert "Traceback" not in done.stderr
