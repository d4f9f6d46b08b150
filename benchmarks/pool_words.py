"""Extraction speed on real, distinct text (issue 11: "Extraction stays >= 50,000
words/s on one core, measured on the pool's distinct texts").

    .venv/bin/python benchmarks/pool_words.py [--corpus ../shared/corpus] [--repeat 3] [--write]

Ingest + extraction of every statement of ``<corpus>/pool`` (the true duplicate
is read once: the pipeline rejects repeated text) in this process, one core, no
cache, ``--repeat`` times; the best pass counts (the others are slowed by
whatever else the machine does). Words are the extractor's ``n_words``, as in
``benchmarks/run.py``. ``--write`` replaces the section "Words per second on the
pool" of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from run import machine, reference_passes  # noqa: E402

SECTION = "## Words per second on the pool (issue 11)"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--write", action="store_true", help="write the section into benchmarks/RESULTS.md")
    args = p.parse_args()
    pool = args.corpus / "pool"
    if not pool.is_dir():
        sys.exit(f"no pool at {pool}")
    passes = [reference_passes(pool) for _ in range(args.repeat)]
    rates = [r["words"] / (r["ingest_s"] + r["extract_s"]) for r in passes]
    best = max(range(len(rates)), key=rates.__getitem__)
    r = passes[best]
    lines = [
        SECTION, "",
        (f"Measured {dt.date.today().isoformat()} with `.venv/bin/python benchmarks/pool_words.py --write` "
         f"on {machine()}."), "",
        "| pass | statements | words | ingest + extraction | words/s |", "|---|---:|---:|---:|---:|",
    ]
    for i, (q, rate) in enumerate(zip(passes, rates), 1):
        lines.append(f"| {i}{' (best)' if i - 1 == best else ''} | {q['statements']} | {q['words']:,} | "
                     f"{q['ingest_s'] + q['extract_s']:.1f} s | {rate:,.0f} |")
    lines += ["", f"Target >= 50,000 words/s on one core: {'met' if rates[best] >= 50_000 else 'missed'} "
              f"({rates[best]:,.0f}).", ""]
    text = "\n".join(lines)
    print(text)
    if args.write:
        results = HERE / "RESULTS.md"
        old = results.read_text(encoding="utf-8")
        pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.M | re.S)
        new = pattern.sub(text + "\n", old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
        results.write_text(new, encoding="utf-8")
    print(f"words: {r['words']:,}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
