"""How far to trust the data: score a published package against gold annotations.

Gold files follow ANNOTATION.md ("Gold file format"). The matching is the one
ANNOTATION.md describes ("How extraction is scored") and gives the same figures
as the project's reference scorer: actors, agreements and regions match per
statement by ISO3 code or by name/alias (case, a leading "the", punctuation and
dash forms ignored; a near spelling when no exact match exists); a commitment
matches when its span contains the gold trigger and its own trigger starts
within ``TRIGGER_SLACK`` characters of it; ``optional`` gold items cost nothing.
"""
from __future__ import annotations

import csv
import difflib
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

TRIGGER_SLACK = 25
ENTITY_TABLES = ("actors", "agreements", "regions")
TALLIES = (*ENTITY_TABLES, "commitments", "commitment_spans")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def norm(s: str | None) -> str:
    s = (s or "").translate(_DASHES).replace("\u2019", "'").casefold()
    s = re.sub(r"[^\w\s'-]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def names_of(item: dict) -> set[str]:
    return {norm(n) for n in [item.get("name"), *(item.get("aliases") or [])] if n}


def same_entity(gold: dict, pred: dict, fuzzy: bool) -> bool:
    if gold.get("iso3") and pred.get("iso3") and gold["iso3"] == pred["iso3"]:
        return True
    p = norm(pred.get("name"))
    if not p:
        return False
    golds = names_of(gold)
    return p in golds or (fuzzy and any(difflib.SequenceMatcher(None, p, g).ratio() >= 0.9 for g in golds))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attr: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))  # name -> [right, judged]
    misses: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def judge(self, name: str, ok: bool, miss: str) -> None:
        self.attr[name][0] += ok
        self.attr[name][1] += 1
        if not ok:
            self.misses.append(miss)


def read_table(pkg: Path, name: str) -> list[dict]:
    path = pkg / "data" / f"{name}.csv"
    if not path.exists():
        return []
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def load_predictions(pkg: Path) -> tuple[dict, dict, dict]:
    """statements by id; per statement, the entity rows joined with their tables; committers by commitment."""
    statements = {r["statement_id"]: r for r in read_table(pkg, "statements")}
    by_id = {name: {r[f"{name[:-1]}_id"]: r for r in read_table(pkg, name)} for name in ENTITY_TABLES}
    preds: dict = defaultdict(lambda: defaultdict(list))
    for name in ENTITY_TABLES:
        key = f"{name[:-1]}_id"
        for r in read_table(pkg, f"statement_{name}"):
            preds[r["statement_id"]][name].append(dict(by_id[name].get(r[key], {"name": r[key]}), **r))
    committers: dict = defaultdict(list)
    for r in read_table(pkg, "commitment_actors"):
        if r.get("role") == "committer":
            committers[r["commitment_id"]].append(by_id["actors"].get(r["actor_id"], {"name": r["actor_id"]}))
    for r in read_table(pkg, "commitments"):
        preds[r["statement_id"]]["commitments"].append(r)
    return statements, preds, committers


def match_sets(tally: Tally, sid: str, golds: list[dict], preds: list[dict], attrs: dict) -> None:
    """Greedy one-to-one matching, exact names before near spellings; optional golds cost nothing."""
    used: set[int] = set()
    for g in sorted(golds, key=lambda g: g.get("optional", False)):
        hit = next((i for fuzzy in (False, True) for i, p in enumerate(preds)
                    if i not in used and same_entity(g, p, fuzzy)), None)
        if hit is None:
            if not g.get("optional"):
                tally.fn += 1
                tally.misses.append(f"{sid}: missed {g.get('name')}")
            continue
        used.add(hit)
        if g.get("optional"):
            continue
        tally.tp += 1
        for gold_key, pred_key in attrs.items():
            if g.get(gold_key) is not None:
                got = preds[hit].get(pred_key)
                tally.judge(gold_key, str(g[gold_key]) == str(got or ""),
                            f"{sid}: {g.get('name')} {gold_key} {got!r} != {g[gold_key]!r}")
    for i, p in enumerate(preds):
        if i not in used:
            tally.fp += 1
            tally.misses.append(f"{sid}: spurious {p.get('name')}")


def locate(text: str, snippet: str) -> int:
    m = re.search(r"\s+".join(re.escape(w) for w in snippet.split()), text)
    return m.start() if m else -1


def alias_map(gold: dict) -> dict[str, str]:
    canon = {}
    for a in gold.get("actors") or []:
        key = a.get("iso3") or norm(a.get("name"))
        for n in names_of(a):
            canon[n] = key
    return canon


def party_keys(rows: list[dict], canon: dict[str, str]) -> set[str]:
    return {r.get("iso3") or canon.get(norm(r.get("name")), norm(r.get("name"))) for r in rows}


def gold_keys(names: list[str], canon: dict[str, str]) -> set[str]:
    return {n if re.fullmatch(r"[A-Z]{3}", n) else canon.get(norm(n), norm(n)) for n in names}


def trigger_position(text: str, item: dict) -> int:
    at = locate(text, item["at"])
    return at + locate(text[at:], item["trigger"]) if at >= 0 else -1


def score_commitments(t: dict[str, Tally], sid: str, text: str, gold: dict, preds: list[dict],
                      committers: dict, canon: dict) -> None:
    spans, tc = t["commitment_spans"], t["commitments"]
    used_spans: set[int] = set()
    for c in gold.get("commitments", []):  # lenient: the span only has to contain the trigger
        if c.get("optional"):
            continue
        pos = trigger_position(text, c)
        hit = next((i for i, p in enumerate(preds) if i not in used_spans
                    and int(p["char_start"]) <= pos < int(p["char_end"])), None)
        if hit is None:
            spans.fn += 1
        else:
            used_spans.add(hit)
            spans.tp += 1
    spans.fp += len(preds) - len(used_spans)

    def trig(p: dict) -> int:
        return int(p.get("trigger_start") or -10**9)

    used: set[int] = set()
    for c in gold.get("commitments", []):
        if locate(text, c["at"]) < 0:
            tc.fn += 1
            tc.misses.append(f"{sid}: snippet not found: {c['at']!r}")
            continue
        pos = trigger_position(text, c)
        cands = [i for i, p in enumerate(preds) if i not in used
                 and int(p["char_start"]) <= pos < int(p["char_end"]) and abs(trig(p) - pos) <= TRIGGER_SLACK]
        if not cands:
            if not c.get("optional"):
                tc.fn += 1
                tc.misses.append(f"{sid}: missed {c['kind']} {c['at']!r}")
            continue
        best = min(cands, key=lambda i: (abs(trig(preds[i]) - pos),
                                         int(preds[i]["char_end"]) - int(preds[i]["char_start"])))
        used.add(best)
        if c.get("optional"):
            continue
        tc.tp += 1
        tc.judge("kind", preds[best].get("kind") == c["kind"],
                 f"{sid}: kind {preds[best].get('kind')} != {c['kind']} at {c['at']!r}")
        if c.get("committers"):
            got = party_keys(committers.get(preds[best]["commitment_id"], []), canon)
            tc.judge("committers", got == gold_keys(c["committers"], canon),
                     f"{sid}: committers {sorted(got)} != {c['committers']} at {c['at']!r}")
    for i, p in enumerate(preds):
        if i not in used:
            tc.fp += 1
            tc.misses.append(f"{sid}: spurious {p.get('kind')} {p.get('text', '')[:70]!r}")


def evaluate(pkg: Path, gold_dir: Path) -> tuple[dict, dict[str, Tally]]:
    """Scores of the package in ``pkg`` against every ``*.yaml`` gold file in ``gold_dir``."""
    statements, preds, committers = load_predictions(pkg)
    t = {name: Tally() for name in TALLIES}
    parties_ok = parties_n = 0
    missing = []
    for gold_path in sorted(gold_dir.glob("*.yaml")):
        g = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        sid = g["statement"]
        st = statements.get(sid)
        pred = preds.get(sid, {})
        if st is None:
            missing.append(sid)
        text = st["text"] if st else ""
        canon = alias_map(g)
        parties_n += 1
        got = party_keys([a for a in pred.get("actors", []) if str(a.get("is_party")).lower() == "true"], canon)
        want = gold_keys(g.get("parties", []), canon)
        parties_ok += got == want
        if got != want:
            t["actors"].misses.append(f"{sid}: parties {sorted(got)} != {sorted(want)}")
        match_sets(t["actors"], sid, [a for a in g.get("actors", []) if a.get("type") != "office"],
                   [a for a in pred.get("actors", []) if a.get("actor_type") != "office"], {"type": "actor_type"})
        match_sets(t["agreements"], sid, g.get("agreements", []), pred.get("agreements", []),
                   {"kind": "kind", "status": "status"})
        match_sets(t["regions"], sid, g.get("regions", []), pred.get("regions", []), {"type": "region_type"})
        score_commitments(t, sid, text, g, pred.get("commitments", []), committers, canon)

    result = {"statements": parties_n, "missing_statements": missing,
              "parties_accuracy": round(parties_ok / parties_n, 3) if parties_n else 0.0}
    for name, tally in t.items():
        p, r, f = tally.prf()
        result[name] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                        "tp": tally.tp, "fp": tally.fp, "fn": tally.fn,
                        **{f"{k}_accuracy": round(v[0] / v[1], 3) for k, v in tally.attr.items() if v[1]}}
    return result, t


def format_report(result: dict, tallies: dict[str, Tally], verbose: bool = False) -> str:
    lines = [f"statements scored: {result['statements']}   missing: {result['missing_statements'] or 'none'}   "
             f"parties exact: {result['parties_accuracy']:.3f}"]
    for name in TALLIES:
        r = result[name]
        extra = "  ".join(f"{k} {v:.3f}" for k, v in r.items() if k.endswith("_accuracy"))
        lines.append(f"{name:12} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                     f"(tp {r['tp']} fp {r['fp']} fn {r['fn']})  {extra}")
    if verbose:
        lines += [f"[{name}] {m}" for name, tally in tallies.items() for m in tally.misses]
    return "\n".join(lines)


def to_json(result: dict) -> str:
    return json.dumps(result)
