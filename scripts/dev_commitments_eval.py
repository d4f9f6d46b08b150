#!/usr/bin/env python3
"""Development evaluation of sentence splitting + commitments on the gold corpus.

Usage: .venv/bin/python scripts/dev_commitments_eval.py [--verbose] [--unlabeled] [--corpus DIR]

Crude-cleans each raw text (front matter, hard wraps, `\\###`, `**`, bullets,
NBSP), builds parties from the gold `parties` and crude actor mentions from the
gold actors' names and aliases (regex), runs split_sentences + find_commitments
and scores the commitments exactly as shared/eval/score.py does (snippet `at`
located, trigger inside it; a prediction matches when its span contains the
trigger and its trigger_start is within 25 characters; optional golds cost
nothing). --unlabeled prints the commitments found in corpus/unlabeled, with
parties guessed from the title by a small dev-only country list.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.extract.commitments import find_commitments  # noqa: E402
from pipeline.extract.nlp import make_doc  # noqa: E402
from pipeline.extract.sentences import split_sentences  # noqa: E402
from pipeline.model import Actor, Mention  # noqa: E402

CORPUS = Path("/work/shared/corpus")
REAL_MENTIONS = False
SLACK = 25


def crude_clean(raw: str) -> str:
    raw = raw.replace("\ufeff", "").replace("\u00a0", " ").replace("\r\n", "\n")
    if raw.startswith("---"):
        end = raw.find("\n---", 3)
        if end >= 0:
            raw = raw[end + 4:]
    paras = []
    for block in re.split(r"\n[ \t]*\n", raw):
        lines = []
        for line in block.split("\n"):
            line = line.strip()
            if not line or re.fullmatch(r"\\?#+\s*", line) or line.startswith("<!--"):
                continue
            line = line.replace("**", "").replace("\\_", "_").replace("\\", "")
            lines.append(line)
        if not lines:
            continue
        para = " ".join(lines)
        para = re.sub(r"^[-*•]\s+", "", para)
        para = re.sub(r"[ \t]+", " ", para).strip()
        if para:
            paras.append(para)
    return "\n\n".join(paras)


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def gold_actors(g: dict) -> list[tuple[Actor, list[str]]]:
    out = []
    for a in g.get("actors") or []:
        if a.get("type") == "office":
            continue
        iso = a.get("iso3")
        actor = Actor(iso or slug(a["name"]), a["name"], a["type"], iso, iso if a["type"] == "state" else None)
        out.append((actor, [a["name"], *(a.get("aliases") or [])]))
    return out


def crude_mentions(text: str, actors: list[tuple[Actor, list[str]]]) -> list[Mention]:
    forms = []
    for actor, names in actors:
        for n in names:
            forms.append((n, actor))
    forms.sort(key=lambda x: -len(x[0]))
    taken = [False] * len(text)
    out = []
    for name, actor in forms:
        pat = r"(?<![\w-])(?:[Tt]he\s+)?" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?![\w-])"
        if name.endswith("."):
            pat = pat[:-len(r"(?![\w-])")]
        for m in re.finditer(pat, text):
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            out.append(Mention(m.start(), m.end(), actor))
    return sorted(out, key=lambda m: m.start)


def locate(text: str, snippet: str) -> int:
    m = re.search(r"\s+".join(re.escape(w) for w in snippet.split()), text)
    return m.start() if m else -1


def run(text, parties, mentions):
    doc = make_doc(text)
    sents = split_sentences(text)
    return sents, find_commitments(doc, sents, parties, mentions)


def evaluate(verbose: bool) -> None:
    run("We will meet. They welcomed it.", [Actor("AAA", "A", "state", "AAA", "AAA")], [])  # warm-up: compile
    T = dict(tp=0, fp=0, fn=0, stp=0, sfp=0, sfn=0, kind_ok=0, kind_n=0, com_ok=0, com_n=0)
    words = 0
    elapsed = 0.0
    for gp in sorted((CORPUS / "gold").glob("*.yaml")):
        g = yaml.safe_load(gp.read_text(encoding="utf-8"))
        sid = g["statement"]
        raw = next(p for p in (CORPUS / "raw").glob(sid + ".*") if p.suffix in (".md", ".txt"))
        text = crude_clean(raw.read_text(encoding="utf-8"))
        actors = gold_actors(g)
        by_id = {a.actor_id: a for a, _ in actors}
        parties = [by_id.get(p) or Actor(p, p, "state", p, p) for p in g["parties"]]
        mentions = crude_mentions(text, actors)
        if REAL_MENTIONS:  # the actors module's mentions instead of the crude gold-alias regex
            from pipeline.extract.actors import find_actors
            mentions = [m for m in find_actors(make_doc(text)) if isinstance(m.entity, Actor)]
        t0 = time.perf_counter()
        sents, preds = run(text, parties, mentions)
        elapsed += time.perf_counter() - t0
        words += len(text.split())
        golds = g.get("commitments") or []
        msgs = []
        used_spans: set[int] = set()
        for c in golds:
            if c.get("optional"):
                continue
            at = locate(text, c["at"])
            pos = at + locate(text[at:], c["trigger"]) if at >= 0 else -1
            hit = next((i for i, p in enumerate(preds) if i not in used_spans and p.start <= pos < p.end), None)
            if hit is None:
                T["sfn"] += 1
            else:
                used_spans.add(hit)
                T["stp"] += 1
        T["sfp"] += len(preds) - len(used_spans)
        used: set[int] = set()
        for c in golds:
            at = locate(text, c["at"])
            if at < 0:
                T["fn"] += 1
                msgs.append(f"  SNIPPET NOT FOUND {c['at']!r}")
                continue
            pos = at + locate(text[at:], c["trigger"])
            cands = [i for i, p in enumerate(preds) if i not in used and p.start <= pos < p.end
                     and abs(p.trigger_start - pos) <= SLACK]
            if not cands:
                if not c.get("optional"):
                    T["fn"] += 1
                    msgs.append(f"  MISS {c['kind']:13} {c['at']!r}")
                continue
            best = min(cands, key=lambda i: (abs(preds[i].trigger_start - pos), preds[i].end - preds[i].start))
            used.add(best)
            if c.get("optional"):
                continue
            T["tp"] += 1
            p = preds[best]
            T["kind_n"] += 1
            if p.kind == c["kind"]:
                T["kind_ok"] += 1
            else:
                msgs.append(f"  KIND {p.kind} != {c['kind']} at {c['at']!r}")
            if c.get("committers"):
                T["com_n"] += 1
                if set(p.committers) == set(c["committers"]):
                    T["com_ok"] += 1
                else:
                    msgs.append(f"  COMMITTERS {sorted(p.committers)} != {c['committers']} at {c['at']!r}")
        for i, p in enumerate(preds):
            if i not in used:
                T["fp"] += 1
                msgs.append(f"  SPURIOUS {p.kind:13} {p.trigger!r} {text[p.start:p.end][:90]!r}")
        if verbose:
            print(f"== {sid}: {len(sents)} sentences, {len(preds)} commitments")
            print("\n".join(msgs))
    P = T["tp"] / (T["tp"] + T["fp"]) if T["tp"] + T["fp"] else 0
    R = T["tp"] / (T["tp"] + T["fn"]) if T["tp"] + T["fn"] else 0
    F = 2 * P * R / (P + R) if P + R else 0
    sP = T["stp"] / (T["stp"] + T["sfp"]) if T["stp"] + T["sfp"] else 0
    sR = T["stp"] / (T["stp"] + T["sfn"]) if T["stp"] + T["sfn"] else 0
    sF = 2 * sP * sR / (sP + sR) if sP + sR else 0
    print(f"commitments  P {P:.3f}  R {R:.3f}  F1 {F:.3f}  (tp {T['tp']} fp {T['fp']} fn {T['fn']})  "
          f"kind_acc {T['kind_ok'] / max(1, T['kind_n']):.3f}  committers_acc {T['com_ok'] / max(1, T['com_n']):.3f}")
    print(f"spans        P {sP:.3f}  R {sR:.3f}  F1 {sF:.3f}  (tp {T['stp']} fp {T['sfp']} fn {T['sfn']})")
    print(f"speed        {words / elapsed:,.0f} words/s (split + commitments, {words} words)")


# dev-only crude gazetteer for reading unlabeled output (not used by the pipeline)
DEV_STATES = {
    "United States": "USA", "U.S.": "USA", "America": "USA", "American": "USA", "Canada": "CAN", "Canadian": "CAN",
    "Japan": "JPN", "Japanese": "JPN", "Mexico": "MEX", "Mexican": "MEX", "China": "CHN", "Chinese": "CHN",
    "India": "IND", "Indian": "IND", "Australia": "AUS", "Australian": "AUS", "United Kingdom": "GBR",
    "UK": "GBR", "Brazil": "BRA", "Brazilian": "BRA", "Ireland": "IRL", "Irish": "IRL", "Iraq": "IRQ",
    "Iraqi": "IRQ", "Ukraine": "UKR", "Ukrainian": "UKR", "Korea": "KOR", "Republic of Korea": "KOR", "ROK": "KOR",
    "Cambodia": "KHM", "Thailand": "THA", "Israel": "ISR", "United Arab Emirates": "ARE", "UAE": "ARE",
    "Russia": "RUS", "North Korea": "PRK", "DPRK": "PRK", "Germany": "DEU", "France": "FRA", "Italy": "ITA",
    "Saudi Arabia": "SAU", "Malaysia": "MYS", "Iran": "IRN",
}
DEV_FORUMS = {"Quad": "quad", "G7": "g7", "GCC": "gcc", "I2U2": "i2u2", "African Union": "african-union"}
TITLE_PARTIES = {
    "atlantic": None, "cambodia-thailand": ["KHM", "THA"], "g7": ["USA", "CAN", "JPN", "GBR", "DEU", "FRA", "ITA"],
    "i2u2": ["USA", "IND", "ISR", "ARE"], "quad": ["AUS", "IND", "JPN", "USA"], "us-africa": ["USA", "african-union"],
    "us-australia-japan": ["USA", "AUS", "JPN"], "us-brazil": ["USA", "BRA"], "us-canada": ["USA", "CAN"],
    "us-china": ["USA", "CHN"], "us-gcc": ["USA", "gcc"], "us-india": ["USA", "IND"], "us-iraq": ["USA", "IRQ"],
    "us-ireland": ["USA", "IRL"], "us-japan-korea": ["USA", "JPN", "KOR"], "us-japan": ["USA", "JPN"],
    "us-korea": ["USA", "KOR"], "us-mexico": ["USA", "MEX"], "us-ukraine": ["USA", "UKR"],
}


def unlabeled() -> None:
    actors = [(Actor(iso, name, "state", iso, iso), [name]) for name, iso in DEV_STATES.items()]
    actors += [(Actor(aid, name, "forum"), [name]) for name, aid in DEV_FORUMS.items()]
    for p in sorted((CORPUS / "unlabeled").glob("*.md")):
        text = crude_clean(p.read_text(encoding="utf-8"))
        key = max((k for k in TITLE_PARTIES if p.stem.startswith(k)), key=len)
        ids = TITLE_PARTIES[key] or ["USA", "GBR", "BRA"]
        parties = [Actor(i, i, "state", i, i) for i in ids]
        sents, preds = run(text, parties, crude_mentions(text, actors))
        print(f"\n===== {p.stem}  parties {ids}: {len(sents)} sentences, {len(preds)} commitments")
        for c in preds:
            extra = f" -> {list(c.addressees)}" if c.addressees else ""
            print(f"  {c.kind:13} {c.trigger!r:14} {','.join(c.committers):15} {c.time_expression or '':18} "
                  f"{c.topic or '':20}{extra} | {text[c.start:c.end][:110]}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--unlabeled", action="store_true")
    ap.add_argument("--real-mentions", action="store_true", help="use pipeline.extract.actors.find_actors")
    a = ap.parse_args()
    REAL_MENTIONS = a.real_mentions
    if a.unlabeled:
        unlabeled()
    else:
        evaluate(a.verbose)
