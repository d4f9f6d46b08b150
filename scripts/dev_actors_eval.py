#!/usr/bin/env python3
"""Dev check of the actors extractor and parties detector against the gold files.

Usage: .venv/bin/python scripts/dev_actors_eval.py [--unlabeled] [--verbose]

Reads each gold statement's raw text with a crude cleanup (front matter
stripped, hard-wrapped lines joined, ``\\###``/``**``/list bullets dropped),
runs find_actors / find_parties and scores actors (offices excluded) and
parties with the matching rules of shared/eval/score.py.
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
sys.path.append(str(ROOT))

from pipeline.extract.actors import find_actors
from pipeline.extract.nlp import make_doc
from pipeline.extract.parties import find_parties
from pipeline.model import Statement

SHARED = Path("/work/shared")
spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def load(path: Path) -> tuple[str, str | None]:
    raw = path.read_text(encoding="utf-8")
    title = None
    if raw.startswith("---"):
        _, fm, raw = raw.split("---", 2)
        meta = yaml.safe_load(fm) or {}
        title = meta.get("title")
        if title:
            title = re.sub(r"\s+", " ", title.replace("\u00a0", " ")).strip()
    paras = []
    for block in re.split(r"\n\s*\n", raw):
        lines = []
        for ln in block.splitlines():
            ln = re.sub(r"^\s*-\s+", "", ln)
            ln = ln.replace("\\###", "").replace("**", "").replace("<!-- -->", "")
            ln = ln.replace("\\", "").strip()
            if ln:
                lines.append(ln)
        if lines:
            paras.append(" ".join(lines))
    text = "\n\n".join(paras)
    return text, title


def run(path: Path):
    text, title = load(path)
    st = Statement(statement_id=path.stem, source_file=path.name, sha256="", text=text, title=title)
    doc = make_doc(text)
    mentions = find_actors(doc)
    parties = find_parties(st, doc, mentions)
    for m in mentions:
        assert doc.text[m.start:m.end], m
    return st, mentions, parties


def rows(mentions):
    seen = {}
    for m in mentions:
        a = m.entity
        seen.setdefault(a.actor_id, {"name": a.name, "iso3": a.iso3, "actor_type": a.actor_type,
                                     "country": a.country, "n": 0})
        seen[a.actor_id]["n"] += 1
    return seen


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--unlabeled", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    tally = score.Tally()
    ok = n = 0
    for gp in sorted((SHARED / "corpus" / "gold").glob("*.yaml")):
        g = yaml.safe_load(gp.read_text(encoding="utf-8"))
        raw = next((SHARED / "corpus" / "raw").glob(gp.stem + ".*"))
        st, mentions, parties = run(raw)
        found = rows(mentions)
        for a in parties:  # a party never named is still an actor of the statement
            found.setdefault(a.actor_id, {"name": a.name, "iso3": a.iso3, "actor_type": a.actor_type,
                                          "country": a.country, "n": 0})
        preds = [p for p in found.values() if p["actor_type"] != "office"]
        golds = [a for a in g.get("actors", []) if a.get("type") != "office"]
        score.match_sets(tally, g["statement"], golds, preds, {"type": "actor_type"})
        canon = score.alias_map(g)
        got = score.party_keys([{"iso3": a.iso3, "name": a.name} for a in parties], canon)
        want = score.gold_keys(g.get("parties", []), canon)
        n += 1
        ok += got == want
        if got != want:
            print(f"PARTIES {g['statement']}: {sorted(got)} != {sorted(want)}")
        if args.verbose:
            print(f"== {g['statement']} parties={[a.actor_id for a in parties]}")
            for aid, p in rows(mentions).items():
                print(f"   {aid:45} {p['actor_type']:26} {p['country']} x{p['n']}")
    p, r, f = tally.prf()
    for m in tally.misses:
        print("  ", m)
    print(f"actors P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tally.tp} fp {tally.fp} fn {tally.fn}) "
          f"type acc {dict(tally.attr)}")
    print(f"parties exact {ok}/{n}")
    if args.unlabeled:
        words = 0
        t0 = time.perf_counter()
        for path in sorted((SHARED / "corpus" / "unlabeled").glob("*.md")):
            st, mentions, parties = run(path)
            words += len(st.text.split())
            print(f"\n== {path.stem}\n   title: {st.title}\n   parties: {[a.actor_id for a in parties]}")
            for aid, p in rows(mentions).items():
                print(f"   {aid:45} {p['actor_type']:26} {p['country']} x{p['n']}")
        dt = time.perf_counter() - t0
        print(f"\n{words} words in {dt:.2f}s incl. tokenisation = {words / dt:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
