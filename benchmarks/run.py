"""Scale benchmark (issue "Performance and scale"): words/s, end-to-end builds, incremental runs.

    .venv/bin/python benchmarks/run.py [--sizes 100,1000,10000] [--ref-size 1000] [--write]

For each size N, a corpus of N statements is synthesised in a temporary folder
from the real texts of ../shared/corpus/{raw,unlabeled} (each copy renamed
``<stem>-b<i>`` and made distinct by one closing sentence naming its number;
nothing is copied into the repository). Then:

1. reference passes over the ``--ref-size`` corpus, one core, same process:
   reading the files only; spaCy's blank English tokenizer alone (a fresh
   ``spacy.blank("en")``, as the extractor starts); ingest (``read_raw_dir``) +
   extraction (``extract_corpus``, ``workers=1``, no cache). Words are the
   extractor's ``n_words`` (tokens that are not punctuation or space), the same
   count for every pass, so the rates compare;
2. ``python -m pipeline build`` for each size in a fresh process and a fresh
   output folder (so a cold extraction cache): wall time, peak memory (RSS of the
   process and its workers, summed, sampled every 100 ms from /proc), and the
   time in each stage (ingest, extraction, assembly, validation, Frictionless
   package, DuckDB; "other" = interpreter start, imports and Dagster). Stages
   are timed by wrapping those functions in the child process
   (``--probe``, which then runs ``pipeline.cli.main`` unchanged);
3. on the 1,000-statement corpus (or the largest size below it): a rebuild with
   nothing changed, and a rebuild after one new statement was added;
4. the exponent b of time ~ N^b (least squares on log-log, end-to-end wall
   time and extraction time).

``--write`` replaces the section "Scale (issue: Performance)" of
benchmarks/RESULTS.md (other sections are left alone).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
RESULTS = REPO / "benchmarks" / "RESULTS.md"
SECTION = "## Scale (issue: Performance)"
STATEMENT_EXTS = (".md", ".txt", ".html", ".htm")
TARGETS = {"words_per_s": 50_000, "tokenizer_ratio": 0.7, "e2e_1000_s": 60, "e2e_10000_s": 480,
           "rss_10000_mb": 1024, "add_one_s": 15}


# ------------------------------------------------------------------ corpus synthesis


def source_files(corpus: Path) -> list[Path]:
    files = [p for sub in ("raw", "unlabeled") if (corpus / sub).is_dir()
             for p in sorted((corpus / sub).iterdir()) if p.suffix.lower() in STATEMENT_EXTS]
    if not files:
        sys.exit(f"no statements in {corpus}/raw or {corpus}/unlabeled")
    return files


def synthesise(n: int, dest: Path, sources: list[Path], start: int = 0) -> int:
    """Write statements start..start+n-1 into dest; returns the number of bytes written."""
    dest.mkdir(parents=True, exist_ok=True)
    texts = [(p, p.read_text(encoding="utf-8")) for p in sources]
    total = 0
    for i in range(start, start + n):
        src, text = texts[i % len(texts)]
        name = f"{src.stem}-b{i:05d}{src.suffix}"
        body = text.rstrip("\n") + f"\n\nThis is copy {i} of the statement in the benchmark corpus.\n"
        (dest / name).write_text(body, encoding="utf-8")
        total += len(body.encode())
        for ext in (".yaml", ".yml"):
            side = src.with_suffix(ext)
            if side.is_file():
                shutil.copyfile(side, dest / f"{src.stem}-b{i:05d}{ext}")
    return total


# ------------------------------------------------------------------ reference passes


def reference_passes(raw: Path) -> dict:
    import spacy

    from pipeline.extract.corpus import extract_corpus, extract_statement
    from pipeline.ingest import read_raw_dir

    files = sorted(p for p in raw.iterdir() if p.suffix in STATEMENT_EXTS)
    t = time.perf_counter()
    n_bytes = sum(len(p.read_bytes()) for p in files)
    t_read = time.perf_counter() - t

    t = time.perf_counter()
    ingest = read_raw_dir(raw)
    t_ingest = time.perf_counter() - t
    texts = [st.text for st in ingest.statements]

    # warm the extractor's lexicons and gazetteers (loaded once per process, not per statement)
    extract_statement(ingest.statements[0])
    t = time.perf_counter()
    result = extract_corpus(ingest.statements, workers=1)
    t_extract = time.perf_counter() - t
    words = sum(e.n_words for e in result.extractions)
    # rejected statements are extracted too: count their words with the same rule
    nlp = spacy.blank("en")
    rejected = {r.source_file for r in result.rejected}
    words += sum(sum(1 for tok in nlp.make_doc(st.text) if not (tok.is_punct or tok.is_space))
                 for st in ingest.statements if st.source_file in rejected)

    nlp = spacy.blank("en")  # fresh vocabulary, as the extractor's first run
    t = time.perf_counter()
    for text in texts:
        nlp.tokenizer(text)
    t_tok = time.perf_counter() - t
    nlp = spacy.blank("en")
    t = time.perf_counter()
    for text in texts:
        for _tok in nlp.tokenizer(text):
            pass
    t_iter = time.perf_counter() - t
    return {"tokenizer_iter_s": t_iter, "statements": len(files), "bytes": n_bytes, "words": words, "read_s": t_read,
            "tokenizer_s": t_tok, "ingest_s": t_ingest, "extract_s": t_extract}


# ------------------------------------------------------------------ end-to-end builds

STAGES = ("ingest", "extraction", "assembly", "validation", "frictionless", "duckdb")
# parts of the package writer that are not the Frictionless package itself (timed apart, then
# taken out of "frictionless"): present only if pipeline.publish.package has them
EXTRAS = ("chart", "review")


def probe(timings_path: str, argv: list[str]) -> int:
    """Child process: wrap the stage functions with timers, then run the CLI unchanged."""
    t0 = time.perf_counter()
    from pipeline import assets, checks
    from pipeline.cli import main
    from pipeline.extract import corpus
    from pipeline.publish import atomic, package

    spent = dict.fromkeys(STAGES + EXTRAS, 0.0)

    def timed(stage, fn):
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[stage] += time.perf_counter() - t
        return wrapper

    assets.read_raw_dir = timed("ingest", assets.read_raw_dir)
    # extraction is folded into the tables as results arrive: time the whole, then
    # take out what the assembler itself spent
    assets.assemble_tables = timed("extraction", assets.assemble_tables)
    corpus.TableAssembler.add = timed("assembly", corpus.TableAssembler.add)
    corpus.TableAssembler.frames = timed("assembly", corpus.TableAssembler.frames)
    for name in ("validate_table", "check_foreign_keys", "check_spans"):
        setattr(checks, name, timed("validation", getattr(checks, name)))
    atomic.write_package = timed("frictionless", atomic.write_package)
    atomic.write_duckdb = timed("duckdb", atomic.write_duckdb)
    for stage, name in (("chart", "write_charts"), ("review", "write_review")):
        if hasattr(package, name):
            setattr(package, name, timed(stage, getattr(package, name)))
    t_imports = time.perf_counter() - t0
    code = main(argv)
    spent["frictionless"] -= spent["chart"] + spent["review"]
    spent["extraction"] -= spent["assembly"]
    spent["imports"] = t_imports
    spent["total_in_process"] = time.perf_counter() - t0
    Path(timings_path).write_text(json.dumps(spent))
    return code


def _tree_rss_kb(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            with open(f"/proc/{entry}/statm") as fh:
                rss[int(entry)] = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def build(raw: Path, out: Path) -> dict:
    """``python -m pipeline build`` (via the timing probe) in a child process."""
    timings = Path(tempfile.mkstemp(suffix=".json")[1])
    cmd = [sys.executable, str(Path(__file__).resolve()), "--probe", str(timings), "--",
           "build", "--raw-dir", str(raw), "--out-dir", str(out)]
    peak = [0]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t
    done.set()
    sampler.join()
    if proc.returncode not in (0, 3):
        sys.exit(f"build failed ({proc.returncode}):\n{err[-3000:]}")
    stages = json.loads(timings.read_text())
    timings.unlink()
    return {"wall_s": wall, "peak_rss_mb": peak[0] / 1024, "exit": proc.returncode, "stages": stages}


def fit_exponent(sizes: list[int], times: list[float]) -> float | None:
    pts = [(math.log(n), math.log(t)) for n, t in zip(sizes, times) if t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)


# ------------------------------------------------------------------ report


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()}; "
            f"load average {load} at the end of the run (other work shares the machine)")


def ok(flag: bool) -> str:
    return "met" if flag else "**missed**"


def report(ref: dict, builds: dict[int, dict], incremental: dict | None, args) -> str:
    words = ref["words"]
    rate = {k: words / ref[k] for k in ("read_s", "tokenizer_s", "tokenizer_iter_s", "extract_s")}
    rate["ingest+extract"] = words / (ref["ingest_s"] + ref["extract_s"])
    ratio = rate["ingest+extract"] / rate["tokenizer_s"]
    sizes = sorted(builds)
    lines = [SECTION, "",
             ("`benchmarks/run.py` (rerun: `.venv/bin/python benchmarks/run.py --sizes "
              f"{','.join(map(str, sizes))} --write`). Synthetic corpora made from the 26 real statements of "
              "`../shared/corpus` (renamed, each made distinct), in a temporary folder."), "",
             f"Machine: {machine()}. Date: {dt.date.today().isoformat()}.", "",
             f"### Words per second, one core ({ref['statements']:,} statements, {words:,} words)", "",
             "| pass | seconds | words/s |", "|---|---:|---:|",
             f"| reading the files only | {ref['read_s']:.2f} | {rate['read_s']:,.0f} |",
             f"| spaCy blank English tokenizer alone | {ref['tokenizer_s']:.2f} | {rate['tokenizer_s']:,.0f} |",
             (f"| tokenizer + one Python pass over the tokens (context) | {ref['tokenizer_iter_s']:.2f} | "
              f"{rate['tokenizer_iter_s']:,.0f} |"),
             f"| extraction only (`extract_corpus`, workers=1) | {ref['extract_s']:.2f} | {rate['extract_s']:,.0f} |",
             f"| ingest + extraction | {ref['ingest_s'] + ref['extract_s']:.2f} | {rate['ingest+extract']:,.0f} |",
             "",
             (f"Ingest + extraction runs at {ratio:.2f}x the bare tokenizer pass "
              f"(target >= {TARGETS['tokenizer_ratio']}x: {ok(ratio >= TARGETS['tokenizer_ratio'])}); "
              f"{rate['ingest+extract']:,.0f} words/s against the target of {TARGETS['words_per_s']:,} "
              f"({ok(rate['ingest+extract'] >= TARGETS['words_per_s'])})."), "",
             "### End to end: `python -m pipeline build`, cold (fresh output folder and cache)", "",
             "| statements | wall s | peak RSS MB | " + " | ".join(STAGES + EXTRAS) + " | other |",
             "|---:|---:|---:|" + "---:|" * (len(STAGES + EXTRAS) + 1)]
    for n in sizes:
        b = builds[n]
        st = b["stages"]
        other = b["wall_s"] - sum(st.get(s, 0.0) for s in STAGES + EXTRAS)
        cells = [f"{st.get(s, 0.0):.1f} ({100 * st.get(s, 0.0) / b['wall_s']:.0f}%)" for s in STAGES + EXTRAS]
        lines.append(f"| {n:,} | {b['wall_s']:.1f} | {b['peak_rss_mb']:.0f} | " + " | ".join(cells)
                     + f" | {other:.1f} ({100 * other / b['wall_s']:.0f}%) |")
    lines.append("")
    exp_wall = fit_exponent(sizes, [builds[n]["wall_s"] for n in sizes])
    exp_ex = fit_exponent(sizes, [builds[n]["stages"]["extraction"] for n in sizes])
    var = [builds[n]["wall_s"] - builds[n]["stages"]["imports"] for n in sizes]
    exp_var = fit_exponent(sizes, var)
    if exp_wall is not None:
        lines.append(f"Growth, time ~ N^b over N = {', '.join(f'{n:,}' for n in sizes)}: end-to-end wall b = "
                     f"{exp_wall:.2f}; wall minus imports b = {exp_var:.2f}; extraction b = {exp_ex:.2f} "
                     "(1.0 = linear; below 1 at small N because of fixed start-up costs).")
        if len(sizes) >= 2:
            a, z = sizes[-2], sizes[-1]
            lines.append(f"Between {a:,} and {z:,}: b = "
                         f"{fit_exponent([a, z], [builds[a]['wall_s'], builds[z]['wall_s']]):.2f} (wall).")
        lines.append("")
    if incremental:
        lines += [f"### Incremental, on a built {incremental['n']:,}-statement corpus", "",
                  "| run | wall s | extraction s |", "|---|---:|---:|",
                  (f"| nothing changed | {incremental['same']['wall_s']:.1f} | "
                   f"{incremental['same']['stages']['extraction']:.1f} |"),
                  (f"| one new statement added | {incremental['add']['wall_s']:.1f} | "
                   f"{incremental['add']['stages']['extraction']:.1f} |"), ""]
        if incremental.get("version_changed"):
            lines += [("Note: the extractor's code or data changed during these runs (others were editing "
                      "`pipeline/extract/`), so the cache was invalidated and every statement re-extracted."), ""]
    lines += ["### Against the targets (2-core machine)", "", "| target | measured | |", "|---|---|---|",
              (f"| extraction >= 50,000 words/s, one core | {rate['ingest+extract']:,.0f} | "
               f"{ok(rate['ingest+extract'] >= 50_000)} |"),
              f"| >= 0.7x the bare tokenizer | {ratio:.2f}x | {ok(ratio >= 0.7)} |"]
    if 1000 in builds:
        lines.append(f"| 1,000 end to end <= 60 s | {builds[1000]['wall_s']:.1f} s | "
                     f"{ok(builds[1000]['wall_s'] <= 60)} |")
    if 10000 in builds:
        lines.append(f"| 10,000 end to end <= 8 min | {builds[10000]['wall_s']:.1f} s | "
                     f"{ok(builds[10000]['wall_s'] <= 480)} |")
        lines.append(f"| peak memory at 10,000 <= 1 GB | {builds[10000]['peak_rss_mb']:.0f} MB | "
                     f"{ok(builds[10000]['peak_rss_mb'] <= 1024)} |")
    if incremental:
        lines.append(f"| one new statement into a built {incremental['n']:,} <= 15 s | "
                     f"{incremental['add']['wall_s']:.1f} s | {ok(incremental['add']['wall_s'] <= 15)} |")
    if exp_wall is not None:
        a, z = sizes[-2], sizes[-1]
        b_last = fit_exponent([a, z], [builds[a]["wall_s"], builds[z]["wall_s"]])
        lines.append(f"| linear growth | b = {b_last:.2f} (wall, {a:,} to {z:,}) | {ok(b_last <= 1.1)} |")
    return "\n".join(lines) + "\n"


def write_section(text: str) -> None:
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(old):
        new = pattern.sub(lambda _: text + "\n", old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--probe":
        sys.path.insert(0, str(REPO))
        argv = sys.argv[3:]
        return probe(sys.argv[2], argv[1:] if argv[:1] == ["--"] else argv)
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="100,1000,10000", help="corpus sizes for end-to-end builds")
    p.add_argument("--ref-size", type=int, default=1000, help="corpus size for the words/s passes")
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--write", action="store_true", help="write the section into benchmarks/RESULTS.md")
    p.add_argument("--keep", type=Path, help="keep the synthesised corpora and outputs in this folder")
    args = p.parse_args()
    sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    sources = source_files(args.corpus)
    sys.path.insert(0, str(REPO))
    work = Path(args.keep or tempfile.mkdtemp(prefix="js-bench-"))
    try:
        ref_raw = work / f"ref-{args.ref_size}" / "raw"
        synthesise(args.ref_size, ref_raw, sources)
        print(f"reference passes on {args.ref_size} statements ...", flush=True)
        ref = reference_passes(ref_raw)
        print(json.dumps(ref), flush=True)
        builds: dict[int, dict] = {}
        incremental = None
        inc_n = max([n for n in sizes if n <= 1000] or [0])
        for n in sizes:
            raw = work / f"n{n}" / "raw"
            synthesise(n, raw, sources)
            out = work / f"n{n}" / "out" / "package"
            print(f"build {n} statements ...", flush=True)
            builds[n] = build(raw, out)
            print(json.dumps(builds[n]), flush=True)
            if n == inc_n:
                from pipeline.cache import extractor_version

                version = extractor_version()
                same = build(raw, out)
                synthesise(1, raw, sources, start=n)  # one statement the corpus did not have
                add = build(raw, out)
                extractor_version.cache_clear()
                incremental = {"n": n, "same": same, "add": add, "version_changed": extractor_version() != version}
                print(json.dumps(incremental), flush=True)
            if not args.keep:
                shutil.rmtree(work / f"n{n}", ignore_errors=True)
        text = report(ref, builds, incremental, args)
        print()
        print(text)
        if args.write:
            write_section(text)
            print(f"written to {RESULTS}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
