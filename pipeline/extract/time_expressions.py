"""Time phrases ("by 2030", "this calendar year", "within 90 days") from a data file."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "time_expressions.tsv"

_MACROS = {
    "{MONTH}": r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
               r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)",
    "{YEAR}": r"(?:19|20)\d{2}",
    "{NUM}": r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
             r"|forty|fifty|sixty|ninety|a hundred|several|a few)(?:\s*\(\d+\))?",
    "{UNIT}": r"(?:days?|weeks?|months?|years?|decades?)\b",
}


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def _matcher() -> re.Pattern:
    parts = []
    for row in _rows(DATA):
        pat = row["pattern"].strip()
        for k, v in _MACROS.items():
            pat = pat.replace(k, v)
        parts.append(f"(?:{pat})")
    # MONTH alternatives are capitalised in text; the rest is matched case-insensitively
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")", re.IGNORECASE)


def find_time_expression(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The first time phrase in text[start:end] (as written), or None."""
    m = _matcher().search(text, start, len(text) if end is None else end)
    if not m:
        return None
    return m.group(0).strip().rstrip(",.;")
