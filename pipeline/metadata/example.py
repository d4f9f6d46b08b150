"""A tiny, hand-made, consistent set of all tables (two statements).

For tests and docs: every key resolves and every span is grounded, so the
checks in ``pipeline.checks`` pass on it, and each test can break one thing.
"""
from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd

_TEXTS = {
    "canada-japan-2026": (
        "Joint Statement by Canada and Japan\n\n"
        "Canada and Japan reaffirm their commitment to the CPTPP. "
        "We are concerned about the situation in the South China Sea.\n\n"
        "The Leaders instruct their ministers to establish a Security Dialogue by 2030."
    ),
    "us-canada-na-statement": (
        "U.S.-Canada Joint Statement on NA Cooperation\n\n"
        "The United States and Canada welcome the Mutual Legal Assistance Treaty, signed in 1985."
    ),
}


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def example_tables() -> dict[str, pd.DataFrame]:
    """Fresh DataFrames for all 11 tables (safe to modify)."""
    sentences = []
    for sid, text in _TEXTS.items():
        pos, n = 0, 0
        for p_i, para_text in enumerate(text.split("\n\n")):
            para_start = text.index(para_text, pos)
            for piece in [s for s in para_text.replace(". ", ".\x00").split("\x00") if s]:
                cs, ce = _span(text, piece, para_start)
                sentences.append({"sentence_id": f"{sid}:{n}", "statement_id": sid, "paragraph_index": p_i,
                                  "sentence_index": n, "char_start": cs, "char_end": ce, "text": piece})
                para_start = ce
                n += 1
            pos = para_start
    sentences_df = pd.DataFrame(sentences)

    def sentence_of(sid: str, offset: int) -> str:
        rows = sentences_df[(sentences_df.statement_id == sid) & (sentences_df.char_start <= offset)
                            & (offset < sentences_df.char_end)]
        return rows.sentence_id.iloc[0]

    statements = pd.DataFrame([
        {"statement_id": sid, "title": text.split("\n")[0],
         "date": dt.date(2026, 3, 6) if i == 0 else None, "place": "Tokyo" if i == 0 else None,
         "source": "CNW" if i == 0 else None, "source_file": f"{sid}.txt",
         "source_url": "https://example.org/canada-japan-2026" if i == 0 else None,
         "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "text": text,
         "n_sentences": int((sentences_df.statement_id == sid).sum()), "n_words": len(text.split())}
        for i, (sid, text) in enumerate(_TEXTS.items())
    ])
    actors = pd.DataFrame([
        {"actor_id": "CAN", "name": "Canada", "actor_type": "state", "iso3": "CAN", "country": "CAN",
         "wikidata_id": "Q16"},
        {"actor_id": "JPN", "name": "Japan", "actor_type": "state", "iso3": "JPN", "country": "JPN",
         "wikidata_id": "Q17"},
        {"actor_id": "USA", "name": "United States", "actor_type": "state", "iso3": "USA", "country": "USA",
         "wikidata_id": "Q30"},
        {"actor_id": "ministers", "name": "Ministers", "actor_type": "office", "iso3": None, "country": None,
         "wikidata_id": None},
    ])
    agreements = pd.DataFrame([
        {"agreement_id": "cptpp", "name": "Comprehensive and Progressive Agreement for Trans-Pacific Partnership",
         "kind": "agreement", "year": None, "wikidata_id": None},
        {"agreement_id": "security-dialogue", "name": "Security Dialogue", "kind": "mechanism", "year": None,
         "wikidata_id": None},
        {"agreement_id": "mutual-legal-assistance-treaty", "name": "Mutual Legal Assistance Treaty",
         "kind": "treaty", "year": 1985, "wikidata_id": None},
    ])
    regions = pd.DataFrame([
        {"region_id": "south-china-sea", "name": "South China Sea", "region_type": "sea", "iso3": None,
         "latitude": 12.0, "longitude": 113.5},
    ])

    mention_specs = [  # (statement, surface, entity_type, entity_id, search from)
        ("canada-japan-2026", "Canada", "actor", "CAN", 30),
        ("canada-japan-2026", "Japan", "actor", "JPN", 30),
        ("canada-japan-2026", "CPTPP", "agreement", "cptpp", 0),
        ("canada-japan-2026", "South China Sea", "region", "south-china-sea", 0),
        ("canada-japan-2026", "ministers", "actor", "ministers", 0),
        ("canada-japan-2026", "Security Dialogue", "agreement", "security-dialogue", 0),
        ("us-canada-na-statement", "United States", "actor", "USA", 0),
        ("us-canada-na-statement", "Canada", "actor", "CAN", 50),
        ("us-canada-na-statement", "Mutual Legal Assistance Treaty", "agreement",
         "mutual-legal-assistance-treaty", 0),
    ]
    mentions, counters = [], {}
    for sid, surface, etype, eid, after in mention_specs:
        cs, ce = _span(_TEXTS[sid], surface, after)
        n = counters[sid] = counters.get(sid, -1) + 1
        mentions.append({"mention_id": f"{sid}:m{n}", "statement_id": sid, "sentence_id": sentence_of(sid, cs),
                         "entity_type": etype, "entity_id": eid, "char_start": cs, "char_end": ce,
                         "text": surface})
    mentions_df = pd.DataFrame(mentions)

    def count(sid: str, etype: str, eid: str) -> int:
        m = mentions_df
        return int(((m.statement_id == sid) & (m.entity_type == etype) & (m.entity_id == eid)).sum())

    statement_actors = pd.DataFrame([
        {"statement_id": sid, "actor_id": aid, "is_party": party, "mentions": count(sid, "actor", aid),
         "title": None}
        for sid, aid, party in [
            ("canada-japan-2026", "CAN", True), ("canada-japan-2026", "JPN", True),
            ("canada-japan-2026", "ministers", False),
            ("us-canada-na-statement", "USA", True), ("us-canada-na-statement", "CAN", True),
        ]
    ])
    statement_agreements = pd.DataFrame([
        {"statement_id": "canada-japan-2026", "agreement_id": "cptpp", "status": "referenced",
         "event_date": None, "mentions": count("canada-japan-2026", "agreement", "cptpp")},
        {"statement_id": "canada-japan-2026", "agreement_id": "security-dialogue", "status": "planned",
         "event_date": None, "mentions": count("canada-japan-2026", "agreement", "security-dialogue")},
        {"statement_id": "us-canada-na-statement", "agreement_id": "mutual-legal-assistance-treaty",
         "status": "signed", "event_date": dt.date(1985, 1, 1),
         "mentions": count("us-canada-na-statement", "agreement", "mutual-legal-assistance-treaty")},
    ])
    statement_regions = pd.DataFrame([
        {"statement_id": "canada-japan-2026", "region_id": "south-china-sea",
         "mentions": count("canada-japan-2026", "region", "south-china-sea")},
    ])

    due = {"by 2030": (dt.date(2030, 12, 31), "year")}
    plover = {"reaffirmation": "AGREE", "concern": "ACCUSE", "instruction": None, "welcome": "SUPPORT"}
    commitment_specs = [  # (statement, clause, trigger, kind, time, topic, committers, addressees)
        ("canada-japan-2026", "Canada and Japan reaffirm their commitment to the CPTPP", "reaffirm",
         "reaffirmation", None, "economy_trade", ["CAN", "JPN"], []),
        ("canada-japan-2026", "We are concerned about the situation in the South China Sea", "concerned",
         "concern", None, "regional_conflict", ["CAN", "JPN"], []),
        ("canada-japan-2026", "The Leaders instruct their ministers to establish a Security Dialogue by 2030",
         "instruct", "instruction", "by 2030", "security_defence", ["CAN", "JPN"], ["ministers"]),
        ("us-canada-na-statement", "The United States and Canada welcome the Mutual Legal Assistance Treaty",
         "welcome", "welcome", None, None, ["USA", "CAN"], []),
    ]
    commitments, commitment_actors, counters = [], [], {}
    for sid, clause, trigger, kind, time, topic, committers, addressees in commitment_specs:
        text = _TEXTS[sid]
        cs, ce = _span(text, clause)
        n = counters[sid] = counters.get(sid, -1) + 1
        cid = f"{sid}:c{n}"
        commitments.append({"commitment_id": cid, "statement_id": sid, "sentence_id": sentence_of(sid, cs),
                            "char_start": cs, "char_end": ce, "text": clause, "trigger": trigger,
                            "trigger_start": text.index(trigger, cs), "kind": kind,
                            "is_action": kind in {"pledge", "establishment", "instruction"},
                            "time_expression": time, "due_date": due.get(time, (None, None))[0],
                            "due_precision": due.get(time, (None, None))[1], "plover_type": plover[kind],
                            "topic": topic})
        commitment_actors += [{"commitment_id": cid, "actor_id": a, "role": "committer"} for a in committers]
        commitment_actors += [{"commitment_id": cid, "actor_id": a, "role": "addressee"} for a in addressees]

    return {
        "statements": statements,
        "sentences": sentences_df,
        "actors": actors,
        "statement_actors": statement_actors,
        "agreements": agreements,
        "statement_agreements": statement_agreements,
        "regions": regions,
        "statement_regions": statement_regions,
        "commitments": pd.DataFrame(commitments),
        "commitment_actors": pd.DataFrame(commitment_actors),
        "mentions": mentions_df,
    }


def example_sources() -> list[dict]:
    """``sources`` for :func:`pipeline.publish.write_package` matching :func:`example_tables`."""
    return [
        {"title": "Joint Statement by Canada and Japan", "path": "canada-japan-2026.txt",
         "url": "https://example.org/canada-japan-2026"},
        {"title": "U.S.-Canada Joint Statement on NA Cooperation", "path": "us-canada-na-statement.txt"},
    ]
