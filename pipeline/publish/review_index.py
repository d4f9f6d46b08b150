"""The review index, ``review/index.html``: every statement in one table with
filters by party, year and free text, sortable columns, and the package's
charts (``../charts/*.png``) embedded.

The table is complete without JavaScript; the filter bar is shown by the
page's script (so a reader without scripts sees no dead controls), which
filters and sorts the rows in place (a key per row computed once, one pass per
change: fast at 10,000 rows). Every value goes through :func:`esc`; images are
allowed from the package's own folder only (``img-src 'self'``), nothing else
is loaded.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .chart import CHARTS
from .review import CSP, _page, _s, esc, page_name, plural

INDEX_CSP = CSP.replace("img-src 'none'", "img-src 'self'")
MAX_PARTIES_SHOWN = 4  # more parties: the first ones, "+N more", and all of them on hover

INDEX_CSS = """
header .meta + .meta { margin-top: 2px; }
.charts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 14px; padding: 12px 20px 0; }
.charts figure { margin: 0; font-size: 12.5px; color: #444; }
.charts img { width: 100%; height: auto; border: 1px solid #e3e3e3; border-radius: 4px; display: block; }
.charts figcaption { margin-top: 4px; }
.filters { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: center; padding: 12px 20px 0;
           font-size: 14px; }
.filters[hidden] { display: none; }
.filters input[type=search] { width: 22em; max-width: 100%; padding: 4px 6px; font: inherit; }
.filters select { max-width: 20em; padding: 3px; font: inherit; }
.filters #shown { color: #555; }
table.index { border-collapse: collapse; margin: 10px 20px 24px; font-size: 14px; width: calc(100% - 40px); }
table.index td, table.index th { border-bottom: 1px solid #e3e3e3; padding: 4px 8px; text-align: left;
                                 vertical-align: top; overflow-wrap: anywhere; }
table.index th { overflow-wrap: normal; white-space: nowrap; position: sticky; top: 0; background: #fff; box-shadow: inset 0 -1px #ccc; }
table.index th button { all: unset; cursor: pointer; font-weight: 700; }
table.index th button:focus-visible { outline: 2px solid #2a5db0; }
table.index th[aria-sort=ascending] button::after { content: " ▲"; font-size: 10px; }
table.index th[aria-sort=descending] button::after { content: " ▼"; font-size: 10px; }
table.index td.n, table.index th.n { text-align: right; }
table.index td.date { white-space: nowrap; }
table.index col.c-title { width: 38%; } table.index col.c-parties { width: 20%; }
table.index code { color: #555; }
"""

INDEX_JS = """
(function () {
  var table = document.getElementById('statements'), body = table.tBodies[0];
  var bar = document.getElementById('filters'), q = document.getElementById('q');
  var party = document.getElementById('party'), year = document.getElementById('year');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(body.rows);
  rows.forEach(function (r) {
    r._text = (r.textContent + ' ' + (r.getAttribute('data-names') || '')).toLowerCase();
  });
  function noun(n) { return n.toLocaleString('en') + ' statement' + (n === 1 ? '' : 's'); }
  function apply() {
    var words = q.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var p = party.value ? ' ' + party.value + ' ' : '', y = year.value, n = 0;
    rows.forEach(function (r) {
      var ok = (!y || r.getAttribute('data-year') === y)
        && (!p || r.getAttribute('data-parties').indexOf(p) >= 0)
        && words.every(function (w) { return r._text.indexOf(w) >= 0; });
      r.hidden = !ok;
      if (ok) n += 1;
    });
    shown.textContent = 'showing ' + (n === rows.length ? 'all ' : n.toLocaleString('en') + ' of ')
      + noun(rows.length);
  }
  q.addEventListener('input', apply);
  party.addEventListener('change', apply);
  year.addEventListener('change', apply);
  document.getElementById('reset').addEventListener('click', function () {
    q.value = ''; party.value = ''; year.value = ''; apply();
  });
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, col) {
    th.querySelector('button').addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending', num = th.classList.contains('n');
      heads.forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var keyed = rows.map(function (r, i) {
        var c = r.cells[col], v = c.hasAttribute('data-v') ? c.getAttribute('data-v') : c.textContent;
        return {r: r, i: i, v: num ? parseFloat(v) || 0 : v.toLowerCase()};
      });
      keyed.sort(function (a, b) {
        var d = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
        return (asc ? d : -d) || a.i - b.i;
      });
      rows = keyed.map(function (k) { return k.r; });
      var frag = document.createDocumentFragment();
      rows.forEach(function (r) { frag.appendChild(r); });
      body.appendChild(frag);
    });
  });
  bar.hidden = false;
  apply();
})();
"""

COLUMNS = (  # (header, class: "n" = numeric, hover text); sort key from data-v or the text
    ("statement", "", "title and id; opens the review page"), ("date", "", ""), ("parties", "", ""),
    ("place", "", ""), ("commitments", "n", ""), ("actors", "n", "actor mentions"),
    ("agreements", "n", "agreement mentions"), ("regions", "n", "region mentions"),
)


def _parties(t: dict[str, pd.DataFrame]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """statement_id -> its parties' actor ids (in actor-name order), and actor_id -> name."""
    sa = t["statement_actors"]
    sa = sa[sa["is_party"].astype(bool)]
    names = dict(zip(t["actors"]["actor_id"].astype(str), t["actors"]["name"].astype(str)))
    frame = pd.DataFrame({"statement_id": sa["statement_id"].astype(str).to_numpy(),
                          "actor_id": sa["actor_id"].astype(str).to_numpy()})
    frame["name"] = frame["actor_id"].map(names).fillna(frame["actor_id"])
    frame = frame.sort_values(["statement_id", "name", "actor_id"], kind="stable")
    by_statement = {sid: list(ids) for sid, ids in frame.groupby("statement_id", sort=False)["actor_id"]}
    return by_statement, names


def _options(label_all: str, counts: list[tuple[str, str, int]]) -> str:
    """``<option>``s: "all", then (value, label, statements) in the order given."""
    out = [f'<option value="">{esc(label_all)}</option>']
    out += [f'<option value="{esc(v)}">{esc(label)} ({n:,})</option>' for v, label, n in counts]
    return "".join(out)


def _code(escaped: str) -> str:
    """Markdown's `code` in an (already escaped) caption as ``<code>``."""
    return re.sub(r"`([^`<>]+)`", r"<code>\1</code>", escaped)


def _charts(out_dir: Path | None) -> str:
    figures = []
    for c in CHARTS:
        if out_dir is not None and (out_dir / c.path).is_file():
            src = esc("../" + c.path)
            figures.append(f'<figure><a href="{src}"><img src="{src}" alt="{esc(c.title)}"></a>'
                           f"<figcaption><strong>{esc(c.title)}.</strong> {_code(esc(c.caption))}</figcaption>"
                           "</figure>")
    return f'<section class="charts" id="charts">{"".join(figures)}</section>' if figures else ""


def index_page(t: dict[str, pd.DataFrame], out_dir: Path | None = None) -> str:
    """HTML of the review index over the (conformed) tables ``t``; the charts
    under ``out_dir`` are embedded when they exist."""
    st, m, c = t["statements"], t["mentions"], t["commitments"]
    by_type = m.groupby(["statement_id", "entity_type"], sort=False).size().to_dict()
    n_commitments = c.groupby("statement_id", sort=False).size().to_dict()
    parties, names = _parties(t)
    dates = [_s(d) for d in st["date"]]
    years = [d[:4] if d else "-" for d in dates]
    rows = []
    for sid, title, date, year, place in zip(st["statement_id"], st["title"], dates, years, st["place"]):
        n = [int(by_type.get((sid, k), 0)) for k in ("actor", "agreement", "region")]
        ids = parties.get(sid, [])
        party_names = [names.get(a, a) for a in ids]
        shown = ", ".join(party_names[:MAX_PARTIES_SHOWN] if len(ids) > MAX_PARTIES_SHOWN + 1 else party_names)
        more = len(ids) - MAX_PARTIES_SHOWN if len(ids) > MAX_PARTIES_SHOWN + 1 else 0
        all_names = ", ".join(party_names)
        rows.append(
            f'<tr data-year="{esc(year)}" data-parties=" {esc(" ".join(ids))} "'
            + (f' data-names="{esc(all_names)}"' if more else "") + ">"
            f'<td data-v="{esc(_s(title))}"><a href="{esc(page_name(sid))}">{esc(title)}</a><br>'
            f"<code>{esc(sid)}</code></td>"
            f'<td class="date" data-v="{esc(date or "9999")}">{esc(date)}</td>'
            f'<td data-v="{esc(all_names)}"' + (f' title="{esc(all_names)}"' if more else "") + ">"
            + esc(shown) + (f" <em>+{more} more</em>" if more else "") + "</td>"
            f"<td>{esc(_s(place))}</td>"
            f'<td class="n">{int(n_commitments.get(sid, 0))}</td><td class="n">{n[0]}</td>'
            f'<td class="n">{n[1]}</td><td class="n">{n[2]}</td></tr>'
        )
    party_counts = pd.Series([a for ids in parties.values() for a in ids], dtype="object").value_counts()
    party_options = sorted(((str(a), f"{names.get(a, a)} ({a})", int(k)) for a, k in party_counts.items()),
                           key=lambda o: (-o[2], o[1]))
    year_counts = pd.Series(years, dtype="object").value_counts()
    year_options = [(y, "undated" if y == "-" else y, int(year_counts[y]))
                    for y in sorted(year_counts.index, key=lambda y: (y == "-", y), reverse=False)]
    real_years = [y for y in years if y != "-"]
    span = f", {min(real_years)}–{max(real_years)}" if real_years else ""
    if real_years and min(real_years) == max(real_years):
        span = f", {real_years[0]}"
    heads = "".join(f'<th class="{cls}" aria-sort="none" scope="col"' + (f' title="{esc(tip)}"' if tip else "")
                    + f'><button type="button">{esc(h)}</button></th>' for h, cls, tip in COLUMNS)
    body = (
        "<header><h1>Review: joint statements</h1>"
        f'<div class="meta">{plural(len(st), "statement")}{span} · {plural(len(c), "commitment")} · '
        f'{plural(len(m), "mention")}. Open a statement to see its text with every extracted mention and '
        "commitment highlighted; actors, agreements and regions count mentions. Click a column heading to sort, a chart to see it "
        "in full size.</div></header>\n"
        f"{_charts(out_dir)}\n"
        '<div class="filters" id="filters" hidden>'
        '<label>Text <input type="search" id="q" placeholder="title, id, place or party" '
        'aria-controls="statements"></label>'
        f'<label>Party <select id="party">{_options("all parties", party_options)}</select></label>'
        f'<label>Year <select id="year">{_options("all years", year_options)}</select></label>'
        '<button type="button" id="reset">Clear</button><span id="shown" aria-live="polite"></span></div>\n'
        '<table class="index" id="statements"><colgroup><col class="c-title"><col><col class="c-parties">'
        "<col><col><col><col><col></colgroup>"
        f"<thead><tr>{heads}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"
    )
    return _page("Review: joint statements", body, script=f"<script>{INDEX_JS}</script>\n", css=INDEX_CSS,
                 csp=INDEX_CSP)
