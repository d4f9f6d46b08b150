"""The package's charts (``charts/*.png``), drawn with matplotlib's Agg backend,
each named after what it shows and readable at one statement and at 10,000:

- ``charts/commitments_per_year_by_kind.png``: commitments per year of the
  statement date, stacked by kind, beside the share of each kind per year;
- ``charts/most_named_agreements_status_by_year.png``: the agreements named by
  the most statements, one row each, a dot per year sized by the statements
  naming it that year and coloured by the most advanced status they report;
- ``charts/regions_of_concern_ranked.png``: the regions of concern named by the
  most statements, ranked, with each region's coordinates from ``regions``
  (no map: no installed package ships world geometry for offline use).

Every chart aggregates (per year, top N), so its size does not grow with the
corpus. Deterministic: no pyplot state, fixed size, DPI, font and colours, ties
broken by name, and no ``Software``/date metadata in the PNG, so two builds of
the same tables are byte-identical.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.metadata import TABLES


@dataclass(frozen=True)
class Chart:
    path: str  # relative to the package root
    name: str  # the descriptor view's name
    title: str
    caption: str  # one sentence for the README and the review index
    resources: tuple[str, ...]


CHARTS: tuple[Chart, ...] = (
    Chart("charts/commitments_per_year_by_kind.png", "commitments-per-year-by-kind",
          "Commitments per year, by kind",
          ("Commitments per year of the statement date, stacked by kind (left), and the share of each kind "
           "in that year's commitments (right); the year axis names how many statements each year holds."),
          ("commitments", "statements")),
    Chart("charts/most_named_agreements_status_by_year.png", "most-named-agreements-status-by-year",
          "The most-named agreements and their status over time",
          ("The agreements and mechanisms named by the most statements, one row each: a dot per year "
           "sized by how many statements named it that year, coloured by the most advanced status "
           "those statements report (referenced < planned < established < signed < in force)."),
          ("statement_agreements", "agreements", "statements")),
    Chart("charts/regions_of_concern_ranked.png", "regions-of-concern-ranked",
          "Regions of concern, ranked by statements",
          ("The regions of concern named by the most statements, coloured by region type, with each "
           "region's approximate centre; `data/regions.csv` holds `latitude` and `longitude` for mapping."),
          ("statement_regions", "regions")),
)
CHART_PATHS: tuple[str, ...] = tuple(c.path for c in CHARTS)

KINDS: tuple[str, ...] = TABLES["commitments"].field("kind").enum or ()
STATUSES: tuple[str, ...] = ("referenced", "planned", "established", "signed", "in_force")  # least to most
REGION_TYPES: tuple[str, ...] = TABLES["regions"].field("region_type").enum or ()
TOP_AGREEMENTS = 20
TOP_REGIONS = 25
# tab20-like, fixed per value so that colours mean the same in every build
KIND_COLOURS = dict(zip(KINDS, (
    "#1f77b4", "#aec7e8", "#ff7f0e", "#d62728", "#2ca02c", "#98df8a",
    "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf",
)))
STATUS_COLOURS = {"referenced": "#b0b0b0", "planned": "#6baed6", "established": "#31a354",
                  "signed": "#fd8d3c", "in_force": "#a50f15"}
REGION_COLOURS = dict(zip(REGION_TYPES, ("#4c72b0", "#55a8c8", "#8172b2", "#dd8452", "#c44e52")))
RC = {"font.family": "DejaVu Sans", "font.size": 9, "svg.hashsalt": "0", "path.simplify": True,
      "text.parse_math": False}  # names with "$" are text, not mathtext


def _years(statements: pd.DataFrame) -> pd.Series:
    """statement_id -> year of the statement's date (NA when undated)."""
    dates = pd.to_datetime(statements["date"], errors="coerce")
    return pd.Series(dates.dt.year.to_numpy(), index=statements["statement_id"].astype(str).to_numpy())


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _which(shown: int, total: int, noun: str, ranked_by: str) -> str:
    """"The 20 most-named of 891 agreements" or, when all are shown, "All 7 agreements"."""
    if shown >= total:
        return f"All {_plural(total, noun)}" if total != 1 else f"The one {noun}"
    return f"The {shown:,} {ranked_by} of {_plural(total, noun)}"


def _shorten(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _style(ax, grid: str = "y") -> None:
    ax.grid(axis=grid, color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])


def _year_ticks(ax, years: list[int], labels: list[str] | None = None) -> None:
    """Every year when there are few, else matplotlib's integer ticks."""
    from matplotlib.ticker import MaxNLocator

    if len(years) <= 16:
        ax.set_xticks(years, labels or [str(y) for y in years])
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    if years:  # at least six years wide, so that one year is not one wide block
        middle, half = (min(years) + max(years)) / 2, max((max(years) - min(years)) / 2 + 0.6, 3.0)
        ax.set_xlim(middle - half, middle + half)


def commitments_per_year(t: Mapping[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.Series, int]:
    """(year x kind counts, statements per year, commitments in undated statements)."""
    years = _years(t["statements"])
    c = t["commitments"]
    cy = pd.Series(c["statement_id"].astype(str).map(years).to_numpy(), dtype="Float64")
    undated = int(cy.isna().sum())
    kinds = c["kind"].astype("object").to_numpy()
    frame = pd.DataFrame({"year": cy, "kind": kinds}).dropna(subset=["year"])
    counts = (pd.crosstab(frame["year"].astype(int), frame["kind"]) if len(frame)
              else pd.DataFrame(columns=list(KINDS), dtype=int))
    counts = counts.reindex(columns=list(KINDS), fill_value=0).sort_index()
    per_year = years.dropna().astype(int).value_counts().sort_index()
    counts = counts.reindex(sorted(set(counts.index) | set(per_year.index)), fill_value=0)
    return counts.astype(int), per_year, undated


def _draw_commitments_per_year(fig, t: Mapping[str, pd.DataFrame]) -> None:
    from matplotlib.patches import Patch

    counts, per_year, undated = commitments_per_year(t)
    ax1, ax2 = fig.subplots(1, 2, width_ratios=[3, 2])
    years = [int(y) for y in counts.index]
    labels = [f"{y}\n({int(per_year.get(y, 0)):,})" for y in years] if len(years) <= 16 else None
    total = int(counts.to_numpy().sum())
    ax1.set_title(f"Commitments per year, by kind ({total:,})", loc="left", fontsize=10)
    ax2.set_title("Share of each kind per year", loc="left", fontsize=10)
    if not total:
        _empty(ax1, "no dated commitments")
        _empty(ax2, "no dated commitments")
        return
    shares = counts.div(counts.sum(axis=1).replace(0, np.nan), axis=0).fillna(0) * 100
    for ax, frame in ((ax1, counts), (ax2, shares)):
        bottom = np.zeros(len(frame))
        for kind in KINDS:
            values = frame[kind].to_numpy(dtype=float)
            if values.any():
                ax.bar(years, values, bottom=bottom, width=0.8, color=KIND_COLOURS[kind], label=kind,
                       linewidth=0)
                bottom += values
        _year_ticks(ax, years, labels)
        ax.set_xlabel("year of the statement" + (" (statements that year)" if labels else ""))
    if undated:
        ax1.set_xlabel(ax1.get_xlabel() + f"\nnot shown: {_plural(undated, 'commitment')} of undated statements")
        _style(ax)
    ax1.set_ylabel("commitments")
    ax2.set_ylabel("% of the year's commitments")
    ax2.set_ylim(0, 100)
    present = [k for k in KINDS if counts[k].sum()]
    fig.legend(handles=[Patch(facecolor=KIND_COLOURS[k], label=k) for k in present],
               loc="outside lower center", ncols=min(len(present), 6), frameon=False, title="kind of commitment")


def agreement_status_by_year(t: Mapping[str, pd.DataFrame], top: int = TOP_AGREEMENTS) -> tuple[pd.DataFrame, int]:
    """Rows (agreement_id, name, total, year, n, status) for the ``top`` agreements
    named by the most statements (ties by name), and how many agreements there are."""
    sa = t["statement_agreements"]
    names = dict(zip(t["agreements"]["agreement_id"].astype(str), t["agreements"]["name"].astype(str)))
    years = _years(t["statements"])
    frame = pd.DataFrame({
        "agreement_id": sa["agreement_id"].astype(str).to_numpy(),
        "year": pd.Series(sa["statement_id"].astype(str).map(years).to_numpy(), dtype="Float64"),
        "rank": sa["status"].astype("object").map({s: i for i, s in enumerate(STATUSES)}).fillna(0)
                .astype(int).to_numpy(),
    })
    totals = frame.groupby("agreement_id").size()
    ranking = pd.DataFrame({"agreement_id": totals.index, "total": totals.to_numpy()})
    ranking["name"] = ranking["agreement_id"].map(names).fillna(ranking["agreement_id"])
    ranking = ranking.sort_values(["total", "name", "agreement_id"], ascending=[False, True, True],
                                  kind="stable").head(top)
    dated = frame[frame["agreement_id"].isin(ranking["agreement_id"])].dropna(subset=["year"])
    cells = (dated.groupby(["agreement_id", "year"]).agg(n=("rank", "size"), rank=("rank", "max"))
             .reset_index() if len(dated) else pd.DataFrame(columns=["agreement_id", "year", "n", "rank"]))
    cells = ranking.merge(cells, on="agreement_id", how="left")
    cells["status"] = [STATUSES[int(r)] if pd.notna(r) else None for r in cells["rank"]]
    return cells.drop(columns="rank"), len(totals)


def _draw_agreements(fig, t: Mapping[str, pd.DataFrame]) -> None:
    from matplotlib.lines import Line2D

    cells, n_agreements = agreement_status_by_year(t)
    ax = fig.subplots()
    order = list(dict.fromkeys(cells["agreement_id"]))
    ax.set_title(f"{_which(len(order), n_agreements, 'agreement', 'most-named')}: statements naming each, per year",
                 loc="left", fontsize=10)
    if not order:
        _empty(ax, "no agreements named")
        return
    first = cells.drop_duplicates("agreement_id")
    row = {a: i for i, a in enumerate(order)}
    dots = cells.dropna(subset=["year"])
    biggest = max(int(dots["n"].max()), 1) if len(dots) else 1
    years = sorted({int(y) for y in dots["year"]})
    # dots no wider than a year: about 520 pt of axis over at least six years
    span = max(years[-1] - years[0] + 1.2, 6.0) if years else 6.0
    widest = min(20.0, 0.85 * 520 / span)  # diameter in points
    s_max, s_min = widest ** 2, min(30.0, widest ** 2 / 4)

    def area(n):
        return s_min + (s_max - s_min) * np.asarray(n, dtype=float) / biggest

    for status in STATUSES:
        d = dots[dots["status"] == status]
        if len(d):
            ax.scatter(d["year"].astype(float), [row[a] for a in d["agreement_id"]], s=area(d["n"]),
                       color=STATUS_COLOURS[status], edgecolors="#333333", linewidths=0.4, zorder=3)
    for a, y, n in zip(dots["agreement_id"], dots["year"].astype(float), dots["n"].astype(int)):
        if n > 1 and float(np.sqrt(area(n))) >= 5 + 2.5 * len(str(n)):  # the number fits in its dot
            ax.text(y, row[a], str(n), ha="center", va="center", fontsize=6.5, zorder=4)
    ax.set_yticks(range(len(order)),
                  [f"{_shorten(str(nm))} ({int(tot):,})" for nm, tot in zip(first["name"], first["total"])])
    ax.set_ylim(len(order) - 0.5, -0.5)
    _year_ticks(ax, years)
    _style(ax, "both")
    ax.set_xlabel("year of the statement (number in a dot: statements that year; in brackets: all statements)")
    present = [s for s in STATUSES if (dots["status"] == s).any()]
    fig.legend(handles=[Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=STATUS_COLOURS[s],
                               markeredgecolor="#333333", label=s.replace("_", " ")) for s in present],
               loc="outside lower center", ncols=len(present) or 1, frameon=False,
               title="most advanced status reported that year")


def regions_ranked(t: Mapping[str, pd.DataFrame], top: int = TOP_REGIONS) -> tuple[pd.DataFrame, int]:
    """The ``top`` regions named by the most statements (ties by name) with type and
    coordinates, and how many regions are named at all."""
    sr = t["statement_regions"]
    counts = sr.groupby(sr["region_id"].astype(str)).size()
    regions = t["regions"].assign(region_id=t["regions"]["region_id"].astype(str))
    frame = pd.DataFrame({"region_id": counts.index, "statements": counts.to_numpy()}).merge(
        regions[["region_id", "name", "region_type", "latitude", "longitude"]], on="region_id", how="left")
    frame["name"] = frame["name"].fillna(frame["region_id"])
    frame = frame.sort_values(["statements", "name", "region_id"], ascending=[False, True, True], kind="stable")
    return frame.head(top).reset_index(drop=True), len(frame)


def _coordinates(lat: object, lon: object) -> str:
    if pd.isna(lat) or pd.isna(lon):
        return ""
    lat, lon = float(lat), float(lon)
    return f"{abs(lat):.0f}°{'N' if lat >= 0 else 'S'} {abs(lon):.0f}°{'E' if lon >= 0 else 'W'}"


def _draw_regions(fig, t: Mapping[str, pd.DataFrame]) -> None:
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    frame, n_regions = regions_ranked(t)
    ax = fig.subplots()
    n_statements = len(t["statements"])
    ax.set_title(f"{_which(len(frame), n_regions, 'region', 'most-named')} of concern named, by statements "
                 f"naming each (of {_plural(n_statements, 'statement')})", loc="left", fontsize=10)
    if frame.empty:
        _empty(ax, "no regions of concern named")
        return
    y = np.arange(len(frame))
    colours = [REGION_COLOURS.get(str(rt), "#999999") for rt in frame["region_type"]]
    ax.barh(y, frame["statements"].to_numpy(), color=colours, height=0.7)
    ax.set_yticks(y, [_shorten(str(n), 36) for n in frame["name"]])
    ax.set_ylim(len(frame) - 0.5, -0.5)
    top = int(frame["statements"].max())
    ax.set_xlim(0, top * 1.28)
    for i, (n, lat, lon) in enumerate(zip(frame["statements"], frame["latitude"], frame["longitude"])):
        ax.text(int(n) + top * 0.01, i, f"{int(n):,}", va="center", fontsize=8)
        where = _coordinates(lat, lon)
        if where:
            ax.text(int(n) + top * 0.08, i, where, va="center", fontsize=7, color="#666666")
    ax.set_xlabel("statements naming the region (grey: approximate centre)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _style(ax, "x")
    present = [rt for rt in REGION_TYPES if (frame["region_type"] == rt).any()]
    fig.legend(handles=[Patch(facecolor=REGION_COLOURS[rt], label=rt) for rt in present],
               loc="outside lower center", ncols=len(present) or 1, frameon=False, title="region type")


_DRAW = {
    "charts/commitments_per_year_by_kind.png": (_draw_commitments_per_year, lambda t: 5.2),
    "charts/most_named_agreements_status_by_year.png": (
        _draw_agreements, lambda t: 1.9 + 0.3 * max(min(len(set(t["statement_agreements"]["agreement_id"])),
                                                        TOP_AGREEMENTS), 3)),
    "charts/regions_of_concern_ranked.png": (
        _draw_regions, lambda t: 1.9 + 0.26 * max(min(len(set(t["statement_regions"]["region_id"])),
                                                      TOP_REGIONS), 3)),
}


def write_charts(tables: Mapping[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Draw every chart of :data:`CHARTS` from ``tables`` into ``out_dir``;
    returns the paths written, in :data:`CHARTS` order."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    written = []
    for chart in CHARTS:
        draw, height = _DRAW[chart.path]
        with matplotlib.rc_context(RC):
            fig = Figure(figsize=(11, height(tables)), dpi=100, layout="constrained")
            FigureCanvasAgg(fig)
            draw(fig, tables)
            path = Path(out_dir) / chart.path
            path.parent.mkdir(parents=True, exist_ok=True)
            fig.savefig(path, format="png", metadata={"Software": None})
        written.append(path)
    return written
