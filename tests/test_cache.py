"""The per-statement extraction cache and parallel extraction (pipeline/cache.py)."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import dagster as dg

from pipeline import cache as cache_module
from pipeline.cache import CACHE_DIRNAME, ExtractionCache, default_cache_dir, extractor_version, statement_key
from pipeline.extract.corpus import extract_corpus, extract_statement
from pipeline.ingest import read_raw_dir
from pipeline.model import Statement
from pipeline.resources import PipelineFolders

TEXTS = [
    ("We, the Prime Ministers of Canada and Japan, will establish a joint task force on critical minerals "
     "by 2027. Canada and Japan reaffirm their support for the Paris Agreement."),
    "The United States and Mexico commit to strengthen cooperation on fentanyl and will meet again in 2026.",
    "Australia, the United Kingdom and the United States announce a new partnership in the Indo-Pacific.",
    "This text names nobody at all and says nothing of note.",
]

CALLS: list[str] = []


def counting_extract(st):
    CALLS.append(st.statement_id)
    return extract_statement(st)


def statements(n: int = len(TEXTS)) -> list[Statement]:
    return [Statement(statement_id=f"s{i}", source_file=f"s{i}.txt", sha256=f"{i:064x}", text=TEXTS[i])
            for i in range(n)]


def test_default_cache_dir_is_beside_the_outputs(tmp_path):
    assert default_cache_dir(tmp_path / "pkg") == tmp_path.absolute() / CACHE_DIRNAME


def test_key_depends_on_text_metadata_and_version():
    st = statements(1)[0]
    key = statement_key(st)
    assert key == statement_key(replace(st))
    assert key != statement_key(replace(st, text=st.text + " More."))
    assert key != statement_key(replace(st, parties=("CAN",)))
    assert key != statement_key(replace(st, title="A title"))
    assert key != statement_key(st, version="another extractor")


def test_extractor_version_follows_code_and_data(tmp_path, monkeypatch):
    pkg = tmp_path / "pipeline"
    shutil.copytree(Path(cache_module.__file__).parent / "extract", pkg / "extract",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(Path(cache_module.__file__).parent / "data", pkg / "data")
    monkeypatch.setattr(cache_module, "_PKG", pkg)
    extractor_version.cache_clear()
    try:
        before = extractor_version()
        with open(pkg / "data" / "topics.csv", "a", encoding="utf-8") as fh:
            fh.write("\n")
        extractor_version.cache_clear()
        assert extractor_version() != before
    finally:
        extractor_version.cache_clear()


def test_second_run_reuses_every_statement(tmp_path):
    sts = statements()
    CALLS.clear()
    first = extract_corpus(sts, counting_extract, cache_dir=tmp_path / "c", workers=1)
    assert CALLS == ["s0", "s1", "s2", "s3"]
    assert [r.source_file for r in first.rejected] == ["s3.txt"]  # no party: rejected, cached too
    CALLS.clear()
    second = extract_corpus(sts, counting_extract, cache_dir=tmp_path / "c", workers=1)
    assert CALLS == []
    assert second == first
    changed = [sts[0], replace(sts[1], text=sts[1].text + " They will report by June."), *sts[2:]]
    second = extract_corpus(changed, counting_extract, cache_dir=tmp_path / "c", workers=1)
    assert CALLS == ["s1"]
    assert second.extractions[0] == first.extractions[0]


def test_results_do_not_depend_on_cache_or_workers(tmp_path):
    sts = statements()
    plain = extract_corpus(sts)
    parallel = extract_corpus(sts, workers=2)  # forced into two processes
    cached = extract_corpus(sts, cache_dir=tmp_path / "c", workers=2)
    warm = extract_corpus(sts, cache_dir=tmp_path / "c", workers=2)
    assert plain == parallel == cached == warm
    assert [e.statement.statement_id for e in warm.extractions] == ["s0", "s1", "s2"]


def test_unpicklable_extractor_runs_in_process(tmp_path):
    seen = []

    def local(st):  # a closure cannot go to another process
        seen.append(st.statement_id)
        return extract_statement(st)

    out = extract_corpus(statements(), local, workers=2)
    assert seen == ["s0", "s1", "s2", "s3"] and len(out.extractions) == 3


def test_corrupt_entries_are_misses_and_the_cache_is_safe_to_delete(tmp_path):
    sts = statements(2)
    root = tmp_path / "c"
    first = extract_corpus(sts, cache_dir=root, workers=1)
    cache = ExtractionCache(root)
    entry = cache.path(cache.key(sts[0]))
    entry.write_bytes(b"not a pickle")
    CALLS.clear()
    again = extract_corpus(sts, counting_extract, cache_dir=root, workers=1)
    assert CALLS == ["s0"] and again == first
    cache.path(cache.key(sts[1])).write_bytes(b"")  # truncated
    shutil.rmtree(root / cache.dir.name / cache.key(sts[0])[:2])
    assert extract_corpus(sts, cache_dir=root, workers=1) == first
    shutil.rmtree(root)
    assert extract_corpus(sts, cache_dir=root, workers=1) == first


def test_entries_of_other_extractor_versions_are_pruned(tmp_path):
    sts = statements(1)
    old = ExtractionCache(tmp_path, version="0" * 64)
    old.put(old.key(sts[0]), "stale")
    assert old.get(old.key(sts[0])) == "stale"
    extract_corpus(sts, cache_dir=tmp_path, workers=1)
    assert not old.dir.exists()
    assert ExtractionCache(tmp_path).dir.is_dir()


def test_classify_new_changed_reused_removed(tmp_path):
    sts = statements(3)
    cache = ExtractionCache(tmp_path)
    stats = cache.classify(sts)
    assert stats.new == ["s0.txt", "s1.txt", "s2.txt"] and not stats.reused
    extract_corpus(sts, cache_dir=tmp_path, workers=1)
    edited = [sts[0], replace(sts[1], text=sts[1].text + " Also this."),
              Statement("s9", "s9.txt", "9" * 64, TEXTS[0] + " New.")]
    stats = cache.classify(edited)
    assert stats.reused == ["s0.txt"]
    assert stats.changed == ["s1.txt"]
    assert stats.new == ["s9.txt"]
    assert stats.removed == ["s2.txt"]
    assert stats.misses == 2


def extraction_metadata(instance):
    mat = instance.get_latest_materialization_event(dg.AssetKey("extraction")).asset_materialization
    return {k: getattr(v, "value", v) for k, v in mat.metadata.items()}


def test_dagster_extraction_reports_new_changed_reused(tmp_path, repo, seed_raw):
    from pipeline.definitions import make_definitions

    raw = tmp_path / "raw"
    shutil.copytree(seed_raw, raw)
    folders = PipelineFolders(raw_dir=str(raw), out_dir=str(tmp_path / "out" / "pkg"))
    job = make_definitions(folders).resolve_implicit_global_asset_job_def()
    with dg.instance_for_test() as instance:
        assert job.execute_in_process(instance=instance).success
        meta = extraction_metadata(instance)
        assert meta["statements_new"] == 1 and meta["statements_reused"] == 0
        assert (tmp_path / "out" / CACHE_DIRNAME).is_dir()
        assert not (tmp_path / "out" / "pkg" / CACHE_DIRNAME).exists()
        assert job.execute_in_process(instance=instance).success
        meta = extraction_metadata(instance)
        assert meta["statements_reused"] == 1 and meta["statements_new"] == 0
        assert "| reused | 1 |" in meta["statement_changes"]
        # a second copy under another name is new; an edited one is changed
        first = next(raw.iterdir())
        (raw / "copy-of-it.txt").write_text(first.read_text() + "\n\nWe also agree on one more thing.")
        first.write_text(first.read_text() + "\n\nCanada and Japan will meet again in 2027.")
        assert job.execute_in_process(instance=instance).success
        meta = extraction_metadata(instance)
        assert (meta["statements_new"], meta["statements_changed"], meta["statements_reused"]) == (1, 1, 0)


def test_disabled_cache(tmp_path):
    folders = PipelineFolders(raw_dir="raw", out_dir=str(tmp_path / "pkg"), cache_dir="")
    assert folders.cache_path is None
    assert PipelineFolders(out_dir=str(tmp_path / "pkg"), cache_dir=str(tmp_path / "x")).cache_path == \
        tmp_path / "x"


def test_ingested_statements_cache_round_trip(tmp_path, repo, seed_raw):
    sts = read_raw_dir(seed_raw).statements
    assert extract_corpus(sts, cache_dir=tmp_path, workers=1) == extract_corpus(sts, cache_dir=tmp_path)
