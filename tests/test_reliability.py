"""Reliability (issue "Reliability: hostile inputs, atomic publishing, reproducible builds").

- a raw folder full of hostile files, end to end through ``python -m pipeline build``
  and through the Dagster run (``rejected_files`` metadata);
- atomic publishing: one ``renameat2(RENAME_EXCHANGE)`` swap, carry-over of files the
  build does not generate, cleanup of staging folders a killed build left, the
  per-file fallback; a build SIGKILLed at many moments leaves ``out_dir`` as it was;
- a read-only DuckDB reader keeps working while a build replaces the file;
- ``SOURCE_DATE_EPOCH`` builds are byte-identical (without it only ``created`` differs);
- property-based tests (hypothesis) on ingest and extraction: no exception, valid spans.

The shared corpus is read from ``../shared/corpus`` at test time; nothing of it is
copied into the repository (synthetic corpora are written under ``tmp_path``).
"""
from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline.publish.atomic as atomic_mod
from pipeline.extract.corpus import assemble_tables, extract_statement
from pipeline.ingest import read_raw_dir
from pipeline.ingest.text import finish, fold_chars, plain_text_paragraphs
from pipeline.metadata.example import example_sources, example_tables
from pipeline.model import Statement
from pipeline.publish import DUCKDB_FILENAME, publish_atomically
from tests.conftest import EPOCH, snapshot

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
PY = sys.executable


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared corpus sits beside the repository)")
    return path




def staging_folders(out_dir: Path) -> list[Path]:
    return sorted(out_dir.parent.glob(f".{out_dir.name}.publish-*"))


def cli(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([PY, "-m", "pipeline", *args], cwd=REPO, capture_output=True, text=True, check=False,
                          env={**os.environ, **(env or {})}, timeout=600, **kw)


def build_cmd(raw: Path, out: Path) -> list[str]:
    return [PY, "-m", "pipeline", "build", "--raw-dir", str(raw), "--out-dir", str(out)]


def corpus_files() -> list[Path]:
    files = [p for d in ("raw", "unlabeled") for p in sorted(need(CORPUS / d).iterdir())
             if p.suffix in (".md", ".txt")]
    assert files
    return files


def synth_corpus(raw: Path, n: int, tag: str) -> None:
    """n statements made from the shared corpus, each renamed and made distinct by a
    suffix sentence (so none equals a file of ../shared/corpus)."""
    raw.mkdir(parents=True, exist_ok=True)
    src = corpus_files()
    for i in range(n):
        p = src[i % len(src)]
        text = p.read_text(encoding="utf-8").rstrip()
        text += f"\n\nThis synthetic copy number {i} ({tag}) was made for a reliability test.\n"
        (raw / f"syn-{i:03d}-{p.stem}{p.suffix}").write_text(text, encoding="utf-8")


# =============================================================== hostile raw folder

HTML_PAGE = """<!DOCTYPE html><html><head><title>Joint Statement by France and Germany</title>
<style>body { color: red; } .STYLEMARK {}</style><script>var SCRIPTMARK = 1;</script></head>
<body><nav><ul><li>NAVMARK home</li><li>NAVMARK press</li></ul></nav>
<main><h1>Joint Statement by France and Germany</h1>
<p>France and Germany agreed to strengthen their cooperation on hydrogen.</p>
<p>The two governments will launch a joint research programme in 2025.</p></main>
<script>SCRIPTMARK()</script></body></html>"""

# file -> a few words its rejection reason must contain
EXPECTED_REJECTIONS = {
    "empty.txt": "no text",
    "whitespace.txt": "no text",
    "binary.txt": "binary",
    "z-duplicate.txt": "same text as a-good.txt",
    "broken-front.md": "never closed",
    "tagged.txt": "tag",
    "bad-date.txt": "bad-date.yaml",
    "huge.txt": "size limit",
    "no-party.txt": "parties",
    "statement.pdf": "unsupported extension",
    "outside-link.txt": "outside the raw folder",
}
ACCEPTED = {"a-good.txt", "windows-1252.txt", "utf16.txt", "page.html", "Déclaration commune été.txt"}


def make_hostile_folder(base: Path) -> Path:
    raw, outside = base / "raw", base / "outside"
    raw.mkdir()
    outside.mkdir()
    good = need(CORPUS / "raw" / "canada-japan-2026-03-06.txt").read_bytes()
    (raw / "a-good.txt").write_bytes(good)
    (raw / "z-duplicate.txt").write_bytes(good)  # same text, later name: rejected
    (raw / "empty.txt").write_bytes(b"")
    (raw / "whitespace.txt").write_bytes(b"  \n\t \r\n   \n")
    (raw / "binary.txt").write_bytes(random.Random(7).randbytes(4096))
    (raw / "windows-1252.txt").write_bytes(
        ("Joint Statement by Canada and Mexico\n\nCanada and Mexico agreed to deepen \u201ccritical "
         "minerals\u201d cooperation. The two countries will meet again in 2026 to review progress.\n")
        .encode("cp1252"))
    (raw / "utf16.txt").write_bytes(
        ("Joint Statement by Australia and India\n\nThe Leaders of Australia and India reaffirmed their "
         "partnership. Australia and India will establish a working group on maritime security.\n")
        .encode("utf-16"))
    (raw / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (raw / "broken-front.md").write_text(
        "---\ntitle: Joint Statement by Chile and Peru\ndate: 2024-01-01\n\n"
        "Chile and Peru agreed to cooperate on fisheries.\n", encoding="utf-8")
    (raw / "tagged.txt").write_text(
        "Joint Statement by Kenya and Ghana\n\nKenya and Ghana agreed to expand trade in farm products.\n",
        encoding="utf-8")
    (raw / "tagged.yaml").write_text(
        f'title: !!python/object/apply:os.system ["touch {base / "PWNED"}"]\n', encoding="utf-8")
    (raw / "bad-date.txt").write_text(
        "Joint Statement by Norway and Sweden\n\nNorway and Sweden agreed to coordinate Arctic research.\n",
        encoding="utf-8")
    (raw / "bad-date.yaml").write_text("date: 2023-02-30\n", encoding="utf-8")
    (raw / "huge.txt").write_text("Canada and Japan agreed to cooperate. " * 60_000, encoding="utf-8")
    (raw / "Déclaration commune été.txt").write_text(
        "Joint Statement by Spain and Portugal\n\nSpain and Portugal agreed to build a high-speed rail "
        "link between Madrid and Lisbon.\n", encoding="utf-8")
    (raw / "no-party.txt").write_text(
        "Notes from the meeting\n\nThe weather was pleasant and the meeting lasted two hours. "
        "Participants discussed many topics over lunch.\n", encoding="utf-8")
    (raw / "statement.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (outside / "secret.txt").write_text(
        "Joint Statement by Italy and Greece\n\nItaly and Greece agreed to protect the archive.\n",
        encoding="utf-8")
    os.symlink(outside / "secret.txt", raw / "outside-link.txt")
    return raw


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    raw = make_hostile_folder(base)
    out = base / "package"
    proc = cli("build", "--raw-dir", str(raw), "--out-dir", str(out))
    return base, raw, out, proc


def test_hostile_folder_cli_exit_status_and_output(hostile):
    base, _raw, _out, proc = hostile
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"rejected (.+?): (.*)$", line)
        if m:
            lines[m.group(1)] = m.group(2)
    assert set(lines) == set(EXPECTED_REJECTIONS), proc.stderr
    for name, words in EXPECTED_REJECTIONS.items():
        assert words in lines[name], (name, lines[name])
    # the no-party reason says how to fix it with a sidecar
    assert "sidecar" in lines["no-party.txt"] and "no-party.yaml" in lines["no-party.txt"]
    assert "11 file(s) rejected" in proc.stderr
    assert not (base / "PWNED").exists()  # the YAML tag was not executed


def test_hostile_folder_accepted_statements_published(hostile):
    _base, _raw, out, _proc = hostile
    statements = pd.read_csv(out / "data" / "statements.csv", keep_default_na=False)
    assert set(statements["source_file"]) == ACCEPTED
    text = dict(zip(statements["source_file"], statements["text"]))
    assert "\u201ccritical minerals\u201d" in text["windows-1252.txt"]  # cp1252 curly quotes decoded
    assert "The Leaders of Australia and India" in text["utf16.txt"]
    for mark in ("SCRIPTMARK", "STYLEMARK", "NAVMARK", "color: red"):
        assert mark not in text["page.html"]
    assert "France and Germany agreed" in text["page.html"]
    ids = dict(zip(statements["source_file"], statements["statement_id"]))
    assert ids["Déclaration commune été.txt"] == "declaration-commune-ete"
    assert "We, the Prime Ministers of Canada and Japan" in text["a-good.txt"]
    assert not staging_folders(out)


def test_hostile_folder_dagster_metadata(tmp_path):
    """The same rejections appear as ``rejected_files`` metadata of the raw_statements and
    extraction assets (what the Dagster UI shows)."""
    import dagster as dg

    from pipeline.build import QUIET, report_from
    from pipeline.definitions import make_definitions
    from pipeline.resources import PipelineFolders

    raw = make_hostile_folder(tmp_path)
    folders = PipelineFolders(raw_dir=str(raw), out_dir=str(tmp_path / "package"))
    job = make_definitions(folders).resolve_implicit_global_asset_job_def()
    result = job.execute_in_process(instance=dg.DagsterInstance.ephemeral(),
                                    resources={"folders": folders, "io_manager": dg.mem_io_manager},
                                    run_config=QUIET, raise_on_error=False)
    meta = {e.asset_key.to_user_string(): e.materialization.metadata
            for e in result.get_asset_materialization_events()}
    ingest_md = meta["raw_statements"]["rejected_files"].value
    extract_md = meta["extraction"]["rejected_files"].value
    for name in EXPECTED_REJECTIONS:
        where = extract_md if name == "no-party.txt" else ingest_md
        assert f"`{name}`" in where, name
    assert "sidecar" in extract_md
    assert meta["raw_statements"]["rejected"].value == len(EXPECTED_REJECTIONS) - 1
    assert meta["extraction"]["statements"].value == len(ACCEPTED)
    report = report_from(result)
    assert report.published and {r.source_file for r in report.rejected} == set(EXPECTED_REJECTIONS)
    assert not (tmp_path / "PWNED").exists()


# ================================================================ atomic publishing (unit)



def changed_tables():
    tables = example_tables()
    tables["actors"].loc[0, "name"] = "Dominion of Canada"
    return tables


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RENAME_EXCHANGE is Linux-only")
def test_swap_is_one_exchange(published, monkeypatch):
    calls = []
    real = atomic_mod.exchange_dirs

    def spy(a, b):
        calls.append((Path(a), Path(b)))
        return real(a, b)

    monkeypatch.setattr(atomic_mod, "exchange_dirs", spy)
    inode_before = published.stat().st_ino
    result = publish_atomically(changed_tables(), published, example_sources())
    assert result.atomic_swap and len(calls) == 1 and calls[0][1] == published
    assert published.stat().st_ino != inode_before  # the folder itself was swapped
    assert "Dominion of Canada" in (published / "data" / "actors.csv").read_text(encoding="utf-8")
    assert all(p.is_file() and p.is_relative_to(published) for p in result.files.values())
    assert list(result.files)[-1] == "datapackage.json"
    assert not staging_folders(published)


def test_exchange_dirs_swaps_two_folders(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("A")
    (b / "x").write_text("B")
    if not atomic_mod.exchange_dirs(a, b):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here")
    assert (a / "x").read_text() == "B" and (b / "x").read_text() == "A"


def test_files_not_generated_are_carried_over(published):
    (published / ".cache").mkdir()
    (published / ".cache" / "blob.bin").write_bytes(b"\x00cache")
    (published / "mine").mkdir()
    (published / "mine" / "notes.md").write_text("keep me", encoding="utf-8")
    (published / "NOTES.txt").write_text("mine", encoding="utf-8")
    # inside a folder the build generates: replaced as a whole, so a stale file goes
    (published / "data" / "stale.csv").write_text("a\n1\n", encoding="utf-8")
    publish_atomically(changed_tables(), published, example_sources())
    assert (published / ".cache" / "blob.bin").read_bytes() == b"\x00cache"
    assert (published / "mine" / "notes.md").read_text(encoding="utf-8") == "keep me"
    assert (published / "NOTES.txt").read_text(encoding="utf-8") == "mine"
    assert not (published / "data" / "stale.csv").exists()
    assert "Dominion of Canada" in (published / "data" / "actors.csv").read_text(encoding="utf-8")


def test_extra_files_are_published_in_the_same_swap(published):
    def write_extra(staging: Path) -> dict[str, Path]:
        (staging / "extra").mkdir(exist_ok=True)
        p = staging / "extra" / "queue.csv"
        p.write_text("statement_id\ncanada-japan-2026\n", encoding="utf-8")
        return {"extra/queue.csv": p}

    result = publish_atomically(changed_tables(), published, example_sources(), write_extra=write_extra)
    assert result.files["extra/queue.csv"] == published / "extra" / "queue.csv"
    assert (published / "extra" / "queue.csv").read_text(encoding="utf-8").startswith("statement_id")
    assert all(p.is_file() for p in result.files.values())
    assert list(result.files)[-1] == "datapackage.json"


def test_stale_staging_folders_are_cleaned(published):
    parent = published.parent
    dead = parent / f".{published.name}.publish-999999999-abc123"  # no such process
    legacy = parent / f".{published.name}.publish-zz9"  # older naming, no pid
    alive = parent / f".{published.name}.publish-{os.getppid()}-live"  # a running process
    other = parent / ".otherpackage.publish-999999999-x"  # another out_dir's
    for d in (dead, legacy, alive, other):
        d.mkdir()
        (d / "junk").write_text("x")
    publish_atomically(changed_tables(), published, example_sources())
    assert not dead.exists() and not legacy.exists()
    assert alive.exists() and other.exists()


def test_kill_before_swap_leaves_old_folder(published, monkeypatch):
    before = snapshot(published)

    def die(staging: Path):
        assert (staging / "datapackage.json").is_file() and (staging / DUCKDB_FILENAME).is_file()
        raise KeyboardInterrupt  # stands for a kill just before the atomic step

    with pytest.raises(KeyboardInterrupt):
        publish_atomically(changed_tables(), published, example_sources(), before_swap=die)
    assert snapshot(published) == before and not staging_folders(published)


def test_fallback_per_file_replace(published, monkeypatch):
    """Where RENAME_EXCHANGE is not available the files are replaced one by one (descriptor last)."""
    monkeypatch.setattr(atomic_mod, "exchange_dirs", lambda a, b: False)
    (published / "mine").mkdir()
    (published / "mine" / "notes.md").write_text("keep", encoding="utf-8")
    inode = published.stat().st_ino
    result = publish_atomically(changed_tables(), published, example_sources())
    assert not result.atomic_swap and published.stat().st_ino == inode
    assert "Dominion of Canada" in (published / "data" / "actors.csv").read_text(encoding="utf-8")
    assert (published / "mine" / "notes.md").read_text(encoding="utf-8") == "keep"
    assert list(result.files)[-1] == "datapackage.json" and not staging_folders(published)


def test_renameat2_unsupported_errno_means_fallback(monkeypatch, tmp_path):
    import errno

    monkeypatch.setattr(atomic_mod, "_libc_renameat2", lambda: (lambda a, b, f: -1))
    monkeypatch.setattr(atomic_mod.ctypes, "get_errno", lambda: errno.EINVAL)
    assert atomic_mod.exchange_dirs(tmp_path, tmp_path) is False
    monkeypatch.setattr(atomic_mod.ctypes, "get_errno", lambda: errno.EACCES)
    with pytest.raises(PermissionError):
        atomic_mod.exchange_dirs(tmp_path, tmp_path)


def test_first_publish_is_a_plain_rename(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic_mod, "exchange_dirs", lambda a, b: pytest.fail("no exchange needed"))
    out = tmp_path / "new" / "package"
    result = publish_atomically(example_tables(), out, example_sources())
    assert result.duckdb_path == out / DUCKDB_FILENAME and result.duckdb_path.is_file()
    mask = os.umask(0o022)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~mask  # what mkdir gives, not mkdtemp's 0700


def test_out_dir_symlink_stays_a_link(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    real = tmp_path / "real"
    publish_atomically(example_tables(), real, example_sources())
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    result = publish_atomically(changed_tables(), link, example_sources())
    assert link.is_symlink() and result.out_dir == link.absolute()
    assert "Dominion of Canada" in (link / "data" / "actors.csv").read_text(encoding="utf-8")


def test_out_dir_that_is_a_file_is_refused(tmp_path):
    out = tmp_path / "package"
    out.write_text("not a folder")
    with pytest.raises(atomic_mod.PublishError, match="not a folder"):
        publish_atomically(example_tables(), out, example_sources())
    assert out.read_text() == "not a folder"


# ======================================================= SIGKILL during a real build

def wait_or_kill(proc: subprocess.Popen, *, delay: float | None, out: Path, after_staging: float | None):
    """Kill proc with SIGKILL after ``delay`` seconds, or ``after_staging`` seconds after a
    staging folder appears next to ``out``. Returns (killed, staging_seen_at_kill)."""
    t0 = time.monotonic()
    seen_at = None
    while proc.poll() is None:
        now = time.monotonic()
        if after_staging is not None and seen_at is None and staging_folders(out):
            seen_at = now
        due = (delay is not None and now - t0 >= delay) or \
              (seen_at is not None and now - seen_at >= after_staging)
        if due:
            staged = bool(staging_folders(out))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return True, staged
        time.sleep(0.001)
    return False, False


def test_sigkill_leaves_previous_package_byte_identical(tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    raw_old, raw_new = tmp_path / "raw_old", tmp_path / "raw_new"
    synth_corpus(raw_old, 150, "first edition")
    synth_corpus(raw_new, 170, "second edition")
    out = tmp_path / "package"
    t0 = time.monotonic()
    first = subprocess.run(build_cmd(raw_old, out), cwd=REPO, env=env, capture_output=True, text=True, check=False)
    build_time = time.monotonic() - t0
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    assert {DUCKDB_FILENAME, "datapackage.json", "README.md", "data/statements.csv"} <= set(before)

    rng = random.Random(20250101)
    # early (start-up, ingest, extraction), at random, and at moments of the publish step
    plans = [{"delay": d, "after_staging": None} for d in (1.0, rng.uniform(0.1, 0.5) * build_time,
                                                         rng.uniform(0.3, 0.9) * build_time)]
    plans += [{"delay": None, "after_staging": s} for s in (0.0, 0.02, 0.2, rng.uniform(0.3, 1.5))]
    outcomes = []
    for plan in plans:
        proc = subprocess.Popen(build_cmd(raw_new, out), cwd=REPO, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        killed, staged = wait_or_kill(proc, out=out, **plan)
        now = snapshot(out)
        if not killed:  # it finished first: that is a complete publish of the new corpus
            assert proc.returncode == 0
            outcomes.append(("finished", plan))
            before = now
            continue
        outcomes.append(("killed in publish" if staged else "killed", plan))
        if now != before:
            # A kill after the atomic exchange (while the old folder is deleted) leaves the
            # complete new package; compare it with an uninterrupted build below. That package is
            # what the next kills must leave untouched (on a loaded machine a timed kill can land
            # after the swap; comparing later kills with the first edition would mislabel them).
            outcomes[-1] = ("killed after swap", plan, now)
            before = now
    print("kill outcomes:", [(o[0], o[1]) for o in outcomes])
    assert any(o[0] == "killed in publish" for o in outcomes), outcomes
    assert any(o[0] == "killed" for o in outcomes), outcomes

    # The next build cleans up what the killed ones left and publishes the new corpus.
    final = subprocess.run(build_cmd(raw_new, out), cwd=REPO, env=env, capture_output=True, text=True, check=False)
    assert final.returncode == 0, final.stderr
    assert not staging_folders(out)
    after = snapshot(out)
    for o in outcomes:
        if o[0] == "killed after swap":
            partial = {k: v for k, v in o[2].items() if k != DUCKDB_FILENAME}
            assert partial == {k: v for k, v in after.items() if k != DUCKDB_FILENAME}
    statements = pd.read_csv(out / "data" / "statements.csv", keep_default_na=False)
    assert len(statements) == 170 and statements["text"].str.contains("second edition").all()
    with duckdb.connect(str(out / DUCKDB_FILENAME), read_only=True) as con:
        assert con.execute("select count(*) from statements").fetchone()[0] == 170


# ============================================= a reader while a build replaces the file

def test_reader_keeps_working_during_build(tmp_path):
    raw = tmp_path / "raw"
    synth_corpus(raw, 60, "reader one")
    out = tmp_path / "package"
    first = subprocess.run(build_cmd(raw, out), cwd=REPO, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    con = duckdb.connect(str(out / DUCKDB_FILENAME), read_only=True)
    assert con.execute("select count(*) from statements").fetchone()[0] == 60

    raw2 = tmp_path / "raw2"
    synth_corpus(raw2, 80, "reader two")
    proc = subprocess.Popen(build_cmd(raw2, out), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    queries = 0
    while proc.poll() is None:
        n = con.execute("select count(*), count(distinct statement_id) from statements "
                        "join sentences using (statement_id)").fetchone()
        assert n[1] == 60  # the open connection keeps reading the file it opened
        queries += 1
        time.sleep(0.01)
    _stdout, stderr = proc.communicate()
    assert proc.returncode == 0, stderr
    assert queries > 10
    assert con.execute("select count(*) from statements").fetchone()[0] == 60  # still works
    con.close()
    with duckdb.connect(str(out / DUCKDB_FILENAME), read_only=True) as fresh:
        assert fresh.execute("select count(*) from statements").fetchone()[0] == 80
        assert fresh.execute("select count(*) from statements where text like '%reader two%'").fetchone()[0] == 80


# ===================================================================== reproducible builds

def package_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != DUCKDB_FILENAME}


def copy_folder(src: Path, dst: Path, reverse: bool) -> None:
    dst.mkdir()
    for p in sorted(src.iterdir(), reverse=reverse):  # a different creation/listing order
        (dst / p.name).write_bytes(p.read_bytes())


def test_source_date_epoch_builds_are_byte_identical(tmp_path):
    src = need(CORPUS / "raw")
    copy_folder(src, tmp_path / "raw_a", reverse=False)
    copy_folder(src, tmp_path / "raw_b", reverse=True)
    outs = []
    for name in ("a", "b"):
        proc = cli("build", "--raw-dir", str(tmp_path / f"raw_{name}"), "--out-dir", str(tmp_path / f"out_{name}"),
                   env={"SOURCE_DATE_EPOCH": EPOCH})
        assert proc.returncode == 0, proc.stderr
        outs.append(package_files(tmp_path / f"out_{name}"))
    assert outs[0] == outs[1]
    assert {"datapackage.json", "README.md", "data/statements.csv", "data/mentions.csv"} <= set(outs[0])
    assert json.loads(outs[0]["datapackage.json"])["created"] == "2023-11-14T22:13:20Z"


def test_without_source_date_epoch_only_created_differs(tmp_path):
    src = need(CORPUS / "raw")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    outs = []
    for name in ("a", "b"):
        if name == "b":
            time.sleep(1.1)  # a different second for `created`
        proc = subprocess.run(build_cmd(src, tmp_path / name), cwd=REPO, env=env, capture_output=True,
                              text=True, check=False)
        assert proc.returncode == 0, proc.stderr
        outs.append(package_files(tmp_path / name))
    a, b = outs
    assert set(a) == set(b)
    assert {k for k in a if a[k] != b[k]} == {"datapackage.json"}
    da, db = json.loads(a["datapackage.json"]), json.loads(b["datapackage.json"])
    assert da["created"] != db["created"]
    da.pop("created")
    db.pop("created")
    assert da == db


# =============================================== property-based: ingest and extraction

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
WORDS = ["Canada", "Japan", "the", "United States", "will", "cooperate", "on", "energy", "security",
         "NATO", "ASEAN", "agreed", "to", "establish", "a", "working", "group", "Indo-Pacific", "Paris",
         "Agreement", "commit", "support", "we", "leaders", "of", "and", "South China Sea", "Ukraine",
         "é", "—", "“", "”", "’", "2026", "by", "March", "reaffirm", "AUKUS", "Quad", "Taiwan Strait"]

word = st.sampled_from(WORDS)
sentence = st.lists(word, min_size=1, max_size=40).map(" ".join)


def bracketed(depth: int):
    base = st.lists(word, min_size=1, max_size=6).map(" ".join)
    return st.recursive(base, lambda inner: st.tuples(st.sampled_from(["()", "[]", "{}", "“”", "‘’"]),
                                                       st.lists(inner | base, min_size=1, max_size=3))
                        .map(lambda t: t[0][0] + " ".join(t[1]) + t[0][1]), max_leaves=depth)


texts = st.one_of(
    st.text(max_size=600),  # arbitrary Unicode, controls and surrogate-free
    st.lists(sentence, min_size=1, max_size=12).map(lambda s: ". ".join(s) + "."),
    st.lists(word, min_size=300, max_size=1500).map(" ".join),  # a very long sentence, no punctuation
    st.lists(bracketed(30), min_size=1, max_size=5).map(lambda s: "Canada and Japan agree " + " ".join(s) + "."),
    st.lists(st.one_of(sentence, st.text(max_size=80)), min_size=1, max_size=8).map("\n\n".join),
)


def check_spans(text: str, frames: dict[str, pd.DataFrame]) -> None:
    for name in ("sentences", "commitments", "mentions"):
        for row in frames[name].itertuples(index=False):
            s, e = int(row.char_start), int(row.char_end)
            assert 0 <= s < e <= len(text), (name, s, e, len(text))
            assert text[s:e] == row.text, (name, s, e)
    for row in frames["commitments"].itertuples(index=False):
        t = int(row.trigger_start)
        assert 0 <= t < len(text)
        assert text[t:t + len(row.trigger)].casefold() == str(row.trigger).casefold() or row.trigger in text


def extract_and_check(text: str, parties=("CAN", "JPN")) -> None:
    st_ = Statement(statement_id="prop", source_file="prop.txt", sha256="0" * 64, text=text, parties=parties)
    ex = extract_statement(st_)
    for s in ex.sentences:
        assert 0 <= s.start < s.end <= len(text)
    if not ex.parties:
        return
    frames = assemble_tables([ex])
    check_spans(text, frames)


HYP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@HYP
@given(texts)
def test_property_extract_statement_raw_text(text):
    """Any text (even text ingest would never produce) extracts without an exception."""
    extract_and_check(text)


@HYP
@given(texts)
def test_property_normalised_text_and_extraction(text):
    norm = finish(plain_text_paragraphs(fold_chars(text)))
    assert norm == norm.strip() and "\r" not in norm and "\n\n\n" not in norm
    assert not CONTROL.search(norm.replace("\n", ""))
    if norm:
        extract_and_check(norm)


@settings(max_examples=5, deadline=None)
@given(st.lists(st.sampled_from(["solar", "wind", "hydrogen", "nuclear", "critical minerals", "ports",
                                 "semiconductors", "vaccines", "fisheries", "Canada", "Japan"]),
                min_size=500, max_size=500))
def test_property_list_of_500_items(items):
    inline = "Canada and Japan will cooperate on " + ", ".join(items[:-1]) + " and " + items[-1] + "."
    bullets = "Canada and Japan commit to the following:\n\n" + "\n\n".join(f"- {it};" for it in items)
    for text in (inline, finish(plain_text_paragraphs(fold_chars(bullets)))):
        extract_and_check(text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([".txt", ".md", ".html", ".htm"]),
       st.one_of(st.binary(max_size=2000), texts.map(lambda s: s.encode("utf-8")),
                 texts.map(lambda s: s.encode("utf-16")), texts.map(lambda s: s.encode("cp1252", "ignore"))),
       st.one_of(st.none(), st.text(max_size=200), st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_property_read_raw_dir_never_raises(ext, payload, sidecar):
    with tempfile.TemporaryDirectory() as d:
        raw = Path(d)
        (raw / f"statement{ext}").write_bytes(payload)
        if sidecar is not None:
            (raw / "statement.yaml").write_text(sidecar, encoding="utf-8", errors="surrogatepass")
        result = read_raw_dir(raw)
        assert len(result.statements) + len(result.rejected) == 1
        for r in result.rejected:
            assert r.source_file == f"statement{ext}" and r.reason
        for s in result.statements:
            assert s.text and s.text == s.text.strip() and "\r" not in s.text and "\n\n\n" not in s.text
            extract_and_check(s.text, parties=s.parties or ("CAN", "JPN"))
