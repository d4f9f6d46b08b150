"""Topic of a clause from the keyword lexicon in data/topics.csv.

Keywords are looked up word by word (a dict, no big regex), so a clause costs
one tokenising regex pass. A keyword matches whole words, case-insensitively
(all-caps acronyms such as UN or COP case-sensitively), plural -s/-es allowed;
a trailing * matches any ending. Most hits wins; ties go to the topic listed
first in the file.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "topics.csv"

TOPICS = (
    "security_defence", "cyber_technology", "economy_trade", "economic_security", "energy",
    "food_agriculture", "environment_climate", "health", "people_culture", "law_justice",
    "multilateral_order", "regional_conflict", "human_rights", "development",
)
_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


class _Lex:
    def __init__(self, rows: list[dict]):
        self.order: dict[str, int] = {}
        # first word -> list of (rest words, topic, case_sensitive, star)
        self.entries: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        self.stars: dict[str, list[tuple[str, str]]] = {}  # 4-letter prefix -> [(prefix, topic)]
        for row in rows:
            topic, kw = row["topic"].strip(), row["keyword"].strip()
            if topic not in TOPICS:
                raise ValueError(f"topics.csv: unknown topic {topic!r}")
            self.order.setdefault(topic, len(self.order))
            if kw.endswith("*"):
                p = kw[:-1].lower()
                self.stars.setdefault(p[:4], []).append((p, topic))
                continue
            words = kw.split()
            acronym = bool(re.fullmatch(r"[A-Z0-9]{2,}", kw))
            key = words[0] if acronym else words[0].lower()
            rest = tuple(w if acronym else w.lower() for w in words[1:])
            self.entries.setdefault(key, []).append((rest, topic, acronym))
        for v in self.entries.values():
            v.sort(key=lambda e: -len(e[0]))  # longest first: "economic security" before "economic"

    def _variants(self, word: str) -> list[str]:
        out = [word]
        if word.endswith("es"):
            out.append(word[:-2])
        if word.endswith("s"):
            out.append(word[:-1])
        return out

    def count(self, text: str) -> dict[str, int]:
        words = _WORD.findall(text)  # no groups in _WORD: the matched words
        low = [w.lower() for w in words]
        hits: dict[str, int] = {}
        entries, stars = self.entries, self.stars
        i, n = 0, len(words)
        while i < n:
            lw = low[i]
            if words[i] not in entries and lw not in entries and lw[:4] not in stars \
                    and not (lw.endswith("s") and (lw[:-1] in entries or lw.endswith("es") and lw[:-2] in entries)):
                i += 1  # no keyword starts here (the common case: one look-up per form, nothing else)
                continue
            step, topic = 1, None
            for key in (words[i], *self._variants(low[i])):
                for rest, t, acronym in self.entries.get(key, ()):
                    if acronym and key != words[i]:
                        continue
                    if rest:
                        seq = words[i + 1:i + 1 + len(rest)] if acronym else low[i + 1:i + 1 + len(rest)]
                        if len(seq) == len(rest) and all(
                                a == b or a.rstrip("s") == b for a, b in zip(seq, rest)):
                            topic, step = t, 1 + len(rest)
                            break
                    else:
                        topic = t
                        break
                if topic:
                    break
            if topic is None:
                for p, t in self.stars.get(low[i][:4], ()):
                    if low[i].startswith(p):
                        topic = t
                        break
            if topic:
                hits[topic] = hits.get(topic, 0) + 1
            i += step
        return hits


@lru_cache(maxsize=1)
def _lexicon() -> _Lex:
    with DATA.open(encoding="utf-8") as fh:
        return _Lex(list(csv.DictReader(line for line in fh if not line.startswith("#"))))


def find_topic(text: str, start: int = 0, end: int | None = None) -> str | None:
    lex = _lexicon()
    hits = lex.count(text[start:len(text) if end is None else end])
    if not hits:
        return None
    return min(hits, key=lambda t: (-hits[t], lex.order[t]))
