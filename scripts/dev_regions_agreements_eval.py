#!/usr/bin/env python3
"""Dev check of the regions and agreements extractors against the gold files.

Usage: dev_regions_agreements_eval.py [--verbose] [--unlabeled]

Reads each gold statement's raw text (YAML front matter stripped, a crude
markdown cleanup), runs find_regions / find_agreements, and scores them the way
/work/shared/eval/score.py does (match_sets with norm, fuzzy 0.9, optional
items free, kind/status/type accuracy). --unlabeled prints what is found in the
unlabeled statements instead.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = Path("/work/shared/corpus")

from pipeline.extract.agreements import find_agreements, statement_status  # noqa: E402
from pipeline.extract.nlp import make_doc  # noqa: E402
from pipeline.extract.regions import find_regions  # noqa: E402

spec = importlib.util.spec_from_file_location("score", "/work/shared/eval/score.py")
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def crude_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8-sig")
    if raw.startswith("---"):
        end = raw.find("\n---", 3)
        raw = raw[end + 4:] if end >= 0 else raw
    raw = raw.replace("\\###", "").replace("**", "").replace("\\", "")
    paras = re.split(r"\n\s*\n", raw)
    out = []
    for p in paras:
        lines = [re.sub(r"^\s*(?:-|\*)\s+", "", ln).strip() for ln in p.splitlines()]
        p = " ".join(ln for ln in lines if ln)
        p = re.sub(r"[ \t\u00a0]+", " ", p).strip()
        if p:
            out.append(p)
    return "\n\n".join(out)


def raw_for(sid: str) -> Path:
    for ext in (".md", ".txt"):
        p = CORPUS / "raw" / f"{sid}{ext}"
        if p.exists():
            return p
    raise FileNotFoundError(sid)


def predict(text: str):
    doc = make_doc(text)
    regs = find_regions(doc)
    ags = find_agreements(doc)
    for m in regs + ags:
        assert text[m.start:m.end], m
    status = statement_status(ags)
    regions = {m.entity.region_id: {"name": m.entity.name, "iso3": m.entity.iso3,
                                    "region_type": m.entity.region_type} for m in regs}
    agreements = {}
    for m in ags:
        a = m.entity
        agreements[a.agreement_id] = {"name": a.name, "kind": a.kind, "status": status[a.agreement_id],
                                      "year": a.year}
    return regs, ags, list(regions.values()), list(agreements.values())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--unlabeled", action="store_true")
    args = ap.parse_args()
    if args.unlabeled:
        for path in sorted((CORPUS / "unlabeled").glob("*.md")):
            text = crude_text(path)
            regs, ags, r, a = predict(text)
            print(f"== {path.stem}")
            print("  regions:", sorted({f"{m.entity.name}<{text[m.start:m.end]}>" for m in regs}))
            for x in a:
                print(f"  agr: {x['name']!r} {x['kind']} {x['status']} {x['year'] or ''}")
        return 0
    t = {"agreements": score.Tally(), "regions": score.Tally()}
    words = 0
    elapsed = 0.0
    for gp in sorted((CORPUS / "gold").glob("*.yaml")):
        g = yaml.safe_load(gp.read_text(encoding="utf-8"))
        sid = g["statement"]
        text = crude_text(raw_for(sid))
        t0 = time.perf_counter()
        _, _, regions, agreements = predict(text)
        elapsed += time.perf_counter() - t0
        words += len(text.split())
        score.match_sets(t["agreements"], sid, g.get("agreements") or [], agreements,
                         {"kind": "kind", "status": "status"})
        score.match_sets(t["regions"], sid, g.get("regions") or [], regions, {"type": "region_type"})
    for name, tally in t.items():
        p, r, f = tally.prf()
        acc = "  ".join(f"{k} {v[0] / v[1]:.3f}" for k, v in tally.attr.items() if v[1])
        print(f"{name:11} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tally.tp} fp {tally.fp} fn {tally.fn})  {acc}")
        if args.verbose:
            for m in tally.misses:
                print(f"   [{name}] {m}")
    print(f"speed (first run incl. loading): {words / elapsed:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
