"""The search index with the fake embedder: chunks, filters, persistence, damage, concurrency."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from corpus import BUNDLED_PLAN, Corpus, load_corpus
from index import (
    Hit,
    IndexError_,
    SearchIndex,
    StaleIndex,
    build_chunks,
    build_index,
    index_folder,
    load_index,
    open_index,
    save_index,
)
from index.lexical import Lexical, tokenize
from index.search import MEASURE_WEIGHT
from tests.conftest import EVALSET, REPO_ROOT, FakeEmbedder

REPORTS = EVALSET / "reports"
HOTLINE_QUERY = "child abuse hotline toll-free number"
UNRELATED_QUERY = "weather forecast for the football match tomorrow"


def multi_year_corpus() -> Corpus:
    return load_corpus([BUNDLED_PLAN, REPORTS])


def found_ids(hits: list[Hit]) -> list[str]:
    return [e.id for hit in hits for e in hit.efforts]


def ids_where(corpus: Corpus, keep: Callable[..., bool]) -> set[str]:
    return {e.id for _, _, _, e in corpus.efforts() if keep(e)}


# -- chunks ------------------------------------------------------------------------------------


def test_an_abbreviations_plural_is_its_word_as_other_plurals_are() -> None:
    assert tokenize("shelters run by NGOs") == ["shelter", "run", "ngo"]
    assert tokenize("an NGO shelter") == ["ngo", "shelter"]
    assert tokenize("the US and Japan") == ["us", "japan"]  # no plural: its own word


def test_one_effort_document_per_effort_cited_by_its_id(bundled_corpus: Corpus) -> None:
    efforts, chunks = build_chunks(bundled_corpus)
    effort_docs = [c for c in chunks if c.kind == "effort"]
    assert len(efforts) == 11
    assert [c.key for c in effort_docs] == [e.id for e in efforts]
    for chunk in effort_docs:
        (position,) = chunk.efforts
        assert efforts[position].id == chunk.key
        assert efforts[position].text in chunk.text


def test_one_measure_chunk_per_measure_with_efforts(bundled_corpus: Corpus) -> None:
    efforts, chunks = build_chunks(bundled_corpus)
    measure_chunks = [c for c in chunks if c.kind == "measure"]
    assert len(measure_chunks) == 10
    plan = bundled_corpus.plans[0]
    for chunk in measure_chunks:
        section = next(s for s in plan.sections if s.number == chunk.section)
        measure = section.measures[chunk.measure - 1]
        assert chunk.key == f"fy2019-{section.number}.{measure.number}"
        assert [efforts[p].id for p in chunk.efforts] == [e.id for e in measure.efforts]
        assert measure.title in chunk.text
        for effort in measure.efforts:
            assert effort.text in chunk.text


def test_every_effort_is_cited_by_some_chunk(bundled_corpus: Corpus) -> None:
    efforts, chunks = build_chunks(bundled_corpus)
    cited = {p for c in chunks for p in c.efforts}
    assert cited == set(range(len(efforts)))
    assert len({e.id for e in efforts}) == len(efforts)


def test_cited_effort_carries_titles_and_source(bundled_corpus: Corpus) -> None:
    efforts, _ = build_chunks(bundled_corpus)
    hotline = next(e for e in efforts if e.id == "fy2019-4.1.1")
    assert hotline.section_title == "Prompt protection of and appropriate support for child victims"
    assert hotline.measure_title.startswith("Reponses considering convenience")
    assert hotline.source == "fy2019_efforts.txt"
    assert hotline.line == 35


def test_effort_document_spells_out_the_ministry(bundled_corpus: Corpus) -> None:
    _, chunks = build_chunks(bundled_corpus)
    chunk = next(c for c in chunks if c.key == "fy2019-5.2.1")
    assert "MOJ (Ministry of Justice)" in chunk.text


def test_measure_with_only_notes_gets_no_chunk(tmp_path: Path) -> None:
    path = tmp_path / "fy2020.txt"
    path.write_text(
        "FY2020 Efforts\n1. A\nO With efforts\n· Held a forum. [CAO]\nO Only a figure\nPoster\n",
        encoding="utf-8",
    )
    _, chunks = build_chunks(load_corpus(path))
    assert [(c.kind, c.key) for c in chunks] == [
        ("effort", "fy2020-1.1.1"),
        ("text", "fy2020-1.1.1"),
        ("measure", "fy2020-1.1"),
    ]


def test_each_effort_is_also_indexed_by_its_own_words_alone(bundled_corpus: Corpus) -> None:
    efforts, chunks = build_chunks(bundled_corpus)
    views = [c for c in chunks if c.kind == "text"]
    assert [c.key for c in views] == [e.id for e in efforts]
    assert [c.text for c in views] == [e.text for e in efforts]


def test_an_effort_ranks_by_its_better_view_but_is_judged_on_its_own_document(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder
) -> None:
    index = build_index(bundled_corpus, fake_embedder)
    effort = next(e for e in index.efforts if e.id == "fy2019-4.1.1")
    matches = index.rank_efforts(effort.text, mode="dense")
    assert index.efforts[matches[0].position].id == "fy2019-4.1.1"
    assert matches[0].score == pytest.approx(1.0, abs=1e-5)  # its own words, word for word
    assert matches[0].similarity < 0.99  # the document with ministries and headings
    positions = [m.position for m in matches]
    assert len(positions) == len(set(positions))  # one entry per effort, never one per view


def test_a_match_on_a_whole_measure_credits_its_efforts_less_than_their_own_match(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder
) -> None:
    index = build_index(bundled_corpus, fake_embedder)
    measure = next(c for c in index.chunks if c.kind == "measure" and len(c.efforts) > 1)
    matches = index.rank_efforts(measure.text, mode="dense")
    credited = [m for m in matches if m.position in measure.efforts]
    # the measure's own text, word for word: every effort under it is credited alike,
    # below a full match, though judged on that match's cosine
    assert {round(m.score, 5) for m in credited} == {round(MEASURE_WEIGHT, 5)}
    assert MEASURE_WEIGHT < 1.0
    assert all(m.similarity == pytest.approx(1.0, abs=1e-5) for m in credited)


def test_a_bm25_index_of_another_size_is_refused_when_loaded(tmp_path: Path) -> None:
    Lexical.build(["a poster contest", "a hotline", "a seminar"]).save(tmp_path)
    assert Lexical.load(tmp_path, 3).scores("hotline").tolist()[1] > 0
    with pytest.raises(ValueError, match="holds 3 documents, not 4"):
        Lexical.load(tmp_path, 4)


def test_the_text_view_is_never_a_separate_lexical_hit(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder
) -> None:
    index = build_index(bundled_corpus, fake_embedder)
    fused, _ = index.rank_chunks("toll-free hotline", mode="bm25")
    assert fused and all(index.chunks[i].kind != "text" for i, _ in fused)


# -- filters -----------------------------------------------------------------------------------


def test_no_filter_gives_no_mask(bundled_corpus: Corpus, fake_embedder: FakeEmbedder) -> None:
    index = build_index(bundled_corpus, fake_embedder)
    assert index.effort_mask() is None
    assert index.effort_mask(ministries=[], fiscal_years=[]) is None


def test_joint_attribution_counts_for_every_ministry_named(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder
) -> None:
    index = build_index(bundled_corpus, fake_embedder)
    for ministry in ("MIC", "MEXT", "METI"):
        assert "fy2019-2.1.1" in found_ids(index.search("seminars", k=10, ministries=[ministry]))
    assert found_ids(index.search(UNRELATED_QUERY, k=10, ministries=["METI"])) == ["fy2019-2.1.1"]


@pytest.mark.parametrize("ministry", ["CAO", "NPA", "MIC", "MOJ", "MEXT", "MHLW", "METI"])
def test_ministry_filter_returns_exactly_that_ministrys_efforts(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder, ministry: str
) -> None:
    index = build_index(bundled_corpus, fake_embedder)
    hits = index.search(UNRELATED_QUERY, k=20, ministries=[ministry])
    assert set(found_ids(hits)) == ids_where(bundled_corpus, lambda e: ministry in e.ministries)


@pytest.mark.parametrize("ministry", ["CAS", "MOFA", "NOPE"])
def test_ministry_without_efforts_finds_nothing(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder, ministry: str
) -> None:
    index = build_index(bundled_corpus, fake_embedder)
    assert index.search(HOTLINE_QUERY, k=5, ministries=[ministry]) == []


def test_several_ministries_match_any_of_them(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder
) -> None:
    index = build_index(bundled_corpus, fake_embedder)
    hits = index.search(UNRELATED_QUERY, k=20, ministries=["MOJ", "CAO"])
    assert set(found_ids(hits)) == {"fy2019-5.2.1", "fy2019-1.1.1"}


def test_ministry_and_fiscal_year_filters_combine(fake_embedder: FakeEmbedder) -> None:
    corpus = multi_year_corpus()
    assert len(corpus.fiscal_years) >= 2
    index = build_index(corpus, fake_embedder)
    for year in corpus.fiscal_years:
        for ministry in ("NPA", "MOJ", "MEXT"):
            hits = index.search(UNRELATED_QUERY, k=100, ministries=[ministry], fiscal_years=[year])
            expected = ids_where(
                corpus, lambda e, y=year, m=ministry: e.fiscal_year == y and m in e.ministries
            )
            assert set(found_ids(hits)) == expected, (year, ministry)


def test_fiscal_year_filter_keeps_only_that_year(fake_embedder: FakeEmbedder) -> None:
    corpus = multi_year_corpus()
    index = build_index(corpus, fake_embedder)
    hits = index.search(HOTLINE_QUERY, k=100, fiscal_years=[2019])
    assert set(found_ids(hits)) == ids_where(corpus, lambda e: e.fiscal_year == 2019)
    assert all(h.fiscal_year == 2019 for h in hits)


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        (["2019-12"], {"fy2019-4.1.1"}),
        (["2019-05", "2019-07"], {"fy2019-6.1.1", "fy2019-1.1.1"}),
        (["2020-01"], {"fy2019-1.2.1"}),
        (["2018-04"], set()),
    ],
)
def test_month_filter_keeps_efforts_dated_in_those_months(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder, months: list[str], expected: set[str]
) -> None:
    index = build_index(bundled_corpus, fake_embedder)
    assert set(found_ids(index.search(UNRELATED_QUERY, k=20, months=months))) == expected


def test_effort_mask_marks_joint_efforts_for_each_ministry(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder
) -> None:
    index = build_index(bundled_corpus, fake_embedder)
    mask = index.effort_mask(ministries=["METI"])
    assert mask is not None
    assert [e.id for e, keep in zip(index.efforts, mask, strict=True) if keep] == ["fy2019-2.1.1"]


def test_filter_never_drops_the_matching_effort_when_k_is_small(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder
) -> None:
    index = build_index(bundled_corpus, fake_embedder)
    hits = index.search(HOTLINE_QUERY, k=1, ministries=["MOJ"])
    assert found_ids(hits) == ["fy2019-5.2.1"]


def test_filter_finds_a_low_ranking_effort_among_many(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    lines = ["FY2022 Efforts", "1. Crackdowns"]
    for m in range(1, 41):
        lines += [
            f"O Crackdown measure {m}",
            f"· Cracked down on child pornography distributed online, wave {m}. [NPA]",
            f"· Cleared child pornography cases in crackdown wave {m}. [NPA]",
        ]
    lines += ["O Treatment", "· Implemented guidance in penal institutions. [MOJ]"]
    path = tmp_path / "fy2022.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    index = build_index(load_corpus(path), fake_embedder)
    query = "crackdown on child pornography cases"
    moj = next(i for i, e in enumerate(index.efforts) if e.ministries == ("MOJ",))
    # Unfiltered, the MOJ effort is beyond the depth the search looks at...
    assert moj not in {m.position for m in index.rank_efforts(query, depth=50)}
    # ...but a filter is applied before the cut, so it is still found.
    hits = index.search(query, k=1, ministries=["MOJ"])
    assert found_ids(hits) == ["fy2022-1.41.1"]


def test_every_hit_respects_the_filter(fake_embedder: FakeEmbedder) -> None:
    corpus = multi_year_corpus()
    index = build_index(corpus, fake_embedder)
    for hit in index.search("seminars for schools", k=10, ministries=["MEXT"]):
        assert all("MEXT" in e.ministries for e in hit.efforts)


# -- persistence -------------------------------------------------------------------------------

QUERIES = [HOTLINE_QUERY, "seminars on internet use", "penal institutions", UNRELATED_QUERY]


def results(index: SearchIndex) -> list[object]:
    out: list[object] = []
    for query in QUERIES:
        for ministries in (None, ["NPA"]):
            hits = index.search(query, k=5, ministries=ministries)
            out.append([(found_ids([h]), round(h.score, 6), round(h.similarity, 5)) for h in hits])
    return out


def test_saved_index_loads_with_the_same_results(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder, index_root: Path
) -> None:
    built = build_index(bundled_corpus, fake_embedder)
    folder = save_index(built, index_folder(bundled_corpus, index_root))
    loaded = load_index(folder, fake_embedder, corpus_sha256=bundled_corpus.sha256)
    assert results(loaded) == results(built)
    assert loaded.efforts == built.efforts
    assert loaded.chunks == built.chunks
    assert loaded.glossary == bundled_corpus.glossary
    assert loaded.fiscal_years == (2019,)


def test_index_folder_is_named_by_the_corpus_hash(bundled_corpus: Corpus, index_root: Path) -> None:
    assert index_folder(bundled_corpus, index_root) == index_root / bundled_corpus.sha256[:16]


def test_open_index_builds_once_then_loads(bundled_corpus: Corpus, index_root: Path) -> None:
    first_embedder, second_embedder = FakeEmbedder(), FakeEmbedder()
    first, built = open_index(bundled_corpus, first_embedder, root=index_root)
    assert built is True
    assert first_embedder.calls > 0
    second, built_again = open_index(bundled_corpus, second_embedder, root=index_root)
    assert built_again is False
    assert second_embedder.calls == 0  # loading embeds nothing
    assert results(second) == results(first)


def test_rebuild_flag_builds_again(bundled_corpus: Corpus, index_root: Path) -> None:
    open_index(bundled_corpus, FakeEmbedder(), root=index_root)
    index, built = open_index(bundled_corpus, FakeEmbedder(), root=index_root, rebuild=True)
    assert built is True
    assert found_ids(index.search(HOTLINE_QUERY, k=1)) == ["fy2019-4.1.1"]
    assert [p.name for p in index_root.iterdir() if not p.name.endswith(".lock")] == [
        bundled_corpus.sha256[:16]
    ]


def test_changed_corpus_gets_a_new_index(
    tmp_path: Path, fake_embedder: FakeEmbedder, index_root: Path
) -> None:
    report = tmp_path / "fy2019_efforts.txt"
    report.write_bytes(BUNDLED_PLAN.read_bytes())
    old = load_corpus(report)
    open_index(old, fake_embedder, root=index_root)
    report.write_text(
        report.read_text(encoding="utf-8").replace("toll-free", "free of charge"), encoding="utf-8"
    )
    new = load_corpus(report)
    assert new.sha256 != old.sha256
    assert index_folder(new, index_root) != index_folder(old, index_root)
    index, built = open_index(new, fake_embedder, root=index_root)
    assert built is True
    hotline = next(e for e in index.efforts if e.id == "fy2019-4.1.1")
    assert "free of charge" in hotline.text
    with pytest.raises(StaleIndex, match="another version of the corpus"):
        load_index(index_folder(old, index_root), fake_embedder, corpus_sha256=new.sha256)


def test_index_from_another_model_is_rebuilt_with_a_warning(
    bundled_corpus: Corpus, index_root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    open_index(bundled_corpus, FakeEmbedder(name="another-model"), root=index_root)
    with caplog.at_level(logging.WARNING, logger="planqa"):
        index, built = open_index(bundled_corpus, FakeEmbedder(), root=index_root)
    assert built is True
    warnings = [r for r in caplog.records if r.name == "planqa" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "model='another-model'" in warnings[0].getMessage()
    assert "rebuilding" in warnings[0].getMessage()
    manifest = json.loads((index_folder(bundled_corpus, index_root) / "manifest.json").read_text())
    assert manifest["model"] == "fake-hash-embedder"
    assert found_ids(index.search(HOTLINE_QUERY, k=1)) == ["fy2019-4.1.1"]


def test_index_of_another_dimension_is_refused(bundled_corpus: Corpus, index_root: Path) -> None:
    folder = save_index(
        build_index(bundled_corpus, FakeEmbedder(dimension=32)),
        index_folder(bundled_corpus, index_root),
    )
    with pytest.raises(StaleIndex, match="dimension=32, not 64"):
        load_index(folder, FakeEmbedder())


def test_a_file_vanishing_while_its_checksum_is_read_makes_the_index_stale(
    bundled_corpus: Corpus, index_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = save_index(
        build_index(bundled_corpus, FakeEmbedder()), index_folder(bundled_corpus, index_root)
    )
    import index.store

    def vanished(path: Path) -> str:
        raise FileNotFoundError(path)  # another process replaced the folder meanwhile

    monkeypatch.setattr(index.store, "_sha256", vanished)
    with pytest.raises(StaleIndex, match="missing or does not match"):
        load_index(folder, FakeEmbedder())


def test_missing_index_folder_is_stale(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    with pytest.raises(StaleIndex, match=r"nothing-here has no manifest\.json"):
        load_index(tmp_path / "nothing-here", fake_embedder)


def test_unwritable_index_root_is_an_index_error(
    tmp_path: Path, bundled_corpus: Corpus, fake_embedder: FakeEmbedder
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(IndexError_, match="cannot write the index to .*PLANQA_INDEX_DIR"):
        open_index(bundled_corpus, fake_embedder, root=blocker / "indexes")


# -- damaged folders: rebuilt in a fresh process that must not crash ---------------------------

OPEN_AND_ANSWER = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from corpus import load_corpus
from index import open_index
from tests.conftest import FakeEmbedder

index, built = open_index(load_corpus(), FakeEmbedder(), root=Path(sys.argv[2]))
hits = index.search(sys.argv[3], k=1)
print(f"built={built} answer={hits[0].efforts[0].id}")
"""


def run_open_and_answer(root: Path, query: str = HOTLINE_QUERY) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", OPEN_AND_ANSWER, str(REPO_ROOT), str(root), query],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )


def _rehash(folder: Path, name: str) -> None:
    """Make the manifest's checksum agree with a damaged file, so the damage reaches the reader."""
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"][name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")


def truncate_vectors(folder: Path) -> None:
    path = folder / "vectors.faiss"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def random_vectors(folder: Path) -> None:
    path = folder / "vectors.faiss"
    path.write_bytes(np.random.default_rng(7).bytes(path.stat().st_size))


def truncate_vectors_with_matching_checksum(folder: Path) -> None:
    truncate_vectors(folder)
    _rehash(folder, "vectors.faiss")


def random_vectors_with_matching_checksum(folder: Path) -> None:
    random_vectors(folder)
    _rehash(folder, "vectors.faiss")


def empty_vectors(folder: Path) -> None:
    (folder / "vectors.faiss").write_bytes(b"")


def garbage_manifest(folder: Path) -> None:
    (folder / "manifest.json").write_bytes(b"\x00\xffnot json at all{{{")


def wrong_shape_manifest(folder: Path) -> None:
    (folder / "manifest.json").write_text('{"format": 1, "model": 3}', encoding="utf-8")


def missing_manifest(folder: Path) -> None:
    (folder / "manifest.json").unlink()


def garbage_chunks_with_matching_checksum(folder: Path) -> None:
    (folder / "chunks.json").write_text('{"efforts": [1, 2], "chunks": "x"}', encoding="utf-8")
    _rehash(folder, "chunks.json")


def garbage_bm25_with_matching_checksum(folder: Path) -> None:
    npy = sorted((folder / "bm25").glob("*.npy"))[0]
    npy.write_bytes(b"\x93NUMPY garbage")
    _rehash(folder, str(npy.relative_to(folder)))


def missing_bm25(folder: Path) -> None:
    for path in (folder / "bm25").iterdir():
        path.unlink()


@pytest.mark.parametrize(
    "damage",
    [
        truncate_vectors,
        random_vectors,
        empty_vectors,
        truncate_vectors_with_matching_checksum,
        random_vectors_with_matching_checksum,
        garbage_manifest,
        wrong_shape_manifest,
        missing_manifest,
        garbage_chunks_with_matching_checksum,
        garbage_bm25_with_matching_checksum,
        missing_bm25,
    ],
)
def test_damaged_index_is_rebuilt_in_a_process_that_does_not_crash(
    bundled_corpus: Corpus,
    fake_embedder: FakeEmbedder,
    index_root: Path,
    damage: Callable[[Path], None],
) -> None:
    open_index(bundled_corpus, fake_embedder, root=index_root)
    folder = index_folder(bundled_corpus, index_root)
    damage(folder)
    result = run_open_and_answer(index_root)
    assert result.returncode >= 0, f"killed by signal {-result.returncode}: {result.stderr}"
    assert result.returncode == 0, result.stderr
    assert "built=True answer=fy2019-4.1.1" in result.stdout
    assert "rebuilding the index" in result.stderr
    # The rebuilt folder is whole again: it loads here without another build.
    reloaded = load_index(folder, fake_embedder, corpus_sha256=bundled_corpus.sha256)
    assert found_ids(reloaded.search(HOTLINE_QUERY, k=1)) == ["fy2019-4.1.1"]


# -- two processes at once ---------------------------------------------------------------------

RACE = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from corpus import load_corpus
from index import open_index
from tests.conftest import FakeEmbedder

corpus = load_corpus()
go = Path(sys.argv[3])
while not go.exists():
    time.sleep(0.005)
index, built = open_index(corpus, FakeEmbedder(), root=Path(sys.argv[2]))
print(f"built={built} answer={index.search(sys.argv[4], k=1)[0].efforts[0].id}")
"""


def test_concurrent_builds_both_succeed_and_leave_a_loadable_folder(
    tmp_path: Path, bundled_corpus: Corpus, fake_embedder: FakeEmbedder, index_root: Path
) -> None:
    go = tmp_path / "go"
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, str(REPO_ROOT), str(index_root), str(go), HOTLINE_QUERY],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO_ROOT,
            env=env,
        )
        for _ in range(2)
    ]
    time.sleep(2.0)  # let both import and wait at the start line
    go.touch()
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "answer=fy2019-4.1.1" in out
    assert sorted("built=True" in out for out, _ in outputs) == [False, True]
    index = load_index(
        index_folder(bundled_corpus, index_root), fake_embedder, corpus_sha256=bundled_corpus.sha256
    )
    assert found_ids(index.search(HOTLINE_QUERY, k=1)) == ["fy2019-4.1.1"]
    leftovers = [p.name for p in index_root.iterdir() if p.name.endswith((".tmp", ".old"))]
    assert leftovers == []


# -- no pickle ---------------------------------------------------------------------------------


def test_index_folder_holds_no_pickle(
    bundled_corpus: Corpus, fake_embedder: FakeEmbedder, index_root: Path
) -> None:
    open_index(bundled_corpus, fake_embedder, root=index_root)
    folder = index_folder(bundled_corpus, index_root)
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"manifest.json", "chunks.json", "vectors.faiss"}
    assert not [p for p in files if p.suffix in {".pkl", ".pickle"}]
    # Pickle protocol 2 and later starts with 0x80.
    assert not [p for p in files if p.read_bytes()[:1] == b"\x80"]
    npys = [p for p in files if p.suffix == ".npy"]
    assert npys, "expected the BM25 arrays as .npy files"
    for npy in npys:
        np.load(npy, allow_pickle=False)
    for js in (p for p in files if p.suffix == ".json"):
        json.loads(js.read_text(encoding="utf-8"))
