"""The package's chart: commitments by kind per statement, and by topic
(``charts/commitments_by_kind.png``), drawn with matplotlib's Agg backend.

Deterministic: no pyplot state, fixed size, DPI, font and colours, and no
``Software``/date metadata in the PNG, so two builds of the same tables
(with SOURCE_DATE_EPOCH) are byte-identical.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from pipeline.metadata import TABLES

CHART_PATH = "charts/commitments_by_kind.png"
CHART_TITLE = "Commitments by kind, per statement and by topic"
MAX_STATEMENTS = 40  # more statements than this: the chart shows the 40 with the most commitments

KINDS: tuple[str, ...] = TABLES["commitments"].field("kind").enum or ()
TOPICS: tuple[str, ...] = TABLES["commitments"].field("topic").enum or ()
# tab20-like, fixed per kind so that colours mean the same in every build
KIND_COLOURS = dict(zip(KINDS, (
    "#1f77b4", "#aec7e8", "#ff7f0e", "#d62728", "#2ca02c", "#98df8a",
    "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf",
)))


def _counts(commitments: pd.DataFrame, by: str, index: list[str]) -> pd.DataFrame:
    if commitments.empty:
        return pd.DataFrame(0, index=index, columns=list(KINDS))
    c = commitments.assign(**{by: commitments[by].astype("object").where(commitments[by].notna(), "(none)")})
    table = pd.crosstab(c[by], c["kind"].astype("object"))
    return table.reindex(index=index, columns=list(KINDS), fill_value=0).fillna(0).astype(int)


def write_chart(tables: Mapping[str, pd.DataFrame], out_dir: Path) -> Path:
    """Draw the chart from ``tables["commitments"]`` (and ``statements`` for
    the statement order) into ``out_dir / CHART_PATH``; returns that path."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    commitments = tables["commitments"]
    statements = tables["statements"]
    sids = sorted(set(statements["statement_id"].astype(str)))
    per_statement = _counts(commitments, "statement_id", sids)
    note = ""
    if len(per_statement) > MAX_STATEMENTS:
        totals = per_statement.sum(axis=1)
        keep = sorted(totals.sort_values(ascending=False, kind="stable").index[:MAX_STATEMENTS])
        note = f" (the {MAX_STATEMENTS} of {len(per_statement)} with most commitments)"
        per_statement = per_statement.loc[keep]
    topics = list(TOPICS) + ["(none)"]
    per_topic = _counts(commitments, "topic", topics)
    per_topic = per_topic[per_topic.sum(axis=1) > 0] if per_topic.to_numpy().sum() else per_topic

    rows = max(len(per_statement), len(per_topic), 4)
    height = min(2.0 + 0.28 * rows, 16.0)
    with matplotlib.rc_context({"font.family": "DejaVu Sans", "font.size": 8, "svg.hashsalt": "0",
                                "path.simplify": True}):
        fig = Figure(figsize=(13, height), dpi=100, layout="constrained")
        FigureCanvasAgg(fig)
        ax1, ax2 = fig.subplots(1, 2, width_ratios=[3, 2])
        for ax, frame, title in (
            (ax1, per_statement, f"Commitments by kind per statement{note}"),
            (ax2, per_topic, "Commitments by topic"),
        ):
            labels = [str(i) for i in frame.index][::-1]
            left = [0] * len(frame)
            for kind in KINDS:
                values = frame[kind].tolist()[::-1]
                if not any(values):
                    continue
                ax.barh(labels, values, left=left, color=KIND_COLOURS[kind], label=kind, height=0.75)
                left = [a + b for a, b in zip(left, values)]
            ax.set_title(title, loc="left", fontsize=10)
            ax.set_xlabel("commitments")
            ax.grid(axis="x", color="#dddddd", linewidth=0.6)
            ax.set_axisbelow(True)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            if frame.to_numpy().sum() == 0:
                ax.text(0.5, 0.5, "no commitments", transform=ax.transAxes, ha="center", va="center")
        present = [k for k in KINDS if per_topic[k].sum() or per_statement[k].sum()]
        if present:
            handles = [Patch(facecolor=KIND_COLOURS[k], label=k) for k in present]
            fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 6),
                       frameon=False, title="kind of commitment")
        path = Path(out_dir) / CHART_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format="png", metadata={"Software": None})
    return path
