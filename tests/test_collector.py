"""The extractors' long-lived data leaves the garbage collector's way after the first
statement of a process (pipeline/extract/collector.py), and results do not change."""
from __future__ import annotations

import gc
import subprocess
import sys
import textwrap


def test_first_extraction_freezes_the_loaded_lexicons_and_results_do_not_change():
    # a fresh interpreter: the test process may have frozen already
    code = textwrap.dedent("""
        import gc, datetime
        from pipeline.model import Statement
        from pipeline.extract.statement import extract_statement
        st = Statement(statement_id="x", source_file="x.txt", sha256="0" * 64,
                       title="Joint Statement by Canada and Japan", date=datetime.date(2026, 3, 6),
                       text="Canada and Japan will deepen cooperation in the Indo-Pacific. We condemn the attacks.")
        assert gc.get_freeze_count() == 0
        first = extract_statement(st)
        frozen = gc.get_freeze_count()
        second = extract_statement(st)
        assert gc.get_freeze_count() == frozen, "frozen only once"
        print(frozen, first == second, len(first.commitments), gc.get_threshold()[0])
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 10_000  # the lexicons and gazetteers, not a handful of objects
    assert out[1] == "True" and int(out[2]) == 2
    assert int(out[3]) >= 50_000  # the youngest generation is collected less often

