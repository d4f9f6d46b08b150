"""Linearity benchmark (issue "Reliability"): ingest + extraction time on inputs of
size N and 10N, for several input shapes. Prints one line per shape and the ratio
t(10N) / t(N); a linear pipeline gives about 10, the bar is <= 15.

    .venv/bin/python benchmarks/linearity.py [--quick] [--markdown]

Shapes (all synthetic, written to a temporary folder, nothing of the shared corpus
is copied into the repository):

- long-statement: one statement made by repeating real paragraphs of
  ../shared/corpus (raw + unlabeled), ~20k vs ~200k characters;
- one-sentence: one sentence without any sentence punctuation (real words), 2k vs 20k words;
- list-items: "Canada and Japan will cooperate on a, b, c, ... and z." with 500 vs 5000 items;
- bullets: a list of 500 vs 5000 bullet paragraphs;
- nested-brackets: brackets nested 10 deep, repeated (N vs 10N groups);
- many-statements: a corpus of 20 vs 200 statements (one process, no cache).

Each size is timed (process CPU time, so that other load on the machine matters
less) as the best of a few runs (ingest with ``read_raw_dir`` on the
folder, then ``extract_statement`` on every statement, as the pipeline does,
without the extraction cache or worker processes).
"""
from __future__ import annotations

import argparse
import gc
import itertools
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus"

from pipeline.extract.corpus import extract_statement
from pipeline.ingest import read_raw_dir
from pipeline.ingest.reader import split_front_matter
from pipeline.model import Statement

ITEMS = ["solar power", "wind energy", "hydrogen", "critical minerals", "ports", "semiconductors",
         "vaccines", "fisheries", "space", "cyber security", "quantum", "education"]


def corpus_paragraphs() -> list[str]:
    paras = []
    for d in ("raw", "unlabeled"):
        for p in sorted((CORPUS / d).iterdir()):
            if p.suffix not in (".md", ".txt"):
                continue
            text = p.read_text(encoding="utf-8")
            if p.suffix == ".md":
                _front, text = split_front_matter(text)
            paras += [" ".join(x.split()) for x in re.split(r"\n\s*\n", text) if len(x.split()) > 8]
    if not paras:
        raise SystemExit(f"no paragraphs found under {CORPUS}")
    return paras


def take_chars(paras: list[str], n_chars: int) -> list[str]:
    out, size = [], 0
    for p in itertools.cycle(paras):
        out.append(p)
        size += len(p) + 2
        if size >= n_chars:
            return out


def shapes(paras: list[str], scale: int) -> dict[str, dict[str, str]]:
    """shape -> {file name: content} at size scale (1 = N, 10 = 10N)."""
    words = " ".join(paras).replace(".", " ").replace("!", " ").replace("?", " ").replace(";", " ").split()
    head = "Joint Statement by Canada and Japan\n\n"
    long_statement = head + "\n\n".join(take_chars(paras, 20_000 * scale))
    one_sentence = head + "Canada and Japan " + " ".join(itertools.islice(itertools.cycle(words), 2_000 * scale))
    items = [f"{ITEMS[i % len(ITEMS)]} {i}" for i in range(500 * scale)]
    list_items = head + "Canada and Japan will cooperate on " + ", ".join(items[:-1]) + " and " + items[-1] + "."
    bullets = head + "Canada and Japan commit to the following:\n\n" + "\n\n".join(f"- {it};" for it in items)
    nest = "Canada and Japan will (work [with {partners (in [the {region (and [beyond])}])}])"
    nested = head + " ".join(f"{nest} on item {i}." for i in range(150 * scale))
    many = {}
    n_statements = 20 * scale
    for i in range(n_statements):
        body = "\n\n".join(paras[(i * 7 + k) % len(paras)] for k in range(8))
        many[f"s{i:04d}.txt"] = f"Joint Statement by Canada and Japan\n\n{body}\n\nSynthetic statement {i}."
    return {
        "long-statement": {"long.txt": long_statement},
        "one-sentence": {"one.txt": one_sentence},
        "list-items": {"list.txt": list_items},
        "bullets": {"bullets.txt": bullets},
        "nested-brackets": {"nested.txt": nested},
        "many-statements": many,
    }


def run_once(files: dict[str, str]) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as d:
        raw = Path(d)
        for name, text in files.items():
            (raw / name).write_text(text, encoding="utf-8")
        gc.collect()
        t0 = time.process_time()
        result = read_raw_dir(raw, max_bytes=50_000_000)
        n_chars = 0
        for st in result.statements:
            extract_statement(st)
            n_chars += len(st.text)
        elapsed = time.process_time() - t0
    assert not result.rejected, result.rejected
    return elapsed, n_chars


def best_of(files: dict[str, str], repeat: int) -> tuple[float, int]:
    runs = [run_once(files) for _ in range(repeat)]
    return min(t for t, _ in runs), runs[0][1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="one run per size instead of the best of three")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = ap.parse_args(argv)
    paras = corpus_paragraphs()
    extract_statement(Statement(  # warm up spaCy and the lexicons
        statement_id="w", source_file="w.txt", sha256="0" * 64, text="Canada and Japan will cooperate."))
    small, large = shapes(paras, 1), shapes(paras, 10)
    rows = []
    for name in small:
        t1, c1 = best_of(small[name], 1 if args.quick else 3)
        t10, c10 = best_of(large[name], 1 if args.quick else 2)
        ratio = t10 / t1
        rows.append((name, c1, t1, c10, t10, c10 / c1, ratio))
        if not args.markdown:
            print(f"{name:16s} N: {c1:>9,} chars {t1:8.3f} s   10N: {c10:>10,} chars {t10:8.3f} s   "
                  f"size x{c10 / c1:5.1f}  time x{ratio:5.1f}  {'ok' if ratio <= 15 else 'SUPERLINEAR'}",
                  flush=True)
    if args.markdown:
        print("| input shape | N (chars) | t(N) s | 10N (chars) | t(10N) s | size ratio | time ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, c1, t1, c10, t10, sr, r in rows:
            print(f"| {name} | {c1:,} | {t1:.3f} | {c10:,} | {t10:.3f} | {sr:.1f} | **{r:.1f}** |")
    worst = max(rows, key=lambda r: r[-1])
    print(f"worst time ratio: {worst[-1]:.1f} ({worst[0]}); bar: <= 15", flush=True)
    return 0 if worst[-1] <= 15 else 1


if __name__ == "__main__":
    raise SystemExit(main())
